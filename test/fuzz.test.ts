// Fuzzing the language features with hostile input: mutated copies of the examples, the test
// fixtures and (when it sits beside the project) the shared corpus go through everything an editor
// asks of the server — the document model, every rule, workspace facts, hover and completion at
// random offsets, the code actions, each fix applied and the file re-parsed, and the address map
// drawn from the workspace facts. Nothing may throw, no rule may fail, no case may hang, and every
// range, position and edit the features return must lie inside the text they were computed from.
// How long cases take is reported as figures (slowest cases, slowest call per kind), never asserted:
// speed targets live in `npm run bench`, where a loaded machine cannot turn them into a red test.
//
// Deterministic: case i is generated from (seed, i) alone, so any case can be replayed by itself:
//   EKS_LENS_FUZZ_SEED=<seed> EKS_LENS_FUZZ_CASE=<i> node scripts/test.mjs fuzz
// Every run checks the same fixed number of cases (EKS_LENS_FUZZ_CASES, default 10,000), so every
// machine tests the same inputs; `npm run fuzz` is a longer run (100,000 by default). Other knobs:
// EKS_LENS_FUZZ_PROCS (processes), EKS_LENS_FUZZ_HANG_MS (the hang watchdog). The cases run in child
// processes (this same bundle, started with EKS_LENS_FUZZ_CHILD set) so that a case that hangs or
// kills its process is reported with its index instead of stalling the suite; children run the
// features on their main thread, with the default stack, as the server does. A failing case's text
// is written to a JSON file under test-results/fuzz/ (lone surrogates and NULs survive JSON, not
// UTF-8).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { codeActions, type Action } from '../server/src/actions/index';
import { applyEdits, type TextEdit } from '../server/src/model/edits';
import { completionsAt } from '../server/src/completion/index';
import { mergeConfig } from '../server/src/engine/config';
import { checkFile, type Finding } from '../server/src/engine/run';
import { allRules } from '../server/src/rules/index';
import { hoverAt } from '../server/src/hover/index';
import { type FileModel } from '../server/src/model/document';
import type { Range } from '../server/src/model/lineIndex';
import { type FileFacts, type WorkspaceView } from '../server/src/workspace/facts';
import { buildAddressMap } from '../server/src/map/model';
import { renderHtml } from '../server/src/map/html';
import { renderSvg } from '../server/src/map/svg';
import { aliasBomb, mergeKeyChain, truncatedManifest } from './support/hostile';
import { buildFileModel, factsOf } from '../server/src/formats';

const SEED = Number(process.env.EKS_LENS_FUZZ_SEED ?? 0x5eed_e15) >>> 0;
const CASES = Number(process.env.EKS_LENS_FUZZ_CASES ?? 10_000);
const ONLY = process.env.EKS_LENS_FUZZ_CASE === undefined ? undefined : Number(process.env.EKS_LENS_FUZZ_CASE);
const PROCS = Math.max(1, Number(process.env.EKS_LENS_FUZZ_PROCS ?? Math.min(2, os.availableParallelism())));
/**
 * A case still running after this long is a hang: its process is killed and the case reported.
 * Generous on purpose: the slowest cases (floods re-checked after each fix) take a few seconds on
 * an idle 2-core machine and ten or twenty with two busy processes beside it; only a real hang (an
 * endless loop, a blocking read) comes near this.
 */
const HANG_MS = Number(process.env.EKS_LENS_FUZZ_HANG_MS ?? 120_000);
/** Where a failing case's text is written for replaying. */
const DUMPS = path.join(process.cwd(), 'test-results', 'fuzz');

const ROOT = process.cwd();
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');

// -------------------------------------------------------------------------------------------------
// Randomness

class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  /** mulberry32 */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  /** Log-uniform in [lo, hi]: small sizes as often as large ones. */
  size(lo: number, hi: number): number {
    return Math.round(Math.exp(Math.log(lo) + this.next() * (Math.log(hi) - Math.log(lo))));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }
}

function caseSeed(seed: number, index: number): number {
  // splitmix32 of the pair, so neighbouring cases are unrelated.
  let z = (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

// -------------------------------------------------------------------------------------------------
// Inputs

interface Source {
  /** Where it came from, as shown in reports. */
  readonly name: string;
  /** The URI the file is checked under (its extension selects JSON, a chart path Helm handling). */
  readonly uri: string;
  readonly text: string;
  readonly corpus: boolean;
}

const INPUT_FILE = /\.(ya?ml|json|tpl)$/i;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (INPUT_FILE.test(name)) out.push(full);
  }
  return out;
}

function loadSources(): { local: Source[]; corpus: Source[]; corpusPresent: boolean } {
  const local: Source[] = [];
  const add = (list: Source[], file: string, corpus: boolean) => {
    const name = corpus ? `corpus/${path.relative(CORPUS, file)}` : path.relative(ROOT, file);
    list.push({ name, uri: `file:///fuzz/${name.split(path.sep).join('/')}`, text: readFileSync(file, 'utf8'), corpus });
  };
  for (const dir of ['examples', 'test/grammar', 'test/nvim/fixtures', 'test/e2e/workspace']) {
    const full = path.join(ROOT, dir);
    if (existsSync(full)) for (const file of walk(full)) add(local, file, false);
  }
  local.push({ name: 'hostile:truncated', uri: 'file:///fuzz/hostile/truncated.yaml', text: truncatedManifest(), corpus: false });
  local.push({ name: 'hostile:alias-bomb', uri: 'file:///fuzz/hostile/bomb.yaml', text: aliasBomb(), corpus: false });
  local.push({ name: 'hostile:merge-chain', uri: 'file:///fuzz/hostile/merges.yaml', text: mergeKeyChain(200), corpus: false });
  const corpusPresent = existsSync(CORPUS);
  const corpus: Source[] = [];
  if (corpusPresent) for (const file of walk(CORPUS)) add(corpus, file, true);
  return { local, corpus, corpusPresent };
}

interface Case {
  readonly index: number;
  readonly source: Source;
  readonly text: string;
  readonly uri: string;
  readonly languageId?: string;
  readonly maxBytes: number;
  readonly mutations: readonly string[];
  /** Unmutated files whose facts make up the rest of the workspace. */
  readonly others: readonly Source[];
  readonly rng: Rng;
}

/** Offsets at which lines start. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** A random place right after `key: ` (a value), or anywhere when there is none. */
function valueSpot(text: string, r: Rng): number {
  const spots: number[] = [];
  const re = /:[ \t]+(?=\S)/g;
  for (let m = re.exec(text); m && spots.length < 2000; m = re.exec(text)) spots.push(m.index + m[0].length);
  return spots.length ? r.pick(spots) : r.int(text.length + 1);
}

