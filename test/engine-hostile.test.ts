// The engine under hostile input: costs that grow linearly (proved by counting work, never by
// timing), a bounded number of findings per file, a nesting guard that is exact and gives the same
// answer in every process, suppression comments that are real comments, and CR-only line breaks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeConfig, type PartialConfig } from '../server/src/engine/config';
import { defineRule, type Rule } from '../server/src/engine/rule';
import { checkFile, DEFAULT_MAX_FINDINGS, type Finding } from '../server/src/engine/run';
import { buildFileModel } from '../server/src/model/document';
import { get, items, navStats, scalarText } from '../server/src/model/nav';
import { mergeKeyChain } from './support/hostile';

function check(text: string, config: PartialConfig = {}, rules?: readonly Rule[], uri = 'file:///hostile.yaml'): Finding[] {
  const ruleErrors: string[] = [];
  const findings = checkFile(buildFileModel({ uri, text }), { config: mergeConfig(config), rules, onRuleError: (code, e) => ruleErrors.push(`${code}: ${String(e)}`) });
  assert.deepEqual(ruleErrors, []);
  return findings;
}

const brief = (f: Finding) => `${f.range.start.line}:${f.range.start.character} ${f.severity} ${f.code}`;

describe('findings per file are capped', () => {
  // One warning on each of the first ten lines, and errors on the last three.
  const text = Array.from({ length: 13 }, (_, i) => `k${i}: v`).join('\n') + '\n';
  const noisy = defineRule({
    meta: { code: 'noisy', severity: 'warning', kinds: 'any', title: 'test rule', docs: 'docs/rules/noisy.md' },
    check({ doc, report }) {
      for (let line = 0; line < 13; line++) {
        const start = doc.offset + text.split('\n').slice(0, line).join('\n').length + (line ? 1 : 0);
        report({ target: { start, end: start + 2 }, message: `line ${line}`, severity: line >= 10 ? 'error' : 'warning' });
      }
    },
  });

  it('keeps errors before warnings, in file order, and ends with one note counting the rest', () => {
    const findings = check(text, { maxFindingsPerFile: 5 }, [noisy]);
    assert.deepEqual(findings.map(brief), [
      '0:0 warning noisy',
      '1:0 warning noisy',
      '10:0 error noisy',
      '11:0 error noisy',
      '12:0 error noisy',
      '13:0 information too-many-findings',
    ]);
    assert.match(findings[5].message, /^8 more findings are not shown: eks-lens shows at most 5 per file, errors first\.$/);
  });

  it('adds nothing below the limit, and the note can be turned off or suppressed', () => {
    assert.equal(check(text, { maxFindingsPerFile: 13 }, [noisy]).length, 13);
    assert.equal(check(text, { maxFindingsPerFile: 5, rules: { 'too-many-findings': 'off' } }, [noisy]).length, 5);
    assert.equal(check(`# eks-lens-disable too-many-findings\n${text}`, { maxFindingsPerFile: 5 }, [noisy]).length, 5);
  });

  it(`stops a flood of syntax errors at ${DEFAULT_MAX_FINDINGS} by default`, () => {
    const findings = check('- *nope\n'.repeat(3000));
    assert.equal(findings.length, DEFAULT_MAX_FINDINGS + 1);
    assert.ok(findings.slice(0, -1).every((f) => f.code === 'yaml-syntax'));
    assert.equal(findings.at(-1)!.code, 'too-many-findings');
    assert.match(findings.at(-1)!.message, /^2000 more findings/);
  });
});

describe('costs that grow with the input, counted', () => {
  it('resolves an alias with a binary search among the definitions of its anchor name', () => {
    const pairs = 4000;
    const doc = buildFileModel({ uri: 'file:///anchors.yaml', text: Array.from({ length: pairs }, (_, i) => `- &x ${i}\n- *x\n`).join('') }).documents[0];
    const before = navStats.anchorsCompared;
    const values = items(doc.root, doc.anchors).map((node) => scalarText(node));
    assert.deepEqual(values.slice(0, 4), ['0', '0', '1', '1']);
    assert.deepEqual(values.slice(-2), [String(pairs - 1), String(pairs - 1)]);
    const compared = navStats.anchorsCompared - before;
    assert.ok(compared <= pairs * 14, `${compared} comparisons for ${pairs} aliases`);
  });

  it('resolves a merge key with a bounded number of mappings visited, whatever the chain length', () => {
    const visitsPerLookup = (count: number) => {
      const doc = buildFileModel({ uri: 'file:///merge.yaml', text: mergeKeyChain(count) }).documents[0];
      const vpc = get(doc.root, 'vpc', doc.anchors);
      const before = navStats.mapsVisited;
      get(vpc, 'desiredCapacity', doc.anchors);
      return navStats.mapsVisited - before;
    };
    const short = visitsPerLookup(20);
    assert.ok(short <= 10, `${short} mappings visited`);
    assert.equal(visitsPerLookup(1000), short);
    assert.equal(visitsPerLookup(5000), short);
  });
});
