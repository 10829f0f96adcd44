// The address-highlighting injection grammars (syntaxes/, contributed in package.json). They are
// loaded with vscode-textmate and vscode-oniguruma, as VS Code does, on top of both YAML grammars
// VS Code has shipped — its current one (RedCMD's, since 1.96, from the npm package that carries
// VS Code's YAML extension) and the TextMate bundle's (up to 1.95, from tm-grammars) — and VS Code's
// JSON grammar (tm-grammars). For the samples under test/grammar/ and for tables of addresses and
// look-alikes, the test checks which text gets an address scope, and that with the injections
// every character keeps exactly the scopes the base grammar gives it, with token boundaries moved
// only at the edges of the address tokens.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const root = process.cwd();
const fixtures = path.join(root, 'test/grammar');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const OWN = /\.eks-lens$/;

interface Contribution {
  scopeName: string;
  path: string;
  injectTo?: string[];
  language?: string;
}

const contributed: Contribution[] = manifest.contributes?.grammars ?? [];

// ---- Loading -------------------------------------------------------------------------------------

const onigLib: Promise<vsctm.IOnigLib> = (async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  return {
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s: string) => new oniguruma.OnigString(s),
  };
})();

/** scopeName → file of the base grammars, per YAML grammar. */
function baseGrammars(yaml: 'vscode' | 'tmbundle'): Map<string, string> {
  const files = new Map<string, string>([['source.json', require.resolve('tm-grammars/grammars/json.json')]]);
  if (yaml === 'tmbundle') files.set('source.yaml', require.resolve('tm-grammars/grammars/yaml.json'));
  else {
    // source.yaml includes source.yaml.1.2 and the others: load every file of the extension.
    const dir = path.dirname(require.resolve('@codingame/monaco-vscode-yaml-default-extension/resources/yaml.tmLanguage.json'));
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.tmLanguage.json'))) {
      const file = path.join(dir, name);
      files.set(JSON.parse(readFileSync(file, 'utf8')).scopeName, file);
    }
  }
  return files;
}

type Tokenizer = (text: string, scope: 'source.yaml' | 'source.json') => Line[];
interface Token {
  start: number;
  end: number;
  scopes: string[];
}
interface Line {
  text: string;
  tokens: Token[];
}

/** Tokenises whole documents with the base grammars, with or without the contributed injections. */
async function tokenizer(yaml: 'vscode' | 'tmbundle', withInjections: boolean): Promise<Tokenizer> {
  const files = baseGrammars(yaml);
  const injections = new Map<string, string[]>();
  if (withInjections) {
    for (const g of contributed) {
      files.set(g.scopeName, path.join(root, g.path));
      for (const target of g.injectTo ?? []) injections.set(target, [...(injections.get(target) ?? []), g.scopeName]);
    }
  }
  const registry = new vsctm.Registry({
    onigLib,
    loadGrammar: async (scopeName) => {
      const file = files.get(scopeName);
      return file ? vsctm.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scopeName) => injections.get(scopeName),
  });
  const grammars = {
    'source.yaml': (await registry.loadGrammar('source.yaml'))!,
    'source.json': (await registry.loadGrammar('source.json'))!,
  };
  return (text, scope) => {
    let state = vsctm.INITIAL;
    return text.split(/\r?\n/).map((line) => {
      const result = grammars[scope].tokenizeLine(line, state);
      state = result.ruleStack;
      const tokens = result.tokens.map((t, i, all) => ({ start: t.startIndex, end: i + 1 < all.length ? all[i + 1].startIndex : Math.max(line.length, t.startIndex), scopes: t.scopes }));
      return { text: line, tokens };
    });
  };
}

// ---- What the injections did ---------------------------------------------------------------------

interface Found {
  kind: 'ipv4' | 'ipv6' | 'cidr-ipv4' | 'cidr-ipv6';
  text: string;
  line: number;
  parts?: { address: string; separator: string; prefix: string };
}

