// The shared corpus of real public configs (../shared/corpus) must produce no false errors: every
// error is listed in known-findings.tsv. Every corpus file is read by its consumer (PyYAML and
// CloudFormation, kubectl), so none may get a yaml-syntax finding: duplicate keys are
// yaml-duplicate-key warnings there, and lines only YAML 1.2 refuses are yaml-under-indented
// warnings. Nothing connects the corpus's VPCs, so none gets a vpc-cidr-overlap finding either.
// Skipped, saying so, when the corpus is not beside the project.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { expandPaths } from '../server/src/workspace/walk';
import { mergeConfig } from '../server/src/engine/config';
import { checkFile } from '../server/src/engine/run';
import { allRules } from '../server/src/rules/index';
import { applyEdits } from '../server/src/model/edits';
import { fixesFor } from '../server/src/actions/index';
import { EMPTY_WORKSPACE } from '../server/src/workspace/facts';
import { buildFileModel } from '../server/src/formats';

const corpus = path.resolve('..', 'shared', 'corpus');
const present = existsSync(corpus);

describe('shared corpus', () => {
  it('has no error findings other than the known genuine ones, no yaml-syntax and no vpc-cidr-overlap', { skip: present ? false : `skipped: ${corpus} is not present` }, () => {
    const knownFile = path.join(corpus, 'known-findings.tsv');
    const known = new Set(
      existsSync(knownFile)
        ? readFileSync(knownFile, 'utf8')
            .split('\n')
            .filter((l) => l && !l.startsWith('#'))
            .map((l) => l.split('\t').join(' '))
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
      const findings = checkFile(model, { rules: allRules, config: mergeConfig(), onRuleError: (code, e) => ruleErrors.push(`${target.path}: ${code}: ${String(e)}`) });
      for (const f of findings) {
        const key = `${path.relative(corpus, target.path)} ${f.range.start.line + 1} ${f.code}`;
        if (f.severity === 'error' && !known.has(key)) unexpected.push(`${key}: ${f.message}`);
        if (f.code === 'yaml-syntax' || f.code === 'vpc-cidr-overlap') unexpected.push(`${key} (${f.severity}): ${f.message}`);
      }
    }
    assert.ok(checked > 400, `expected the whole corpus, checked ${checked} files`);
    assert.deepEqual(ruleErrors, []);
    assert.deepEqual(unexpected, []);
  });
});

describe('shared corpus, quick fixes', () => {
  it('every fix offered on the corpus applies cleanly: its finding goes and no new error or warning appears', { skip: present ? false : `skipped: ${corpus} is not present` }, () => {
    const { targets } = expandPaths([corpus]);
    const problems: string[] = [];
    let applied = 0;
    const config = mergeConfig();
    // A fix may reword another finding on the same line (a value it normalised): compare places, not texts.
    const key = (f: { severity: string; code: string; range: { start: { line: number } } }) => `${f.severity} ${f.code} ${f.range.start.line}`;
    for (const target of targets) {
      const text = readFileSync(target.path, 'utf8');
      const model = buildFileModel({ uri: target.path, text });
      const findings = checkFile(model, { rules: allRules, config });
      for (const finding of findings) {
        for (const fix of fixesFor(model, finding, { config, workspace: EMPTY_WORKSPACE, rules: allRules })) {
          applied++;
          const after = checkFile(buildFileModel({ uri: target.path, text: applyEdits(text, fix.edits) }), { rules: allRules, config });
          const where = `${path.relative(corpus, target.path)}:${finding.range.start.line + 1} ${fix.title}`;
          if (after.some((f) => f.code === finding.code && f.message === finding.message)) problems.push(`${where}: finding remains`);
          const before = new Set(findings.map(key));
          const added = after.filter((f) => (f.severity === 'error' || f.severity === 'warning') && !before.has(key(f)));
          if (added.length) problems.push(`${where}: new ${added.map(key).join('; ')}`);
        }
      }
    }
    assert.ok(applied >= 10, `expected the corpus to offer fixes (the removed APIs with a same-schema replacement), applied ${applied}`);
    assert.deepEqual(problems, []);
  });
});
