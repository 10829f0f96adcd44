// Bundles the client, the server and the command-line checker with esbuild.
//   node scripts/build.mjs               development build (sourcemaps)
//   node scripts/build.mjs --production  minified, no sourcemaps (what the .vsix ships)
//   node scripts/build.mjs --watch       rebuild on change
// Every build also writes dist/ThirdPartyNotices.txt: the licences of the npm packages bundled.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync } from 'node:fs';
import { sharedOptions } from './esbuild-options.mjs';
import { writeNotices } from './notices.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version, displayName } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const NOTICES = 'dist/ThirdPartyNotices.txt';

// Each bundle's metafile, kept so that a rebuild of one bundle (in watch mode) rewrites the notices
// with what all three hold now. esbuild's legal comments stay off ('none'): the notices carry each
// package's whole licence file and any legal comment in its bundled sources.
const metafiles = new Map();
const notices = (outfile) => ({
  name: 'third-party-notices',
  setup(build) {
    build.onEnd((result) => {
      if (!result.metafile) return;
      metafiles.set(outfile, result.metafile);
      if (metafiles.size === builds.length) {
        mkdirSync('dist', { recursive: true });
        writeNotices([...metafiles.values()], NOTICES, displayName);
      }
    });
  },
});

const common = {
  ...sharedOptions,
  minify: production,
  sourcemap: production ? false : 'linked',
  define: { __EKS_LENS_VERSION__: JSON.stringify(version) },
  metafile: true,
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
].map((options) => ({ ...options, plugins: [notices(options.outfile)] }));

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('watching client/, server/ …');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  console.log(`built dist/ (${production ? 'production' : 'development'}, v${version})`);
}