/** The addresses and CIDR blocks the injections scoped, in document order. */
function found(lines: Line[]): Found[] {
  const out: Found[] = [];
  lines.forEach((line, n) => {
    let cidr: (Found & { parts: NonNullable<Found['parts']> }) | undefined;
    for (const t of line.tokens) {
      const text = line.text.slice(t.start, t.end);
      const own = t.scopes.filter((s) => OWN.test(s));
      const meta = own.find((s) => s.startsWith('meta.cidr.'));
      if (!meta) cidr = undefined;
      if (own.length === 0) continue;
      const ip = own.find((s) => s.startsWith('constant.numeric.ip-address.'));
      if (ip) {
        assert.equal(own.length, 1, `${text}: ${own.join(' ')}`);
        out.push({ kind: ip.includes('.ipv6.') ? 'ipv6' : 'ipv4', text, line: n });
        continue;
      }
      assert.ok(meta, `${text}: an eks-lens scope outside a CIDR block: ${own.join(' ')}`);
      assert.equal(own.length, 2, `${text}: ${own.join(' ')}`);
      const part = own.find((s) => s !== meta)!;
      if (part === 'constant.numeric.cidr.address.eks-lens') {
        cidr = { kind: meta.includes('.ipv6.') ? 'cidr-ipv6' : 'cidr-ipv4', text, line: n, parts: { address: text, separator: '', prefix: '' } };
        out.push(cidr);
      } else {
        assert.ok(cidr, `${text}: ${part} without the address before it`);
        if (part === 'punctuation.separator.cidr.eks-lens') cidr.parts.separator = text;
        else if (part === 'constant.numeric.cidr.prefix-length.eks-lens') cidr.parts.prefix = text;
        else assert.fail(`${text}: unexpected scope ${part}`);
        cidr.text += text;
      }
    }
  });
  return out;
}

/** Scopes per character, without the injections' own. */
function scopesAt(line: Line): string[][] {
  const at: string[][] = [];
  for (const t of line.tokens) for (let i = t.start; i < t.end; i++) at[i] = t.scopes.filter((s) => !OWN.test(s));
  return at;
}

/**
 * Asserts that `injected` differs from `base` only by the injections' scopes: every character keeps
 * the base grammar's scopes, and token boundaries differ only inside or at the edges of the tokens
 * carrying an address scope. Returns how many lines were compared.
 */
function assertOnlyAddressesDiffer(base: Line[], injected: Line[], label: string): number {
  assert.equal(injected.length, base.length);
  base.forEach((b, n) => {
    const i = injected[n];
    const where = `${label}:${n + 1}: ${JSON.stringify(b.text)}`;
    assert.deepEqual(scopesAt(i), scopesAt(b), `${where}\nscopes differ`);
    // Spans covered by address tokens (start inclusive, end inclusive, so both edges may move).
    const spans = i.tokens.filter((t) => t.scopes.some((s) => OWN.test(s))).map((t) => [t.start, t.end]);
    const merged: number[][] = [];
    for (const [s, e] of spans) {
      const last = merged.at(-1);
      if (last && last[1] === s) last[1] = e;
      else merged.push([s, e]);
    }
    const inAddress = (x: number) => merged.some(([s, e]) => x >= s && x <= e);
    const starts = (l: Line) => new Set(l.tokens.map((t) => t.start));
    const [bStarts, iStarts] = [starts(b), starts(i)];
    const onlyBase = [...bStarts].filter((x) => !iStarts.has(x) && !inAddress(x));
    const onlyInjected = [...iStarts].filter((x) => !bStarts.has(x) && !inAddress(x));
    assert.deepEqual({ onlyBase, onlyInjected }, { onlyBase: [], onlyInjected: [] }, `${where}\ntoken boundaries differ outside addresses`);
  });
  return base.length;
}

// ---- Expectations --------------------------------------------------------------------------------

const v4 = (text: string): [string, string] => ['ipv4', text];
const v6 = (text: string): [string, string] => ['ipv6', text];
const c4 = (text: string): [string, string] => ['cidr-ipv4', text];
const c6 = (text: string): [string, string] => ['cidr-ipv6', text];

