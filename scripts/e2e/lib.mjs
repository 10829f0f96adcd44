// Shared by the real-editor test runners: the cached tools (scripts/e2e/setup.sh installs them),
// isolated per-run state, a free port, starting and stopping a VS Code server, the browser.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const here = path.join(root, 'scripts/e2e');

/** The values scripts/e2e/env.sh defines (the one place the versions and cache paths are set). */
export const tools = (() => {
  const out = spawnSync('bash', ['-c', `source "${here}/env.sh" && printf '%s\\n' "$E2E_HOME" "$NODE24_DIR" "$CODE_SERVER_ENTRY" "$VSCODE_SERVER_MAIN" "$CODE_SERVER_VERSION" "$CHROMIUM_BIN"`], {
    encoding: 'utf8',
  });
  if (out.status !== 0) throw new Error(`scripts/e2e/env.sh failed: ${out.stderr}`);
  const [home, node24Dir, codeServerEntry, vscodeServerMain, codeServerVersion, chromium] = out.stdout.trim().split('\n');
  return {
    home,
    node24: path.join(node24Dir, 'bin/node'),
    codeServerEntry,
    vscodeServerMain,
    codeServerVersion,
    /** Chromium unpacked from the npm package @sparticuz/chromium. */
    chromium,
    /** The VS Code version inside code-server (known once setup has installed it). */
    get vscodeVersion() {
      try {
        return JSON.parse(readFileSync(path.join(path.dirname(path.dirname(vscodeServerMain)), 'package.json'), 'utf8')).version;
      } catch {
        return '?';
      }
    },
  };
})();

/** The browser: CHROMIUM_PATH when set (e.g. /usr/bin/chromium), else the one setup.sh unpacked from npm. */
export const chromiumPath = process.env.CHROMIUM_PATH || tools.chromium;

const started = Date.now();
export function log(...args) {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s]`, ...args);
}

/** Runs scripts/e2e/setup.sh (every step is skipped when already done). True when it succeeded. */
export function setup() {
  const t = Date.now();
  const r = spawnSync('bash', [path.join(here, 'setup.sh')], { stdio: 'inherit' });
  log(`setup ${r.status === 0 ? 'done' : 'FAILED'} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return r.status === 0;
}

