// examples/README.md describes what `npm run demo` prints: for each file the rules and lines of its
// findings, and the closing count. This test holds the page to the checker, so it cannot drift.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { allRules } from '../server/src/rules/index';

const CODES = new Set(allRules.map((r) => r.meta.code));

interface Report {
  files: Array<{ path: string; diagnostics: Array<{ code: string; severity: string; range: { start: { line: number } } }> }>;
}

const page = readFileSync('examples/README.md', 'utf8');
const run = (format: string) => spawnSync(process.execPath, [path.resolve('dist/cli.js'), 'check', '--no-config', '--format', format, 'examples'], { encoding: 'utf8' });

/** The table's rows: the files named in the first cell, and the "Findings today" cell. */
function rows(): Array<{ files: string[]; findings: string }> {
  return page
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const cells = line.split(' | ');
      return { files: [...cells[0].matchAll(/`([^`]+)`/g)].map((m) => m[1]), findings: cells[2] };
    });
}

describe('examples/README.md', () => {
  const json = run('json');
  const report = JSON.parse(json.stdout) as Report;

  it('names, for each file, every rule that reports on it and the line, and no other rule', () => {
    const table = rows();
    assert.ok(table.length >= 10, 'the table is read');
    for (const file of report.files) {
      const name = path.relative('examples', file.path).split(path.sep).join('/');
      const row = table.find((r) => r.files.includes(name));
      assert.ok(row, `examples/README.md has a row for ${name}`);
      const named = new Set([...row.findings.matchAll(/`([^`]+)`/g)].map((m) => m[1]).filter((token) => CODES.has(token)));
      assert.deepEqual(named, new Set(file.diagnostics.map((d) => d.code)), `${name}: the rules named`);
      for (const d of file.diagnostics) {
        const line = d.range.start.line + 1;
        assert.match(row.findings, new RegExp(`\\b${line}\\b`), `${name}: line ${line} (${d.code}) is named`);
      }
    }
  });

  it('gives the count the checker prints at the end', () => {
    const summary = /(\d+) files checked: (\d+) errors, (\d+) warnings, (\d+) information/.exec(run('text').stdout);
    assert.ok(summary, 'the checker prints its count');
    const [, files, errors, warnings, information] = summary;
    const said = /checks (\d+) files and reports (\d+) errors,\s+(\d+) warnings and (\d+) information finding/.exec(page);
    assert.ok(said, 'the page states the count');
    assert.deepEqual(said.slice(1), [files, errors, warnings, information]);
  });
});
