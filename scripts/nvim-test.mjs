// npm run test:nvim — the language server in a second real editor. For each fixture in
// test/nvim/fixtures, a headless Neovim starts `node dist/server.js --stdio` as its own LSP client
// (test/nvim/lsp-check.lua) and its diagnostics must be exactly what `dist/cli.js check --format
// json` reports for the same file: codes, severities, ranges and messages. Hovers and code
// actions are checked too. Needs dist/ built (the npm script builds first) and `nvim` on PATH:
// when it is missing and apt-get can be used (root), Debian's neovim package is installed.
// EKS_LENS_NVIM=/path/to/nvim picks another Neovim (0.8+ goes through vim.lsp.start instead).
// Prints "N passed, N failed"; exits 1 when anything failed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const server = path.join(root, 'dist', 'server.js');
const cli = path.join(root, 'dist', 'cli.js');
const lua = path.join(root, 'test', 'nvim', 'lsp-check.lua');
const fixtures = path.join(root, 'test', 'nvim', 'fixtures');

const standardActions = (code, { suppress = true } = {}) => [...(suppress ? [`Disable ${code} for this line`] : []), `Show documentation for ${code}`];

// What to ask Neovim for besides diagnostics. `hover`: target text (hovered in its middle) →
// pattern the hover must match; `actions`: code → titles that must be offered for each finding;
// `apply`: the title (its start) of a quick fix to apply, and the codes the file must have left;
// `settings`: eksLens settings Neovim sends (the checker gets the same as `checkerArgs`).
const CASES = [
  {
    fixture: 'eksctl-host-bits.yaml',
    filetype: 'yaml',
    hover: { '10.0.0.0/16': /65,536 addresses/, managedNodeGroups: /^\*\*EKS managed node groups\*\*/ },
    actions: { 'cidr-host-bits': ['Replace with 10.0.1.0/24', ...standardActions('cidr-host-bits')] },
    apply: { title: 'Replace with 10.0.1.0/24', left: [] },
  },
  {
    fixture: 'eksctl-host-bits.yaml',
    label: 'eksctl-host-bits.yaml with eksLens.rules set in Neovim',
    filetype: 'yaml',
    settings: { rules: { 'cidr-host-bits': 'warning' } },
    checkerArgs: ['--rule', 'cidr-host-bits=warning'],
    severities: { 'cidr-host-bits': 2 },
  },
  {
    fixture: 'k8s-manifest.yaml',
    filetype: 'yaml',
    hover: { 'kind: PodDisruptionBudget': /^\*\*PodDisruptionBudget — how many pods may be evicted/, minAvailable: /^\*\*minAvailable — / },
    actions: {
      'k8s-pdb-blocks-eviction': standardActions('k8s-pdb-blocks-eviction'),
      'k8s-removed-api': [/^Migrate Ingress to networking\.k8s\.io\/v1/, ...standardActions('k8s-removed-api')],
    },
    apply: { title: 'Migrate Ingress to networking.k8s.io/v1', left: ['k8s-pdb-blocks-eviction'] },
  },
  // JSON has no comments, so no "Disable … for this line" there.
  {
    fixture: 'cfn-subnets.json',
    filetype: 'json',
    hover: { '10.20.0.0/16': /65,536 addresses/, '10.20.8.0/21': /2,048 addresses/, 'AWS::EC2::Subnet': /^\*\*Subnet — a slice of the VPC/ },
    actions: { 'subnet-overlap': [/^Move subnet Subnet[AB] to 10\.20\.16\.0\/2[01]/, ...standardActions('subnet-overlap', { suppress: false })] },
    apply: { title: 'Move subnet SubnetB to ', left: [] },
  },
];

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 };

