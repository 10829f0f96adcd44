import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildFileModel, factsOf, networkOf } from '../formats';
import { WorkspaceIndex } from '../workspace/index';
import { clusterCapacity, groupPlans, podNetworkingFor, CONTROL_PLANE_CONSUMER, type ClusterCapacity } from '.';

const HEAD = ['apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata: {name: prod, region: us-west-2}'];
const VPC = ['vpc:', '  cidr: 10.0.0.0/16', '  subnets:', '    private:', '      a: {az: us-west-2a, cidr: 10.0.0.0/24}', '      b: {az: us-west-2b, cidr: 10.0.1.0/24}'];
const text = (...lines: string[]) => [...HEAD, ...VPC, ...lines].join('\n') + '\n';
const network = (t: string) => networkOf(buildFileModel({ uri: 'file:///cluster.yaml', text: t }).documents[0]!);

const AWS_NODE = (pd: string) =>
  [
    'apiVersion: apps/v1',
    'kind: DaemonSet',
    'metadata: {name: aws-node, namespace: kube-system}',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: aws-node',
    '          image: example/amazon-k8s-cni:v1.19.0',
    '          env:',
    '            - name: ENABLE_PREFIX_DELEGATION',
    `              value: "${pd}"`,
  ].join('\n') + '\n';

function workspace(...files: string[]) {
  const index = new WorkspaceIndex();
  files.forEach((t, i) => index.set(`file:///cni-${i}.yaml`, factsOf(buildFileModel({ uri: `file:///cni-${i}.yaml`, text: t }))));
  return index.viewFrom('file:///cluster.yaml');
}

function known(result: ReturnType<typeof clusterCapacity>): ClusterCapacity {
  assert.equal(result.known, true, result.known ? '' : result.reason);
  return result as ClusterCapacity;
}

describe('capacity: which CNI settings apply', () => {
  const NG = ['managedNodeGroups:', '  - name: ng', '    privateNetworking: true', '    maxSize: 4'];

  it("without a declared add-on: the shipped add-on's defaults (secondary IPs)", () => {
    const pods = podNetworkingFor(network(text(...NG)));
    assert.deepEqual(pods, {
      known: true,
      values: { prefixDelegation: false, customNetworking: false, podEni: false, warmEniTarget: 1, warmPrefixTarget: 1 },
      source: { kind: 'document', addonDeclared: false },
      ipv6: false,
    });
  });

  it('the only aws-node DaemonSet of the workspace applies when no add-on is declared; a declared add-on wins', () => {
    const pods = podNetworkingFor(network(text(...NG)), workspace(AWS_NODE('true')));
    assert.equal(pods.known && pods.values.prefixDelegation, true);
    assert.equal(pods.known && pods.source.kind, 'aws-node');
    const declared = podNetworkingFor(network(text('addons:', '  - name: vpc-cni', ...NG)), workspace(AWS_NODE('true')));
    assert.equal(declared.known && declared.values.prefixDelegation, false);
    assert.deepEqual(declared.known && declared.source, { kind: 'document', addonDeclared: true });
  });

  it('DaemonSets that disagree, or a setting that cannot be read, leave it unknown', () => {
    assert.deepEqual(podNetworkingFor(network(text(...NG)), workspace(AWS_NODE('true'), AWS_NODE('false'))), {
      known: false,
      reason: 'the workspace has aws-node DaemonSets with different settings',
    });
    const templated = podNetworkingFor(network(text('addons:', '  - name: vpc-cni', `    configurationValues: '{"env": {"WARM_IP_TARGET": "{{ .Values.w }}"}}'`, ...NG)));
    assert.deepEqual(templated, { known: false, reason: "the VPC CNI's WARM_IP_TARGET cannot be read", unknown: ['WARM_IP_TARGET'] });
    assert.equal(clusterCapacity(network(text(...NG)), workspace(AWS_NODE('true'), AWS_NODE('false'))).known, false);
  });
});

