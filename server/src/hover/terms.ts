// Which glossary entry explains the place under the cursor. Every trigger that fits is scored by
// how specific it is, and the most specific wins, so `ingress` under a NetworkPolicy's spec and
// `kind: Ingress` reach different entries.
import type { FileModel } from '../model/document';
import { GLOSSARY } from './glossary/index';
import type { GlossaryEntry, Trigger } from './glossary/types';
import { placeAt, type Place } from '../model/locate';

export interface TermHit {
  readonly entry: GlossaryEntry;
  /** File offsets of the hovered text (the whole scalar, or the part a pattern matched). */
  readonly start: number;
  readonly end: number;
}

export function termAt(file: FileModel, offset: number, place = placeAt(file, offset)): TermHit | undefined {
  if (!place) return undefined;
  let best: { hit: TermHit; score: number } | undefined;
  for (const entry of GLOSSARY) {
    for (const trigger of entry.triggers) {
      const span = matchTrigger(trigger, place, offset);
      if (!span) continue;
      const score = specificity(trigger);
      if (!best || score > best.score) best = { hit: { entry, ...span }, score };
    }
  }
  return best?.hit;
}

function matchTrigger(t: Trigger, place: Place, offset: number): { start: number; end: number } | undefined {
  if ((t.on === 'key') !== place.isKey) return undefined;
  const { doc } = place;
  if (t.docKinds && !t.docKinds.includes(doc.kind)) return undefined;
  if (t.objectKinds && (!doc.objectKind || !t.objectKinds.includes(doc.objectKind))) return undefined;
  if (t.path && !pathMatches(t.path, place.path, !!t.rooted)) return undefined;
  const value = place.node.value;
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
  if (text === undefined) return undefined;
  if (t.text !== undefined) return text === t.text ? { start: place.start, end: place.end } : undefined;
  if (!t.pattern) return undefined;
  // The value's text starts after an opening quote; block scalars are not searched.
  const type = place.node.type;
  if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') return undefined;
  const base = place.start + (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE' ? 1 : 0);
  const flags = t.pattern.flags.includes('g') ? t.pattern.flags : `${t.pattern.flags}g`;
  for (const m of text.matchAll(new RegExp(t.pattern.source, flags))) {
    const start = base + m.index;
    const end = start + m[0].length;
    if (offset >= start && offset <= end) return { start, end };
  }
  return undefined;
}

function pathMatches(pattern: readonly string[], path: readonly string[], rooted: boolean): boolean {
  if (rooted ? pattern.length !== path.length : pattern.length > path.length) return false;
  const from = path.length - pattern.length;
  return pattern.every((p, i) => p === '*' || p === path[from + i]);
}

function specificity(t: Trigger): number {
  return (t.rooted ? 100 : 0) + (t.path?.length ?? 0) * 10 + (t.objectKinds ? 5 : 0) + (t.text !== undefined ? 2 : 0) + (t.docKinds ? 1 : 0);
}
