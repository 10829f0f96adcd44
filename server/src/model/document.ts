// The document model: one parse of a file's text per version, shared by every feature.
// A file is a stream of YAML documents (JSON is parsed by the same parser, as a one-document
// stream, so positions work the same way); each document is classified once.
import { Composer, CST, Document, isMap, isScalar, isSeq, Lexer, Parser, YAMLParseError, type Node } from 'yaml';
import { classify, type DocumentKind } from './classify';
import { LineIndex } from './lineIndex';
import { AnchorTable } from './nav';
import { chunkStarts } from './stream';

/** Files above this size are not parsed (a diagnostic says so); the setting can raise it. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface SyntaxProblem {
  message: string;
  start: number;
  end: number;
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
  /** Parse errors, with offsets in the chunk. */
  readonly syntaxErrors: readonly SyntaxProblem[];
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
export function buildFileModel(input: FileInput, previous?: FileModel): FileModel {
  const steps = buildFileModelSteps(input, previous);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same, yielding after each parsed chunk so that a server can give way to newer edits. */
export function* buildFileModelSteps(input: FileInput, previous?: FileModel): Generator<void, FileModel> {
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
        chunk = parseChunk(chunkText);
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
  return { kind: d.kind, apiVersion: d.apiVersion, objectKind: d.objectKind, yaml: d.yaml, root: d.root, anchors: d.anchors, syntaxErrors: d.syntaxErrors, derived };
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

/**
 * Parses a chunk in the parser's three stages (lexer, CST parser, composer), the way
 * `parseAllDocuments` does, so that the lexer's tokens are seen once and serve three purposes:
 * the nesting bound below (from tokens, so brackets in quotes, comments and block scalars are not
 * miscounted), the positions of real comments (for suppression comments), and the parse itself.
 * Stack traces are off meanwhile: the parser builds an Error object for every warning (one per
 * CloudFormation short tag), and capturing their stacks was a tenth of the time on big templates.
 */
function parseChunk(text: string): ParsedChunk {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    // The lexer is a loop over the text (no recursion), so it is safe on any input.
    const lexemes = Array.from(new Lexer().lex(text));
    const comments = commentOffsets(lexemes);
    let parsed: Document.Parsed[];
    const cst = parseCst(lexemes, MAX_NESTING);
    if (!Array.isArray(cst)) {
      parsed = [unparsable(text, `The YAML nests collections more than ${MAX_NESTING} levels deep here; it is not parsed, so nothing in this document is checked.`, cst.tooDeepAt)];
    } else {
      try {
        parsed = Array.from(new Composer(PARSE_OPTIONS).compose(cst)) as Document.Parsed[];
      } catch (error) {
        // Not expected below the nesting limit; kept so that a parser failure stays a finding.
        if (!(error instanceof RangeError)) throw error;
        parsed = [unparsable(text, 'The YAML is nested too deeply to parse (thousands of levels); nothing in this document is checked.')];
      }
      for (const yaml of parsed) duplicateKeys(yaml);
    }
    const documents = parsed.map((yaml): ParsedDocument => {
      const anchors = new AnchorTable(yaml);
      const root = (yaml.contents ?? null) as Node | null;
      const syntaxErrors = yaml.errors.map((e) => ({ message: e.message, start: e.pos[0], end: e.pos[1] }));
      const classification = syntaxErrors.length && !root ? { kind: 'other' as const } : classify(root, anchors);
      return { ...classification, yaml, root, anchors, syntaxErrors, derived: new Map() };
    });
    return { text, documents, comments };
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
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

/** Lexer tokens that take no room in the text (the parser does not advance its offset for them). */
const DOC_MODE = '\u0002';
const SCALAR_MARK = '\u001f';
const FLOW_ERROR_END = '\u0018';

function commentOffsets(lexemes: readonly string[]): number[] {
  const out: number[] = [];
  let offset = 0;
  let scalarNext = false;
  for (const lexeme of lexemes) {
    if (lexeme === DOC_MODE || lexeme === FLOW_ERROR_END) continue;
    if (lexeme === SCALAR_MARK) {
      scalarNext = true;
      continue;
    }
    // A scalar's text (a block scalar's lines included) is never a comment, whatever it holds.
    if (!scalarNext && lexeme.charCodeAt(0) === 35 /* # */) out.push(offset);
    scalarNext = false;
    offset += lexeme.length;
  }
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
 * Adds the parser's "Map keys must be unique" error for each key equal to an earlier key of its
 * mapping, with the parser's own equality (two scalars whose values are `===`) and at the place the
 * parser puts it (the key's start), in one pass over the document.
 */
function duplicateKeys(yaml: Document.Parsed): void {
  const found: YAMLParseError[] = [];
  const stack: unknown[] = [yaml.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const keys = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key)) {
          const value = key.value;
          const comparable = (typeof value !== 'object' || value === null) && !Number.isNaN(value);
          if (comparable) {
            if (keys.has(value)) {
              const at = key.range?.[0] ?? 0;
              found.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
            } else keys.add(value);
          }
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  if (!found.length) return;
  // In file order among the parser's other errors, as the parser would have reported them.
  // One at a time: spreading a hundred thousand arguments would itself overflow the stack.
  for (const error of found) yaml.errors.push(error);
  yaml.errors.sort((a, b) => a.pos[0] - b.pos[0]);
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
    const model = yield* buildFileModelSteps(input, cached);
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
