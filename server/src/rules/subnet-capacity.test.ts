import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTester, runRule, yaml, relatedLines } from '../../../test/support/ruleTester';
import rule from './subnet-capacity';
import { eksctl } from '../../../test/support/fixtures';

// Usable addresses per subnet are 2^(32 − prefix) − 5 (AWS keeps the first four and the last):
// /28 → 11, /27 → 27, /26 → 59, /25 → 123, /24 → 251, /22 → 1,019, /20 → 4,091.
// Max pods are the VPC CNI defaults: m5.large 29, m5.xlarge 58, m5.4xlarge 234, c5.large 29, t3.medium 17.
// A full node takes more addresses than its pods (docs/pod-capacity.md §2): 27 addressed pods on an
// m5.large fill its 3 interfaces: 3 primaries + 27 secondaries = 30. Every subnet also keeps 6 free
// for the EKS control plane's interfaces; a managed node group's update adds 2 nodes per zone.

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

/** Two node groups in the same private subnets: workers 6 × m5.large (3 per subnet, 90 each; maxSize on line 17), batch (managed) 3 × c5.large (2 + 1, 30 a node) and its update surge of 4 (line 22). */
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

const addon = (env: string) => ['addons:', '  - name: vpc-cni', `    configurationValues: '{"env": {${env}}}'`];
const PD = '"ENABLE_PREFIX_DELEGATION": "true"';

/** An aws-node DaemonSet whose aws-node container sets the given variables. */
const awsNode = (...env: Array<[string, string]>) =>
  yaml(
    'apiVersion: apps/v1',
    'kind: DaemonSet',
    'metadata: {name: aws-node, namespace: kube-system}',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: aws-node',
    '          image: 602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.19.0',
    '          env:',
    ...env.flatMap(([n, v]) => [`            - name: ${n}`, `              value: "${v}"`]),
  );

/** 20 m5.large nodes of a managed group in the private subnet private-one (its CIDR on line 11). */
const PD_GROUP = ['managedNodeGroups:', '  - name: pd', '    privateNetworking: true', '    subnets: [private-one]', '    maxSize: 20'];

