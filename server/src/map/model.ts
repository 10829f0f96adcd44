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
  /** Names of the subnets of the same VPC it shares addresses with. */
  readonly overlapsWith: readonly string[];
  /** True when part of it lies outside the block it is drawn on (and outside every other block). */
  readonly partlyOutside: boolean;
}

export interface MapFree extends MapPlace, Span {
  readonly cidr: string;
}

/** Addresses two subnets of the VPC both claim. */
export interface MapOverlap extends MapPlace, Span {
  readonly cidr: string;
  readonly subnets: readonly [string, string];
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
}

/** Two VPCs of the list that share addresses. */
export interface VpcOverlap {
  readonly cidr: string;
  readonly a: MapPlace & { readonly vpc: string; readonly block: string };
  readonly b: MapPlace & { readonly vpc: string; readonly block: string };
}

export interface AddressMap {
  readonly vpcs: readonly MapVpc[];
  readonly vpcOverlaps: readonly VpcOverlap[];
  readonly reserved: readonly { readonly cidr: string; readonly label: string }[];
}

export interface AddressMapInput {
  readonly vpcs: readonly VpcFact[];
  /** Ranges the organisation keeps for other uses (the project file's `reservedCidrs`). */
  readonly reserved?: readonly { readonly cidr: string; readonly label: string }[];
  /** Service CIDRs of every cluster in view; each VPC's own is added from its fact. */
  readonly serviceCidrs?: readonly ServiceCidrFact[];
  /** How to show a file to people (e.g. relative to the workspace folder); uris stay as they are for opening. */
  readonly fileLabel?: (uri: string) => string;
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

export function buildAddressMap(input: AddressMapInput): AddressMap {
  const reserved = (input.reserved ?? []).flatMap((r) => {
    const parsed = parseCidr(r.cidr);
    return parsed.ok ? [{ ...r, parsed: parsed.value }] : [];
  });
  // Every service range once: those given, and each VPC's own.
  const services = new Map<string, ServiceCidrFact>();
  for (const s of [...(input.serviceCidrs ?? []), ...input.vpcs.flatMap((v) => (v.serviceCidr ? [v.serviceCidr] : []))]) {
    services.set(`${s.uri}\n${lineOf(s)}\n${s.cidr.network}`, s);
  }

  const ipv4Blocks = input.vpcs.map((vpc) => vpc.cidrs.filter((c) => c.cidr.family === 4));

  const vpcOverlaps: VpcOverlap[] = [];
  /** Each block of another VPC that shares addresses with a block, by block. */
  const sharedWith = new Map<VpcCidrFact, Array<{ vpc: VpcFact; block: VpcCidrFact }>>();
  const share = (block: VpcCidrFact, vpc: VpcFact, other: VpcCidrFact) => sharedWith.set(block, [...(sharedWith.get(block) ?? []), { vpc, block: other }]);
  for (let i = 0; i < input.vpcs.length; i++) {
    for (let j = i + 1; j < input.vpcs.length; j++) {
      // One VPC described twice (referenced by id elsewhere, a copied template) shares nothing with itself.
      if (sameVpc(input.vpcs[i], input.vpcs[j])) continue;
      for (const a of ipv4Blocks[i]) {
        for (const b of ipv4Blocks[j]) {
          if (!overlaps(a.cidr, b.cidr)) continue;
          const first = a.cidr.first > b.cidr.first ? a.cidr.first : b.cidr.first;
          const last = a.cidr.last < b.cidr.last ? a.cidr.last : b.cidr.last;
          vpcOverlaps.push({
            cidr: rangeText(first, last, 4),
            a: { vpc: input.vpcs[i].name, block: a.cidr.text, uri: a.uri, line: lineOf(a) },
            b: { vpc: input.vpcs[j].name, block: b.cidr.text, uri: b.uri, line: lineOf(b) },
          });
          share(a, input.vpcs[j], b);
          share(b, input.vpcs[i], a);
        }
      }
    }
  }

  const vpcs = input.vpcs.map((vpc, index): MapVpc => {
    const blocks = ipv4Blocks[index];
    const subnets4 = vpc.subnets.filter((s): s is SubnetFact & { cidr: Cidr } => s.cidr?.family === 4);
    const unplaced = vpc.subnets
      .filter((s) => s.cidr?.family !== 4)
      .map((s) => ({
        uri: s.uri,
        line: lineOf(s),
        name: s.name,
        ...(s.cidr ? { cidr: s.cidr.text } : {}),
        ...(s.az ? { az: s.az } : {}),
        reason: s.cidr ? 'IPv6 subnet, listed only' : 'no CIDR written',
      }));

    // Which subnets share addresses, pair by pair, in the order they are written.
    const pairs: { a: (typeof subnets4)[number]; b: (typeof subnets4)[number]; first: bigint; last: bigint }[] = [];
    const overlapNames = new Map<SubnetFact, string[]>();
    for (let i = 0; i < subnets4.length; i++) {
      for (let j = i + 1; j < subnets4.length; j++) {
        const a = subnets4[i];
        const b = subnets4[j];
        if (!overlaps(a.cidr, b.cidr)) continue;
        pairs.push({ a, b, first: a.cidr.first > b.cidr.first ? a.cidr.first : b.cidr.first, last: a.cidr.last < b.cidr.last ? a.cidr.last : b.cidr.last });
        overlapNames.set(a, [...(overlapNames.get(a) ?? []), b.name]);
        overlapNames.set(b, [...(overlapNames.get(b) ?? []), a.name]);
      }
    }

    // A subnet is drawn on the block that holds it, else on the first block it touches (flagged).
    const home = new Map<SubnetFact, number>();
    const outside: MapVpc['outside'][number][] = [];
    for (const s of subnets4) {
      let at = blocks.findIndex((b) => contains(b.cidr, s.cidr));
      if (at < 0) at = blocks.findIndex((b) => overlaps(b.cidr, s.cidr));
      if (at >= 0) home.set(s, at);
      else outside.push({ uri: s.uri, line: lineOf(s), name: s.name, cidr: s.cidr.text, ...(s.az ? { az: s.az } : {}), tier: tierOf(s) });
    }
    const covered = (s: SubnetFact & { cidr: Cidr }) => blocks.some((b) => contains(b.cidr, s.cidr));

    const mapBlocks = blocks.map((block, blockIndex): MapBlock => {
      const place = { uri: block.uri, line: lineOf(block) };
      const subnets = subnets4
        .filter((s) => home.get(s) === blockIndex)
        .sort((x, y) => compareCidr(x.cidr, y.cidr))
        .map((s): MapSubnet => ({
          uri: s.uri,
          line: lineOf(s),
          ...spanIn(block.cidr, s.cidr.first, s.cidr.last)!,
          name: s.name,
          cidr: s.cidr.text,
          network: s.cidr.network,
          ...(s.az ? { az: s.az } : {}),
          tier: tierOf(s),
          overlapsWith: overlapNames.get(s) ?? [],
          partlyOutside: !covered(s),
        }));
      const taken = subnets4.filter((s) => overlaps(s.cidr, block.cidr)).map((s) => s.cidr);
      const free = freeBlocks([block.cidr], taken).map((f): MapFree => {
        const size = 1n << BigInt(32 - f.prefix);
        return { ...place, cidr: blockText(f), ...spanIn(block.cidr, f.first, f.first + size - 1n)! };
      });
      const overlapsHere = pairs.flatMap((p): MapOverlap[] => {
        const span = spanIn(block.cidr, p.first, p.last);
        return span ? [{ uri: p.b.uri, line: lineOf(p.b), ...span, cidr: rangeText(p.first, p.last, 4), subnets: [p.a.name, p.b.name] }] : [];
      });
      const marks: MapMark[] = [];
      for (const r of reserved) {
        const span = r.parsed.family === 4 ? spanIn(block.cidr, r.parsed.first, r.parsed.last) : undefined;
        if (span) marks.push({ kind: 'reserved', cidr: r.cidr, label: r.label, ...span });
      }
      for (const s of services.values()) {
        const span = s.cidr.family === 4 ? spanIn(block.cidr, s.cidr.first, s.cidr.last) : undefined;
        if (!span) continue;
        const own = vpc.serviceCidr && vpc.serviceCidr.uri === s.uri && lineOf(vpc.serviceCidr) === lineOf(s);
        const whose = own ? 'this cluster' : s.name ? `cluster ${s.name}` : s.source === 'ServiceCIDR' ? 'a ServiceCIDR' : 'another cluster';
        marks.push({ kind: 'service', cidr: s.cidr.text, label: `service CIDR of ${whose}`, uri: s.uri, line: lineOf(s), ...span });
      }
      for (const other of sharedWith.get(block) ?? []) {
        const span = spanIn(block.cidr, other.block.cidr.first, other.block.cidr.last);
        if (span) marks.push({ kind: 'vpc', cidr: other.block.cidr.text, label: `VPC ${other.vpc.name}`, uri: other.block.uri, line: lineOf(other.block), ...span });
      }
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
      };
    });

    const totalAddresses = mapBlocks.reduce((n, b) => n + b.addresses, 0);
    const freeAddresses = mapBlocks.reduce((n, b) => n + b.free.reduce((m, f) => m + f.addresses, 0), 0);
    return {
      uri: vpc.uri,
      line: lineOf(vpc),
      name: vpc.name,
      source: vpc.source,
      existing: vpc.existing,
      blocks: mapBlocks,
      ipv6Blocks: vpc.cidrs.filter((c) => c.cidr.family === 6).map((c) => ({ uri: c.uri, line: lineOf(c), cidr: c.cidr.text })),
      outside,
      unplaced,
      ...(vpc.serviceCidr ? { serviceCidr: { uri: vpc.serviceCidr.uri, line: lineOf(vpc.serviceCidr), cidr: vpc.serviceCidr.cidr.text } } : {}),
      totalAddresses,
      usedAddresses: totalAddresses - freeAddresses,
    };
  });

  const map: AddressMap = { vpcs, vpcOverlaps, reserved: reserved.map((r) => ({ cidr: r.cidr, label: r.label })) };
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
