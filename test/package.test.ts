// The .vsix and the manifest. `npm run package` runs in a scratch copy of the project (so the
// working tree's dist/ keeps its development build), then the zip's central directory is read
// here: exactly the bundles, the pages, the icon and the files vsce adds, under 1 MB. The shipped
// checker and server are then run from the unpacked .vsix, with no node_modules anywhere near,
// to prove the bundles stand alone. Takes about 3 s; `npm run test:package` runs only this file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { TestClient } from './support/lspClient';
import { HANG_MS } from './support/limits';
import { listZip, readEntry, type ZipEntry } from '../scripts/zip.mjs';

const root = process.cwd();
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const MB = 1024 * 1024;

/** The names in `dir` (relative to the project) matching `suffix`, or none when it does not exist. */
function filesIn(dir: string, suffix: string): string[] {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((n) => n.endsWith(suffix))
    .map((n) => `${dir}/${n}`);
}

// Left out of the scratch copy: build output, test output, VCS data, old packages, and dependencies
// (linked instead).
const NOT_COPIED = new Set(['dist', 'out', '.git', '.bench', '.vscode-test', 'test-results']);
const copied = (src: string): boolean => {
  const rel = path.relative(root, src);
  if (rel === '') return true;
  const [top] = rel.split(path.sep);
  return !NOT_COPIED.has(top) && !(top.endsWith('.vsix') && top === rel) && !rel.split(path.sep).includes('node_modules');
};

