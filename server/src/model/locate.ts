// What is under the cursor: the scalar (a mapping key or a value) at an offset, the document it is
// in, and the path of keys from the document root down to it. Aliases are not followed: the cursor
// is on the text that is written there.
import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { FileModel, StreamDocument } from './document';
import { offsetsOf } from './offsets';

export interface Place {
  readonly doc: StreamDocument;
  /** Keys from the root to the hovered key, or to the key holding the hovered value; `*` for a list item. */
  readonly path: readonly string[];
  readonly node: Scalar;
  readonly isKey: boolean;
  /** File offsets of the scalar's text (quotes included). */
  readonly start: number;
  readonly end: number;
}

/** Nesting deeper than this is not searched (a hostile file cannot make the hover recurse without end). */
const MAX_DEPTH = 200;

export function placeAt(file: FileModel, offset: number): Place | undefined {
  const doc = file.documents.find((d) => offset >= d.start && offset <= d.end);
  if (!doc?.root) return undefined;
  const at = offset - doc.offset;
  const found = search(doc.root, at, []);
  if (!found) return undefined;
  const { start, end } = offsetsOf(found.node, doc);
  return { doc, path: found.path, node: found.node, isKey: found.isKey, start, end };
}

function within(node: unknown, at: number): node is Node {
  const range = (node as Node | null)?.range;
  return !!range && at >= range[0] && at <= range[1];
}

function search(node: Node, at: number, path: string[]): { node: Scalar; path: string[]; isKey: boolean } | undefined {
  if (path.length > MAX_DEPTH) return undefined;
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key;
      const name = isScalar(key) ? String(key.value) : '?';
      if (isScalar(key) && within(key, at)) return { node: key, path: [...path, name], isKey: true };
      const value = pair.value;
      if (!within(value, at)) continue;
      if (isScalar(value)) return { node: value, path: [...path, name], isKey: false };
      // A block collection's range runs up to the next key: when nothing inside holds the
      // offset, the next pair may.
      const found = search(value as Node, at, [...path, name]);
      if (found) return found;
    }
    return undefined;
  }
  if (isSeq(node)) {
    for (const item of node.items) {
      if (!within(item, at)) continue;
      if (isScalar(item)) return { node: item, path: [...path, '*'], isKey: false };
      const found = search(item as Node, at, [...path, '*']);
      if (found) return found;
    }
  }
  return undefined;
}
