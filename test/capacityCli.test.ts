// eks-lens capacity, run as users run it (dist/cli.js; `npm run build` first). The numbers it
// prints are checked against the capacity API run on the same file, not against figures written here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildFileModel, factsOf, networkOf } from '../server/src/formats';
import { WorkspaceIndex } from '../server/src/workspace/index';
import { clusterCapacity, type ClusterCapacity } from '../server/src/capacity';
import { capacityLevers } from '../server/src/capacity/levers';
import { count } from '../server/src/network/ranges';
import { tempTree } from './support/tmp';
import { HANG_MS } from './support/limits';

const CLI = path.resolve('dist/cli.js');
const GROWTH = 'examples/eksctl/cluster-growth.yaml';

function run(args: string[], options: { cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, encoding: 'utf8', timeout: HANG_MS });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The capacity API on one file, as the command reads it. */
function model(file: string, text = readFileSync(file, 'utf8')) {
  const fileModel = buildFileModel({ uri: file, text });
  const index = new WorkspaceIndex();
  index.set(file, factsOf(fileModel));
  const network = networkOf(fileModel.documents[0]!);
  const workspace = index.viewFrom(file);
  const result = clusterCapacity(network, workspace);
  assert.equal(result.known, true);
  const c = result as ClusterCapacity;
  return { c, levers: capacityLevers(network, workspace, c) };
}

const HEAD = ['apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata: {name: c, region: us-west-2}'];
const VPC = ['vpc:', '  cidr: 10.0.0.0/16', '  subnets:', '    private:', '      us-west-2a: {cidr: 10.0.0.0/19}', '      us-west-2b: {cidr: 10.0.32.0/19}'];
const CLEAN = [...HEAD, ...VPC, 'managedNodeGroups:', '  - name: web', '    instanceType: m5.large', '    maxSize: 10', '    privateNetworking: true'].join('\n') + '\n';
const UNREADABLE = [
  ...HEAD,
  ...VPC,
  'addons:',
  '  - name: vpc-cni',
  `    configurationValues: '{"env": {"WARM_IP_TARGET": "{{ .Values.w }}"}}'`,
  'managedNodeGroups:',
  '  - name: web',
  '    maxSize: 10',
  '    privateNetworking: true',
].join('\n');
const TEMPLATE = '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"V": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}}}}';

