// The document model: one parse of a file's text per version, shared by every feature.
// A file is a stream of YAML documents (JSON is parsed by the same parser, as a one-document
// stream, so positions work the same way); each document is classified once.
import { Composer, CST, Document, isMap, isPair, isScalar, isSeq, Lexer, Parser, YAMLParseError, type Node, type Pair, type Scalar } from 'yaml';
import type { Classifier, DocumentKind } from './classify';
import { LineIndex } from './lineIndex';
import { applyInserts, findLenientLines, unclosedQuotes, type LenientProblem, type Repair } from './lenient';
import { eachToken } from './lexemes';
import { AnchorTable } from './nav';
import { chunkStarts } from './stream';

/** Files above this size are not parsed (a diagnostic says so); the setting can raise it. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface SyntaxProblem {
  message: string;
  start: number;
  end: number;
}

export type { LenientProblem };

/**
 * A key written again in the same mapping. YAML 1.2 forbids it, but the readers of our files
 * mostly keep the last value (see the yaml-duplicate-key rule), and so does the model (nav.ts).
 */
export interface DuplicateKey {
  /** The key as text. */
  readonly key: string;
  /** This occurrence's key node, and the key node of the occurrence before it in the mapping. */
  readonly node: Scalar;
  readonly previous: Scalar;
  /** The pair whose value readers keep: the last occurrence of the key in the mapping. */
  readonly winner: Pair;
}

/** One parsed document, independent of where its text sits in the file (so it can be reused). */
export interface ParsedDocument {
  readonly kind: DocumentKind;
  readonly apiVersion?: string;
  readonly objectKind?: string;
  /** The yaml package's document; node ranges are offsets in the document's chunk (see `offset`). */
  readonly yaml: Document.Parsed;
  readonly root: Node | null;
  readonly anchors: AnchorTable;
  /** Parse errors, with offsets in the chunk. A document with any is not checked by other rules. */
  readonly syntaxErrors: readonly SyntaxProblem[];
  /** Lines YAML 1.2 refuses but PyYAML, go-yaml and CloudFormation read (see lenient.ts); the
   *  document is parsed as they read it and stays checkable. Offsets in the chunk. */
  readonly lenient: readonly LenientProblem[];
  /** Keys repeated in a mapping, in file order; the document stays checkable. */
  readonly duplicateKeys: readonly DuplicateKey[];
  /** Results derived from this document, computed once and shared by features (see `memo`). */
  readonly derived: Map<string, unknown>;
}

export interface StreamDocument extends ParsedDocument {
  /** Position of the document in its stream, from 0. */
  readonly index: number;
  /** Where the document's chunk starts in the file: add it to node ranges to get file offsets. */
  readonly offset: number;
  /** File offsets of the document's text. */
  readonly start: number;
  readonly end: number;
}

/** The text between two document markers and what it parsed to (usually one document). */
interface ParsedChunk {
  readonly text: string;
  readonly documents: readonly ParsedDocument[];
  /** Offsets in the chunk of every real comment's `#` (never text inside a scalar). */
  readonly comments: readonly number[];
}

export type FileFormat = 'yaml' | 'json';

export interface FileModel {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly lines: LineIndex;
  readonly format: FileFormat;
  readonly documents: readonly StreamDocument[];
  /** The file holds Go/Helm template actions (`{{ … }}`) or lives in a chart's templates/ folder. */
  readonly templated: boolean;
  /** Why the file was not parsed at all (binary, too large); undefined when it was. */
  readonly notParsed?: string;
  /** The parsed chunks, kept so that the next version re-parses only the chunks that changed. */
  readonly chunks: readonly ParsedChunk[];
  /**
   * File offsets of the `#` of every real YAML comment, in order (undefined when the file was not
   * parsed). Text that looks like a comment inside a block or quoted scalar is not one.
   */
  readonly comments?: readonly number[];
}

export interface FileInput {
  uri: string;
  text: string;
  version?: number;
  /** The editor's language id, when known (`json` selects JSON handling). */
  languageId?: string;
  maxBytes?: number;
  /** The file's size in bytes when the reader knows it and did not read the file (over the limit); `text` is then empty. */
  size?: number;
}

const TEMPLATE_ACTION = /\{\{-?\s*[^}]*\}\}/;
const IN_CHART_TEMPLATES = /(^|[\\/])templates[\\/][^\\/]+$/;

