// Where a rule's target is in the file. Nodes carry offsets relative to their document's chunk
// of the stream; explicit targets are file offsets already.
import type { Node } from 'yaml';
import type { Target } from './rule';
import type { StreamDocument } from '../model/document';

/** File offsets of a target: explicit offsets are file offsets; a node's range is relative to its document's chunk. */
export function offsetsOf(target: Target, doc: StreamDocument | undefined): { start: number; end: number } {
  if ('start' in target && typeof target.start === 'number') return target as { start: number; end: number };
  const range = (target as Node).range;
  const base = doc?.offset ?? 0;
  return range ? { start: base + range[0], end: base + range[1] } : { start: base, end: base };
}
