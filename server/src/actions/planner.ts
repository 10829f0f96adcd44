// The subnet planner: splits a VPC's IPv4 block into subnets per Availability Zone and tier,
// without touching any file (planInsert.ts turns a plan into edits). Allocation is buddy-style:
// the largest subnets are placed first, each at the first aligned block of its size that is free.
// With power-of-two blocks on aligned boundaries this never leaves a gap that a later (smaller or
// equal) subnet could not use, so a plan fails only when the sizes cannot fit at all.
import { blocksCovering, formatAddress, overlaps, parseCidr, type Cidr } from '../net/cidr';

export type Tier = 'public' | 'private' | 'vpn';

export interface PlanRequest {
  /** The VPC's IPv4 CIDR block. */
  vpc: string;
  azs: readonly string[];
  tiers: readonly Tier[];
  /** Prefix length per tier; defaults: private gets the most room (see `defaultPrefixes`). */
  prefixes?: Partial<Record<Tier, number>>;
  /** Blocks already taken inside the VPC (existing subnets). */
  taken?: readonly string[];
}

export interface PlannedSubnet {
  az: string;
  tier: Tier;
  /** network/prefix */
  cidr: string;
  /** Addresses left after the 5 that AWS reserves in every subnet. */
  usable: number;
}

export type PlanResult = { ok: true; subnets: PlannedSubnet[]; /** largest free blocks left, in address order */ free: string[] } | { ok: false; reason: string };

export const TIERS: readonly Tier[] = ['public', 'private', 'vpn'];

// https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html: an IPv4 subnet (and a VPC
// block) is between /16 and /28, and AWS reserves the first four addresses and the last one.
export const MIN_PREFIX = 16;
export const MAX_PREFIX = 28;
export const AWS_RESERVED = 5;
const MAX_AZS = 6;

const clamp = (prefix: number) => Math.min(MAX_PREFIX, Math.max(MIN_PREFIX, prefix));

/**
 * Default prefix lengths. Private subnets get the most room because with the VPC CNI every pod
 * takes a VPC address from its node's subnet: together they take half the VPC (one /(vpc+1)
 * shared out per AZ, rounded to a power of two). Public and VPN subnets hold load balancers, NAT
 * gateways and endpoints, so a quarter of a private subnet's size is enough.
 */
export function defaultPrefixes(vpcPrefix: number, azCount: number): Record<Tier, number> {
  const privatePrefix = vpcPrefix + Math.ceil(Math.log2(Math.max(1, azCount))) + 1;
  const small = privatePrefix + 2;
  return { private: clamp(privatePrefix), public: clamp(small), vpn: clamp(small) };
}

interface Block {
  first: bigint;
  last: bigint;
}

