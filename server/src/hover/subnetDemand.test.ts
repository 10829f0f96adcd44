import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { yaml } from '../../../test/support/ruleTester';
import { hoverAt } from './index';
import { buildFileModel } from '../formats';
import { consumerText } from './subnetDemand';
import type { WorkspaceView } from '../workspace/facts';

/** The hover Markdown on `target` (escapes resolved, as the editor shows it). */
function hover(text: string, target: string, workspace?: WorkspaceView): string | undefined {
  const at = text.indexOf(target);
  assert.ok(at >= 0, `${target} is not in the text`);
  return hoverAt(buildFileModel({ uri: 'file:///c.yaml', text }), at + Math.floor(target.length / 2), workspace)?.markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

const cluster = (...groups: string[]) =>
  yaml(
    'apiVersion: eksctl.io/v1alpha5',
    'kind: ClusterConfig',
    'metadata: {name: c, region: eu-west-1}',
    'vpc:',
    '  id: vpc-1',
    '  cidr: 10.20.0.0/16',
    '  subnets:',
    '    private:',
    '      eu-west-1a: {id: subnet-a, cidr: 10.20.0.0/22}',
    '      eu-west-1b: {id: subnet-b, cidr: 10.20.4.0/22}',
    '      eu-west-1c: {id: subnet-c, cidr: 10.20.8.0/22}',
    '    public:',
    '      eu-west-1a: {id: subnet-d, cidr: 10.20.100.0/24}',
    ...groups,
  );

// m5.xlarge: 4 interfaces × 15 addresses; EKS gives a managed group min(4 × 14 + 2, 110) = 58 max
// pods, so 56 pods need an address, and a full node holds all 4 interfaces' 60 (warm ENI target 1):
// the worked example of docs/pod-capacity.md. t3.large: 3 × 12 = 36.
const growth = cluster(
  'managedNodeGroups:',
  '  - {name: batch, instanceType: m5.xlarge, minSize: 3, maxSize: 60, privateNetworking: true}',
  '  - {name: system, instanceType: t3.large, minSize: 2, maxSize: 4, privateNetworking: true}',
);

describe('subnet demand hover', () => {
  it('puts the demand at full scale beside the usable size of an overflowing private subnet', () => {
    const md = hover(growth, '10.20.0.0/22')!;
    // The address facts stay first.
    assert.match(md, /^\*\*10\.20\.0\.0\/22\*\* · IPv4 block/);
    // 60 nodes over 3 zones: 20 × 60 = 1,200; each managed group's update surge lands 2 nodes
    // here; system: 4 nodes over 3 subnets, 2 here; control plane 6: 1,470 against 1,019.
    assert.match(md, /Pod address demand at full scale \(from this file\): \*\*1,470 of 1,019\*\* usable · \*\*over by 451\*\*\./);
    assert.match(md, /^- batch: 20 nodes × 60 = 1,200$/m);
    assert.match(md, /^- batch \(update surge\): 2 nodes × 60 = 120$/m);
    assert.match(md, /^- system: 2 nodes × 36 = 72$/m);
    assert.match(md, /^- system \(update surge\): 2 nodes × 36 = 72$/m);
    assert.match(md, /^- EKS control plane: 6$/m);
    assert.match(md, /First scale event: at 46 nodes, batch finds no free address here\./);
  });

  it('on another overflowing subnet, names the subnet where the first scale event happens', () => {
    const md = hover(growth, '10.20.4.0/22')!;
    assert.match(md, /\*\*over by \d+\*\*/);
    assert.match(md, /The cluster's first scale event is in subnet eu-west-1a \(10\.20\.0\.0\/22\)\.$/);
  });

  it('gives the headroom of a subnet that fits, and nothing about a scale event', () => {
    const md = hover(growth, '10.20.100.0/24')!;
    assert.match(md, /Pod address demand at full scale \(from this file\): \*\*6 of 251\*\* usable · 245 left\./);
    assert.match(md, /^- EKS control plane: 6$/m);
    assert.doesNotMatch(md, /scale event/);
  });

  it('drops "from this file" when the workspace was read', () => {
    assert.match(hover(growth, '10.20.100.0/24', { others: [] })!, /Pod address demand at full scale: \*\*6 of 251\*\*/);
  });

  it('says in one line why the demand is unknown', () => {
    const ipv6 = growth.replace('vpc:', 'kubernetesNetworkConfig: {ipFamily: IPv6}\nvpc:');
    assert.match(hover(ipv6, '10.20.0.0/22')!, /\n\nPod address demand \(from this file\): not known, pods get IPv6 addresses\.$/);
  });

  it('names the groups it could not size', () => {
    const md = hover(cluster('managedNodeGroups:', '  - {name: odd, instanceType: zz9.huge, maxSize: 3, privateNetworking: true}'), '10.20.0.0/22')!;
    assert.match(md, /not counted: odd \(cannot be sized\)\./);
  });

  it('adds nothing to a CIDR that is not a subnet of the cluster', () => {
    assert.doesNotMatch(hover(growth, '10.20.0.0/16')!, /demand/);
    const template = yaml('Resources:', '  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}', '  A: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24}}');
    assert.doesNotMatch(hover(template, '10.0.0.0/24')!, /demand/);
  });

  it('lists the four biggest consumers and sums the rest, unless one is left', () => {
    const groups = (k: number) => [
      'nodeGroups:',
      ...'abcdefg'
        .slice(0, k)
        .split('')
        .map((g, i) => `  - {name: ${g}, instanceType: t3.large, maxSize: ${3 * (i + 1)}, privateNetworking: true}`),
    ];
    // k self-managed groups (no surge) and the control plane: k + 1 consumers on each private subnet.
    const four = hover(cluster(...groups(3)), '10.20.0.0/22')!;
    assert.equal(four.match(/^- /gm)?.length, 4);
    const five = hover(cluster(...groups(4)), '10.20.0.0/22')!;
    assert.equal(five.match(/^- /gm)?.length, 5);
    assert.doesNotMatch(five, /other consumer/);
    const six = hover(cluster(...groups(5)), '10.20.0.0/22')!;
    assert.equal(six.match(/^- /gm)?.length, 5);
    // The two smallest: group a (one node of 36) and the control plane (6).
    assert.match(six, /^- 2 other consumers: 42$/m);
  });

  it('words each kind of consumer', () => {
    const cases: Array<[Parameters<typeof consumerText>[0], string]> = [
      [{ consumer: 'batch', kind: 'nodes', group: 'batch', nodes: 3, addresses: 30, prefixes: 0 }, 'batch: 3 nodes × 10 = 30'],
      [{ consumer: 'pd', kind: 'nodes', group: 'pd', nodes: 2, addresses: 2, prefixes: 4 }, 'pd: 2 nodes × 33 = 66 (4 /28 prefixes)'],
      [{ consumer: 'pd', kind: 'nodes', group: 'pd', nodes: 1, addresses: 1, prefixes: 1 }, 'pd: 1 node × 17 = 17 (1 /28 prefix)'],
      [{ consumer: 'x', kind: 'nodes', group: 'x', nodes: 3, addresses: 31, prefixes: 0 }, 'x: 3 nodes, 31'],
      [{ consumer: 'load_balancer', kind: 'other', addresses: 8, prefixes: 0 }, 'load\\_balancer: 8'],
    ];
    for (const [c, want] of cases) assert.equal(consumerText(c), want);
  });
});
