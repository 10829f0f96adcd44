// The shared corpus of real public configs (../shared/corpus) must produce no false errors:
// every error is either a file that truly does not parse (yaml-syntax) or listed in
// known-findings.tsv. Skipped, saying so, when the corpus is not beside the project.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { expandPaths } from '../server/src/workspace/walk';
import { mergeConfig } from '../server/src/engine/config';
import { checkFile } from '../server/src/engine/run';
import { buildFileModel } from '../server/src/model/document';

const corpus = path.resolve('..', 'shared', 'corpus');
const present = existsSync(corpus);

describe('shared corpus', () => {
  it('has no error findings other than yaml-syntax and the known genuine ones', { skip: present ? false : `skipped: ${corpus} is not present` }, () => {
    const knownFile = path.join(corpus, 'known-findings.tsv');
    const known = new Set(
      existsSync(knownFile)
        ? readFileSync(knownFile, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t').join(' '))
        : [],
    );
    const { targets } = expandPaths([corpus]);
    const unexpected: string[] = [];
    const ruleErrors: string[] = [];
    let checked = 0;
    for (const target of targets) {
      const model = buildFileModel({ uri: target.path, text: readFileSync(target.path, 'utf8') });
      if (model.format === 'json' && !model.documents.some((d) => d.kind === 'cloudformation')) continue;
      checked++;
      const findings = checkFile(model, { config: mergeConfig(), onRuleError: (code, e) => ruleErrors.push(`${target.path}: ${code}: ${String(e)}`) });
      for (const f of findings) {
        const key = `${path.relative(corpus, target.path)} ${f.range.start.line + 1} ${f.code}`;
        if (f.severity === 'error' && f.code !== 'yaml-syntax' && !known.has(key)) unexpected.push(`${key}: ${f.message}`);
      }
    }
    assert.ok(checked > 400, `expected the whole corpus, checked ${checked} files`);
    assert.deepEqual(ruleErrors, []);
    assert.deepEqual(unexpected, []);
  });
});
