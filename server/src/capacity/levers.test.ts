import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildFileModel, networkOf } from '../formats';
import { clusterCapacity, type ClusterCapacity } from '.';
import { capacityLevers, POD_TIER_CIDR } from './levers';

const HEAD = ['apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata: {name: prod, region: us-west-2}'];
const vpc = (cidr: string, a: string, b: string) => ['vpc:', `  cidr: ${cidr}`, '  subnets:', '    private:', `      a: {az: us-west-2a, cidr: ${a}}`, `      b: {az: us-west-2b, cidr: ${b}}`];
const group = (type: string, maxSize: number) => ['managedNodeGroups:', '  - name: ng', `    instanceType: ${type}`, '    privateNetworking: true', `    maxSize: ${maxSize}`];

function levers(lines: string[]) {
  const network = networkOf(buildFileModel({ uri: 'file:///c.yaml', text: [...HEAD, ...lines].join('\n') + '\n' }).documents[0]!);
  const base = clusterCapacity(network);
  assert.equal(base.known, true);
  return { base: base as ClusterCapacity, levers: capacityLevers(network, undefined, base as ClusterCapacity) };
}

describe('capacity levers', () => {
  // m5.large: 3 interfaces × 10 addresses, 29 max pods (managed: 29), 30 addresses per node (the
  // pool's 27 secondaries plus 3 primaries); 20 nodes over two /24s (251 usable, 6 for EKS): 10 × 30 = 300 each.
  const SMALL = [...vpc('10.0.0.0/16', '10.0.0.0/24', '10.0.1.0/24'), ...group('m5.large', 20)];

  it('offers prefix delegation (Nitro), a pod tier and a larger subnet per exhausted subnet, in that order', () => {
    const { base, levers: l } = levers(SMALL);
    assert.deepEqual(
      base.report.subnets.map((d) => d.exhausted),
      [true, true],
    );
    assert.deepEqual(
      l.map((x) => x.kind),
      ['prefix-delegation', 'custom-networking', 'grow-subnet', 'grow-subnet'],
    );
  });

  it('prefix delegation is the model with ENABLE_PREFIX_DELEGATION on', () => {
    const { levers: l } = levers(SMALL);
    const pd = l.find((x) => x.kind === 'prefix-delegation')!;
    assert.equal(pd.result.networking.values.prefixDelegation, true);
    assert.ok(pd.result.plans.every((p) => p.use.mode === 'prefix-delegation'));
  });

  it('is not offered for a type that is not Nitro', () => {
    const { levers: l } = levers([...vpc('10.0.0.0/16', '10.0.0.0/24', '10.0.1.0/24'), ...group('m4.large', 40)]);
    assert.ok(!l.some((x) => x.kind === 'prefix-delegation'));
  });

  it('the pod tier: 100.64.0.0/16 split per zone, node subnets keep one address per node', () => {
    const { levers: l } = levers(SMALL);
    const custom = l.find((x) => x.kind === 'custom-networking')!;
    assert.deepEqual(custom.podSubnets, [
      { id: 'pods/us-west-2a', zone: 'us-west-2a', cidr: '100.64.0.0/17' },
      { id: 'pods/us-west-2b', zone: 'us-west-2b', cidr: '100.64.128.0/17' },
    ]);
    // 10 nodes + 2 surge nodes in each zone (managed group over 2 zones: 4 surge) at 1 address, plus EKS's 6: 251 − 12 − 6.
    assert.deepEqual(
      custom.result.report.subnets.slice(0, 2).map((d) => d.headroom),
      [251 - 12 - 6, 251 - 12 - 6],
    );
    assert.equal(custom.result.report.subnets.length, 4);
    assert.equal(custom.result.podSubnetsUnchecked, false);
  });

  it('is not offered when the VPC already uses 100.64.0.0/16', () => {
    const { levers: l } = levers([...vpc('100.64.0.0/16', '100.64.0.0/24', '100.64.1.0/24'), ...group('m5.large', 20)]);
    assert.ok(POD_TIER_CIDR === '100.64.0.0/16' && !l.some((x) => x.kind === 'custom-networking'));
  });

  it('grow: the smallest prefix that holds the demand, a free block of it, the model re-run with it', () => {
    const { base, levers: l } = levers(SMALL);
    const grow = l.filter((x) => x.kind === 'grow-subnet');
    // 12 nodes × 30 + 6 = 366 per subnet: a /23 (507 usable) holds it, a /24 does not.
    assert.deepEqual(
      base.report.subnets.map((d) => d.total),
      [366, 366],
    );
    assert.deepEqual(
      grow.map((g) => [g.subnet, g.prefix, g.freeBlock]),
      [
        ['private/a', 23, '10.0.2.0/23'],
        ['private/b', 23, '10.0.2.0/23'],
      ],
    );
    assert.equal(grow[0]!.result.report.subnets[0]!.headroom, 507 - 366);
    assert.equal(grow[0]!.result.report.subnets[1]!.exhausted, true);
  });

  it('grow without room in the VPC: no free block, the effect computed on the widened block', () => {
    const { levers: l } = levers([...vpc('10.0.0.0/23', '10.0.0.0/24', '10.0.1.0/24'), ...group('m5.large', 20)]);
    const grow = l.filter((x) => x.kind === 'grow-subnet');
    assert.deepEqual(
      grow.map((g) => g.freeBlock),
      [undefined, undefined],
    );
    assert.equal(grow[0]!.result.report.subnets[0]!.headroom, 507 - 366);
  });
});
