import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { relatedLines, ruleTester, runRule, yaml } from '../../../test/support/ruleTester';
import rule from './k8s-pdb-blocks-eviction';

/** A PodDisruptionBudget; its spec lines start at line 5. */
const pdb = (...spec: string[]) => yaml('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web}', 'spec:', ...spec.map((l) => `  ${l}`));
const selectWeb = 'selector: {matchLabels: {app: web}}';
/** A Deployment of `replicas` pods labelled app=web (or `labels`); replicas on line 5. */
const deployment = (replicas: number | string, labels = '{app: web}', extraMeta = '') =>
  yaml(
    'apiVersion: apps/v1',
    'kind: Deployment',
    `metadata: {name: web${extraMeta}}`,
    'spec:',
    `  replicas: ${replicas}`,
    `  selector: {matchLabels: ${labels}}`,
    '  template:',
    `    metadata: {labels: ${labels}}`,
    '    spec: {containers: [{name: c, image: nginx}]}',
  );

ruleTester(rule, {
  valid: [
    { name: 'minAvailable below the replicas', text: pdb('minAvailable: 2', selectWeb) + '---\n' + deployment(3) },
    {
      name: 'maxUnavailable 1 (flow style)',
      text: yaml('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web}', 'spec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}}'),
    },
    { name: 'minAvailable with no matching workload known', text: pdb('minAvailable: 5', selectWeb) + '---\n' + deployment(3, '{app: api}') },
    { name: 'a workload in another namespace', text: pdb('minAvailable: 3', selectWeb) + '---\n' + deployment(3, '{app: web}', ', namespace: other') },
    {
      name: 'replicas left to an autoscaler (not written)',
      text:
        pdb('minAvailable: 3', selectWeb) +
        '---\n' +
        yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  selector: {matchLabels: {app: web}}', '  template: {metadata: {labels: {app: web}}}'),
    },
    { name: 'a workload scaled to zero has no pods to evict', text: pdb('minAvailable: 1', selectWeb) + '---\n' + deployment(0) },
    { name: 'minAvailable 50% of 3 replicas rounds up to 2', text: pdb('minAvailable: "50%"', selectWeb) + '---\n' + deployment(3) },
    { name: 'maxUnavailable 10% rounds up to one pod', text: pdb('maxUnavailable: 10%', selectWeb) },
    { name: 'both fields set is k8s-pdb-both-set', text: pdb('minAvailable: 100%', 'maxUnavailable: 0', selectWeb) },
    {
      name: 'an empty selector in policy/v1beta1 selects nothing',
      text: yaml('apiVersion: policy/v1beta1', 'kind: PodDisruptionBudget', 'metadata: {name: all}', 'spec: {minAvailable: 3, selector: {}}') + '---\n' + deployment(3),
    },
    {
      name: 'a selected workload without a written count makes the total unknown',
      text:
        pdb('minAvailable: 2', selectWeb) +
        '---\n' +
        deployment(2) +
        '---\n' +
        yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web-green}', 'spec:', '  template: {metadata: {labels: {app: web}}}'),
    },
    {
      name: 'a workload in the namespace whose labels cannot be read may be selected',
      text: pdb('minAvailable: 2', selectWeb) + '---\n' + deployment(2) + '---\n' + deployment(1, '{app: "{{ .Values.app }}"}').replace('name: web', 'name: other'),
    },
    { name: 'maxUnavailable 0 without a selector selects no pods', text: pdb('maxUnavailable: 0') },
    {
      name: 'minAvailable 100% with an empty policy/v1beta1 selector selects no pods',
      text: yaml('apiVersion: policy/v1beta1', 'kind: PodDisruptionBudget', 'metadata: {name: none}', 'spec: {minAvailable: 100%, selector: {}}'),
    },
    { name: 'a selector expression the workload fails (NotIn)', text: pdb('minAvailable: 3', 'selector: {matchExpressions: [{key: app, operator: NotIn, values: [web]}]}') + '---\n' + deployment(3) },
  ],
  invalid: [
    {
      name: 'maxUnavailable: 0',
      text: pdb('maxUnavailable: 0', selectWeb),
      errors: [
        {
          line: 5,
          severity: 'warning',
          message: /^maxUnavailable 0 lets no pod be unavailable, so no pod it selects can ever be evicted: node drains, Karpenter consolidation and managed node group upgrades wait on it\./,
        },
      ],
    },
    {
      name: 'maxUnavailable: "0%" (flow style)',
      text: yaml('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web}', 'spec: {maxUnavailable: "0%", selector: {}}'),
      errors: [{ line: 4, message: /^maxUnavailable 0% lets no pod be unavailable/ }],
    },
    { name: 'minAvailable: 100%', text: pdb('minAvailable: 100%', selectWeb), errors: [{ line: 5, message: /^minAvailable 100% keeps every pod running/ }] },
    {
      name: 'minAvailable equal to the replicas of a Deployment in the same file',
      text: deployment(3) + '---\n' + pdb('minAvailable: 3', selectWeb),
      errors: [{ line: 15, message: /^minAvailable 3 is not below the Deployment web \(3 replicas\), so no pod it selects can ever be evicted/ }],
    },
    {
      name: 'minAvailable above a StatefulSet matched by matchExpressions, same namespace',
      text:
        pdb('minAvailable: 4', 'selector: {matchExpressions: [{key: app, operator: In, values: [db, cache]}, {key: tier, operator: Exists}]}').replace('{name: web}', '{name: db, namespace: data}') +
        '---\n' +
        yaml(
          'apiVersion: apps/v1',
          'kind: StatefulSet',
          'metadata: {name: db, namespace: data}',
          'spec:',
          '  replicas: 3',
          '  serviceName: db',
          '  selector: {matchLabels: {app: db}}',
          '  template:',
          '    metadata:',
          '      labels: {app: db, tier: storage}',
        ),
      errors: [{ line: 5, message: /^minAvailable 4 is not below the StatefulSet db \(3 replicas\)/ }],
    },
    {
      name: 'minAvailable 50% of a single replica rounds up to it',
      text: pdb('minAvailable: 50%', selectWeb) + '---\n' + deployment(1),
      errors: [{ line: 5, message: /^minAvailable 50% \(1 of 1 pods, rounded up\) is not below the Deployment web \(1 replica\)/ }],
    },
    {
      name: 'a templated label value does not hide a workload the selector rules out by another label',
      text: pdb('minAvailable: 2', selectWeb) + '---\n' + deployment(2) + '---\n' + deployment(1, '{app: api, cell: "{{cell}}"}').replace('name: web', 'name: api'),
      errors: [{ line: 5, message: /^minAvailable 2 is not below the Deployment web \(2 replicas\)/ }],
    },
    {
      name: 'two workloads selected: their replicas add up',
      text:
        pdb('minAvailable: 4', 'selector: {matchLabels: {team: shop}}') +
        '---\n' +
        deployment(2, '{app: web, team: shop}') +
        '---\n' +
        deployment(2, '{app: api, team: shop}').replace('name: web', 'name: api'),
      errors: [{ line: 5, message: /^minAvailable 4 is not below the 4 replicas of Deployment web \(2 replicas\) and Deployment api \(2 replicas\)/ }],
    },
    {
      name: 'a workload in another file of the workspace, an empty policy/v1 selector selecting every pod',
      text: yaml('apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: all}', 'spec:', '  minAvailable: 2', '  selector: {}'),
      workspace: [{ uri: 'apps/web.yaml', text: deployment(2) }],
      errors: [{ line: 5, message: /^minAvailable 2 is not below the Deployment web \(2 replicas\)/ }],
    },
  ],
});

describe('rule k8s-pdb-blocks-eviction: related information', () => {
  it("points at each selected workload's replicas, in this file and in others", () => {
    const [finding] = runRule(rule, {
      text: pdb('minAvailable: 4', 'selector: {matchLabels: {team: shop}}') + '---\n' + deployment(2, '{app: web, team: shop}'),
      workspace: [{ uri: 'apps/api.yaml', text: deployment(2, '{app: api, team: shop}').replace('name: web', 'name: api') }],
    });
    assert.deepEqual(relatedLines(finding), [
      [12, 'Deployment web: replicas 2'],
      [5, 'Deployment api: replicas 2'],
    ]);
    assert.deepEqual(
      finding.related?.map((r) => r.uri),
      [undefined, 'apps/api.yaml'],
    );
  });
});
