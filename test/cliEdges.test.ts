// The checker's input and output edges under a hostile workspace: control characters in values
// and file names, write errors (a reader that goes away, a full disk), FIFOs and devices where
// files are expected, and files too large to read. Each test spawns dist/cli.js (`npm run build`
// first) with a 60 s watchdog: a hang is a failure, never a wait.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type StdioOptions } from 'node:child_process';
import { closeSync, existsSync, openSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { formatText } from '../server/src/cli/formats';
import { terminalSafeJson, visible } from '../server/src/cli/visible';
import { WAIT_MS } from './support/limits';
import { tempTree } from './support/tmp';

const CLI = path.resolve('dist/cli.js');
const WATCHDOG_MS = WAIT_MS;
const POSIX = process.platform !== 'win32';
const HAS_DEV_FULL = existsSync('/dev/full');

const tree = (files: Record<string, string>): string => tempTree('eks-lens-cli-edges-', files);

function run(args: string[], options: { cwd?: string; input?: string | Buffer; stdio?: StdioOptions } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, input: options.input, stdio: options.stdio, encoding: 'utf8', timeout: WATCHDOG_MS, maxBuffer: 64 * 1024 * 1024 });
  assert.notEqual(r.signal, 'SIGTERM', `eks-lens ${args.join(' ')} did not finish within ${WATCHDOG_MS / 1000} s`);
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function mkfifo(file: string): void {
  const r = spawnSync('mkfifo', [file]);
  assert.equal(r.status, 0, `mkfifo ${file}: ${r.stderr}`);
}

// A value that would clear the screen, set the clipboard (OSC 52), start a C1 CSI sequence and
// reverse the rest of the line, if printed raw.
const HOSTILE = '\x1b]52;c;aGVsbG8=\x07\x1b[2J\x9b31m\u202e';
/** In YAML double quotes, so the parser yields the raw characters. */
const HOSTILE_YAML = '\\e]52;c;aGVsbG8=\\a\\e[2J\\x9b31m\\u202e';
const BAD_CIDR_VALUE = `apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c, region: us-east-1}\nvpc:\n  cidr: "10.1.0.0/16${HOSTILE_YAML}"\n  clusterEndpoints: {publicAccess: false, privateAccess: true}\n`;
// The error: a VPC larger than AWS allows (vpc-cidr-prefix).
const BAD_VPC =
  'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: c, region: us-east-1}\nvpc:\n  cidr: 10.0.0.0/12\n  clusterEndpoints: {publicAccess: false, privateAccess: true}\n';
const CLEAN_VPC = BAD_VPC.replace('10.0.0.0/12', '10.1.0.0/16');
/** Control characters a terminal acts on: C0 except tab and newline, DEL, C1. */
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

/** A Service with `n` source ranges with host bits set: n warnings, no error (exit 0), about 150 bytes each in text. */
function manyWarnings(n: number): string {
  const ranges = Array.from({ length: n }, (_, i) => `    - 10.${(i >> 8) & 255}.${i & 255}.9/24`);
  return ['apiVersion: v1', 'kind: Service', 'metadata: {name: s}', 'spec:', '  loadBalancerSourceRanges:', ...ranges, ''].join('\n');
}

