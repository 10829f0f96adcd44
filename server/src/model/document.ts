// The document model: one parse of a file's text per version, shared by every feature.
// A file is a stream of YAML documents (JSON is parsed by the same parser, as a one-document
// stream, so positions work the same way); each document is classified once.
import { Document, parseAllDocuments, YAMLParseError, type Node } from 'yaml';
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
  const reusable = new Map<string, ParsedChunk>();
  for (const chunk of previous?.chunks ?? []) reusable.set(chunk.text, chunk);
  const starts = chunkStarts(text);
  const chunks: ParsedChunk[] = [];
  const documents: StreamDocument[] = [];
  for (let i = 0; i < starts.length; i++) {
    const offset = starts[i];
    const chunkText = text.slice(offset, i + 1 < starts.length ? starts[i + 1] : text.length);
    let chunk = reusable.get(chunkText);
    if (chunk) reusable.delete(chunkText);
    else {
      chunk = parseChunk(chunkText);
      yield;
    }
    chunks.push(chunk);
    for (const parsed of chunk.documents) {
      documents.push({ ...parsed, index: documents.length, offset, start: offset + parsed.yaml.range[0], end: offset + parsed.yaml.range[2] });
    }
  }
  return { ...base, documents, chunks };
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
const PARSE_OPTIONS = { prettyErrors: false, keepSourceTokens: false } as const;

function parseChunk(text: string): ParsedChunk {
  // Positions are all we need from the parser; aliases are resolved lazily by nav.ts.
  let parsed: Document.Parsed[];
  const tooDeep = nestingBeyond(text, MAX_NESTING);
  try {
    parsed =
      tooDeep === undefined
        ? parseQuietly(text)
        : [unparsable(text, `The YAML nests collections more than ${MAX_NESTING} levels deep here; it is not parsed, so nothing in this document is checked.`, tooDeep)];
  } catch (error) {
    // The parser recurses once per nesting level; thousands of levels exhaust the stack. Such a
    // chunk becomes one empty document carrying the reason as its syntax error.
    if (!(error instanceof RangeError)) throw error;
    parsed = [unparsable(text, 'The YAML is nested too deeply to parse (thousands of levels); nothing in this document is checked.')];
  }
  const documents = parsed.map((yaml): ParsedDocument => {
    const anchors = new AnchorTable(yaml);
    const root = (yaml.contents ?? null) as Node | null;
    const syntaxErrors = yaml.errors.map((e) => ({ message: e.message, start: e.pos[0], end: e.pos[1] }));
    const classification = syntaxErrors.length && !root ? { kind: 'other' as const } : classify(root, anchors);
    return { ...classification, yaml, root, anchors, syntaxErrors, derived: new Map() };
  });
  return { text, documents };
}

/**
 * Real files nest a few dozen levels; the parser recurses per level and runs out of stack near a
 * thousand, at a depth that depends on how much stack the caller already used. Refusing beyond a
 * fixed depth, found by a linear scan before parsing, keeps the outcome the same on every run.
 */
const MAX_NESTING = 500;

/**
 * The offset where the nesting of collections first exceeds `limit`, or undefined. Block levels
 * are counted from indentation (a stack of distinct indents) plus `- ` / `? ` indicators that
 * open a collection on the same line; flow levels from brackets outside quotes and comments. It
 * may overcount (a bracket in a plain scalar), never by much in real files.
 */
export function nestingBeyond(text: string, limit: number): number | undefined {
  // Cheap exit: a text shorter than the limit cannot nest that deep.
  if (text.length <= limit) return undefined;
  const indents: number[] = [];
  let flow = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // Start of a line: measure indentation and leading indicators.
    const lineStart = i;
    let col = 0;
    while (i < n && text.charCodeAt(i) === 32) {
      i++;
      col++;
    }
    if (flow === 0 && i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13 && text.charCodeAt(i) !== 35) {
      while (indents.length && indents[indents.length - 1] >= col) indents.pop();
      indents.push(col);
      // `- - - x` opens one sequence per indicator.
      let extra = 0;
      while (i + 1 < n && (text[i] === '-' || text[i] === '?') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        extra++;
        i += 2;
        while (i < n && text.charCodeAt(i) === 32) i++;
      }
      if (indents.length + extra > limit) return i;
    }
    // The rest of the line: brackets outside quotes and comments.
    let quote = 0;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) break;
      if (quote) {
        if (c === quote) quote = 0;
        continue;
      }
      if (c === 34 || c === 39) quote = c;
      else if (c === 35 && (i === lineStart || text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) {
        while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
        break;
      } else if (c === 91 || c === 123) {
        if (++flow + indents.length > limit) return i;
      } else if ((c === 93 || c === 125) && flow > 0) flow--;
    }
    // Skip the line break.
    if (i < n && text.charCodeAt(i) === 13) i++;
    if (i < n && text.charCodeAt(i) === 10) i++;
  }
  return undefined;
}

/**
 * Parses with stack traces off: the parser builds an Error object for every warning (one per
 * CloudFormation short tag), and capturing their stacks was a tenth of the time on big templates.
 */
function parseQuietly(text: string): Document.Parsed[] {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[];
  } finally {
    Error.stackTraceLimit = limit;
  }
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
