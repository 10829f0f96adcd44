// npm run test:vscode — the in-editor Mocha suite (test/editor, bundled to out/editor) run inside
// a real VS Code extension host with the full `vscode` API, the extension loaded unpackaged.
// Where it runs, first that works:
//   1. VSCODE_EXECUTABLE is set: @vscode/test-electron's runTests with that VS Code (desktop);
//   2. the VS Code server bundled in code-server (installed into the cache by
//      scripts/e2e/setup.sh): server-main.js --enable-smoke-test-driver, opened in headless
//      Chromium with the test payload (extensionDevelopmentPath, extensionTestsPath); the
//      workbench reports the end through window.codeAutomationExit;
//   3. @vscode/test-electron downloads VS Code (needs internet), then runTests.
// If none is possible the suite fails (a missing editor is not a pass); it is skipped only when
// the user asks for it with EKS_LENS_SKIP_EDITOR=1.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { buildEditorTests } from './build-editor-tests.mjs';
import { finishRun, freePort, launchBrowser, log, newRun, root, run, setup, startServer, stopServer, tools, withCleanup } from './lib.mjs';

const t0 = Date.now();
if (process.env.EKS_LENS_SKIP_EDITOR && process.env.EKS_LENS_SKIP_EDITOR !== '0') {
  console.log('skipped: EKS_LENS_SKIP_EDITOR is set\nvscode: 0 passed, 0 failed, 1 skipped');
  process.exit(0);
}
// A watchdog for a suite that never reports: each test's own waits have long ceilings of their own.
const TIMEOUT_MS = Number(process.env.EKS_LENS_EDITOR_TEST_TIMEOUT_MS ?? 1_800_000);

run('npm', ['run', '--silent', 'build']);
const testsPath = await buildEditorTests();
log(`built ${path.relative(root, testsPath)}`);

let where;
let exitCode;
let r;
try {
  if (process.env.VSCODE_EXECUTABLE) {
    r = newRun('host');
    where = `VS Code desktop at ${process.env.VSCODE_EXECUTABLE} (@vscode/test-electron)`;
    exitCode = await inElectron(process.env.VSCODE_EXECUTABLE);
  } else if (setup()) {
    r = newRun('host');
    where = `the VS Code ${tools.vscodeVersion} server bundled in code-server ${tools.codeServerVersion} (remote extension host on Node 24, workbench in headless Chromium)`;
    exitCode = await inServer();
  } else {
    log('the cached VS Code server is not available; trying @vscode/test-electron’s download');
    const executable = await download();
    if (executable) {
      r = newRun('host');
      where = `VS Code downloaded by @vscode/test-electron (${executable})`;
      exitCode = await inElectron(executable);
    }
  }
} catch (e) {
  log(`ERROR ${e.stack ?? e}`);
  exitCode = exitCode ?? 1;
}

if (!where) {
  console.log('no VS Code available: no VSCODE_EXECUTABLE, scripts/e2e/setup.sh failed (see above) and @vscode/test-electron could not download one');
  console.log('(to leave the editor suites out on purpose: EKS_LENS_SKIP_EDITOR=1)');
  console.log('vscode: 0 passed, 1 failed');
  process.exit(1);
}

const resultsFile = r && path.join(r.dir, 'results.json');
const results = resultsFile && existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : undefined;
console.log(`\ntest:vscode ran in ${where}; ${((Date.now() - t0) / 1000).toFixed(1)} s in all`);
if (results) {
  for (const f of results.failures ?? []) console.log(`FAILED ${f.title}: ${f.error.split('\n')[0]}`);
  const failed = results.failed + (exitCode !== 0 && results.failed === 0 ? 1 : 0);
  console.log(`vscode: ${results.passed} passed, ${failed} failed, ${results.skipped} skipped`);
  finishRun(r, !failed);
  process.exit(failed ? 1 : 0);
}
console.log(`the suite did not report its results (exit code ${exitCode}); logs in ${r?.dir}`);
finishRun(r, false);
console.log('vscode: 0 passed, 1 failed');
process.exit(1);

// -------------------------------------------------------------------------------------------------

/** The suite in the VS Code server (the payload hooks of --enable-smoke-test-driver). */
async function inServer() {
  r.env.EKS_LENS_TEST_RESULTS = path.join(r.dir, 'results.json');
  let server;
  let context;
  const cleanup = withCleanup(async () => {
    await context?.close().catch(() => {});
    await stopServer(server);
  });
  try {
    server = await startServer(r, 'vscode-server', await freePort());
    context = await launchBrowser(r);
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => log('page error:', e.message));
    const exited = new Promise((resolve) => {
      // The workbench forwards its log lines here, the extension host's console among them.
      // VERBOSE=1 prints them; the suite's own report is printed from its log file below.
      page.exposeFunction('codeAutomationLog', (type, args) => {
        if (process.env.VERBOSE) console.log(`[${type}] ${util.format(...args).replace(/%c/g, '')}`);
      });
      page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(root)],
      ['extensionTestsPath', remote(testsPath)],
    ];
    await page.goto(`${server.url}/?folder=${encodeURIComponent(r.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    log(`workbench loading; the suite runs in the extension host (timeout ${TIMEOUT_MS / 1000} s)`);
    let timer;
    const code = await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS)))]);
    clearTimeout(timer);
    if (code === 'timeout') {
      log(`TIMEOUT: the suite did not finish in ${TIMEOUT_MS / 1000} s; server log ${server.logFile}`);
      return 1;
    }
    log(`codeAutomationExit(${code})`);
    return code;
  } finally {
    await cleanup();
    const report = path.join(r.dir, 'results.log');
    if (existsSync(report)) process.stdout.write(readFileSync(report, 'utf8'));
  }
}

/** The suite in desktop VS Code through @vscode/test-electron (needs a display on Linux). */
async function inElectron(vscodeExecutablePath) {
  const { runTests } = await import('@vscode/test-electron');
  const resultsFile = path.join(r.dir, 'results.json');
  rmSync(resultsFile, { force: true });
  try {
    return await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: root,
      extensionTestsPath: testsPath,
      extensionTestsEnv: { EKS_LENS_TEST_RESULTS: resultsFile },
      launchArgs: [r.workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--user-data-dir', r.userData, '--extensions-dir', r.extensions],
    });
  } catch (e) {
    log(`runTests: ${e.message ?? e}`);
    return 1;
  }
}

/** VS Code from @vscode/test-electron's download (cached beside the other tools), or undefined. */
async function download() {
  try {
    const { downloadAndUnzipVSCode } = await import('@vscode/test-electron');
    return await downloadAndUnzipVSCode({ version: 'stable', cachePath: path.join(tools.home, 'vscode-test'), timeout: 30_000 });
  } catch (e) {
    log(`download failed: ${String(e.message ?? e).split('\n')[0]}`);
    return undefined;
  }
}
