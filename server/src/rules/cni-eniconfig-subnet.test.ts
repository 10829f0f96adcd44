import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { relatedLines, ruleTester, runRule } from '../../../test/support/ruleTester';
import { cluster, eniConfig } from './customNetworking.fixtures';
import rule from './cni-eniconfig-subnet';

const ws = (text: string) => [{ uri: 'cluster.yaml', text }];

ruleTester(rule, {
  valid: [
    { name: 'the subnet of its zone, in the VPC, from 100.64.0.0/10', text: eniConfig('us-west-2a', 'subnet-0a000000000000002'), workspace: ws(cluster()) },
    { name: 'the same, ClusterConfig and ENIConfig in one file', text: cluster() + '---\n' + eniConfig('us-west-2a', 'subnet-0a000000000000002') },
    { name: 'a subnet the workspace does not know: unresolvable, silent', text: eniConfig('us-west-2a', 'subnet-0fffffffffffffff0'), workspace: ws(cluster()) },
    { name: 'a templated subnet', text: eniConfig('us-west-2a', '"{{ .Values.subnetA }}"'), workspace: ws(cluster()) },
    {
      name: 'custom networking off: the ENIConfig is not used',
      text: eniConfig('us-west-2a', 'subnet-0b000000000000002'),
      workspace: ws(cluster({ env: '"ENI_CONFIG_LABEL_DEF":"topology.kubernetes.io/zone"' })),
    },
    { name: 'custom networking unknown', text: eniConfig('us-west-2a', 'subnet-0b000000000000002'), workspace: ws(cluster({ env: '"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG":"{{ .cn }}"' })) },
    {
      name: 'a name that is not a zone (picked by annotation)',
      text: eniConfig('pods-blue', 'subnet-0b000000000000002'),
      workspace: ws(cluster({ env: '"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG":"true"' })),
    },
    { name: 'a pod subnet in the primary block', text: eniConfig('us-west-2a', 'subnet-0a000000000000001'), workspace: ws(cluster()) },
    {
      name: 'another VPC known only by its blocks: not certain it is another VPC',
      text: eniConfig('us-west-2a', 'subnet-0c000000000000009'),
      workspace: [
        { uri: 'cluster.yaml', text: cluster() },
        { uri: 'other.yaml', text: cluster({ name: 'other', vpcId: '"{{ .vpc }}"', subnets: ['      x: {id: subnet-0c000000000000009, az: us-west-2a, cidr: 100.64.0.0/19}'] }) },
      ],
    },
    {
      name: 'a non-RFC 1918 block named for an existing VPC: its primary may be elsewhere',
      text: eniConfig('us-west-2a', 'subnet-0a000000000000002'),
      workspace: ws(cluster({ subnets: ['      pods-a: {id: subnet-0a000000000000002, az: us-west-2a, cidr: 192.168.0.0/19}'] }).replace('cidr: 10.0.0.0/16', 'cidr: 100.64.0.0/16')),
    },
  ],
  invalid: [
    {
      name: 'named after 2a, subnet in 2b, zones pick it: error',
      text: eniConfig('us-west-2a', 'subnet-0b000000000000002'),
      workspace: ws(cluster()),
      errors: [
        {
          line: 5,
          severity: 'error',
          message: /^ENIConfig us-west-2a is named after zone us-west-2a, but its subnet subnet-0b000000000000002 is in us-west-2b\. Cluster prod picks ENIConfigs by topology\.kubernetes\.io\/zone/,
        },
      ],
    },
    {
      name: 'the same when nodes pick it by annotation: warning',
      text: eniConfig('us-west-2a', 'subnet-0b000000000000002'),
      workspace: ws(cluster({ env: '"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG":"true"' })),
      errors: [{ line: 5, severity: 'warning', message: /A node that takes it must be in us-west-2b/ }],
    },
    {
      name: 'a pod subnet in 198.19.0.0/16 beside a 10.0.0.0/8 primary',
      text: eniConfig('us-west-2a', 'subnet-0a000000000000002'),
      workspace: ws(cluster({ subnets: ['      pods-a: {id: subnet-0a000000000000002, az: us-west-2a, cidr: 198.19.0.0/19}'] })),
      errors: [
        {
          line: 5,
          severity: 'error',
          message: /\(198\.19\.0\.0\/19\), which is in 198\.19\.0\.0\/16: AWS does not let a VPC whose primary block is in 10\.0\.0\.0\/8 \(here 10\.0\.0\.0\/16\) add such a block/,
        },
      ],
    },
    {
      name: 'a subnet of another VPC, both known by ID',
      text: eniConfig('us-west-2a', 'subnet-0c000000000000009'),
      workspace: [
        { uri: 'cluster.yaml', text: cluster() },
        { uri: 'other.yaml', text: cluster({ name: 'other', vpcId: 'vpc-0ddd1111eeee2222f', env: '', subnets: ['      x: {id: subnet-0c000000000000009, az: us-west-2a, cidr: 100.64.0.0/19}'] }) },
      ],
      errors: [{ line: 5, severity: 'error', message: /which other places in VPC vpc-0ddd1111eeee2222f, but cluster prod is in VPC vpc-0aaa1111bbbb2222c/ }],
    },
  ],
});

describe('cni-eniconfig-subnet: details', () => {
  it('relates the subnet in the ClusterConfig', () => {
    const [finding] = runRule(rule, { text: eniConfig('us-west-2a', 'subnet-0b000000000000002'), workspace: ws(cluster()) });
    assert.deepEqual(relatedLines(finding), [[14, 'subnet subnet-0b000000000000002 (pods-b) in us-west-2b']]);
    assert.equal(finding.range.start.line, 4);
  });
  it('two clusters with custom networking: a subnet of neither VPC is not judged', () => {
    const findings = runRule(rule, {
      text: eniConfig('us-west-2a', 'subnet-0c000000000000009'),
      workspace: [
        { uri: 'cluster.yaml', text: cluster() },
        { uri: 'c2.yaml', text: cluster({ name: 'c2', vpcId: 'vpc-0123456789abcdef0' }) },
        { uri: 'other.yaml', text: cluster({ name: 'other', vpcId: 'vpc-0ddd1111eeee2222f', env: '', subnets: ['      x: {id: subnet-0c000000000000009, az: us-west-2a, cidr: 100.64.0.0/19}'] }) },
      ],
    });
    assert.deepEqual(findings, []);
  });
});