function which(command) {
  const r = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Neovim: EKS_LENS_NVIM, else `nvim` on PATH, else Debian's package through scripts/e2e/setup.sh (under its lock). */
function ensureNvim() {
  if (process.env.EKS_LENS_NVIM) return process.env.EKS_LENS_NVIM;
  const found = which('nvim');
  if (found) return found;
  console.log('nvim not found: installing Debian neovim (scripts/e2e/setup.sh --only-debian neovim)');
  const setup = spawnSync('bash', [path.join(root, 'scripts/e2e/setup.sh'), '--only-debian', 'neovim'], { stdio: 'inherit' });
  if (setup.status !== 0) {
    console.log('nvim is not installed and could not be installed (Debian/Ubuntu: apt-get install neovim, as root), or set EKS_LENS_NVIM');
    console.log('Neovim: 0 passed, 1 failed');
    process.exit(1);
  }
  return which('nvim') ?? (console.log('nvim still not on PATH after installing\nNeovim: 0 passed, 1 failed'), process.exit(1));
}

for (const file of [server, cli]) {
  if (!existsSync(file)) {
    console.error(`${path.relative(root, file)} is missing: run npm run build (npm run test:nvim does)`);
    process.exit(2);
  }
}
if (process.env.EKS_LENS_SKIP_EDITOR && process.env.EKS_LENS_SKIP_EDITOR !== '0') {
  console.log('skipped: EKS_LENS_SKIP_EDITOR is set\nNeovim: 0 passed, 0 failed, 1 skipped');
  process.exit(0);
}
const nvim = ensureNvim();
const version = spawnSync(nvim, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
console.log(`${version} (${nvim}), server ${path.relative(root, server)}`);

const work = mkdtempSync(path.join(tmpdir(), 'eks-lens-nvim-'));
let passed = 0;
let failed = 0;

function check(name, fn) {
  try {
    fn();
    passed++;
    console.log(`  ✔ ${name}`);
  } catch (error) {
    failed++;
    console.log(`  ✖ ${name}\n    ${String(error?.message ?? error).replace(/\n/g, '\n    ')}`);
  }
}

const started = Date.now();
const unused = readdirSync(fixtures).filter((name) => !CASES.some((c) => c.fixture === name));
if (unused.length) check('every fixture has a case', () => assert.fail(`add ${unused.join(', ')} to CASES in scripts/nvim-test.mjs`));
for (const [index, spec] of CASES.entries()) {
  const name = spec.fixture;
  const checkerArgs = spec.checkerArgs ?? [];
  console.log(spec.label ?? name);
  // Each case in a folder of its own: Neovim's root_dir becomes the server's workspace folder,
  // and nothing else there (no .eks-lens.yaml, no other file for cross-file checks) changes the result.
  const dir = path.join(work, `${index + 1}-${path.parse(name).name}`);
  const home = path.join(dir, '.nvim-home');
  mkdirSync(home, { recursive: true });
  const file = path.join(dir, name);
  copyFileSync(path.join(fixtures, name), file);

  const cliRun = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--no-config', ...checkerArgs, file], { encoding: 'utf8' });
  const expected = JSON.parse(cliRun.stdout || '{"files":[]}').files[0]?.diagnostics ?? [];

  const out = path.join(dir, 'nvim-result.json');
  const nvimRun = spawnSync(nvim, ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${lua}`, file], {
    cwd: dir,
    encoding: 'utf8',
    // A hang watchdog, not a speed limit: the script's own waits end long before this.
    timeout: 600_000,
    env: {
      ...process.env,
      // Neovim's own state (lsp.log among it) stays in the scratch folder.
      XDG_CONFIG_HOME: path.join(home, 'config'),
      XDG_DATA_HOME: path.join(home, 'data'),
      XDG_STATE_HOME: path.join(home, 'state'),
      XDG_CACHE_HOME: path.join(home, 'cache'),
      EKS_LENS_SERVER: server,
      EKS_LENS_NODE: process.execPath,
      EKS_LENS_OUT: out,
      EKS_LENS_HOVER: JSON.stringify(Object.keys(spec.hover ?? {})),
      EKS_LENS_SETTINGS: JSON.stringify(spec.settings ?? {}),
      ...(spec.apply ? { EKS_LENS_APPLY: spec.apply.title } : {}),
    },
  });
  let result;
  check(`Neovim ran the language client (exit ${nvimRun.status ?? nvimRun.signal})`, () => {
    assert.ok(existsSync(out), `no result written; stderr: ${nvimRun.stderr || nvimRun.error?.message}`);
    result = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(result.error, undefined, `lsp-check.lua: ${result.error}`);
    assert.equal(nvimRun.status, 0);
  });
  if (!result || result.error) continue;

  check(`filetype ${spec.filetype}`, () => assert.equal(result.filetype, spec.filetype));

  check(`diagnostics equal the checker's (${expected.map((d) => `${d.code}@${d.range.start.line + 1}`).join(', ') || 'none'})`, () => {
    assert.equal(cliRun.status, expected.some((d) => d.severity === 'error') ? 1 : 0, `checker exit ${cliRun.status}: ${cliRun.stderr}`);
    assert.ok(expected.length > 0, 'the fixture should have findings');
    assertSame(result.diagnostics, expected);
  });

  for (const [code, severity] of Object.entries(spec.severities ?? {})) {
    check(`${code} has severity ${severity} (from the settings)`, () => {
      const found = result.diagnostics.filter((d) => d.code === code);
      assert.ok(found.length > 0, `no ${code} finding`);
      assert.deepEqual(
        found.map((d) => d.severity),
        found.map(() => severity),
      );
    });
  }

  for (const [target, pattern] of Object.entries(spec.hover ?? {})) {
    check(`hover on ${target} matches ${pattern}`, () => {
      const text = result.hovers.find((h) => h.target === target)?.text;
      assert.ok(typeof text === 'string', `no hover on ${target}`);
      assert.match(text, pattern);
    });
  }

  for (const [code, wanted] of Object.entries(spec.actions ?? {})) {
    const found = result.actions.filter((a) => a.code === code);
    check(`code actions for ${code} (${found.length} finding${found.length === 1 ? '' : 's'})`, () => {
      assert.ok(found.length > 0, `no ${code} finding`);
      for (const { lnum, titles } of found) {
        for (const want of wanted) {
          const ok = titles.some((t) => (typeof want === 'string' ? t === want : want.test(t)));
          assert.ok(ok, `line ${lnum + 1}: no action ${want} among ${JSON.stringify(titles)}`);
        }
      }
    });
  }

  if (spec.apply) {
    check(`quick fix "${spec.apply.title}…" applied in Neovim leaves ${spec.apply.left.join(', ') || 'no findings'}, as the checker sees the saved file`, () => {
      assert.ok(result.applied?.startsWith(spec.apply.title), `applied: ${result.applied}`);
      const after = checkerFindings(file, checkerArgs).diagnostics;
      assert.deepEqual(after.map((d) => d.code).sort(), [...spec.apply.left].sort(), 'the checker on the saved file');
      assertSame(result.after, after);
    });
  }
}

function checkerFindings(file, args) {
  const run = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--no-config', ...args, file], { encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, `checker exit ${run.status}: ${run.stderr}`);
  return { status: run.status, diagnostics: JSON.parse(run.stdout).files[0]?.diagnostics ?? [] };
}

/** Neovim's vim.diagnostic entries are the checker's JSON findings: code, severity, range, message. */
function assertSame(fromNvimRaw, fromCliRaw) {
  const fromCli = fromCliRaw.map((d) => ({
    code: d.code,
    severity: SEVERITY[d.severity],
    range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
    message: d.message,
  }));
  const fromNvim = fromNvimRaw.map((d) => ({ code: d.code, severity: d.severity, range: [d.lnum, d.col, d.end_lnum, d.end_col], message: d.message }));
  const order = (a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || a.code.localeCompare(b.code);
  assert.deepEqual(fromNvim.sort(order), fromCli.sort(order));
  assert.ok(
    fromNvimRaw.every((d) => d.source === 'eks-lens'),
    'source is eks-lens',
  );
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`\nNeovim: ${passed} passed, ${failed} failed (${CASES.length} runs, ${seconds} s)`);
if (failed) console.log(`Kept ${work} (results and Neovim's lsp.log under each fixture's .nvim-home/)`);
else rmSync(work, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
