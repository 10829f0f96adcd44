// Measures eks-lens against Red Hat's yaml-language-server over the real protocol, the way an
// editor drives them: a fresh `node <server> --stdio` per run, on the same generated files
// (deterministic from a seed, written to $TMPDIR/eks-lens-bench-inputs/; everything else the
// bench writes goes to .bench/, which is gitignored). Also measures eks-lens on
// hostile inputs (and merge-key chains against the yaml parser alone), its command-line checker on 2,000 files, its workspace scan, and the sizes of
// the client bundle and the .vsix.
//   node scripts/bench.mjs                 5 runs per input and server
//   node scripts/bench.mjs --runs N        N runs per input and server
//   node scripts/bench.mjs --quick         2 runs, no 20,000-line files
//   node scripts/bench.mjs --seed N        another seed for the generated files (default 20261125)
//   node scripts/bench.mjs --k8s-schema DIR
//       also runs yaml-language-server with its Kubernetes schema on (`yaml.schemas:
//       { kubernetes: '*.yaml' }`). That schema is not in the package: the server fetches it from
//       GitHub at run time. The bench never lets it reach the network, so DIR must hold a local
//       copy of the schema directory it asks for (`all.json` and `_definitions.json` of
//       yannh/kubernetes-json-schema's `v1.34.1-standalone-strict/`); the bench serves it to the
//       server through the `vscode/content` request, as the VS Code YAML extension does.
// Every server runs with a preloaded guard (.bench/no-network.cjs) that refuses and reports any
// socket connection or DNS look-up; a run that tried one is reported as failed.
// Prints figures only; the closing "targets" section is informational. Exit status 1 only when a
// run failed (a server crashed, stopped answering, took longer than the time limit, or tried the
// network).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { listZip } from './zip.mjs';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = path.join(ROOT, '.bench');
const SERVER = path.join(ROOT, 'dist/server.js');
const CLI = path.join(ROOT, 'dist/cli.js');
const YLS_DIR = path.join(ROOT, 'node_modules/yaml-language-server');
const YLS_BIN = path.join(YLS_DIR, 'bin/yaml-language-server');
const GUARD = path.join(BENCH, 'no-network.cjs');
/**
 * The files both servers open, each in a folder of its own (opened as the workspace with it).
 * Outside .bench/ on purpose: yaml-language-server matches `yaml.schemas` globs with picomatch,
 * whose `**` does not enter a folder whose name starts with a dot, so no schema would apply there.
 */
const INPUTS = path.join(os.tmpdir(), 'eks-lens-bench-inputs');
const RUN_TIMEOUT_MS = 60_000;
const DEFAULT_SEED = 20261125;
/** eks-lens's trailing debounce after an edit (server/src/lsp/scheduler.ts, DEBOUNCE_MS). */
const DEBOUNCE_MS = 100;
/**
 * yaml-language-server's fixed delay before every validation, the one after didOpen included
 * (`validationDelayMs` in its yamlSettings.js; no setting changes it).
 */
const YLS_DELAY_MS = 200;
/** Quiet time before an "idle" edit: longer than eks-lens's debounce, so it checks at once. */
const IDLE_MS = 250;
/** Gap between the two edits of a "typing" burst: shorter than either server's debounce. */
const BURST_GAP_MS = 25;
/** Hover requests per protocol run, spread through the file; the same positions for every server. */
const HOVERS = 50;

// ---------------------------------------------------------------------------------------------
// Arguments

function readOptions(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { runs: { type: 'string' }, quick: { type: 'boolean' }, seed: { type: 'string' }, 'k8s-schema': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    usage(error.message);
  }
  if (values.help) usage();
  const options = { runs: 5, quick: !!values.quick, seed: DEFAULT_SEED, k8sSchema: undefined };
  if (values.runs !== undefined) {
    const n = Number(values.runs);
    if (!Number.isInteger(n) || n < 1) usage(`--runs takes a whole number of at least 1, not "${values.runs}"`);
    options.runs = n;
  } else if (options.quick) options.runs = 2;
  if (values.seed !== undefined) {
    const n = Number(values.seed);
    if (!Number.isInteger(n) || n < 0) usage(`--seed takes a whole number, not "${values.seed}"`);
    options.seed = n;
  }
  const schema = values['k8s-schema'];
  if (schema !== undefined) {
    if (!schema || !existsSync(path.join(schema, 'all.json')) || !existsSync(path.join(schema, '_definitions.json'))) {
      usage(`--k8s-schema takes a folder holding all.json and _definitions.json, not "${schema}"`);
    }
    options.k8sSchema = path.resolve(schema);
  }
  return options;
}

function usage(problem) {
  if (problem) process.stderr.write(`bench: ${problem}\n`);
  process.stderr.write('Usage: node scripts/bench.mjs [--runs N] [--quick] [--seed N] [--k8s-schema DIR]\n');
  process.exit(problem ? 2 : 0);
}

// ---------------------------------------------------------------------------------------------
// Child processes: every one is tracked and killed if the benchmark exits early.

const children = new Set();

function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function killChildren() {
  for (const child of children) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  children.clear();
}

process.on('exit', killChildren);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    killChildren();
    process.stderr.write(`\nbench: interrupted (${signal})\n`);
    process.exit(130);
  });
}

// ---------------------------------------------------------------------------------------------
// The network guard, preloaded into every server (`node --require .bench/no-network.cjs`): any
// socket connection other than a local pipe, and any DNS look-up, is refused and reported on
// stderr. Costs well under a millisecond at start-up, the same for both servers.

const NETWORK_MARK = 'bench-network-attempt';
const GUARD_SOURCE = `'use strict';
const net = require('node:net');
const dns = require('node:dns');
const report = (what) => { try { process.stderr.write('${NETWORK_MARK} ' + what + '\\n'); } catch {} };
const refused = () => Object.assign(new Error('network access refused by the eks-lens benchmark'), { code: 'ECONNREFUSED' });
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const pipe = (first && typeof first === 'object' && first.path) || (typeof first === 'string' && Number.isNaN(Number(first)));
  if (pipe) return connect.apply(this, args);
  const where = first && typeof first === 'object' ? (first.host ?? 'localhost') + ':' + first.port : String(args[1] ?? 'localhost') + ':' + String(first);
  report('connect ' + where);
  process.nextTick(() => this.destroy(refused()));
  return this;
};
const lookup = (host, options, callback) => {
  report('dns ' + host);
  const cb = typeof options === 'function' ? options : callback;
  process.nextTick(() => cb(Object.assign(new Error('getaddrinfo refused by the eks-lens benchmark'), { code: 'ENOTFOUND' })));
};
dns.lookup = lookup;
dns.resolve = (host, ...rest) => lookup(host, rest.find((a) => typeof a === 'function'));
dns.promises.lookup = async (host) => { report('dns ' + host); throw Object.assign(new Error('refused'), { code: 'ENOTFOUND' }); };
`;

// ---------------------------------------------------------------------------------------------
// The servers

/** CloudFormation's short-form intrinsics, as yaml-language-server's users declare them. */
const CFN_TAGS = [
  '!And sequence',
  '!Base64 scalar',
  '!Cidr sequence',
  '!Condition scalar',
  '!Equals sequence',
  '!FindInMap sequence',
  '!GetAtt scalar',
  '!GetAtt sequence',
  '!GetAZs scalar',
  '!If sequence',
  '!ImportValue scalar',
  '!Join sequence',
  '!Not sequence',
  '!Or sequence',
  '!Ref scalar',
  '!Select sequence',
  '!Split sequence',
  '!Sub scalar',
  '!Sub sequence',
];

/** The `yaml` settings section sent to yaml-language-server. */
function ylsSettings(kubernetes) {
  return {
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    customTags: CFN_TAGS,
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
    schemas: kubernetes ? { kubernetes: '*.yaml' } : {},
  };
}

function defineServers(options) {
  const ylsVersion = JSON.parse(readFileSync(path.join(YLS_DIR, 'package.json'), 'utf8')).version;
  const eksLens = {
    id: 'eks-lens',
    label: 'eks-lens',
    args: [SERVER, '--stdio'],
    configuration: () => ({}),
    delayMs: 0,
  };
  const yls = (kubernetes) => ({
    id: kubernetes ? 'yls-k8s' : 'yls-off',
    label: kubernetes ? 'yaml-ls, k8s schema' : 'yaml-ls, schema off',
    args: [YLS_BIN, '--stdio'],
    settings: ylsSettings(kubernetes),
    configuration: (item) => {
      if (item.section === 'yaml') return ylsSettings(kubernetes);
      if (item.section === 'http') return { proxy: '', proxyStrictSSL: false };
      if (item.section === 'editor') return { tabSize: 2, insertSpaces: true, detectIndentation: false };
      return {};
    },
    // Schema fetches go through the client (as in VS Code), never to the network: served from the
    // local copy when there is one, refused otherwise.
    usesContentRequests: true,
    content: (uri) => serveSchema(options.k8sSchema, uri),
    delayMs: YLS_DELAY_MS,
  });
  const ylsOff = yls(false);
  const ylsK8s = yls(true);
  return { eksLens, ylsOff, ylsK8s, list: options.k8sSchema ? [eksLens, ylsOff, ylsK8s] : [eksLens, ylsOff], ylsVersion };
}