describe('the .vsix', () => {
  let scratch: string;
  let vsixPath: string;
  let zip: Buffer;
  let entries: ZipEntry[];
  let names: string[];
  let unpacked: string;

  before(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'eks-lens-package-'));
    const project = path.join(scratch, 'project');
    cpSync(root, project, { recursive: true, filter: copied });
    symlinkSync(path.join(root, 'node_modules'), path.join(project, 'node_modules'), 'dir');
    const run = spawnSync('npm', ['run', 'package'], { cwd: project, encoding: 'utf8', timeout: HANG_MS });
    assert.equal(run.status, 0, `npm run package failed:\n${run.stdout}\n${run.stderr}`);
    vsixPath = path.join(project, `${manifest.name}-${manifest.version}.vsix`);
    assert.ok(existsSync(vsixPath), `npm run package did not write ${path.basename(vsixPath)}:\n${run.stdout}`);
    zip = readFileSync(vsixPath);
    entries = listZip(zip);
    names = entries.map((e) => e.name).sort();

    // Unpack into a folder with no node_modules above it.
    unpacked = path.join(scratch, 'unpacked');
    for (const entry of entries) {
      if (entry.name.endsWith('/')) continue;
      const target = path.join(unpacked, entry.name);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, readEntry(zip, entry));
    }
  });

  after(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('holds exactly the bundles, the pages, the icon, the manifest and what vsce adds', () => {
    const shipped = [
      'package.json',
      'readme.md', // vsce renames README.md, CHANGELOG.md and LICENSE
      'changelog.md',
      'LICENSE.txt',
      manifest.icon,
      'dist/client.js',
      'dist/server.js',
      'dist/cli.js',
      'dist/ThirdPartyNotices.txt',
      'docs/hover.md',
      'docs/kubernetes-api-lifecycle.md',
      'docs/address-map.md',
      'docs/pod-capacity.md',
      'docs/cni-settings.md',
      'docs/instance-types.md',
      ...filesIn('docs/rules', '.md'),
      ...filesIn('docs/images', '.png'),
      // Snippets and grammars ship as the JSON files the manifest contributes; the folders'
      // README.md files are notes for developers. (Both folders hold only those notes for now.)
      ...filesIn('snippets', '.json'),
      ...filesIn('syntaxes', '.json'),
    ];
    const expected = ['[Content_Types].xml', 'extension.vsixmanifest', ...shipped.map((f) => `extension/${f}`)].sort();
    const unexpected = names.filter((n) => !expected.includes(n));
    const missing = expected.filter((n) => !names.includes(n));
    assert.deepEqual({ unexpected, missing }, { unexpected: [], missing: [] });
    assert.ok(filesIn('docs/rules', '.md').length >= 20, 'the rule pages were not found');
  });

  test('every link from a shipped page to another page lands on a shipped page', () => {
    const pages = names.filter((n) => n.startsWith('extension/docs/') && n.endsWith('.md'));
    assert.ok(pages.length > 20);
    for (const page of pages) {
      const text = readEntry(
        zip,
        entries.find((e) => e.name === page)!,
      ).toString('utf8');
      for (const m of text.matchAll(/\]\(([^)\s#]+\.md)(#[^)]*)?\)/g)) {
        if (/^[a-z]+:/i.test(m[1])) continue;
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(page), m[1]));
        assert.ok(names.includes(target) || target === 'extension/README.md', `${page} links to ${m[1]}, which the .vsix does not hold`);
      }
    }
  });

  test('ships no source maps, sources, tests, examples or dependencies', () => {
    for (const pattern of [/\.map$/, /\.ts$/, /(^|\/)node_modules\//, /^extension\/(test|out|server|client|scripts|examples)\//, /\.vsix$/]) {
      assert.deepEqual(
        names.filter((n) => pattern.test(n)),
        [],
        `matches ${pattern}`,
      );
    }
    const js = names.filter((n) => n.endsWith('.js'));
    assert.deepEqual(js, ['extension/dist/cli.js', 'extension/dist/client.js', 'extension/dist/server.js']);
    for (const name of js) {
      const text = readEntry(
        zip,
        entries.find((e) => e.name === name)!,
      ).toString('utf8');
      assert.doesNotMatch(text, /sourceMappingURL/, `${name} is not the production build`);
      assert.doesNotMatch(text, /0\.0\.0-test/, `${name} carries the test version`);
    }
  });

  test('ships the licence of every npm package in its bundles', () => {
    const notices = readFileSync(path.join(unpacked, 'extension/dist/ThirdPartyNotices.txt'), 'utf8');
    // The packages the shipped (production) bundles hold, as the build listed them; test/notices.test.ts
    // checks that list against the bundles' source maps.
    const listed = [...notices.matchAll(/^={80}\n(\S+) (\S+)\n/gm)].map((m) => m[1]);
    for (const name of ['yaml', 'ip-address', 'vscode-languageserver', 'vscode-languageclient', 'vscode-jsonrpc']) assert.ok(listed.includes(name), `${name} is not in the notices`);
    assert.match(notices, /Permission is hereby granted, free of charge/, 'the MIT licence text is missing');
  });

  test('holds every local image the README shows', () => {
    // With --no-rewrite-relative-links, VS Code resolves them inside the installed extension.
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)[^)]*\)|<img[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? m[2]).filter((src) => !/^[a-z]+:/i.test(src));
    for (const src of images) assert.ok(names.includes(`extension/${path.posix.normalize(src)}`), `README shows ${src}, which is not in the .vsix`);
  });

  test('is under 1 MB', () => {
    const size = statSync(vsixPath).size;
    assert.ok(size < MB, `${path.basename(vsixPath)} is ${size} bytes`);
  });

  test('carries the manifest, and every file the manifest points at', () => {
    const shippedManifest = JSON.parse(readFileSync(path.join(unpacked, 'extension/package.json'), 'utf8'));
    for (const key of ['name', 'publisher', 'version', 'main', 'activationEvents', 'capabilities', 'contributes', 'engines']) {
      assert.deepEqual(shippedManifest[key], manifest[key], key);
    }
    const pointedAt = [
      manifest.main,
      manifest.icon,
      ...Object.values<string>(manifest.bin ?? {}),
      ...(manifest.contributes?.snippets ?? []).map((s: { path: string }) => s.path),
      ...(manifest.contributes?.grammars ?? []).map((g: { path: string }) => g.path),
    ];
    for (const file of pointedAt) {
      const name = `extension/${path.posix.normalize(file)}`;
      assert.ok(names.includes(name), `${file} (named in package.json) is not in the .vsix`);
    }
  });

  test('its checker runs on its own and links to its own rule pages', () => {
    const dir = mkdtempSync(path.join(scratch, 'cli-'));
    const file = path.join(dir, 'cluster.yaml');
    writeFileSync(file, ['apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata: {name: demo, region: us-west-2}', 'vpc:', '  cidr: 10.0.0.1/16', ''].join('\n'));
    const cli = path.join(unpacked, 'extension/dist/cli.js');
    const run = spawnSync(process.execPath, [cli, 'check', '--format', 'sarif', file], { cwd: dir, encoding: 'utf8' });
    // cidr-host-bits is a warning: the checker exits 0.
    assert.equal(run.status, 0, `exit ${run.status}: ${run.stderr}`);
    const sarif = JSON.parse(run.stdout);
    const results = sarif.runs[0].results as Array<{ ruleId: string }>;
    assert.ok(
      results.some((r) => r.ruleId === 'cidr-host-bits'),
      JSON.stringify(results.map((r) => r.ruleId)),
    );
    const rule = (sarif.runs[0].tool.driver.rules as Array<{ id: string; helpUri: string; help?: { markdown: string } }>).find((r) => r.id === 'cidr-host-bits');
    assert.equal(rule?.helpUri, pathToFileURL(path.join(unpacked, 'extension/docs/rules/cidr-host-bits.md')).href);
    assert.ok(rule?.help?.markdown.length, 'the rule page text is missing from the SARIF output');
    const version = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' });
    assert.match(version.stdout, new RegExp(manifest.version.replace(/\./g, '\\.')));
  });

  test('its language server starts on its own and links diagnostics to the shipped pages', async () => {
    const client = new TestClient(path.join(unpacked, 'extension/dist/server.js'));
    try {
      await client.initialize();
      const uri = pathToFileURL(path.join(scratch, 'server-check.yaml')).href;
      await client.open(uri, ['apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata: {name: demo, region: us-west-2}', 'vpc:', '  cidr: 10.0.0.1/16', ''].join('\n'));
      const diagnostics = await client.diagnosticsUntil(uri, (d) => d.length > 0);
      const hostBits = diagnostics.find((d) => d.code === 'cidr-host-bits');
      assert.equal(hostBits?.range.start.line, 4, JSON.stringify(diagnostics.map((d) => [d.code, d.range.start.line])));
      const href = hostBits?.codeDescription?.href;
      assert.ok(href?.startsWith('file:'), `codeDescription ${href}`);
      const page = fileURLToPath(href!);
      assert.equal(page, path.join(unpacked, 'extension/docs/rules/cidr-host-bits.md'));
      assert.ok(existsSync(page));
    } finally {
      await client.stop();
    }
  });
});

