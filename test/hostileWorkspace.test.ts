// A cloned repository is the attacker: its `.eks-lens.yaml`, its `.vscode/settings.json` globs
// (even in Restricted Mode, for settings not declared restricted) and its symbolic links. None of
// them may hang the language server, make it read files outside the workspace folder, or cost
// more than the path and pattern are long. Work is counted, never timed; hangs are bounded by
// watchdogs around a real server process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { MAX_PROJECT_FILE_BYTES, readProjectConfig, readProjectConfigAsync } from '../server/src/engine/projectConfig';
import { SettingsStore } from '../server/src/lsp/settings';
import { WorkspaceIndexer } from '../server/src/lsp/workspaceIndexer';
import { newModelCache } from '../server/src/formats';

import { compileGlob, globMatcher, globStats, MAX_GLOB_LENGTH } from '../server/src/workspace/glob';
import { fileFilter, isIncludedFile, walkFolder } from '../server/src/workspace/walk';
import { TestClient } from './support/lspClient';
import { WAIT_MS } from './support/limits';
import { tempTree } from './support/tmp';

/** A fresh folder under the system's temporary folder, removed after the tests. */
const scratch = (files: Record<string, string> = {}): string => tempTree('eks-lens-hostile-', files);

const canLink = process.platform !== 'win32';
const canMkfifo = canLink && spawnSync('mkfifo', ['--version'], { encoding: 'utf8' }).error === undefined;

function mkfifo(p: string): void {
  const r = spawnSync('mkfifo', [p]);
  assert.equal(r.status, 0, `mkfifo ${p}: ${r.stderr}`);
}

const VPC = (name: string, cidr: string) => ['apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', `metadata: {name: ${name}, region: us-east-1}`, `vpc: {cidr: ${cidr}}`, ''].join('\n');
const BAD_VPC =
  'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c, region: us-east-1}\nvpc:\n  cidr: 10.1.2.0/16\n  clusterEndpoints: {publicAccess: false, privateAccess: true}\n';

