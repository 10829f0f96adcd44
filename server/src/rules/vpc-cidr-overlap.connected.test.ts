// vpc-cidr-overlap's notion of "connected": the project file's connectedNetworks key (read,
// validated and resolved against the project file's folder) and the work the rule does in a
// workspace of many VPCs (counted, never timed).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { mergeConfig, parseProjectFile, readConnectedNetworks } from '../engine/config';
import { readProjectConfig } from '../engine/projectConfig';
import { checkFile } from '../engine/run';
import { compileGlob } from '../workspace/glob';
import { WorkspaceIndex } from '../workspace/index';
import { cfn, eksctl, vpcResource } from '../../../test/support/fixtures';
import { tempTree } from '../../../test/support/tmp';
import rule, { overlapStats } from './vpc-cidr-overlap';
import { buildFileModel, factsOf } from '../formats';

const newVpc = (name: string, cidr: string) => eksctl(`vpc: {cidr: ${cidr}}`).replace('name: demo', `name: ${name}`);

describe('connectedNetworks in .eks-lens.yaml', () => {
  it('reads `all` and named groups of globs (one glob or a list)', () => {
    assert.deepEqual(parseProjectFile('connectedNetworks: all\n'), { config: { connectedNetworks: { all: true } }, problems: [] });
    assert.deepEqual(parseProjectFile('connectedNetworks:\n  corporate: [network/*.yaml, "clusters/prod-*.yaml"]\n  lab: lab/**\n'), {
      config: {
        connectedNetworks: {
          groups: [
            { name: 'corporate', globs: ['network/*.yaml', 'clusters/prod-*.yaml'] },
            { name: 'lab', globs: ['lab/**'] },
          ],
        },
      },
      problems: [],
    });
    assert.deepEqual(parseProjectFile('connectedNetworks: {}\n').config, { connectedNetworks: { groups: [] } });
  });

  it('says what is wrong with a bad value, keeps what is usable, and never throws', () => {
    const shape = /^connectedNetworks must be "all" or a mapping of network names to lists of file globs .*; it is ignored$/;
    for (const text of ['connectedNetworks: yes\n', 'connectedNetworks: [a.yaml]\n', 'connectedNetworks:\n', 'connectedNetworks: 3\n', 'connectedNetworks: everything\n']) {
      const { config, problems } = parseProjectFile(text);
      assert.equal(config.connectedNetworks, undefined, text);
      assert.equal(problems.length, 1, text);
      assert.match(problems[0], shape, text);
    }
    const { config, problems } = parseProjectFile('connectedNetworks:\n  prod: [ok/*.yaml, "", 7, "[z-a]", {x: 1}]\n  dev: 5\n');
    assert.deepEqual(config.connectedNetworks, { groups: [{ name: 'prod', globs: ['ok/*.yaml'] }] });
    assert.deepEqual(problems, [
      'connectedNetworks.prod: "" is not a usable glob (not a non-empty text); it is ignored',
      'connectedNetworks.prod: "7" is not a usable glob (not a non-empty text); it is ignored',
      `connectedNetworks.prod: "[z-a]" is not a usable glob (${problemOf('[z-a]')}); it is ignored`,
      'connectedNetworks.prod: "[object Object]" is not a usable glob (not a non-empty text); it is ignored',
      'connectedNetworks.dev: must be a file glob or a list of them; it is ignored',
    ]);
    assert.match(parseProjectFile('colour: red\n').problems[0], /expected rules, kubernetesVersion, reservedCidrs, serviceCidr, connectedNetworks, maxFileSizeMB, maxFindingsPerFile/);
  });

  it('caps the number of groups and globs', () => {
    const many = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`n${i}`, ['a/**']]));
    const read = readConnectedNetworks(many);
    assert.equal(read.value && 'groups' in read.value ? read.value.groups.length : -1, 100);
    assert.deepEqual(read.problems, ['connectedNetworks: more than 100 networks; the rest are ignored']);
  });

  it('the later layer wins', () => {
    assert.deepEqual(mergeConfig({ connectedNetworks: { all: true } }, { connectedNetworks: { groups: [] } }).connectedNetworks, { groups: [] });
    assert.equal(mergeConfig({ rules: {} }).connectedNetworks, undefined);
  });

  it("matches globs against paths relative to the project file's folder, end to end", () => {
    const root = tempTree('eks-lens-connected-', {
      'infra/.eks-lens.yaml': 'connectedNetworks:\n  prod: [prod/**, shared/hub.yaml]\n',
      'infra/prod/a.yaml': newVpc('a', '10.0.0.0/16'),
      'infra/shared/hub.yaml': cfn(...vpcResource('Hub', '10.0.0.0/16')),
      'infra/dev/b.yaml': newVpc('b', '10.0.0.0/16'),
    });
    const loaded = readProjectConfig(path.join(root, 'infra', '.eks-lens.yaml'));
    assert.equal(loaded.status, 'read');
    const config = mergeConfig(loaded.config);
    const run = (rel: string, asUri: (p: string) => string) => {
      const files = ['infra/prod/a.yaml', 'infra/shared/hub.yaml', 'infra/dev/b.yaml'].map((f) => {
        const full = path.join(root, f);
        return buildFileModel({ uri: asUri(full), text: readText(full) });
      });
      const index = new WorkspaceIndex();
      for (const m of files) index.set(m.uri, factsOf(m));
      const model = files.find((m) => m.uri === asUri(path.join(root, rel)))!;
      return checkFile(model, { config, workspace: index.viewFrom(model.uri), rules: [rule] }).map((f) => f.message);
    };
    for (const asUri of [(p: string) => p, (p: string) => pathToFileURL(p).href]) {
      const a = run('infra/prod/a.yaml', asUri);
      assert.equal(a.length, 1);
      assert.match(a[0], /of resource Hub in \.\.\/shared\/hub\.yaml \(connected by network prod of connectedNetworks in the project file\)/);
      assert.doesNotMatch(a[0], /cluster b/);
      assert.deepEqual(run('infra/dev/b.yaml', asUri), []);
    }
  });
});

