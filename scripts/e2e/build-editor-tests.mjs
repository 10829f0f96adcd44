// Type-checks and bundles the in-editor suite (test/editor) into out/editor/: index.js (the
// `run()` entry VS Code loads as extensionTestsPath) and one *.test.js per suite file.
// `vscode` comes from the extension host, `mocha` from node_modules at run time.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedOptions } from '../esbuild-options.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const src = path.join(root, 'test/editor');
export const outDir = path.join(root, 'out/editor');

export async function buildEditorTests({ typecheck = true } = {}) {
  if (typecheck) {
    const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', src], { stdio: 'inherit' });
    if (tsc.status !== 0) throw new Error('test/editor does not type-check');
  }
  const entryPoints = readdirSync(src)
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => path.join(src, f));
  rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    ...sharedOptions,
    entryPoints,
    outdir: outDir,
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
  });
  return path.join(outDir, 'index.js');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`built ${await buildEditorTests()}`);
}
