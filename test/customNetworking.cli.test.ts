// The custom networking rules meet facts across files: the CLI reads every file before checking, so
// an ENIConfig and the ClusterConfig that turns custom networking on find each other whichever comes
// first in the walk. (The rule tables run the same rules through the server's WorkspaceIndex.)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { BOTH_ZONES, cluster, eniConfig } from '../server/src/rules/customNetworking.fixtures';
import { HANG_MS } from './support/limits';
import { tempTree } from './support/tmp';

const CLI = path.resolve('dist/cli.js');

function findings(files: Record<string, string>): string[] {
  const dir = tempTree('eks-lens-cnet-', files);
  const r = spawnSync(process.execPath, [CLI, 'check', '--no-config', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8', timeout: HANG_MS });
  const out = JSON.parse(r.stdout) as { files: Array<{ path: string; diagnostics: Array<{ code: string; range: { start: { line: number } } }> }> };
  return out.files.flatMap((f) => f.diagnostics.filter((x) => x.code.startsWith('cni-')).map((x) => `${path.basename(f.path)}:${x.range.start.line + 1} ${x.code}`)).sort();
}

describe('custom networking across files, in the CLI', () => {
  it('finds the missing zone and the subnet in the wrong zone, whatever the file order', () => {
    const eni = eniConfig('us-west-2a', 'subnet-0b000000000000002');
    for (const [a, b] of [
      ['a-cluster.yaml', 'b-eni.yaml'],
      ['b-cluster.yaml', 'a-eni.yaml'],
    ]) {
      assert.deepEqual(findings({ [a]: cluster(), [b]: eni }), [`${a}:19 cni-eniconfig-missing`, `${b}:5 cni-eniconfig-subnet`].sort());
    }
  });
  it('says nothing when every zone has a correct ENIConfig', () => {
    assert.deepEqual(findings({ 'cluster.yaml': cluster(), 'eni.yaml': BOTH_ZONES }), []);
  });
});