describe('capacity: node groups and subnets', () => {
  it('sizes each group: nodes, surge, the instance type whose node takes fewest addresses, max pods and its source', () => {
    const n = network(
      text(
        'nodeGroups:',
        '  - name: self',
        '    privateNetworking: true',
        '    instancesDistribution: {instanceTypes: [m5.xlarge, t3.medium]}',
        '    maxSize: 5',
        'managedNodeGroups:',
        '  - name: managed',
        '    privateNetworking: true',
        '    subnets: [a]',
        '    maxPodsPerNode: 50',
        '  - name: lost',
        '    subnets: [nowhere]',
      ),
    );
    const { plans, skipped } = groupPlans(n.cluster!, n.vpcs[0]!, {});
    assert.deepEqual(
      plans.map((p) => [p.group.name, p.nodes, p.surge, p.instanceType, p.kubeletMaxPods, p.maxPodsSource, p.podsPerNode, p.subnets.map((s) => s.name)]),
      [
        // t3.medium: 3 interfaces × 6 addresses, 17 max pods (18 addresses a node) < m5.xlarge's 60.
        ['self', 5, 0, 't3.medium', 17, 'ami-default', 15, ['a', 'b']],
        // eksctl's defaults: 2 × m5.large; one zone, so an update adds 2 nodes.
        ['managed', 2, 2, 'm5.large', 50, 'written', 48, ['a']],
      ],
    );
    assert.deepEqual(
      skipped.map((s) => [s.group.name, s.reason]),
      [['lost', 'its subnets are not all in the file with a CIDR']],
    );
  });

  it('managed groups get the recommended max pods in every mode (the formula capped at 110 up to 30 vCPUs), self-managed the AMI default', () => {
    const big = network(
      text(
        'managedNodeGroups:',
        '  - name: m',
        '    privateNetworking: true',
        '    instanceType: m5.4xlarge',
        'nodeGroups:',
        '  - name: s',
        '    privateNetworking: true',
        '    instanceType: m5.4xlarge',
      ),
    );
    // m5.4xlarge: 8 interfaces × 30 addresses, 16 vCPUs: the formula gives 234, EKS caps a managed group at 110.
    assert.deepEqual(
      groupPlans(big.cluster!, big.vpcs[0]!, {}).plans.map((p) => [p.group.name, p.kubeletMaxPods, p.maxPodsSource]),
      [
        ['s', 234, 'ami-default'],
        ['m', 110, 'managed-recommended'],
      ],
    );

    const n = network(text('managedNodeGroups:', '  - name: m', '    privateNetworking: true', 'nodeGroups:', '  - name: s', '    privateNetworking: true'));
    const { plans } = groupPlans(n.cluster!, n.vpcs[0]!, { prefixDelegation: true });
    // The network model lists self-managed groups first.
    assert.deepEqual(
      plans.map((p) => [p.group.name, p.kubeletMaxPods, p.maxPodsSource, p.use.prefixes, p.use.nodeSubnet]),
      [
        // 27 addressed pods: ⌈27 / 16⌉ + 1 = 3 wanted, growth stops at 2 (32 ≥ 29).
        ['s', 29, 'ami-default', 2, { addresses: 1, prefixes: 2 }],
        // 108 addressed pods: growth stops at 7 prefixes (112 ≥ 110), docs/pod-capacity.md §2.
        ['m', 110, 'managed-recommended', 7, { addresses: 1, prefixes: 7 }],
      ],
    );
  });
});

describe('capacity: the cluster', () => {
  it('per-subnet demand with its consumers, headroom and the first scale event', () => {
    // 10 × m5.large (30 addresses each) over a and b, 5 each: 150 + 6 per /24 (251), then the surge of 4.
    const c = known(clusterCapacity(network(text('managedNodeGroups:', '  - name: web', '    privateNetworking: true', '    maxSize: 10'))));
    assert.deepEqual(
      c.report.subnets.map((d) => [d.id, d.total, d.headroom, d.exhausted]),
      [
        ['private/a', 216, 35, false],
        ['private/b', 216, 35, false],
      ],
    );
    assert.deepEqual(
      c.report.subnets[0]!.consumers.map((x) => [x.consumer, x.kind, x.nodes, x.addresses]),
      [
        ['web', 'nodes', 5, 150],
        ['web', 'surge', 2, 60],
        [CONTROL_PLANE_CONSUMER, 'other', undefined, 6],
      ],
    );
    assert.equal(c.report.firstEvent, undefined);
    assert.equal(c.podSubnetsUnchecked, false);

    // At 16 nodes, 8 per subnet: 240 + 6 fits a /24 (251); the update's first node (the 9th in a) does not.
    const full = known(clusterCapacity(network(text('managedNodeGroups:', '  - name: web', '    privateNetworking: true', '    maxSize: 16'))));
    assert.deepEqual(full.report.firstEvent, { group: 'web', nodes: 17, duringSurge: true, subnet: 'private/a', zone: 'us-west-2a', shortOf: 'addresses' });
  });

  it('keeps 6 addresses free for the control plane in each cluster subnet: with Auto Mode, the private ones only', () => {
    const VPC2 = ['vpc:', '  subnets:', '    public:', '      pa: {az: us-west-2a, cidr: 10.0.0.0/24}', '    private:', '      a: {az: us-west-2a, cidr: 10.0.1.0/24}'];
    const shares = (...extra: string[]) =>
      known(clusterCapacity(network([...HEAD, ...VPC2, ...extra].join('\n') + '\n'))).report.subnets.map((d) => [d.id, d.consumers.find((c) => c.consumer === CONTROL_PLANE_CONSUMER)?.addresses]);
    assert.deepEqual(shares(), [
      ['public/pa', 6],
      ['private/a', 6],
    ]);
    assert.deepEqual(shares('autoModeConfig: {enabled: true}'), [
      ['public/pa', undefined],
      ['private/a', 6],
    ]);
  });

  it('is unknown for an IPv6 cluster and for a document without a cluster', () => {
    assert.deepEqual(clusterCapacity(network(text('kubernetesNetworkConfig: {ipFamily: IPv6}', 'nodeGroups:', '  - name: ng'))), { known: false, reason: 'pods get IPv6 addresses' });
    const cfn = networkOf(buildFileModel({ uri: 'file:///t.yaml', text: 'Resources:\n  V:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n' }).documents[0]!);
    assert.equal(clusterCapacity(cfn).known, false);
  });
});
