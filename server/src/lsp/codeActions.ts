// Core actions (plain data with file offsets) to LSP CodeActions with WorkspaceEdits.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { Action } from '../actions/index';
import { ruleDocUrl } from '../engine/docs';
import { ruleByCode } from '../rules/index';
import type { FileModel } from '../model/document';
import { toDiagnostic } from './diagnostics';

/** Commands the client implements (they need the editor's UI). */
export const SHOW_DOCS_COMMAND = 'eksLens.showDocumentation';
export const PLAN_SUBNETS_COMMAND = 'eksLens.planSubnets';

export function toCodeAction(action: Action, file: FileModel, uri: string, sent: readonly Diagnostic[]): CodeAction {
  const out: CodeAction = { title: action.title, kind: action.kind === 'refactor' ? CodeActionKind.Refactor : CodeActionKind.QuickFix };
  if (action.finding) {
    // Point at the diagnostic the client sent when it is the same one, else at ours.
    const ours = toDiagnostic(action.finding, uri);
    const same = (d: Diagnostic) => d.code === ours.code && d.message === ours.message && d.range.start.line === ours.range.start.line && d.range.start.character === ours.range.start.character;
    out.diagnostics = [sent.find(same) ?? ours];
  }
  if (action.isPreferred) out.isPreferred = true;
  if (action.edits) {
    const changes: Record<string, LspTextEdit[]> = {};
    for (const e of action.edits) (changes[e.uri ?? uri] ??= []).push({ range: file.lines.rangeOf(e.start, e.end), newText: e.newText });
    out.edit = { changes };
  }
  const meta = action.showDocs && action.finding ? ruleByCode(action.finding.code)?.meta : undefined;
  if (meta) out.command = { title: action.title, command: SHOW_DOCS_COMMAND, arguments: [ruleDocUrl(meta)] };
  if (action.planAt !== undefined) out.command = { title: action.title, command: PLAN_SUBNETS_COMMAND, arguments: [{ uri, offset: action.planAt }] };
  return out;
}
