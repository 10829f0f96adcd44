// Reading the YAML AST without converting it to plain objects: positions stay attached, aliases
// are followed one step at a time through a per-document anchor table (never by re-walking the
// document per alias, which is what makes anchor-heavy files slow), and merge keys (`<<`) are
// honoured with a bound, so an alias bomb costs no more than its own text.
import { Alias, isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq, visit } from 'yaml';

const MAX_ALIAS_HOPS = 8;
const MAX_MERGE_DEPTH = 8;

/** Work counters, read by tests to prove costs stay bounded (never by timing). */
export const navStats = { mapsVisited: 0, anchorsCompared: 0 };

/** Anchors of one document, in source order, so an alias resolves to the last anchor before it. */
export class AnchorTable {
  private table: Map<string, Node[]> | undefined;

  constructor(private readonly doc: Document) {}

  resolve(alias: Alias): Node | undefined {
    if (!this.table) this.table = this.build();
    const candidates = this.table.get(alias.source);
    if (!candidates) return undefined;
    // The last definition before the alias, by binary search: an anchor name defined thousands of
    // times, each followed by aliases, must not cost a scan per alias.
    const at = alias.range?.[0] ?? Number.MAX_SAFE_INTEGER;
    let low = 0;
    let high = candidates.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      navStats.anchorsCompared++;
      if ((candidates[mid].range?.[0] ?? 0) < at) low = mid + 1;
      else high = mid;
    }
    return low > 0 ? candidates[low - 1] : undefined;
  }

  private build(): Map<string, Node[]> {
    const table = new Map<string, Node[]>();
    visit(this.doc, {
      Node(_key, node) {
        if (node.anchor) {
          const list = table.get(node.anchor) ?? [];
          list.push(node);
          table.set(node.anchor, list);
        }
      },
    });
    return table;
  }
}

/** Follows aliases (a bounded number of hops) to the node they name. */
export function deref(node: unknown, anchors: AnchorTable | undefined): Node | undefined {
  let current = node;
  for (let hops = 0; isAlias(current); hops++) {
    if (!anchors || hops >= MAX_ALIAS_HOPS) return undefined;
    current = anchors.resolve(current);
  }
  return (current ?? undefined) as Node | undefined;
}

export function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  return undefined;
}

/**
 * The entries of a mapping as [key, value node, pair], own keys first, then entries brought in by
 * merge keys that the mapping does not override. Values are alias-resolved. A key written twice in
 * one mapping counts once, in its first place, with the value of its last occurrence: CloudFormation,
 * PyYAML, js-yaml and go-yaml's non-strict reading (kubectl) all keep the last value.
 */
export function entries(map: unknown, anchors?: AnchorTable): Array<[string, Node | undefined, Pair]> {
  const out: Array<[string, Node | undefined, Pair]> = [];
  collectEntries(deref(map, anchors), anchors, out, new Set(), new Set(), 0);
  return out;
}

// A mapping merged twice (`<<: [*a, *b]` where *b merges *a too) brings nothing new the second
// time, since earlier keys win; skipping it keeps chains of such merges linear, not exponential.
function collectEntries(node: Node | undefined, anchors: AnchorTable | undefined, out: Array<[string, Node | undefined, Pair]>, seen: Set<string>, visited: Set<Node>, depth: number): void {
  if (!isMap(node) || depth > MAX_MERGE_DEPTH || visited.has(node)) return;
  visited.add(node);
  navStats.mapsVisited++;
  const merges: unknown[] = [];
  // Where each of this mapping's own keys sits in `out`, so that a repeated key replaces its value.
  const own = new Map<string, number>();
  for (const pair of node.items) {
    if (!isPair(pair)) continue;
    const key = keyText(pair);
    if (key === undefined) continue;
    if (key === '<<' && isScalar(pair.key) && pair.key.type === 'PLAIN') {
      merges.push(pair.value);
      continue;
    }
    const at = own.get(key);
    if (at !== undefined) {
      out[at] = [key, deref(pair.value, anchors), pair];
      continue;
    }
    // Already given by the mapping that merges this one: that mapping's own key wins.
    if (seen.has(key)) continue;
    seen.add(key);
    own.set(key, out.length);
    out.push([key, deref(pair.value, anchors), pair]);
  }
  for (const merge of merges) {
    const source = deref(merge, anchors);
    const sources = isSeq(source) ? source.items.map((item) => deref(item, anchors)) : [source];
    for (const s of sources) collectEntries(s, anchors, out, seen, visited, depth + 1);
  }
}

/** The last pair of a mapping's own (not merged) pairs with this key: the one readers keep. */
export function ownPair(map: YAMLMap, key: string): Pair | undefined {
  let found: Pair | undefined;
  for (const pair of map.items) if (isPair(pair) && keyText(pair) === key) found = pair;
  return found;
}

/** The value node at `key` of a mapping (alias-resolved, merge keys honoured). */
export function get(map: unknown, key: string, anchors?: AnchorTable): Node | undefined {
  const node = deref(map, anchors);
  if (!isMap(node)) return undefined;
  // Parsed mappings never change, so each gets a key index on its first lookup: templates look
  // up hundreds of resources by logical ID, and a scan per lookup made that quadratic.
  const cache = anchors ? indexWithAnchors : indexWithoutAnchors;
  let index = cache.get(node);
  if (!index) {
    index = new Map();
    for (const [k, value] of entries(node, anchors)) index.set(k, value);
    cache.set(node, index);
  }
  return index.get(key);
}

const indexWithAnchors = new WeakMap<object, Map<string, Node | undefined>>();
const indexWithoutAnchors = new WeakMap<object, Map<string, Node | undefined>>();

/** Follows a path of keys through nested mappings. */
export function getIn(node: unknown, path: readonly string[], anchors?: AnchorTable): Node | undefined {
  let current: Node | undefined = deref(node, anchors);
  for (const key of path) {
    current = get(current, key, anchors);
    if (current === undefined) return undefined;
  }
  return current;
}

/** The items of a sequence (alias-resolved); nothing when the node is not a sequence. */
export function items(seq: unknown, anchors?: AnchorTable): Node[] {
  const node = deref(seq, anchors);
  if (!isSeq(node)) return [];
  const out: Node[] = [];
  for (const item of node.items) {
    const resolved = deref(item, anchors);
    if (resolved) out.push(resolved);
  }
  return out;
}

/** The string a scalar holds (numbers and booleans as written), or undefined. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return node.source ?? String(v);
  return undefined;
}

/** A plain string scalar with no tag (a literal, not a CloudFormation intrinsic). */
export function literalString(node: unknown): string | undefined {
  if (!isScalar(node) || node.tag) return undefined;
  return typeof node.value === 'string' ? node.value : undefined;
}

/** A document's `apiVersion` and `kind` as literal strings (the type metadata Kubernetes objects
 *  and eksctl's ClusterConfig share); each undefined when not a literal string. */
export function typeMeta(root: Node | null | undefined, anchors: AnchorTable): { apiVersion?: string; objectKind?: string } {
  return { apiVersion: literalString(get(root, 'apiVersion', anchors)), objectKind: literalString(get(root, 'kind', anchors)) };
}

/** True when the scalar holds a Go/Helm template action or a CloudFormation dynamic reference. */
export function isTemplated(text: string): boolean {
  return text.includes('{{');
}

export type { Node, Scalar, YAMLMap, YAMLSeq };
