// Bundles the client, the server and the command-line checker with esbuild.
//   node scripts/build.mjs               development build (sourcemaps)
//   node scripts/build.mjs --production  minified, no sourcemaps (what the .vsix ships)
//   node scripts/build.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { sharedOptions } from './esbuild-options.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  ...sharedOptions,
  minify: production,
  sourcemap: production ? false : 'linked',
  define: { __EKS_LENS_VERSION__: JSON.stringify(version) },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('watching client/, server/ …');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  console.log(`built dist/ (${production ? 'production' : 'development'}, v${version})`);
}
