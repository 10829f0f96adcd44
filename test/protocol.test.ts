import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TestClient } from './support/lspClient';

// A private-only endpoint keeps eks-public-endpoint-open quiet, so the fixture has one finding.
const CLUSTER = ['apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata: {name: c, region: us-east-1}', 'vpc:', '  cidr: 10.1.2.0/16', '  clusterEndpoints: {publicAccess: false, privateAccess: true}', ''].join('\n');

describe('language server over stdio', () => {
  let client: TestClient;
  const folder = mkdtempSync(path.join(os.tmpdir(), 'eks-lens-ws-'));

  before(async () => {
    client = new TestClient();
    const result = await client.initialize({ workspaceFolder: folder });
    assert.equal(result.serverInfo?.name, 'eks-lens');
    assert.equal(result.capabilities.textDocumentSync, 2, 'incremental sync');
  });
  after(() => client.stop());

  it('publishes diagnostics for an opened document, with code, source and a link to the rule page', async () => {
    const uri = `file://${folder}/cluster.yaml`;
    await client.open(uri, CLUSTER);
    const [d, ...rest] = await client.diagnostics(uri);
    assert.equal(rest.length, 0);
    assert.equal(d.code, 'cidr-host-bits');
    assert.equal(d.source, 'eks-lens');
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 4, character: 8 }, end: { line: 4, character: 19 } });
    assert.match(d.codeDescription?.href ?? '', /^file:\/\/.*\/docs\/rules\/cidr-host-bits\.md$/);
  });

  it('re-checks after an incremental edit and drops the fixed finding', async () => {
    const uri = `file://${folder}/edit.yaml`;
    await client.open(uri, CLUSTER);
    assert.equal((await client.diagnostics(uri)).length, 1);
    const since = client.mark();
    // 10.1.2.0/16 -> 10.1.0.0/16: replace the "2" on line 5.
    await client.change(uri, 2, [{ range: { start: { line: 4, character: 13 }, end: { line: 4, character: 14 } }, text: '0' }]);
    assert.deepEqual(await client.diagnostics(uri, { since, version: 2 }), []);
  });

  it('checks untitled documents and JSON templates', async () => {
    const uri = 'untitled:Untitled-1';
    await client.open(uri, '{"Resources": {"V": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/40"}}}}', 'json');
    const diagnostics = await client.diagnostics(uri);
    assert.deepEqual(diagnostics.map((d) => d.code), ['cidr-syntax']);
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = `file://${folder}/closing.yaml`;
    await client.open(uri, CLUSTER);
    await client.diagnostics(uri);
    const since = client.mark();
    await client.close(uri);
    assert.deepEqual(await client.diagnostics(uri, { since }), []);
  });

  it('publishes only the last version after a burst of edits', async () => {
    const uri = `file://${folder}/burst.yaml`;
    await client.open(uri, CLUSTER);
    await client.diagnostics(uri);
    const since = client.mark();
    for (let v = 2; v <= 20; v++) {
      await client.change(uri, v, [{ text: CLUSTER.replace('10.1.2.0/16', `10.1.${v % 2 ? 2 : 0}.0/16`) }]);
    }
    const last = await client.diagnostics(uri, { since, version: 20 });
    assert.equal(last.length, 0, 'version 20 has a clean CIDR (10.1.0.0/16)');
    await new Promise((r) => setTimeout(r, 300));
    // The burst is debounced: far fewer runs than edits, and never an older version after a newer one.
    assert.ok(client.mark() - since < 19, `expected the burst to be debounced, got ${client.mark() - since} publications`);
  });
});

describe('language server settings', () => {
  it('honours eksLens.rules from the client and .eks-lens.yaml at the workspace root', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'eks-lens-ws-'));
    writeFileSync(path.join(folder, '.eks-lens.yaml'), 'rules:\n  cidr-host-bits: hint\n');
    const client = new TestClient();
    try {
      client.settings = { rules: { 'cidr-host-bits': 'off' } };
      await client.initialize({ configuration: true, workspaceFolder: folder });
      const inFolder = `file://${folder}/a.yaml`;
      await client.open(inFolder, CLUSTER);
      const [d] = await client.diagnostics(inFolder);
      assert.equal(d.severity, 4, 'the project file wins over the setting');
      const outside = 'untitled:elsewhere';
      await client.open(outside, CLUSTER);
      // untitled documents use the first workspace folder's project file as well
      assert.equal((await client.diagnostics(outside))[0]?.severity, 4);
    } finally {
      await client.stop();
    }
  });

  it('applies settings pushed by didChangeConfiguration when the client cannot be asked', async () => {
    const client = new TestClient();
    try {
      await client.initialize({ configuration: false });
      const uri = 'untitled:pushed';
      await client.open(uri, CLUSTER);
      assert.equal((await client.diagnostics(uri)).length, 1);
      const since = client.mark();
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { eksLens: { rules: { 'cidr-host-bits': 'off' } } } });
      assert.deepEqual(await client.diagnostics(uri, { since }), []);
    } finally {
      await client.stop();
    }
  });
});