/** Every address the samples hold outside comments and keys, in order. */
const SAMPLES: Record<string, Array<[string, string]>> = {
  'eksctl-cluster.yaml': [
    c4('172.20.0.0/16'),
    c4('10.42.0.0/16'),
    c4('203.0.113.0/24'),
    c4('198.51.100.7/32'),
    c4('100.64.0.0/16'),
    c4('100.65.0.0/16'),
    c4('10.42.0.0/19'),
    c4('10.42.32.0/19'),
    c4('10.42.128.0/20'),
    v4('169.254.169.253'),
    v4('172.20.0.10'),
    v4('10.42.0.15'),
    v4('169.254.169.254'),
  ],
  'cloudformation-vpc.yaml': [
    c4('172.20.0.0/16'),
    c4('10.0.0.0/16'),
    c4('10.0.0.0/16'),
    c4('192.168.0.0/16'),
    c4('10.0.0.0/24'),
    c4('10.0.128.0/20'),
    c6('2600:1f14:abc:de00::/56'),
    c4('0.0.0.0/0'),
    v4('198.51.100.7'),
    c4('198.51.100.7/32'),
    c6('::/0'),
    c4('10.0.0.0/8'),
    c4('0.0.0.0/0'),
  ],
  'cloudformation-vpc.json': [
    c4('10.0.0.0/16'),
    v4('169.254.169.254'),
    c4('10.0.0.0/16'),
    c4('10.0.1.0/24'),
    c6('2600:1f14:abc:de01::/64'),
    c4('0.0.0.0/0'),
    c6('::/0'),
    v4('10.0.0.2'),
    v6('fd00:ec2::253'),
    v6('::ffff:10.0.0.2'),
  ],
  'kubernetes.yaml': [
    c4('10.0.0.0/8'),
    c4('192.168.0.0/16'),
    v4('172.20.14.7'),
    v4('172.20.14.7'),
    v6('fd12:3456:789a::14'),
    c4('203.0.113.0/24'),
    v4('198.51.100.10'),
    c4('10.0.0.0/16'),
    c4('10.0.42.0/24'),
    c6('fd00::/8'),
    v4('10.0.0.5'),
    v6('::1'),
    v4('172.20.0.10'),
    v6('fd00:ec2::253'),
    v4('10.0.0.5'),
    v4('10.0.0.5'),
    v4('10.0.0.6'),
    v4('10.0.0.2'),
    v6('fd00:ec2::253'),
  ],
  'non-addresses.yaml': [],
  'yaml-1.1.yaml': [c4('10.0.0.0/16'), c6('2600:1f14::/56'), v6('fd00:ec2::253'), c4('192.168.0.0/16')],
};

/**
 * [document, language, addresses scoped on VS Code's grammar, on the TextMate bundle's]. Keys are
 * names and keep the key colour; but the TextMate bundle's grammar gives a quoted YAML key no key
 * scope, so there it is a string like any other. Where the YAML grammar itself gives text inside a
 * string a scope (VS Code's calls a bare IPv4 address a float in a YAML 1.1 document), it is kept.
 */
const PER_GRAMMAR: Array<[string, 'source.yaml' | 'source.json', number, number]> = [
  ['10.0.0.0/8: internal\n', 'source.yaml', 0, 0],
  ['fd00::/8: ula\n', 'source.yaml', 0, 0],
  ['map: {10.0.0.0/8: internal, 10.1.0.1: x}\n', 'source.yaml', 0, 0],
  ['"10.0.0.0/8": internal\n', 'source.yaml', 0, 1],
  ["'10.0.0.1': host\n", 'source.yaml', 0, 1],
  ['? 10.0.0.0/8\n: internal\n', 'source.yaml', 0, 0],
  ['{"10.0.0.0/8": "10.0.0.1", "::1": 1}\n', 'source.json', 1, 1],
  ['%YAML 1.1\n---\ndns: 10.0.0.2\nvpc: 10.0.0.0/16\n', 'source.yaml', 1, 2],
];

