// The layers hold: no cycle between the folders of server/src, no editor API or LSP transport in the
// core, no server code and no analysis in the client. Read from the sources the way
// `node scripts/import-graph.mjs` reads them (the same functions), so what the script prints is what
// this test checks.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { architectureProblems, findCycles, folderGraph, importSpecifiers, LAYERS, layerOf, listSources, readImports, type ImportRecord } from '../scripts/import-graph.mjs';

const root = process.cwd();
// Test files count for the editor-package check (a rule's test is core code too), not for the graph.
const server = readImports(path.join(root, 'server/src'), { skipTests: false });
const shipped = server.filter((r) => !r.file.endsWith('.test.ts'));
const client = readImports(path.join(root, 'client/src'), { skipTests: false });

const record = (file: string, fields: Partial<ImportRecord>): ImportRecord => ({
  file,
  node: file.includes('/') ? file.split('/')[0] : file.replace(/\.ts$/, ''),
  local: [],
  outside: [],
  packages: [],
  ...fields,
});

describe('architecture', () => {
  it('reads the sources it checks (the walk is not empty)', () => {
    const nodes = new Set(shipped.map((r) => r.node));
    for (const folder of ['engine', 'rules', 'model', 'actions', 'lsp', 'server']) assert.ok(nodes.has(folder), `server/src node ${folder}`);
    assert.ok(client.length > 0, 'client/src files');
    // The engine is reached from the rules (a graph with no edges would pass every check).
    assert.ok(folderGraph(shipped).get('rules')?.has('engine'));
  });

  it('has no cycle between the folders of server/src', () => {
    const problems = architectureProblems({ server: shipped }).filter((p) => p.startsWith('cycle'));
    assert.deepEqual(problems, []);
  });

  it('keeps vscode and the LSP packages out of the core: only server.ts, lsp/ and the protocol types speak the protocol', () => {
    assert.deepEqual(architectureProblems({ server }), []);
  });

  it('keeps server modules (but the protocol types) and analysis packages out of the client', () => {
    assert.deepEqual(architectureProblems({ client, repoRoot: root }), []);
  });

  it('engine/ imports nothing from rules/ (the rules are passed to it)', () => {
    assert.ok(!folderGraph(shipped).get('engine')?.has('rules'));
  });

  it('opens no connection and runs no code: no network or process module, no fetch, eval or Function', () => {
    assert.deepEqual(
      architectureProblems({ server: shipped, client }).filter((p) => p.includes('opens no connection')),
      [],
    );
    for (const [where, records] of [
      ['server/src', shipped],
      ['client/src', client],
    ] as const) {
      for (const r of records) {
        const text = readFileSync(path.join(root, where, r.file), 'utf8').replace(/^\s*\/\/.*$/gm, '');
        assert.doesNotMatch(text, /\bfetch\s*\(|\beval\s*\(|\bnew\s+Function\s*\(|\bXMLHttpRequest\b|\bWebSocket\b/, `${where}/${r.file}`);
      }
    }
  });

  it('gives every folder a layer, and each imports only from its own layer or those below', () => {
    const graph = folderGraph(shipped);
    for (const node of graph.keys()) assert.notEqual(layerOf(node), undefined, `server/src/${node} has a layer`);
    assert.deepEqual(
      architectureProblems({ server: shipped }).filter((p) => p.startsWith('layer')),
      [],
    );
    // The formats read documents; the features (rules, fixes, completion, hover, map, front ends) sit above them.
    for (const feature of ['rules', 'actions', 'completion', 'hover', 'map', 'lsp', 'cli']) assert.ok(!graph.get('formats')?.has(feature), `formats/ imports nothing from ${feature}/`);
  });

  describe('fails when a layer breaks (fake graphs)', () => {
    it('reports a cycle between folders, naming a file of each edge', () => {
      const problems = architectureProblems({
        server: [record('actions/a.ts', { local: ['hover'] }), record('hover/b.ts', { local: ['actions'] }), record('model/x.ts', { local: ['model'] })],
      });
      assert.deepEqual(problems, ['cycle between actions, hover: actions -> hover (actions/a.ts); hover -> actions (hover/b.ts)']);
    });

    it('reports an import from a layer above, a folder that has no layer, and a module that reaches the network or runs code', () => {
      const problems = architectureProblems({
        server: [
          record('formats/eksctl/index.ts', { local: ['rules', 'model'] }),
          record('engine/run.ts', { local: ['rules'] }),
          record('terraform/index.ts', { local: ['model'] }),
          record('lsp/fetcher.ts', { packages: ['node:https', 'child_process'] }),
        ],
      });
      assert.deepEqual(problems, [
        'layer: formats imports rules, a layer above it (formats/eksctl/index.ts)',
        'layer: engine imports rules, a layer above it (engine/run.ts)',
        'layer: server/src/terraform is in no layer of LAYERS (scripts/import-graph.mjs)',
        'server/src/lsp/fetcher.ts imports node:https: the extension opens no connection and runs no code',
        'server/src/lsp/fetcher.ts imports node:child_process: the extension opens no connection and runs no code',
      ]);
    });

    it('finds a cycle through three nodes and none in a chain', () => {
      assert.deepEqual(
        findCycles(
          new Map([
            ['a', ['b']],
            ['b', ['c']],
            ['c', ['a']],
          ]),
        ).map((c) => c.path),
        [['a', 'b', 'c', 'a']],
      );
      assert.deepEqual(
        findCycles(
          new Map([
            ['a', ['b']],
            ['b', ['c']],
          ]),
        ),
        [],
      );
    });

    it('reports a rule that imports vscode-languageserver, and a model file that imports vscode', () => {
      const problems = architectureProblems({
        server: [
          record('rules/bad.ts', { local: ['engine'], packages: ['vscode-languageserver', 'yaml'] }),
          record('model/bad.ts', { packages: ['vscode'] }),
          record('engine/bad.ts', { packages: ['vscode-jsonrpc'] }),
          record('lsp/fine.ts', { packages: ['vscode-languageserver'] }),
          record('server.ts', { packages: ['vscode-languageserver'] }),
        ],
      });
      assert.deepEqual(problems, [
        "server/src/rules/bad.ts imports vscode-languageserver: only server.ts, lsp/ and the protocol types may speak the editor's API or the protocol",
        "server/src/model/bad.ts imports vscode: only server.ts, lsp/ and the protocol types may speak the editor's API or the protocol",
        "server/src/engine/bad.ts imports vscode-jsonrpc: only server.ts, lsp/ and the protocol types may speak the editor's API or the protocol",
      ]);
    });

    it('reports a client file that imports a server module or yaml, and allows the protocol types', () => {
      const problems = architectureProblems({
        repoRoot: '/repo',
        client: [record('extension.ts', { outside: ['/repo/server/src/engine/run.ts', '/repo/server/src/protocol.ts', '/repo/shared/protocol/index.ts'], packages: ['yaml', 'vscode'] })],
      });
      assert.deepEqual(problems, [
        'client/src/extension.ts imports server/src/engine/run.ts: the client may import only the protocol types from the server',
        'client/src/extension.ts imports yaml: the client holds no analysis',
      ]);
    });

    it('reads every form of import and re-export, and not commented ones', () => {
      const text = [
        "import a from 'pkg-a';",
        "import type { B } from './b';",
        'import {',
        '  c,',
        '  d,',
        "} from '../c';",
        "export { e } from './e';",
        "export * from './f';",
        "import './side-effect';",
        "const g = await import('./g');",
        "// import h from 'commented';",
        "/* import i from 'also-commented'; */",
        "const s = Buffer.from('not an import');",
      ].join('\n');
      assert.deepEqual(importSpecifiers(text).sort(), ['../c', './b', './e', './f', './g', './side-effect', 'pkg-a']);
    });
  });
});

describe('ARCHITECTURE.md', () => {
  const doc = readFileSync(path.join(root, 'ARCHITECTURE.md'), 'utf8');

  it('maps every folder and top-level file of server/src, and every format', () => {
    const nodes = [...new Set(shipped.map((r) => r.node))];
    for (const node of nodes) assert.ok(doc.includes(`\`${node}/\``) || doc.includes(`\`${node}.ts\``), `ARCHITECTURE.md names server/src/${node}`);
    const formats = [...new Set(shipped.filter((r) => r.file.startsWith('formats/') && r.file.split('/').length > 2).map((r) => r.file.split('/')[1]))];
    assert.ok(formats.length >= 3);
    for (const format of formats) assert.ok(doc.includes(`\`${format}/\``), `ARCHITECTURE.md names formats/${format}`);
  });

  it('lists the layers as scripts/import-graph.mjs declares them', () => {
    for (const [i, layer] of LAYERS.entries()) {
      const row = doc.split('\n').find((line) => line.startsWith(`| ${i} |`));
      assert.ok(row, `a row for layer ${i}`);
      for (const node of layer) assert.ok(row.includes(`\`${node}/\``) || row.includes(`\`${node}.ts\``), `layer ${i} lists ${node}`);
    }
  });
});

describe('the tests themselves', () => {
  // A shared 2-core machine under load makes any wall-time limit flaky: waits are conditions with
  // the long ceilings of test/support/limits.ts, and speed is measured by npm run bench.
  const tests = [...listSources(path.join(root, 'test'), { skipTests: false }), ...listSources(path.join(root, 'server/src'), { skipTests: false })].filter(
    (f) => (f.endsWith('.test.ts') || f.includes(`${path.sep}support${path.sep}`)) && !f.includes(`${path.sep}realworld${path.sep}`),
  );

  it('reads the test files (the list is not empty)', () => {
    assert.ok(tests.length > 50, `${tests.length} test files`);
  });

  it('assert nothing about elapsed time, and take every time limit from test/support/limits.ts', () => {
    for (const file of tests) {
      const text = readFileSync(file, 'utf8');
      const where = path.relative(root, file);
      assert.doesNotMatch(text, /assert[^;\n]*\b(elapsed|duration|durationMs|ms|seconds|took)\b\s*[<>]=?/, `${where} asserts on a duration`);
      assert.doesNotMatch(text, /\btimeout(Ms)?\s*:\s*\d/, `${where} writes a time limit as a number`);
    }
  });
});
