// npm run test:editor — every real-editor suite, one after the other (each runs even when one
// before it failed), then one summary line with the counts added up and the total time.
import { spawn } from 'node:child_process';
import { root } from './lib.mjs';

const suites = [
  'test:e2e', // VS Code UI driven in Chromium (code-server, the .vsix installed)
  'test:vscode', // the Mocha suite inside VS Code's extension host
  'test:nvim', // Neovim's built-in LSP client against the same server
];

const t0 = Date.now();
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
for (const suite of suites) {
  const t = Date.now();
  const { code, output } = await npmRun(suite);
  const m = [...output.matchAll(/^(?:\w+: )?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\b/gm)].at(-1);
  const skippedAll = /^skipped: /m.test(output) && !m;
  const counts = m ? { passed: +m[1], failed: +m[2], skipped: +(m[3] ?? 0) } : { passed: 0, failed: skippedAll ? 0 : 1, skipped: skippedAll ? 1 : 0 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  for (const k of Object.keys(totals)) totals[k] += counts[k];
  lines.push(`${suite}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}
console.log(`\n${lines.join('\n')}\ntest:editor took ${((Date.now() - t0) / 1000).toFixed(1)} s in all`);
console.log(`editor: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed ? 1 : 0);

function npmRun(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.on('close', (code) => resolve({ code, output }));
  });
}
