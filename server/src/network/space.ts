// Address space inside a VPC: what its blocks leave free once its subnets are placed, and the
// first free aligned block of a given size. Used by the hover and by the fixes that move subnets.
import { blocksCovering, formatAddress, overlaps, parseCidr, type Cidr, type IpFamily } from '../net/cidr';

export interface Block {
  readonly first: bigint;
  readonly prefix: number;
  readonly family: IpFamily;
}

export function blockText(b: Block): string {
  return `${formatAddress(b.first, b.family)}/${b.prefix}`;
}

/** The parts of `ranges` no block of `taken` covers, as the largest aligned blocks, in address order. */
export function freeBlocks(ranges: readonly Cidr[], taken: readonly Cidr[]): Block[] {
  const out: Block[] = [];
  for (const range of ranges) {
    const inside = taken.filter((c) => overlaps(c, range)).sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
    let cursor = range.first;
    for (const t of [...inside, undefined]) {
      const end = t ? (t.first > range.last ? range.last + 1n : t.first) : range.last + 1n;
      if (end > cursor) for (const b of blocksCovering(cursor, end - 1n, range.family)) out.push({ ...b, family: range.family });
      if (t && t.last + 1n > cursor) cursor = t.last + 1n;
    }
  }
  return out;
}

/** The first aligned /prefix block inside `ranges` that overlaps nothing in `taken`. */
export function firstFreeBlock(ranges: readonly Cidr[], taken: readonly Cidr[], prefix: number): Cidr | undefined {
  for (const free of freeBlocks(ranges, taken)) {
    if (free.prefix > prefix) continue;
    const parsed = parseCidr(`${formatAddress(free.first, free.family)}/${prefix}`);
    if (parsed.ok) return parsed.value;
  }
  return undefined;
}
