// Where a node or a target is in the file, and where a line starts. Nodes carry offsets relative to
// their document's chunk of the stream; explicit targets are file offsets already. The one home of
// these computations: the engine, the workspace facts, hover and the edits all use them.
import type { Node } from 'yaml';
import type { StreamDocument } from './document';

/** Explicit file offsets, as a rule may report instead of a node. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** File offsets of a node or target: explicit offsets are file offsets; a node's range is relative to its document's chunk. */
export function offsetsOf(target: Node | Span, doc: StreamDocument | undefined): { start: number; end: number } {
  if ('start' in target && typeof target.start === 'number') return target as { start: number; end: number };
  const range = (target as Node).range;
  const base = doc?.offset ?? 0;
  return range ? { start: base + range[0], end: base + range[1] } : { start: base, end: base };
}

/** The offset at which the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset of the line break that ends the line holding `offset` (or the end of the text). */
export function lineEnd(text: string, offset: number): number {
  const at = text.indexOf('\n', offset);
  return at < 0 ? text.length : at;
}
