// Code actions over the protocol: a real dist/server.js returns quick fixes with WorkspaceEdits for
// the diagnostics it published, the suppression and documentation actions, and the subnet planner.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyEdits } from '../server/src/model/edits';
import { TestClient } from './support/lspClient';
import { buildFileModel } from '../server/src/formats';

const CLUSTER = [
  'apiVersion: eksctl.io/v1alpha5',
  'kind: ClusterConfig',
  'metadata: {name: c, region: us-east-1}',
  'vpc:',
  '  cidr: 10.1.2.0/16   # main range',
  '  clusterEndpoints: {publicAccess: false, privateAccess: true}',
  '',
].join('\n');

const TEMPLATE = ['Resources:', '  Vpc:', '    Type: AWS::EC2::VPC', '    Properties:', '      CidrBlock: 10.0.0.0/16', ''].join('\n');

/** Applies an LSP TextEdit list to a text. */
function apply(text: string, edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>): string {
  const lines = buildFileModel({ uri: 'x.yaml', text }).lines;
  return applyEdits(
    text,
    edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText })),
  );
}

describe('code actions over the protocol', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    const result = await client.initialize();
    assert.deepEqual((result.capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'refactor']);
  });
  after(() => client.stop());

  it('returns the fix for a published diagnostic as a WorkspaceEdit, preferred, linked to that diagnostic', async () => {
    const uri = 'untitled:cluster.yaml';
    await client.open(uri, CLUSTER);
    const [diagnostic] = await client.diagnostics(uri);
    assert.equal(diagnostic.code, 'cidr-host-bits');
    const actions = await client.codeActions(uri, diagnostic.range, [diagnostic]);
    const fix = actions.find((a) => a.title === 'Replace with 10.1.0.0/16');
    assert.ok(fix, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [diagnostic]);
    assert.equal(apply(CLUSTER, fix.edit.changes[uri]), CLUSTER.replace('10.1.2.0/16', '10.1.0.0/16'));

    const disable = actions.find((a) => a.title === 'Disable cidr-host-bits for this line');
    assert.equal(apply(CLUSTER, disable!.edit.changes[uri]), CLUSTER.replace('  cidr: 10.1.2.0/16', '  # eks-lens-disable-next-line cidr-host-bits\n  cidr: 10.1.2.0/16'));
    const docs = actions.find((a) => a.title === 'Show documentation for cidr-host-bits');
    assert.equal(docs?.command.command, 'eksLens.showDocumentation');
    assert.match(docs?.command.arguments[0], /docs\/rules\/cidr-host-bits\.md$/);
  });

  it('offers the subnet planner on a VPC block without subnets, and plans over two requests', async () => {
    const uri = 'untitled:vpc.yaml';
    await client.open(uri, TEMPLATE);
    await client.diagnostics(uri);
    const actions = await client.codeActions(uri, { start: { line: 4, character: 20 }, end: { line: 4, character: 20 } });
    const plan = actions.find((a) => a.title === 'Plan subnets for this VPC…');
    assert.equal(plan?.kind, 'refactor');
    assert.equal(plan?.command.command, 'eksLens.planSubnets');
    const defaults = await client.request<{ offset: number; vpc: string; azs: string[]; sizes: string }>('eksLens/planDefaults', plan!.command.arguments[0]);
    assert.equal(defaults.vpc, '10.0.0.0/16');
    assert.equal(defaults.sizes, 'public=/21, private=/19, vpn=/21');
    const result = await client.request<{ edit: { changes: Record<string, never[]> }; summary: string }>('eksLens/planSubnets', {
      uri,
      offset: defaults.offset,
      azs: 'us-east-1a, us-east-1b, us-east-1c',
      tiers: ['public', 'private', 'vpn'],
      sizes: defaults.sizes,
    });
    assert.match(result.summary, /^planned 9 subnets in 10\.0\.0\.0\/16/);
    const planned = apply(TEMPLATE, result.edit.changes[uri]);
    assert.equal((planned.match(/Type: AWS::EC2::Subnet/g) ?? []).length, 9);
    assert.ok(planned.startsWith(TEMPLATE), 'the template is kept as written');
  });
});
