// The address map as plain data: for each VPC, every IPv4 block laid out from its network
// address to its broadcast address, with the subnets, the free space, the overlaps and the
// ranges that must stay clear placed on it as fractions of the block. The SVG and HTML
// renderers only turn these numbers into pictures; every decision about what the picture says
// is made here, so it can be tested without drawing anything.
import { contains, formatAddress, overlaps, parseCidr, sizeOf, type Cidr } from '../net/cidr';
import { blockText, freeBlocks } from '../network/space';
import type { ServiceCidrFact, SubnetFact, VpcCidrFact, VpcFact } from '../workspace/facts';
import { sameVpc } from '../workspace/sameVpc';

/** Where a drawn item is written: a file (as given to the checker, or a URI) and a 0-based line. */
export interface MapPlace {
  readonly uri: string;
  readonly line: number;
  /** How the file is shown to people (a workspace-relative path); the uri when absent. */
  readonly file?: string;
}

/** The colour family of a subnet. `unknown` when the file does not say (a template subnet whose
 *  route table is not in the template or cannot be read). */
export type MapTier = 'public' | 'private' | 'vpn-only' | 'unknown';

/** A part of a block, as fractions of the block's size (0 = network address, 1 = past the broadcast address). */
export interface Span {
  /** First address, canonical text. */
  readonly start: string;
  /** Last address, canonical text. */
  readonly end: string;
  readonly offset: number;
  readonly width: number;
  readonly addresses: number;
}

export interface MapSubnet extends MapPlace, Span {
  readonly name: string;
  /** The CIDR as written. */
  readonly cidr: string;
  /** The CIDR's network form, e.g. `10.0.32.0/19` for `10.0.32.5/19`. */
  readonly network: string;
  readonly az?: string;
  readonly tier: MapTier;
  /** Names of (the first few) subnets of the same VPC it shares addresses with. */
  readonly overlapsWith: readonly string[];
  /** How many more subnets it shares addresses with than `overlapsWith` names. */
  readonly overlapsWithMore: number;
  /** True when part of it lies outside the block it is drawn on (and outside every other block). */
  readonly partlyOutside: boolean;
}

export interface MapFree extends MapPlace, Span {
  readonly cidr: string;
}

/** Addresses several subnets of the VPC claim: a subnet inside another one (or written twice) and
 *  everything nested in it, reported once for the group rather than once per pair. */
export interface MapOverlap extends MapPlace, Span {
  readonly cidr: string;
  /** The subnets that claim it, the enclosing one first (the first few). */
  readonly subnets: readonly string[];
  /** How many more subnets claim it than `subnets` names. */
  readonly more: number;
}

export type MarkKind = 'reserved' | 'service' | 'vpc';

/** A range that should not be inside the block (reserved, a cluster's service range, another VPC), clipped to the block. */
export interface MapMark extends Span {
  readonly kind: MarkKind;
  /** The whole range as written. */
  readonly cidr: string;
  readonly label: string;
  readonly uri?: string;
  readonly line?: number;
  readonly file?: string;
}

export interface MapBlock extends MapPlace {
  readonly cidr: string;
  readonly network: string;
  readonly first: string;
  readonly last: string;
  readonly addresses: number;
  readonly primary: boolean;
  /** eksctl's default block, not written in the file. */
  readonly defaulted: boolean;
  readonly subnets: readonly MapSubnet[];
  readonly free: readonly MapFree[];
  readonly overlaps: readonly MapOverlap[];
  readonly marks: readonly MapMark[];
  /** What the limits left out of the lists above (see LIMITS). */
  readonly notDrawn: { readonly free: number; readonly overlaps: number; readonly marks: number };
}

export interface MapVpc extends MapPlace {
  readonly name: string;
  readonly source: VpcFact['source'];
  readonly existing: boolean;
  readonly blocks: readonly MapBlock[];
  /** IPv6 blocks, listed but not drawn. */
  readonly ipv6Blocks: readonly (MapPlace & { readonly cidr: string })[];
  /** IPv4 subnets that share no address with any block of the VPC. */
  readonly outside: readonly (MapPlace & { readonly name: string; readonly cidr: string; readonly az?: string; readonly tier: MapTier })[];
  /** Subnets listed without drawing: no CIDR written (referenced by ID) or an IPv6 CIDR. */
  readonly unplaced: readonly (MapPlace & { readonly name: string; readonly cidr?: string; readonly az?: string; readonly reason: string })[];
  readonly serviceCidr?: MapPlace & { readonly cidr: string };
  readonly totalAddresses: number;
  readonly usedAddresses: number;
  /** What the limits left out (see LIMITS): blocks, IPv4 subnets (drawn or outside), subnets listed only. */
  readonly notDrawn: { readonly blocks: number; readonly subnets: number; readonly unplaced: number };
}

