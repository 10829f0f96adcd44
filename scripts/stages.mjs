// Runs test stages one after the other, each even when one before it failed, streaming their
// output, and ends with a table of every stage's counts and time and one closing line with the
// counts added up ("all: N passed, N failed, N skipped"). The exit status is non-zero when any stage
// failed. Used by `npm test` (scripts/test-all.mjs) and `npm run test:editor`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The counts a stage printed: the last "N passed, N failed[, N skipped]" line (our scripts), or
 * node's test runner summary ("ℹ pass N", "ℹ fail N", "ℹ skipped N"); undefined when neither.
 */
export function countsOf(output) {
  const plain = [...output.matchAll(/^(?:[\w:-]+: )?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\b/gm)].at(-1);
  if (plain) return { passed: +plain[1], failed: +plain[2], skipped: +(plain[3] ?? 0) };
  const node = (key) => [...output.matchAll(new RegExp(`^ℹ ${key} (\\d+)$`, 'gm'))].at(-1)?.[1];
  if (node('pass') !== undefined) {
    return { passed: +node('pass'), failed: +(node('fail') ?? 0) + +(node('cancelled') ?? 0), skipped: +(node('skipped') ?? 0) + +(node('todo') ?? 0) };
  }
  return undefined;
}

/**
 * stages: [{ name, command: [cmd, ...args], counted?: boolean, skip?: string }]. A stage that is
 * not `counted` (build, type check) counts as one test: passed when it exits 0. A counted stage that
 * printed no counts, or exited non-zero with no failure counted, counts one failure.
 */
export async function runStages(title, stages) {
  const t0 = Date.now();
  const rows = [];
  for (const stage of stages) {
    const t = Date.now();
    let counts;
    let note = '';
    if (stage.skip) {
      counts = { passed: 0, failed: 0, skipped: 1 };
      note = `skipped: ${stage.skip}`;
      console.log(`\n=== ${stage.name}: ${note}`);
    } else {
      console.log(`\n=== ${stage.name}: ${stage.command.join(' ')}`);
      const { code, output } = await run(stage.command, stage.env);
      counts = stage.counted ? countsOf(output) : { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 };
      if (!counts) {
        counts = { passed: 0, failed: 1, skipped: 0 };
        note = `printed no test counts (exit ${code})`;
      } else if (code !== 0 && counts.failed === 0) {
        counts.failed = 1;
        note = `exited ${code}`;
      } else if (code === 0 && counts.failed > 0) {
        note = 'exited 0 with failures';
      }
    }
    rows.push({ name: stage.name, counts, note, seconds: (Date.now() - t) / 1000 });
  }
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const { counts } of rows) for (const k of Object.keys(total)) total[k] += counts[k];
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`\n${title}, stage by stage:`);
  for (const r of rows) {
    const mark = r.counts.failed ? '✖' : r.counts.passed ? '✔' : '-';
    console.log(`  ${mark} ${r.name.padEnd(width)}  ${r.counts.passed} passed, ${r.counts.failed} failed, ${r.counts.skipped} skipped  (${r.seconds.toFixed(1)} s)${r.note ? `  ${r.note}` : ''}`);
  }
  console.log(`${title} took ${((Date.now() - t0) / 1000).toFixed(1)} s in all`);
  console.log(`all: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return total.failed ? 1 : 0;
}

function run([cmd, ...args], env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
      if (output.length > 4_000_000) output = output.slice(-2_000_000);
    });
    child.on('error', (error) => {
      output += `\n${error.message}\n`;
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}