/** Addresses on their own, with what must be scoped (the port of 10.0.0.1:443 is not). */
const ADDRESSES: Array<[string, [string, string]]> = [
  ['10.0.0.0/16', c4('10.0.0.0/16')],
  ['0.0.0.0/0', c4('0.0.0.0/0')],
  ['10.0.0.1/32', c4('10.0.0.1/32')],
  ['192.168.0.1', v4('192.168.0.1')],
  ['255.255.255.255', v4('255.255.255.255')],
  ['0.0.0.0', v4('0.0.0.0')],
  ['10.0.0.1:443', v4('10.0.0.1')],
  ['::1', v6('::1')],
  ['::/0', c6('::/0')],
  ['fe80::1', v6('fe80::1')],
  ['FD00:EC2::253', v6('FD00:EC2::253')],
  ['2001:db8::/32', c6('2001:db8::/32')],
  ['2600:1f14:abc:de00::/56', c6('2600:1f14:abc:de00::/56')],
  ['2001:0db8:0000:0000:0000:ff00:0042:8329', v6('2001:0db8:0000:0000:0000:ff00:0042:8329')],
  ['2001:db8:0:0:1:0:0:1/128', c6('2001:db8:0:0:1:0:0:1/128')],
  ['::ffff:10.0.0.1', v6('::ffff:10.0.0.1')],
  ['64:ff9b::192.0.2.33', v6('64:ff9b::192.0.2.33')],
  ['64:ff9b::/96', c6('64:ff9b::/96')],
  ['fe80::1%eth0', v6('fe80::1')],
  ['[fe80::1]:8080', v6('fe80::1')],
  ['http://169.254.169.254/latest/meta-data', v4('169.254.169.254')],
  ['--node-ip=10.0.0.7', v4('10.0.0.7')],
  ['admin@10.0.0.8', v4('10.0.0.8')],
];

/**
 * Addresses ending in `::`: in a YAML plain scalar a colon before a space or the end of the line is
 * a mapping indicator (`key: fd00::` is a key `fd00:` to YAML), so they are addresses only quoted.
 */
const ENDING_IN_COLONS: Array<[string, [string, string]]> = [
  ['::', v6('::')],
  ['fd00::', v6('fd00::')],
  ['1:2:3:4:5:6:7::', v6('1:2:3:4:5:6:7::')],
];

/** Look-alikes: versions, times, MACs, image tags, names, out-of-range or malformed addresses. */
const NOT_ADDRESSES = [
  '1.2.3',
  '1.30',
  'v1.30.0',
  'v1.2.3.4',
  '1.2.3.4.5',
  '3.5.12-0',
  'registry.k8s.io/etcd:3.5.12-0',
  'v1.18.1-eksbuild.1',
  '10:30',
  '10:30:00',
  '2024-06-01T10:30:00Z',
  '00:1a:2b:3c:4d:5e',
  '00-1A-2B-3C-4D-5E',
  '256.1.1.1',
  '10.0.0.256',
  '010.0.0.1',
  '10.0.1',
  '10.0.0.0/33',
  '10.0.0.0/08',
  'fd00::/129',
  '1::2::3',
  '1:2:3:4:5:6:7:8:9',
  '12345::1',
  ':::1',
  '10.0.0.0/255.255.0.0',
  '10.0.0.1-10.0.0.9',
  '10.0.0.1.nip.io',
  'ip-10-0-0-1.ec2.internal',
  'k8s-1.2.3.4',
  'a1.2.3.4',
  '1.2.3.4a',
  '1.2.3.4_b',
  'AWS::EC2::VPC',
  'Fn::GetAtt',
  'dead::beef',
  'Foo::Bar',
  'sha256:4c8e6b5d6f1f3a2b9e0d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f',
  '123e4567-e89b-12d3-a456-426614174000',
];

