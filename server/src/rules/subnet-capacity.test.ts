import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTester, runRule, yaml, relatedLines } from '../../../test/support/ruleTester';
import rule from './subnet-capacity';
import { eksctl } from '../../../test/support/fixtures';

// Usable addresses per subnet are 2^(32 − prefix) − 5 (AWS keeps the first four and the last):
// /28 → 11, /27 → 27, /26 → 59, /25 → 123, /24 → 251, /22 → 1,019, /20 → 4,091.
// Pods per node are the VPC CNI defaults: m5.large 29, m5.xlarge 58, m5.4xlarge 234, c5.large 29, t3.medium 17.

/** A VPC whose subnets are the given lines (line 7 on; the first subnet is on line 8), then the other lines. */
const cluster = (subnetLines: string[], ...rest: string[]) => eksctl('vpc:', '  cidr: 10.0.0.0/16', '  subnets:', ...subnetLines, ...rest);

const PUBLIC_24 = ['    public:', '      us-west-2a: { cidr: 10.0.0.0/24 }', '      us-west-2b: { cidr: 10.0.1.0/24 }'];
/** Public /22s (1,019 usable each) and two private subnets of the given size, named with `az`. */
const withPrivate = (a: string, b: string) => [
  '    public:',
  '      us-west-2a: { cidr: 10.0.0.0/22 }',
  '      us-west-2b: { cidr: 10.0.4.0/22 }',
  '    private:',
  `      private-one: {az: us-west-2a, cidr: ${a}}`,
  `      private-two: {az: us-west-2b, cidr: ${b}}`,
];

/** Two node groups in the same private subnets: workers needs 6 × 29 = 174 (maxSize on line 17), batch 3 × 29 = 87 (line 22). */
const SHARED = cluster(
  withPrivate('10.0.16.0/25', '10.0.16.128/25'),
  'nodeGroups:',
  '  - name: workers',
  '    privateNetworking: true',
  '    instanceType: m5.large',
  '    maxSize: 6',
  'managedNodeGroups:',
  '  - name: batch',
  '    privateNetworking: true',
  '    instanceTypes: [m5.xlarge, c5.large]',
  '    maxSize: 3',
);