describe('eks-lens capacity', () => {
  it('cluster-growth.yaml: exhausted (exit 1), with the first scale event and the subnets as the model has them', () => {
    const { c } = model(GROWTH);
    const r = run(['capacity', '--no-config', GROWTH]);
    assert.equal(r.status, 1, r.stderr);
    const e = c.report.firstEvent!;
    assert.ok(e.group, 'the model has a first event caused by a group');
    const type = c.plans.find((p) => p.group.name === e.group)!.instanceType;
    assert.ok(r.stdout.includes(`First scale event: node group \`${e.group}\` reaching ${count(e.nodes)} × ${type} in ${e.zone}`), r.stdout);
    for (const d of c.report.subnets) {
      if (!d.exhausted) continue;
      const line = r.stdout.split('\n').find((l) => l.includes(` ${d.id.split('/')[1]} `) && l.includes(d.id.split('/')[0]!) && l.includes('EXHAUSTED'));
      assert.ok(line, `a row for ${d.id}`);
      assert.match(line, new RegExp(`${count(d.total)}\\s+−${count(-d.headroom)}\\s+EXHAUSTED`));
    }
  });

  it('cluster-growth.yaml: each lever is the model re-run with the change', () => {
    const { levers } = model(GROWTH);
    const json = JSON.parse(run(['capacity', '--no-config', '--format', 'json', GROWTH]).stdout);
    const printed = json.clusters[0].levers;
    assert.deepEqual(
      printed.map((l: { kind: string }) => l.kind),
      levers.map((l) => l.kind),
    );
    assert.ok(levers.some((l) => l.kind === 'custom-networking'));
    assert.ok(levers.some((l) => l.kind === 'grow-subnet'));
    levers.forEach((l, i) => {
      assert.deepEqual(
        printed[i].subnets,
        l.result.report.subnets.map((d) => ({ id: d.id, headroom: d.headroom, exhausted: d.exhausted })),
      );
      assert.equal(
        printed[i].exhausted,
        l.result.report.subnets.some((d) => d.exhausted),
      );
    });
    // The custom networking lever leaves only the primary interfaces in the node subnets: one address per node.
    const custom = levers.find((l) => l.kind === 'custom-networking')!;
    for (const p of custom.result.plans) assert.deepEqual(p.use.nodeSubnet, { addresses: 1, prefixes: 0 });
    // A grown subnet holds its demand.
    for (const l of levers.filter((x) => x.kind === 'grow-subnet')) assert.equal(l.result.report.subnets.find((d) => d.id === l.subnet)!.exhausted, false);
    const text = run(['capacity', '--no-config', GROWTH]).stdout;
    const grow = levers.find((l) => l.kind === 'grow-subnet')!;
    assert.ok(text.includes(`${grow.change}; ${grow.freeBlock} is free in the VPC`), text);
    assert.ok(text.includes(`${grow.subnet} ${count(grow.result.report.subnets.find((d) => d.id === grow.subnet)!.headroom)}`), text);
  });

  it('prints the documented JSON shape', () => {
    const json = JSON.parse(run(['capacity', '--no-config', '--format', 'json', GROWTH]).stdout);
    assert.deepEqual(Object.keys(json), ['version', 'clusters', 'notes', 'exhausted']);
    assert.equal(json.version, 1);
    assert.equal(json.exhausted, true);
    const c = json.clusters[0];
    assert.deepEqual(Object.keys(c), ['file', 'document', 'region', 'known', 'cni', 'groups', 'skipped', 'subnets', 'exhausted', 'firstEvent', 'podSubnetsUnchecked', 'levers']);
    assert.deepEqual(Object.keys(c.cni), ['mode', 'prefixDelegation', 'customNetworking', 'source']);
    assert.deepEqual(Object.keys(c.subnets[0]), ['id', 'name', 'tier', 'zone', 'cidr', 'usable', 'freePrefixes', 'demand', 'headroom', 'exhausted', 'atRisk', 'consumers']);
    assert.deepEqual(Object.keys(c.firstEvent), ['group', 'nodes', 'instanceType', 'duringSurge', 'subnet', 'zone', 'shortOf', 'text']);
    assert.deepEqual(Object.keys(c.groups[0]), ['name', 'managed', 'nodes', 'surge', 'instanceType', 'kubeletMaxPods', 'maxPodsSource', 'addressesPerNode', 'prefixesPerNode']);
  });

  it('a cluster that fits: exit 0, no levers', () => {
    const dir = tempTree('eks-lens-capacity-', { 'clean.yaml': CLEAN });
    const r = run(['capacity', '--no-config', 'clean.yaml'], { cwd: dir });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /Every subnet holds its node groups at full scale\./);
    assert.doesNotMatch(r.stdout, /Levers/);
    const json = JSON.parse(run(['capacity', '--no-config', '--format', 'json', 'clean.yaml'], { cwd: dir }).stdout);
    assert.equal(json.exhausted, false);
    assert.deepEqual(json.clusters[0].levers, []);
  });

  it('CNI settings that cannot be read: unknown, no numbers', () => {
    const dir = tempTree('eks-lens-capacity-', { 'cluster.yaml': UNREADABLE });
    const r = run(['capacity', '--no-config', 'cluster.yaml'], { cwd: dir });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /Capacity unknown: the VPC CNI's WARM_IP_TARGET cannot be read\. No numbers are given rather than a guess\./);
    assert.doesNotMatch(r.stdout, /HEADROOM/);
    const json = JSON.parse(run(['capacity', '--no-config', '--format', 'json', 'cluster.yaml'], { cwd: dir }).stdout);
    assert.deepEqual(json.clusters[0], { file: 'cluster.yaml', document: 0, region: 'us-west-2', known: false, reason: "the VPC CNI's WARM_IP_TARGET cannot be read" });
  });

  it('a CloudFormation-only folder: one note, no invented cluster', () => {
    const dir = tempTree('eks-lens-capacity-', { 'a.json': TEMPLATE, 'b.json': TEMPLATE });
    const r = run(['capacity', '--no-config', '.'], { cwd: dir });
    assert.equal(r.status, 0);
    assert.equal(
      r.stdout.trim(),
      [
        'Note: 2 CloudFormation templates not simulated: eks-lens has no cluster model for CloudFormation yet (node groups and CNI settings are read from eksctl ClusterConfigs only).',
        'Note: no eksctl ClusterConfig found.',
      ].join('\n'),
    );
  });

  for (const [args, message] of [
    [['capacity', '--format', 'sarif', GROWTH], 'capacity: --format must be text or json, not "sarif"'],
    [['capacity', '--rule', 'x=off', GROWTH], 'capacity: unknown option --rule'],
    [['capacity', '--no-config'], 'capacity: no PATH given'],
  ] as const) {
    it(`bad usage exits 2: ${args.join(' ')}`, () => {
      const r = run([...args]);
      assert.equal(r.status, 2);
      assert.ok(r.stderr.startsWith(`eks-lens: ${message}\n`), r.stderr);
      assert.equal(r.stdout, '');
    });
  }

  it('--help describes the command', () => {
    const r = run(['--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /eks-lens capacity \[--format text\|json\]/);
    assert.match(run(['capacity', '--help']).stdout, /eks-lens capacity simulates pod address demand/);
  });
});
