import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixesFor } from '../actions/index';
import { mergeConfig } from '../engine/config';
import { checkFile } from '../engine/run';
import { allRules } from './index';
import { EMPTY_WORKSPACE } from '../workspace/facts';
import { fixTester } from '../../../test/support/fixTester';
import { yaml } from '../../../test/support/ruleTester';
import rule from './k8s-pdb-both-set';
import { buildFileModel } from '../formats';

const pdb = (...spec: string[]) => yaml('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web}', 'spec:', ...spec.map((l) => `  ${l}`));

fixTester(rule, [
  {
    name: 'remove maxUnavailable, its comment with it',
    text: pdb('minAvailable: 2', 'maxUnavailable: 1   # was 0', '# pods of the web tier', 'selector: {matchLabels: {app: web}}'),
    title: /^Remove maxUnavailable$/,
    output: pdb('minAvailable: 2', '# pods of the web tier', 'selector: {matchLabels: {app: web}}'),
  },
  {
    name: 'remove minAvailable',
    text: pdb('minAvailable: 2', 'maxUnavailable: 1', 'selector: {matchLabels: {app: web}}'),
    title: /^Remove minAvailable$/,
    output: pdb('maxUnavailable: 1', 'selector: {matchLabels: {app: web}}'),
  },
  {
    name: 'flow style, in the second document of a stream',
    text:
      yaml('apiVersion: v1', 'kind: Namespace', 'metadata: {name: apps}') +
      '---\n' +
      yaml('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web, namespace: apps}', 'spec: {minAvailable: "50%", maxUnavailable: "50%", selector: {matchLabels: {app: web}}}'),
    title: /^Remove minAvailable$/,
    output:
      yaml('apiVersion: v1', 'kind: Namespace', 'metadata: {name: apps}') +
      '---\n' +
      yaml('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web, namespace: apps}', 'spec: {maxUnavailable: "50%", selector: {matchLabels: {app: web}}}'),
  },
  {
    name: 'flow style, the last entry: the comma before it goes',
    text: yaml('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web}', 'spec: {selector: {matchLabels: {app: web}}, minAvailable: 1, maxUnavailable: 1}'),
    title: /^Remove maxUnavailable$/,
    output: yaml('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web}', 'spec: {selector: {matchLabels: {app: web}}, minAvailable: 1}'),
  },
  {
    name: 'maxUnavailable from a merge key: only minAvailable can go',
    text: pdb('<<: {maxUnavailable: 1}', 'minAvailable: 1', 'selector: {matchLabels: {app: web}}'),
    title: /^Remove minAvailable$/,
    output: pdb('<<: {maxUnavailable: 1}', 'selector: {matchLabels: {app: web}}'),
  },
  {
    name: 'both from merge keys: no fix',
    text: pdb('<<: [{maxUnavailable: 1}, {minAvailable: 1}]', 'selector: {matchLabels: {app: web}}'),
  },
]);

function titles(text: string): string[] {
  const model = buildFileModel({ uri: 'pdb.yaml', text });
  const config = mergeConfig({});
  const [finding] = checkFile(model, { rules: allRules, config, workspace: EMPTY_WORKSPACE }).filter((f) => f.code === rule.meta.code);
  assert.ok(finding, 'no finding');
  return fixesFor(model, finding, { config, workspace: EMPTY_WORKSPACE, rules: allRules }).map((f) => `${f.title}${f.isPreferred ? ' (preferred)' : ''}`);
}

describe('fixes for k8s-pdb-both-set: which are offered', () => {
  it('both removals, neither preferred', () => {
    assert.deepEqual(titles(pdb('minAvailable: 1', 'maxUnavailable: 1')), ['Remove minAvailable', 'Remove maxUnavailable']);
  });
  it('not a key merged in, nor an own key that hides a merged one of the same name', () => {
    assert.deepEqual(titles(pdb('<<: {maxUnavailable: 1}', 'minAvailable: 1')), ['Remove minAvailable']);
    assert.deepEqual(titles(pdb('<<: {minAvailable: 2}', 'minAvailable: 1', 'maxUnavailable: 1')), ['Remove maxUnavailable']);
  });
  it('not a pair removePair cannot take out cleanly (an explicit key)', () => {
    assert.deepEqual(titles(pdb('? minAvailable', ': 1', 'maxUnavailable: 1')), ['Remove maxUnavailable']);
  });
  it('not a value other places refer to through its anchor', () => {
    assert.deepEqual(titles(pdb('minAvailable: &n 1', 'maxUnavailable: 1', 'selector: {matchLabels: {app: web}}') + yaml('metadataCopy: *n')), ['Remove maxUnavailable']);
  });
  it('not in a spec shared through an alias', () => {
    const text = yaml('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata:', '  name: web', '  annotations: &s {minAvailable: 1, maxUnavailable: 1}', 'spec: *s');
    assert.deepEqual(titles(text), []);
  });
});