describe('eks-lens check: workspace text in the output', () => {
  it('writes control characters from values as visible escapes, one line per finding', () => {
    const dir = tree({ 'a.yaml': BAD_CIDR_VALUE });
    const r = run(['check', '--no-config', 'a.yaml'], { cwd: dir });
    assert.equal(r.status, 1);
    assert.doesNotMatch(r.stdout, RAW_CONTROL);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2, r.stdout);
    assert.match(lines[0], /^a\.yaml:5:9 {2}error {2}cidr-syntax {2}.*\\x1b\]52;c;aGVsbG8=\\x07\\x1b\[2J\\x9b31m\\u202e/);
  });

  it('keeps its own colours while escaping those of the workspace', () => {
    const finding = { code: 'cidr-syntax', severity: 'error' as const, message: `bad ${HOSTILE}`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
    const text = formatText([{ path: `x\n${HOSTILE}.yaml`, findings: [finding] }], true);
    const [line, summary] = text.split('\n');
    assert.equal(line, `x\\n\\x1b]52;c;aGVsbG8=\\x07\\x1b[2J\\x9b31m\\u202e.yaml:1:1  \x1b[31merror\x1b[0m  cidr-syntax  bad \\x1b]52;c;aGVsbG8=\\x07\\x1b[2J\\x9b31m\\u202e`);
    assert.match(summary, /^1 file checked/);
    assert.equal(visible('tab\tstays'), 'tab\tstays');
    assert.equal(visible('\r\n\x00\x7f\u2028'), '\\r\\n\\x00\\x7f\\u2028');
  });

  it('escapes a newline and other controls in file names, in text, JSON and SARIF', { skip: !POSIX && 'file names cannot hold newlines' }, () => {
    const name = 'two\nlines \x1b[2J#%.yaml';
    const dir = tree({ [name]: BAD_VPC });
    const text = run(['check', '--no-config', '.'], { cwd: dir });
    assert.equal(text.status, 1);
    assert.doesNotMatch(text.stdout, RAW_CONTROL);
    assert.deepEqual(
      text.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.slice(0, 30)),
      ['two\\nlines \\x1b[2J#%.yaml:5:9 ', '1 file checked: 1 error, 0 war'],
    );

    const json = run(['check', '--no-config', '--format', 'json', '.'], { cwd: dir });
    assert.doesNotMatch(json.stdout, RAW_CONTROL);
    assert.equal(JSON.parse(json.stdout).files[0].path, name);

    const sarif = run(['check', '--no-config', '--format', 'sarif', '.'], { cwd: dir });
    assert.doesNotMatch(sarif.stdout, RAW_CONTROL);
    const uri = JSON.parse(sarif.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    assert.equal(uri, 'two%0Alines%20%1B%5B2J%23%25.yaml');
    // Outside the working directory: an absolute file: URI, percent-encoded by pathToFileURL.
    const outside = run(['check', '--no-config', '--format', 'sarif', path.join(dir, name)], { cwd: tree({}) });
    const absolute = JSON.parse(outside.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    assert.equal(absolute, pathToFileURL(path.join(dir, name)).href);
    assert.match(absolute, /^file:\/\/.*two%0Alines%20%1B%5B2J%23%25\.yaml$/);
  });

  it('writes JSON and SARIF whose bytes hold no raw control character, and parse to the original text', () => {
    const dir = tree({ 'a.yaml': BAD_CIDR_VALUE });
    for (const format of ['json', 'sarif']) {
      const r = run(['check', '--no-config', '--format', format, 'a.yaml'], { cwd: dir });
      assert.equal(r.status, 1);
      assert.doesNotMatch(r.stdout, RAW_CONTROL, format);
      const parsed = JSON.parse(r.stdout);
      const message = format === 'json' ? parsed.files[0].diagnostics[0].message : parsed.runs[0].results[0].message.text;
      assert.ok(message.includes(HOSTILE), `${format}: the message keeps the value exactly`);
    }
    const json = JSON.stringify({ s: `a\x7f\x9b\u2028\u202eb` });
    assert.equal(terminalSafeJson(json), '{"s":"a\\u007f\\u009b\\u2028\\u202eb"}');
    assert.deepEqual(JSON.parse(terminalSafeJson(json)), JSON.parse(json));
  });

  it('escapes workspace text on standard error too', () => {
    const dir = tree({ '.eks-lens.yaml': `"bad\\e[2Jkey": 1\n`, 'a.yaml': CLEAN_VPC });
    const r = run(['check', 'a.yaml'], { cwd: dir });
    assert.equal(r.status, 0);
    assert.doesNotMatch(r.stderr, RAW_CONTROL);
    assert.match(r.stderr, /unknown key "bad\\x1b\[2Jkey"/);
  });

  it('prints a map without raw C1 controls from VPC names', () => {
    const template = JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: { ['Vpc\x9b2J']: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } } });
    const dir = tree({ 'vpc.json': template });
    const r = run(['map', '--no-config', 'vpc.json'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /<svg/);
    assert.doesNotMatch(r.stdout, /[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]/);
  });
});

