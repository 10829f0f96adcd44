// The rule engine: runs the registered rules over a file model and returns findings with LSP-shaped
// ranges (plain data; no protocol types). Invariants: a rule that throws is logged and skipped,
// never allowed past the engine; user settings decide severities; suppression comments apply last.
import type { EffectiveConfig } from './config';
import { SEVERITIES, type FileContext, type Report, type Rule, type RuleContext, type Severity, type Target } from './rule';
import type { Node } from 'yaml';
import { originsOf } from '../model/origins';
import { offsetsOf } from '../model/offsets';
import { findSuppressions, isSuppressed, type Suppressions } from './suppress';
import type { FileModel, StreamDocument } from '../model/document';
import type { Range } from '../model/lineIndex';
import { EMPTY_WORKSPACE, type WorkspaceView } from '../workspace/facts';

export interface RelatedFinding {
  /** Undefined for a place in the checked file itself. */
  uri?: string;
  range: Range;
  message: string;
}

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedFinding[];
  data?: unknown;
}

export interface CheckOptions {
  config: EffectiveConfig;
  /** The rest of the workspace, for rules that look across files. */
  workspace?: WorkspaceView;
  /** The rules to run (rules/index.ts's allRules for every rule); the engine knows no rule itself. */
  rules: readonly Rule[];
  /** Told about a rule that threw; the check goes on without it. */
  onRuleError?: (code: string, error: unknown) => void;
}

/** Checks a whole file at once (the command-line checker and tests). */
export function checkFile(file: FileModel, options: CheckOptions): Finding[] {
  const steps = checkSteps(file, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Checks a file one document at a time, yielding between documents so that a caller (the server)
 * can give way to newer edits and abandon a stale run.
 */
export function* checkSteps(file: FileModel, options: CheckOptions): Generator<void, Finding[]> {
  const rules = options.rules.filter((rule) => options.config.rules[rule.meta.code] !== 'off');
  const findings: Finding[] = [];
  const cap = options.config.maxFindingsPerFile ?? DEFAULT_MAX_FINDINGS;
  let left = 0;
  const seen = new Set<string>();
  const suppressions = findSuppressions(file.text, file.lines, file.comments);
  const workspace = options.workspace ?? EMPTY_WORKSPACE;

  const reporter = (rule: Rule, doc?: StreamDocument) => (report: Report) => {
    const finding = toFinding(file, doc, rule, report, options.config);
    if (isSuppressed(suppressions, finding.code, finding.range.start.line)) return;
    // One finding per rule and place: a node reached through several aliases or merge keys, or a
    // parse error the parser describes twice, is reported once.
    const key = `${finding.code}|${finding.range.start.line}:${finding.range.start.character}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(finding);
    // A flood is trimmed as it comes (the order is total, so this keeps what trimming at the end
    // would), so a file with half a million findings does not hold them all in memory.
    if (findings.length >= 4 * cap) left += keepFirst(findings, cap);
  };
  const guarded = (rule: Rule, run: () => void) => {
    try {
      run();
    } catch (error) {
      options.onRuleError?.(rule.meta.code, error);
    }
  };

  for (const rule of rules) {
    if (!rule.checkFile) continue;
    const context: FileContext = { file, config: options.config, workspace, report: reporter(rule) };
    guarded(rule, () => rule.checkFile?.(context));
  }
  for (const doc of file.documents) {
    for (const rule of rules) {
      if (!rule.check || !appliesTo(rule, doc)) continue;
      const context: RuleContext = { file, doc, config: options.config, workspace, report: reporter(rule, doc) };
      guarded(rule, () => rule.check?.(context));
    }
    yield;
  }
  return capped(file, findings, left, suppressions, options.config);
}

/** Keeps the first `cap` findings in the order of the cap (errors first); returns how many went. */
function keepFirst(findings: Finding[], cap: number): number {
  if (findings.length <= cap) return 0;
  findings.sort(bySeverity);
  const gone = findings.length - cap;
  findings.length = cap;
  return gone;
}

function bySeverity(a: Finding, b: Finding): number {
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || byPosition(a, b) || a.message.localeCompare(b.message);
}

/** Findings shown per file unless the configuration says otherwise (`maxFindingsPerFile`). */
export const DEFAULT_MAX_FINDINGS = 1000;

/**
 * The note the engine adds when it leaves findings out: its code and default severity. The rule
 * `rules/too-many-findings.ts` takes them from here, so that the note has a rule entry (settings,
 * docs page) while the engine imports no rule.
 */
export const TOO_MANY_FINDINGS = { code: 'too-many-findings', severity: 'information' } as const;

/**
 * Keeps at most the configured number of findings, errors first (then warnings, information,
 * hints, each in file order), so a flood of one kind cannot hide the findings that matter, and
 * adds one note at the end of the file saying how many were left out. The same in the CLI and the
 * server, and the same on every run: the order is total.
 */
function capped(file: FileModel, findings: Finding[], trimmed: number, suppressions: Suppressions, config: EffectiveConfig): Finding[] {
  const cap = config.maxFindingsPerFile ?? DEFAULT_MAX_FINDINGS;
  const left = trimmed + keepFirst(findings, cap);
  const kept = findings.sort(byPosition);
  if (!left) return kept;
  const setting = config.rules[TOO_MANY_FINDINGS.code];
  const end = file.lines.positionAt(file.text.length);
  if (setting === 'off' || isSuppressed(suppressions, TOO_MANY_FINDINGS.code, end.line)) return kept;
  kept.push({
    code: TOO_MANY_FINDINGS.code,
    severity: setting ?? TOO_MANY_FINDINGS.severity,
    message: `${left} more ${left === 1 ? 'finding is' : 'findings are'} not shown: eks-lens shows at most ${cap} per file, errors first.`,
    range: { start: end, end },
  });
  return kept;
}

function appliesTo(rule: Rule, doc: StreamDocument): boolean {
  const { kinds, code } = rule.meta;
  // Only the syntax rule looks at a document the parser could not read; other rules would be
  // reading a guess.
  if (doc.syntaxErrors.length && code !== 'yaml-syntax') return false;
  return kinds === 'any' || kinds.includes(doc.kind);
}

function toFinding(file: FileModel, doc: StreamDocument | undefined, rule: Rule, report: Report, config: EffectiveConfig): Finding {
  const setting = config.rules[rule.meta.code];
  const severity = setting && setting !== 'off' ? setting : (report.severity ?? rule.meta.severity);
  const finding: Finding = { code: rule.meta.code, severity, message: report.message, range: rangeOf(file, doc, report.target) };
  // A value taken from elsewhere (a parameter's Default) is shown where it is written too.
  const origins = 'start' in report.target && typeof report.target.start === 'number' ? [] : originsOf(report.target as Node);
  if (origins.length) report = { ...report, related: [...(report.related ?? []), ...origins.map((o) => ({ target: o.node, message: o.message }))] };
  if (report.related?.length) {
    finding.related = report.related.map((r) =>
      'target' in r ? { range: rangeOf(file, doc, r.target), message: r.message } : { uri: r.uri === file.uri ? undefined : r.uri, range: r.range, message: r.message },
    );
  }
  if (report.data !== undefined) finding.data = report.data;
  return finding;
}

function rangeOf(file: FileModel, doc: StreamDocument | undefined, target: Target): Range {
  const { start, end } = offsetsOf(target, doc);
  return file.lines.rangeOf(start, Math.max(start, end));
}

function byPosition(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);
}
