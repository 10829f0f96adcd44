// Every rule explains itself: a page under docs/rules/ in the common shape, linked from the README.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../server/src/rules/index';

const SECTIONS = ['## What it checks', '## Why it matters', '## Example', '## How to fix', '## Turning it off', '## References'];
const readme = readFileSync('README.md', 'utf8');

describe('rule pages', () => {
  for (const rule of allRules) {
    const { code, docs, title } = rule.meta;
    it(`${code}: page exists in the common shape and is linked from the README`, () => {
      assert.equal(docs, `docs/rules/${code}.md`);
      assert.ok(existsSync(docs), `${docs} is missing`);
      const page = readFileSync(docs, 'utf8');
      assert.match(page.split('\n')[0], new RegExp(`^# \`${code}\``), 'the page starts with its code');
      for (const section of SECTIONS) assert.ok(page.includes(section), `${docs} lacks "${section}"`);
      const references = page.slice(page.indexOf('## References'));
      assert.match(references, /https:\/\/(docs\.aws\.amazon\.com|kubernetes\.io|eksctl\.io|yaml\.org|www\.rfc-editor\.org)\//, 'cites an official source');
      assert.ok(readme.includes(`(docs/rules/${code}.md)`), `README does not link ${docs}`);
      assert.ok(title.length > 10);
    });
  }
});

/** The fenced blocks of a page that follow a paragraph starting with `marker`. */
function blockAfter(page: string, marker: string, lang: string): string | undefined {
  const at = page.indexOf(marker);
  if (at < 0) return undefined;
  const fence = page.indexOf('```' + lang + '\n', at);
  if (fence < 0) return undefined;
  const body = fence + lang.length + 4;
  return page.slice(body, page.indexOf('\n```', body) + 1);
}

/** Runs the built checker on `text` saved as `file` in a scratch directory; text output lines. */
function checkAs(file: string, text: string, projectFile?: string): string[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'eks-lens-docs-'));
  try {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
    if (projectFile !== undefined) writeFileSync(path.join(dir, '.eks-lens.yaml'), projectFile);
    const r = spawnSync(process.execPath, [path.resolve('dist/cli.js'), 'check', file], { cwd: dir, encoding: 'utf8' });
    assert.ok(r.status === 0 || r.status === 1, `checker failed: ${r.stderr}`);
    return r.stdout.split('\n').filter((line) => line.startsWith(`${file}:`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The output quoted on each page is what the checker prints today, and the "good" version is
// clean for that rule, so the pages cannot drift from the code.
describe('rule page examples', () => {
  for (const rule of allRules) {
    const { code, docs } = rule.meta;
    it(`${code}: the bad example gives the quoted output and the good one does not`, () => {
      const page = readFileSync(docs, 'utf8');
      // A page may show the project file the example needs: a yaml block starting `# .eks-lens.yaml`
      // right after the **Bad** paragraph, before the example itself.
      let bad = blockAfter(page, '**Bad**', 'yaml');
      let projectFile: string | undefined;
      if (bad?.startsWith('# .eks-lens.yaml\n')) {
        projectFile = bad;
        bad = blockAfter(page.slice(page.indexOf(bad) + bad.length), '', 'yaml');
      }
      const quoted = blockAfter(page, '**Bad**', 'text');
      assert.ok(bad && quoted, `${docs} has a **Bad** yaml example followed by the checker's text output`);
      const expected = quoted.trim().split('\n');
      const file = expected[0].slice(0, expected[0].indexOf(':'));
      assert.deepEqual(checkAs(file, bad, projectFile), expected);
      const good = blockAfter(page, '**Good**', 'yaml');
      if (good)
        assert.deepEqual(
          checkAs(file, good, projectFile).filter((line) => line.includes(`  ${code}  `)),
          [],
        );
    });
  }
});

/** The rule table of a Markdown page: code → its Default column, for rows linking a rule page. */
function ruleTable(page: string, linkPrefix: string): Map<string, string> {
  const rows = new Map<string, string>();
  const escaped = linkPrefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const row = new RegExp(`^\\| \\[\`([a-z0-9-]+)\`\\]\\(${escaped}([a-z0-9-]+)\\.md\\) \\| ([^|]+) \\|`);
  for (const line of page.split('\n')) {
    const m = row.exec(line);
    if (m) {
      assert.equal(m[1], m[2], `the row of ${m[1]} links ${m[2]}.md`);
      rows.set(m[1], m[3].trim());
    }
  }
  return rows;
}

// docs/rules/README.md holds the severity policy and the list of rules; it and the README's table
// must say the same, and what they say must be each rule's default severity.
describe('the severity policy and the rule index', () => {
  const index = readFileSync('docs/rules/README.md', 'utf8');

  it('states the policy for each severity', () => {
    const policy = index.slice(index.indexOf('## Severity policy'), index.indexOf('## Rules'));
    assert.ok(policy.length > 100, 'docs/rules/README.md has a "## Severity policy" section before "## Rules"');
    assert.match(policy, /\*\*error\*\* \| AWS or Kubernetes rejects/);
    assert.match(policy, /\*\*warning\*\* \| It deploys, but it is very likely wrong or risky/);
    assert.match(policy, /\*\*information\*\* \/ \*\*hint\*\* \| Advice/);
  });

  it('lists every rule once, with the default severity of its metadata, as the README does', () => {
    const listed = ruleTable(index, '');
    const readmeRows = ruleTable(readme, 'docs/rules/');
    const codes = allRules.map((r) => r.meta.code).sort();
    assert.deepEqual([...listed.keys()].sort(), codes, 'docs/rules/README.md lists each rule');
    assert.deepEqual([...readmeRows.keys()].sort(), codes, "the README's rule table lists each rule");
    for (const { meta } of allRules) {
      assert.equal(listed.get(meta.code), readmeRows.get(meta.code), `${meta.code}: the two tables disagree`);
      assert.match(listed.get(meta.code)!, new RegExp(`^${meta.severity}\\b`), `${meta.code}: the tables say "${listed.get(meta.code)}", its metadata ${meta.severity}`);
      const page = readFileSync(meta.docs, 'utf8');
      assert.match(page, new RegExp(`\\*\\*Default severity:\\*\\* ${meta.severity}\\b`), `${meta.docs} states its default severity, ${meta.severity}`);
    }
  });
});
