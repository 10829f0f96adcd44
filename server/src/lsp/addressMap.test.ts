import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG, type EffectiveConfig } from '../engine/config';
import { type FileModel } from '../model/document';
import { type FileFacts } from '../workspace/facts';
import { addressMap, AddressMapCancelled, fileLabel, type AddressMapSources } from './addressMap';
import { buildFileModel, factsOf } from '../formats';

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

describe('eksLens/addressMap: versions, places and cancellation', () => {
  it('answers "unchanged", without a page, when nothing the map is drawn from has changed', async () => {
    const open = { 'file:///w/a.yaml': cluster('10.20.0.0/16') };
    const first = await addressMap({ scope: 'workspace', ...params }, sources(open, { 'file:///w/net.yaml': template('10.30.0.0/16') }));
    assert.ok(first.html.includes('10.20.0.0/16') && first.version && !first.unchanged);
    // The same facts (read again, with a new nonce): no page is built or sent.
    const again = await addressMap({ scope: 'workspace', ...params, nonce: 'other', knownVersion: first.version }, sources(open, { 'file:///w/net.yaml': template('10.30.0.0/16') }));
    assert.deepEqual([again.unchanged, again.html, again.version, again.places], [true, '', first.version, undefined]);
    // A fact changed in a file not open, a setting changed: a new page.
    const moved = await addressMap({ scope: 'workspace', ...params, knownVersion: first.version }, sources(open, { 'file:///w/net.yaml': template('10.31.0.0/16') }));
    assert.ok(!moved.unchanged && moved.version !== first.version && moved.html.includes('10.31.0.0/16'));
    const reserved = await addressMap(
      { scope: 'workspace', ...params, knownVersion: first.version },
      sources(open, { 'file:///w/net.yaml': template('10.30.0.0/16') }, { reservedCidrs: ['10.20.0.0/24'] }),
    );
    assert.ok(!reserved.unchanged && reserved.html.length > 0);
  });

  it('lists every file and line the page offers to open', async () => {
    const text = ['Resources:', '  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}', '  A: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}}', ''].join(
      '\n',
    );
    const result = await addressMap({ scope: 'workspace', ...params }, sources({ 'file:///w/t.yaml': text, 'untitled:c': cluster('10.0.0.0/16') }, {}));
    const listed = new Set(result.places!.map((p) => `${p.line} ${p.uri}`));
    const onPage = [...result.html.matchAll(/data-uri="([^"]*)" data-line="(\d+)"/g)].map((m) => `${m[2]} ${m[1].replace(/&amp;/g, '&')}`);
    assert.ok(onPage.length >= 3, 'the page has places');
    assert.equal(result.html.match(/data-uri=/g)!.length, onPage.length, 'every place on the page has its line beside it');
    for (const place of onPage) assert.ok(listed.has(place), `${place} is listed`);
    assert.ok(listed.has('2 file:///w/t.yaml') && listed.has('4 untitled:c'));
  });

  it('stops between VPCs when the request is cancelled', async () => {
    const open = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`untitled:c${i}`, cluster(`10.${i}.0.0/16`)]));
    let checks = 0;
    const cancelAfter = 3;
    await assert.rejects(
      addressMap({ scope: 'workspace', ...params }, sources(open, {}), () => ++checks > cancelAfter),
      (error) => error instanceof AddressMapCancelled,
    );
    assert.equal(checks, cancelAfter + 1, 'no more work after the cancellation was seen');
    let total = 0;
    await addressMap({ scope: 'workspace', ...params }, sources(open, {}), () => (total++, false));
    assert.ok(total > 40, `the token is checked after each of the 40 VPCs (${total} checks)`);
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
