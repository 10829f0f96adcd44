// The checker's three output formats. JSON is a stable contract (version 1); SARIF 2.1.0 is for
// code-scanning uploads; text is for people. Workspace text (file names, values quoted in
// messages) never reaches the output with raw control characters: see visible.ts.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { ruleDocText, ruleDocUrl } from '../engine/docs';
import type { Finding } from '../engine/run';
import type { Rule, Severity } from '../engine/rule';
import { VERSION } from '../version';
import { terminalSafeJson, visible } from './visible';

export interface FileResult {
  path: string;
  findings: Finding[];
}

/** About the run as a whole: the project file used (as shown to the user), if any. */
export interface RunInfo {
  projectFile?: string;
}

export function formatJson(results: readonly FileResult[], run: RunInfo = {}): string {
  const files = results.map((r) => ({
    path: r.path,
    diagnostics: r.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      range: {
        start: { line: f.range.start.line, character: f.range.start.character },
        end: { line: f.range.end.line, character: f.range.end.character },
      },
    })),
  }));
  return terminalSafeJson(JSON.stringify({ version: 1, ...(run.projectFile !== undefined ? { projectFile: run.projectFile } : {}), files }));
}

const SARIF_LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(results: readonly FileResult[], rules: readonly Rule[], docsBaseUrl?: string, run: RunInfo = {}): string {
  const index = new Map(rules.map((rule, i) => [rule.meta.code, i]));
  const location = (file: string, range: Finding['range']): Sarif.Location => ({
    physicalLocation: {
      artifactLocation: { uri: toSarifUri(file) },
      region: {
        startLine: range.start.line + 1,
        startColumn: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
      },
    },
  });
  const sarif: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'eks-lens',
            version: VERSION,
            rules: rules.map((rule): Sarif.ReportingDescriptor => {
              const help = ruleDocText(rule.meta);
              return {
                id: rule.meta.code,
                name: rule.meta.code,
                shortDescription: { text: rule.meta.title },
                helpUri: ruleDocUrl(rule.meta, docsBaseUrl),
                ...(help ? { help: { text: rule.meta.title, markdown: help } } : {}),
                defaultConfiguration: { level: SARIF_LEVEL[rule.meta.severity] },
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: results.flatMap((r) =>
          r.findings.map((f): Sarif.Result => ({
            ruleId: f.code,
            ...(index.has(f.code) ? { ruleIndex: index.get(f.code) } : {}),
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [location(r.path, f.range)],
            ...(f.related?.length ? { relatedLocations: f.related.map((rel, id) => ({ id, message: { text: rel.message }, ...location(rel.uri ?? r.path, rel.range) })) } : {}),
          })),
        ),
        // A property bag (SARIF 2.1.0 §3.8): the project file the run was configured by.
        ...(run.projectFile !== undefined ? { properties: { projectFile: toSarifUri(run.projectFile) } } : {}),
      },
    ],
  };
  return terminalSafeJson(JSON.stringify(sarif, null, 2));
}

/**
 * SARIF wants a URI reference. A file inside the working directory is a relative reference, each
 * segment percent-encoded (spaces, `#`, `%`, newlines and other controls in names included); any
 * other file is an absolute `file:` URI from pathToFileURL. `<stdin>` stays a relative name.
 */
export function toSarifUri(file: string): string {
  const absolute = path.resolve(file);
  const relative = path.relative(process.cwd(), absolute);
  if (file === '<stdin>' || (relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))) {
    return (file === '<stdin>' ? file : relative).split(path.sep).map(encodeURIComponent).join('/');
  }
  return pathToFileURL(absolute).href;
}

const COLOURS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[2m' };
const RESET = '\x1b[0m';

export function formatText(results: readonly FileResult[], colour: boolean): string {
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of results) {
    for (const f of r.findings) {
      counts[f.severity]++;
      // The path and the message carry workspace text; the rest is ours (colour codes included).
      const where = `${visible(r.path)}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      const severity = colour ? `${COLOURS[f.severity]}${f.severity}${RESET}` : f.severity;
      lines.push(`${where}  ${severity}  ${f.code}  ${visible(f.message)}`);
    }
  }
  const files = `${results.length} file${results.length === 1 ? '' : 's'} checked`;
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    total === 0
      ? `${files}: no problems found.`
      : `${files}: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} information, ${plural(counts.hint, 'hint')}.`,
  );
  return lines.join('\n');
}
