import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { relatedLines, ruleTester, runRule, yaml } from '../../../test/support/ruleTester';
import rule from './k8s-pdb-both-set';

const pdb = (...spec: string[]) => yaml('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web}', 'spec:', ...spec.map((l) => `  ${l}`));

ruleTester(rule, {
  valid: [
    { name: 'minAvailable only', text: pdb('minAvailable: 1', 'selector: {matchLabels: {app: web}}') },
    {
      name: 'maxUnavailable only, as a percentage (flow style)',
      text: yaml('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web}', 'spec: {maxUnavailable: "25%", selector: {matchLabels: {app: web}}}'),
    },
    { name: 'the other one written empty is not set', text: pdb('minAvailable: 1', 'maxUnavailable:', 'selector: {matchLabels: {app: web}}') },
    { name: 'both keys on another kind', text: yaml('apiVersion: example.com/v1', 'kind: Budget', 'metadata: {name: b}', 'spec: {minAvailable: 1, maxUnavailable: 1}') },
  ],
  invalid: [
    {
      name: 'both set',
      text: pdb('minAvailable: 2', 'maxUnavailable: 1', 'selector: {matchLabels: {app: web}}'),
      errors: [{ line: 6, severity: 'error', message: /^This PodDisruptionBudget sets both minAvailable and maxUnavailable; the API server accepts only one of them\./ }],
    },
    {
      name: 'flow style, percentages, policy/v1beta1',
      text: yaml('apiVersion: policy/v1beta1', 'kind: PodDisruptionBudget', 'metadata: {name: web}', 'spec: {minAvailable: "50%", maxUnavailable: "50%"}'),
      errors: [{ line: 4 }],
    },
    {
      name: 'second document of a stream, maxUnavailable brought in by a merge key',
      text: yaml(
        'apiVersion: v1',
        'kind: Namespace',
        'metadata: {name: apps}',
        '---',
        'apiVersion: policy/v1',
        'kind: PodDisruptionBudget',
        'metadata: {name: web, namespace: apps}',
        'spec:',
        '  <<: {maxUnavailable: 1}',
        '  minAvailable: 1',
      ),
      errors: [{ line: 9 }],
    },
  ],
});

describe('rule k8s-pdb-both-set: related information', () => {
  it('points at minAvailable from the finding on maxUnavailable', () => {
    const [finding] = runRule(rule, { text: pdb('maxUnavailable: 1', 'minAvailable: 1') });
    assert.equal(finding.range.start.line + 1, 5);
    assert.deepEqual(relatedLines(finding), [[6, 'minAvailable is set here too']]);
  });
});