export function formatOf(uri: string, languageId: string | undefined, text: string): FileFormat {
  if (languageId === 'json' || languageId === 'jsonc') return 'json';
  if (languageId === 'yaml') return 'yaml';
  if (/\.json$/i.test(uri)) return 'json';
  return /^\s*[{[]/.test(text) && !/\.ya?ml$/i.test(uri) ? 'json' : 'yaml';
}

/**
 * Builds the model of a file. With the model of an earlier version, chunks whose text did not
 * change are reused as they are (their node ranges are chunk-relative, so they stay valid).
 */
export function parseFileModel(input: FileInput, previous: FileModel | undefined, classify: Classifier): FileModel {
  const steps = parseFileModelSteps(input, previous, classify);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same, yielding after each parsed chunk so that a server can give way to newer edits. */
export function* parseFileModelSteps(input: FileInput, previous: FileModel | undefined, classify: Classifier): Generator<void, FileModel> {
  const { uri, text } = input;
  const version = input.version ?? 0;
  const lines = new LineIndex(text);
  const format = formatOf(uri, input.languageId, text);
  const templated = TEMPLATE_ACTION.test(text) || (IN_CHART_TEMPLATES.test(uri) && text.includes('{{'));
  const base = { uri, version, text, lines, format, templated };
  const notParsed = whyNotParsed(text, input.maxBytes ?? DEFAULT_MAX_FILE_BYTES, input.size);
  if (notParsed) return { ...base, documents: [], chunks: [], notParsed };
  // YAML 1.2 counts a lone carriage return (old Mac files) as a line break; the parser only knows
  // `\n` and `\r\n`. Replacing each lone `\r` with `\n` keeps every offset, and LineIndex already
  // breaks lines at a lone `\r`, so positions in the original text stay right.
  const source = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  const reusable = new Map<string, ParsedChunk>();
  for (const chunk of previous?.chunks ?? []) reusable.set(chunk.text, chunk);
  // Chunks with the same text in this version (a stream of empty documents, a manifest repeated)
  // are parsed once; each occurrence gets its own derived results, since those hold positions.
  const parsedNow = new Map<string, ParsedChunk>();
  const starts = chunkStarts(source);
  const chunks: ParsedChunk[] = [];
  const documents: StreamDocument[] = [];
  const comments: number[] = [];
  let unchangedSoFar = true;
  for (let i = 0; i < starts.length; i++) {
    const offset = starts[i];
    const chunkText = source.slice(offset, i + 1 < starts.length ? starts[i + 1] : source.length);
    let chunk = reusable.get(chunkText);
    // Derived results may hold positions and document numbers (workspace facts do), so a reused
    // chunk keeps them only while it sits where it was and nothing before it changed; otherwise
    // it gets empty ones, kept with it for the next version.
    if (chunk) {
      reusable.delete(chunkText);
      if (!(unchangedSoFar && previous?.chunks[i] === chunk)) {
        unchangedSoFar = false;
        chunk = withFreshDerived(chunk);
      }
    } else {
      // Anything after a new chunk may have moved.
      unchangedSoFar = false;
      const twin = parsedNow.get(chunkText);
      if (twin) chunk = withFreshDerived(twin);
      else {
        chunk = parseChunk(chunkText, classify);
        parsedNow.set(chunkText, chunk);
        yield;
      }
    }
    chunks.push(chunk);
    for (const c of chunk.comments) comments.push(offset + c);
    for (const parsed of chunk.documents) documents.push(placed(parsed, documents.length, offset));
  }
  return { ...base, documents, chunks, comments };
}

function withFreshDerived(chunk: ParsedChunk): ParsedChunk {
  return { text: chunk.text, comments: chunk.comments, documents: chunk.documents.map((d) => parsedDocument(d, new Map())) };
}

// Both built field by field rather than by spreading: a stream of 200,000 documents spent most of
// its model building copying objects with spread syntax.
function parsedDocument(d: ParsedDocument, derived: Map<string, unknown>): ParsedDocument {
  return {
    kind: d.kind,
    apiVersion: d.apiVersion,
    objectKind: d.objectKind,
    yaml: d.yaml,
    root: d.root,
    anchors: d.anchors,
    syntaxErrors: d.syntaxErrors,
    lenient: d.lenient,
    duplicateKeys: d.duplicateKeys,
    derived,
  };
}

function placed(d: ParsedDocument, index: number, offset: number): StreamDocument {
  return {
    kind: d.kind,
    apiVersion: d.apiVersion,
    objectKind: d.objectKind,
    yaml: d.yaml,
    root: d.root,
    anchors: d.anchors,
    syntaxErrors: d.syntaxErrors,
    lenient: d.lenient,
    duplicateKeys: d.duplicateKeys,
    derived: d.derived,
    index,
    offset,
    start: offset + d.yaml.range[0],
    end: offset + d.yaml.range[2],
  };
}

function whyNotParsed(text: string, maxBytes: number, size = text.length): string | undefined {
  // Counting UTF-16 units is enough to decide; the message gives megabytes.
  if (size > maxBytes) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
    return `the file is ${mb(size)} MB, above the ${mb(maxBytes)} MB limit for checking (setting eksLens.maxFileSizeMB)`;
  }
  if (text.includes('\u0000')) return 'the file contains binary data (NUL bytes); it is not YAML or JSON text';
  return undefined;
}

// CloudFormation's short tags (`!Ref`, `!Cidr`, …) need no declaration: the parser keeps any tag on
// its node, which is how rules tell an intrinsic from a literal, and only adds a warning (ignored
// here). Declaring them as custom tags would cost a schema rebuild per document.
// The parser's own duplicate-key check compares each key with every key before it in its mapping,
// so a mapping of 100,000 keys took seconds; it is off, and `duplicateKeys` below does the same
// check with one hash set per mapping.
const PARSE_OPTIONS = { prettyErrors: false, keepSourceTokens: false, uniqueKeys: false } as const;

/** Rounds of lenient repair (each a parse of the chunk), for lines hidden by an earlier one. */
const MAX_REPAIR_ROUNDS = 4;

/**
 * Parses a chunk in the parser's three stages (lexer, CST parser, composer), the way
 * `parseAllDocuments` does, so that the lexer's tokens are seen once and serve three purposes:
 * the nesting bound below (from tokens, so brackets in quotes, comments and block scalars are not
 * miscounted), the positions of real comments (for suppression comments), and the parse itself.
 * A chunk that YAML 1.2 refuses only for lines other readers accept is parsed as they read it
 * (lenient.ts). Stack traces are off meanwhile: the parser builds an Error object for every warning
 * (one per CloudFormation short tag), and capturing their stacks was a tenth of the time on big
 * templates.
 */
function parseChunk(text: string, classify: Classifier): ParsedChunk {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    // The lexer is a loop over the text (no recursion), so it is safe on any input.
    const lexemes = Array.from(new Lexer().lex(text));
    let parsed = compose(text, lexemes);
    let comments = commentOffsets(lexemes);
    let lenient: readonly LenientProblem[] = [];
    if (parsed.some((yaml) => yaml.errors.length)) {
      const repaired = parseLeniently(text, lexemes);
      if (repaired) {
        parsed = repaired.parsed;
        comments = commentOffsets(repaired.lexemes).map(repaired.repair.toOriginal);
        lenient = repaired.repair.problems;
      }
    }
    let quotes: number[] | undefined;
    const documents = parsed.map((yaml): ParsedDocument => {
      const anchors = new AnchorTable(yaml);
      const root = (yaml.contents ?? null) as Node | null;
      const syntaxErrors = yaml.errors.map((e) => syntaxProblem(text, e, () => (quotes ??= unclosedQuotes(lexemes))));
      const classification = syntaxErrors.length && !root ? { kind: 'other' as const } : classify(root, anchors);
      const [from, to] = [yaml.range[0], yaml.range[2]];
      const own = parsed.length === 1 ? lenient : lenient.filter((p) => p.start >= from && p.start <= to);
      return { ...classification, yaml, root, anchors, syntaxErrors, lenient: own, duplicateKeys: duplicateKeys(yaml), derived: new Map() };
    });
    return { text, documents, comments };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * A parse error as a problem. The parser reports an unclosed quote where it gave up looking for the
 * closing one (often the end of the document); the place to fix is where the string opens.
 */
function syntaxProblem(text: string, error: YAMLParseError, quotes: () => readonly number[]): SyntaxProblem {
  const quote = /^Missing closing (["'])quote/.exec(error.message);
  if (quote) {
    // The last unclosed quote at or before the error, by binary search (offsets are in order).
    const opens = quotes();
    let low = 0;
    let high = opens.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (opens[mid] <= error.pos[0]) low = mid + 1;
      else high = mid;
    }
    const at = low > 0 ? opens[low - 1] : undefined;
    if (at !== undefined) return { message: `Missing closing ${quote[1]} quote: the quoted string that starts here is never closed.`, start: at, end: at + 1 };
  }
  // An error at the very end of the chunk (an unclosed `[`) would show on the next document's
  // `---` line; it is shown on the chunk's last character instead.
  const last = Math.max(0, text.trimEnd().length - 1);
  const start = Math.min(error.pos[0], last);
  return { message: error.message, start, end: Math.max(start + 1, Math.min(error.pos[1], last + 1)) };
}

function compose(text: string, lexemes: readonly string[]): Document.Parsed[] {
  const cst = parseCst(lexemes, MAX_NESTING);
  if (!Array.isArray(cst)) return [unparsable(text, `The YAML nests collections more than ${MAX_NESTING} levels deep here; it is not parsed, so nothing in this document is checked.`, cst.tooDeepAt)];
  try {
    return Array.from(new Composer(PARSE_OPTIONS).compose(cst)) as Document.Parsed[];
  } catch (error) {
    // Not expected below the nesting limit; kept so that a parser failure stays a finding.
    if (!(error instanceof RangeError)) throw error;
    return [unparsable(text, 'The YAML is nested too deeply to parse (thousands of levels); nothing in this document is checked.')];
  }
}

/**
 * Indents the lines YAML 1.2 refuses but PyYAML and go-yaml accept, and parses the result; the
 * parse is used only when nothing else is wrong with the chunk (otherwise the original errors are
 * reported as they are). Node ranges are mapped back to the original text.
 */
function parseLeniently(text: string, lexemes: readonly string[]): { parsed: Document.Parsed[]; lexemes: readonly string[]; repair: Repair } | undefined {
  const inserts = new Map<number, number>();
  const problems: LenientProblem[] = [];
  let repair: Repair | undefined;
  let current = lexemes;
  for (let round = 0; round < MAX_REPAIR_ROUNDS; round++) {
    const found = findLenientLines(repair?.text ?? text, current);
    if (!found.inserts.length) return undefined;
    const back = repair ? repair.toOriginal : (offset: number) => offset;
    for (const insert of found.inserts) {
      const at = back(insert.at);
      inserts.set(at, (inserts.get(at) ?? 0) + insert.count);
    }
    for (const p of found.problems) problems.push({ message: p.message, start: back(p.start), end: back(p.end), opened: { ...p.opened, start: back(p.opened.start), end: back(p.opened.end) } });
    repair = applyInserts(
      text,
      problems,
      Array.from(inserts, ([at, count]) => ({ at, count })),
    );
    current = Array.from(new Lexer().lex(repair.text));
    const parsed = compose(repair.text, current);
    if (parsed.every((yaml) => !yaml.errors.length && yaml.contents !== undefined)) {
      for (const yaml of parsed) remapRanges(yaml, repair.toOriginal);
      return { parsed, lexemes: current, repair };
    }
  }
  return undefined;
}

/** Moves every range of a parsed document from the repaired text to the original one. */
function remapRanges(yaml: Document.Parsed, toOriginal: (offset: number) => number): void {
  const map = (range: number[] | null | undefined) => {
    if (!range) return;
    for (let i = 0; i < range.length; i++) range[i] = toOriginal(range[i]);
  };
  map(yaml.range);
  for (const warning of yaml.warnings) map(warning.pos);
  const stack: unknown[] = [yaml.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isPair(node)) stack.push(node.key, node.value);
    else if (node && typeof node === 'object' && 'range' in node) {
      map((node as { range?: number[] | null }).range);
      if (isMap(node) || isSeq(node)) for (const item of node.items) stack.push(item);
    }
  }
}

/**
 * Real files nest a few dozen levels. The parser's CST stage and its composer recurse once per
 * open level, and run out of stack somewhere above a thousand, at a depth that depends on how much
 * stack the caller already used (so the outcome of an overflow differs between runs and between
 * the CLI and the server). The limit is enforced on the parser's own stack of open collections,
 * token by token, so it is exact: every document the composer receives nests at most this deep,
 * and nothing shallower is refused, whatever mix of indentation, flow brackets, indicators,
 * properties or line breaks produced the nesting.
 */
export const MAX_NESTING = 500;

function commentOffsets(lexemes: readonly string[]): number[] {
  const out: number[] = [];
  // A scalar's text (a block scalar's lines included) is never a comment, whatever it holds.
  eachToken(lexemes, (lexeme, offset, scalarText) => {
    if (!scalarText && lexeme.charCodeAt(0) === 35 /* # */) out.push(offset);
  });
  return out;
}

/**
 * Runs the CST parser over the lexer's tokens, stopping as soon as more than `limit` collections
 * are open at once. The parser keeps its open tokens on an explicit stack (the document, then one
 * entry per open collection, then at most one scalar), and one token grows that stack by a bounded
 * amount; its recursion (closing levels on a dedent) is bounded by the stack's length, so stopping
 * here keeps both the parser and, later, the composer within a fixed stack depth.
 */
function parseCst(lexemes: readonly string[], limit: number): CST.Token[] | { tooDeepAt: number } {
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  for (const lexeme of lexemes) {
    const at = parser.offset;
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (openCollections(parser.stack) > limit) return { tooDeepAt: at };
  }
  for (const token of parser.end()) tokens.push(token);
  return tokens;
}

function openCollections(stack: readonly CST.Token[]): number {
  const n = stack.length;
  if (n <= 1) return 0;
  const top = stack[n - 1].type;
  const topIsCollection = top === 'block-map' || top === 'block-seq' || top === 'flow-collection';
  // Below the top there are only collections (under the document, or a doc-end marker alone).
  return n - 1 - (topIsCollection ? 0 : 1);
}

/**
 * The keys equal to an earlier key of their mapping, with the parser's own equality (two scalars
 * whose values are `===`), in one pass over the document with one hash set per mapping.
 */
function duplicateKeys(yaml: Document.Parsed): DuplicateKey[] {
  const found: Array<{ key: string; node: Scalar; previous: Scalar; last: Map<unknown, Pair>; value: unknown }> = [];
  const stack: unknown[] = [yaml.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const last = new Map<unknown, Pair>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key)) {
          const value = key.value;
          const comparable = (typeof value !== 'object' || value === null) && !Number.isNaN(value);
          if (comparable) {
            const before = last.get(value);
            if (before) found.push({ key: String(value), node: key, previous: before.key as Scalar, last, value });
            last.set(value, pair as Pair);
          }
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  const out = found.map((d) => ({ key: d.key, node: d.node, previous: d.previous, winner: d.last.get(d.value) as Pair }));
  return out.sort((a, b) => (a.node.range?.[0] ?? 0) - (b.node.range?.[0] ?? 0));
}

/** The offset where the nesting of collections first exceeds `limit`, or undefined. */
export function nestingBeyond(text: string, limit: number): number | undefined {
  const cst = parseCst(Array.from(new Lexer().lex(text)), limit);
  return Array.isArray(cst) ? undefined : cst.tooDeepAt;
}

function unparsable(text: string, message: string, at = 0): Document.Parsed {
  const yaml = new Document(null);
  yaml.contents = null;
  yaml.range = [0, text.length, text.length];
  yaml.errors.push(new YAMLParseError([at, Math.min(at + 1, text.length)], 'UNEXPECTED_TOKEN', message));
  return yaml as Document.Parsed;
}

/** Computes a value derived from a document once, and returns the same value to every caller. */
export function memo<T>(doc: StreamDocument, key: string, compute: () => T): T {
  if (doc.derived.has(key)) return doc.derived.get(key) as T;
  const value = compute();
  doc.derived.set(key, value);
  return value;
}

/** Keeps the model of each open file for its current version only. */
export class ModelCache {
  /** `classify` says what each document is (formats/index.ts's `classifyDocument`). */
  constructor(private readonly classify: Classifier) {}

  private readonly models = new Map<string, FileModel>();
  /** The size limit each cached model was built under: a new limit (a setting, the project file,
   *  workspace trust) decides afresh whether the file is parsed. */
  private readonly limits = new Map<string, number | undefined>();

  get(input: FileInput & { version: number }): FileModel {
    const steps = this.build(input);
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /** Builds (or returns) the model step by step; it is cached only once complete. */
  *build(input: FileInput & { version: number }): Generator<void, FileModel> {
    const cached = this.models.get(input.uri);
    const sameLimit = this.limits.get(input.uri) === input.maxBytes;
    if (cached && sameLimit && cached.version === input.version && cached.text.length === input.text.length) return cached;
    const model = yield* parseFileModelSteps(input, cached, this.classify);
    this.models.set(input.uri, model);
    this.limits.set(input.uri, input.maxBytes);
    return model;
  }

  peek(uri: string): FileModel | undefined {
    return this.models.get(uri);
  }

  delete(uri: string): void {
    this.models.delete(uri);
    this.limits.delete(uri);
  }
}
