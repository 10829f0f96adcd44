// esbuild options shared by the shipped bundles and the test bundles, so tests run the same code.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export const sharedOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  legalComments: 'none',
  alias: {
    // The yaml package's Node build reads process.env on every token (a debug switch), which costs
    // about a fifth of parse time; its browser build is the same parser without that check.
    yaml: path.join(path.dirname(require.resolve('yaml/package.json')), 'browser', 'index.js'),
  },
};
