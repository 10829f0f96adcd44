// npm run test:e2e — the extension in a real VS Code (code-server), driven through its UI.
//   1. installs what is missing into the cache (scripts/e2e/setup.sh);
//   2. builds and packages the .vsix (npm run build, npm run package);
//   3. starts an isolated code-server on a free 127.0.0.1 port, installs the .vsix into a fresh
//      extensions dir, opens a fresh copy of test/e2e/workspace;
//   4. drives the workbench with playwright-core + Debian chromium (scripts/e2e/ui-driver.mjs);
//   5. prints "N passed, N failed, N skipped" and exits non-zero on a failure.
// Screenshots go to test-results/e2e/. The README's pictures, docs/images/eks-lens-in-vscode.png
// and docs/images/address-map-vscode.png, are written when missing or with --update-screenshot
// (so a run leaves the tree clean).
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { toPalettePng } from '../png-palette.mjs';
import path from 'node:path';
import { codeServerCli, finishRun, freePort, launchBrowser, log, newRun, root, run, setup, startServer, stopServer, tools, withCleanup } from './lib.mjs';
import { driveUi } from './ui-driver.mjs';

const t0 = Date.now();
if (process.env.EKS_LENS_SKIP_EDITOR && process.env.EKS_LENS_SKIP_EDITOR !== '0') {
  console.log('skipped: EKS_LENS_SKIP_EDITOR is set\ne2e: 0 passed, 0 failed, 1 skipped');
  process.exit(0);
}
const outDir = path.join(root, 'test-results/e2e');
const readmeShot = path.join(root, 'docs/images/eks-lens-in-vscode.png');
const mapReadmeShot = path.join(root, 'docs/images/address-map-vscode.png');
const update = process.argv.includes('--update-screenshot');

let server;
let context;
const cleanup = withCleanup(async () => {
  await context?.close().catch(() => {});
  await stopServer(server);
});

let results = [];
let fatal;
let r;
let menuShot;
let mapShot;
try {
  if (!setup()) throw new Error('setup failed (see above)');
  run('npm', ['run', '--silent', 'build']);
  run('npm', ['run', '--silent', 'package']);
  const { name, version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const vsix = path.join(root, `${name}-${version}.vsix`);

  r = newRun('ui');
  log(`run state in ${r.dir}`);
  const installed = codeServerCli(r, ['--install-extension', vsix]);
  if (installed.status !== 0 || !/successfully installed/i.test(installed.stdout + installed.stderr)) {
    throw new Error(`installing ${vsix} failed:\n${installed.stdout}${installed.stderr}`);
  }
  log(`installed ${path.basename(vsix)} into ${r.extensions}`);

  server = await startServer(r, 'code-server', await freePort());
  context = await launchBrowser(r);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  ({ results, menuShot, mapShot } = await driveUi({ context, url: `${server.url}/?folder=${encodeURIComponent(r.workspace)}`, workspace: r.workspace, outDir }));
} catch (e) {
  fatal = e;
  log(`ERROR ${e.message}`);
} finally {
  await cleanup();
}

const count = (s) => results.filter((x) => x.status === s).length;
const failed = count('failed') + (fatal ? 1 : 0);

// The README's picture: the hover on a squiggled CIDR (finding + address facts, Problems panel
// open), else the quick-fix menu; docs/images is only written from a run where every step passed.
const best = results.find((x) => x.status === 'passed' && /squiggled subnet CIDR/.test(x.name))?.screenshot ?? menuShot;
if (best) copyFileSync(best, path.join(outDir, 'eks-lens-in-vscode.png'));
// The address map beside the editor, after a click on a subnet opened its line.
for (const [shot, target] of [
  [best, readmeShot],
  [mapShot, mapReadmeShot],
]) {
  if (!shot || failed || !(update || !existsSync(target))) continue;
  mkdirSync(path.dirname(target), { recursive: true });
  // Reduced to a palette: the pictures ship in the .vsix, which has a size budget.
  writeFileSync(target, toPalettePng(readFileSync(shot)));
  log(`README screenshot: ${path.relative(root, target)} (${Math.round(statSync(target).size / 1024)} KB)`);
}

console.log(
  `\ntest:e2e ran in code-server ${tools.codeServerVersion} (VS Code ${tools.vscodeVersion}, the .vsix installed), driven in headless Chromium: screenshots in ${path.relative(root, outDir)}/, ${((Date.now() - t0) / 1000).toFixed(1)} s in all`,
);
console.log(`e2e: ${count('passed')} passed, ${failed} failed, ${count('skipped')} skipped`);
finishRun(r, !failed);
process.exit(failed ? 1 : 0);