/** Where a value is put to be tokenised: [name, document, language]. `$` is replaced by the value. */
const CONTEXTS: Array<[string, string, 'source.yaml' | 'source.json']> = [
  ['YAML plain scalar', 'key: $\n', 'source.yaml'],
  ['YAML plain scalar with words around it', 'key: route $ via gateway\n', 'source.yaml'],
  ['YAML double-quoted scalar', 'key: "to $."\n', 'source.yaml'],
  ['YAML single-quoted scalar', "key: '$'\n", 'source.yaml'],
  ['YAML sequence item', 'list:\n  - $\n', 'source.yaml'],
  ['YAML flow sequence', 'list: [a, $, "b"]\n', 'source.yaml'],
  ['YAML flow mapping value', 'map: {a: $, b: c}\n', 'source.yaml'],
  ['YAML after a short tag', 'key: !Ref $\n', 'source.yaml'],
  ['YAML block scalar', 'script: |\n  ip route add $ dev eth0\n', 'source.yaml'],
  ['JSON string', '{"key": "$", "list": ["$"]}\n', 'source.json'],
];
const QUOTED = /quoted|JSON/;

/**
 * The YAML and JSON files of examples/ and test/ (relative to the project), but not the 600 real
 * files of test/realworld: the checker's test reads those, and tokenising them here took 40 s.
 */
function dataFiles(dir = '', out: string[] = []): string[] {
  for (const entry of readdirSync(path.join(root, dir || '.'), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (rel === 'test/realworld') continue;
      if (dir || entry.name === 'examples' || entry.name === 'test') dataFiles(rel, out);
    } else if (dir && /\.(ya?ml|json)$/.test(entry.name)) out.push(rel);
  }
  return out.sort();
}

/**
 * Random YAML-ish and JSON-ish documents (seeded, so every run tokenises the same ones): addresses
 * and look-alikes next to every kind of YAML punctuation, valid or not.
 */
function randomDocuments(count: number, seed = 20240601): string[] {
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const values = [...ADDRESSES.map(([v]) => v), ...ENDING_IN_COLONS.map(([v]) => v), ...NOT_ADDRESSES, '10.0.0.0/16', '::/0', '10.0.0.1', 'fd00::1'];
  const pieces = [
    'key:',
    'k: ',
    '- ',
    '? ',
    ': ',
    '!Ref ',
    '!Sub ',
    '!!str ',
    '&a ',
    '*a',
    '# ',
    ' #',
    '"',
    "'",
    '[',
    ']',
    '{',
    '}',
    ', ',
    ',',
    '|',
    '>-',
    'word',
    'two words',
    '---',
    '...',
    '%YAML 1.2',
    '<<: ',
    '\\',
    '\t',
    '  ',
  ];
  const docs: string[] = [];
  for (let d = 0; d < count; d++) {
    const lines: string[] = [];
    for (let l = 0, n = 1 + Math.floor(random() * 8); l < n; l++) {
      let line = ' '.repeat(2 * Math.floor(random() * 3));
      for (let p = 0, m = 1 + Math.floor(random() * 6); p < m; p++) line += random() < 0.45 ? pick(values) : pick(pieces);
      lines.push(line);
    }
    // Some start with empty lines or a comment, before VS Code's grammar opens its stream.
    docs.push(`${pick(['', '', '\n', '\n\n', '# c\n', ' \n'])}${lines.join('\n')}\n`);
  }
  return docs;
}

// ---- Tests ---------------------------------------------------------------------------------------

