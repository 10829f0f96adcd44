import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildFileModel, factsOf } from '..';
import { WorkspaceIndex } from '../../workspace/index';

const eni = (...spec: string[]) => ['apiVersion: crd.k8s.amazonaws.com/v1alpha1', 'kind: ENIConfig', 'metadata:', '  name: us-west-2a', 'spec:', ...spec.map((l) => `  ${l}`)].join('\n') + '\n';
const facts = (text: string) => factsOf(buildFileModel({ uri: 'file:///eni.yaml', text })).eniConfigs ?? [];

describe('ENIConfig facts', () => {
  it('reads the name, the subnet and the security groups, with places', () => {
    const [f] = facts(eni('subnet: subnet-0a000000000000002', 'securityGroups:', '  - sg-0123456789abcdef0', '  - "{{ .Values.sg }}"'));
    assert.equal(f.name, 'us-west-2a');
    assert.equal(f.range.start.line, 3);
    assert.equal(f.subnet?.id, 'subnet-0a000000000000002');
    assert.equal(f.subnet?.range.start.line, 5);
    assert.deepEqual(f.securityGroups, ['sg-0123456789abcdef0', null]);
  });
  const cases: Array<[string, string, unknown]> = [
    ['a templated subnet is null', eni('subnet: "{{ .Values.subnet }}"'), null],
    ['a shell variable is null', eni('subnet: $SUBNET_A'), null],
    ['no subnet written', eni('securityGroups: []'), undefined],
  ];
  for (const [name, text, id] of cases) it(name, () => assert.equal(facts(text)[0].subnet?.id ?? (facts(text)[0].subnet ? null : undefined), id));
  it('skips other API groups, kinds and templated names', () => {
    assert.deepEqual(facts(eni('subnet: s').replace('crd.k8s.amazonaws.com/v1alpha1', 'example.com/v1')), []);
    assert.deepEqual(facts(eni('subnet: s').replace('name: us-west-2a', 'name: $AZ_1')), []);
    assert.deepEqual(facts(eni('subnet: s').replace('kind: ENIConfig', 'kind: ConfigMap')), []);
  });
  it('several in one stream, each with its document index; the workspace index keeps a file of only ENIConfigs', () => {
    const text = eni('subnet: a') + '---\n' + eni('subnet: b').replace('us-west-2a', 'us-west-2b');
    const f = factsOf(buildFileModel({ uri: 'file:///eni.yaml', text }));
    assert.deepEqual(
      f.eniConfigs?.map((e) => [e.name, e.document, e.subnet?.id]),
      [
        ['us-west-2a', 0, 'a'],
        ['us-west-2b', 1, 'b'],
      ],
    );
    const index = new WorkspaceIndex();
    index.set('file:///eni.yaml', f);
    assert.equal(index.viewFrom('file:///other.yaml').others[0].eniConfigs?.length, 2);
  });
});