function serveSchema(folder, uri) {
  const match = /-standalone-strict\/([^#?]+)/.exec(uri);
  if (!folder || !match) throw new Error(`not available offline: ${uri}`);
  const file = path.join(folder, match[1]);
  if (!file.startsWith(folder + path.sep) || !existsSync(file)) throw new Error(`not in ${folder}: ${match[1]}`);
  return readFileSync(file, 'utf8');
}

// ---------------------------------------------------------------------------------------------
// A small LSP client over stdio (the approach of test/support/lspClient.ts, in plain JS)

class BenchClient {
  /** `server` is one of defineServers()'s entries; `workspace` the folder opened with it. */
  constructor(server, workspace) {
    this.server = server;
    this.workspace = workspace;
    this.spawnedAt = performance.now();
    this.process = track(spawn(process.execPath, ['--require', GUARD, ...server.args], { stdio: ['pipe', 'pipe', 'pipe'] }));
    this.pid = this.process.pid;
    this.stderr = '';
    this.networkAttempts = [];
    this.contentRequests = [];
    this.published = [];
    this.waiters = new Set();
    this.exitInfo = undefined;
    let partial = '';
    this.process.stderr.on('data', (chunk) => {
      const text = String(chunk);
      this.stderr = (this.stderr + text).slice(-4000);
      const lines = (partial + text).split('\n');
      partial = lines.pop();
      for (const line of lines) if (line.startsWith(NETWORK_MARK)) this.networkAttempts.push(line.slice(NETWORK_MARK.length + 1));
    });
    // A write to a server that has died must not crash the benchmark.
    this.process.stdin.on('error', () => undefined);
    this.process.once('exit', (code, signal) => {
      this.exitInfo = { code, signal };
      for (const waiter of [...this.waiters]) waiter.fail(new Error(`the server exited (${signal ?? `code ${code}`})${this.stderrTail()}`));
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      this.published.push({ params, at: performance.now() });
      for (const waiter of [...this.waiters]) waiter.check();
    });
    this.configured = new Promise((resolve) => (this.markConfigured = resolve));
    this.connection.onRequest('workspace/configuration', (params) => {
      const answer = params.items.map((item) => server.configuration(item));
      if (params.items.some((item) => item.section === 'yaml')) setImmediate(this.markConfigured);
      return answer;
    });
    this.connection.onRequest('vscode/content', (uri) => {
      this.contentRequests.push(uri);
      return server.content(uri);
    });
    this.connection.onRequest('custom/schema/content', (uri) => {
      this.contentRequests.push(uri);
      throw new Error(`no custom schema content: ${uri}`);
    });
    this.connection.onRequest('custom/schema/request', () => []);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/codeLens/refresh', () => null);
    this.connection.onNotification('window/showMessage', () => undefined);
    this.connection.onNotification('telemetry/event', () => undefined);
    this.logs = [];
    this.connection.onNotification('window/logMessage', (params) => {
      this.logs.push({ message: params.message, at: performance.now() });
      for (const waiter of [...this.waiters]) waiter.check();
    });
    this.connection.onNotification('$/logTrace', () => undefined);
    this.connection.onNotification(() => undefined);
    this.connection.onError(() => undefined);
    this.connection.onClose(() => undefined);
    this.connection.listen();
  }

  stderrTail() {
    const tail = this.stderr.trim();
    return tail ? `; server stderr: ${tail.slice(-600)}` : '';
  }

  get alive() {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** Sends initialize; resolves with the time from spawn to the result, in ms. */
  async initialize() {
    const folder = pathToFileURL(this.workspace).href;
    const result = await withTimeout(
      this.connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: folder,
        capabilities: {
          workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
          textDocument: {
            synchronization: { dynamicRegistration: false, didSave: true },
            publishDiagnostics: { relatedInformation: true, versionSupport: true },
            hover: { contentFormat: ['markdown', 'plaintext'] },
            formatting: { dynamicRegistration: true },
          },
        },
        workspaceFolders: [{ uri: folder, name: path.basename(this.workspace) }],
      }),
      'initialize',
      this,
    );
    const ms = performance.now() - this.spawnedAt;
    this.capabilities = result?.capabilities ?? {};
    await this.connection.sendNotification('initialized', {});
    if (this.server.usesContentRequests) await this.connection.sendNotification('yaml/registerContentRequest', {});
    return ms;
  }

  /**
   * Resolves when the server has what it needs to check a file: yaml-language-server pulls its
   * settings after `initialized` (and would check with its defaults, schema store on, before).
   */
  async ready() {
    if (this.server.settings) await withTimeout(this.configured, 'settings pulled after initialized', this, 10_000);
  }

  hover(uri, position) {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  open(uri, text, version = 1) {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  /** One line replaced, as an editor sends it under incremental sync (both servers ask for it). */
  changeLine(uri, version, edit) {
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: edit.line, character: 0 }, end: { line: edit.line, character: edit.before.length } }, text: edit.after }],
    });
  }

  /** Resolves with the first publication after index `since` that satisfies `match`. */
  waitFor(match, since, label) {
    return new Promise((resolve, reject) => {
      const waiter = {
        check: () => {
          for (let i = since; i < this.published.length; i++) {
            if (match(this.published[i].params)) {
              finish();
              resolve(this.published[i]);
              return;
            }
          }
        },
        fail: (error) => {
          finish();
          reject(error);
        },
      };
      const timer = setTimeout(() => waiter.fail(new Error(`${label}: no diagnostics within ${RUN_TIMEOUT_MS / 1000} s${this.stderrTail()}`)), RUN_TIMEOUT_MS);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      this.waiters.add(waiter);
      if (this.exitInfo) waiter.fail(new Error(`${label}: the server had exited (${this.exitInfo.signal ?? `code ${this.exitInfo.code}`})${this.stderrTail()}`));
      else waiter.check();
    });
  }

  mark() {
    return this.published.length;
  }

  /** Peak resident set size (VmHWM) in MB, or undefined where /proc is not available. */
  peakRssMB() {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
      return match ? Number(match[1]) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  /** shutdown + exit; resolves true when the server answered shutdown in time. */
  async stop() {
    let answered = false;
    if (this.alive) {
      try {
        await withTimeout(this.connection.sendRequest('shutdown'), 'shutdown', this, 5000);
        answered = true;
        await this.connection.sendNotification('exit');
      } catch {
        // not answering: killed below
      }
    }
    const exited = new Promise((resolve) => (this.alive ? this.process.once('exit', resolve) : resolve()));
    await Promise.race([exited, sleep(1000)]);
    if (this.alive) this.process.kill('SIGKILL');
    this.connection.dispose();
    return answered;
  }

  kill() {
    if (this.alive) this.process.kill('SIGKILL');
    this.connection.dispose();
  }
}

function withTimeout(promise, label, client, ms = RUN_TIMEOUT_MS) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: no answer within ${ms / 1000} s${client ? client.stderrTail() : ''}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Generated inputs: deterministic from the seed (the same text on every run and every machine)

/** mulberry32: a small, fast, seedable generator; plenty for choosing between shapes. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

/** A generator per file, from the seed and the file's name (FNV-1a), so files do not share draws. */
function rngFor(seed, name) {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return prng(h >>> 0);
}

/** Fills `lines` up to `target` with whole documents from `nextDoc(i)`, then comment lines. */
function fillTo(target, header, nextDoc) {
  const lines = [...header];
  for (let i = 1; ; i++) {
    const doc = nextDoc(i);
    if (lines.length + doc.length > target) break;
    lines.push(...doc);
  }
  for (let n = 1; lines.length < target; n++) lines.push(`# filler ${n}`);
  return lines;
}

const pad = (n, width = 4) => String(n).padStart(width, '0');

const TEAMS = ['storefront', 'payments', 'checkout', 'search', 'catalog', 'identity', 'platform', 'observability'];
const COMPONENTS = ['web', 'api', 'worker', 'gateway', 'scheduler', 'cache-proxy'];
const REGIONS = [
  ['us-west-2', 'abc'],
  ['us-east-1', 'abcdf'],
  ['eu-west-1', 'abc'],
  ['ap-southeast-2', 'abc'],
];
const INSTANCE_TYPES = ['m6i.large', 'm6i.xlarge', 'm7g.large', 'c6i.2xlarge', 'r6i.xlarge', 't3.large'];

/** Names shared by the objects of one application, as a stream of manifests has them. */
function app(i, r) {
  const team = r.pick(TEAMS);
  return { name: `${team}-${r.pick(COMPONENTS)}-${pad(i)}`, namespace: `${team}-${r.pick(['prod', 'staging', 'dev'])}`, team };
}

function metadata(a, extra = []) {
  return ['metadata:', `  name: ${a.name}`, `  namespace: ${a.namespace}`, '  labels:', `    app.kubernetes.io/name: ${a.name}`, `    app.kubernetes.io/part-of: ${a.team}`, ...extra];
}