describe('address highlighting grammars', () => {
  test('syntaxes/*.json are what syntaxes/build.mjs writes', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'syntaxes/build.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });

  test('package.json contributes every grammar in syntaxes/ as an injection into YAML and JSON', () => {
    const files = readdirSync(path.join(root, 'syntaxes')).filter((n) => n.endsWith('.json'));
    assert.deepEqual(contributed.map((g) => path.posix.normalize(g.path)).sort(), files.map((f) => `syntaxes/${f}`).sort());
    for (const g of contributed) {
      const grammar = JSON.parse(readFileSync(path.join(root, g.path), 'utf8'));
      assert.equal(g.scopeName, grammar.scopeName, g.path);
      assert.equal(g.language, undefined, `${g.path} is an injection, not a language's grammar`);
      assert.ok(grammar.injectionSelector, `${g.path} has no injectionSelector`);
      const expected = grammar.injectionSelector.includes('source.json') ? ['source.yaml', 'source.json'] : ['source.yaml'];
      assert.deepEqual(g.injectTo, expected, g.path);
    }
  });

  for (const yaml of ['vscode', 'tmbundle'] as const) {
    const label = yaml === 'vscode' ? "VS Code's YAML grammar (1.96 on)" : "the TextMate bundle's YAML grammar (VS Code up to 1.95)";
    describe(`on ${label}`, () => {
      let base: Tokenizer;
      let injected: Tokenizer;
      before(async () => {
        [base, injected] = await Promise.all([tokenizer(yaml, false), tokenizer(yaml, true)]);
      });

      for (const [file, expected] of Object.entries(SAMPLES)) {
        test(`${file}: scopes exactly its addresses and CIDR parts, and changes nothing else`, () => {
          const text = readFileSync(path.join(fixtures, file), 'utf8');
          const scope = file.endsWith('.json') ? 'source.json' : 'source.yaml';
          const lines = injected(text, scope);
          const got = found(lines);
          assert.deepEqual(
            got.map((f) => [f.kind, f.text]),
            expected,
            got.map((f) => `${f.line + 1}: ${f.kind} ${f.text}`).join('\n'),
          );
          for (const f of got.filter((f) => f.parts)) {
            const [address, prefix] = f.text.split('/');
            assert.deepEqual(f.parts, { address, separator: '/', prefix }, f.text);
          }
          assertOnlyAddressesDiffer(base(text, scope), lines, file);
        });
      }

      test("every YAML and JSON file in examples/ and test/ keeps the base grammar's scopes", () => {
        let lines = 0;
        let addresses = 0;
        for (const file of dataFiles()) {
          const text = readFileSync(path.join(root, file), 'utf8');
          const scope = file.endsWith('.json') ? 'source.json' : 'source.yaml';
          const tokenized = injected(text, scope);
          addresses += found(tokenized).length;
          lines += assertOnlyAddressesDiffer(base(text, scope), tokenized, file);
        }
        assert.ok(lines > 1000 && addresses > 50, `${lines} lines, ${addresses} addresses`);
      });

      test("random documents keep the base grammar's scopes", () => {
        for (const doc of randomDocuments(1000)) {
          for (const scope of ['source.yaml', 'source.json'] as const) {
            assertOnlyAddressesDiffer(base(doc, scope), injected(doc, scope), `${scope} ${JSON.stringify(doc)}`);
          }
        }
      });

      test('keys are not scoped, and scopes the YAML grammar gives inside strings are kept', () => {
        for (const [doc, scope, vscode, tmbundle] of PER_GRAMMAR) {
          const lines = injected(doc, scope);
          assert.equal(found(lines).length, yaml === 'vscode' ? vscode : tmbundle, JSON.stringify(doc));
          assertOnlyAddressesDiffer(base(doc, scope), lines, JSON.stringify(doc));
        }
      });

      for (const [name, template, scope] of CONTEXTS) {
        test(`${name}: addresses are scoped, look-alikes are not`, () => {
          const quoted = QUOTED.test(name);
          const addresses = quoted ? [...ADDRESSES, ...ENDING_IN_COLONS] : ADDRESSES;
          const notAddresses = quoted ? NOT_ADDRESSES : [...NOT_ADDRESSES, ...ENDING_IN_COLONS.map(([value]) => value)];
          for (const [value, [kind, text]] of addresses) {
            // Brackets would end a plain scalar in a flow collection.
            if (/[[\]]/.test(value) && /flow/.test(name)) continue;
            const doc = template.replaceAll('$', value);
            const lines = injected(doc, scope);
            const got = found(lines).map((f) => [f.kind, f.text]);
            const copies = template.split('$').length - 1;
            assert.deepEqual(got, Array(copies).fill([kind, text]), `${name}: ${JSON.stringify(doc)}`);
            assertOnlyAddressesDiffer(base(doc, scope), lines, `${name} ${value}`);
          }
          for (const value of notAddresses) {
            const doc = template.replaceAll('$', value);
            const lines = injected(doc, scope);
            assert.deepEqual(found(lines), [], `${name}: ${JSON.stringify(doc)}`);
            assertOnlyAddressesDiffer(base(doc, scope), lines, `${name} ${value}`);
          }
        });
      }
    });
  }
});
