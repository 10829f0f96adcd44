// Findings (plain data from the engine) to LSP diagnostics.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { ruleDocUrl } from '../engine/docs';
import { ruleByCode } from '../rules/index';
import type { Finding } from '../engine/run';
import type { Severity } from '../engine/rule';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding, uri: string): Diagnostic {
  const meta = ruleByCode(finding.code)?.meta;
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: 'eks-lens',
    code: finding.code,
    message: finding.message,
  };
  if (meta) diagnostic.codeDescription = { href: ruleDocUrl(meta) };
  if (finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri: r.uri ?? uri, range: r.range }, message: r.message }));
  }
  if (finding.data !== undefined) diagnostic.data = finding.data;
  return diagnostic;
}