function deployment(i, r = prng(i)) {
  const a = app(i, r);
  const out = ['---', 'apiVersion: apps/v1', 'kind: Deployment', ...metadata(a), 'spec:', `  replicas: ${r.int(1, 6)}`, '  selector:', '    matchLabels:', `      app.kubernetes.io/name: ${a.name}`];
  out.push('  template:', '    metadata:', '      labels:', `        app.kubernetes.io/name: ${a.name}`, '    spec:', `      serviceAccountName: ${a.name}`, '      containers:');
  out.push('        - name: app', `          image: 123456789012.dkr.ecr.us-west-2.amazonaws.com/${a.team}/${a.name}:1.${r.int(0, 40)}.${r.int(0, 9)}`);
  out.push('          ports:', `            - containerPort: ${r.pick([8080, 8443, 9000, 3000])}`, '              name: http');
  out.push(
    '          resources:',
    `            requests: {cpu: ${r.pick(['100m', '250m', '500m', '1'])}, memory: ${r.pick(['128Mi', '256Mi', '512Mi', '1Gi'])}}`,
    `            limits: {memory: ${r.pick(['512Mi', '1Gi', '2Gi'])}}`,
  );
  out.push(
    '          env:',
    '            - name: LOG_LEVEL',
    `              value: ${r.pick(['info', 'warn', 'debug'])}`,
    '            - name: DB_HOST',
    `              value: ${a.team}-db.${a.namespace}.svc.cluster.local`,
  );
  if (r.chance(0.6)) {
    out.push('          readinessProbe:', '            httpGet: {path: /healthz, port: http}', `            periodSeconds: ${r.pick([5, 10, 15])}`);
    out.push('          livenessProbe:', '            httpGet: {path: /livez, port: http}', '            initialDelaySeconds: 10');
  }
  return out;
}

function service(i, r = prng(i)) {
  const a = app(i, r);
  const out = ['---', 'apiVersion: v1', 'kind: Service', ...metadata(a)];
  if (r.chance(0.4)) {
    out.push(
      '  annotations:',
      '    service.beta.kubernetes.io/aws-load-balancer-type: external',
      `    service.beta.kubernetes.io/aws-load-balancer-scheme: ${r.pick(['internal', 'internet-facing'])}`,
    );
    out.push('spec:', '  type: LoadBalancer', '  selector:', `    app.kubernetes.io/name: ${a.name}`, '  ports:', '    - port: 443', '      targetPort: http');
    // One in ten lets in a source range with host bits set (a warning for Kubernetes).
    const b = r.int(0, 199);
    out.push('  loadBalancerSourceRanges:', `    - ${r.chance(0.1) ? `10.${b}.3.7/16` : `10.${b}.0.0/16`}`, `    - 192.168.${r.int(0, 249)}.0/24`);
  } else {
    out.push('spec:', '  type: ClusterIP');
    // A fixed clusterIP, in the 172.20.0.0/16 service range of the stream's ClusterConfigs (one in
    // twenty outside it).
    if (r.chance(0.3)) out.push(`  clusterIP: ${r.chance(0.05) ? `10.100.${r.int(0, 255)}.${r.int(1, 254)}` : `172.20.${r.int(0, 255)}.${r.int(1, 254)}`}`);
    out.push('  selector:', `    app.kubernetes.io/name: ${a.name}`, '  ports:', '    - name: http', '      port: 80', '      targetPort: http');
  }
  return out;
}

function networkPolicy(i, r = prng(i)) {
  const a = app(i, r);
  const b = r.int(0, 249);
  // One in five has host bits in its ingress block, one in fifty an invalid block.
  const roll = r.next();
  const cidr = roll < 0.02 ? `10.${b}.300.0/16` : roll < 0.22 ? `10.${b}.7.1/16` : `10.${b}.0.0/16`;
  return [
    '---',
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    ...metadata(a),
    'spec:',
    '  podSelector:',
    '    matchLabels:',
    `      app.kubernetes.io/name: ${a.name}`,
    '  policyTypes:',
    '    - Ingress',
    '    - Egress',
    '  ingress:',
    '    - from:',
    '        - ipBlock:',
    `            cidr: ${cidr}`,
    '            except:',
    `              - 10.${b}.7.0/24`,
    '        - namespaceSelector:',
    '            matchLabels:',
    `              kubernetes.io/metadata.name: ${a.namespace}`,
    '      ports:',
    '        - port: 8080',
    '  egress:',
    '    - to:',
    '        - ipBlock:',
    `            cidr: 172.${16 + r.int(0, 15)}.0.0/16`,
  ];
}

function configMap(i, r = prng(i)) {
  const a = app(i, r);
  const out = [
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    ...metadata(a),
    'data:',
    `  FEATURE_FLAGS: "${r.pick(['checkout-v2', 'search-ranking', 'none'])}"`,
    `  UPSTREAM_TIMEOUT_MS: "${r.int(100, 5000)}"`,
  ];
  out.push(
    '  application.yaml: |',
    '    server:',
    `      port: ${r.pick([8080, 9000])}`,
    '    cache:',
    `      ttlSeconds: ${r.int(30, 3600)}`,
    `      peers: [10.${r.int(0, 199)}.0.10, 10.${r.int(0, 199)}.0.11]`,
  );
  return out;
}

function serviceAccount(i, r = prng(i)) {
  const a = app(i, r);
  return ['---', 'apiVersion: v1', 'kind: ServiceAccount', ...metadata(a, ['  annotations:', `    eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/${a.name}-irsa`])];
}

function ingress(i, r = prng(i)) {
  const a = app(i, r);
  return [
    '---',
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    ...metadata(a, [
      '  annotations:',
      `    alb.ingress.kubernetes.io/scheme: ${r.pick(['internal', 'internet-facing'])}`,
      '    alb.ingress.kubernetes.io/target-type: ip',
      `    alb.ingress.kubernetes.io/inbound-cidrs: 10.${r.int(0, 199)}.0.0/16`,
    ]),
    'spec:',
    '  ingressClassName: alb',
    '  rules:',
    `    - host: ${a.name}.example.com`,
    '      http:',
    '        paths:',
    '          - path: /',
    '            pathType: Prefix',
    '            backend:',
    '              service:',
    `                name: ${a.name}`,
    '                port:',
    '                  number: 80',
  ];
}

function autoscaler(i, r = prng(i)) {
  const a = app(i, r);
  const min = r.int(1, 3);
  return [
    '---',
    'apiVersion: autoscaling/v2',
    'kind: HorizontalPodAutoscaler',
    ...metadata(a),
    'spec:',
    '  scaleTargetRef:',
    '    apiVersion: apps/v1',
    '    kind: Deployment',
    `    name: ${a.name}`,
    `  minReplicas: ${min}`,
    `  maxReplicas: ${min + r.int(2, 20)}`,
    '  metrics:',
    '    - type: Resource',
    '      resource:',
    '        name: cpu',
    '        target:',
    '          type: Utilization',
    `          averageUtilization: ${r.int(50, 85)}`,
  ];
}

function disruptionBudget(i, r = prng(i)) {
  const a = app(i, r);
  // One in fifty still uses policy/v1beta1 (removed in Kubernetes 1.25).
  return [
    '---',
    `apiVersion: ${r.chance(0.02) ? 'policy/v1beta1' : 'policy/v1'}`,
    'kind: PodDisruptionBudget',
    ...metadata(a),
    'spec:',
    `  minAvailable: ${r.int(1, 2)}`,
    '  selector:',
    '    matchLabels:',
    `      app.kubernetes.io/name: ${a.name}`,
  ];
}

/** An eksctl ClusterConfig: a new VPC eksctl creates, or an existing one with its subnets. */
function clusterConfig(i, r = prng(i)) {
  const [region, zones] = r.pick(REGIONS);
  const b = 100 + (i % 100);
  const out = [
    '---',
    'apiVersion: eksctl.io/v1alpha5',
    'kind: ClusterConfig',
    'metadata:',
    `  name: ${r.pick(TEAMS)}-${pad(i)}`,
    `  region: ${region}`,
    `  version: "1.${r.int(29, 32)}"`,
    '  tags:',
    `    cost-center: "${r.int(1000, 9999)}"`,
  ];
  const azs = [0, 1, 2].map((n) => `${region}${zones[n]}`);
  if (r.chance(0.5)) {
    out.push(`availabilityZones: [${azs.join(', ')}]`, 'vpc:', `  cidr: 10.${b}.0.0/16`, '  nat:', `    gateway: ${r.pick(['HighlyAvailable', 'Single'])}`);
  } else {
    out.push('vpc:', `  id: vpc-0${pad(i, 16)}`, `  cidr: 10.${b}.0.0/16`, '  subnets:', '    private:');
    // One in ten has a subnet with host bits, one in twenty a subnet outside its VPC.
    azs.forEach((az, n) =>
      out.push(`      ${az}:`, `        id: subnet-0${pad(i * 10 + n, 16)}`, `        cidr: ${r.chance(0.05) ? `10.${b + 1}.${n * 32}.0/19` : `10.${b}.${n * 32}.${r.chance(0.1 / 3) ? 9 : 0}/19`}`),
    );
    out.push('    public:');
    azs.forEach((az, n) => out.push(`      ${az}: { id: subnet-1${pad(i * 10 + n, 16)}, cidr: 10.${b}.${200 + n}.0/24 }`));
  }
  out.push('  clusterEndpoints:', '    privateAccess: true', `    publicAccess: ${r.chance(0.7)}`, '  publicAccessCIDRs:', `    - 203.0.113.${r.int(0, 15) * 16}/28`);
  out.push(
    'kubernetesNetworkConfig:',
    '  serviceIPv4CIDR: 172.20.0.0/16',
    'iam:',
    '  withOIDC: true',
    'addons:',
    '  - name: vpc-cni',
    '  - name: coredns',
    '  - name: kube-proxy',
    'managedNodeGroups:',
  );
  for (let g = 1; g <= r.int(1, 3); g++) {
    const min = r.int(1, 4);
    out.push(
      `  - name: ng-${g}`,
      `    instanceType: ${r.pick(INSTANCE_TYPES)}`,
      `    minSize: ${min}`,
      `    desiredCapacity: ${min}`,
      `    maxSize: ${min + r.int(2, 12)}`,
      '    privateNetworking: true',
      '    volumeSize: 80',
      '    labels:',
      `      workload: ${r.pick(['general', 'batch', 'system'])}`,
    );
  }
  return out;
}

