// Minimal text edits on the user's own text: replace a scalar's content keeping its quotes,
// remove a key/value pair (a whole line in block style, the entry and its comma in flow style),
// insert a line with the indentation around it. Nothing is ever re-serialised. These are the
// primitives every fix is made of (rules' fix() and actions/ use them).
import { isScalar, type Node, type Pair, type Scalar } from 'yaml';
import type { FileModel, StreamDocument } from './document';
import { placeAt } from './locate';
import { lineEnd, lineStart, offsetsOf } from './offsets';

/** A replacement of file offsets [start, end) by newText, in the checked file or another one. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
  /** Another file's URI; undefined for the checked file. */
  readonly uri?: string;
}

/** Replaces a scalar's value, leaving its quotes (and the rest of the line) as written. */
export function replaceScalar(node: Scalar, doc: StreamDocument, newText: string): TextEdit {
  const { start, end } = offsetsOf(node, doc);
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  return { start: quoted ? start + 1 : start, end: quoted ? end - 1 : end, newText };
}

/** Replaces the part `before` of a plain or quoted scalar's text by `after` (for an address inside a value). */
export function replaceInScalar(node: Scalar, doc: StreamDocument, file: FileModel, before: string, after: string): TextEdit | undefined {
  const { start, end } = offsetsOf(node, doc);
  const at = file.text.slice(start, end).indexOf(before);
  return at < 0 ? undefined : { start: start + at, end: start + at + before.length, newText: after };
}

/** The leading spaces of the line that holds `offset`. */
export function indentAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/**
 * Removes a pair of a mapping. In block style the pair's lines go (it must start its line, and
 * nothing but a comment may follow it); in flow style the entry and one neighbouring comma go.
 * Undefined when the pair's layout is not one of those.
 */
export function removePair(pair: Pair, doc: StreamDocument, file: FileModel): TextEdit | undefined {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  if (!key?.range) return undefined;
  const text = file.text;
  const start = doc.offset + key.range[0];
  const end = doc.offset + (value?.range ? value.range[1] : key.range[1]);
  const before = text.slice(lineStart(text, start), start);
  if (/^[ \t]*(- )?$/.test(before) && !before.includes('-')) {
    // Block style: the pair owns its lines; keep a trailing comment out of the way with them.
    const from = lineStart(text, start);
    const to = lineEnd(text, Math.max(end - 1, start));
    const rest = text.slice(end, to);
    if (!/^[ \t]*(#.*)?$/.test(rest)) return undefined;
    return { start: from, end: Math.min(text.length, to + 1), newText: '' };
  }
  // Flow style: `{a: 1, b: 2}` — take the comma after the entry, or the one before it.
  const after = /^\s*,\s*/.exec(text.slice(end));
  if (after) return { start, end: end + after[0].length, newText: '' };
  const prior = /,\s*$/.exec(text.slice(0, start));
  if (prior) return { start: start - prior[0].length, end, newText: '' };
  return undefined;
}

/** Inserts a whole line before the line that holds `offset`, indented like it. */
export function insertLineBefore(file: FileModel, offset: number, content: string): TextEdit {
  const start = lineStart(file.text, offset);
  return { start, end: start, newText: `${indentAt(file.text, offset)}${content}\n` };
}

/** Applies edits of one file (non-overlapping) to its text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export function isScalarNode(node: unknown): node is Scalar {
  return isScalar(node);
}

/** The scalar value a finding starts on (its target), if it is one. */
export function scalarAtFinding(file: FileModel, offset: number): Scalar | undefined {
  const place = placeAt(file, offset);
  // A tagged scalar is an intrinsic (`!Ref Name`): its text is not the value, so it is not edited.
  return place && !place.isKey && !place.node.tag ? place.node : undefined;
}