/** VPCs that share addresses: one group of nested (or equal) blocks of different VPCs, reported
 *  once whatever the number of pairs in it. */
export interface VpcOverlap {
  /** The addresses every block of the group holds, or, when there is no such range, the group's whole range. */
  readonly cidr: string;
  /** The blocks of the group in address order (the first few), each with its VPC. */
  readonly members: readonly (MapPlace & { readonly vpc: string; readonly block: string })[];
  /** How many more blocks the group has than `members` lists. */
  readonly more: number;
}

export interface AddressMap {
  readonly vpcs: readonly MapVpc[];
  readonly vpcOverlaps: readonly VpcOverlap[];
  readonly reserved: readonly { readonly cidr: string; readonly label: string }[];
  /** What the limits left out (see LIMITS): whole VPCs, groups of VPCs sharing addresses. */
  readonly notDrawn: { readonly vpcs: number; readonly vpcOverlaps: number };
}

/**
 * How much one map draws. A workspace may hold anything (a cloned repository chooses), and the
 * page must stay small enough to build, send and show: beyond these, the map draws the first
 * ones and says how many more it left out.
 */
export const LIMITS = {
  vpcs: 200,
  blocksPerVpc: 50,
  subnetsPerVpc: 500,
  unplacedPerVpc: 500,
  freePerBlock: 200,
  overlapsPerBlock: 100,
  marksPerBlock: 10,
  vpcOverlaps: 200,
  /** Names listed for one overlap or one subnet's `overlapsWith`, members for one VPC group. */
  names: 6,
  /** For the whole map, so that 200 VPCs each at their own limits still make a page of a few MB. */
  total: { blocks: 1000, subnets: 3000, unplaced: 1000, free: 3000, overlaps: 1000, marks: 2000 },
} as const;

export interface AddressMapInput {
  readonly vpcs: readonly VpcFact[];
  /** Ranges the organisation keeps for other uses (the project file's `reservedCidrs`). */
  readonly reserved?: readonly { readonly cidr: string; readonly label: string }[];
  /** Service CIDRs of every cluster in view; each VPC's own is added from its fact. */
  readonly serviceCidrs?: readonly ServiceCidrFact[];
  /** How to show a file to people (e.g. relative to the workspace folder); uris stay as they are for opening. */
  readonly fileLabel?: (uri: string) => string;
  /** Counts the comparisons made, for tests that prove the work grows linearly. */
  readonly work?: { steps: number };
}

const lineOf = (place: { range: { start: { line: number } } }) => place.range.start.line;

function tierOf(subnet: SubnetFact): MapTier {
  return subnet.tier ?? 'unknown';
}

/** The part of `range` inside `block`, as fractions of the block; undefined when they do not meet. */
function spanIn(block: Cidr, first: bigint, last: bigint): Span | undefined {
  const from = first > block.first ? first : block.first;
  const to = last < block.last ? last : block.last;
  if (from > to) return undefined;
  const size = Number(sizeOf(block));
  return {
    start: formatAddress(from, block.family),
    end: formatAddress(to, block.family),
    offset: Number(from - block.first) / size,
    width: Number(to - from + 1n) / size,
    addresses: Number(to - from + 1n),
  };
}

function rangeText(first: bigint, last: bigint, family: 4 | 6): string {
  // A range that is one aligned block is written as a CIDR, anything else as first–last.
  const size = last - first + 1n;
  if ((size & (size - 1n)) === 0n && first % size === 0n) {
    const bits = size.toString(2).length - 1;
    return `${formatAddress(first, family)}/${(family === 4 ? 32 : 128) - bits}`;
  }
  return `${formatAddress(first, family)}–${formatAddress(last, family)}`;
}

function compareCidr(a: Cidr, b: Cidr): number {
  return a.first < b.first ? -1 : a.first > b.first ? 1 : a.last < b.last ? -1 : a.last > b.last ? 1 : 0;
}

