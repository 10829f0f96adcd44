// Rewrites the checker output quoted under each rule page's **Bad** example with what the built
// checker prints today (test/docs.test.ts fails when they differ). Run after `npm run build`:
//   node scripts/update-doc-examples.mjs [code…]    only the named pages; all pages by default
// Read the diff before committing: the output is the documentation.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CLI = path.resolve('dist/cli.js');
const only = process.argv.slice(2);

/** Offsets of the body of the first ```lang block at or after `from`. */
function block(page, from, lang) {
  const fence = page.indexOf('```' + lang + '\n', from);
  if (fence < 0) return undefined;
  const start = fence + lang.length + 4;
  return { start, end: page.indexOf('\n```', start) + 1 };
}

for (const name of readdirSync('docs/rules')
  .filter((f) => f.endsWith('.md'))
  .sort()) {
  const code = name.replace(/\.md$/, '');
  if (only.length && !only.includes(code)) continue;
  const file = path.join('docs/rules', name);
  const page = readFileSync(file, 'utf8');
  const at = page.indexOf('**Bad**');
  if (at < 0) continue;
  let yaml = block(page, at, 'yaml');
  let projectFile;
  if (yaml && page.slice(yaml.start).startsWith('# .eks-lens.yaml\n')) {
    projectFile = page.slice(yaml.start, yaml.end);
    yaml = block(page, yaml.end, 'yaml');
  }
  const text = block(page, at, 'text');
  if (!yaml || !text) continue;
  const quoted = page.slice(text.start, text.end);
  const target = quoted.slice(0, quoted.indexOf(':'));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'eks-lens-doc-'));
  try {
    mkdirSync(path.dirname(path.join(dir, target)), { recursive: true });
    writeFileSync(path.join(dir, target), page.slice(yaml.start, yaml.end));
    if (projectFile) writeFileSync(path.join(dir, '.eks-lens.yaml'), projectFile);
    const run = spawnSync(process.execPath, [CLI, 'check', target], { cwd: dir, encoding: 'utf8' });
    const lines = run.stdout.split('\n').filter((l) => l.startsWith(`${target}:`));
    const fresh = lines.join('\n') + '\n';
    if (fresh === quoted) continue;
    writeFileSync(file, page.slice(0, text.start) + fresh + page.slice(text.end));
    console.log(`updated ${file}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
