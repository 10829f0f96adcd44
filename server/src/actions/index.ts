// Code actions for a range of a file: each finding's quick fixes (from its rule), a comment that
// silences it on that line, and a link to its page. Plain data; the server turns it into LSP.
import type { EffectiveConfig } from '../engine/config';
import type { Rule } from '../engine/rule';
import type { Finding } from '../engine/run';
import type { FileModel, StreamDocument } from '../model/document';
import type { Cidr } from '../net/cidr';
import type { WorkspaceView } from '../workspace/facts';
import { insertLineBefore, type TextEdit } from '../model/edits';
import { offsetsOf } from '../model/offsets';
import type { Fix } from '../engine/fix';
import { networkOf } from '../formats';
import { planWriterFor } from './planInsert';

export interface Action {
  readonly title: string;
  readonly kind: 'quickfix' | 'refactor';
  readonly isPreferred?: boolean;
  /** The finding it answers (none for the subnet planner). */
  readonly finding?: Finding;
  /** Starts the subnet planner for the VPC block at this file offset. */
  readonly planAt?: number;
  readonly edits?: readonly TextEdit[];
  /** Opens the rule's page instead of editing. */
  readonly showDocs?: string;
}

export interface ActionOptions {
  readonly config: EffectiveConfig;
  readonly workspace: WorkspaceView;
  /** The rules whose fix() and docs the actions use (rules/index.ts's allRules). */
  readonly rules: readonly Rule[];
}

/** The actions for the findings that touch lines [fromLine, toLine] (0-based). */
export function codeActions(file: FileModel, findings: readonly Finding[], fromLine: number, toLine: number, options: ActionOptions): Action[] {
  const out: Action[] = [];
  for (const finding of findings) {
    if (finding.range.end.line < fromLine || finding.range.start.line > toLine) continue;
    for (const fix of fixesFor(file, finding, options)) out.push({ ...fix, kind: 'quickfix', finding });
    // A comment can only silence a finding in YAML (JSON has no comments), and not a syntax error.
    if (file.format === 'yaml' && finding.code !== 'yaml-syntax' && finding.code !== 'not-checked') {
      const offset = file.lines.offsetAt(finding.range.start);
      out.push({ title: `Disable ${finding.code} for this line`, kind: 'quickfix', finding, edits: [insertLineBefore(file, offset, `# eks-lens-disable-next-line ${finding.code}`)] });
    }
    const docs = options.rules.find((r) => r.meta.code === finding.code)?.meta.docs;
    if (docs) out.push({ title: `Show documentation for ${finding.code}`, kind: 'quickfix', finding, showDocs: docs });
  }
  const vpc = plannableVpcAt(file, fromLine, toLine);
  if (vpc) out.push({ title: 'Plan subnets for this VPC…', kind: 'refactor', planAt: vpc.offset });
  return out;
}

/**
 * A VPC block on these lines that has no subnets in the file yet: an eksctl `vpc.cidr`, or the
 * `CidrBlock` of a CloudFormation VPC no subnet names.
 */
export function plannableVpcAt(file: FileModel, fromLine: number, toLine: number): { offset: number; doc: StreamDocument; cidr: Cidr; logicalId?: string } | undefined {
  for (const doc of file.documents) {
    const writer = planWriterFor(doc.kind);
    if (doc.syntaxErrors.length || !writer) continue;
    for (const vpc of networkOf(doc).vpcs) {
      if (!vpc.primary || vpc.subnets.length || vpc.extentUnknown) continue;
      const { start } = offsetsOf(vpc.primary.node, doc);
      const line = file.lines.positionAt(start).line;
      if (line < fromLine || line > toLine) continue;
      const logicalId = writer.vpcName?.(vpc);
      return { offset: start, doc, cidr: vpc.primary.cidr, ...(logicalId ? { logicalId } : {}) };
    }
  }
  return undefined;
}

/** The quick fixes a finding's rule offers; a rule that throws offers none. */
export function fixesFor(file: FileModel, finding: Finding, options: ActionOptions): Fix[] {
  const rule = options.rules.find((r) => r.meta.code === finding.code);
  if (!rule?.fix) return [];
  const offset = file.lines.offsetAt(finding.range.start);
  const doc = file.documents.find((d) => offset >= d.start && offset <= d.end);
  if (!doc) return [];
  try {
    return rule.fix({ file, doc, finding, offset, config: options.config, workspace: options.workspace });
  } catch {
    return [];
  }
}