describe('eks-lens: write errors', () => {
  it('ends quietly with the status of the check when the reader goes away (EPIPE)', async () => {
    const dir = tree({ 'svc.yaml': manyWarnings(3000) });
    const child = spawn(process.execPath, [CLI, 'check', '--no-config', 'svc.yaml'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const watchdog = setTimeout(() => child.kill('SIGKILL'), WATCHDOG_MS);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let received = 0;
    // Like `| head -c 1000`: read the first chunk, then close the pipe while output is still coming.
    child.stdout.once('data', (chunk: Buffer) => {
      received = chunk.length;
      child.stdout.destroy();
    });
    const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, sig) => resolve([code, sig])));
    clearTimeout(watchdog);
    assert.equal(signal, null, 'killed by the watchdog');
    assert.ok(received > 0 && received < 3000 * 100, `the pipe was closed before the end (read ${received} bytes)`);
    assert.equal(stderr, '');
    assert.equal(status, 0, 'warnings only: the status the check has');
  });

  it('exits 2 with one message when standard output is a full disk', { skip: !HAS_DEV_FULL && 'no /dev/full' }, () => {
    const dir = tree({ 'a.yaml': CLEAN_VPC });
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [
        ['check', '--no-config', 'a.yaml'],
        ['check', '--no-config', '--format', 'sarif', 'a.yaml'],
        ['map', '--no-config', 'a.yaml'],
      ]) {
        const r = run(args, { cwd: dir, stdio: ['ignore', full, 'pipe'] });
        assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
        assert.match(r.stderr, /^eks-lens: cannot write the output: ENOSPC: no space left on device, write\n$/, args.join(' '));
      }
    } finally {
      closeSync(full);
    }
    const map = run(['map', '--no-config', '--output', '/dev/full', 'a.yaml'], { cwd: dir });
    assert.equal(map.status, 2);
    assert.match(map.stderr, /^eks-lens: cannot write \/dev\/full: ENOSPC: no space left on device, write\n$/);
  });
});

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
    assert.match(config.stderr, /pipe\.yaml: is a named pipe \(FIFO\), not a regular file; it is not read/);
    const map = run(['map', '--no-config', 'pipe.yaml'], { cwd: dir });
    assert.equal(map.status, 2);
  });

  it('skips FIFOs found while walking a folder, and a FIFO named .eks-lens.yaml', { skip: !POSIX && 'no FIFOs' }, () => {
    const dir = tree({ 'k8s/a.yaml': CLEAN_VPC });
    mkfifo(path.join(dir, 'k8s', 'x.yaml'));
    mkfifo(path.join(dir, '.eks-lens.yaml'));
    const r = run(['check', '--format', 'json', '.'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(
      JSON.parse(r.stdout).files.map((f: { path: string }) => f.path),
      [path.join('k8s', 'a.yaml')],
    );
  });

  it('refuses devices named on the command line, but reads standard input as - and as /dev/stdin', { skip: !POSIX && 'no /dev' }, () => {
    const zero = run(['check', '--no-config', '/dev/zero']);
    assert.equal(zero.status, 2);
    assert.equal(zero.stderr, 'eks-lens: cannot read /dev/zero: it is a character device, not a regular file\n');
    for (const name of ['-', '/dev/stdin']) {
      const r = run(['check', '--no-config', '--format', 'json', name], { input: BAD_VPC });
      assert.equal(r.status, 1, `${name}: ${r.stderr}`);
      assert.equal(JSON.parse(r.stdout).files[0].diagnostics[0].code, 'vpc-cidr-prefix');
    }
  });

  it('does not read a file over the size limit, and says how large it is', () => {
    const dir = tree({});
    const huge = path.join(dir, 'huge.yaml');
    writeFileSync(huge, '');
    // 3 GiB, sparse where the file system allows: more than readFileSync or a string can hold, so
    // the check can only pass if the file is sized without being read.
    truncateSync(huge, 3 * 1024 ** 3);
    const r = run(['check', '--no-config', '--format', 'json', 'huge.yaml'], { cwd: dir });
    assert.equal(r.status, 0, r.stderr);
    const [finding] = JSON.parse(r.stdout).files[0].diagnostics;
    assert.equal(finding.code, 'not-checked');
    assert.match(finding.message, /the file is 3072\.0 MB, above the 5\.0 MB limit/);
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
