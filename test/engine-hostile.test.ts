// The engine under hostile input: costs that grow linearly (proved by counting work, never by
// timing), a bounded number of findings per file, a nesting guard that is exact and gives the same
// answer in every process, suppression comments that are real comments, and CR-only line breaks.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { Parser } from 'yaml';
import { mergeConfig, type PartialConfig } from '../server/src/engine/config';
import { defineRule, type Rule } from '../server/src/engine/rule';
import { checkFile, DEFAULT_MAX_FINDINGS, type Finding } from '../server/src/engine/run';
import { allRules } from '../server/src/rules/index';
import { MAX_NESTING, nestingBeyond } from '../server/src/model/document';
import { get, items, navStats, scalarText } from '../server/src/model/nav';
import { TestClient } from './support/lspClient';
import { mergeKeyChain } from './support/hostile';
import { HANG_MS } from './support/limits';
import { buildFileModel, factsOf } from '../server/src/formats';

function check(text: string, config: PartialConfig = {}, rules: readonly Rule[] = allRules, uri = 'file:///hostile.yaml'): Finding[] {
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
    assert.deepEqual(findings.map(brief), ['0:0 warning noisy', '1:0 warning noisy', '10:0 error noisy', '11:0 error noisy', '12:0 error noisy', '13:0 information too-many-findings']);
    assert.match(findings[5].message, /^8 more findings are not shown: eks-lens shows at most 5 per file, errors first\.$/);
  });

  it('keeps the same findings when a flood is trimmed while it is collected', () => {
    assert.deepEqual(check(text, { maxFindingsPerFile: 2 }, [noisy]).map(brief), ['10:0 error noisy', '11:0 error noisy', '13:0 information too-many-findings']);
    assert.deepEqual(
      check(text, { maxFindingsPerFile: 1 }, [noisy])
        .map((f) => f.message)
        .slice(-1),
      ['12 more findings are not shown: eks-lens shows at most 1 per file, errors first.'],
    );
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
  it('parses a chunk that repeats once, giving each copy its own positions and derived results', () => {
    const model = buildFileModel({ uri: 'file:///empty.yaml', text: '---\n'.repeat(2000) });
    assert.equal(model.documents.length, 2000);
    assert.equal(new Set(model.documents.map((d) => d.yaml)).size, 1, 'one parse for 2,000 identical chunks');
    assert.equal(new Set(model.documents.map((d) => d.derived)).size, 2000);
    const doc = 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {clusterIP: 10.0.0.300}\n---\n';
    assert.deepEqual(check(doc.repeat(3)).map(brief), ['3:18 error ip-syntax', '8:18 error ip-syntax', '13:18 error ip-syntax']);
  });

  it('checks duplicate keys with one look-up per key, not a scan of the keys before it', () => {
    const keys = 4000;
    const text = Array.from({ length: keys }, (_, i) => `k${i}: 1`).join('\n') + '\nk7: 2\n';
    // The parser's own check called Array.prototype.some over the earlier keys for every key.
    const some = Array.prototype.some;
    let visited = 0;
    Array.prototype.some = function (this: unknown[], predicate: (value: unknown, index: number, array: unknown[]) => unknown, thisArg?: unknown) {
      return some.call(this, (value: unknown, index: number, array: unknown[]) => {
        visited++;
        return predicate.call(thisArg, value, index, array);
      });
    } as typeof Array.prototype.some;
    let model;
    try {
      model = buildFileModel({ uri: 'file:///keys.yaml', text });
    } finally {
      Array.prototype.some = some;
    }
    assert.ok(visited < 10 * keys, `${visited} comparisons for ${keys} keys`);
    const duplicates = model.documents[0].duplicateKeys;
    assert.deepEqual(
      duplicates.map((d) => [d.key, d.node.range?.[0], d.previous.range?.[0]]),
      [['k7', text.lastIndexOf('k7: 2'), text.indexOf('k7: 1')]],
    );
    assert.equal(model.documents[0].syntaxErrors.length, 0, 'a duplicate key is not a syntax error');
  });

  it('reports every duplicate key of a flood of them (more than a call can take as arguments)', () => {
    const duplicates = buildFileModel({ uri: 'file:///same.yaml', text: 'a: 1\n'.repeat(200_000) }).documents[0].duplicateKeys;
    assert.equal(duplicates.length, 199_999);
    assert.ok(duplicates.every((d) => d.key === 'a' && d.winner === duplicates[duplicates.length - 1].winner));
  });

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

/** The deepest nesting of collections in the parser's CST, walked without recursion. */
function cstDepth(text: string): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [];
  for (const token of new Parser().parse(text)) stack.push([token, 0]);
  while (stack.length) {
    const [token, depth] = stack.pop()!;
    if (!token || typeof token !== 'object') continue;
    if (Array.isArray(token)) {
      for (const t of token) stack.push([t, depth]);
      continue;
    }
    const t = token as Record<string, unknown>;
    const d = t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection' ? depth + 1 : depth;
    max = Math.max(max, d);
    for (const key of ['value', 'key', 'items', 'start', 'sep', 'end']) if (t[key]) stack.push([t[key], d]);
  }
  return max;
}

// Shapes that open one collection per step, `n` steps deep (plus what their first line opens).
const indent = (n: number, line: (i: number) => string, join = '\n') => Array.from({ length: n }, (_, i) => line(i)).join(join);
const SHAPES: Record<string, (n: number) => string> = {
  'flow sequences': (n) => '['.repeat(n) + ']'.repeat(n),
  'flow mappings': (n) => '{a: '.repeat(n) + '1' + '}'.repeat(n),
  'flow pairs (a mapping each)': (n) => '[a: '.repeat(n) + '1' + ']'.repeat(n),
  'block mappings': (n) => indent(n, (i) => ' '.repeat(i) + 'k:') + ' 1',
  'block sequences on one line': (n) => '- '.repeat(n) + 'x',
  'explicit keys on one line': (n) => '? '.repeat(n) + 'x',
  'anchors and tags between levels': (n) => indent(n, (i) => ' '.repeat(i) + `k${i}: &a${i} !t`) + ' 1',
  'compact mappings, five a line': (n) => indent(n / 5, () => 'a: b: c: d: e: 1'),
  'flow inside block, unclosed': (n) => indent(n / 2, (i) => ' '.repeat(i) + '- ['),
  'plain scalars over two lines': (n) => indent(n / 2, (i) => ' '.repeat(i) + `k${i}: a\n` + ' '.repeat(i) + ' b:'),
  'CRLF block mappings': (n) => indent(n, (i) => ' '.repeat(i) + 'k:', '\r\n') + ' 1',
  'second document of a stream': (n) => 'a: 1\n--- ' + '['.repeat(n) + ']'.repeat(n),
};

describe('nesting guard', () => {
  it('is exact: refuses beyond the limit, accepts at it, whatever the shape', () => {
    for (const [name, shape] of Object.entries(SHAPES)) {
      for (const n of [100, 200]) {
        const text = shape(n);
        const depth = cstDepth(text);
        assert.equal(nestingBeyond(text, depth), undefined, `${name}: ${depth} levels fit a limit of ${depth}`);
        assert.notEqual(nestingBeyond(text, depth - 1), undefined, `${name}: ${depth} levels exceed a limit of ${depth - 1}`);
      }
    }
  });

  it('is not fooled by brackets and indicators in quotes, comments and block scalars', () => {
    const text = `a: "${'['.repeat(800)}"\nb: '${'{'.repeat(800)}'\n# ${'['.repeat(800)}\nc: |\n  ${'- '.repeat(800)}\n  ${'{'.repeat(800)}\n`;
    assert.equal(nestingBeyond(text, 1), undefined);
  });

  // Deeper than the parser's stack allows in a process with the default stack: before the guard was exact, some of these
  // reached the parser and overflowed, with a different result from one run to the next.
  const cases = Object.entries(SHAPES).flatMap(([name, shape]) => [
    [`${name}, 3000 levels`, `kind: ConfigMap\ndata:\n  x: |\n    text\n---\n${shape(3000)}\n`],
    [`${name}, at the limit`, `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n  deep: ${JSON.stringify(shape(MAX_NESTING - 5))}\n---\n${shape(MAX_NESTING - 5)}\n`],
  ]);

  const dir = mkdtempSync(path.join(os.tmpdir(), 'eks-lens-nesting-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same findings on every run, in this process and in a child with the default stack', () => {
    const files = cases.map(([name, text], i) => {
      const file = path.join(dir, `case-${i}.yaml`);
      writeFileSync(file, text);
      return { name, file, text };
    });
    const inProcess = files.map(({ text, file }) => check(text, {}, undefined, file).map((f) => `${brief(f)} ${f.message}`));
    assert.deepEqual(
      files.map(({ text, file }) => check(text, {}, undefined, file).map((f) => `${brief(f)} ${f.message}`)),
      inProcess,
    );
    for (const [i, { name, text }] of files.entries()) {
      const refused = inProcess[i].filter((f) => f.includes('yaml-syntax') && /levels deep/.test(f));
      if (name.endsWith('3000 levels')) assert.equal(refused.length, 1, `${name}: one nesting finding`);
      else assert.deepEqual(refused, [], `${name}: accepted`);
      assert.ok(!inProcess[i].some((f) => /too deeply to parse/.test(f)), `${name}: the guard, not a stack overflow, decided`);
      assert.ok(cstDepth(text) > 0);
    }
    const cli = () => {
      const r = spawnSync(process.execPath, [path.resolve('dist/cli.js'), 'check', '--format', 'json', ...files.map((f) => f.file)], {
        encoding: 'utf8',
        timeout: HANG_MS,
        maxBuffer: 64 * 1024 * 1024,
      });
      assert.ok(r.status === 0 || r.status === 1, `checker failed: ${r.status} ${r.stderr}`);
      assert.equal(r.stderr, '');
      const report = JSON.parse(r.stdout) as { files: Array<{ diagnostics: Array<{ code: string; severity: string; message: string; range: Finding['range'] }> }> };
      return report.files.map((f) => f.diagnostics.map((x) => `${brief(x as Finding)} ${x.message}`));
    };
    const first = cli();
    assert.deepEqual(first, inProcess);
    assert.deepEqual(cli(), first);
  });

  it('gives the language server the same findings as the command line', { timeout: HANG_MS }, async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      for (const [i, [name, text]] of cases.entries()) {
        const uri = `untitled:nesting-${i}.yaml`;
        await client.open(uri, text);
        const published = await client.diagnostics(uri, { timeoutMs: HANG_MS });
        const expected = check(text).map((f) => `${brief(f)} ${f.message}`);
        assert.deepEqual(
          published.map((d) => `${d.range.start.line}:${d.range.start.character} ${LSP_SEVERITY[d.severity ?? 1]} ${d.code} ${d.message}`),
          expected,
          name,
        );
      }
      assert.ok(client.alive);
    } finally {
      await client.stop();
    }
  });
});

