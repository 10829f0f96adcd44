// The snippets contributed for YAML (snippets/eks-lens.json): every one, expanded with its defaults
// as VS Code would insert it, is valid YAML of the kind its prefix promises and passes every rule
// with no finding at all; every other choice of a `${n|a,b|}` passes with no error or warning.
// Snippets that are blocks to insert into a file (a node group, the addons, a subnet) are also
// checked inside the document they belong in: the cluster or the VPC template of the other snippets.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments, parseDocument } from 'yaml';
import { mergeConfig } from '../server/src/engine/config';
import { checkFile, type Finding } from '../server/src/engine/run';
import { allRules } from '../server/src/rules/index';
import type { DocumentKind } from '../server/src/model/classify';
import { buildFileModel } from '../server/src/formats';

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

const root = process.cwd();
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributions: Array<{ language: string; path: string }> = manifest.contributes?.snippets ?? [];
const snippetFile = contributions.find((c) => c.language === 'yaml')?.path;
const snippets: Record<string, Snippet> = snippetFile ? JSON.parse(readFileSync(path.join(root, snippetFile), 'utf8')) : {};
const all = Object.entries(snippets).map(([name, s]) => ({ name, ...s, text: Array.isArray(s.body) ? s.body.join('\n') : String(s.body) }));
const byPrefix = new Map(all.map((s) => [s.prefix, s]));

const KIND_OF_PREFIX: Record<string, DocumentKind> = { 'eks-': 'eksctl', 'k8s-': 'kubernetes', 'cfn-': 'cloudformation' };
/** Blocks meant for the inside of a file, with the snippet whose expansion is their host. */
const FRAGMENTS: Record<string, { host: string; kind: DocumentKind }> = {
  'eks-nodegroup': { host: 'eks-cluster', kind: 'eksctl' },
  'eks-addons': { host: 'eks-cluster', kind: 'eksctl' },
  'eks-network-config': { host: 'eks-cluster', kind: 'eksctl' },
  'cfn-subnet': { host: 'cfn-eks-vpc', kind: 'cloudformation' },
  'cfn-security-group': { host: 'cfn-eks-vpc', kind: 'cloudformation' },
};

// ---- a small expander of VS Code's snippet syntax -----------------------------------------------
// https://code.visualstudio.com/docs/editing/userdefinedsnippets#_snippet-syntax
// Tab stops take their placeholder's default (or a choice's first option) everywhere they appear,
// mirrors included, as VS Code inserts them; `$0` and bare tab stops are empty.

type Part = { kind: 'text'; value: string } | { kind: 'tabstop'; index: number; placeholder?: Part[]; choices?: string[] } | { kind: 'variable'; name: string; fallback?: Part[] };

const VARIABLES: Record<string, string> = {
  TM_FILENAME: 'cluster.yaml',
  TM_FILENAME_BASE: 'cluster',
  TM_DIRECTORY: '/work',
  TM_FILEPATH: '/work/cluster.yaml',
  RELATIVE_FILEPATH: 'cluster.yaml',
  WORKSPACE_NAME: 'work',
  TM_SELECTED_TEXT: '',
  TM_CURRENT_LINE: '',
  TM_CURRENT_WORD: '',
  TM_LINE_INDEX: '0',
  TM_LINE_NUMBER: '1',
  CLIPBOARD: '',
  CURRENT_YEAR: '2026',
  CURRENT_MONTH: '01',
  CURRENT_DATE: '01',
  UUID: '00000000-0000-4000-8000-000000000000',
  LINE_COMMENT: '#',
};