describe('vpc-cidr-overlap in a workspace of 500 VPCs', () => {
  // Every VPC has the same block, so each overlaps every other; half of them are connected in pairs by
  // peering connections. Checking one file must cost work in proportion to the workspace, not to
  // its square: a fixed number of comparisons per other VPC, one visit per link.
  const N = 500;
  const files = Array.from({ length: N }, (_, i) => {
    const id = `Vpc${i}`;
    const lines = [...vpcResource(id, '10.0.0.0/16')];
    const text = cfn(...lines) + `Outputs:\n  Out:\n    Value: !Ref ${id}\n    Export: {Name: vpc-${i}}\n`;
    const peer = i % 2 === 0 && i < N / 2 ? `  Peer:\n    Type: AWS::EC2::VPCPeeringConnection\n    Properties:\n      VpcId: !Ref ${id}\n      PeerVpcId: !ImportValue vpc-${i + 1}\n` : '';
    return buildFileModel({ uri: `file:///ws/t${i}.yaml`, text: text.replace('Outputs:', peer + 'Outputs:') });
  });
  const index = new WorkspaceIndex();
  for (const m of files) index.set(m.uri, factsOf(m));

  it('compares each other VPC once per block and visits each link once', () => {
    overlapStats.comparisons = 0;
    overlapStats.links = 0;
    const checked = files[0];
    const findings = checkFile(checked, { config: mergeConfig({}), workspace: index.viewFrom(checked.uri), rules: [rule] });
    // Vpc0 is peered with Vpc1 only; the 498 others have the same block but no connection.
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /^VPC CIDR 10\.0\.0\.0\/16 overlaps 10\.0\.0\.0\/16 of resource Vpc1 in t1\.yaml \(connected by peering connection Peer in t0\.yaml\)\. /);
    assert.ok(overlapStats.comparisons <= N, `${overlapStats.comparisons} comparisons`);
    assert.ok(overlapStats.links <= N, `${overlapStats.links} link visits`);
  });

  it('with every VPC connected, the work per file stays the same', () => {
    overlapStats.comparisons = 0;
    overlapStats.links = 0;
    const checked = files[0];
    const config = mergeConfig({ connectedNetworks: { all: true } });
    const [finding] = checkFile(checked, { config, workspace: index.viewFrom(checked.uri), rules: [rule] });
    assert.match(finding.message, /; and 496 more connected VPCs\. /);
    assert.ok(overlapStats.comparisons <= N, `${overlapStats.comparisons} comparisons`);
    assert.equal(overlapStats.links, 0);
  });
});

function problemOf(glob: string): string {
  const compiled = compileGlob(glob);
  return compiled.ok ? '' : compiled.reason;
}

function readText(file: string): string {
  return readFileSync(file, 'utf8');
}
