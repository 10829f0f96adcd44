// Bundles the *.test.ts files (beside the rules in server/src and under test/) with esbuild into
// out/test-<pid>/ (so that runs at the same time do not remove each other's files; removed at the
// end), then runs them with Node's test runner. Bundling lets tests import the ESM-only
// dependencies the same way the shipped bundles do.
//
// `node scripts/test.mjs <substring>…` runs only the files whose bundled path (out/test-<pid>/…/x.test.js)
// contains one of the substrings, and bundles only those (one esbuild call for all of them); a
// filter that matches no file fails rather than running everything.
//
// Tests must leave no files behind. The run gets a temporary folder of its own (TMPDIR, which
// os.tmpdir() and the processes the tests start honour), inside the system's and outside any
// repository (tests of the project-file search build trees with and without .git there); after the
// run that folder must be empty, and the system's temporary folder must hold no other eks-lens file
// or folder that was not there before. Anything left is listed and fails the run.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sharedOptions } from './esbuild-options.mjs';

const roots = ['server/src', 'test'];
const skip = new Set(['node_modules', 'editor']);

function findTests(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip.has(entry.name)) findTests(full, out);
    } else if (entry.name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

const allTests = roots.flatMap((root) => findTests(root)).sort();
const outdir = path.resolve(`out/test-${process.pid}`);
const bundled = (p) => path.join(outdir, p.replace(/\.ts$/, '.js'));
// The filter is matched against the path each file's bundle will have, as before bundling was
// limited to the files that run.
const filter = process.argv.slice(2);
const entryPoints = filter.length ? allTests.filter((p) => filter.some((s) => bundled(p).includes(s))) : allTests;
if (entryPoints.length === 0) {
  console.error(`✖ no test file matches ${filter.map((s) => JSON.stringify(s)).join(' or ')} (matched against paths such as ${bundled(allTests[0])})`);
  process.exit(1);
}
rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints,
  outdir,
  outbase: '.',
  ...sharedOptions,
  sourcemap: 'inline',
  define: { __EKS_LENS_VERSION__: JSON.stringify('0.0.0-test') },
});
const selected = entryPoints.map(bundled);

const systemTmp = os.tmpdir();
const ours = (name) => /^eks-lens/i.test(name);
const before = new Set(readdirSync(systemTmp).filter(ours));
const tmp = mkdtempSync(path.join(systemTmp, 'eks-lens-test-run-'));
const env = { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp };
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...selected], { stdio: 'inherit', env });

const leftInRun = readdirSync(tmp);
// Other runs' own folders (another checkout testing at the same time) are theirs to check.
const leftInSystem = readdirSync(systemTmp).filter((name) => ours(name) && !before.has(name) && !name.startsWith('eks-lens-test-run-'));
const left = [...leftInRun.map((n) => path.join(tmp, n)), ...leftInSystem.map((n) => path.join(systemTmp, n))];
if (left.length) {
  console.log(`\n✖ the tests left ${left.length} file(s) or folder(s) in temporary folders (every test must remove what it creates):`);
  for (const f of left.slice(0, 20)) console.log(`  ${f}`);
  if (left.length > 20) console.log(`  … and ${left.length - 20} more`);
} else {
  console.log(`\n✔ the tests left their temporary folder empty and added nothing to ${systemTmp}`);
}
rmSync(outdir, { recursive: true, force: true });
rmSync(tmp, { recursive: true, force: true });
process.exit(result.status === 0 && left.length === 0 ? 0 : result.status || 1);
