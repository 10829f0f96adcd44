// Table-driven tests for a rule's quick fixes: apply the chosen fix to its fixture, then check
// the result is exactly the expected text (so everything outside the edit, comments included,
// is byte-identical), the targeted finding is gone, and no new error or warning appeared.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/model/edits';
import { fixesFor } from '../../server/src/actions/index';
import { mergeConfig, type PartialConfig } from '../../server/src/engine/config';
import type { Rule } from '../../server/src/engine/rule';
import { checkFile, type Finding } from '../../server/src/engine/run';
import { allRules } from '../../server/src/rules/index';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { buildFileModel, factsOf } from '../../server/src/formats';

export interface FixCase {
  name: string;
  text: string;
  uri?: string;
  config?: PartialConfig;
  workspace?: ReadonlyArray<{ uri: string; text: string }>;
  /** Which of the rule's findings to fix (0-based, in file order); default the first. */
  finding?: number;
  /** The fix to apply, by title; omit to expect no fix at all. */
  title?: RegExp;
  /** The whole file after the fix. */
  output?: string;
}

function check(text: string, c: FixCase) {
  const uri = c.uri ?? 'file.yaml';
  const model = buildFileModel({ uri, text });
  const index = new WorkspaceIndex();
  for (const other of c.workspace ?? []) index.set(other.uri, factsOf(buildFileModel(other)));
  const config = mergeConfig(c.config);
  const workspace = index.viewFrom(uri);
  return { model, config, workspace, findings: checkFile(model, { rules: allRules, config, workspace }) };
}

const key = (f: Finding) => `${f.severity} ${f.code} ${f.message}`;

export function fixTester(rule: Rule, cases: FixCase[]): void {
  describe(`fixes for ${rule.meta.code}`, () => {
    for (const c of cases) {
      it(c.name, () => {
        const before = check(c.text, c);
        const target = before.findings.filter((f) => f.code === rule.meta.code)[c.finding ?? 0];
        assert.ok(target, `no ${rule.meta.code} finding in the fixture`);
        const fixes = fixesFor(before.model, target, { config: before.config, workspace: before.workspace, rules: allRules });
        if (!c.title) {
          assert.deepEqual(
            fixes.map((f) => f.title),
            [],
            'expected no fix',
          );
          return;
        }
        const fix = fixes.find((f) => c.title!.test(f.title));
        assert.ok(fix, `no fix titled ${c.title}; offered: ${fixes.map((f) => f.title).join(' | ') || 'none'}`);
        assert.ok(
          fix.edits.every((e) => e.uri === undefined),
          'edits stay in the file',
        );
        const text = applyEdits(c.text, fix.edits);
        if (c.output !== undefined) assert.equal(text, c.output);
        const after = check(text, c);
        // The targeted finding is gone: its message no longer appears.
        assert.ok(!after.findings.some((f) => f.code === target.code && f.message === target.message), `still reported: ${target.message}`);
        // No new error or warning (findings that were there before may remain or go).
        const earlier = new Set(before.findings.map(key));
        const added = after.findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && !earlier.has(key(f)));
        assert.deepEqual(added.map(key), [], 'new errors or warnings after the fix');
      });
    }
  });
}