/** The extent of the plain value that starts at `at` (to the end of its line). */
function valueEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  const end = nl < 0 ? text.length : nl;
  return text[end - 1] === '\r' ? end - 1 : end;
}

const insertAt = (text: string, at: number, what: string) => text.slice(0, at) + what + text.slice(at);
const show = (s: string, max = 24) => JSON.stringify(s.length > max ? `${s.slice(0, max)}…(${s.length})` : s);

const INTERESTING = [
  ':',
  '-',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '&',
  '*',
  '!',
  '#',
  '|',
  '>',
  '?',
  '%',
  '@',
  '`',
  '\n',
  '\r',
  ' ',
  '\t',
  '\\',
  '/',
  '.',
  '0',
  '9',
  '\u00a0',
  '\u2028',
  '\u0085',
  '\ufeff',
  '\ud800',
  '\udfff',
  '😀',
  'é',
];
const WEIRD_ADDRESSES = [
  '10.0.0.0/33',
  '10.0.0.0/0',
  '0.0.0.0/0',
  '255.255.255.255/32',
  '10.0.0.0/',
  '10.0.0/16',
  '10.0.0.0/16/16',
  '1.2.3.4/-1',
  '::/0',
  'fd00::/8',
  '2600:1f14::/56',
  '::ffff:10.0.0.1/128',
  '010.000.000.000/16',
  '10.0.0.256/24',
  '１０.0.0.0/8',
  '10.0.0.0/99999999999999999999',
  '10.0.0.0/1e3',
  '',
  '~',
  'null',
  '"10.0.0.0/16"',
  '[10.0.0.0/16]',
  '{a: 10.0.0.0/16}',
  '10.0.0.0 /16',
  '10.0.0.0/16 # c',
  '!Ref Cidr',
  '10.0.0.1',
  '4294967296.0.0.0/8',
  '-10.0.0.0/8',
];
const WEIRD_NUMBERS = ['-1', '0', '1e309', '0x10', '0o17', '.inf', '-.inf', '.nan', '99999999999999999999999', '1.5', '"3"', 'true', 'null', '~', '2_000'];
const TAGS = [
  '!Ref ',
  '!Sub ',
  '!GetAtt ',
  '!Cidr ',
  '!Select ',
  '!If ',
  '!Join ',
  '!Base64 ',
  '!FindInMap ',
  '!!binary ',
  '!!int ',
  '!!str ',
  '!!map ',
  '!!seq ',
  '!!float ',
  '!!timestamp ',
  '!!set ',
  '!!omap ',
  '!custom ',
  '!<tag:yaml.org,2002:str> ',
  '! ',
];
const TEMPLATE_INLINE = [
  '{{ .Values.cidr }}',
  '{{ .Values.x | quote }}',
  '"{{ .Release.Name }}-svc"',
  '{{- toYaml .Values.labels | nindent 4 }}',
  '{{ include "mychart.labels" . }}',
  '{{/* comment */}}',
  '{{ .Values',
  '}}',
  '{{',
  '{{ printf "%s/%d" .Values.ip 16 }}',
];
const TEMPLATE_LINES = [
  '{{- if .Values.enabled }}',
  '{{- end }}',
  '{{- range .Values.subnets }}',
  '{{- with .Values.vpc }}',
  '{{ include "mychart.labels" . | nindent 4 }}',
  '{{- define "x" -}}',
  '{{ else }}',
  '{{- /* dangling',
];
const MARKERS = ['---', '...', '%YAML 1.2\n---', '%YAML 1.1\n---', '--- |\n  text', '---\n---', '--- !!map', '%TAG ! tag:example.com,2000:\n---', '--- # comment', '--- &a', '...\n...'];

type Mutator = (text: string, r: Rng, c: { pool: readonly Source[] }) => [string, string];