ruleTester(rule, {
  valid: [
    {
      name: 'enough addresses: 10 × m5.large (5 × 30 + 6 per subnet) in two public /24s (251 each)',
      text: cluster(PUBLIC_24, 'nodeGroups:', '  - name: web', '    instanceType: m5.large', '    maxSize: 10'),
    },
    {
      name: 'exactly at capacity is not reported: 3 × 7 addresses + 6 in a /27 (27)',
      text: cluster(
        withPrivate('10.0.16.0/27', '10.0.17.0/27'),
        'nodeGroups:',
        '  - name: pinned',
        '    privateNetworking: true',
        '    subnets: [private-one]',
        '    instanceType: x9.mega',
        '    maxPodsPerNode: 8',
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
    {
      name: 'prefix delegation that fits: 20 × m5.large at 110 max pods (7 prefixes + 1 address each) and a surge of 2 in a /20 (154 of 254 free /28s)',
      text: cluster(withPrivate('10.0.16.0/20', '10.0.32.0/20'), ...addon(PD), ...PD_GROUP),
    },
    {
      name: 'a CNI setting that cannot be read: silent rather than a guess',
      text: cluster(withPrivate('10.0.16.0/22', '10.0.20.0/22'), 'addons:', '  - name: vpc-cni', `    configurationValues: '{"env": {"ENABLE_PREFIX_DELEGATION": "{{ .Values.pd }}"}}'`, ...PD_GROUP),
    },
    {
      name: 'aws-node DaemonSets that disagree: silent',
      text: cluster(withPrivate('10.0.16.0/22', '10.0.20.0/22'), ...PD_GROUP),
      workspace: [
        { uri: 'cni/a.yaml', text: awsNode(['ENABLE_PREFIX_DELEGATION', 'true']) },
        { uri: 'cni/b.yaml', text: awsNode(['ENABLE_PREFIX_DELEGATION', 'false']) },
      ],
    },
    {
      name: 'custom networking takes only the primary interface from the node subnet: 20 × 1 + 6 in a /26',
      text: cluster(withPrivate('10.0.16.0/26', '10.0.20.0/22'), ...addon('"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG": "true"'), ...PD_GROUP),
    },
  ],
  invalid: [
    {
      name: "eksctl's defaults: 2 × m5.large, one in each public /28 (11 usable): 30 + 6 each",
      text: cluster(['    public:', '      us-west-2a: { cidr: 10.0.0.0/28 }', '      us-west-2b: { cidr: 10.0.0.16/28 }'], 'nodeGroups:', '  - name: ng-1'),
      errors: [
        {
          line: 8,
          severity: 'warning',
          message:
            /^Subnet us-west-2a \(11 usable\) needs 36 addresses at full scale: node group "ng-1" 1 × m5\.large takes 30 addresses per node \(29 max pods, warm pool included\): 30; 6 kept free for the EKS control plane's interfaces\. It is first short when "ng-1" reaches 1 node\. Use larger subnets, fewer or smaller nodes, or a secondary CIDR for pods\.$/,
        },
        { line: 9, message: /^Subnet us-west-2b \(11 usable\) needs 36 addresses at full scale: node group "ng-1" 1 × m5\.large takes 30 addresses per node/ },
      ],
    },
    {
      name: "explicit subnet by name, managed: 3 × 30 + update surge 2 × 30 + 6 = 156 in a /26 (59), reported at the subnet's CIDR",
      text: cluster(withPrivate('10.0.16.0/26', '10.0.20.0/22'), 'managedNodeGroups:', '  - name: pinned', '    privateNetworking: true', '    subnets: [private-one]', '    maxSize: 3'),
      errors: [
        {
          line: 11,
          message:
            /^Subnet private-one \(us-west-2a, 59 usable\) needs 156 addresses at full scale: node group "pinned" 3 × m5\.large takes 30 addresses per node \(29 max pods, warm pool included\): 90; an update of managed node group "pinned" adds up to 2 nodes here: 60; 6 kept free for the EKS control plane's interfaces\. It is first short when "pinned" reaches 2 nodes\./,
        },
      ],
    },
    {
      name: 'explicit subnet by ID in an existing VPC: 3 × m5.xlarge (60 each) + 6 = 186 in a /25 (123)',
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
      errors: [
        {
          line: 8,
          message:
            /^Subnet private-one \(us-west-2a, 123 usable\) needs 186 addresses at full scale: node group "by-id" 3 × m5\.xlarge takes 60 addresses per node \(58 max pods, warm pool included\): 180;/,
        },
      ],
    },
    {
      name: 'privateNetworking uses every private subnet: desiredCapacity 2 × m5.large, one in each /27 (27)',
      text: cluster(withPrivate('10.0.16.0/27', '10.0.16.32/27'), 'nodeGroups:', '  - name: workers', '    privateNetworking: true', '    desiredCapacity: 2'),
      errors: [
        { line: 11, message: /^Subnet private-one \(us-west-2a, 27 usable\) needs 36 addresses at full scale: node group "workers" 1 × m5\.large/ },
        { line: 12, message: /^Subnet private-two \(us-west-2b, 27 usable\) needs 36 addresses at full scale: node group "workers" 1 × m5\.large/ },
      ],
    },
    {
      name: "the node group's availabilityZones keep only the subnets in those zones",
      text: cluster(['    public:', '      us-west-2a: { cidr: 10.0.0.0/20 }', '      us-west-2b: { cidr: 10.0.16.0/28 }'], 'nodeGroups:', '  - name: zonal', '    availabilityZones: [us-west-2b]'),
      errors: [{ line: 9, message: /^Subnet us-west-2b \(11 usable\) needs 66 addresses at full scale: node group "zonal" 2 × m5\.large takes 30 addresses per node/ }],
    },
    {
      name: 'node groups in the same subnets share them: 90 + 60 + surge 60 + 6 = 216 in each /25 (123); one finding per subnet, at its CIDR',
      text: SHARED,
      errors: [
        {
          line: 11,
          message:
            /^Subnet private-one \(us-west-2a, 123 usable\) needs 216 addresses at full scale: node group "workers" 3 × m5\.large takes 30 addresses per node \(29 max pods, warm pool included\): 90; node group "batch" 2 × c5\.large: 60; an update of managed node group "batch" adds up to 2 nodes here: 60; 6 kept free for the EKS control plane's interfaces\. It is first short when "batch" reaches 3 nodes\./,
        },
        {
          line: 12,
          message:
            /^Subnet private-two \(us-west-2b, 123 usable\) needs 186 addresses at full scale: node group "workers" 3 × m5\.large .*: 90; an update of managed node group "batch" adds up to 2 nodes here: 60; node group "batch" 1 × c5\.large: 30;/,
        },
      ],
    },
    {
      name: 'maxPodsPerNode replaces the default: 2 × m5.4xlarge at 110 max pods (4 interfaces, 116 secondaries: 120 each) + 6 in a /25 (123)',
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
      errors: [{ line: 11, message: /needs 246 addresses at full scale: node group "dense" 2 × m5\.4xlarge takes 120 addresses per node \(110 max pods, warm pool included\): 240;/ }],
    },
    {
      name: 'maxPodsPerNode gives a lower bound even for an unknown instance type: 3 × 49 + 6 in a /25 (123)',
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
      errors: [
        {
          line: 11,
          message: /needs 153 addresses at full scale: node group "custom" 3 × x9\.mega at least 49 addresses per node \(x9\.mega is not in eks-lens's table; 50 max pods from maxPodsPerNode\): 147;/,
        },
      ],
    },
    {
      name: 'several instance types: the one whose node takes fewest addresses counts (t3.medium, 18): 10 × 18 + 6 in a /25 (123)',
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
      errors: [
        {
          line: 11,
          message:
            /needs 186 addresses at full scale: node group "spot" 10 × t3\.medium takes 18 addresses per node \(17 max pods, warm pool included\): 180; .* It is first short when "spot" reaches 7 nodes\./,
        },
      ],
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
      errors: [
        { line: 8, message: /^Subnet pub-a \(us-west-2a, 11 usable\) needs 36 addresses at full scale: node group "both" 1 × m5\.large/ },
        { line: 10, message: /^Subnet priv-a \(us-west-2a, 11 usable\) needs 36 addresses/ },
      ],
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
      errors: [
        {
          line: 20,
          message:
            /^Subnet us-west-2a \(251 usable\) needs 306 addresses at full scale: node group "app" 10 × m5\.large takes 30 addresses per node .* It is first short when "app" reaches 17 nodes\./,
        },
        { line: 21, message: /^Subnet us-west-2b \(251 usable\) needs 306 addresses at full scale/ },
      ],
    },
    {
      name: 'prefix delegation counts /28 prefixes: 20 × (7 prefixes + 1 address: growth stops at 112 ≥ 110 max pods) and a surge of 2 need 154 of the 62 free /28s of a /22; the 9th node is the first short',
      text: cluster(withPrivate('10.0.16.0/22', '10.0.20.0/22'), ...addon(PD), ...PD_GROUP),
      errors: [
        {
          line: 11,
          message:
            /^Subnet private-one \(us-west-2a, 1,019 usable\) needs 2,492 addresses at full scale: node group "pd" 20 × m5\.large with prefix delegation takes 7 \/28 prefixes and 1 address per node \(110 max pods, warm pool included\): 2,260; an update of managed node group "pd" adds up to 2 nodes here: 226; 6 kept free for the EKS control plane's interfaces\. It is first short when "pd" reaches 9 nodes\. Use larger subnets or fewer nodes, lower max pods, or keep \/28 blocks for prefixes with a subnet CIDR reservation\.$/,
        },
      ],
    },
    {
      name: 'prefix delegation on a type that is not Nitro falls back to single addresses: m4.large (2 interfaces, 20 max pods) takes 20',
      text: cluster(
        withPrivate('10.0.16.0/26', '10.0.20.0/22'),
        ...addon(PD),
        'nodeGroups:',
        '  - name: old',
        '    privateNetworking: true',
        '    subnets: [private-one]',
        '    instanceType: m4.large',
        '    maxSize: 3',
      ),
      errors: [
        {
          line: 11,
          message:
            /^Subnet private-one \(us-west-2a, 59 usable\) needs 66 addresses at full scale: node group "old" 3 × m4\.large takes 20 addresses per node \(20 max pods, warm pool included; m4\.large is not a Nitro type, so prefix delegation falls back to single addresses\): 60;/,
        },
      ],
    },
    {
      name: 'custom networking: only the primary interface in the node subnet (20 × 1 + surge 2 + 6 in a /28); pod subnets are not checked yet',
      text: cluster(withPrivate('10.0.16.0/28', '10.0.20.0/22'), ...addon('"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG": "true"'), ...PD_GROUP),
      errors: [
        {
          line: 11,
          message:
            /^Subnet private-one \(us-west-2a, 11 usable\) needs 28 addresses at full scale: node group "pd" 20 × m5\.large with custom networking takes 1 address per node here \(its primary interface\): 20; .* Pod subnets \(ENIConfig\) are not checked yet\./,
        },
      ],
    },
    {
      name: 'security groups for pods: the trunk takes an interface slot and an address (2 pod interfaces, 18 secondaries, trunk: 21)',
      text: cluster(
        withPrivate('10.0.16.0/26', '10.0.20.0/22'),
        ...addon('"ENABLE_POD_ENI": "true"'),
        'nodeGroups:',
        '  - name: sg',
        '    privateNetworking: true',
        '    subnets: [private-one]',
        '    maxSize: 3',
      ),
      errors: [
        {
          line: 11,
          message: /^Subnet private-one \(us-west-2a, 59 usable\) needs 69 addresses at full scale: node group "sg" 3 × m5\.large takes 21 addresses per node \(29 max pods, warm pool included\): 63;/,
        },
      ],
    },
    {
      name: "only a managed node group's update surge overflows: 1 × 30 + 6 fits a /26 (59), with 2 more nodes it does not",
      text: cluster(withPrivate('10.0.16.0/26', '10.0.20.0/22'), 'managedNodeGroups:', '  - name: one', '    privateNetworking: true', '    subnets: [private-one]', '    maxSize: 1'),
      errors: [
        {
          line: 11,
          message:
            /^Subnet private-one \(us-west-2a, 59 usable\) holds its node groups at full scale \(36 addresses\) but not a managed node group update, which needs 96: an update of managed node group "one" adds up to 2 nodes here: 60; node group "one" 1 × m5\.large takes 30 addresses per node \(29 max pods, warm pool included\): 30; 6 kept free for the EKS control plane's interfaces\. It is first short when "one" reaches 2 nodes during an update\./,
        },
      ],
    },
    {
      name: 'an aws-node DaemonSet elsewhere in the workspace sets the mode when the file declares no vpc-cni add-on',
      text: cluster(withPrivate('10.0.16.0/22', '10.0.20.0/22'), ...PD_GROUP),
      workspace: [{ uri: 'cni/aws-node.yaml', text: awsNode(['ENABLE_PREFIX_DELEGATION', 'true']) }],
      errors: [
        { line: 11, message: /^Subnet private-one \(us-west-2a, 1,019 usable\) needs 2,492 addresses at full scale: node group "pd" 20 × m5\.large with prefix delegation takes 7 \/28 prefixes/ },
      ],
    },
    {
      name: "a vpc-cni add-on declared in the file wins over the workspace's aws-node DaemonSet",
      text: cluster(withPrivate('10.0.16.0/24', '10.0.20.0/22'), ...addon('"WARM_ENI_TARGET": "1"'), ...PD_GROUP),
      workspace: [{ uri: 'cni/aws-node.yaml', text: awsNode(['ENABLE_PREFIX_DELEGATION', 'true']) }],
      errors: [{ line: 11, message: /^Subnet private-one \(us-west-2a, 251 usable\) needs 666 addresses at full scale: node group "pd" 20 × m5\.large takes 30 addresses per node/ }],
    },
  ],
});

describe('rule subnet-capacity: related information', () => {
  it('points at the subnet with its usable addresses', () => {
    const [finding] = runRule(rule, {
      text: cluster(['    public:', '      us-west-2a: { cidr: 10.0.0.0/28 }', '      us-west-2b: { cidr: 10.0.0.32/27 }'], 'nodeGroups:', '  - name: ng-1', '    maxSize: 2'),
    });
    assert.equal(finding.range.start.line + 1, 8);
    assert.match(finding.message, /^Subnet us-west-2a \(11 usable\) needs 36 addresses/);
    assert.deepEqual(relatedLines(finding), [[12, 'node group ng-1: 1 × m5.large in us-west-2a, takes 30 addresses per node (29 max pods, warm pool included)']]);
  });

  it('for a shared subnet, also points at the other node groups', () => {
    const [finding] = runRule(rule, { text: SHARED });
    assert.deepEqual(relatedLines(finding), [
      [17, 'node group workers: 3 × m5.large in private-one, takes 30 addresses per node (29 max pods, warm pool included)'],
      [22, 'node group batch: 2 × c5.large in private-one, takes 30 addresses per node (29 max pods, warm pool included)'],
    ]);
  });
});