function cidrText(first: bigint, prefix: number): string {
  return `${formatAddress(first, 4)}/${prefix}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** Addresses of the VPC covered by the (possibly overlapping) taken blocks. */
function usedInside(taken: readonly Block[], vpc: Cidr): number {
  let total = 0n;
  let cursor = vpc.first;
  for (const b of [...taken].sort((x, y) => (x.first < y.first ? -1 : x.first > y.first ? 1 : 0))) {
    const from = b.first > cursor ? b.first : cursor;
    const to = b.last < vpc.last ? b.last : vpc.last;
    if (to >= from) total += to - from + 1n;
    if (b.last + 1n > cursor) cursor = b.last + 1n;
  }
  return Number(total);
}

function fail(reason: string): PlanResult {
  return { ok: false, reason };
}

/** The first aligned block of `prefix` inside `vpc` that overlaps none of `used` (sorted by first). */
function firstFit(vpc: Cidr, prefix: number, used: readonly Block[]): Block | undefined {
  const size = 1n << BigInt(32 - prefix);
  let start = vpc.first;
  for (;;) {
    const last = start + size - 1n;
    if (last > vpc.last) return undefined;
    const clash = used.find((b) => b.first <= last && start <= b.last);
    if (!clash) return { first: start, last };
    // Skip past the block in the way, to the next boundary of this size.
    start = ((clash.last + 1n + size - 1n) / size) * size;
  }
}

function validate(req: PlanRequest): { vpc: Cidr; prefixes: Record<Tier, number>; taken: Block[] } | string {
  const parsed = parseCidr(req.vpc);
  if (!parsed.ok) return `The VPC block is not a valid CIDR: ${parsed.reason}.`;
  const vpc = parsed.value;
  if (vpc.family !== 4) return `${req.vpc} is an IPv6 block; the planner splits IPv4 VPC blocks only (IPv6 subnets are always /64).`;
  if (vpc.hostBitsSet) return `${req.vpc} has host bits set; the block it names is ${vpc.network}.`;
  if (vpc.prefix < MIN_PREFIX || vpc.prefix > MAX_PREFIX) {
    return `${req.vpc} is a /${vpc.prefix}; an AWS VPC block is between /${MIN_PREFIX} and /${MAX_PREFIX}.`;
  }

  if (req.azs.length === 0) return 'No Availability Zone was given; give 1 to 6 (EKS needs subnets in at least two).';
  if (req.azs.length > MAX_AZS) return `${req.azs.length} Availability Zones were given; the planner lays out at most ${MAX_AZS}.`;
  const seenAz = new Set<string>();
  for (const az of req.azs) {
    if (typeof az !== 'string' || !/^[A-Za-z0-9-]+$/.test(az)) return `"${String(az)}" is not an Availability Zone name (like us-west-2a).`;
    if (seenAz.has(az)) return `Availability Zone ${az} is listed twice; each zone gets one subnet per tier.`;
    seenAz.add(az);
  }

  if (req.tiers.length === 0) return 'No tier was given; choose from public, private and vpn.';
  const seenTier = new Set<Tier>();
  for (const tier of req.tiers) {
    if (!TIERS.includes(tier)) return `"${String(tier)}" is not a tier; choose from public, private and vpn.`;
    if (seenTier.has(tier)) return `Tier ${tier} is listed twice.`;
    seenTier.add(tier);
  }

  const prefixes = defaultPrefixes(vpc.prefix, req.azs.length);
  for (const tier of TIERS) {
    const given = req.prefixes?.[tier];
    if (given === undefined) continue;
    if (!Number.isInteger(given) || given < MIN_PREFIX || given > MAX_PREFIX) {
      return `/${given} is not a subnet size AWS allows for the ${tier} subnets; a subnet is between /${MIN_PREFIX} and /${MAX_PREFIX}.`;
    }
    prefixes[tier] = given;
  }
  for (const tier of req.tiers) {
    if (prefixes[tier] < vpc.prefix) return `A /${prefixes[tier]} ${tier} subnet is larger than the VPC ${vpc.network} itself.`;
  }

  const taken: Block[] = [];
  for (const text of req.taken ?? []) {
    const t = parseCidr(text);
    if (!t.ok) return `The taken block "${text}" is not a valid CIDR: ${t.reason}.`;
    // An IPv6 block or one outside the VPC shares no address with the blocks planned here.
    if (t.value.family === 4 && overlaps(t.value, vpc)) taken.push({ first: t.value.first, last: t.value.last });
  }
  return { vpc, prefixes, taken };
}

/** Splits a VPC block into one subnet per tier and AZ. Pure; deterministic for a given request. */
export function planSubnets(req: PlanRequest): PlanResult {
  const checked = validate(req);
  if (typeof checked === 'string') return fail(checked);
  const { vpc, prefixes, taken } = checked;

  const wanted: Array<{ tier: Tier; az: string; prefix: number; order: number }> = [];
  for (const tier of req.tiers) for (const az of req.azs) wanted.push({ tier, az, prefix: prefixes[tier], order: wanted.length });
  // Largest first; among equal sizes, tiers in the order given, then AZs in order (sort is stable).
  const byPlacement = [...wanted].sort((a, b) => a.prefix - b.prefix);

  const used: Block[] = [...taken].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const placed = new Map<number, Block>();
  for (const w of byPlacement) {
    const block = firstFit(vpc, w.prefix, used);
    if (!block) continue;
    placed.set(w.order, block);
    used.push(block);
    used.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  }

  if (placed.size < wanted.length) {
    const sizes = new Map<number, number>();
    for (const w of wanted) sizes.set(w.prefix, (sizes.get(w.prefix) ?? 0) + 1);
    const what =
      sizes.size === 1
        ? `subnets at /${wanted[0].prefix}`
        : `subnets (${[...sizes]
            .sort((a, b) => a[0] - b[0])
            .map(([p, n]) => `${n} at /${p}`)
            .join(', ')})`;
    const room = placed.size === 0 ? 'none' : String(placed.size);
    const besides = taken.length ? ` next to the ${plural(taken.length, 'block')} already taken` : '';
    const need = wanted.reduce((n, w) => n + 2 ** (32 - w.prefix), 0);
    const available = Number(vpc.last - vpc.first + 1n) - usedInside(taken, vpc);
    const why = need > available ? `they need ${count(need)} addresses and ${count(available)} are free` : 'the free addresses are not in aligned blocks of the sizes needed';
    const head = wanted.length === 1 ? `${vpc.network} has no room for a /${wanted[0].prefix} subnet` : `${vpc.network} has room for ${room} of the ${wanted.length} ${what}`;
    return fail(`${head}${besides}: ${why}. Use a larger VPC block, fewer zones or tiers, or smaller subnets.`);
  }

  const subnets: PlannedSubnet[] = wanted.map((w) => {
    const block = placed.get(w.order)!;
    return { az: w.az, tier: w.tier, cidr: cidrText(block.first, w.prefix), usable: Number(block.last - block.first + 1n) - AWS_RESERVED };
  });

  // What is left of the VPC: the gaps between used blocks, each as the largest aligned blocks.
  const free: string[] = [];
  let cursor = vpc.first;
  for (const b of used) {
    if (b.last < cursor) continue;
    if (b.first > cursor) for (const f of blocksCovering(cursor, b.first - 1n, 4)) free.push(cidrText(f.first, f.prefix));
    cursor = b.last + 1n;
    if (cursor > vpc.last) break;
  }
  if (cursor <= vpc.last) for (const f of blocksCovering(cursor, vpc.last, 4)) free.push(cidrText(f.first, f.prefix));

  return { ok: true, subnets, free };
}