function parseSnippet(src: string): Part[] {
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${i}: ${JSON.stringify(src.slice(Math.max(0, i - 20), i + 20))}`);
  };
  // Inside a placeholder `}` ends it; at the top level it is text. `\` escapes `$`, `}` and `\`.
  function parts(inPlaceholder: boolean): Part[] {
    const out: Part[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ kind: 'text', value: text });
      text = '';
    };
    while (i < src.length) {
      const c = src[i];
      if (c === '\\' && i + 1 < src.length && '$}\\'.includes(src[i + 1])) {
        text += src[i + 1];
        i += 2;
      } else if (c === '}' && inPlaceholder) {
        break;
      } else if (c === '$') {
        const part = dollar();
        if (part) {
          flush();
          out.push(part);
        } else {
          text += '$';
          i++;
        }
      } else {
        text += c;
        i++;
      }
    }
    flush();
    return out;
  }
  function dollar(): Part | undefined {
    const rest = src.slice(i + 1);
    let m = /^(\d+)/.exec(rest);
    if (m) {
      i += 1 + m[1].length;
      return { kind: 'tabstop', index: Number(m[1]) };
    }
    m = /^([_a-zA-Z][_a-zA-Z0-9]*)/.exec(rest);
    if (m) {
      i += 1 + m[1].length;
      return { kind: 'variable', name: m[1] };
    }
    if (rest[0] !== '{') return undefined;
    m = /^\{(\d+)/.exec(rest) ?? /^\{([_a-zA-Z][_a-zA-Z0-9]*)/.exec(rest);
    if (!m) return undefined;
    i += 1 + m[0].length;
    const isTabstop = /^\d/.test(m[1]);
    const next = src[i];
    let part: Part;
    if (next === '}') {
      part = isTabstop ? { kind: 'tabstop', index: Number(m[1]) } : { kind: 'variable', name: m[1] };
    } else if (next === ':') {
      i++;
      const inner = parts(true);
      part = isTabstop ? { kind: 'tabstop', index: Number(m[1]), placeholder: inner } : { kind: 'variable', name: m[1], fallback: inner };
    } else if (next === '|' && isTabstop) {
      i++;
      const choices: string[] = [];
      let option = '';
      for (;;) {
        if (i >= src.length) fail('unterminated choice');
        const c = src[i];
        if (c === '\\' && i + 1 < src.length && ',|\\$}'.includes(src[i + 1])) {
          option += src[i + 1];
          i += 2;
        } else if (c === ',') {
          choices.push(option);
          option = '';
          i++;
        } else if (c === '|' && src[i + 1] === '}') {
          choices.push(option);
          i++;
          break;
        } else {
          option += c;
          i++;
        }
      }
      part = { kind: 'tabstop', index: Number(m[1]), choices };
    } else {
      return fail(`unsupported snippet syntax (transform?) "${next}"`);
    }
    if (src[i] !== '}') fail('unterminated placeholder');
    i++;
    return part;
  }
  const result = parts(false);
  if (i !== src.length) fail('unbalanced "}"');
  return result;
}

function walk(parts: Part[], visit: (p: Part) => void): void {
  for (const p of parts) {
    visit(p);
    if (p.kind === 'tabstop' && p.placeholder) walk(p.placeholder, visit);
    if (p.kind === 'variable' && p.fallback) walk(p.fallback, visit);
  }
}

/** The text VS Code inserts when every tab stop keeps its default; `pick` chooses other options. */
function expand(src: string, pick: Record<number, number> = {}): string {
  const parts = parseSnippet(src);
  const definitions = new Map<number, Part & { kind: 'tabstop' }>();
  walk(parts, (p) => {
    if (p.kind === 'tabstop' && (p.placeholder || p.choices) && !definitions.has(p.index)) definitions.set(p.index, p);
  });
  const values = new Map<number, string>();
  const valueOf = (index: number, stack: number[]): string => {
    if (index === 0) return '';
    if (values.has(index)) return values.get(index)!;
    if (stack.includes(index)) throw new Error(`tab stop $${index} contains itself`);
    const def = definitions.get(index);
    const value = !def ? '' : def.choices ? def.choices[pick[index] ?? 0] : render(def.placeholder!, [...stack, index]);
    values.set(index, value);
    return value;
  };
  const render = (list: Part[], stack: number[]): string =>
    list
      .map((p) => {
        if (p.kind === 'text') return p.value;
        if (p.kind === 'tabstop') return valueOf(p.index, stack);
        if (p.name in VARIABLES) return VARIABLES[p.name];
        if (p.fallback) return render(p.fallback, stack);
        throw new Error(`unknown variable $${p.name} (VS Code would insert its name)`);
      })
      .join('');
  return render(parts, []);
}

function choicesOf(src: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  walk(parseSnippet(src), (p) => {
    if (p.kind === 'tabstop' && p.choices && !out.has(p.index)) out.set(p.index, p.choices);
  });
  return out;
}

// ---- checking -----------------------------------------------------------------------------------

const config = mergeConfig();

function check(text: string, uri = 'file:///work/snippet.yaml'): { findings: Finding[]; kinds: DocumentKind[] } {
  const file = buildFileModel({ uri, text, languageId: 'yaml' });
  const findings = checkFile(file, { rules: allRules, config, onRuleError: (code, error) => assert.fail(`rule ${code} threw: ${error}`) });
  return { findings, kinds: file.documents.map((d) => d.kind) };
}

function describeFindings(findings: readonly Finding[], text: string): string {
  const lines = text.split('\n');
  const listed = findings.map((f) => `  ${f.severity} ${f.code} at line ${f.range.start.line + 1} (${lines[f.range.start.line]?.trim()}): ${f.message}`).join('\n');
  const numbered = lines.map((l, n) => `${String(n + 1).padStart(4)}  ${l}`).join('\n');
  return `${listed}\n--- expanded text ---\n${numbered}`;
}

function assertParses(text: string, what: string): void {
  const docs = parseAllDocuments(text);
  assert.ok(Array.isArray(docs), `${what}: not a YAML stream`);
  for (const doc of docs) {
    // CloudFormation's short forms (!Ref, !Sub, …) are custom tags the bare parser warns about.
    const problems = [...doc.errors, ...doc.warnings.filter((w) => w.code !== 'TAG_RESOLVE_FAILED')].map((e) => e.message);
    assert.ok(problems.length === 0, `${what}: YAML problems:\n${problems.join('\n')}`);
  }
}

/** The fragment inserted where it belongs in its host's expansion. */
function embed(prefix: string, fragment: string): string {
  const { host } = FRAGMENTS[prefix];
  const hostText = expand(byPrefix.get(host)!.text);
  if (host.startsWith('cfn-')) {
    // Under Resources, indented as the host's resources are.
    const lines = hostText.split('\n');
    const at = lines.indexOf('Resources:');
    assert.ok(at >= 0, `${host} has no Resources: line`);
    const indented = fragment.split('\n').map((l) => (l ? `  ${l}` : l));
    return [...lines.slice(0, at + 1), ...indented, '', ...lines.slice(at + 1)].join('\n');
  }
  // At the top level of the cluster, replacing the keys the fragment brings.
  const doc = parseDocument(hostText);
  for (const key of Object.keys(parseDocument(fragment).toJS() ?? {})) doc.delete(key);
  return `${String(doc)}\n${fragment}`;
}

describe('snippets', () => {
  it('are contributed for YAML from snippets/eks-lens.json, which ships in the .vsix', () => {
    assert.deepEqual(contributions, [{ language: 'yaml', path: './snippets/eks-lens.json' }]);
    assert.ok(existsSync(path.join(root, 'snippets/eks-lens.json')));
    const ignore = readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('!snippets/*.json'), '.vscodeignore does not ship snippets/*.json');
  });

  it('have a description and a unique eks-, k8s- or cfn- prefix each', () => {
    assert.ok(all.length >= 15, `only ${all.length} snippets`);
    const seen = new Set<string>();
    for (const s of all) {
      assert.equal(typeof s.prefix, 'string', `${s.name}: prefix`);
      assert.match(s.prefix, /^(eks|k8s|cfn)-[a-z0-9-]+$/, `${s.name}: prefix ${s.prefix}`);
      assert.ok(!seen.has(s.prefix), `prefix ${s.prefix} is used twice`);
      seen.add(s.prefix);
      assert.equal(typeof s.description, 'string', `${s.name}: description`);
      assert.ok(s.description.length >= 20, `${s.name}: description too short`);
      assert.ok(Array.isArray(s.body) && s.body.every((l) => typeof l === 'string'), `${s.name}: body is not an array of lines`);
    }
    for (const prefix of Object.keys(FRAGMENTS)) assert.ok(byPrefix.has(prefix), `no snippet ${prefix}`);
  });

  it('are well-formed: no tabs, no trailing spaces, the cursor ends after the text ($0)', () => {
    for (const s of all) {
      s.body.forEach((line, n) => {
        assert.doesNotMatch(line, /\t/, `${s.prefix} line ${n + 1} has a tab (YAML indents with spaces)`);
        assert.doesNotMatch(line, /\s$/, `${s.prefix} line ${n + 1} has trailing whitespace`);
      });
      assert.equal(s.body.at(-1), '$0', `${s.prefix}: last line is not $0`);
      // Every tab stop but $0 has a default: an empty value would be left in the YAML.
      const bare: number[] = [];
      const defined = new Set<number>();
      walk(parseSnippet(s.text), (p) => {
        if (p.kind !== 'tabstop' || p.index === 0) return;
        if (p.placeholder || p.choices) defined.add(p.index);
        else bare.push(p.index);
      });
      assert.deepEqual(
        bare.filter((n) => !defined.has(n)),
        [],
        `${s.prefix}: tab stops without a default`,
      );
    }
  });

  for (const s of all) {
    describe(s.prefix, () => {
      const expected = KIND_OF_PREFIX[s.prefix.slice(0, 4)];

      it(`expands to YAML of the right kind that passes every rule with no finding`, () => {
        const text = expand(s.text);
        assertParses(text, s.prefix);
        const { findings, kinds } = check(text);
        assert.ok(findings.length === 0, `${s.prefix} expanded with its defaults:\n${describeFindings(findings, text)}`);
        if (!FRAGMENTS[s.prefix]) {
          assert.ok(kinds.length > 0 && kinds.every((k) => k === expected), `${s.prefix}: documents are ${kinds.join(', ')}, expected ${expected}`);
        }
      });

      if (FRAGMENTS[s.prefix]) {
        it(`inserted into ${FRAGMENTS[s.prefix].host}, the file still passes every rule with no finding`, () => {
          const text = embed(s.prefix, expand(s.text));
          assertParses(text, `${s.prefix} in ${FRAGMENTS[s.prefix].host}`);
          const { findings, kinds } = check(text);
          assert.deepEqual(kinds, [FRAGMENTS[s.prefix].kind]);
          assert.ok(findings.length === 0, `${s.prefix} inserted into ${FRAGMENTS[s.prefix].host}:\n${describeFindings(findings, text)}`);
        });
      }

      const choices = choicesOf(s.text);
      if (choices.size) {
        it(`every other choice (${[...choices.values()].map((c) => c.join('|')).join('; ')}) gives no error or warning`, () => {
          for (const [index, options] of choices) {
            assert.ok(options.length >= 2 && options.every((o) => o.length > 0), `${s.prefix}: choice $${index} ${JSON.stringify(options)}`);
            for (let n = 1; n < options.length; n++) {
              const text = expand(s.text, { [index]: n });
              const hosted = FRAGMENTS[s.prefix] ? embed(s.prefix, text) : text;
              assertParses(hosted, `${s.prefix} with ${options[n]}`);
              const serious = check(hosted).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
              assert.ok(serious.length === 0, `${s.prefix} with $${index} = ${options[n]}:\n${describeFindings(serious, hosted)}`);
            }
          }
        });
      }
    });
  }
});

describe('the snippet expander', () => {
  it('takes defaults, first choices and mirrors, drops $0 and bare tab stops, resolves variables and escapes', () => {
    assert.equal(expand('a: ${1:x}\nb: $1\nc: ${2|p,q|} ${2}\nd: $3$0'), 'a: x\nb: x\nc: p p\nd: ');
    assert.equal(expand('${1:outer ${2:inner}} $2'), 'outer inner inner');
    assert.equal(expand('n: ${TM_FILENAME_BASE} ${NOPE:fallback} $TM_FILENAME'), 'n: cluster fallback cluster.yaml');
    assert.equal(expand('!Sub "\\${AWS::StackName}" \\} ${1:a\\}b} \\\\'), '!Sub "${AWS::StackName}" } a}b \\');
    assert.equal(expand('${1|a\\,b,c|}'), 'a,b');
    assert.equal(expand('${1|a,b|}', { 1: 1 }), 'b');
    assert.equal(expand('cost: $5 {braces}'), 'cost:  {braces}');
    assert.throws(() => expand('$UNKNOWN_VARIABLE'), /unknown variable/);
    assert.throws(() => expand('${1/(.*)/$1/}'), /unsupported/);
  });
});