/**
 * Ranges in a laminar order: by first address, the larger first, then as given. CIDR blocks are
 * either nested or apart, so a stack of the blocks still open gives each one the nearest block
 * holding it (`parent`) and the end of the run of blocks inside it (`end`, exclusive): what a
 * block overlaps is its ancestors and that run. One sort and one pass, whatever the overlaps.
 */
interface Laminar<T> {
  readonly items: readonly T[];
  readonly parent: readonly number[];
  readonly end: readonly number[];
  readonly depth: readonly number[];
}

function laminate<T>(list: readonly T[], range: (item: T) => Cidr): Laminar<T> {
  const items = list
    .map((item, index) => ({ item, index, r: range(item) }))
    .sort((a, b) => (a.r.first < b.r.first ? -1 : a.r.first > b.r.first ? 1 : a.r.last > b.r.last ? -1 : a.r.last < b.r.last ? 1 : a.index - b.index));
  const parent: number[] = [];
  const end: number[] = new Array<number>(items.length).fill(items.length);
  const depth: number[] = [];
  const stack: number[] = [];
  for (let i = 0; i < items.length; i++) {
    while (stack.length && items[stack[stack.length - 1]].r.last < items[i].r.first) end[stack.pop()!] = i;
    parent.push(stack.length ? stack[stack.length - 1] : -1);
    depth.push(stack.length);
    stack.push(i);
  }
  return { items: items.map((x) => x.item), parent, end, depth };
}