export function run(cmd, args, options = {}) {
  const t = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
  log(`${cmd} ${args.join(' ')}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  'workbench.layoutControl.enabled': false,
};

/** True while process `pid` lives. */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/**
 * A fresh folder for one run under $E2E_HOME/runs: its own HOME, XDG dirs and TMPDIR, user-data,
 * extensions and server-data dirs, and a copy of the fixture workspace (tests may edit it).
 * `finishRun` removes it when the run passed; failed runs are kept for looking into, the newest two
 * of each kind. A run still in use by another checkout (its owner process lives) is never removed.
 */
export function newRun(kind) {
  const runs = path.join(tools.home, 'runs');
  mkdirSync(runs, { recursive: true });
  const owner = (dir) => Number(readFileSync(path.join(dir, 'owner.pid'), 'utf8'));
  const old = readdirSync(runs)
    .filter((d) => d.startsWith(`${kind}-`))
    .map((d) => path.join(runs, d))
    .filter((dir) => {
      try {
        return !alive(owner(dir));
      } catch {
        return true; // no owner file: a run of an older script, or one that never started
      }
    })
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
  for (const dir of old.slice(0, Math.max(0, old.length - 2))) rmSync(dir, { recursive: true, force: true });
  // Short: Chromium and VS Code put Unix sockets under TMPDIR, whose paths may not exceed 107 bytes.
  const dir = path.join(runs, `${kind}-${Date.now().toString(36)}${process.pid.toString(36)}`);
  const r = {
    dir,
    home: path.join(dir, 'home'),
    tmp: path.join(dir, 'tmp'),
    userData: path.join(dir, 'user-data'),
    extensions: path.join(dir, 'extensions'),
    serverData: path.join(dir, 'server-data'),
    workspace: path.join(dir, 'workspace'),
    profile: path.join(dir, 'chromium-profile'),
  };
  for (const d of [r.home, r.tmp, r.userData, r.extensions, r.serverData, r.profile]) mkdirSync(d, { recursive: true });
  writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
  mkdirSync(path.join(r.userData, 'User'), { recursive: true });
  writeFileSync(path.join(r.userData, 'User/settings.json'), JSON.stringify(quietSettings, null, 2));
  cpSync(path.join(root, 'test/e2e/workspace'), r.workspace, { recursive: true });
  r.env = {
    ...process.env,
    HOME: r.home,
    XDG_CONFIG_HOME: path.join(r.home, '.config'),
    XDG_DATA_HOME: path.join(r.home, '.local/share'),
    XDG_CACHE_HOME: path.join(r.home, '.cache'),
    XDG_STATE_HOME: path.join(r.home, '.local/state'),
    XDG_RUNTIME_DIR: path.join(dir, 'runtime'),
    TMPDIR: r.tmp,
    PATH: `${path.dirname(tools.node24)}:${process.env.PATH}`,
    // No extension gallery: the tests install nothing from it, and this keeps the workbench from
    // reaching for one (code-server's build reads this variable in place of its product.json).
    EXTENSIONS_GALLERY: '{}',
    // Every process started for this run carries the tag, so stopServer finds stragglers.
    EKS_LENS_E2E_RUN: dir,
  };
  delete r.env.npm_config_nodedir;
  mkdirSync(r.env.XDG_RUNTIME_DIR, { recursive: true, mode: 0o700 });
  return r;
}

/** Removes a run's folder when it passed (a failed run's logs stay for looking into). */
export function finishRun(r, passed) {
  if (!r) return;
  if (passed) rmSync(r.dir, { recursive: true, force: true });
  else log(`run state kept for looking into: ${r.dir}`);
}

/** code-server's own command line (install an extension, print its version). */
export function codeServerCli(r, args) {
  return spawnSync(tools.node24, [tools.codeServerEntry, '--config', path.join(r.dir, 'config.yaml'), '--user-data-dir', r.userData, '--extensions-dir', r.extensions, ...args], {
    env: r.env,
    encoding: 'utf8',
    timeout: 600_000,
  });
}

/**
 * Starts `code-server` (kind 'code-server': the product, with an installed .vsix) or the plain
 * VS Code server bundled in it (kind 'vscode-server': accepts --enable-smoke-test-driver, which
 * the test payload needs) on 127.0.0.1:port, and resolves once it answers HTTP.
 */
export async function startServer(r, kind, port, timeoutMs = 300_000) {
  const args =
    kind === 'code-server'
      ? [
          tools.codeServerEntry,
          '--config',
          path.join(r.dir, 'config.yaml'),
          '--user-data-dir',
          r.userData,
          '--extensions-dir',
          r.extensions,
          '--bind-addr',
          `127.0.0.1:${port}`,
          '--auth',
          'none',
          '--disable-telemetry',
          '--disable-update-check',
          '--disable-workspace-trust',
          '--disable-getting-started-override',
          '--ignore-last-opened',
        ]
      : [
          tools.vscodeServerMain,
          '--host',
          '127.0.0.1',
          '--port',
          String(port),
          '--without-connection-token',
          '--accept-server-license-terms',
          '--user-data-dir',
          r.userData,
          '--server-data-dir',
          r.serverData,
          '--extensions-dir',
          r.extensions,
          '--disable-telemetry',
          '--disable-workspace-trust',
          '--enable-smoke-test-driver',
        ];
  const logFile = path.join(r.dir, `${kind}.log`);
  const { openSync } = await import('node:fs');
  const fd = openSync(logFile, 'a');
  // Its own process group, so stopServer can signal the server and what it spawned at once.
  const child = spawn(tools.node24, args, { env: r.env, detached: true, stdio: ['ignore', fd, fd] });
  const server = { child, kind, port, logFile, url: `http://127.0.0.1:${port}`, run: r };
  const probe = kind === 'code-server' ? '/healthz' : '/';
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${kind} exited with ${child.exitCode}:\n${tail(logFile)}`);
    try {
      const res = await fetch(server.url + probe, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      await stopServer(server);
      throw new Error(`${kind} did not answer on ${server.url} within ${timeoutMs / 1000} s:\n${tail(logFile)}`);
    }
    await sleep(250);
  }
  log(`${kind} (code-server ${tools.codeServerVersion}, VS Code ${tools.vscodeVersion}) up on ${server.url} (pid ${child.pid})`);
  return server;
}

/** The pids of live processes started for run `r` (tagged through their environment). */
function taggedPids(r) {
  const tag = `EKS_LENS_E2E_RUN=${r.dir}\0`;
  const out = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'latin1').includes(tag)) out.push(Number(pid));
    } catch {}
  }
  return out;
}

/**
 * SIGTERM to the server's process group, then waits (20 s at most) for every process of the run
 * (extension host, language server, watchers) to be gone; SIGKILL for those still there.
 */
export async function stopServer(server) {
  if (!server) return;
  const { child, run: r } = server;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {}
  const deadline = Date.now() + 20_000;
  let left = taggedPids(r);
  while (left.length && Date.now() < deadline) {
    await sleep(250);
    left = taggedPids(r);
  }
  for (const pid of left) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
  }
  if (left.length) log(`stopped ${server.kind}; killed ${left.length} process(es) still running after 20 s`);
  else log(`stopped ${server.kind}`);
}

/** Debian's chromium through playwright-core, headless, with the run's own profile and HOME. */
export async function launchBrowser(r, viewport = { width: 1280, height: 800 }) {
  const { chromium } = await import('playwright-core');
  if (!existsSync(chromiumPath)) throw new Error(`no browser at ${chromiumPath} (scripts/e2e/setup.sh unpacks one from the npm package @sparticuz/chromium)`);
  return chromium.launchPersistentContext(r.profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport,
    env: r.env,
  });
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Runs `cleanup` once, on normal exit of `main`, on SIGINT/SIGTERM, or when the whole run takes
 * longer than EKS_LENS_E2E_DEADLINE_S (default 2,700 s, a watchdog for hangs: a first run installs
 * the tools, and a loaded machine is slow; then it fails).
 */
export function withCleanup(cleanup) {
  let done = false;
  const once = async () => {
    if (done) return;
    done = true;
    await cleanup();
  };
  const deadline = Number(process.env.EKS_LENS_E2E_DEADLINE_S ?? 2_700);
  setTimeout(
    async () => {
      console.error(`\nthe run took longer than ${deadline} s: stopping`);
      await once();
      console.log('0 passed, 1 failed');
      process.exit(1);
    },
    Math.max(0, deadline * 1000 - (Date.now() - started)),
  ).unref();
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, async () => {
      console.error(`\n${sig}: stopping`);
      await once();
      process.exit(130);
    });
  }
  return once;
}
