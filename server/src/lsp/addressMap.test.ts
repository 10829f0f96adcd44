import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG, type EffectiveConfig } from '../engine/config';
import { buildFileModel, type FileModel } from '../model/document';
import { factsOf, type FileFacts } from '../workspace/facts';
import { addressMap, fileLabel, type AddressMapSources } from './addressMap';

const cluster = (cidr: string) => `apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c, region: us-east-1}\nvpc:\n  cidr: ${cidr}\n`;
const template = (cidr: string) => `Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: ${cidr}}\n`;

function sources(open: Record<string, string>, onDisk: Record<string, string>, config: Partial<EffectiveConfig> = {}): AddressMapSources & { configAsked: Array<string | undefined> } {
  const models = new Map<string, FileModel>(Object.entries(open).map(([uri, text]) => [uri, buildFileModel({ uri, text })]));
  // The index holds the open documents too (as last checked), under their own spelling.
  const indexed: FileFacts[] = [...Object.entries(onDisk).map(([uri, text]) => factsOf(buildFileModel({ uri, text })))];
  const configAsked: Array<string | undefined> = [];
  return {
    configAsked,
    indexed: () => indexed,
    openUris: () => [...models.keys()],
    model: async (uri) => models.get(uri),
    config: async (uri) => {
      configAsked.push(uri);
      return { ...DEFAULT_CONFIG, ...config };
    },
  };
}

const params = { cspSource: 'vscode-webview://x', nonce: 'abc' };

describe('eksLens/addressMap handler', () => {
  it('workspace scope: open documents with their current text replace what the index read of them', async () => {
    // The index still has the open file's old text, spelled with an encoded space.
    const src = sources({ 'file:///w/my cluster.yaml': cluster('10.20.0.0/16') }, { 'file:///w/my%20cluster.yaml': cluster('10.10.0.0/16'), 'file:///w/net.yaml': template('10.30.0.0/16') });
    const result = await addressMap({ scope: 'workspace', ...params }, src);
    assert.equal(result.vpcCount, 2);
    assert.ok(result.html.includes('10.20.0.0/16'));
    assert.ok(result.html.includes('10.30.0.0/16'));
    assert.ok(!result.html.includes('10.10.0.0/16'), 'the stale indexed text of the open file is left out');
    assert.equal(result.title, 'Address map: workspace');
  });

  it('file scope: only that document, read from the index when it is not open', async () => {
    const src = sources({ 'file:///w/a.yaml': cluster('10.20.0.0/16') }, { 'file:///w/net.yaml': template('10.30.0.0/16') });
    const open = await addressMap({ scope: 'file', uri: 'file:///w/a.yaml', ...params }, src);
    assert.deepEqual([open.vpcCount, open.title], [1, 'Address map: a.yaml']);
    assert.ok(!open.html.includes('10.30.0.0/16'));
    const closed = await addressMap({ scope: 'file', uri: 'file:///w/net.yaml', ...params }, src);
    assert.equal(closed.vpcCount, 1);
    assert.ok(closed.html.includes('10.30.0.0/16') && !closed.html.includes('10.20.0.0/16'));
    await assert.rejects(addressMap({ scope: 'file', ...params }, src), /uri/);
  });

  it('reserved ranges come from the configuration of the given uri; ranges that do not parse are skipped', async () => {
    const src = sources({ 'untitled:x': cluster('10.20.0.0/16') }, {}, { reservedCidrs: ['10.20.64.0/18', 'not-a-cidr'] });
    const result = await addressMap({ scope: 'file', uri: 'untitled:x', ...params }, src);
    assert.deepEqual(src.configAsked, ['untitled:x']);
    assert.ok(result.html.includes('10.20.64.0/18'), 'the reserved range inside the VPC is marked');
    assert.ok(!result.html.includes('not-a-cidr'));
    const none = await addressMap({ scope: 'file', uri: 'untitled:x', ...params }, sources({ 'untitled:x': cluster('10.20.0.0/16') }, {}));
    assert.ok(!none.html.includes('10.20.64.0/18'), 'no reserved range without the setting');
  });
});

describe('file labels on the address map', () => {
  it('shows a file by its path inside its workspace folder, with the folder name when there are several', () => {
    assert.equal(fileLabel('file:///ws/app/net%20work.yaml', ['file:///ws/app']), 'net work.yaml');
    assert.equal(fileLabel('file:///ws/app/infra/vpc.yaml', ['file:///ws/app/', 'file:///ws/other']), 'app/infra/vpc.yaml');
    assert.equal(fileLabel('file:///elsewhere/vpc.yaml', ['file:///ws/app']), '/elsewhere/vpc.yaml');
    assert.equal(fileLabel('untitled:Untitled-1', ['file:///ws/app']), 'Untitled-1');
  });
});