const LSP_SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

describe('suppression comments', () => {
  const cluster = 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: a, region: eu-west-1}\n';
  const codes = (text: string) =>
    check(text)
      .map((f) => `${f.range.start.line} ${f.code}`)
      .filter((f) => f.endsWith('cidr-syntax'));

  it('count only in real comments, not in block or quoted scalars', () => {
    const script = (directive: string) => `${cluster}annotations:\n  script: |\n    #!/bin/sh\n    ${directive}\n  quoted: "x\n    ${directive}"\nvpc:\n  cidr: 10.0.0.0/33\n`;
    for (const directive of ['# eks-lens-disable', '# eks-lens-disable cidr-syntax', '# eks-lens-disable-next-line']) {
      assert.deepEqual(codes(script(directive)), ['10 cidr-syntax'], directive);
    }
    assert.deepEqual(codes(`${cluster}vpc:\n  # eks-lens-disable-next-line cidr-syntax\n  cidr: 10.0.0.0/33\n`), []);
    assert.deepEqual(codes(`${cluster}vpc: {cidr: 10.0.0.0/33} # eks-lens-disable\n`), []);
    assert.deepEqual(codes(`# eks-lens-disable cidr-syntax\n---\n${cluster}vpc: {cidr: 10.0.0.0/33}\n`), []);
  });
});