ruleTester(rule, {
  valid: [
    { name: 'enough addresses: 10 × m5.large (290) in two public /24s (502)', text: cluster(PUBLIC_24, 'nodeGroups:', '  - name: web', '    instanceType: m5.large', '    maxSize: 10') },
    {
      name: 'exactly at capacity is not reported: 3 × 9 pods in a /27 (27)',
      text: cluster(
        withPrivate('10.0.16.0/27', '10.0.17.0/27'),
        'nodeGroups:',
        '  - name: pinned',
        '    privateNetworking: true',
        '    subnets: [private-one]',
        '    maxPodsPerNode: 9',
        '    maxSize: 3',
      ),
    },
    {
      name: 'a public node group does not use the small private subnets',
      text: cluster(withPrivate('10.0.16.0/28', '10.0.16.16/28'), 'managedNodeGroups:', '  - name: web', '    maxSize: 30'),
    },
    { name: 'unknown instance type: no estimate', text: cluster(PUBLIC_24, 'nodeGroups:', '  - name: big', '    instanceType: x9.mega', '    maxSize: 500') },
    {
      name: 'IPv6 cluster: pods do not take IPv4 addresses from the subnets',
      text: cluster(
        ['    public:', '      us-west-2a: {cidr: 10.0.0.0/28}', '      us-west-2b: {cidr: 10.0.0.16/28}'],
        'kubernetesNetworkConfig:',
        '  ipFamily: IPv6',
        'nodeGroups:',
        '  - name: ng-1',
        '    maxSize: 50',
      ),
    },
    { name: "eksctl's default subnets are not in the file", text: eksctl('vpc:', '  cidr: 10.0.0.0/24', 'nodeGroups:', '  - name: ng-1', '    maxSize: 100') },
    {
      name: 'a subnet named in the node group but not described in the file',
      text: cluster(
        ['    private:', '      private-one: {az: us-west-2a, cidr: 10.0.0.0/28}'],
        'nodeGroups:',
        '  - name: ng',
        '    privateNetworking: true',
        '    subnets: [private-one, subnet-0fffffffffffffff0]',
        '    maxSize: 50',
      ),
    },
    {
      name: 'a subnet of the tier has no CIDR in the file',
      text: cluster(
        ['    private:', '      private-one: {az: us-west-2a, cidr: 10.0.0.0/28}', '      private-two: {id: subnet-0123456789abcdef0}'],
        'nodeGroups:',
        '  - name: ng',
        '    privateNetworking: true',
        '    maxSize: 50',
      ),
    },
    {
      name: "availabilityZones filter when a subnet's zone is not written",
      text: cluster(
        ['    private:', '      private-one: {id: subnet-0aaaaaaaaaaaaaaaa, cidr: 10.0.0.0/28}', '      us-west-2b: {cidr: 10.0.0.16/28}'],
        'nodeGroups:',
        '  - name: ng',
        '    privateNetworking: true',
        '    availabilityZones: [us-west-2b]',
        '    maxSize: 50',
      ),
    },
    {
      name: 'templated or invalid subnet CIDRs leave the supply unknown',
      text: cluster(['    public:', '      us-west-2a: {cidr: "{{ .Values.subnetA }}"}', '      us-west-2b: {cidr: 10.0.0.16/33}'], 'nodeGroups:', '  - name: ng-1', '    maxSize: 50'),
    },
    { name: 'a node group scaled to zero', text: cluster(['    public:', '      us-west-2a: {cidr: 10.0.0.0/28}'], 'nodeGroups:', '  - name: idle', '    maxSize: 0', '    desiredCapacity: 0') },
    { name: 'not an eksctl document', text: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: x}', 'data:', '  nodeGroups: "m5.large x 1000"') },
  ],
  invalid: [
    {
      name: "eksctl's defaults: 2 × m5.large (58) in two public /28s (22)",
      text: cluster(['    public:', '      us-west-2a: { cidr: 10.0.0.0/28 }', '      us-west-2b: { cidr: 10.0.0.16/28 }'], 'nodeGroups:', '  - name: ng-1'),
      errors: [
        {
          line: 11,
          severity: 'warning',
          message:
            /^Public subnets \(us-west-2a, us-west-2b\) give 22 usable addresses; node group ng-1 can need 58 \(2 × m5\.large at 29 pods\)\. With the VPC CNI every pod takes a VPC address\. Use larger subnets, fewer or smaller nodes, or a secondary CIDR for pods\.$/,
        },
      ],
    },
    {
      name: 'explicit subnet by name: 3 × m5.large (87) in a /26 (59), reported at maxSize',
      text: cluster(withPrivate('10.0.16.0/26', '10.0.20.0/22'), 'managedNodeGroups:', '  - name: pinned', '    privateNetworking: true', '    subnets: [private-one]', '    maxSize: 3'),
      errors: [{ line: 17, message: /^Subnet private-one gives 59 usable addresses; node group pinned can need 87 \(3 × m5\.large at 29 pods\)\./ }],
    },
    {
      name: 'explicit subnet by ID in an existing VPC: 3 × m5.xlarge (174) in a /25 (123)',
      text: eksctl(
        'vpc:',
        '  id: vpc-0123456789abcdef0',
        '  subnets:',
        '    private:',
        '      private-one: {id: subnet-0aaaaaaaaaaaaaaaa, az: us-west-2a, cidr: 10.0.0.0/25}',
        '      private-two: {id: subnet-0bbbbbbbbbbbbbbbb, az: us-west-2b, cidr: 10.0.4.0/22}',
        'nodeGroups:',
        '  - name: by-id',
        '    privateNetworking: true',
        '    subnets: [subnet-0aaaaaaaaaaaaaaaa]',
        '    instanceType: m5.xlarge',
        '    maxSize: 3',
      ),
      errors: [{ line: 15, message: /^Subnet private-one gives 123 usable addresses; node group by-id can need 174 \(3 × m5\.xlarge at 58 pods\)\./ }],
    },
    {
      name: 'privateNetworking uses every private subnet: desiredCapacity 2 × m5.large (58) in two /27s (54)',
      text: cluster(withPrivate('10.0.16.0/27', '10.0.16.32/27'), 'nodeGroups:', '  - name: workers', '    privateNetworking: true', '    desiredCapacity: 2'),
      errors: [{ line: 14, message: /^Private subnets \(private-one, private-two\) give 54 usable addresses; node group workers can need 58 \(2 × m5\.large at 29 pods\)\./ }],
    },
    {
      name: "the node group's availabilityZones keep only the subnets in those zones",
      text: cluster(['    public:', '      us-west-2a: { cidr: 10.0.0.0/20 }', '      us-west-2b: { cidr: 10.0.16.0/28 }'], 'nodeGroups:', '  - name: zonal', '    availabilityZones: [us-west-2b]'),
      errors: [{ line: 11, message: /^Subnet us-west-2b gives 11 usable addresses; node group zonal can need 58 \(2 × m5\.large at 29 pods\)\./ }],
    },
    {
      name: 'node groups in the same subnets share them: 174 + 87 = 261 in two /25s (246), one finding on the larger group',
      text: SHARED,
      errors: [
        {
          line: 17,
          message:
            /^Private subnets \(private-one, private-two\) give 246 usable addresses; node groups workers and batch can need 261 together \(workers: 6 × m5\.large at 29 pods; batch: 3 × c5\.large at 29 pods\)\. With the VPC CNI/,
        },
      ],
    },
    {
      name: 'maxPodsPerNode replaces the default: 2 × m5.4xlarge at 110 pods (220) in a /25 (123)',
      text: cluster(
        withPrivate('10.0.16.0/25', '10.0.20.0/22'),
        'nodeGroups:',
        '  - name: dense',
        '    privateNetworking: true',
        '    subnets: [private-one]',
        '    instanceType: m5.4xlarge',
        '    maxPodsPerNode: 110',
        '    maxSize: 2',
      ),
      errors: [{ line: 19, message: /gives 123 usable addresses; node group dense can need 220 \(2 × m5\.4xlarge at 110 pods\)\./ }],
    },
    {
      name: 'maxPodsPerNode gives an estimate even for an unknown instance type: 3 × 50 (150) in a /25 (123)',
      text: cluster(
        withPrivate('10.0.16.0/25', '10.0.20.0/22'),
        'nodeGroups:',
        '  - name: custom',
        '    privateNetworking: true',
        '    subnets: [private-one]',
        '    instanceType: x9.mega',
        '    maxPodsPerNode: 50',
        '    maxSize: 3',
      ),
      errors: [{ line: 19, message: /node group custom can need 150 \(3 × x9\.mega at 50 pods\)/ }],
    },
    {
      name: 'several instance types: the smallest default counts (t3.medium, 17): 10 × 17 (170) in a /25 (123)',
      text: cluster(
        withPrivate('10.0.16.0/25', '10.0.20.0/22'),
        'nodeGroups:',
        '  - name: spot',
        '    privateNetworking: true',
        '    subnets: [private-one]',
        '    instanceType: mixed',
        '    instancesDistribution: {instanceTypes: [m5.4xlarge, t3.medium]}',
        '    maxSize: 10',
      ),
      errors: [{ line: 19, message: /node group spot can need 170 \(10 × t3\.medium at 17 pods\)/ }],
    },
    {
      name: 'explicit subnets from both tiers',
      text: cluster(
        ['    public:', '      pub-a: {az: us-west-2a, cidr: 10.0.0.0/28}', '    private:', '      priv-a: {az: us-west-2a, cidr: 10.0.0.16/28}'],
        'nodeGroups:',
        '  - name: both',
        '    privateNetworking: true',
        '    subnets: [pub-a, priv-a]',
      ),
      errors: [{ line: 12, message: /^Its subnets \(pub-a, priv-a\) give 22 usable addresses; node group both can need 58/ }],
    },
    {
      name: 'second ClusterConfig of a stream, node group settings through a merge key',
      text:
        cluster(PUBLIC_24, 'nodeGroups:', '  - name: ok') +
        '---\n' +
        cluster(
          ['    private:', '      us-west-2a: {cidr: 10.0.0.0/24}', '      us-west-2b: {cidr: 10.0.1.0/24}'],
          'x-defaults: &ng {privateNetworking: true, instanceType: m5.large}',
          'nodeGroups:',
          '  - <<: *ng',
          '    name: app',
          '    maxSize: 20',
        ),
      errors: [{ line: 26, message: /^Private subnets \(us-west-2a, us-west-2b\) give 502 usable addresses; node group app can need 580 \(20 × m5\.large at 29 pods\)\./ }],
    },
  ],
});

describe('rule subnet-capacity: related information', () => {
  it('lists each subnet of the pool with its usable addresses', () => {
    const [finding] = runRule(rule, {
      text: cluster(['    public:', '      us-west-2a: { cidr: 10.0.0.0/28 }', '      us-west-2b: { cidr: 10.0.0.32/27 }'], 'nodeGroups:', '  - name: ng-1', '    maxSize: 2'),
    });
    assert.equal(finding.range.start.line + 1, 12);
    assert.match(finding.message, /give 38 usable addresses; node group ng-1 can need 58/);
    assert.deepEqual(relatedLines(finding), [
      [8, 'us-west-2a: 10.0.0.0/28, 11 usable'],
      [9, 'us-west-2b: 10.0.0.32/27, 27 usable'],
    ]);
  });

  it('for a shared pool, also points at the other node groups', () => {
    const [finding] = runRule(rule, { text: SHARED });
    assert.deepEqual(relatedLines(finding), [
      [22, 'node group batch: 3 × c5.large at 29 pods'],
      [11, 'private-one: 10.0.16.0/25, 123 usable'],
      [12, 'private-two: 10.0.16.128/25, 123 usable'],
    ]);
  });
});
