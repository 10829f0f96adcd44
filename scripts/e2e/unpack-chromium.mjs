// Unpacks the headless Chromium shipped inside the npm package @sparticuz/chromium (a
// devDependency) into $TMPDIR, where the package puts it, and prints the binary's path. setup.sh
// points TMPDIR at a staging folder and renames that into the cache once the browser runs.
// Usage: TMPDIR=DIR node scripts/e2e/unpack-chromium.mjs EXPECTED_VERSION
import { readFileSync } from 'node:fs';

// The package's exports do not include its package.json: read it from the project's node_modules.
const { version } = JSON.parse(readFileSync(new URL('../../node_modules/@sparticuz/chromium/package.json', import.meta.url), 'utf8'));
const expected = process.argv[2];
if (expected && version !== expected) {
  console.error(`@sparticuz/chromium ${version} is installed, scripts/e2e/env.sh expects ${expected}: run npm ci, or update CHROMIUM_NPM_VERSION`);
  process.exit(1);
}
const { default: chromium } = await import('@sparticuz/chromium');
console.log(await chromium.executablePath());
