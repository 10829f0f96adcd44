// A table-driven tester for one rule, in the manner of ESLint's RuleTester: YAML cases that must
// stay clean, and cases with the findings (line, and optionally severity and message) they must give.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeConfig, type PartialConfig } from '../../server/src/engine/config';
import type { Rule, Severity } from '../../server/src/engine/rule';
import { checkFile, type Finding } from '../../server/src/engine/run';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { buildFileModel, factsOf } from '../../server/src/formats';

export interface Case {
  name?: string;
  text: string;
  /** File name, for format detection and Helm chart paths (default `file.yaml`). */
  uri?: string;
  config?: PartialConfig;
  /** Other files of the workspace, whose facts (service CIDRs, workloads) the rule may use. */
  workspace?: ReadonlyArray<{ uri: string; text: string }>;
}

export interface Expected {
  /** 1-based line, as an editor shows it. */
  line: number;
  severity?: Severity;
  message?: RegExp;
}

export interface InvalidCase extends Case {
  errors: Expected[];
}

/** Runs one rule over a text and returns its findings. */
export function runRule(rule: Rule, c: Case): Finding[] {
  const model = buildFileModel({ uri: c.uri ?? 'file.yaml', text: c.text, maxBytes: c.config?.maxFileBytes });
  const index = new WorkspaceIndex();
  for (const other of c.workspace ?? []) index.set(other.uri, factsOf(buildFileModel(other)));
  return checkFile(model, {
    config: mergeConfig(c.config),
    workspace: index.viewFrom(model.uri),
    rules: [rule],
    onRuleError: (code, error) => {
      throw new Error(`rule ${code} threw: ${String(error)}`);
    },
  });
}

export function ruleTester(rule: Rule, cases: { valid: Array<Case | string>; invalid: InvalidCase[] }): void {
  describe(`rule ${rule.meta.code}`, () => {
    cases.valid.forEach((c, i) => {
      const tc = typeof c === 'string' ? { text: c } : c;
      it(`valid: ${tc.name ?? `case ${i + 1}`}`, () => {
        const findings = runRule(rule, tc);
        assert.deepEqual(findings.map(describeFinding), [], 'expected no findings');
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid: ${c.name ?? `case ${i + 1}`}`, () => {
        const findings = runRule(rule, c);
        assert.equal(findings.length, c.errors.length, `expected ${c.errors.length} finding(s), got:\n${findings.map(describeFinding).join('\n')}`);
        c.errors.forEach((expected, j) => {
          const actual = findings[j];
          assert.equal(actual.code, rule.meta.code);
          assert.equal(actual.range.start.line + 1, expected.line, `finding ${j + 1} line: ${describeFinding(actual)}`);
          if (expected.severity) assert.equal(actual.severity, expected.severity, `finding ${j + 1} severity: ${describeFinding(actual)}`);
          if (expected.message) assert.match(actual.message, expected.message);
        });
      });
    });
  });
}

function describeFinding(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`;
}

/** Joins lines, so that YAML cases keep their indentation visible in the test source. */
export function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** A finding's related places as [1-based line, message] pairs, for compact assertions. */
export function relatedLines(finding: Finding | undefined): Array<[number, string]> | undefined {
  return finding?.related?.map((r) => [r.range.start.line + 1, r.message]);
}
