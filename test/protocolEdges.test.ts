// The protocol's edges, over stdio against a real dist/server.js: what the server answers before
// `initialize` and after `shutdown`, and what a closed untitled document leaves behind.
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TestClient } from './support/lspClient';
import { WAIT_MS } from './support/limits';

const cluster = (name: string, cidr: string) =>
  [
    'apiVersion: eksctl.io/v1alpha5',
    'kind: ClusterConfig',
    `metadata: {name: ${name}, region: us-east-1}`,
    'vpc:',
    `  cidr: ${cidr}`,
    '  clusterEndpoints: {publicAccess: false, privateAccess: true}',
    '',
  ].join('\n');

/** The error code a request is refused with (undefined when it is answered). */
async function refusal(client: TestClient, method: string, params: unknown = {}): Promise<number | undefined> {
  try {
    await client.request(method, params);
    return undefined;
  } catch (error) {
    return (error as { code?: number }).code;
  }
}

describe('lifecycle: requests before initialize and after shutdown', () => {
  let client: TestClient;
  before(() => {
    client = new TestClient();
  });
  after(() => client.stop());

  it('answers requests before initialize with ServerNotInitialized (-32002) and drops notifications', async () => {
    const uri = 'untitled:before-initialize';
    assert.equal(await refusal(client, 'textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), -32002);
    assert.equal(await refusal(client, 'eksLens/addressMap', { scope: 'workspace', cspSource: 'x', nonce: 'n' }), -32002);
    assert.equal(await refusal(client, 'no/such/method'), -32002, 'unknown methods too');
    assert.equal(await refusal(client, 'shutdown'), -32002, 'shutdown too');
    // A document opened before initialize is not taken: the notification is dropped.
    await client.open(uri, cluster('early', '10.9.0.0/16'));
    await client.initialize();
    const map = await client.request<{ vpcCount: number }>('eksLens/addressMap', { scope: 'file', uri, cspSource: 'x', nonce: 'n' });
    assert.equal(map.vpcCount, 0, 'the didOpen sent before initialize was dropped');
    assert.equal(await client.hover(uri, { line: 0, character: 0 }), null);
  });

  it('answers requests after shutdown with InvalidRequest (-32600), and exits cleanly on exit', async () => {
    assert.equal(await client.request('shutdown', null), null);
    assert.equal(await refusal(client, 'textDocument/hover', { textDocument: { uri: 'untitled:x' }, position: { line: 0, character: 0 } }), -32600);
    assert.equal(await refusal(client, 'eksLens/addressMap', { scope: 'workspace', cspSource: 'x', nonce: 'n' }), -32600);
    assert.equal(await refusal(client, 'shutdown'), -32600, 'a second shutdown');
    const exited = new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)));
    await client.connection.sendNotification('exit');
    // Bounded: a server that ignores exit is killed by stop() and the test fails on the code.
    const code = await Promise.race([exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), WAIT_MS).unref())]);
    assert.equal(code, 0, 'exit after shutdown ends the process with 0');
  });
});

// The two suites below share one server: the map test's VPC (10.50.0.0/16) overlaps none of the
// ghost tests' (10.40.0.0/16), and it only compares the map with itself as its one document changes.
describe('one server for the index and the map', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    // vpc-cidr-overlap reports only VPCs the workspace shows connected: a reservedCidrs setting
    // (a network every VPC reaches) connects them all.
    client.settings = { reservedCidrs: ['192.0.2.0/24'] };
    await client.initialize({ configuration: true });
  });
  after(() => client.stop());

  describe('closed untitled documents leave the workspace index', () => {
    it('drops the facts of a closed untitled document and re-checks the others (no ghost overlap)', async () => {
      const a = 'untitled:ghost-a';
      const b = 'untitled:ghost-b';
      await client.open(a, cluster('alpha', '10.40.0.0/16'));
      await client.diagnostics(a);
      await client.open(b, cluster('beta', '10.40.0.0/16'));
      await client.diagnosticsUntil(b, (d) => d.some((x) => x.code === 'vpc-cidr-overlap'));
      await client.close(a);
      const after = await client.diagnosticsUntil(b, (d) => !d.some((x) => x.code === 'vpc-cidr-overlap'));
      assert.deepEqual(
        after.map((d) => d.code),
        after.map((d) => d.code).filter((c) => c !== 'vpc-cidr-overlap'),
      );
      const map = await client.request<{ vpcCount: number; html: string }>('eksLens/addressMap', { scope: 'workspace', cspSource: 'x', nonce: 'n' });
      assert.equal(map.vpcCount, 1, 'only the open document is on the map');
      assert.ok(!map.html.includes('alpha'), 'the closed document is gone from the map');
    });

    it('drops a closed file: document whose file does not exist on disk', async () => {
      const gone = `file://${path.join(os.tmpdir(), `eks-lens-no-such-dir-${process.pid}`, 'ghost.yaml')}`;
      const b = 'untitled:ghost-b';
      await client.open(gone, cluster('delta', '10.40.0.0/16'));
      await client.diagnosticsUntil(b, (d) => d.some((x) => x.code === 'vpc-cidr-overlap'));
      await client.close(gone);
      await client.diagnosticsUntil(b, (d) => !d.some((x) => x.code === 'vpc-cidr-overlap'));
    });
  });

  describe('eksLens/addressMap answers "unchanged" when the facts are the same', () => {
    it('sends no page for a known version, and a new one once a fact changes', async () => {
      const uri = 'untitled:versioned';
      await client.open(uri, cluster('gamma', '10.50.0.0/16'));
      await client.diagnostics(uri);
      type Result = { html: string; version: string; unchanged?: boolean; places?: Array<{ uri: string; line: number }> };
      const ask = (knownVersion?: string) => client.request<Result>('eksLens/addressMap', { scope: 'workspace', cspSource: 'x', nonce: `n${Math.random()}`, knownVersion });
      const first = await ask();
      assert.ok(first.html.includes('10.50.0.0/16') && first.version);
      assert.ok(
        first.places?.some((p) => p.uri === uri && p.line === 4),
        'the VPC block is a place the page may open',
      );
      const same = await ask(first.version);
      assert.deepEqual([same.unchanged, same.html], [true, '']);
      // A comment above moves every place a line down: a new page (its links point at new lines).
      await client.change(uri, 2, [{ text: `# a comment\n${cluster('gamma', '10.50.0.0/16')}` }]);
      await client.diagnostics(uri, { version: 2 });
      const comment = await ask(first.version);
      assert.equal(comment.unchanged, undefined, 'lines moved: the places changed');
      const stable = await ask(comment.version);
      assert.equal(stable.unchanged, true);
      await client.change(uri, 3, [{ text: cluster('gamma', '10.51.0.0/16') }]);
      const changed = await ask(comment.version);
      assert.ok(!changed.unchanged && changed.html.includes('10.51.0.0/16') && changed.version !== comment.version);
    });
  });
});