/** Weighted mix of a real stream of manifests, with an eksctl ClusterConfig now and then. */
const STREAM_KINDS = [
  [deployment, 22],
  [service, 18],
  [networkPolicy, 14],
  [configMap, 12],
  [serviceAccount, 8],
  [ingress, 8],
  [autoscaler, 7],
  [disruptionBudget, 5],
  [clusterConfig, 6],
];

function mixedStreamFile(targetLines, r) {
  const total = STREAM_KINDS.reduce((sum, [, w]) => sum + w, 0);
  return fillTo(targetLines, ['# eks-lens benchmark: a stream of Kubernetes manifests and eksctl ClusterConfigs'], (i) => {
    let roll = r.next() * total;
    for (const [make, weight] of STREAM_KINDS) {
      roll -= weight;
      if (roll < 0) return make(i, r);
    }
    return deployment(i, r);
  });
}

/**
 * One CloudFormation template (a single YAML document): VPCs with their internet gateway, and per
 * unit a subnet with its route table and association, a security group, and now and then a NAT
 * gateway; intrinsics in their short forms.
 */
function cloudFormationFile(targetLines, r) {
  const header = [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Description: eks-lens benchmark, VPCs for EKS clusters',
    'Parameters:',
    '  EnvironmentName:',
    '    Type: String',
    '    Default: production',
    '  AdminCidr:',
    '    Type: String',
    '    Default: 203.0.113.0/24',
    'Outputs:',
    '  VpcId:',
    '    Value: !Ref Vpc01',
    '    Export:',
    '      Name: !Sub "${EnvironmentName}-vpc"',
    '  FirstSubnet:',
    '    Value: !Ref Subnet0001',
    'Resources:',
  ];
  return fillTo(targetLines, header, (i) => {
    const vpc = Math.floor((i - 1) / 200) + 1;
    const V = `Vpc${pad(vpc, 2)}`;
    const out = [];
    if ((i - 1) % 200 === 0) {
      out.push(
        `  ${V}:`,
        '    Type: AWS::EC2::VPC',
        '    Properties:',
        `      CidrBlock: 10.${vpc}.0.0/16`,
        '      EnableDnsSupport: true',
        '      EnableDnsHostnames: true',
        '      Tags:',
        '        - Key: Name',
        `          Value: !Sub "\${EnvironmentName}-vpc-${vpc}"`,
      );
      out.push(
        `  Igw${pad(vpc, 2)}:`,
        '    Type: AWS::EC2::InternetGateway',
        `  IgwAttach${pad(vpc, 2)}:`,
        '    Type: AWS::EC2::VPCGatewayAttachment',
        '    Properties:',
        `      VpcId: !Ref ${V}`,
        `      InternetGatewayId: !Ref Igw${pad(vpc, 2)}`,
      );
      out.push(
        `  PublicRt${pad(vpc, 2)}:`,
        '    Type: AWS::EC2::RouteTable',
        '    Properties:',
        `      VpcId: !Ref ${V}`,
        `  PublicDefault${pad(vpc, 2)}:`,
        '    Type: AWS::EC2::Route',
        `    DependsOn: IgwAttach${pad(vpc, 2)}`,
        '    Properties:',
        `      RouteTableId: !Ref PublicRt${pad(vpc, 2)}`,
        '      DestinationCidrBlock: 0.0.0.0/0',
        `      GatewayId: !Ref Igw${pad(vpc, 2)}`,
      );
    }
    const s = (i - 1) % 200;
    // One subnet in seven has host bits (an error: EC2 rejects it), one rule in eleven too.
    const subnetCidr = `10.${vpc}.${s >> 2}.${(s & 3) * 64 + (r.chance(1 / 7) ? 5 : 0)}/26`;
    const ruleCidr = r.chance(1 / 11) ? `10.${vpc}.9.9/16` : `10.${vpc}.0.0/16`;
    const publicSubnet = s % 4 === 0;
    out.push(
      `  Subnet${pad(i)}:`,
      '    Type: AWS::EC2::Subnet',
      '    Properties:',
      `      VpcId: !Ref ${V}`,
      `      CidrBlock: ${subnetCidr}`,
      `      AvailabilityZone: !Select [${s % 3}, !GetAZs ""]`,
      `      MapPublicIpOnLaunch: ${publicSubnet}`,
      '      Tags:',
      `        - Key: ${publicSubnet ? 'kubernetes.io/role/elb' : 'kubernetes.io/role/internal-elb'}`,
      '          Value: "1"',
      `  Subnet${pad(i)}Rt:`,
      '    Type: AWS::EC2::SubnetRouteTableAssociation',
      '    Properties:',
      `      SubnetId: !Ref Subnet${pad(i)}`,
      `      RouteTableId: !Ref ${publicSubnet ? `PublicRt${pad(vpc, 2)}` : `PrivateRt${pad(i)}`}`,
    );
    if (!publicSubnet) out.push(`  PrivateRt${pad(i)}:`, '    Type: AWS::EC2::RouteTable', '    Properties:', `      VpcId: !Ref ${V}`);
    if (publicSubnet && r.chance(0.5)) {
      out.push(
        `  NatEip${pad(i)}:`,
        '    Type: AWS::EC2::EIP',
        '    Properties:',
        '      Domain: vpc',
        `  Nat${pad(i)}:`,
        '    Type: AWS::EC2::NatGateway',
        '    Properties:',
        `      AllocationId: !GetAtt NatEip${pad(i)}.AllocationId`,
        `      SubnetId: !Ref Subnet${pad(i)}`,
      );
    }
    out.push(
      `  Sg${pad(i)}:`,
      '    Type: AWS::EC2::SecurityGroup',
      '    Properties:',
      `      GroupDescription: !Sub "\${EnvironmentName} nodes ${i}"`,
      `      VpcId: !Ref ${V}`,
      '      SecurityGroupIngress:',
      '        - IpProtocol: tcp',
      '          FromPort: 443',
      '          ToPort: 443',
      `          CidrIp: ${ruleCidr}`,
      '        - IpProtocol: tcp',
      '          FromPort: 22',
      '          ToPort: 22',
      '          CidrIp: !Ref AdminCidr',
    );
    return out;
  });
}

/** The one-line edit after line `from`: the next line matching `pattern`, with `replace` applied. */
function findEdit(lines, from, pattern, replace) {
  for (let i = from; i < lines.length; i++) {
    if (pattern.test(lines[i])) return { line: i, before: lines[i], after: replace(lines[i]) };
  }
  throw new Error(`no line matching ${pattern} after line ${from}`);
}

/** A one-character edit in an address: the last digit before the prefix length changes. */
const bumpAddress = (line) => line.replace(/(\d)\/(\d+)$/, (_, d, len) => `${(Number(d) + 1) % 10}/${len}`);

/** Hover positions spread through the file, on keys, values and addresses (the same for every server). */
function hoverPositions(lines) {
  const positions = [];
  for (let i = 0; i < HOVERS; i++) {
    const line = Math.floor(((i + 0.5) * (lines.length - 1)) / HOVERS);
    const character = Math.max(0, lines[line].search(/\S/)) + (i % 3 === 0 ? 0 : Math.floor(lines[line].trim().length / 2));
    positions.push({ line, character });
  }
  return positions;
}

function anchorMergeFile(count = 2000) {
  const lines = ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', '  name: anchors-and-merges', 'x-definitions:'];
  lines.push('  - &a0', '    ipBlock:', '      cidr: 10.0.0.1/16', '    k0: v0');
  for (let i = 1; i < count; i++) {
    // A chain of merges, each also merging a second, earlier anchor (eemeli/yaml#537's shape).
    const merge = i === 1 ? '*a0' : `[*a${i - 1}, *a${Math.floor(i / 2)}]`;
    lines.push(`  - &a${i}`, `    <<: ${merge}`, `    k${i}: v${i}`);
  }
  lines.push('spec:', '  podSelector: {}', '  ingress:', '    - from:');
  for (let j = count - 1; j >= 0; j--) lines.push(`        - <<: *a${j}`);
  return lines;
}

/** A chain of mappings, each merging the one before (test/support/hostile.ts, mergeKeyChain). */
function mergeKeyChainFile(count) {
  let text = 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: merges, region: us-east-1}\n';
  text += 'defaults: &d0\n  instanceType: m5.large\n  labels: {team: a}\n';
  for (let i = 1; i < count; i++) text += `n${i}: &d${i}\n  <<: *d${i - 1}\n  desiredCapacity: ${i}\n`;
  text += `vpc:\n  <<: *d${count - 1}\n  cidr: 10.1.2.0/16\n  clusterEndpoints: {publicAccess: false, privateAccess: true}\n`;
  return text;
}

/**
 * Wall time of a fresh `node` that only parses `file` with the yaml package (the same browser build
 * the bundles use, through parseAllDocuments), so that eks-lens's own share of a check shows.
 */
