// The checker's input and output edges under a hostile workspace: FIFOs and devices where
// files are expected, and files too large to read. Each test spawns dist/cli.js (`npm run build`
// first) with a 60 s watchdog: a hang is a failure, never a wait.
import assert from 'node:assert/strict';
import { spawnSync, type StdioOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

const CLI = path.resolve('dist/cli.js');
const WATCHDOG_MS = 60_000;
const POSIX = process.platform !== 'win32';

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'eks-lens-cli-edges-'));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

function run(args: string[], options: { cwd?: string; input?: string | Buffer; stdio?: StdioOptions } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, input: options.input, stdio: options.stdio, encoding: 'utf8', timeout: WATCHDOG_MS, maxBuffer: 64 * 1024 * 1024 });
  assert.notEqual(r.signal, 'SIGTERM', `eks-lens ${args.join(' ')} did not finish within ${WATCHDOG_MS / 1000} s`);
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function mkfifo(file: string): void {
  const r = spawnSync('mkfifo', [file]);
  assert.equal(r.status, 0, `mkfifo ${file}: ${r.stderr}`);
}

const BAD_VPC = 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c, region: us-east-1}\nvpc:\n  cidr: 10.1.2.0/16\n  clusterEndpoints: {publicAccess: false, privateAccess: true}\n';
const CLEAN_VPC = BAD_VPC.replace('10.1.2.0/16', '10.1.0.0/16');

describe('eks-lens: what is read', () => {
  it('refuses a FIFO named on the command line instead of waiting for a writer', { skip: !POSIX && 'no FIFOs' }, () => {
    const dir = tree({ 'a.yaml': CLEAN_VPC });
    mkfifo(path.join(dir, 'pipe.yaml'));
    const r = run(['check', '--no-config', 'a.yaml', 'pipe.yaml'], { cwd: dir });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'eks-lens: cannot read pipe.yaml: it is a named pipe (FIFO), not a regular file\n');
    assert.match(r.stdout, /^1 file checked: no problems found\.$/m);
    const config = run(['check', '--config', 'pipe.yaml', 'a.yaml'], { cwd: dir });
    assert.equal(config.status, 2);
    assert.match(config.stderr, /pipe\.yaml cannot be read: it is a named pipe \(FIFO\), not a regular file/);
    const map = run(['map', '--no-config', 'pipe.yaml'], { cwd: dir });
    assert.equal(map.status, 2);
  });

  it('skips FIFOs found while walking a folder, and a FIFO named .eks-lens.yaml', { skip: !POSIX && 'no FIFOs' }, () => {
    const dir = tree({ 'k8s/a.yaml': CLEAN_VPC });
    mkfifo(path.join(dir, 'k8s', 'x.yaml'));
    mkfifo(path.join(dir, '.eks-lens.yaml'));
    const r = run(['check', '--format', 'json', '.'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path), [path.join('k8s', 'a.yaml')]);
  });

  it('refuses devices named on the command line, but reads standard input as - and as /dev/stdin', { skip: !POSIX && 'no /dev' }, () => {
    const zero = run(['check', '--no-config', '/dev/zero']);
    assert.equal(zero.status, 2);
    assert.equal(zero.stderr, 'eks-lens: cannot read /dev/zero: it is a character device, not a regular file\n');
    for (const name of ['-', '/dev/stdin']) {
      const r = run(['check', '--no-config', '--format', 'json', name], { input: BAD_VPC });
      assert.equal(r.status, 1, `${name}: ${r.stderr}`);
      assert.equal(JSON.parse(r.stdout).files[0].diagnostics[0].code, 'cidr-host-bits');
    }
  });

  it('does not read a file over the size limit, and says how large it is', () => {
    const dir = tree({});
    const huge = path.join(dir, 'huge.yaml');
    writeFileSync(huge, '');
    truncateSync(huge, 10 * 1024 ** 3); // sparse: 10 GiB that take no disk space, and more than a string can hold
    const r = run(['check', '--no-config', '--format', 'json', 'huge.yaml'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    const [finding] = JSON.parse(r.stdout).files[0].diagnostics;
    assert.equal(finding.code, 'not-checked');
    assert.match(finding.message, /the file is 10240\.0 MB, above the 5\.0 MB limit/);
  });

  it('reads standard input over the limit to its end without keeping it, and reports its real size', () => {
    const dir = tree({ '.eks-lens.yaml': 'maxFileSizeMB: 0.1\n' });
    const input = Buffer.alloc(300 * 1024, 'a: 1\n');
    const r = run(['check', '--format', 'json', '-'], { cwd: dir, input });
    assert.equal(r.status, 0, r.stderr);
    const [finding] = JSON.parse(r.stdout).files[0].diagnostics;
    assert.equal(finding.code, 'not-checked');
    assert.match(finding.message, /the file is 0\.3 MB, above the 0\.1 MB limit/);
  });
});