describe('the extension manifest', () => {
  test('activates only on YAML and JSON documents', () => {
    assert.deepEqual([...manifest.activationEvents].sort(), ['onLanguage:json', 'onLanguage:yaml']);
    assert.ok(!manifest.activationEvents.includes('*'));
  });

  test('declares how it behaves in untrusted and virtual workspaces', () => {
    // No network calls, no code from the workspace: it runs in Restricted Mode, but the settings
    // that choose what is read and how much is parsed are not taken from an untrusted workspace.
    const untrusted = manifest.capabilities.untrustedWorkspaces;
    assert.equal(untrusted.supported, 'limited');
    assert.ok(typeof untrusted.description === 'string' && untrusted.description.length > 20, 'untrustedWorkspaces needs a description');
    assert.deepEqual([...untrusted.restrictedConfigurations].sort(), ['eksLens.maxFileSizeMB', 'eksLens.workspace.include']);
    const declared = Object.keys(manifest.contributes.configuration.properties);
    for (const key of untrusted.restrictedConfigurations) assert.ok(declared.includes(key), `${key} is a setting of the extension`);
    // The client sends only file: and untitled: documents, and the server reads the workspace and
    // .eks-lens.yaml from disk, so files in a virtual workspace are not checked. Whatever is
    // declared, it must say why.
    const virtual = manifest.capabilities.virtualWorkspaces;
    assert.ok(virtual.supported === false || virtual.supported === 'limited', `virtualWorkspaces.supported: ${virtual.supported}`);
    assert.ok(typeof virtual.description === 'string' && virtual.description.length > 20, 'virtualWorkspaces needs a description');
  });

  test('is listed as a linter, under the words people search for', () => {
    assert.ok(manifest.categories.includes('Linters'));
    for (const word of ['eks', 'eksctl', 'kubernetes', 'cloudformation', 'vpc', 'cidr', 'subnet']) {
      assert.ok(manifest.keywords.includes(word), `keyword ${word}`);
    }
    assert.ok(manifest.keywords.length <= 30, 'the Marketplace takes at most 30 keywords');
  });

  test('names no repository, and packaging says so', () => {
    // There is no public repository to point at; a made-up URL would send people to a 404.
    // vsce asks about a missing repository unless told, hence --allow-missing-repository.
    assert.equal(manifest.repository, undefined, 'add a repository only when a real public one exists');
    assert.match(manifest.scripts.package, /--allow-missing-repository/);
    assert.match(manifest.scripts.package, /--no-dependencies/, 'dist/ is bundled; node_modules must not be packed');
  });

  test('has an icon of at least 128×128 pixels, a licence and a publisher', () => {
    const png = readFileSync(path.join(root, manifest.icon));
    assert.equal(png.toString('latin1', 1, 4), 'PNG');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.ok(width >= 128 && height >= 128, `icon is ${width}×${height}`);
    assert.ok(existsSync(path.join(root, 'LICENSE')));
    assert.ok(manifest.license && manifest.publisher);
    assert.equal(manifest.main, './dist/client.js');
  });
});