describe('globs from an untrusted workspace', () => {
  /** Steps taken to match `rel`, with the result. */
  const measure = (glob: string, rel: string) => {
    const matcher = globMatcher(glob);
    const before = globStats.steps;
    const matched = matcher.test(rel);
    return { matched, steps: globStats.steps - before };
  };
  // Each of these ran for a minute or more with the RegExp translation (nested `**` and `*` runs
  // backtrack exponentially when the path does not match).
  const catastrophic: Array<{ glob: string; path: (n: number) => string; matched: boolean }> = [
    { glob: `${'**/'.repeat(12)}*.yaml`, path: (n) => `${'a/'.repeat(n)}x`, matched: false },
    { glob: `${'*a'.repeat(12)}*b`, path: (n) => 'a'.repeat(n), matched: false },
    { glob: `${'{**/,}'.repeat(10)}*.yaml`, path: (n) => `${'a/'.repeat(n)}c`, matched: false },
    {
      glob: (() => {
        let g = '**/x.yaml';
        for (let i = 0; i < 10; i++) g = `{**/b/**/a.json,${g}}`;
        return g;
      })(),
      path: (n) => `${'b/'.repeat(n)}x.yml`,
      matched: false,
    },
    { glob: `${'{'.repeat(8)}**/a,**/b${'}'.repeat(8)}`, path: (n) => `${'a/'.repeat(n)}c`, matched: true },
  ];

  it('matches patterns that backtrack catastrophically in a number of steps linear in the path', () => {
    for (const { glob, path: make, matched } of catastrophic) {
      const short = measure(glob, make(40));
      const long = measure(glob, make(80));
      assert.equal(short.matched, matched, glob);
      assert.equal(long.matched, matched, glob);
      // At most two visits of each state per character (the automaton has fewer states than the
      // pattern has characters, plus two).
      const bound = (p: string) => 2 * (glob.length + 2) * (p.length + 1);
      assert.ok(short.steps <= bound(make(40)), `${glob}: ${short.steps} steps for ${make(40).length} characters`);
      assert.ok(long.steps <= bound(make(80)), `${glob}: ${long.steps} steps`);
      // Twice the path, about twice the work: linear, not exponential.
      assert.ok(long.steps <= 2.2 * short.steps, `${glob}: ${short.steps} → ${long.steps} steps when the path doubles`);
    }
  });

  it('refuses invalid and overlong globs with a reason; a filter keeps its valid globs', () => {
    const range = compileGlob('env[z-a].yaml');
    assert.deepEqual(range, { ok: false, reason: 'the range z-a is out of order' });
    const long = compileGlob('a'.repeat(MAX_GLOB_LENGTH + 1));
    assert.equal(long.ok, false);
    assert.match(!long.ok ? long.reason : '', /longer than 1000 characters/);
    const invalid: string[] = [];
    const filter = fileFilter(['[z-a]', 'infra/**/*.yaml'], ['{a,[c-b]}', '**/old'], (glob, reason) => invalid.push(`${glob}: ${reason}`));
    assert.deepEqual(invalid, ['[z-a]: the range z-a is out of order', '{a,[c-b]}: the range c-b is out of order']);
    assert.ok(isIncludedFile('infra/eu/cluster.yaml', filter), 'the valid include glob still works');
    assert.ok(!isIncludedFile('infra/old/cluster.yaml', filter), 'the valid exclude glob still works');
    assert.ok(!isIncludedFile('apps/web.yaml', filter));
    // Only invalid include globs: the default list applies, rather than indexing nothing.
    assert.ok(isIncludedFile('apps/web.yaml', fileFilter(['[z-a]'])));
  });

  it('warns once per invalid glob, naming the setting and the pattern, and keeps the others', async () => {
    const problems: string[] = [];
    const store = new SettingsStore(
      async () => ({ workspace: { include: ['infra/**/*.yaml', 'env[z-a].yaml'] } }),
      (m) => problems.push(m),
      async (_uri, section) => (section === 'files.exclude' ? { '**/[9-0]': true, '**/dist': true } : undefined),
    );
    assert.deepEqual(await store.workspaceFilters('file:///ws'), { include: ['infra/**/*.yaml'], exclude: ['**/dist'] });
    assert.deepEqual(problems, [
      'Setting files.exclude: "**/[9-0]" is not a valid glob pattern (the range 9-0 is out of order); it is ignored by EKS Lens',
      'Setting eksLens.workspace.include: "env[z-a].yaml" is not a valid glob pattern (the range z-a is out of order); it is ignored',
    ]);
    const onlyInvalid: string[] = [];
    const fallback = new SettingsStore(
      async () => ({ workspace: { include: ['[z-a]'] } }),
      (m) => onlyInvalid.push(m),
    );
    assert.deepEqual(await fallback.workspaceFilters('file:///ws'), { exclude: [] });
    assert.match(onlyInvalid[1], /no valid glob pattern is left; the default "\*\*\/\*\.\{yaml,yml,json\}" is used/);
  });

  it('the workspace scan goes on with the valid globs when one is invalid', async () => {
    const folder = scratch({ 'infra/a.yaml': VPC('a', '10.0.0.0/16'), 'apps/b.yaml': VPC('b', '10.1.0.0/16') });
    const logged: string[] = [];
    const indexer = new WorkspaceIndexer(
      () => {},
      (m) => logged.push(m),
    );
    const result = await indexer.scan([pathToFileURL(folder).href], () => false, { filters: () => ({ include: ['infra/**', '[z-a]'], exclude: ['[b-a]'] }) });
    assert.equal(result.scanned, 1);
    assert.equal(indexer.index.size, 1);
    assert.equal(logged.filter((m) => /is not valid/.test(m)).length, 2);
  });
});

describe('symbolic links in the workspace', { skip: !canLink && 'no symbolic links here' }, () => {
  it('the scan does not read links to files outside the workspace folder, and still reads links inside it', async () => {
    const outside = scratch({ 'secret.yaml': VPC('secret', '10.9.0.0/16') });
    const folder = scratch({ 'real/inside.yaml': VPC('inside', '10.0.0.0/16') });
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(folder, 'leak.yaml'));
    symlinkSync(path.join(folder, 'real', 'inside.yaml'), path.join(folder, 'alias.yaml'));
    symlinkSync(path.join(outside, 'nothing.yaml'), path.join(folder, 'dangling.yaml'));
    const found = (await walkFolder(folder, fileFilter())).map((f) => path.relative(folder, f).split(path.sep).join('/'));
    assert.deepEqual(found, ['alias.yaml', 'real/inside.yaml']);

    const indexer = new WorkspaceIndexer(
      () => {},
      () => {},
    );
    await indexer.scan([pathToFileURL(folder).href], () => false);
    const leak = pathToFileURL(path.join(folder, 'leak.yaml')).href;
    assert.equal(indexer.index.size, 2);
    // A change event for the link (it was just created, say) does not read it either.
    await indexer.refresh(leak);
    assert.equal(indexer.index.size, 2);
    const known = JSON.stringify(indexer.index.all(), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    assert.doesNotMatch(known, /secret/, 'nothing of the outside file is indexed');
    assert.match(known, /inside/);
  });
});