const MUTATORS: Array<[weight: number, name: string, mutate: Mutator]> = [
  [
    6,
    'truncate',
    (t, r) => {
      const at = r.int(t.length + 1);
      return [t.slice(0, at), `truncate at ${at}/${t.length}`];
    },
  ],
  [
    3,
    'cut',
    (t, r) => {
      const at = r.int(t.length + 1);
      const n = r.size(1, 400);
      return [t.slice(0, at) + t.slice(at + n), `cut ${n} at ${at}`];
    },
  ],
  [
    8,
    'flip',
    (t, r) => {
      const changes: string[] = [];
      for (let k = r.range(1, 8); k > 0 && t.length; k--) {
        const at = r.int(t.length);
        const old = t[at];
        const kind = r.int(3);
        const next = kind === 0 ? r.pick(INTERESTING) : kind === 1 ? String.fromCharCode(r.int(0x10000)) : String.fromCharCode(old.charCodeAt(0) ^ (1 << r.int(8)));
        t = t.slice(0, at) + next + t.slice(at + 1);
        changes.push(`${at}:${show(old)}>${show(next)}`);
      }
      return [t, `flip ${changes.join(' ')}`];
    },
  ],
  [
    5,
    'indent',
    (t, r) => {
      const lines = t.split('\n');
      const from = r.int(lines.length);
      const to = Math.min(lines.length - 1, from + r.size(1, 30));
      const delta = r.pick([-6, -4, -2, -1, 1, 2, 3, 4, 8]);
      for (let i = from; i <= to; i++) lines[i] = delta > 0 ? ' '.repeat(delta) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-delta}}`), '');
      return [lines.join('\n'), `indent lines ${from + 1}-${to + 1} by ${delta}`];
    },
  ],
  [
    4,
    'tabs',
    (t, r) => {
      const lines = t.split('\n');
      const from = r.int(lines.length);
      const to = Math.min(lines.length - 1, from + r.size(1, 20));
      const how = r.int(3);
      for (let i = from; i <= to; i++) {
        if (how === 0) lines[i] = lines[i].replace(/^( {2})+/, (s) => '\t'.repeat(s.length / 2));
        else if (how === 1) lines[i] = '\t' + lines[i];
        else lines[i] = lines[i].replace(/: /, ':\t');
      }
      return [lines.join('\n'), `tabs (${['indentation', 'leading', 'after colon'][how]}) lines ${from + 1}-${to + 1}`];
    },
  ],
  [
    4,
    'long-line',
    (t, r) => {
      const n = r.size(2_000, 400_000);
      const variant = r.int(7);
      const line = [
        `longKey: ${'x'.repeat(n)}`,
        `longKey: "${'ab\\n'.repeat(Math.ceil(n / 4))}"`,
        `${'k'.repeat(n)}: v`,
        `longList: [${'10.0.0.0/16, '.repeat(Math.ceil(n / 13))}]`,
        `# ${'#'.repeat(n)}`,
        `cidrs: ${'10.0.0.0/8 '.repeat(Math.ceil(n / 11))}`,
        `- ${'a '.repeat(Math.ceil(n / 2))}`,
      ][variant];
      const starts = lineStartsOf(t);
      const at = r.pick(starts);
      return [insertAt(t, at, line + '\n'), `long line (variant ${variant}, ${line.length} chars) at line ${starts.indexOf(at) + 1}`];
    },
  ],
  [
    4,
    'deep',
    (t, r) => {
      const variant = r.int(6);
      const d = variant === 4 ? r.size(10, 400) : r.size(50, 20_000);
      const block =
        variant === 0
          ? `deep: ${'['.repeat(d)}${']'.repeat(d)}`
          : variant === 1
            ? `deep: ${'{a: '.repeat(d)}1${'}'.repeat(d)}`
            : variant === 2
              ? `deep: ${'['.repeat(d)}`
              : variant === 3
                ? `deep:\n${'- '.repeat(d)}x`
                : variant === 4
                  ? Array.from({ length: d }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 10.0.0.0/8'
                  : `deep: ${'[{a: '.repeat(d)}`;
      const starts = lineStartsOf(t);
      const at = r.pick(starts);
      return [insertAt(t, at, block + '\n'), `deep nesting (variant ${variant}, depth ${d}) at line ${starts.indexOf(at) + 1}`];
    },
  ],
  [
    5,
    'unbalanced',
    (t, r) => {
      const changes: string[] = [];
      for (let k = r.range(1, 3); k > 0; k--) {
        const brackets = [...t.matchAll(/[[\]{}]/g)].map((m) => m.index!);
        if (brackets.length && r.chance(0.4)) {
          const at = r.pick(brackets);
          changes.push(`delete ${show(t[at])} at ${at}`);
          t = t.slice(0, at) + t.slice(at + 1);
        } else {
          const what = r.pick(['[', ']', '{', '}', ',', '[{', '}]', ': ', '"', "'", '{a: [', ']]]}}}']);
          const at = r.chance(0.5) ? valueSpot(t, r) : r.int(t.length + 1);
          changes.push(`insert ${show(what)} at ${at}`);
          t = insertAt(t, at, what);
        }
      }
      return [t, `unbalanced flow: ${changes.join(', ')}`];
    },
  ],
  [
    5,
    'template',
    (t, r) => {
      if (r.chance(0.5)) {
        const what = r.pick(TEMPLATE_INLINE);
        const at = valueSpot(t, r);
        const replace = r.chance(0.5);
        const next = replace ? t.slice(0, at) + what + t.slice(valueEnd(t, at)) : insertAt(t, at, what);
        return [next, `template ${show(what)} ${replace ? 'replacing the value' : 'inserted'} at ${at}`];
      }
      const starts = lineStartsOf(t);
      const at = r.pick(starts);
      const what = r.pick(TEMPLATE_LINES);
      const indent = r.chance(0.5) ? '' : ' '.repeat(r.range(1, 8));
      return [insertAt(t, at, `${indent}${what}\n`), `template line ${show(what)} at line ${starts.indexOf(at) + 1}`];
    },
  ],
  [
    5,
    'anchors',
    (t, r) => {
      const variant = r.int(6);
      const n = r.int(1000);
      if (variant === 0) {
        // An anchor on one value, an alias in place of another.
        const a = valueSpot(t, r);
        const b = valueSpot(t, r);
        const [first, second] = a <= b ? [a, b] : [b, a];
        const next = insertAt(t.slice(0, second) + `*a${n}` + t.slice(valueEnd(t, second)), first, `&a${n} `);
        return [next, `anchor &a${n} at ${first}, alias at ${second}`];
      }
      if (variant === 1) {
        const at = valueSpot(t, r);
        return [t.slice(0, at) + '*undefined' + t.slice(valueEnd(t, at)), `alias to an undefined anchor at ${at}`];
      }
      if (variant === 2) {
        const at = r.pick(lineStartsOf(t));
        return [insertAt(t, at, `self${n}: &s${n} [*s${n}, {k: *s${n}}]\n`), `self-referencing alias at ${at}`];
      }
      if (variant === 3) {
        const levels = r.range(3, 12);
        const bomb = aliasBomb(levels).split('\n').slice(3).join('\n');
        return [r.chance(0.5) ? `${t}\n${bomb}` : `${bomb}\n${t}`, `alias bomb of ${levels} levels`];
      }
      if (variant === 4) {
        const count = r.size(10, 3000);
        return [`${t}\n---\n${mergeKeyChain(count)}`, `merge-key chain of ${count} as another document`];
      }
      const k = r.range(2, 64);
      const at = r.pick(lineStartsOf(t));
      const merges = `m${n}: &m${n} {cidr: 10.0.0.0/16, k: v}\nmm${n}: &mm${n}\n  <<: [${Array(k).fill(`*m${n}`).join(', ')}]\nvpc:\n  <<: [${Array(k).fill(`*mm${n}`).join(', ')}]\n`;
      return [insertAt(t, at, merges), `merge-key fan-out of ${k} at ${at}`];
    },
  ],
  [
    3,
    'bom',
    (t, r) => {
      const variant = r.int(3);
      if (variant === 0) return ['\ufeff' + t, 'BOM at the start'];
      if (variant === 1) return ['\ufeff\ufeff' + t, 'two BOMs at the start'];
      const at = r.pick(lineStartsOf(t));
      return [insertAt(t, at, '\ufeff'), `BOM at ${at}`];
    },
  ],
  [
    5,
    'line-breaks',
    (t, r) => {
      const variant = r.int(5);
      if (variant === 0) return [t.replace(/\r?\n/g, '\r\n'), 'CRLF line breaks'];
      if (variant === 1) return [t.replace(/\r?\n/g, '\r'), 'CR line breaks'];
      if (variant === 2) return [t.replace(/\r?\n/g, () => r.pick(['\n', '\r\n', '\r'])), 'mixed line breaks'];
      if (variant === 3) return [t.replace(/\n/g, () => (r.chance(0.1) ? '\u2028' : r.chance(0.05) ? '\u0085' : '\n')), 'some Unicode line separators'];
      return [t.replace(/\s+$/, ''), 'no final line break'];
    },
  ],
  [
    1,
    'nul',
    (t, r) => {
      const at = r.int(t.length + 1);
      return [insertAt(t, at, '\u0000'), `NUL at ${at}`];
    },
  ],
  [
    3,
    'huge-scalar',
    (t, r) => {
      const n = r.size(50_000, 3_000_000);
      const variant = r.int(5);
      const value = [
        'x'.repeat(n),
        `"${'\\u0041\\"'.repeat(Math.ceil(n / 8))}"`,
        `|\n${'  line of a block scalar\n'.repeat(Math.ceil(n / 25))}`,
        '9'.repeat(n),
        `'${"it''s ".repeat(Math.ceil(n / 7))}'`,
      ][variant];
      const at = valueSpot(t, r);
      return [t.slice(0, at) + value + t.slice(valueEnd(t, at)), `huge scalar (variant ${variant}, ${value.length} chars) at ${at}`];
    },
  ],
  [
    3,
    'markers',
    (t, r) => {
      const starts = lineStartsOf(t);
      const at = r.pick(starts);
      const what = r.pick(MARKERS);
      return [insertAt(t, at, what + '\n'), `marker ${show(what)} at line ${starts.indexOf(at) + 1}`];
    },
  ],
  [
    4,
    'splice',
    (t, r, c) => {
      const other = r.pick(c.pool);
      const lines = other.text.split('\n');
      const from = r.int(lines.length);
      const part = lines.slice(from, from + r.size(1, 40)).join('\n');
      const starts = lineStartsOf(t);
      const at = r.pick(starts);
      return [insertAt(t, at, part + '\n'), `splice ${other.name} lines ${from + 1}+ at line ${starts.indexOf(at) + 1}`];
    },
  ],
  [
    6,
    'addresses',
    (t, r) => {
      const found = [...t.matchAll(/\b\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,3})?\b|\b\d+\b/g)];
      if (!found.length) return [t, 'no address or number to change'];
      const changes: string[] = [];
      for (let k = r.range(1, 4); k > 0; k--) {
        const m = r.pick(found);
        const isAddress = m[0].includes('.');
        const next = isAddress ? r.pick(WEIRD_ADDRESSES) : r.pick(WEIRD_NUMBERS);
        // Offsets shift with each replacement: look the match up again in the current text.
        const at = t.indexOf(m[0], Math.max(0, m.index! - 64));
        if (at < 0) continue;
        t = t.slice(0, at) + next + t.slice(at + m[0].length);
        changes.push(`${show(m[0])}>${show(next)} at ${at}`);
      }
      return [t, `addresses/numbers ${changes.join(', ')}`];
    },
  ],
  [
    3,
    'tags',
    (t, r) => {
      const at = valueSpot(t, r);
      const tag = r.pick(TAGS);
      return [insertAt(t, at, tag), `tag ${show(tag)} at ${at}`];
    },
  ],
  [
    4,
    'lines',
    (t, r) => {
      const lines = t.split('\n');
      const ops: string[] = [];
      for (let k = r.range(1, 5); k > 0 && lines.length > 1; k--) {
        const i = r.int(lines.length);
        const op = r.int(3);
        if (op === 0) lines.splice(i, 1);
        else if (op === 1) lines.splice(i, 0, lines[i]);
        else {
          const j = r.int(lines.length);
          [lines[i], lines[j]] = [lines[j], lines[i]];
        }
        ops.push(`${['delete', 'duplicate', 'swap'][op]} ${i + 1}`);
      }
      return [lines.join('\n'), `lines ${ops.join(', ')}`];
    },
  ],
  [
    3,
    'keys',
    (t, r) => {
      const keys = [...t.matchAll(/^([ \t]*(?:- )?)([A-Za-z_][\w.-]*)(?=:)/gm)];
      if (!keys.length) return [t, 'no key to change'];
      const m = r.pick(keys);
      const next = r.pick(['<<', '? complex', '"quoted key"', '', '- item', 'k'.repeat(1025), 'apiVersion', 'kind', 'Type', 'Properties', 'cidr', 'CidrBlock', '[a, b]', '{a: b}', '&k key', '*k']);
      const at = m.index! + m[1].length;
      return [t.slice(0, at) + next + t.slice(at + m[2].length), `key ${show(m[2])}>${show(next)} at ${at}`];
    },
  ],
  // Shapes that once cost minutes or crashed: floods of empty documents, aliases, findings and
  // identical subnets or VPCs (the address map), and comments that only look like comments.
  [
    3,
    'flood',
    (t, r) => {
      const variant = r.int(7);
      const place = (block: string, what: string): [string, string] =>
        r.chance(0.5) ? [`${t}\n---\n${block}`, `${what} as another document`] : [`${block}\n---\n${t}`, `${what} as the first document`];
      if (variant === 0) {
        const n = r.size(100, 200_000);
        const at = r.pick(lineStartsOf(t));
        return [insertAt(t, at, '---\n'.repeat(n)), `${n} empty documents at ${at}`];
      }
      if (variant === 1) {
        const n = r.size(100, 20_000);
        return place(`flood: &f 10.0.0.0/16\nrefs:\n${'- *f\n'.repeat(n)}`, `${n} aliases of one anchor`);
      }
      if (variant === 2) {
        const n = r.size(100, 10_000);
        const anchors = Array.from({ length: n }, (_, i) => `a${i}: &a${i} 10.${i % 256}.0.0/16\n`).join('');
        const refs = Array.from({ length: n }, () => `- *a${r.int(n)}\n`).join('');
        return place(`${anchors}refs:\n${refs}`, `${n} anchors each referenced`);
      }
      if (variant === 3) {
        // Past the 1,000-finding cap by far; a case re-checks its file after each fix it applies, so
        // a larger flood only costs time (the engine's own tests take 800 KB and 5 MB floods).
        const n = r.size(100, 12_000);
        const cidr = r.pick(['10.0.0.1/8', '10.0.0.0/33', '300.0.0.0/8']);
        const policy = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: flood}\nspec:\n  podSelector: {}\n  ingress:\n  - from:\n${`    - ipBlock: {cidr: ${cidr}}\n`.repeat(n)}`;
        return place(policy, `${n} ipBlocks of ${cidr}`);
      }
      if (variant === 4) {
        const n = r.size(10, 1_000);
        const cidr = r.pick(['10.0.0.0/24', '10.0.0.0/16', '10.1.0.0/24']);
        const subnets = Array.from({ length: n }, (_, i) => `      s${i}: {az: us-west-2${'abc'[i % 3]}, cidr: ${cidr}}\n`).join('');
        return place(
          `apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: flood, region: us-west-2}\nvpc:\n  cidr: 10.0.0.0/16\n  subnets:\n    private:\n${subnets}`,
          `${n} eksctl subnets of ${cidr}`,
        );
      }
      if (variant === 5) {
        const n = r.size(10, 1_000);
        const vpcs = r.chance(0.5);
        const resources = Array.from({ length: n }, (_, i) =>
          vpcs
            ? `  Vpc${i}:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n`
            : `  Subnet${i}:\n    Type: AWS::EC2::Subnet\n    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1a}\n`,
        ).join('');
        const vpc = vpcs ? '' : '  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n';
        return [`AWSTemplateFormatVersion: '2010-09-09'\nResources:\n${vpc}${resources}`, `a template of ${n} identical ${vpcs ? 'VPCs' : 'subnets'} (replacing the file)`];
      }
      const directive = r.pick(['# eks-lens-disable', '# eks-lens-disable-next-line', '# eks-lens-disable-next-line cidr-host-bits', '# eks-lens-disable cidr-syntax']);
      const style = r.pick(['|', '>', '|-', '"', "'"]);
      const body = style === '"' || style === "'" ? `${style}#!/bin/sh\n  ${directive}\n  echo 10.0.0.1/8${style}` : `${style}\n    #!/bin/sh\n    ${directive}\n    echo 10.0.0.1/8`;
      return place(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: script}\ndata:\n  run.sh: ${body}\n`, `a ${style} scalar holding ${show(directive, 60)}`);
    },
  ],
  [
    3,
    'unicode',
    (t, r) => {
      const changes: string[] = [];
      for (let k = r.range(1, 4); k > 0; k--) {
        const what = r.pick(['😀', '\u0301', '\u202e', '\u200b', '１２３', '\ud83d', '\ude00', 'ŉ', '\u{10ffff}', '\ufffe']);
        const at = r.int(t.length + 1);
        t = insertAt(t, at, what);
        changes.push(`${show(what)} at ${at}`);
      }
      return [t, `unicode ${changes.join(', ')}`];
    },
  ],
];
const TOTAL_WEIGHT = MUTATORS.reduce((sum, [w]) => sum + w, 0);

function pickMutator(r: Rng): Mutator {
  let roll = r.next() * TOTAL_WEIGHT;
  for (const [w, , m] of MUTATORS) if ((roll -= w) < 0) return m;
  return MUTATORS[MUTATORS.length - 1][2];
}

function makeCase(seed: number, index: number, sources: { local: Source[]; corpus: Source[] }): Case {
  const r = new Rng(caseSeed(seed, index));
  const pool = [...sources.local, ...sources.corpus];
  const source = sources.corpus.length && r.chance(0.5) ? r.pick(sources.corpus) : r.pick(sources.local);
  let text = source.text;
  const mutations: string[] = [];
  // One case in twenty keeps its file as it is; the others get one to five mutations.
  const count = r.chance(0.05) ? 0 : 1 + Math.min(4, Math.floor(-Math.log(1 - r.next()) / 0.9));
  for (let k = 0; k < count; k++) {
    const [next, what] = pickMutator(r)(text, r, { pool });
    text = next;
    mutations.push(what);
  }
  const json = /\.json$/i.test(source.uri);
  const languageId = r.chance(0.9) ? (json ? 'json' : 'yaml') : r.pick(['json', 'yaml', undefined]);
  const limit = r.next();
  const maxBytes = limit < 0.85 ? 5 * 1024 * 1024 : limit < 0.93 ? 1024 * 1024 : Math.max(1, text.length - r.int(2));
  const others = r.chance(0.4) ? Array.from({ length: r.range(1, 3) }, () => r.pick(pool)).filter((o) => o.uri !== source.uri) : [];
  return { index, source, text, uri: source.uri, languageId, maxBytes, mutations, others, rng: r };
}

// -------------------------------------------------------------------------------------------------
// Checks

/** Line lengths (without their breaks) by the LSP's rule: \n, \r\n and \r end a line. */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function badPosition(p: { line: number; character: number } | undefined, lengths: readonly number[]): string | undefined {
  if (!p || !Number.isInteger(p.line) || !Number.isInteger(p.character)) return `not a position: ${JSON.stringify(p)}`;
  if (p.line < 0 || p.line >= lengths.length) return `line ${p.line} outside 0..${lengths.length - 1}`;
  if (p.character < 0 || p.character > lengths[p.line]) return `character ${p.character} outside line ${p.line} (length ${lengths[p.line]})`;
  return undefined;
}

function badRange(r: Range | undefined, lengths: readonly number[]): string | undefined {
  if (!r) return 'no range';
  const problem = badPosition(r.start, lengths) ?? badPosition(r.end, lengths);
  if (problem) return problem;
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return `start after end: ${JSON.stringify(r)}`;
  return undefined;
}

function badOffsets(start: number, end: number, length: number): string | undefined {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return `not offsets: ${start}..${end}`;
  if (start < 0 || end > length || start > end) return `offsets ${start}..${end} outside 0..${length}`;
  return undefined;
}

const rangeText = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const frames = (error.stack ?? '')
    .split('\n')
    .slice(1, 7)
    .map((l) => l.trim());
  return `${error.name}: ${error.message.slice(0, 300)}${frames.length ? ` | ${frames.join(' | ')}` : ''}`;
}

interface Stats {
  cases: number;
  notParsed: number;
  findings: number;
  hovers: number;
  hoverResults: number;
  completions: number;
  completionItems: number;
  actions: number;
  fixesApplied: number;
  facts: number;
  maps: number;
  /** The largest SVG or HTML page drawn, in characters. */
  mapBytes: number;
  /** The slowest cases of this process, slowest first (figures for the report, never limits). */
  slowest: Array<{ index: number; ms: number; source: string; mutations: string }>;
  /** How many cases took at least each of SLOW_BUCKETS. */
  slowCases: number[];
  stageMaxMs: Record<string, number>;
}

const SLOWEST_KEPT = 5;
const SLOW_BUCKETS = [1_000, 5_000, 20_000];

const newStats = (): Stats => ({
  cases: 0,
  notParsed: 0,
  findings: 0,
  hovers: 0,
  hoverResults: 0,
  completions: 0,
  completionItems: 0,
  actions: 0,
  fixesApplied: 0,
  facts: 0,
  maps: 0,
  mapBytes: 0,
  slowest: [],
  slowCases: SLOW_BUCKETS.map(() => 0),
  stageMaxMs: {},
});

const factsCache = new Map<string, FileFacts>();

function runCase(c: Case, stats: Stats): string[] {
  const problems: string[] = [];
  const started = performance.now();
  const r = c.rng;
  const config = mergeConfig();
  const knownTexts = new Map<string, string>();
  const otherLengths = new Map<string, number[]>();
  for (const o of c.others) knownTexts.set(o.uri, o.text);

  /** Runs one call: records what it throws and how long it takes. */
  function call<T>(stage: string, fn: () => T): T | undefined {
    const t0 = performance.now();
    try {
      return fn();
    } catch (error) {
      problems.push(`${stage} threw ${describeError(error)}`);
      return undefined;
    } finally {
      const ms = performance.now() - t0;
      stats.stageMaxMs[stage] = Math.max(stats.stageMaxMs[stage] ?? 0, ms);
    }
  }

  // The rest of the workspace: the facts of a few unmutated files.
  const others = c.others.map((o) => {
    let facts = factsCache.get(o.uri);
    if (!facts) {
      facts = call('facts of another file', () => factsOf(buildFileModel({ uri: o.uri, text: o.text }))) ?? { serviceCidrs: [], workloads: [] };
      factsCache.set(o.uri, facts);
    }
    return facts;
  });
  const workspace: WorkspaceView = { others };

  function checkFindings(findings: readonly Finding[], text: string, lengths: readonly number[], label: string): void {
    for (const f of findings) {
      const bad = badRange(f.range, lengths);
      if (bad) problems.push(`${label}: finding ${f.code} range ${rangeText(f.range)}: ${bad}`);
      if (typeof f.message !== 'string' || !f.message) problems.push(`${label}: finding ${f.code} has no message`);
      for (const rel of f.related ?? []) {
        let relLengths: readonly number[] | undefined = lengths;
        if (rel.uri !== undefined) {
          relLengths = otherLengths.get(rel.uri);
          const relText = knownTexts.get(rel.uri);
          if (!relLengths && relText !== undefined) otherLengths.set(rel.uri, (relLengths = lineLengths(relText)));
        }
        if (!relLengths) {
          problems.push(`${label}: finding ${f.code} relates to an unknown file ${rel.uri}`);
          continue;
        }
        const relBad = badRange(rel.range, relLengths);
        if (relBad) problems.push(`${label}: finding ${f.code} related range ${rangeText(rel.range)}${rel.uri ? ` in ${rel.uri}` : ''}: ${relBad}`);
      }
    }
  }

  const check = (model: FileModel, label: string) =>
    call(`${label}: checkFile`, () => checkFile(model, { rules: allRules, config, workspace, onRuleError: (code, error) => problems.push(`${label}: rule ${code} threw ${describeError(error)}`) })) ??
    [];

  const model = call('buildFileModel', () => buildFileModel({ uri: c.uri, text: c.text, version: 1, languageId: c.languageId, maxBytes: c.maxBytes }));
  if (model) {
    const text = c.text;
    const lengths = lineLengths(text);
    if (model.notParsed) stats.notParsed++;
    for (const doc of model.documents) {
      const bad = badOffsets(doc.start, doc.end, text.length);
      if (bad) problems.push(`document ${doc.index}: ${bad}`);
    }

    const findings = check(model, 'original');
    stats.findings += findings.length;
    checkFindings(findings, text, lengths, 'original');

    const facts = call('factsOf', () => factsOf(model));
    for (const fact of [...(facts?.serviceCidrs ?? []), ...(facts?.workloads ?? []), ...(facts?.vpcs ?? []).flatMap((v) => [v, ...v.cidrs, ...v.subnets])]) {
      stats.facts++;
      if (fact.uri !== c.uri) problems.push(`fact for another file: ${fact.uri}`);
      const bad = badRange(fact.range, lengths);
      if (bad) problems.push(`fact range ${rangeText(fact.range)}: ${bad}`);
    }

    // The address map of this file and the rest of the workspace, drawn as the CLI and the editor draw it.
    const vpcs = [...(facts?.vpcs ?? []), ...others.flatMap((o) => o.vpcs ?? [])];
    const serviceCidrs = [...(facts?.serviceCidrs ?? []), ...others.flatMap((o) => o.serviceCidrs)];
    const map = call('buildAddressMap', () => buildAddressMap({ vpcs, serviceCidrs, reserved: [{ cidr: '10.0.0.0/8', label: 'reserved' }] }));
    if (map) {
      stats.maps++;
      for (const [kind, render] of [
        ['renderSvg', () => renderSvg(map, { title: 'fuzz' })],
        ['renderHtml', () => renderHtml(map, { title: 'fuzz', webview: { cspSource: 'vscode-webview:', nonce: 'n0nce' } })],
      ] as const) {
        const out = call(kind, render);
        if (out === undefined) continue;
        stats.mapBytes = Math.max(stats.mapBytes, out.length);
        if (!out.includes('</svg>')) problems.push(`${kind}: no complete <svg> element in ${out.length} characters`);
      }
    }

    // Hover at random offsets, at both ends, and where findings start (where users point).
    const hoverOffsets = [0, text.length, ...Array.from({ length: 12 }, () => r.int(text.length + 1))];
    for (const f of findings.slice(0, 4)) hoverOffsets.push(model.lines.offsetAt(f.range.start));
    for (const offset of hoverOffsets) {
      stats.hovers++;
      const hover = call('hoverAt', () => hoverAt(model, offset));
      if (!hover) continue;
      stats.hoverResults++;
      const bad = badRange(hover.range, lengths);
      if (bad) problems.push(`hover at ${offset}: range ${rangeText(hover.range)}: ${bad}`);
      if (typeof hover.markdown !== 'string' || !hover.markdown) problems.push(`hover at ${offset}: no text`);
    }

    // Completion at random offsets and right after `key: ` (where values are typed).
    const completionOffsets = [text.length, ...Array.from({ length: 6 }, () => r.int(text.length + 1)), ...Array.from({ length: 3 }, () => valueSpot(text, r))];
    for (const offset of completionOffsets) {
      stats.completions++;
      const items = call('completionsAt', () => completionsAt(model, offset, config)) ?? [];
      stats.completionItems += items.length;
      for (const item of items) {
        const bad = badOffsets(item.start, item.end, text.length);
        if (bad) problems.push(`completion ${show(item.label)} at ${offset}: ${bad}`);
        if (typeof item.insertText !== 'string') problems.push(`completion ${show(item.label)} at ${offset}: no insertText`);
      }
    }

    // Code actions over the whole file and over a random span of lines.
    const lastLine = model.lines.lineCount - 1;
    const from = r.int(lastLine + 1);
    const wholeFile = call('codeActions', () => codeActions(model, findings, 0, lastLine, { config, workspace, rules: allRules })) ?? [];
    const someLines = call('codeActions', () => codeActions(model, findings, from, Math.min(lastLine, from + r.int(20)), { config, workspace, rules: allRules })) ?? [];
    const actions: Action[] = [...wholeFile, ...someLines];
    stats.actions += actions.length;
    for (const action of actions) {
      if (action.planAt !== undefined) {
        const bad = badOffsets(action.planAt, action.planAt, text.length);
        if (bad) problems.push(`action "${action.title}": planAt ${bad}`);
      }
      const edits = action.edits ?? [];
      for (const e of edits) {
        const target = e.uri === undefined ? text : knownTexts.get(e.uri);
        if (target === undefined) problems.push(`action "${action.title}": edit of an unknown file ${e.uri}`);
        else {
          const bad = badOffsets(e.start, e.end, target.length);
          if (bad) problems.push(`action "${action.title}": edit ${bad}${e.uri ? ` in ${e.uri}` : ''}`);
        }
        if (typeof e.newText !== 'string') problems.push(`action "${action.title}": edit without text`);
      }
      const own = [...edits].filter((e) => e.uri === undefined).sort((a, b) => a.start - b.start);
      for (let i = 1; i < own.length; i++)
        if (own[i].start < own[i - 1].end) problems.push(`action "${action.title}": overlapping edits ${own[i - 1].start}..${own[i - 1].end} and ${own[i].start}..${own[i].end}`);
    }

    // Apply fixes (the rules' own first, then a few suppression comments), re-parse incrementally
    // from the model before the edit, and check again: the result must equal a fresh parse's.
    const withEdits = wholeFile.filter((a) => a.edits?.length && a.edits.every((e) => e.uri === undefined || knownTexts.has(e.uri)));
    const fixes = withEdits.filter((a) => !a.title.startsWith('Disable ')).slice(0, 4);
    const disables = withEdits.filter((a) => a.title.startsWith('Disable '));
    for (let k = 0; k < 2 && disables.length; k++) fixes.push(disables.splice(r.int(disables.length), 1)[0]);
    for (const fix of fixes) {
      const own = fix.edits!.filter((e): e is TextEdit => e.uri === undefined);
      if (own.some((e) => badOffsets(e.start, e.end, text.length))) continue;
      const edited = call('applyEdits', () => applyEdits(text, own));
      if (edited === undefined) continue;
      stats.fixesApplied++;
      const label = `after "${fix.title}"`;
      const again = call(`${label}: buildFileModel (incremental)`, () => buildFileModel({ uri: c.uri, text: edited, version: 2, languageId: c.languageId, maxBytes: c.maxBytes }, model));
      const fresh = call(`${label}: buildFileModel (fresh)`, () => buildFileModel({ uri: c.uri, text: edited, version: 2, languageId: c.languageId, maxBytes: c.maxBytes }));
      if (!again || !fresh) continue;
      const incremental = check(again, label);
      checkFindings(incremental, edited, lineLengths(edited), label);
      const whole = check(fresh, `${label} (fresh)`);
      const key = (fs: readonly Finding[]) => fs.map((f) => `${f.code} ${rangeText(f.range)} ${f.message}`).join('\n');
      if (key(incremental) !== key(whole))
        problems.push(`${label}: the incremental re-parse gives other findings than a fresh one:\n  incremental: ${key(incremental).slice(0, 400)}\n  fresh: ${key(whole).slice(0, 400)}`);
    }
  }

  const ms = performance.now() - started;
  stats.cases++;
  stats.slowest.push({ index: c.index, ms, source: c.source.name, mutations: c.mutations.map((m) => m.slice(0, 80)).join('; ') });
  stats.slowest.sort((a, b) => b.ms - a.ms).splice(SLOWEST_KEPT);
  for (const [i, bound] of SLOW_BUCKETS.entries()) if (ms >= bound) stats.slowCases[i]++;
  return [...new Set(problems)];
}

// -------------------------------------------------------------------------------------------------
// The child: runs its share of the cases and reports on file descriptor 3, one JSON line each.

interface ChildSpec {
  seed: number;
  from: number;
  step: number;
  end: number;
}

interface Failure {
  index: number;
  source: string;
  mutations: readonly string[];
  length: number;
  problems: readonly string[];
  dump?: string;
}

type Message = { type: 'sources'; local: number; corpus: number; corpusPresent: boolean } | { type: 'case'; index: number } | { type: 'fail'; failure: Failure } | { type: 'done'; stats: Stats };

function childMain(spec: ChildSpec): void {
  const send = (m: Message) => writeSync(3, JSON.stringify(m) + '\n');
  const sources = loadSources();
  send({ type: 'sources', local: sources.local.length, corpus: sources.corpus.length, corpusPresent: sources.corpusPresent });
  const stats = newStats();
  for (let index = spec.from; index < spec.end; index += spec.step) {
    send({ type: 'case', index });
    const c = makeCase(spec.seed, index, sources);
    let problems: string[];
    try {
      problems = runCase(c, stats);
    } catch (error) {
      problems = [`the harness threw ${describeError(error)}`];
    }
    if (problems.length) {
      mkdirSync(DUMPS, { recursive: true });
      const dump = path.join(DUMPS, `seed-${spec.seed}-case-${index}.json`);
      writeFileSync(dump, JSON.stringify({ seed: spec.seed, index, source: c.source.name, uri: c.uri, languageId: c.languageId, maxBytes: c.maxBytes, mutations: c.mutations, text: c.text }));
      send({ type: 'fail', failure: { index, source: c.source.name, mutations: c.mutations, length: c.text.length, problems: problems.slice(0, 8), dump } });
    }
  }
  send({ type: 'done', stats });
}

// -------------------------------------------------------------------------------------------------
// The parent: starts the children, watches for hangs and deaths, and reports.

interface LaneResult {
  stats: Stats[];
  failures: Failure[];
  sources?: Extract<Message, { type: 'sources' }>;
}

function runLane(spec: ChildSpec, result: LaneResult): Promise<void> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, EKS_LENS_FUZZ_CHILD: JSON.stringify(spec) };
    delete env.NODE_TEST_CONTEXT;
    const child = spawn(process.execPath, ['--enable-source-maps', __filename], { env, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let current = -1;
    let since = Date.now();
    let done = false;
    let hung = false;
    let stderr = '';
    let buffered = '';
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => {
      buffered += d.toString();
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const m = JSON.parse(buffered.slice(0, nl)) as Message;
        buffered = buffered.slice(nl + 1);
        if (m.type === 'case') {
          current = m.index;
          since = Date.now();
        } else if (m.type === 'fail') result.failures.push(m.failure);
        else if (m.type === 'sources') result.sources = m;
        else if (m.type === 'done') {
          done = true;
          result.stats.push(m.stats);
        }
      }
    });
    const watchdog = setInterval(() => {
      if (current >= 0 && Date.now() - since > HANG_MS) {
        hung = true;
        child.kill('SIGKILL');
      }
    }, 250);
    child.on('close', (code, signal) => {
      clearInterval(watchdog);
      if (done) return resolve();
      // The case in progress hung or took its process down: report it, and go on after it.
      const failed = current >= 0 ? current : spec.from;
      const c = makeCase(spec.seed, failed, loadSourcesOnce());
      const problem = hung ? `hung: still running after ${HANG_MS / 1000} s (process killed)` : `the process died (exit ${code}, signal ${signal}): ${stderr.trim().slice(-1500)}`;
      result.failures.push({ index: failed, source: c.source.name, mutations: c.mutations, length: c.text.length, problems: [problem] });
      const next = failed + spec.step;
      if (next < spec.end) resolve(runLane({ ...spec, from: next }, result));
      else resolve();
    });
  });
}

let sourcesOnce: ReturnType<typeof loadSources> | undefined;
const loadSourcesOnce = () => (sourcesOnce ??= loadSources());

const childSpec = process.env.EKS_LENS_FUZZ_CHILD;
if (childSpec) {
  childMain(JSON.parse(childSpec) as ChildSpec);
} else {
  describe('fuzz: hostile variants of real files through every language feature', () => {
    // No overall time limit: the watchdog ends any case that hangs, so the run always finishes.
    it('nothing throws, no rule fails, no case hangs, every range lies inside its text', async () => {
      const started = Date.now();
      const lanes: LaneResult[] = [];
      if (ONLY !== undefined) {
        lanes.push({ stats: [], failures: [] });
        await runLane({ seed: SEED, from: ONLY, step: 1, end: ONLY + 1 }, lanes[0]);
      } else {
        for (let p = 0; p < PROCS; p++) lanes.push({ stats: [], failures: [] });
        await Promise.all(lanes.map((lane, p) => runLane({ seed: SEED, from: p, step: PROCS, end: CASES }, lane)));
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const stats = lanes.flatMap((l) => l.stats);
      const failures = lanes.flatMap((l) => l.failures).sort((a, b) => a.index - b.index);
      const sum = (k: keyof Stats) => stats.reduce((s, x) => s + (x[k] as number), 0);
      const ran = sum('cases') + failures.filter((f) => f.problems.some((p) => p.startsWith('hung') || p.startsWith('the process died'))).length;
      const slowest = stats
        .flatMap((s) => s.slowest)
        .sort((a, b) => b.ms - a.ms)
        .slice(0, SLOWEST_KEPT);
      const slowCases = SLOW_BUCKETS.map((_, i) => stats.reduce((n, s) => n + s.slowCases[i], 0));
      const stageMax: Record<string, number> = {};
      // "after …: checkFile" and "original: checkFile" count as checkFile.
      for (const s of stats)
        for (const [k, v] of Object.entries(s.stageMaxMs)) {
          const kind = k.slice(k.lastIndexOf(': ') + 1).trim();
          stageMax[kind] = Math.max(stageMax[kind] ?? 0, v);
        }
      const sources = lanes.find((l) => l.sources)?.sources;

      console.log(
        `fuzz: seed ${SEED} (EKS_LENS_FUZZ_SEED), ${ran} cases${ONLY !== undefined ? ` (case ${ONLY} only)` : ` of ${CASES}`} in ${seconds} s on ${ONLY !== undefined ? 1 : PROCS} process(es), hang watchdog ${HANG_MS / 1000} s per case`,
      );
      if (sources) {
        console.log(
          `fuzz: inputs: ${sources.local} example/fixture files` + (sources.corpusPresent ? `, ${sources.corpus} shared corpus files` : `; skipped the shared corpus: ${CORPUS} is not present`),
        );
      }
      console.log(
        `fuzz: ${sum('findings')} findings, ${sum('notParsed')} files refused (size/NUL), ${sum('hovers')} hovers (${sum('hoverResults')} answered), ` +
          `${sum('completions')} completions (${sum('completionItems')} items), ${sum('actions')} code actions, ${sum('fixesApplied')} edits applied and re-checked, ${sum('facts')} workspace facts, ${sum('maps')} address maps drawn (largest ${Math.max(0, ...stats.map((x) => x.mapBytes)).toLocaleString('en-US')} characters)`,
      );
      console.log(
        `fuzz: slowest cases (figures, not limits): ${slowest.map((x) => `#${x.index} ${x.ms.toFixed(0)} ms`).join(', ')}; ` +
          SLOW_BUCKETS.map((b, i) => `${slowCases[i]} case(s) ≥ ${b / 1000} s`).join(', '),
      );
      if (slowest[0]) console.log(`fuzz: slowest case #${slowest[0].index}: ${slowest[0].source}, ${slowest[0].mutations || 'no mutation'}`);
      console.log(
        'fuzz: slowest call per kind: ' +
          Object.entries(stageMax)
            .sort((a, b) => b[1] - a[1])
            .map(([k, v]) => `${k} ${v.toFixed(0)} ms`)
            .join(', '),
      );
      const report = failures.map(
        (f) =>
          `case #${f.index} (seed ${SEED}; replay: EKS_LENS_FUZZ_SEED=${SEED} EKS_LENS_FUZZ_CASE=${f.index} node scripts/test.mjs fuzz)\n` +
          `  input: ${f.source}, ${f.length} chars, mutations: ${f.mutations.length ? f.mutations.join('; ') : 'none'}\n` +
          (f.dump ? `  text: ${f.dump}\n` : '') +
          f.problems.map((p) => `  - ${p}`).join('\n'),
      );
      for (const r of report) console.log(`fuzz: FAILED ${r}`);
      assert.ok(ran > 0, 'no case ran');
      assert.equal(failures.length, 0, `${failures.length} of ${ran} fuzz cases failed:\n${report.join('\n')}`);
    });
  });
}