/** Builds the whole map at once. */
export function buildAddressMap(input: AddressMapInput): AddressMap {
  const steps = buildAddressMapSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Builds the map, giving way after each VPC so that a caller can stop (a cancelled request). */
export function* buildAddressMapSteps(input: AddressMapInput): Generator<void, AddressMap> {
  const work = input.work ?? { steps: 0 };
  const reserved = (input.reserved ?? []).flatMap((r) => {
    const parsed = parseCidr(r.cidr);
    return parsed.ok ? [{ ...r, parsed: parsed.value }] : [];
  });
  // Every service range once: those given, and each VPC's own.
  const services = new Map<string, ServiceCidrFact>();
  for (const s of [...(input.serviceCidrs ?? []), ...input.vpcs.flatMap((v) => (v.serviceCidr ? [v.serviceCidr] : []))]) {
    services.set(`${s.uri}\n${lineOf(s)}\n${s.cidr.network}`, s);
  }

  const ipv4Blocks = input.vpcs.map((vpc) => vpc.cidrs.filter((c) => c.cidr.family === 4).slice(0, LIMITS.blocksPerVpc));

  // Every IPv4 block of every VPC in one laminar order: a group of blocks that share addresses is
  // a top-level block and the run inside it.
  type Owned = { block: VpcCidrFact; vpc: number };
  const all = laminate<Owned>(
    ipv4Blocks.flatMap((blocks, vpc) => blocks.map((block) => ({ block, vpc }))),
    (o) => o.block.cidr,
  );
  const positionOf = new Map<VpcCidrFact, number>(all.items.map((o, i) => [o.block, i]));
  /** Two blocks of different VPCs that are not one VPC described twice. */
  const apart = (x: Owned, y: Owned) => {
    work.steps++;
    return x.vpc !== y.vpc && !sameVpc(input.vpcs[x.vpc], input.vpcs[y.vpc]);
  };
  const vpcOverlaps: VpcOverlap[] = [];
  let vpcOverlapsNotDrawn = 0;
  for (let root = 0; root < all.items.length; root = all.end[root]) {
    const last = all.end[root];
    if (last - root < 2) continue;
    // Shared when two blocks of the group are of VPCs apart: every block overlaps the top one; a
    // group where all agree with the top one is searched a few levels up from each block.
    let shared = false;
    for (let i = root + 1; i < last && !shared; i++) {
      if (apart(all.items[root], all.items[i])) shared = true;
      for (let up = all.parent[i], n = 0; !shared && up > root && n < 8; up = all.parent[up], n++) if (apart(all.items[up], all.items[i])) shared = true;
    }
    if (!shared) continue;
    if (vpcOverlaps.length >= LIMITS.vpcOverlaps) {
      vpcOverlapsNotDrawn++;
      continue;
    }
    let first = all.items[root].block.cidr.first;
    let lastAddress = all.items[root].block.cidr.last;
    for (let i = root + 1; i < last; i++) {
      const c = all.items[i].block.cidr;
      if (c.first > first) first = c.first;
      if (c.last < lastAddress) lastAddress = c.last;
    }
    const whole = all.items[root].block.cidr;
    vpcOverlaps.push({
      cidr: first <= lastAddress ? rangeText(first, lastAddress, 4) : rangeText(whole.first, whole.last, 4),
      members: all.items.slice(root, Math.min(last, root + LIMITS.names)).map((o) => ({ vpc: input.vpcs[o.vpc].name, block: o.block.cidr.text, uri: o.block.uri, line: lineOf(o.block) })),
      more: Math.max(0, last - root - LIMITS.names),
    });
  }
  yield;

  /** The blocks of other VPCs that share addresses with a block: its ancestors and the run inside it (the first few, and how many). */
  const sharedWith = (block: VpcCidrFact, room: number): { list: Owned[]; count: number } => {
    const at = positionOf.get(block)!;
    const me = all.items[at];
    const list: Owned[] = [];
    let count = 0;
    const consider = (o: Owned) => {
      if (!apart(me, o)) return;
      count++;
      if (list.length < room) list.push(o);
    };
    for (let up = all.parent[at]; up >= 0; up = all.parent[up]) consider(all.items[up]);
    for (let i = at + 1; i < all.end[at]; i++) consider(all.items[i]);
    return { list, count };
  };

  // What is left to draw in the whole map; each VPC takes from it in turn.
  const budget = { ...LIMITS.total };
  const vpcs: MapVpc[] = [];
  for (const [index, vpc] of input.vpcs.slice(0, LIMITS.vpcs).entries()) {
    const blocks = ipv4Blocks[index].slice(0, budget.blocks);
    budget.blocks -= blocks.length;
    vpcs.push(mapVpc(vpc, blocks));
    yield;
  }

  function mapVpc(vpc: VpcFact, blocks: VpcFact['cidrs']): MapVpc {
    let freeAddresses = 0;
    const blocksNotDrawn = vpc.cidrs.filter((c) => c.cidr.family === 4).length - blocks.length;
    const subnets4 = vpc.subnets.filter((s): s is SubnetFact & { cidr: Cidr } => s.cidr?.family === 4);
    const notIpv4 = vpc.subnets.filter((s) => s.cidr?.family !== 4);
    const unplacedRoom = Math.min(LIMITS.unplacedPerVpc, budget.unplaced);
    budget.unplaced -= Math.min(unplacedRoom, notIpv4.length);
    const unplaced = notIpv4.slice(0, unplacedRoom).map((s) => ({
      uri: s.uri,
      line: lineOf(s),
      name: s.name,
      ...(s.cidr ? { cidr: s.cidr.text } : {}),
      ...(s.az ? { az: s.az } : {}),
      reason: s.cidr ? 'IPv6 subnet, listed only' : 'no CIDR written',
    }));

    // Which subnets share addresses: each one's ancestors and the run inside it, in one laminar order.
    const nested = laminate(subnets4, (s) => s.cidr);
    const where = new Map<SubnetFact, number>(nested.items.map((s, i) => [s, i]));
    const overlapNames = (s: SubnetFact): { names: string[]; more: number } => {
      const at = where.get(s)!;
      const count = nested.depth[at] + (nested.end[at] - at - 1);
      const names: string[] = [];
      for (let up = nested.parent[at]; up >= 0 && names.length < LIMITS.names; up = nested.parent[up]) names.push(nested.items[up].name);
      for (let i = at + 1; i < nested.end[at] && names.length < LIMITS.names; i++) names.push(nested.items[i].name);
      work.steps += names.length + 1;
      return { names, more: count - names.length };
    };
    // One overlap for each subnet directly inside a top-level one: the addresses both (and all
    // nested in it) claim.
    const groups: { range: SubnetFact & { cidr: Cidr }; names: string[]; more: number }[] = [];
    for (let root = 0; root < nested.items.length; root = nested.end[root]) {
      for (let child = root + 1; child < nested.end[root]; child = nested.end[child]) {
        const members = [nested.items[root], ...nested.items.slice(child, Math.min(nested.end[child], child + LIMITS.names - 1))];
        const count = 1 + nested.end[child] - child;
        work.steps++;
        groups.push({ range: nested.items[child], names: members.map((m) => m.name), more: count - members.length });
      }
    }

    // A subnet is drawn on the block that holds it, else on the first block it touches (flagged).
    const home = new Map<SubnetFact, number>();
    const outside: MapVpc['outside'][number][] = [];
    let subnetsNotDrawn = 0;
    const subnetRoom = Math.min(LIMITS.subnetsPerVpc, budget.subnets);
    budget.subnets -= Math.min(subnetRoom, subnets4.length);
    for (const [i, s] of subnets4.entries()) {
      let at = blocks.findIndex((b) => contains(b.cidr, s.cidr));
      if (at < 0) at = blocks.findIndex((b) => overlaps(b.cidr, s.cidr));
      work.steps += blocks.length;
      // With blocks left out, a subnet on none of those drawn may well be inside one of the others.
      if (i >= subnetRoom || (at < 0 && blocksNotDrawn > 0)) subnetsNotDrawn++;
      else if (at >= 0) home.set(s, at);
      else outside.push({ uri: s.uri, line: lineOf(s), name: s.name, cidr: s.cidr.text, ...(s.az ? { az: s.az } : {}), tier: tierOf(s) });
    }
    const covered = (s: SubnetFact & { cidr: Cidr }) => blocksNotDrawn > 0 || blocks.some((b) => contains(b.cidr, s.cidr));
    const drawnOn: (typeof subnets4)[number][][] = blocks.map(() => []);
    for (const s of subnets4) {
      const at = home.get(s);
      if (at !== undefined) drawnOn[at].push(s);
    }

    const mapBlocks = blocks.map((block, blockIndex): MapBlock => {
      const place = { uri: block.uri, line: lineOf(block) };
      const subnets = drawnOn[blockIndex]
        .sort((x, y) => compareCidr(x.cidr, y.cidr))
        .map((s): MapSubnet => {
          const shared = overlapNames(s);
          return {
            uri: s.uri,
            line: lineOf(s),
            ...spanIn(block.cidr, s.cidr.first, s.cidr.last)!,
            name: s.name,
            cidr: s.cidr.text,
            network: s.cidr.network,
            ...(s.az ? { az: s.az } : {}),
            tier: tierOf(s),
            overlapsWith: shared.names,
            overlapsWithMore: shared.more,
            partlyOutside: !covered(s),
          };
        });
      const taken = subnets4.filter((s) => overlaps(s.cidr, block.cidr)).map((s) => s.cidr);
      work.steps += subnets4.length;
      const allFree = freeBlocks([block.cidr], taken);
      const free = allFree.slice(0, Math.min(LIMITS.freePerBlock, budget.free)).map((f): MapFree => {
        const size = 1n << BigInt(32 - f.prefix);
        return { ...place, cidr: blockText(f), ...spanIn(block.cidr, f.first, f.first + size - 1n)! };
      });
      budget.free -= free.length;
      freeAddresses += allFree.reduce((n, f) => n + 2 ** (32 - f.prefix), 0);
      const overlapsHere: MapOverlap[] = [];
      let overlapsNotDrawn = 0;
      const overlapRoom = Math.min(LIMITS.overlapsPerBlock, budget.overlaps);
      for (const g of groups) {
        work.steps++;
        if (!overlaps(block.cidr, g.range.cidr)) continue;
        if (overlapsHere.length >= overlapRoom) {
          overlapsNotDrawn++;
          continue;
        }
        const span = spanIn(block.cidr, g.range.cidr.first, g.range.cidr.last)!;
        overlapsHere.push({
          uri: g.range.uri,
          line: lineOf(g.range),
          ...span,
          cidr: g.range.cidr.text === g.range.cidr.network ? g.range.cidr.text : rangeText(g.range.cidr.first, g.range.cidr.last, 4),
          subnets: g.names,
          more: g.more,
        });
      }
      budget.overlaps -= overlapsHere.length;
      const marks: MapMark[] = [];
      let marksNotDrawn = 0;
      const markRoom = Math.min(LIMITS.marksPerBlock, budget.marks);
      // Only the marks drawn are placed and labelled; the others are counted.
      const room = (range: Cidr) => {
        work.steps++;
        if (range.family !== 4 || !overlaps(block.cidr, range)) return undefined;
        if (marks.length >= markRoom) {
          marksNotDrawn++;
          return undefined;
        }
        return spanIn(block.cidr, range.first, range.last)!;
      };
      for (const r of reserved) {
        const span = room(r.parsed);
        if (span) marks.push({ kind: 'reserved', cidr: r.cidr, label: r.label, ...span });
      }
      for (const s of services.values()) {
        const span = room(s.cidr);
        if (!span) continue;
        const own = vpc.serviceCidr && vpc.serviceCidr.uri === s.uri && lineOf(vpc.serviceCidr) === lineOf(s);
        const whose = own ? 'this cluster' : s.name ? `cluster ${s.name}` : s.source === 'ServiceCIDR' ? 'a ServiceCIDR' : 'another cluster';
        marks.push({ kind: 'service', cidr: s.cidr.text, label: `service CIDR of ${whose}`, uri: s.uri, line: lineOf(s), ...span });
      }
      const others = sharedWith(block, Math.max(0, markRoom - marks.length));
      marksNotDrawn += others.count - others.list.length;
      for (const other of others.list) {
        const span = spanIn(block.cidr, other.block.cidr.first, other.block.cidr.last);
        if (span) marks.push({ kind: 'vpc', cidr: other.block.cidr.text, label: `VPC ${input.vpcs[other.vpc].name}`, uri: other.block.uri, line: lineOf(other.block), ...span });
      }
      budget.marks -= marks.length;
      return {
        ...place,
        cidr: block.cidr.text,
        network: block.cidr.network,
        first: formatAddress(block.cidr.first, 4),
        last: formatAddress(block.cidr.last, 4),
        addresses: Number(sizeOf(block.cidr)),
        primary: blockIndex === 0,
        defaulted: !!block.defaulted,
        subnets,
        free,
        overlaps: overlapsHere,
        marks,
        notDrawn: { free: allFree.length - free.length, overlaps: overlapsNotDrawn, marks: marksNotDrawn },
      };
    });

    const totalAddresses = mapBlocks.reduce((n, b) => n + b.addresses, 0);
    return {
      uri: vpc.uri,
      line: lineOf(vpc),
      name: vpc.name,
      source: vpc.source,
      existing: vpc.existing,
      blocks: mapBlocks,
      ipv6Blocks: vpc.cidrs
        .filter((c) => c.cidr.family === 6)
        .slice(0, LIMITS.blocksPerVpc)
        .map((c) => ({ uri: c.uri, line: lineOf(c), cidr: c.cidr.text })),
      outside,
      unplaced,
      ...(vpc.serviceCidr ? { serviceCidr: { uri: vpc.serviceCidr.uri, line: lineOf(vpc.serviceCidr), cidr: vpc.serviceCidr.cidr.text } } : {}),
      totalAddresses,
      usedAddresses: totalAddresses - freeAddresses,
      notDrawn: { blocks: blocksNotDrawn, subnets: subnetsNotDrawn, unplaced: notIpv4.length - unplaced.length },
    };
  }

  const map: AddressMap = {
    vpcs,
    vpcOverlaps,
    reserved: reserved.map((r) => ({ cidr: r.cidr, label: r.label })),
    notDrawn: { vpcs: Math.max(0, input.vpcs.length - LIMITS.vpcs), vpcOverlaps: vpcOverlapsNotDrawn },
  };
  if (input.fileLabel) labelFiles(map, input.fileLabel);
  return map;
}

/** Gives every place of a freshly built map (plain objects and arrays only) the file's label. */
function labelFiles(value: unknown, label: (uri: string) => string): void {
  if (Array.isArray(value)) for (const item of value) labelFiles(item, label);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.uri === 'string') record.file = label(record.uri);
    for (const key of Object.keys(record)) if (key !== 'uri' && key !== 'file') labelFiles(record[key], label);
  }
}

/** Counts for a summary line. */
export function summarize(map: AddressMap): { vpcs: number; blocks: number; subnets: number; overlaps: number; outside: number; vpcOverlaps: number } {
  let blocks = 0;
  let subnets = 0;
  let overlapCount = 0;
  let outside = 0;
  for (const v of map.vpcs) {
    blocks += v.blocks.length;
    outside += v.outside.length;
    for (const b of v.blocks) {
      subnets += b.subnets.length;
      overlapCount += b.overlaps.length;
      outside += b.subnets.filter((s) => s.partlyOutside).length;
    }
  }
  return { vpcs: map.vpcs.length, blocks, subnets, overlaps: overlapCount, outside, vpcOverlaps: map.vpcOverlaps.length };
}
