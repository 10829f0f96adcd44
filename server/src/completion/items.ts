// What a completion is, and the small helpers every format's completions share: matching the key
// path being typed, a closed list of values, and the free blocks of a VPC.
import { escapeMarkdown } from '../hover/markdown';
import { effectiveVpcRanges, type VpcModel } from '../network/model';
import { count } from '../network/ranges';
import { firstFreeBlock } from '../network/space';

export interface Completion {
  readonly label: string;
  /** Text that replaces the partial word (a snippet when `snippet` is set). */
  readonly insertText: string;
  readonly snippet?: boolean;
  readonly detail?: string;
  readonly documentation?: string;
  readonly kind: 'value' | 'keyword' | 'snippet' | 'property';
  /** Sort position among the results (lower first). */
  readonly order?: number;
  readonly start: number;
  readonly end: number;
}

/** A completion before the partial word it replaces is known. */
export type Item = Omit<Completion, 'start' | 'end'>;

export const pathEnds = (path: readonly string[], ...tail: string[]) => path.length >= tail.length && tail.every((t, i) => t === '*' || t === path[path.length - tail.length + i]);
export const pathIs = (path: readonly string[], ...whole: string[]) => path.length === whole.length && pathEnds(path, ...whole);

export const values = (list: ReadonlyArray<[string, string]>, kind: Completion['kind'] = 'value'): Item[] =>
  list.map(([label, documentation], order) => ({ label, insertText: label, documentation, kind, order }));

const COMMON_PREFIXES = [18, 19, 20, 21, 22, 24, 26];

/** The first free block of each common size inside the VPC, as the subnets written so far leave it. */
export function freeCidrs(vpc: VpcModel | undefined): Item[] {
  if (!vpc) return [];
  const ranges = effectiveVpcRanges(vpc).map((r) => r.cidr);
  if (!ranges.length) return [];
  const taken = vpc.subnets.filter((s) => s.cidr).map((s) => s.cidr!.cidr);
  const out: Item[] = [];
  for (const prefix of COMMON_PREFIXES) {
    if (ranges.every((r) => r.prefix > prefix)) continue;
    const block = firstFreeBlock(ranges, taken, prefix);
    if (!block) continue;
    out.push({
      label: block.text,
      insertText: block.text,
      detail: `first free /${prefix}: ${count((1n << BigInt(32 - prefix)) - 5n)} usable`,
      documentation: `The first /${prefix} inside ${ranges.map((r) => escapeMarkdown(r.text)).join(' + ')} that no subnet of this file uses.`,
      kind: 'value',
      order: out.length,
    });
  }
  return out;
}