describe('.eks-lens.yaml in the language server', () => {
  const store = (problems: string[]) =>
    new SettingsStore(
      async () => ({}),
      (m) => problems.push(m),
    );

  it('is not read through a link leading out of the workspace folder, and its content is not echoed', { skip: !canLink }, async () => {
    const outside = scratch({ 'other.yaml': 'rules: {cidr-host-bits: off}\nsecretKey: hunter2\n' });
    const folder = scratch();
    symlinkSync(path.join(outside, 'other.yaml'), path.join(folder, '.eks-lens.yaml'));
    const problems: string[] = [];
    const settings = store(problems);
    settings.setWorkspaceFolders([pathToFileURL(folder).href]);
    const config = await settings.configFor(pathToFileURL(path.join(folder, 'a.yaml')).href);
    assert.deepEqual(config.rules, {}, 'the outside file turned nothing off');
    assert.equal(problems.length, 1);
    assert.match(problems[0], /\.eks-lens\.yaml: is a symbolic link to .*other\.yaml, outside the workspace folder; it is not read$/);
    assert.doesNotMatch(problems[0], /secretKey|hunter2/);
  });

  it('follows a link that stays inside the workspace folder', { skip: !canLink }, async () => {
    const folder = scratch({ 'config/eks-lens.yaml': 'rules: {cidr-host-bits: hint}\n' });
    symlinkSync(path.join('config', 'eks-lens.yaml'), path.join(folder, '.eks-lens.yaml'));
    const problems: string[] = [];
    const settings = store(problems);
    settings.setWorkspaceFolders([pathToFileURL(folder).href]);
    assert.deepEqual((await settings.configFor(pathToFileURL(path.join(folder, 'a.yaml')).href)).rules, { 'cidr-host-bits': 'hint' });
    assert.deepEqual(problems, []);
  });

  it('is refused unread over 1 MB, and as a folder; a missing file is no problem', async () => {
    const big = scratch({ '.eks-lens.yaml': `rules: {cidr-host-bits: off}\n#${'x'.repeat(MAX_PROJECT_FILE_BYTES)}\n` });
    const problems: string[] = [];
    const settings = store(problems);
    settings.setWorkspaceFolders([pathToFileURL(big).href]);
    assert.deepEqual((await settings.configFor(pathToFileURL(path.join(big, 'a.yaml')).href)).rules, {});
    assert.match(problems[0], /is larger than the 1 MB a project file may be \(1\.0 MB\); it is not read/);

    const dir = scratch();
    mkdirSync(path.join(dir, '.eks-lens.yaml'));
    const loaded = await readProjectConfigAsync(path.join(dir, '.eks-lens.yaml'), { root: dir });
    assert.equal(loaded.status, 'refused');
    assert.match(loaded.problems[0], /is a folder, not a regular file/);

    const none = scratch();
    assert.equal((await readProjectConfigAsync(path.join(none, '.eks-lens.yaml'), { root: none })).status, 'missing');
    assert.equal(readProjectConfig(path.join(none, '.eks-lens.yaml')).status, 'missing');
  });

  it('a FIFO or a link to /dev/zero as .eks-lens.yaml does not hang the server: it checks files and says why the project file is not read', { skip: !canMkfifo && 'no mkfifo here' }, async () => {
    for (const make of [(p: string) => mkfifo(p), (p: string) => symlinkSync('/dev/zero', p)]) {
      const folder = scratch();
      make(path.join(folder, '.eks-lens.yaml'));
      const client = new TestClient();
      const warnings: string[] = [];
      // showWarningMessage arrives as a request (it could carry actions) or a notification.
      const onMessage = (p: { type: number; message: string }) => {
        if (p.type === 2) warnings.push(p.message);
      };
      client.connection.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
        onMessage(p);
        return null;
      });
      client.connection.onNotification('window/showMessage', onMessage);
      try {
        await client.initialize({ workspaceFolder: folder });
        const uri = pathToFileURL(path.join(folder, 'cluster.yaml')).href;
        await client.open(uri, BAD_VPC);
        // Without the fix the server blocks for good reading the pipe (or fills memory from /dev/zero).
        const diagnostics = await client.diagnostics(uri, { timeoutMs: WAIT_MS });
        assert.deepEqual(
          diagnostics.map((d) => d.code),
          ['cidr-host-bits'],
        );
        assert.ok(client.alive);
        const deadline = Date.now() + WAIT_MS;
        while (!warnings.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        assert.equal(warnings.length, 1, warnings.join('\n'));
        assert.match(warnings[0], /^EKS Lens: .*\.eks-lens\.yaml: is (a named pipe \(FIFO\), not a regular file|a symbolic link to \/dev\/zero, outside the workspace folder); it is not read$/);
      } finally {
        await client.stop();
      }
    }
  });
});

