import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tempDir } from './support/tmp';
import { TestClient } from './support/lspClient';
import { WAIT_MS } from './support/limits';

// A private-only endpoint keeps eks-public-endpoint-open quiet, so the fixture has one finding.
const CLUSTER = [
  'apiVersion: eksctl.io/v1alpha5',
  'kind: ClusterConfig',
  'metadata: {name: c, region: us-east-1}',
  'vpc:',
  '  cidr: 10.1.2.0/16',
  '  clusterEndpoints: {publicAccess: false, privateAccess: true}',
  '',
].join('\n');

// These suites open the same cluster in several documents of one server. That is a real
// cross-file overlap (vpc-cidr-overlap, tested in its own test and in workspace.test.ts), not what
// these tests are about, so they turn that rule off.
const ONE_VPC_AT_A_TIME = { rules: { 'vpc-cidr-overlap': 'off' } };

// The suites in here only open documents of their own (each under its own name) and read what the
// server publishes about them, so they share one server; suites that need a fresh one (settings
// given at start, a workspace on disk, a map of everything open) start their own below.
describe('one server, documents of their own', () => {
  let client: TestClient;
  const folder = tempDir('eks-lens-ws-');
  const statuses: Status[] = [];
  const latest = (uri: string) => statuses.filter((s) => s.uri === uri).pop();

  before(async () => {
    client = new TestClient();
    client.connection.onNotification('eksLens/status', (s: Status) => void statuses.push(s));
    const result = await client.initialize({ workspaceFolder: folder });
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { eksLens: ONE_VPC_AT_A_TIME } });
    assert.equal(result.serverInfo?.name, 'eks-lens');
    assert.equal(result.capabilities.textDocumentSync, 2, 'incremental sync');
  });
  after(() => client.stop());

  describe('language server over stdio', () => {
    it('publishes diagnostics for an opened document, with code, source and a link to the rule page', async () => {
      const uri = `file://${folder}/cluster.yaml`;
      await client.open(uri, CLUSTER);
      const [d, ...rest] = await client.diagnostics(uri);
      assert.equal(rest.length, 0);
      assert.equal(d.code, 'cidr-host-bits');
      assert.equal(d.source, 'eks-lens');
      assert.equal(d.severity, 2, 'cidr-host-bits is a warning');
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
      assert.deepEqual(
        diagnostics.map((d) => d.code),
        ['cidr-syntax'],
      );
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

  describe('eksLens/status after each check', () => {
    it('follows the diagnostics with the document kind and the counts by severity', async () => {
      const uri = 'untitled:status-cluster';
      const since = client.mark();
      await client.open(uri, CLUSTER);
      const published = await client.diagnostics(uri, { since });
      const status = await eventually(
        () => latest(uri),
        (s): s is Status => s !== undefined,
        'a status',
      );
      assert.equal(published.length, 1);
      assert.deepEqual(
        { kind: status.kind, label: status.label, version: status.version, errors: status.errors, warnings: status.warnings, infos: status.infos, hints: status.hints },
        { kind: 'eksctl ClusterConfig', label: 'ClusterConfig', version: 1, errors: 0, warnings: 1, infos: 0, hints: 0 },
      );
      // Fixing the CIDR is a new check, and a new status with no warnings.
      await client.change(uri, 2, [{ text: CLUSTER.replace('10.1.2.0/16', '10.1.0.0/16') }]);
      const fixed = await eventually(
        () => latest(uri),
        (s): s is Status => s?.version === 2,
        'the status of version 2',
      );
      assert.equal(fixed.warnings, 0);
    });

    it('counts errors as errors (severity from the settings)', async () => {
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { eksLens: { rules: { ...ONE_VPC_AT_A_TIME.rules, 'cidr-host-bits': 'error' } } } });
      const uri = 'untitled:status-warning';
      await client.open(uri, CLUSTER);
      const status = await eventually(
        () => latest(uri),
        (s): s is Status => s !== undefined,
        'a status',
      );
      assert.deepEqual([status.errors, status.warnings], [1, 0]);
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { eksLens: ONE_VPC_AT_A_TIME } });
    });

    it('names CloudFormation templates and Kubernetes manifests', async () => {
      await client.open('untitled:status-cfn', '{"Resources": {"V": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/40"}}}}', 'json');
      await client.open('untitled:status-k8s', 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n');
      const cfn = await eventually(
        () => latest('untitled:status-cfn'),
        (s): s is Status => s !== undefined,
        'the template status',
      );
      assert.deepEqual([cfn.kind, cfn.errors], ['CloudFormation template', 1]);
      const k8s = await eventually(
        () => latest('untitled:status-k8s'),
        (s): s is Status => s !== undefined,
        'the manifest status',
      );
      assert.equal(k8s.kind, 'Kubernetes manifest');
    });

    it('has no kind for YAML that eks-lens leaves alone', async () => {
      const uri = 'untitled:status-workflow';
      await client.open(uri, 'on: push\njobs:\n  build: {runs-on: ubuntu-latest}\n');
      const status = await eventually(
        () => latest(uri),
        (s): s is Status => s !== undefined,
        'a status',
      );
      assert.equal(status.kind, undefined);
    });
  });
});