function parserAloneRun(file) {
  const yamlUrl = pathToFileURL(path.join(ROOT, 'node_modules/yaml/browser/index.js')).href;
  const script = `import { readFileSync } from 'node:fs'; const { parseAllDocuments } = await import(${JSON.stringify(yamlUrl)}); parseAllDocuments(readFileSync(${JSON.stringify(file)}, 'utf8'), { prettyErrors: false });`;
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore', timeout: RUN_TIMEOUT_MS });
  if (r.status !== 0) throw new Error(`parsing ${file} alone ended with ${r.signal ?? `code ${r.status}`}`);
  return performance.now() - started;
}

function aliasBombFile() {
  const letters = 'abcdefghi';
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: billion-laughs', 'data:'];
  lines.push(`  a: &a [${Array(9).fill('"lol"').join(', ')}]`);
  for (let l = 1; l < letters.length; l++)
    lines.push(
      `  ${letters[l]}: &${letters[l]} [${Array(9)
        .fill(`*${letters[l - 1]}`)
        .join(', ')}]`,
    );
  // The same multiplication on paths the address rules do walk: 9 rules × 9 peers × 9 excepts.
  lines.push(
    '---',
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    '  name: billion-laughs',
    'x-definitions:',
    '  block: &x 10.0.0.1/16',
    '  excepts: &e [' + Array(9).fill('*x').join(', ') + ']',
    '  peer: &p {ipBlock: {cidr: *x, except: *e}}',
    '  peers: &ps [' + Array(9).fill('*p').join(', ') + ']',
    '  rule: &r {from: *ps}',
    'spec:',
    '  podSelector: {}',
    '  ingress: [' + Array(9).fill('*r').join(', ') + ']',
  );
  return lines;
}

function hugeFile(bytes = 10 * 1024 * 1024) {
  const parts = [];
  let size = 0;
  for (let i = 1; size < bytes; i++) {
    const doc = (i % 3 === 1 ? deployment(i) : i % 3 === 2 ? service(i) : networkPolicy(i)).join('\n') + '\n';
    parts.push(doc);
    size += doc.length;
  }
  return parts.join('');
}

// Small files for the CLI: a mix of eksctl ClusterConfigs, CloudFormation templates and manifests.
function smallFile(i) {
  const kind = i % 3;
  const b = i % 200;
  if (kind === 0) {
    const az = (n) => `us-west-2${'abc'[n]}`;
    return [
      'apiVersion: eksctl.io/v1alpha5',
      'kind: ClusterConfig',
      'metadata:',
      `  name: cluster-${pad(i)}`,
      '  region: us-west-2',
      'vpc:',
      `  cidr: 10.${b}.0.0/16`,
      '  subnets:',
      '    private:',
      ...[0, 1, 2].flatMap((n) => [`      ${az(n)}:`, `        cidr: 10.${b}.${n * 32}.${i % 13 === 0 && n === 1 ? 9 : 0}/19`]),
      'kubernetesNetworkConfig:',
      '  serviceIPv4CIDR: 172.20.0.0/16',
      'managedNodeGroups:',
      '  - name: ng-1',
      '    instanceType: m6i.large',
      '    desiredCapacity: 3',
    ].join('\n');
  }
  if (kind === 1) {
    return [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Resources:',
      '  Vpc:',
      '    Type: AWS::EC2::VPC',
      '    Properties:',
      `      CidrBlock: 10.${b}.0.0/16`,
      '  SubnetA:',
      '    Type: AWS::EC2::Subnet',
      '    Properties:',
      '      VpcId: !Ref Vpc',
      `      CidrBlock: 10.${b}.1.${i % 11 === 0 ? 17 : 0}/24`,
      '  SubnetB:',
      '    Type: AWS::EC2::Subnet',
      '    Properties:',
      '      VpcId: !Ref Vpc',
      '      CidrBlock: !Select [1, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]',
      '  Route:',
      '    Type: AWS::EC2::Route',
      '    Properties:',
      '      RouteTableId: !Ref Table',
      '      DestinationCidrBlock: 0.0.0.0/0',
    ].join('\n');
  }
  return [...service(i), ...networkPolicy(i)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Statistics and formatting

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (v) => (v === undefined ? 'n/a' : v < 10 ? v.toFixed(1) : String(Math.round(v)));
const mb = (v) => (v === undefined ? 'n/a' : v.toFixed(0));
const summary = (values) => (values.length ? `median ${ms(median(values)).padStart(4)} ms (min ${ms(Math.min(...values))}, max ${ms(Math.max(...values))})` : 'no successful run');
const kb = (bytes) => (bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`);

function codeCounts(diagnostics) {
  const counts = new Map();
  // yaml-language-server's diagnostics mostly have no code: they are grouped by their message.
  const key = (d) =>
    String(
      d.code ??
        `"${String(d.message ?? '?')
          .split('\n')[0]
          .slice(0, 40)}"`,
    );
  for (const d of diagnostics) counts.set(key(d), (counts.get(key(d)) ?? 0) + 1);
  return (
    [...counts]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([c, n]) => `${c}×${n}`)
      .join(', ') || 'none'
  );
}

const failures = [];
function fail(label, error) {
  const message = `${label}: ${error instanceof Error ? error.message : String(error)}`;
  failures.push(message);
  console.log(`  FAILED ${message}`);
}

// ---------------------------------------------------------------------------------------------
// Protocol runs

/**
 * One fresh server on the input's own folder: initialize, open (the headline), a one-line edit
 * after a quiet spell, a one-line edit 25 ms after another one (both servers' debounces apply), a
 * second open of the same text under another uri (an open in a warm process), then hovers.
 */
function protocolRun(server, input) {
  const client = new BenchClient(server, input.dir);
  // Each step has its own time limit; the whole run has one too. Killing the server on the way
  // out also ends any step still waiting.
  return withTimeout(protocolSteps(client, input), 'the run as a whole', client).finally(() => client.kill());
}

async function protocolSteps(client, input) {
  const init = await client.initialize();
  await client.ready();
  const uri = pathToFileURL(input.file).href;
  // eks-lens publishes the version it checked; yaml-language-server publishes no version.
  const checked = (target, version) => (p) => p.uri === target && (p.version === undefined || p.version === null || p.version === version);

  let since = client.mark();
  let sent = performance.now();
  await client.open(uri, input.text, 1);
  const opened = await client.waitFor(checked(uri, 1), since, 'didOpen');
  const open = opened.at - sent;

  await sleep(IDLE_MS);
  since = client.mark();
  sent = performance.now();
  await client.changeLine(uri, 2, input.edits[0]);
  const idle = (await client.waitFor(checked(uri, 2), since, 'didChange (idle)')).at - sent;

  await sleep(IDLE_MS);
  await client.changeLine(uri, 3, input.edits[1]);
  await sleep(BURST_GAP_MS);
  since = client.mark();
  sent = performance.now();
  await client.changeLine(uri, 4, input.edits[2]);
  const typed = await client.waitFor(checked(uri, 4), since, 'didChange (typing)');
  const typing = typed.at - sent;

  // The same text opened again under another name: an open in a process that is already warm.
  await sleep(IDLE_MS);
  const copy = uri.replace(/(\.ya?ml)$/, '-copy$1');
  since = client.mark();
  sent = performance.now();
  await client.open(copy, input.text, 1);
  const warmOpen = (await client.waitFor(checked(copy, 1), since, 'second didOpen')).at - sent;

  // Hovers over the checked copy at the input's positions: the round trip of each request (the
  // document is already parsed, as it is while a user reads).
  const hovers = [];
  let hovered = 0;
  for (const position of input.hovers) {
    const t0 = performance.now();
    const result = await withTimeout(client.hover(copy, position), 'hover', client);
    hovers.push(performance.now() - t0);
    if (result && hoverText(result).trim()) hovered++;
  }

  const peak = client.peakRssMB();
  if (!client.alive) throw new Error(`the server exited${client.stderrTail()}`);
  await client.stop();
  return {
    init,
    open,
    idle,
    typing,
    warmOpen,
    hovers,
    hovered,
    peak,
    diagnostics: opened.params.diagnostics,
    edited: typed.params.diagnostics,
    network: client.networkAttempts,
    content: client.contentRequests,
  };
}

function hoverText(hover) {
  const c = hover.contents;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('');
  return c?.value ?? '';
}

/**
 * What yaml-language-server does with `yaml.schemas: { kubernetes: '*.yaml' }`: one fresh server,
 * one small Deployment, and the schema addresses it asks the client for (refused unless a local
 * copy was given). Not timed.
 */
async function kubernetesSchemaProbe(server) {
  const dir = path.join(INPUTS, 'probe');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'probe.yaml');
  const text = deployment(1).slice(1).join('\n') + '\n';
  writeFileSync(file, text);
  const client = new BenchClient(server, dir);
  try {
    await client.initialize();
    await client.ready();
    const uri = pathToFileURL(file).href;
    const since = client.mark();
    await client.open(uri, text, 1);
    const published = await client.waitFor((p) => p.uri === uri, since, 'probe didOpen');
    await sleep(300);
    return { content: [...new Set(client.contentRequests)], network: client.networkAttempts, diagnostics: published.params.diagnostics };
  } finally {
    await client.stop();
    client.kill();
  }
}

function hostileRun(server, input) {
  const client = new BenchClient(server, path.dirname(input.file));
  return withTimeout(hostileSteps(client, input), 'the run as a whole', client).finally(() => client.kill());
}

