// The address map page may ask the editor to open only what the map showed. The server's answer
// lists the places (and the page embeds exactly those); the client's check refuses any other.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MapPlaces } from '../client/src/mapPlaces';
import { DEFAULT_CONFIG } from '../server/src/engine/config';
import { addressMap } from '../server/src/lsp/addressMap';
import { buildFileModel } from '../server/src/formats';

const CLUSTER =
  'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c, region: us-east-1}\nvpc:\n  cidr: 10.0.0.0/16\n  subnets:\n    private:\n      us-east-1a: {cidr: 10.0.0.0/19}\n';

async function mapOf(uri: string, text: string) {
  const model = buildFileModel({ uri, text });
  return addressMap(
    { scope: 'workspace', cspSource: 'vscode-webview://x', nonce: 'n' },
    { indexed: () => [], openUris: () => [uri], model: async (u) => (u === uri ? model : undefined), config: async () => DEFAULT_CONFIG },
  );
}

describe('opening a file from the address map', () => {
  it('accepts every place the page embeds, and only those', async () => {
    const uri = 'file:///ws/cluster.yaml';
    const result = await mapOf(uri, CLUSTER);
    const places = new MapPlaces();
    places.replace(result.places);
    const onPage = [...result.html.matchAll(/data-uri="([^"]*)" data-line="(\d+)"/g)].map((m) => ({ uri: m[1], line: Number(m[2]) }));
    assert.ok(onPage.length >= 2);
    for (const p of onPage) assert.deepEqual(places.accept({ type: 'open', ...p }), p, `${p.uri}:${p.line} opens`);

    for (const refused of [
      { type: 'open', uri: 'file:///etc/passwd', line: 0 },
      { type: 'open', uri: 'file:///home/user/.ssh/id_rsa', line: 0 },
      { type: 'open', uri: 'untitled:anything', line: 0 },
      { type: 'open', uri, line: 999 },
      { type: 'open', uri: uri.toUpperCase(), line: onPage[0].line },
      { type: 'open', uri: 'command:workbench.action.terminal.new', line: 0 },
      { type: 'open', uri, line: -1 },
      { type: 'open', uri, line: 1.5 },
      { type: 'open', uri },
      { type: 'other', uri, line: onPage[0].line },
      null,
      'open',
    ]) {
      assert.equal(places.accept(refused), undefined, `refused: ${JSON.stringify(refused)}`);
    }
  });

  it('refuses everything before a map is shown and after it is cleared', async () => {
    const places = new MapPlaces();
    assert.equal(places.accept({ type: 'open', uri: 'file:///ws/cluster.yaml', line: 4 }), undefined);
    places.replace([{ uri: 'file:///ws/cluster.yaml', line: 4 }]);
    assert.ok(places.accept({ type: 'open', uri: 'file:///ws/cluster.yaml', line: 4 }));
    places.clear();
    assert.equal(places.accept({ type: 'open', uri: 'file:///ws/cluster.yaml', line: 4 }), undefined);
  });
});