describe('line breaks', () => {
  it('checks a file with CR-only line breaks like the same file with LF or CRLF', () => {
    const lines = [
      'apiVersion: eksctl.io/v1alpha5',
      'kind: ClusterConfig',
      'metadata:',
      '  name: old-mac',
      '  region: eu-west-1',
      'vpc:',
      '  # eks-lens-disable-next-line vpc-cidr-prefix',
      '  cidr: 10.0.0.0/8',
      '  subnets:',
      '    private:',
      '      eu-west-1a: {cidr: 10.0.0.0/33}',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: web}',
      'spec:',
      '  clusterIP: 10.0.0.300',
      '',
    ];
    const results = ['\n', '\r\n', '\r'].map((eol) => check(lines.join(eol)).map(brief));
    assert.ok(results[0].includes('10:25 error cidr-syntax'), results[0].join('\n'));
    assert.ok(results[0].includes('16:13 error ip-syntax'), results[0].join('\n'));
    assert.ok(!results[0].some((f) => f.includes('yaml-syntax') || f.includes('vpc-cidr-prefix')));
    assert.deepEqual(results[1], results[0]);
    assert.deepEqual(results[2], results[0]);
  });

  it('publishes the same diagnostics from the language server for LF, CRLF and CR-only files', { timeout: HANG_MS }, async () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  # eks-lens-disable-next-line ip-syntax\n  clusterIP: 10.0.0.300\n  loadBalancerIP: 10.0.0.301\n';
    const client = new TestClient();
    try {
      await client.initialize();
      const results: string[][] = [];
      for (const [i, eol] of ['\n', '\r\n', '\r'].entries()) {
        const uri = `untitled:eol-${i}.yaml`;
        await client.open(uri, text.replace(/\n/g, eol));
        results.push((await client.diagnostics(uri)).map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code}`));
      }
      assert.deepEqual(results[0], ['6:18-6:28 ip-syntax']);
      assert.deepEqual(results[1], results[0]);
      assert.deepEqual(results[2], results[0]);
    } finally {
      await client.stop();
    }
  });
});

describe('reused documents after an edit', () => {
  it('give workspace facts at their new place when the text above them changed', () => {
    const second = 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: b, region: eu-west-1}\nvpc:\n  cidr: 10.1.0.0/16\n';
    const v1 = buildFileModel({ uri: 'file:///s.yaml', text: `a: 1\n---\n${second}`, version: 1 });
    assert.equal(factsOf(v1).vpcs?.[0].cidrs[0].range.start.line, 6);
    const v2 = buildFileModel({ uri: 'file:///s.yaml', text: `a: 1\nb: 2\nc: 3\n---\n${second}`, version: 2 }, v1);
    assert.equal(v2.documents[1].yaml, v1.documents[1].yaml, 'the second document is reused, not parsed again');
    assert.equal(factsOf(v2).vpcs?.[0].cidrs[0].range.start.line, 8);
    const v3 = buildFileModel({ uri: 'file:///s.yaml', text: `a: 1\nb: 2\nc: 3\n---\n${second}d: 4\n`, version: 3 }, v2);
    assert.equal(v3.documents[0].derived, v2.documents[0].derived, 'an unchanged first document keeps what was derived from it');
    assert.equal(factsOf(v3).vpcs?.[0].cidrs[0].range.start.line, 8);
    const v4 = buildFileModel({ uri: 'file:///s.yaml', text: `a: 1\n---\n${second}d: 4\n`, version: 4 }, v3);
    assert.equal(factsOf(v4).vpcs?.[0].cidrs[0].range.start.line, 6);
  });
});

describe('a rule that throws', () => {
  it('is skipped and reported, on every document and in its file check; the other rules still report', () => {
    const calls: string[] = [];
    const thrower = defineRule({
      meta: { code: 'thrower', severity: 'error', kinds: 'any', title: 'throws', docs: 'docs/rules/thrower.md' },
      check: ({ doc }) => {
        calls.push(`document ${doc.index}`);
        throw new Error(`boom in document ${doc.index}`);
      },
      checkFile: () => {
        calls.push('file');
        throw new TypeError('boom in the file');
      },
    });
    const reporter = defineRule({
      meta: { code: 'reporter', severity: 'warning', kinds: 'any', title: 'reports', docs: 'docs/rules/reporter.md' },
      check: ({ doc, report }) => report({ target: { start: doc.start, end: doc.start + 1 }, message: `document ${doc.index}` }),
    });
    const errors: string[] = [];
    const file = buildFileModel({ uri: 'file:///two.yaml', text: 'a: 1\n---\nb: 2\n' });
    const findings = checkFile(file, { config: mergeConfig({}), rules: [thrower, reporter], onRuleError: (code, e) => errors.push(`${code}: ${String(e)}`) });
    assert.deepEqual(calls, ['file', 'document 0', 'document 1'], 'the thrower ran everywhere it applies');
    assert.deepEqual(errors, ['thrower: TypeError: boom in the file', 'thrower: Error: boom in document 0', 'thrower: Error: boom in document 1']);
    assert.deepEqual(
      findings.map((f) => `${f.range.start.line} ${f.code} ${f.message}`),
      ['0 reporter document 0', '1 reporter document 1'],
    );
  });
});