describe('Restricted Mode and the project file', () => {
  it("an untrusted workspace's .eks-lens.yaml may lower the file size limit, not raise it; its other keys apply", async () => {
    const folder = scratch({ '.eks-lens.yaml': 'maxFileSizeMB: 500\nrules: {cidr-host-bits: hint}\n' });
    const uri = pathToFileURL(path.join(folder, 'a.yaml')).href;
    const problems: string[] = [];
    const settings = new SettingsStore(
      async () => ({ maxFileSizeMB: 2 }),
      (m) => problems.push(m),
    );
    settings.setWorkspaceFolders([pathToFileURL(folder).href]);
    settings.setTrusted(false);
    const restricted = await settings.configFor(uri);
    assert.equal(restricted.maxFileBytes, 2 * 1024 * 1024, "the user's limit stays");
    assert.deepEqual(restricted.rules, { 'cidr-host-bits': 'hint' });
    assert.match(problems[0], /\.eks-lens\.yaml: maxFileSizeMB is ignored in Restricted Mode, where it may only lower the limit of your settings \(2 MB\); trust the workspace to use it$/);
    settings.setTrusted(true);
    settings.invalidate();
    assert.equal((await settings.configFor(uri)).maxFileBytes, 500 * 1024 * 1024, 'trusted: the project file wins, as before');

    const lower = scratch({ '.eks-lens.yaml': 'maxFileSizeMB: 1\n' });
    const quiet: string[] = [];
    const store = new SettingsStore(
      async () => ({}),
      (m) => quiet.push(m),
    );
    store.setWorkspaceFolders([pathToFileURL(lower).href]);
    store.setTrusted(false);
    assert.equal((await store.configFor(pathToFileURL(path.join(lower, 'a.yaml')).href)).maxFileBytes, 1024 * 1024);
    assert.deepEqual(quiet, []);
  });

  it('an open document is weighed again against a new size limit, at the same version', () => {
    const cache = newModelCache();
    const input = { uri: 'file:///ws/cluster.yaml', version: 1, text: BAD_VPC };
    assert.match(cache.get({ ...input, maxBytes: 100 }).notParsed ?? '', /above the 0\.0 MB limit/);
    assert.equal(cache.get({ ...input, maxBytes: undefined }).notParsed, undefined, 'the limit was raised: parsed now');
    assert.equal(cache.get({ ...input, maxBytes: undefined }), cache.get({ ...input, maxBytes: undefined }), 'same limit, same version: cached');
  });

  it('the server takes trust from the client (initializationOptions, then eksLens/workspaceTrusted)', async () => {
    const folder = scratch({ '.eks-lens.yaml': 'maxFileSizeMB: 1\n' });
    const client = new TestClient();
    try {
      client.settings = { maxFileSizeMB: 0.0001 }; // about 100 bytes: the file below is larger
      await client.connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
        workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }],
        initializationOptions: { workspaceTrusted: false },
      });
      await client.connection.sendNotification('initialized', {});
      const uri = pathToFileURL(path.join(folder, 'cluster.yaml')).href;
      await client.open(uri, BAD_VPC);
      assert.deepEqual(
        (await client.diagnosticsUntil(uri, (ds) => ds.length > 0, WAIT_MS)).map((d) => d.code),
        ['not-checked'],
      );
      await client.connection.sendNotification('eksLens/workspaceTrusted');
      assert.deepEqual(
        (await client.diagnosticsUntil(uri, (ds) => ds.some((d) => d.code === 'cidr-host-bits'), WAIT_MS)).map((d) => d.code),
        ['cidr-host-bits'],
      );
    } finally {
      await client.stop();
    }
  });
});