describe('language server settings', () => {
  it('honours eksLens.rules from the client and .eks-lens.yaml at the workspace root', async () => {
    const folder = tempDir('eks-lens-ws-');
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

/** Polls `read` until it gives a value `accept` takes, or fails with the last value after `timeoutMs`. */
async function eventually<T, S extends T>(read: () => T | Promise<T>, accept: (value: T) => value is S, what: string, timeoutMs?: number): Promise<S>;
async function eventually<T>(read: () => T | Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs?: number): Promise<T>;
async function eventually<T>(read: () => T | Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)?.slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Status {
  uri: string;
  version: number;
  kind?: string;
  label?: string;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

interface MapResult {
  title: string;
  html: string;
  vpcCount: number;
}

describe('eksLens/addressMap', () => {
  const folder = tempDir('eks-lens-map-');
  // A template only on disk (never opened): the workspace map finds it through the index.
  writeFileSync(
    path.join(folder, 'network.yaml'),
    ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:', '  SharedVpc:', '    Type: AWS::EC2::VPC', '    Properties:', '      CidrBlock: 10.77.0.0/16', ''].join('\n'),
  );
  writeFileSync(path.join(folder, '.eks-lens.yaml'), 'reservedCidrs: [10.1.128.0/20]\n');
  const clusterUri = `file://${folder}/cluster.yaml`;
  const cluster = CLUSTER.replace('10.1.2.0/16', '10.1.0.0/16');
  let client: TestClient;
  const request = (params: Record<string, unknown>) => client.request<MapResult>('eksLens/addressMap', { cspSource: 'vscode-webview://test', nonce: 'n0nce-AbC123', ...params });

  before(async () => {
    client = new TestClient();
    await client.initialize({ workspaceFolder: folder });
    await client.open(clusterUri, cluster);
    await client.diagnostics(clusterUri);
  });
  after(() => client.stop());

  it('draws the given document: its VPC CIDR, a CSP with the nonce, and nothing remote', async () => {
    const result = await request({ scope: 'file', uri: clusterUri });
    assert.equal(result.vpcCount, 1);
    assert.match(result.title, /cluster\.yaml/);
    assert.ok(result.html.includes('10.1.0.0/16'), 'the VPC CIDR is on the page');
    assert.ok(!result.html.includes('10.77.0.0/16'), 'a file map shows only its own file');
    const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(result.html);
    assert.ok(csp, 'a Content-Security-Policy meta');
    // The attribute may be written with character references, as the browser reads it.
    const policy = csp[1]
      .replace(/&apos;|&#39;|&#x27;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, /script-src 'nonce-n0nce-AbC123'/);
    assert.doesNotMatch(policy, /script-src[^;]*'unsafe-inline'/, 'scripts run only by nonce');
    assert.match(result.html, /<script nonce="n0nce-AbC123"/);
    // Only the namespace names of SVG/XHTML may look like URLs; nothing is loaded from anywhere.
    const urls = (result.html.match(/https?:\/\/[^\s"'<>)]+/g) ?? []).filter((u) => !/^http:\/\/www\.w3\.org\//.test(u));
    assert.deepEqual(urls, []);
    assert.doesNotMatch(result.html, /\b(src|href)=["'](?!#)/, 'no loaded resources');
  });

  it('marks the reserved ranges of the project file', async () => {
    const result = await request({ scope: 'file', uri: clusterUri });
    assert.ok(result.html.includes('10.1.128.0/20'), 'the reserved range inside the VPC is marked');
  });

  it('draws the whole workspace: open documents with their unsaved text, and files only on disk', async () => {
    const result = await eventually(
      () => request({ scope: 'workspace', uri: clusterUri }),
      (r) => r.vpcCount === 2,
      'the scanned template on the map',
    );
    assert.ok(result.html.includes('10.77.0.0/16'), 'the template on disk');
    assert.ok(result.html.includes('10.1.0.0/16'), 'the open cluster');
    assert.match(result.title, /workspace/i);
    // An edit not yet saved (nor checked) changes the picture at once, and the file is not counted twice.
    await client.change(clusterUri, 2, [{ text: cluster.replace('10.1.0.0/16', '10.3.0.0/16') }]);
    const edited = await request({ scope: 'workspace' });
    assert.equal(edited.vpcCount, 2);
    assert.ok(edited.html.includes('10.3.0.0/16'));
    assert.ok(!edited.html.includes('10.1.0.0/16'), 'the old text of the open file is gone');
  });

  it('draws a file that is not open as the index read it, and an unknown file as an empty map', async () => {
    const onDisk = await eventually(
      () => request({ scope: 'file', uri: `file://${folder}/network.yaml` }),
      (r) => r.vpcCount === 1,
      'the scanned template',
    );
    assert.ok(onDisk.html.includes('10.77.0.0/16'));
    assert.ok(!onDisk.html.includes('10.1.0.0/16') && !onDisk.html.includes('10.3.0.0/16'), 'only that file');
    const missing = await request({ scope: 'file', uri: `file://${folder}/missing.yaml` });
    assert.equal(missing.vpcCount, 0);
    assert.match(missing.html, /<html/i);
  });
});

// Workspace facts hold line numbers. An unchanged document of a file is reused after an edit with
// its parse; its facts must still move with it when lines are inserted above it, or findings in
// other files and the address map point at the line it had before.
describe('positions after lines are inserted above a VPC', () => {
  const folder = tempDir('eks-lens-stale-');
  const clusterUri = `file://${folder}/cluster.yaml`;
  const serviceUri = `file://${folder}/svc.yaml`;
  const clusterDoc = [
    'apiVersion: eksctl.io/v1alpha5',
    'kind: ClusterConfig',
    'metadata: {name: c, region: us-east-1}',
    'vpc:',
    '  cidr: 10.1.0.0/16',
    '  clusterEndpoints: {publicAccess: false, privateAccess: true}',
    'kubernetesNetworkConfig:',
    '  serviceIPv4CIDR: 172.20.0.0/16',
    '',
  ].join('\n');
  const before1 = `note: first\n---\n${clusterDoc}`;
  const inserted = `note: first\nowner: platform\nteam: network\n---\n${clusterDoc}`;
  // A Service whose clusterIP is outside the cluster's service range: its finding points at the range.
  const service = ['apiVersion: v1', 'kind: Service', 'metadata: {name: dns}', 'spec:', '  clusterIP: 10.100.0.10', '  ports: [{port: 53}]', ''].join('\n');
  let client: TestClient;
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));
  const relatedLines = (diagnostics: Awaited<ReturnType<TestClient['diagnostics']>>) =>
    diagnostics
      .filter((d) => d.code === 'k8s-service-ip-outside-cidr')
      .flatMap((d) => (d.relatedInformation ?? []).filter((r) => r.location.uri === clusterUri).map((r) => r.location.range.start.line));
  const mapLines = async () => {
    const result = await client.request<{ html: string }>('eksLens/addressMap', { scope: 'file', uri: clusterUri, cspSource: 'vscode-webview://test', nonce: 'n0nce' });
    return [...result.html.matchAll(/data-uri="([^"]*)" data-line="(\d+)"/g)].filter((m) => m[1] === clusterUri).map((m) => Number(m[2]));
  };

  before(async () => {
    client = new TestClient();
    await client.initialize({ workspaceFolder: folder });
    await client.open(clusterUri, before1);
    await client.diagnostics(clusterUri);
    await client.open(serviceUri, service);
  });
  after(() => client.stop());

  it('moves the related location in another file and the map’s lines with the VPC', async () => {
    const rangeBefore = lineOf(before1, 'serviceIPv4CIDR');
    const cidrBefore = lineOf(before1, 'cidr: 10.1.0.0/16');
    await client.diagnosticsUntil(serviceUri, (d) => relatedLines(d).includes(rangeBefore));
    assert.ok((await mapLines()).includes(cidrBefore), `the map links the VPC block at line ${cidrBefore}`);

    await client.change(clusterUri, 2, [{ text: inserted }]);
    const rangeAfter = lineOf(inserted, 'serviceIPv4CIDR');
    const cidrAfter = lineOf(inserted, 'cidr: 10.1.0.0/16');
    assert.equal(rangeAfter, rangeBefore + 2);
    const diagnostics = await client.diagnosticsUntil(serviceUri, (d) => relatedLines(d).includes(rangeAfter));
    assert.deepEqual(relatedLines(diagnostics), [rangeAfter], 'the finding in svc.yaml points at the service range’s new line');
    const lines = await eventually(mapLines, (l) => l.includes(cidrAfter), 'the map at the new line');
    assert.ok(!lines.includes(cidrBefore), `the map no longer links line ${cidrBefore}`);
  });
});
