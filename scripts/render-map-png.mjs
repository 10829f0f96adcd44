// Renders an address-map SVG (from `eks-lens map --format svg`) to a PNG with headless chromium,
// for the README and the docs.
//   node scripts/render-map-png.mjs [IN.svg] [OUT.png]
// Defaults: /tmp/map.svg → docs/images/address-map.png. The browser is Debian's chromium
// (CHROMIUM_PATH overrides), driven by playwright-core as the editor tests do. Nothing is fetched:
// the SVG is loaded from a data URL and every other request is refused. The screenshot is then
// reduced to a 256-colour palette (the picture is flat colours and text), which keeps it small.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toPalettePng } from './png-palette.mjs';

const [input = '/tmp/map.svg', output = 'docs/images/address-map.png'] = process.argv.slice(2);
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  console.error(`render-map-png: no browser at ${chromiumPath} (install Debian's chromium, or set CHROMIUM_PATH)`);
  process.exit(2);
}
const svg = readFileSync(input, 'utf8');
const size = /<svg[^>]*\swidth="(\d+(?:\.\d+)?)"[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(svg);
if (!size) {
  console.error(`render-map-png: ${input} has no width and height on its <svg> element`);
  process.exit(2);
}
const width = Math.ceil(Number(size[1]));
const height = Math.ceil(Number(size[2]));

const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
  const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;background:#fff}</style></head><body>${svg.replace(/^<\?xml[^>]*>\s*/, '')}</body></html>`;
  await page.setContent(html, { waitUntil: 'load' });
  mkdirSync(path.dirname(output), { recursive: true });
  const shot = await page.locator('svg').first().screenshot({ type: 'png' });
  writeFileSync(output, toPalettePng(shot));
  console.log(`wrote ${output} (${width}×${height}, ${Math.round(statSync(output).size / 1024)} KB)`);
} finally {
  await browser.close();
}
