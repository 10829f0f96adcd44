// Cross-file checks in the language server: facts declared by files on disk (found by the
// workspace scan) and by other open documents reach the checks of the file being edited.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TestClient } from './support/lspClient';

const cluster = (serviceCidr: string) =>
  [
    'apiVersion: eksctl.io/v1alpha5',
    'kind: ClusterConfig',
    'metadata: {name: prod, region: us-east-1}',
    'vpc: {clusterEndpoints: {publicAccess: false, privateAccess: true}}',
    'kubernetesNetworkConfig:',
    `  serviceIPv4CIDR: ${serviceCidr}`,
    '',
  ].join('\n');

const SERVICE = ['apiVersion: v1', 'kind: Service', 'metadata: {name: dns}', 'spec:', '  clusterIP: 10.96.0.10', '  ports: [{port: 53}]', ''].join('\n');

const deployment = (replicas: number) =>
  ['apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', `  replicas: ${replicas}`, '  selector: {matchLabels: {app: web}}', '  template:', '    metadata: {labels: {app: web}}', '    spec: {containers: [{name: web, image: nginx}]}', ''].join('\n');
const PDB = ['apiVersion: policy/v1', 'kind: PodDisruptionBudget', 'metadata: {name: web}', 'spec:', '  minAvailable: 2', '  selector: {matchLabels: {app: web}}', ''].join('\n');

describe('cross-file checks in the language server', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'eks-lens-xfile-'));
  const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).href;
  let client: TestClient;

  before(async () => {
    writeFileSync(path.join(folder, 'cluster.yaml'), cluster('172.20.0.0/16'));
    writeFileSync(path.join(folder, 'web.yaml'), deployment(2));
    client = new TestClient();
    await client.initialize({ workspaceFolder: folder });
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it("checks a Service's clusterIP against the service CIDR of an eksctl config found on disk", async () => {
    const uri = uriOf('dns.yaml');
    await client.open(uri, SERVICE);
    const [d] = await client.diagnosticsUntil(uri, (ds) => ds.some((x) => x.code === 'k8s-service-ip-outside-cidr'));
    assert.match(String(d.message), /spec\.clusterIP 10\.96\.0\.10 is outside the cluster's service CIDR 172\.20\.0\.0\/16 \(serviceIPv4CIDR of cluster prod in cluster\.yaml\)/);
    assert.equal(d.relatedInformation?.[0].location.uri, uriOf('cluster.yaml'));
    assert.equal(d.relatedInformation?.[0].location.range.start.line, 5);
  });

  it('rechecks open files when another open document changes what it declares', async () => {
    const clusterUri = uriOf('cluster.yaml');
    await client.open(clusterUri, cluster('172.20.0.0/16'));
    // Widen nothing yet: the Service is still outside. Then move the range over its address.
    await client.change(clusterUri, 2, [{ text: cluster('10.96.0.0/12') }]);
    const diagnostics = await client.diagnosticsUntil(uriOf('dns.yaml'), (ds) => !ds.some((x) => x.code === 'k8s-service-ip-outside-cidr'));
    assert.deepEqual(diagnostics, []);
  });

  it('weighs a PodDisruptionBudget against the replicas of a workload in another file, and follows changes on disk', async () => {
    const uri = uriOf('pdb.yaml');
    await client.open(uri, PDB);
    const [d] = await client.diagnosticsUntil(uri, (ds) => ds.some((x) => x.code === 'k8s-pdb-blocks-eviction'));
    assert.match(String(d.message), /^minAvailable 2 is not below the Deployment web \(2 replicas\)/);
    assert.equal(d.relatedInformation?.[0].location.uri, uriOf('web.yaml'));
    // The Deployment is scaled up on disk: the budget now leaves room.
    writeFileSync(path.join(folder, 'web.yaml'), deployment(3));
    await client.watchedFilesChanged([{ uri: uriOf('web.yaml'), type: 2 }]);
    assert.deepEqual(await client.diagnosticsUntil(uri, (ds) => ds.length === 0), []);
  });
});
