// What a rule is: metadata as data, and a check function that reports against YAML nodes or
// offsets. Rules never see LSP types; the engine turns their reports into findings.
import type { Node } from 'yaml';
import type { EffectiveConfig } from './config';
import type { DocumentKind } from '../model/classify';
import type { FileModel, StreamDocument } from '../model/document';
import type { Range } from '../model/lineIndex';
import type { WorkspaceView } from '../workspace/facts';
import type { Fix, FixContext } from './fix';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export interface RuleMeta {
  /** `document` rules run once per document of a matching kind; `file` rules once per file. */
  readonly scope?: 'document' | 'file';
  /** Stable, user-facing code, e.g. `cidr-host-bits`. */
  readonly code: string;
  readonly severity: Severity;
  /** Document kinds the rule runs on; `any` includes documents of no known kind. */
  readonly kinds: readonly DocumentKind[] | 'any';
  /** One line saying what the rule catches. */
  readonly title: string;
  /** The rule's page, relative to the extension's root. */
  readonly docs: string;
}

/** A place in the file: a node of the document (its value range is used) or explicit offsets. */
export type Target = Node | { start: number; end: number };

/** A related place: a target in the checked file, or a range in another file of the workspace. */
export type RelatedPlace = { target: Target; message: string } | { uri: string; range: Range; message: string };

export interface Report {
  target: Target;
  message: string;
  /** The rule may choose a severity per finding (the user's override still wins). */
  severity?: Severity;
  related?: RelatedPlace[];
  /** Data for code actions (serialisable). */
  data?: unknown;
}

export interface FileContext {
  readonly file: FileModel;
  readonly config: EffectiveConfig;
  /** What other files of the workspace declare (service CIDRs, workloads); empty when checked alone. */
  readonly workspace: WorkspaceView;
  report(report: Report): void;
}

export interface RuleContext extends FileContext {
  readonly doc: StreamDocument;
}

export interface Rule {
  readonly meta: RuleMeta;
  /** Document rules: called for each document of a matching kind that parsed without errors. */
  check?(context: RuleContext): void;
  /** File rules: called once per file, parsed or not. */
  checkFile?(context: FileContext): void;
  /** Quick fixes for one of this rule's findings: only edits that are certainly right (none otherwise). */
  fix?(context: FixContext): Fix[];
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
