// Bundles every *.test.ts (beside the rules in server/src and under test/) with esbuild into
// out/test-<pid>/ (so that runs at the same time do not remove each other's files; removed at the
// end), then runs them with Node's test runner. Bundling lets tests import the ESM-only
// dependencies the same way the shipped bundles do.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
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

const entryPoints = roots.flatMap((root) => findTests(root)).sort();
const outdir = `out/test-${process.pid}`;
rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  entryPoints,
  outdir,
  outbase: '.',
  ...sharedOptions,
  sourcemap: 'inline',
  define: { __EKS_LENS_VERSION__: JSON.stringify('0.0.0-test') },
});
const files = entryPoints.map((p) => path.join(outdir, p.replace(/\.ts$/, '.js')));
const filter = process.argv.slice(2);
const selected = filter.length ? files.filter((f) => filter.some((s) => f.includes(s))) : files;
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...selected], { stdio: 'inherit' });
rmSync(outdir, { recursive: true, force: true });
process.exit(result.status ?? 1);
