// The custom eksLens/* messages are typed at both ends. The functions below are never run: they are
// here for `npm run typecheck`, where each `@ts-expect-error` line must be an error (a wrong
// parameter or result shape at the client or the server end), or the check fails. At run time the
// test pins the method names, which editors other than VS Code send as plain strings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NotificationType, NotificationType0, RequestType } from 'vscode-languageserver';
import type { Connection } from 'vscode-languageserver/node';
import { eksLensProtocol, METHODS } from '../server/src/protocol';

const protocol = eksLensProtocol({ RequestType, NotificationType, NotificationType0 });

export async function clientEnd(client: LanguageClient): Promise<void> {
  const map = await client.sendRequest(protocol.addressMap, { scope: 'file', uri: 'file:///a.yaml', cspSource: 'x', nonce: 'n' });
  const places: ReadonlyArray<{ uri: string; line: number }> | undefined = map.places;
  void places;
  // @ts-expect-error: the map has no such field
  void map.vpcs;
  // @ts-expect-error: a scope is 'workspace' or 'file'
  await client.sendRequest(protocol.addressMap, { scope: 'folder', cspSource: 'x', nonce: 'n' });
  // @ts-expect-error: the nonce is required
  await client.sendRequest(protocol.addressMap, { scope: 'workspace', cspSource: 'x' });
  // @ts-expect-error: the zones are sent as the user typed them, one string
  await client.sendRequest(protocol.planSubnets, { uri: 'file:///a.yaml', offset: 0, azs: ['us-east-1a'], tiers: ['public'], sizes: '' });
  // @ts-expect-error: no such tier
  await client.sendRequest(protocol.planSubnets, { uri: 'file:///a.yaml', offset: 0, azs: 'us-east-1a', tiers: ['dmz'], sizes: '' });
  const defaults = await client.sendRequest(protocol.planDefaults, { uri: 'file:///a.yaml' });
  // @ts-expect-error: an answer may be an error, which has no vpc
  void defaults.vpc;
  if (!('error' in defaults)) void defaults.vpc;
  client.onNotification(protocol.status, (status) => {
    // @ts-expect-error: a status counts errors as a number
    const errors: string = status.errors;
    void errors;
  });
  await client.sendNotification(protocol.workspaceTrusted);
  // @ts-expect-error: eksLens/workspaceTrusted has no parameters
  await client.sendNotification(protocol.workspaceTrusted, { trusted: true });
}

export function serverEnd(connection: Connection): void {
  // @ts-expect-error: a status needs its counts
  void connection.sendNotification(protocol.status, { uri: 'file:///a.yaml', version: 1 });
  connection.onRequest(protocol.planSubnets, (params) => {
    const tiers: readonly ('public' | 'private' | 'vpn')[] = params.tiers;
    void tiers;
    return { error: 'not now' };
  });
  // @ts-expect-error: the defaults answer is PlanDefaults or an error, not a bare offset
  connection.onRequest(protocol.planDefaults, () => ({ offset: 0 }));
  connection.onRequest(protocol.addressMap, (params) => {
    // @ts-expect-error: the params have no such field
    void params.folder;
    return { title: '', html: '', vpcCount: 0, version: 'v' };
  });
}

describe('the eksLens/* protocol', () => {
  it('names the methods as they go on the wire', () => {
    assert.deepEqual(Object.fromEntries(Object.entries(protocol).map(([name, type]) => [name, type.method])), {
      status: 'eksLens/status',
      workspaceTrusted: 'eksLens/workspaceTrusted',
      addressMap: 'eksLens/addressMap',
      planDefaults: 'eksLens/planDefaults',
      planSubnets: 'eksLens/planSubnets',
    });
    assert.deepEqual(Object.fromEntries(Object.entries(protocol).map(([name, type]) => [name, type.method])), METHODS);
  });
});
