// The custom networking rules in the language server: an ENIConfig and the ClusterConfig that turns
// custom networking on meet through the workspace index, and an edit to either file re-checks the
// other (the CLI's side is in customNetworking.cli.test.ts).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cluster, eniConfig } from '../server/src/rules/customNetworking.fixtures';
import { TestClient } from './support/lspClient';
import { tempDir } from './support/tmp';

describe('custom networking across files, in the language server', () => {
  const folder = tempDir('eks-lens-cnet-');
  const clusterUri = `file://${folder}/cluster.yaml`;
  const eniUri = `file://${folder}/eni.yaml`;
  const codes = (diagnostics: Awaited<ReturnType<TestClient['diagnostics']>>) => diagnostics.filter((d) => String(d.code).startsWith('cni-')).map((d) => `${d.range.start.line + 1} ${String(d.code)}`);
  let client: TestClient;

  before(async () => {
    client = new TestClient();
    await client.initialize({ workspaceFolder: folder });
    await client.open(clusterUri, cluster());
    await client.diagnostics(clusterUri);
    await client.open(eniUri, eniConfig('us-west-2a', 'subnet-0b000000000000002'));
  });
  after(() => client.stop());

  it('reports in both files, and drops the findings when the files are put right', async () => {
    await client.diagnosticsUntil(eniUri, (d) => codes(d).includes('5 cni-eniconfig-subnet'));
    await client.diagnosticsUntil(clusterUri, (d) => codes(d).includes('19 cni-eniconfig-missing'));
    // The ENIConfig file now names the right subnet and adds the other zone: both files are clean.
    await client.change(eniUri, 2, [{ text: eniConfig('us-west-2a', 'subnet-0a000000000000002') + '---\n' + eniConfig('us-west-2b', 'subnet-0b000000000000002') }]);
    assert.deepEqual(codes(await client.diagnosticsUntil(eniUri, (d) => codes(d).length === 0)), []);
    assert.deepEqual(codes(await client.diagnosticsUntil(clusterUri, (d) => codes(d).length === 0)), []);
  });
});
