// The folder dependency graph of server/src, read from the TypeScript sources without a compiler:
// every `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')` specifier, with
// relative ones resolved to a file. One node per top folder of server/src (a file at the top, such
// as server.ts, is its own node). Test files (*.test.ts) are left out: the layers are about the
// shipped code.
//
//   node scripts/import-graph.mjs          prints the edges with their counts, then any cycle
//                                          (exit code 1 when there is one)
//
// test/architecture.test.ts imports the functions below, so the test and this script read the graph
// the same way.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every .ts file under `dir`, recursively, sorted; `skip` names folders not to enter. */
export function listSources(dir, { skipTests = true } = {}) {
  const out = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        if (!(skipTests && entry.name.endsWith('.test.ts'))) out.push(full);
      }
    }
  };
  walk(dir);
  return out.sort();
}

/** The module specifiers a TypeScript source imports or re-exports (comments removed first). */
export function importSpecifiers(text) {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specs = [];
  const patterns = [
    /(?:^|[\s;])(?:import|export)\s[^;'"`]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /(?:^|[\s;])import\s*['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) specs.push(m[1]);
  return specs;
}

/** A relative specifier resolved to the file it names (with .ts, .mjs, .js or /index.ts tried). */
export function resolveRelative(fromFile, spec) {
  const base = path.resolve(path.dirname(fromFile), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.mjs`, `${base}.js`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return base;
}

/** The package a bare specifier names: `@scope/name` or `name` (`node:` built-ins kept whole). */
export function packageOf(spec) {
  if (spec.startsWith('node:')) return spec;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Reads the imports of every file under `srcRoot`: for each file, its folder node, the folder nodes
 * its relative imports reach inside `srcRoot`, the files they reach outside it, and the packages
 * it imports.
 */
export function readImports(srcRoot, options) {
  const root = path.resolve(srcRoot);
  return listSources(root, options).map((file) => {
    const rel = path.relative(root, file);
    const local = [];
    const outside = [];
    const packages = [];
    for (const spec of importSpecifiers(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) {
        const target = resolveRelative(file, spec);
        const targetRel = path.relative(root, target);
        if (targetRel.startsWith('..') || path.isAbsolute(targetRel)) outside.push(target);
        else local.push(nodeOf(targetRel));
      } else packages.push(packageOf(spec));
    }
    return { file: rel.split(path.sep).join('/'), node: nodeOf(rel), local, outside, packages };
  });
}

/** The graph node of a path relative to the source root: its top folder, or the file itself. */
export function nodeOf(rel) {
  const parts = rel.split(/[\\/]/);
  return parts.length > 1 ? parts[0] : parts[0].replace(/\.(ts|mjs|js)$/, '');
}

/**
 * Folder graph from readImports' records: Map<from, Map<to, { count, files }>>, edges between
 * different nodes only, with the files that make each edge.
 */
export function folderGraph(records) {
  const graph = new Map();
  for (const r of records) {
    if (!graph.has(r.node)) graph.set(r.node, new Map());
    for (const to of r.local) {
      if (to === r.node) continue;
      const edges = graph.get(r.node);
      const edge = edges.get(to) ?? { count: 0, files: new Set() };
      edge.count++;
      edge.files.add(r.file);
      edges.set(to, edge);
    }
  }
  return graph;
}

/**
 * The cycles of a graph given as Map<node, Iterable<node> | Map<node, unknown>>: each strongly
 * connected component of more than one node (Tarjan), with one cycle through it as a path.
 */
export function findCycles(graph) {
  const succ = (n) => {
    const s = graph.get(n);
    if (!s) return [];
    return s instanceof Map ? [...s.keys()] : [...s];
  };
  const nodes = new Set(graph.keys());
  for (const n of [...nodes]) for (const m of succ(n)) nodes.add(m);
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const components = [];
  const strong = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of succ(v)) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1 || succ(v).includes(v)) components.push(comp.sort());
    }
  };
  for (const n of [...nodes].sort()) if (!idx.has(n)) strong(n);
  return components.map((members) => ({ members, path: cycleThrough(members, succ) }));
}

/** One cycle through the first member of a strongly connected component (breadth-first). */
function cycleThrough(members, succ) {
  const inside = new Set(members);
  const start = members[0];
  const prev = new Map();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift();
    for (const w of succ(v)) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const out = [start];
        for (let x = v; x !== start; x = prev.get(x)) out.splice(1, 0, x);
        return [...out, start];
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

/** The graph as text lines: `from -> to (count)`, sorted. */
export function formatGraph(graph) {
  const lines = [];
  for (const [from, edges] of [...graph].sort(([a], [b]) => a.localeCompare(b))) {
    for (const [to, edge] of [...edges].sort(([a], [b]) => a.localeCompare(b))) lines.push(`${from} -> ${to} (${edge.count})`);
  }
  return lines;
}

/** The cycles as text lines naming, for each edge of one path, a file that makes it. */
export function formatCycles(graph, cycles) {
  return cycles.map(({ members, path: p }) => {
    const steps = [];
    for (let i = 0; i + 1 < p.length; i++) {
      const edge = graph.get(p[i])?.get(p[i + 1]);
      const file = edge?.files ? [...edge.files][0] : undefined;
      steps.push(`${p[i]} -> ${p[i + 1]}${file ? ` (${file})` : ''}`);
    }
    return `cycle between ${members.join(', ')}: ${steps.join('; ')}`;
  });
}

/** The nodes of server/src that speak the editor's protocol (protocol.ts: its message types only); every other one is plain TypeScript. */
export const PROTOCOL_NODES = ['server', 'lsp', 'protocol'];

/**
 * The layers of server/src, lowest first. A folder imports from its own layer and the layers below
 * it, never from above (and the cycle check holds within a layer). A new folder must be given a
 * layer here, or the architecture test fails.
 */
export const LAYERS = [
  ['net', 'protocol', 'version'], // address maths; the custom messages' types; the version string
  ['model'], // parsing, positions and edits
  ['network'], // the neutral network model and network knowledge (ranges, zones, instance types)
  ['workspace'], // the shape of cross-file facts, the workspace index, files and globs
  ['engine'], // the rule API, the runner, configuration
  ['formats'], // each input format: detection, network reading, address fields, facts
  ['actions', 'hover', 'map', 'capacity'], // fixes and the planner; hover; the address map; pod address capacity
  ['rules', 'completion'], // the rules (their fixes use actions/); completion
  ['lsp', 'cli'], // the two front ends
  ['server'], // the language server's entry point
];

/** The layer of a node (its index in LAYERS), or undefined when it has none. */
export function layerOf(node) {
  const i = LAYERS.findIndex((layer) => layer.includes(node));
  return i < 0 ? undefined : i;
}

/** Packages only server.ts and lsp/ (and the client) may import: the editor API and the LSP transport. */
export function isEditorPackage(pkg) {
  return pkg === 'vscode' || pkg.startsWith('vscode-languageserver') || pkg === 'vscode-jsonrpc' || pkg.startsWith('vscode-languageclient');
}

/**
 * Modules that open connections or run code: neither the server nor the client imports one (the
 * extension makes no network calls and runs nothing from the workspace).
 */
export const NETWORK_OR_EXEC_PACKAGES = [
  'node:http',
  'node:https',
  'node:http2',
  'node:net',
  'node:tls',
  'node:dgram',
  'node:dns',
  'node:child_process',
  'node:vm',
  'node:worker_threads',
  'node:cluster',
  'node:inspector',
  'node:module',
  'undici',
  'axios',
  'node-fetch',
];

/** The package a record names, with a bare built-in (`fs`) read as its `node:` form. */
function builtinForm(pkg) {
  return NETWORK_OR_EXEC_PACKAGES.includes(`node:${pkg}`) ? `node:${pkg}` : pkg;
}

/** Analysis packages the client must not import (it holds no analysis). */
export const ANALYSIS_PACKAGES = ['yaml', 'ip-address', 'ip-cidr'];

/** Server modules the client may import: the protocol types shared by both ends. */
export function isProtocolModule(repoRelative) {
  return /^(server\/src\/protocol|shared\/protocol)(\/|\.|$)/.test(repoRelative);
}

/**
 * What breaks the layers, as messages (none when the layers hold):
 * - `server`: readImports records of server/src: a cycle between its folders, a folder importing
 *   from a layer above its own or in no layer (test files left out), a shipped file importing a
 *   module that opens connections or runs code, or a file outside server.ts, lsp/ and protocol.ts
 *   (its tests included) importing an editor or LSP package;
 * - `client`: readImports records of client/src, with `repoRoot` to name what they reach outside
 *   client/src: a server module other than the protocol types, or an analysis package.
 */
export function architectureProblems({ server = [], client = [], repoRoot = process.cwd() }) {
  const problems = [];
  // Tests may reach across layers (an action's test runs the rules); the shipped code may not.
  const graph = folderGraph(server.filter((r) => !r.file.endsWith('.test.ts')));
  problems.push(...formatCycles(graph, findCycles(graph)));
  for (const [from, edges] of graph) {
    const mine = layerOf(from);
    if (mine === undefined) {
      problems.push(`layer: server/src/${from} is in no layer of LAYERS (scripts/import-graph.mjs)`);
      continue;
    }
    for (const [to, edge] of edges) {
      const theirs = layerOf(to);
      if (theirs !== undefined && theirs > mine) problems.push(`layer: ${from} imports ${to}, a layer above it (${[...edge.files][0]})`);
    }
  }
  for (const [where, records] of [
    ['server/src', server.filter((r) => !r.file.endsWith('.test.ts'))],
    ['client/src', client],
  ]) {
    for (const r of records) {
      for (const pkg of new Set(r.packages.map(builtinForm).filter((p) => NETWORK_OR_EXEC_PACKAGES.includes(p)))) {
        problems.push(`${where}/${r.file} imports ${pkg}: the extension opens no connection and runs no code`);
      }
    }
  }
  for (const r of server) {
    if (PROTOCOL_NODES.includes(r.node)) continue;
    for (const pkg of new Set(r.packages.filter(isEditorPackage))) {
      problems.push(`server/src/${r.file} imports ${pkg}: only server.ts, lsp/ and the protocol types may speak the editor's API or the protocol`);
    }
  }
  for (const r of client) {
    for (const target of r.outside) {
      const rel = path.relative(repoRoot, target).split(path.sep).join('/');
      if (!isProtocolModule(rel)) problems.push(`client/src/${r.file} imports ${rel}: the client may import only the protocol types from the server`);
    }
    for (const pkg of new Set(r.packages.filter((p) => ANALYSIS_PACKAGES.includes(p)))) {
      problems.push(`client/src/${r.file} imports ${pkg}: the client holds no analysis`);
    }
  }
  return problems;
}

if (process.argv[1] && path.basename(process.argv[1]) === 'import-graph.mjs') {
  const graph = folderGraph(readImports(process.argv[2] ?? 'server/src'));
  for (const line of formatGraph(graph)) console.log(line);
  const cycles = findCycles(graph);
  if (cycles.length) {
    for (const line of formatCycles(graph, cycles)) console.log(line);
    process.exitCode = 1;
  } else console.log('no cycle');
}