async function hostileSteps(client, input) {
  const init = await client.initialize();
  const uri = pathToFileURL(input.file).href;
  const since = client.mark();
  const sent = performance.now();
  await client.open(uri, input.text, 1);
  const published = await client.waitFor((p) => p.uri === uri, since, 'didOpen');
  const open = published.at - sent;
  const peak = client.peakRssMB();
  const alive = client.alive;
  const responsive = await client.stop();
  return { init, open, peak, alive, responsive, diagnostics: published.params.diagnostics, network: client.networkAttempts };
}

/**
 * A fresh eks-lens on a workspace folder: the time from `initialized` to the log line that says
 * the workspace scan (cross-file facts) is done, and the peak RSS after it.
 */
async function scanRun(server, folder) {
  const client = new BenchClient(server, folder);
  try {
    await client.initialize();
    const sent = performance.now();
    const deadline = sent + RUN_TIMEOUT_MS;
    for (;;) {
      const done = client.logs.find((l) => /^indexed \d+ files/.test(l.message));
      if (done) return { ms: done.at - sent, message: done.message, peak: client.peakRssMB() };
      if (performance.now() > deadline || !client.alive) throw new Error(`no scan report${client.stderrTail()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.stop();
    client.kill();
  }
}

// ---------------------------------------------------------------------------------------------
// CLI runs

function runCli(target) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = track(spawn(process.execPath, [CLI, 'check', '--format', 'json', target], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }));
    const out = [];
    let err = '';
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => (err = (err + String(chunk)).slice(-2000)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`eks-lens check ${target}: no result within ${RUN_TIMEOUT_MS / 1000} s`));
    }, RUN_TIMEOUT_MS);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const wall = performance.now() - started;
      // 0: no errors, 1: errors found, 2: bad usage or unreadable input (still reports the rest).
      if (signal || code === null || code > 2) {
        reject(new Error(`eks-lens check ${target} ended with ${signal ?? `code ${code}`}: ${err.trim().slice(-600)}`));
        return;
      }
      let report;
      try {
        report = JSON.parse(Buffer.concat(out).toString('utf8'));
      } catch {
        reject(new Error(`eks-lens check ${target} (exit ${code}) printed no JSON report: ${err.trim().slice(-600)}`));
        return;
      }
      const diagnostics = report.files.flatMap((f) => f.diagnostics);
      resolve({ wall, code, files: report.files.length, diagnostics, stderr: err.trim() });
    });
  });
}

async function benchCli(label, target, runs) {
  const walls = [];
  let last;
  for (let r = 0; r < runs; r++) {
    try {
      last = await runCli(target);
      walls.push(last.wall);
    } catch (error) {
      fail(`${label}, run ${r + 1}`, error);
    }
  }
  if (!last) return undefined;
  const m = median(walls);
  const rate = last.files / (m / 1000);
  console.log(`eks-lens check  ${label.padEnd(24)} ${String(last.files).padStart(5)} files  wall ${summary(walls)}  ${Math.round(rate)} files/s (median)`);
  console.log(`                ${''.padEnd(24)} exit ${last.code}, ${last.diagnostics.length} findings: ${codeCounts(last.diagnostics)}`);
  if (last.code === 2) console.log(`                ${''.padEnd(24)} note: exit 2 (unreadable input): ${last.stderr.split('\n').slice(0, 3).join(' | ')}`);
  return walls;
}

// ---------------------------------------------------------------------------------------------
// Sizes: the client bundle (as built, and as the .vsix ships it: minified) and the .vsix

async function clientBundle() {
  const built = path.join(ROOT, 'dist/client.js');
  const result = { built: existsSync(built) ? statSync(built).size : undefined };
  if (result.built !== undefined) result.builtKind = /sourceMappingURL=/.test(readFileSync(built, 'utf8').slice(-200)) ? 'development build' : 'production build';
  try {
    const esbuild = await import('esbuild');
    const { sharedOptions } = await import('./esbuild-options.mjs');
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const out = await esbuild.build({
      ...sharedOptions,
      absWorkingDir: ROOT,
      entryPoints: ['client/src/extension.ts'],
      outfile: path.join(BENCH, 'client.production.js'),
      external: ['vscode'],
      minify: true,
      sourcemap: false,
      define: { __EKS_LENS_VERSION__: JSON.stringify(version) },
      write: false,
      metafile: true,
    });
    result.production = out.outputFiles[0].contents.length;
    // Bytes in the output per package (or per source folder), largest first.
    const byPackage = new Map();
    for (const output of Object.values(out.metafile.outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
        const key = m ? m[1] : input.split('/').slice(0, 2).join('/');
        byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
      }
    }
    result.parts = [...byPackage].sort((a, b) => b[1] - a[1]);
  } catch (error) {
    result.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
  return result;
}

/** The .vsix in the project folder (the newest), its size and the sizes of the bundles inside. */
function vsixInfo() {
  const names = readdirSync(ROOT).filter((n) => n.endsWith('.vsix'));
  if (!names.length) return undefined;
  const newest = names.map((n) => ({ n, s: statSync(path.join(ROOT, n)) })).sort((a, b) => b.s.mtimeMs - a.s.mtimeMs)[0];
  const info = { name: newest.n, size: newest.s.size, mtime: newest.s.mtime, entries: new Map() };
  try {
    for (const entry of listZip(readFileSync(path.join(ROOT, newest.n)))) info.entries.set(entry.name, entry.size);
  } catch {
    // sizes inside not shown
  }
  return info;
}

// ---------------------------------------------------------------------------------------------
// Main

const METRICS = [
  ['init', 'spawn → initialize result', 'ms'],
  ['open', 'didOpen → diagnostics', 'ms'],
  ['idle', 'one-line edit → diagnostics', 'ms'],
  ['hover', `hover (${HOVERS} positions)`, 'ms'],
  ['peak', 'peak RSS (VmHWM)', 'MB'],
];

function newResult() {
  return { init: [], open: [], idle: [], typing: [], warmOpen: [], hover: [], hovered: 0, peak: [], diagnostics: undefined, edited: undefined, network: [], content: new Set() };
}

async function main() {
  const options = readOptions(process.argv.slice(2));
  for (const file of [SERVER, CLI]) {
    if (!existsSync(file)) {
      console.error(`bench: ${path.relative(ROOT, file)} is missing; run \`npm run build\` first (or \`npm run bench\`).`);
      process.exit(1);
    }
  }
  if (!existsSync(YLS_BIN)) {
    console.error('bench: node_modules/yaml-language-server is missing; run `npm install` (it is a devDependency).');
    process.exit(1);
  }

  const cpus = os.cpus();
  console.log('eks-lens benchmark');
  console.log(`node ${process.version} · ${os.platform()} ${os.arch()} · CPU ${cpus[0]?.model?.trim() ?? 'unknown'} · ${cpus.length} cores · ${Math.round(os.totalmem() / 2 ** 30)} GB RAM`);
  console.log(`runs per input and server: ${options.runs}${options.quick ? ' (--quick: no 20,000-line files)' : ''} · seed ${options.seed} · time limit per run ${RUN_TIMEOUT_MS / 1000} s`);
  console.log('');

  rmSync(BENCH, { recursive: true, force: true });
  rmSync(INPUTS, { recursive: true, force: true });
  mkdirSync(BENCH, { recursive: true });
  writeFileSync(GUARD, GUARD_SOURCE);
  const servers = defineServers(options);

  // Inputs: each in a folder of its own, opened as the workspace with it.
  const sizes = options.quick ? [1000, 5000] : [1000, 5000, 20000];
  const inputs = [];
  const prepare = (name, lines, pattern) => {
    const dir = path.join(INPUTS, name);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${name}.yaml`);
    const text = lines.join('\n') + '\n';
    writeFileSync(file, text);
    // Three one-line edits (in an address at 1/2, 1/4 and 3/4 of the file), each on the text the
    // previous one left.
    const edits = [];
    let current = lines;
    for (const at of [1 / 2, 1 / 4, 3 / 4]) {
      const edit = findEdit(current, Math.floor(current.length * at), pattern, bumpAddress);
      edits.push(edit);
      current = current.slice();
      current[edit.line] = edit.after;
    }
    const kinds = new Map();
    for (const m of text.matchAll(/^kind: (\w+)/gm)) kinds.set(m[1], (kinds.get(m[1]) ?? 0) + 1);
    inputs.push({
      label: name,
      size: lines.length,
      lines: lines.length,
      bytes: Buffer.byteLength(text),
      docs: Math.max(1, (text.match(/^---$/gm) ?? []).length),
      kinds,
      dir,
      file,
      text,
      edits,
      hovers: hoverPositions(lines),
    });
  };
  for (const n of sizes) prepare(`mixed-${n}`, mixedStreamFile(n, rngFor(options.seed, `mixed-${n}`)), /^\s+cidr: \d/);
  for (const n of sizes) prepare(`cfn-${n}`, cloudFormationFile(n, rngFor(options.seed, `cfn-${n}`)), /^\s+CidrBlock: \d/);

  const hostile = [
    { label: 'anchors+merges (2,000)', name: 'hostile-anchors', text: anchorMergeFile().join('\n') + '\n' },
    { label: 'alias bomb (9×9 levels)', name: 'hostile-alias-bomb', text: aliasBombFile().join('\n') + '\n' },
    { label: '10 MB file', name: 'hostile-10mb', text: hugeFile() },
  ];
  for (const h of hostile) {
    const dir = path.join(BENCH, 'hostile', h.name);
    mkdirSync(dir, { recursive: true });
    h.file = path.join(dir, `${h.name}.yaml`);
    writeFileSync(h.file, h.text);
  }

  console.log(`Inputs (${INPUTS}/; mixed = one stream of Kubernetes manifests and eksctl ClusterConfigs, cfn = one CloudFormation template)`);
  for (const input of inputs) {
    const kinds = input.label.startsWith('cfn')
      ? `${(input.text.match(/^ {4}Type: AWS::/gm) ?? []).length} resources`
      : [...input.kinds]
          .sort((a, b) => b[1] - a[1])
          .map(([k, n]) => `${k} ${n}`)
          .join(', ');
    console.log(
      `  ${path.basename(input.file).padEnd(18)} ${String(input.lines).padStart(6)} lines  ${kb(input.bytes).padStart(9)}  ${String(input.docs).padStart(4)} document${input.docs === 1 ? ' ' : 's'}  ${kinds}`,
    );
  }
  for (const h of hostile) console.log(`  ${path.basename(h.file).padEnd(24)} ${String(h.text.split('\n').length - 1).padStart(6)} lines  ${kb(Buffer.byteLength(h.text)).padStart(9)}`);
  console.log('');

  // The servers
  console.log("Servers (each run: a fresh `node --require .bench/no-network.cjs <server> --stdio`, its input's folder as the workspace)");
  console.log(`  eks-lens             dist/server.js --stdio, default settings`);
  console.log(`  yaml-ls              yaml-language-server ${servers.ylsVersion} (node_modules/yaml-language-server/bin/yaml-language-server --stdio), settings pulled through`);
  console.log('                       workspace/configuration: yaml.validate, yaml.hover, yaml.completion true; yaml.schemaStore.enable and');
  console.log("                       yaml.kubernetesCRDStore.enable false; yaml.customTags = CloudFormation's short-form intrinsics;");
  console.log('                       schema off: yaml.schemas {} · k8s schema: yaml.schemas { kubernetes: "*.yaml" }');
  console.log(`  yaml-language-server waits ${YLS_DELAY_MS} ms before every validation (didOpen included; not configurable); eks-lens checks an open at once`);
  console.log(`  and an edit after ${DEBOUNCE_MS} ms of quiet (at once when the last check started longer ago than that).`);
  let probe;
  try {
    probe = await kubernetesSchemaProbe(servers.ylsK8s);
  } catch (error) {
    fail('Kubernetes schema probe', error);
  }
  if (probe) {
    console.log(`  Kubernetes schema: with yaml.schemas { kubernetes: "*.yaml" }, yaml-language-server asked for ${probe.content.length ? probe.content.join(', ') : 'nothing'}`);
    if (options.k8sSchema) console.log(`    served from ${options.k8sSchema}; measured below as "yaml-ls, k8s schema".`);
    else {
      console.log('    The schema is not in the package: the server downloads it at run time. Refused here (no network), so "schema on" is not');
      console.log('    measured; pass --k8s-schema DIR with a local copy of that folder (all.json, _definitions.json) to measure it.');
      const first = probe.diagnostics[0];
      if (first) console.log(`    With the fetch refused it published ${probe.diagnostics.length} diagnostic(s), first: "${String(first.message).split('\n')[0].slice(0, 110)}"`);
    }
    if (probe.network.length) failures.push(`Kubernetes schema probe: network attempts ${probe.network.join(', ')}`);
  }
  console.log('');

  // Protocol runs: the servers take turns within each run, so drift on the machine hits both.
  console.log('Language servers over stdio');
  const results = new Map();
  const key = (server, input) => `${server.id}|${input.label}`;
  for (const input of inputs) {
    for (const server of servers.list) results.set(key(server, input), newResult());
    for (let run = 0; run < options.runs; run++) {
      for (const server of servers.list) {
        const r = results.get(key(server, input));
        try {
          const one = await protocolRun(server, input);
          for (const k of ['init', 'open', 'idle', 'typing', 'warmOpen']) r[k].push(one[k]);
          r.hover.push(...one.hovers);
          r.hovered = one.hovered;
          if (one.peak !== undefined) r.peak.push(one.peak);
          r.diagnostics ??= one.diagnostics;
          r.edited ??= one.edited;
          for (const u of one.content) r.content.add(u);
          if (one.network.length) {
            r.network.push(...one.network);
            fail(`${input.label}, ${server.label}, run ${run + 1}`, new Error(`tried the network: ${one.network.join(', ')}`));
          }
        } catch (error) {
          fail(`${input.label}, ${server.label}, run ${run + 1}`, error);
        }
      }
    }
    for (const server of servers.list) {
      const r = results.get(key(server, input));
      console.log(`  ${input.label.padEnd(12)} ${server.label.padEnd(20)} didOpen→diagnostics ${summary(r.open)}  [${r.diagnostics ? `${r.diagnostics.length} diagnostics` : 'no diagnostics'}]`);
    }
  }
  console.log('');

  const get = (server, input, metric) => {
    const r = results.get(key(server, input));
    return r && r[metric].length ? median(r[metric]) : undefined;
  };
  const fmt = (v, unit) => (v === undefined ? 'n/a' : unit === 'MB' ? `${mb(v)} MB` : `${ms(v)} ms`);
  const ratio = (a, b) => (a === undefined || b === undefined || b === 0 ? undefined : a / b);
  const fmtRatio = (x) => (x === undefined ? 'n/a' : x.toFixed(2));
  const others = servers.list.filter((s) => s !== servers.eksLens);
  const allRatios = [];

  console.log(`Comparison: medians over ${options.runs} fresh-process runs (hover: over ${HOVERS} positions × ${options.runs} runs); ratio = eks-lens / yaml-language-server`);
  console.log('');
  console.log(`| input | metric | eks-lens | ${others.map((s) => `${s.label} | ratio`).join(' | ')} |`);
  console.log(`|---|---|---:|${others.map(() => '---:|---:').join('|')}|`);
  for (const input of inputs) {
    for (const [metric, label, unit] of METRICS) {
      const mine = get(servers.eksLens, input, metric);
      const cells = others.map((s) => {
        const theirs = get(s, input, metric);
        const x = ratio(mine, theirs);
        if (x !== undefined) allRatios.push({ input: input.label, metric: label, server: s.label, x, mine, theirs, unit });
        return `${fmt(theirs, unit)} | ${fmtRatio(x)}`;
      });
      console.log(`| ${input.label} | ${label} | ${fmt(mine, unit)} | ${cells.join(' | ')} |`);
    }
  }
  console.log('');
  console.log(`The same latencies without yaml-language-server's fixed ${YLS_DELAY_MS} ms validation delay (its own work after the delay; for comparison only)`);
  console.log('');
  console.log(`| input | metric | eks-lens | ${others.map((s) => `${s.label} − ${YLS_DELAY_MS} ms | ratio`).join(' | ')} |`);
  console.log(`|---|---|---:|${others.map(() => '---:|---:').join('|')}|`);
  for (const input of inputs) {
    for (const [metric, label] of [
      ['open', 'didOpen → diagnostics'],
      ['idle', 'one-line edit → diagnostics'],
    ]) {
      const mine = get(servers.eksLens, input, metric);
      const cells = others.map((s) => {
        const r = results.get(key(s, input));
        const theirs = r[metric].length ? median(r[metric].map((v) => v - s.delayMs)) : undefined;
        return `${fmt(theirs, 'ms')} | ${fmtRatio(ratio(mine, theirs))}`;
      });
      console.log(`| ${input.label} | ${label} | ${fmt(mine, 'ms')} | ${cells.join(' | ')} |`);
    }
  }
  console.log('');

  console.log('Details');
  for (const input of inputs) {
    for (const server of servers.list) {
      const r = results.get(key(server, input));
      const label = `${input.label} ${server.label}`.padEnd(34);
      const debounce = server === servers.eksLens ? DEBOUNCE_MS : YLS_DELAY_MS;
      console.log(`  ${label} didOpen, warm process        ${summary(r.warmOpen)}`);
      console.log(`  ${''.padEnd(34)} edit while typing (raw)       ${summary(r.typing)}`);
      console.log(`  ${''.padEnd(34)} edit while typing −${debounce} ms     ${summary(r.typing.map((v) => v - debounce))}`);
      console.log(`  ${''.padEnd(34)} hover                         ${summary(r.hover)}  [${r.hovered} of ${HOVERS} answered]`);
      console.log(`  ${''.padEnd(34)} peak RSS                      median ${mb(r.peak.length ? median(r.peak) : undefined)} MB (max ${mb(r.peak.length ? Math.max(...r.peak) : undefined)})`);
      console.log(`  ${''.padEnd(34)} diagnostics after open        ${r.diagnostics ? `${r.diagnostics.length}: ${codeCounts(r.diagnostics).slice(0, 220)}` : 'none'}`);
      if (r.content.size) console.log(`  ${''.padEnd(34)} schema content asked for      ${[...r.content].join(', ')}`);
    }
  }
  console.log(`  (one-line edit: an incremental didChange of one address, sent ${IDLE_MS} ms after the previous diagnostics. Edit while typing:`);
  console.log(`   the edit follows another by ${BURST_GAP_MS} ms, so each server's debounce applies; the second line subtracts it. Warm process:`);
  console.log('   the same text opened under a second uri after the edits, in the same server. Peak RSS: VmHWM just before shutdown.)');
  console.log('');

  // Hostile inputs
  console.log('Hostile inputs, eks-lens (one fresh server each)');
  let hostilePeak;
  for (const h of hostile) {
    try {
      const r = await hostileRun(servers.eksLens, h);
      if (r.peak !== undefined) hostilePeak = Math.max(hostilePeak ?? 0, r.peak);
      const state = r.alive && r.responsive ? 'alive and answering' : r.alive ? 'ALIVE BUT NOT ANSWERING shutdown' : 'EXITED';
      console.log(`  ${h.label.padEnd(24)} didOpen→diagnostics ${ms(r.open).padStart(5)} ms  init ${ms(r.init)} ms  peak RSS ${mb(r.peak)} MB  server ${state}`);
      console.log(`  ${''.padEnd(24)} ${r.diagnostics.length} diagnostics: ${codeCounts(r.diagnostics)}`);
      if (!r.alive || !r.responsive) failures.push(`${h.label}: server ${state}`);
      if (r.network.length) failures.push(`${h.label}: tried the network: ${r.network.join(', ')}`);
    } catch (error) {
      fail(h.label, error);
    }
  }
  console.log('');

  // Merge-key chains: the parser's own time against a whole check, both in a fresh node process.
  console.log('Merge-key chains: the yaml parser alone vs eks-lens check (wall time of a fresh node, start-up included)');
  const chains = path.join(BENCH, 'hostile', 'merge-chains');
  mkdirSync(chains, { recursive: true });
  for (const count of [1000, 3000, 5000]) {
    const file = path.join(chains, `merge-${count}.yaml`);
    writeFileSync(file, mergeKeyChainFile(count));
    try {
      const alone = [];
      const checks = [];
      for (let r = 0; r < options.runs; r++) {
        alone.push(parserAloneRun(file));
        checks.push((await runCli(file)).wall);
      }
      const extra = median(checks) - median(alone);
      console.log(`  ${`${count.toLocaleString('en')} merges`.padEnd(14)} parser alone ${summary(alone)}  eks-lens check ${summary(checks)}  difference of medians ${ms(extra)} ms`);
    } catch (error) {
      fail(`merge-key chain of ${count}`, error);
    }
  }
  console.log('');

  // CLI
  console.log('Command-line checker (wall time including node start-up)');
  const many = path.join(BENCH, 'many');
  mkdirSync(many, { recursive: true });
  const fileCount = 2000;
  for (let i = 1; i <= fileCount; i++) {
    const ext = ['eksctl', 'cfn', 'k8s'][i % 3];
    writeFileSync(path.join(many, `${ext}-${pad(i)}.yaml`), smallFile(i) + '\n');
  }
  const cliWalls = await benchCli(`.bench/many (${fileCount})`, path.relative(ROOT, many), options.runs);
  const corpus = [path.resolve('/work/shared/corpus'), path.resolve(ROOT, '../shared/corpus')].find((p) => existsSync(p));
  if (corpus) {
    const shown = path.relative(ROOT, realpathSync(corpus)) || corpus;
    await benchCli(shown, corpus, options.runs);
  } else {
    console.log('skip corpus: not present');
  }
  console.log('');
  console.log('Workspace scan in the language server (cross-file facts; starts 1 s after initialized)');
  try {
    const scans = [];
    for (let run = 0; run < options.runs; run++) scans.push(await scanRun(servers.eksLens, many));
    console.log(`  .bench/many (${fileCount}) initialized→scan done ${summary(scans.map((r) => r.ms))}  peak RSS ${mb(Math.max(...scans.map((r) => r.peak ?? 0)))} MB  [${scans[0].message}]`);
  } catch (error) {
    fail('workspace scan', error);
  }
  console.log('');

  // Sizes
  console.log('Sizes');
  const bundle = await clientBundle();
  if (bundle.built !== undefined) console.log(`  dist/client.js as built now (${bundle.builtKind})  ${kb(bundle.built)}`);
  if (bundle.production !== undefined) {
    console.log(`  client bundle, production build (minified, as packaged)  ${kb(bundle.production)}; largest parts:`);
    console.log(
      `    ${bundle.parts
        .slice(0, 6)
        .map(([name, bytes]) => `${name} ${kb(bytes)}`)
        .join(' · ')}`,
    );
  } else console.log(`  client bundle, production build: not built (${bundle.error})`);
  const vsix = vsixInfo();
  if (vsix) {
    const inside = ['extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/cli.js']
      .filter((n) => vsix.entries.has(n))
      .map((n) => `${path.basename(n)} ${kb(vsix.entries.get(n))}`)
      .join(', ');
    console.log(`  ${vsix.name}  ${kb(vsix.size)} (built ${vsix.mtime.toISOString().slice(0, 16).replace('T', ' ')} UTC${inside ? `; inside: ${inside}` : ''})`);
  } else console.log('  .vsix: none in the project folder (`npm run package` makes one)');
  console.log('');

  // Targets
  console.log('Targets (eks-lens medians; informational)');
  const byLabel = new Map(inputs.map((i) => [i.label, i]));
  const line = (text, value, limit, unit = 'ms', how = 'median') => {
    if (value === undefined) {
      console.log(`  ${text.padEnd(60)} not measured${options.quick ? ' (--quick)' : ''}`);
      return;
    }
    console.log(
      `  ${text.padEnd(60)} ${value < limit ? 'met    ' : 'NOT met'} (${how} ${unit === 'ms' ? `${ms(value)} ms` : unit === 'MB' ? `${mb(value)} MB` : unit === 's' ? `${(value / 1000).toFixed(2)} s` : kb(value)})`,
    );
  };
  const mine = (label, metric) => (byLabel.has(label) ? get(servers.eksLens, byLabel.get(label), metric) : undefined);
  const inits = inputs.flatMap((i) => results.get(key(servers.eksLens, i)).init);
  line('spawn → initialize result under 150 ms (all runs)', inits.length ? median(inits) : undefined, 150);
  for (const [what, metric] of [
    ['first open, fresh process', 'open'],
    ['open in a running server', 'warmOpen'],
  ]) {
    line(`didOpen→diagnostics under 50 ms at 5,000 lines, ${what}`, mine('mixed-5000', metric), 50);
    line('  the same, CloudFormation template', mine('cfn-5000', metric), 50);
    line(`didOpen→diagnostics under 200 ms at 20,000 lines, ${what}`, mine('mixed-20000', metric), 200);
    line('  the same, CloudFormation template', mine('cfn-20000', metric), 200);
  }
  line('one-line edit→diagnostics under 30 ms at 5,000 lines', mine('mixed-5000', 'idle'), 30);
  line('  the same, CloudFormation template', mine('cfn-5000', 'idle'), 30);
  const typingNet = (label) => {
    const r = byLabel.has(label) ? results.get(key(servers.eksLens, byLabel.get(label))) : undefined;
    return r?.typing.length ? median(r.typing.map((v) => v - DEBOUNCE_MS)) : undefined;
  };
  line(`  while typing, less the ${DEBOUNCE_MS} ms debounce (mixed-5000)`, typingNet('mixed-5000'), 30);
  line(`  while typing, less the ${DEBOUNCE_MS} ms debounce (cfn-5000)`, typingNet('cfn-5000'), 30);
  const hoverMedians = inputs.map((i) => [i.label, get(servers.eksLens, i, 'hover')]).filter(([, v]) => v !== undefined);
  const worstHover = hoverMedians.sort((a, b) => b[1] - a[1])[0];
  line(`hover under 5 ms (slowest input: ${worstHover?.[0] ?? 'n/a'})`, worstHover?.[1], 5);
  const peakMedians = inputs.map((i) => [i.label, get(servers.eksLens, i, 'peak')]).filter(([, v]) => v !== undefined);
  const worstPeak = peakMedians.sort((a, b) => b[1] - a[1])[0];
  if (!worstPeak) console.log(`  ${'peak RSS under 150 MB'.padEnd(60)} not measured (no /proc)`);
  else {
    line(`peak RSS under 150 MB (largest: ${worstPeak[0]})`, worstPeak[1], 150, 'MB');
    line('peak RSS under 150 MB (hostile inputs)', hostilePeak, 150, 'MB', 'max');
  }
  const missed = allRatios.filter((r) => !(r.x < 0.5));
  console.log(
    `  ${'every ratio against yaml-language-server under 0.5'.padEnd(60)} ${allRatios.length && !missed.length ? 'met    ' : 'NOT met'} (${allRatios.length - missed.length} of ${allRatios.length} under 0.5)`,
  );
  for (const r of missed) console.log(`    ${r.input} ${r.metric} vs ${r.server}: ${r.x.toFixed(2)} (${fmt(r.mine, r.unit)} / ${fmt(r.theirs, r.unit)})`);
  line('client bundle under 100 KB (production build)', bundle.production, 100 * 1024, 'KB', 'size');
  line('.vsix under 1 MB', vsix?.size, 1024 * 1024, 'KB', 'size');
  line(`eks-lens check on ${fileCount} files under 10 s`, cliWalls?.length ? median(cliWalls) : undefined, 10_000, 's');

  if (failures.length) {
    console.log('');
    console.log(`${failures.length} run(s) failed:`);
    for (const f of failures) console.log(`  - ${f}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => {
    killChildren();
    process.exit(code);
  },
  (error) => {
    killChildren();
    console.error(`bench: ${error?.stack ?? error}`);
    process.exit(1);
  },
);
