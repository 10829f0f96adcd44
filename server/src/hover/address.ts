// Facts about the CIDR block or address under the cursor: its size, its bounds, what kind of
// range it lies in, what AWS leaves of it in a subnet, and, when the document lays out a VPC,
// where the block sits in it and what space the VPC has left.
import { contains, formatAddress, overlaps, parseCidr, parseIp, sizeOf, type Cidr, type IpAddress } from '../net/cidr';
import { blockText, freeBlocks } from '../network/space';
import { count } from '../network/ranges';
import { effectiveVpcRanges, type SubnetModel, type VpcModel } from '../network/model';
import type { Place } from '../model/locate';
import { escapeMarkdown } from './markdown';
import { networkOf } from '../formats';

interface Kind {
  readonly text: string;
  readonly range: string;
  readonly what: string;
}

// Special-purpose and private ranges, most specific first (RFC 6890 and the RFCs it lists).
const IPV4_KINDS: readonly Kind[] = [
  ['0.0.0.0/8', '"this network", not a host address (RFC 1122)'],
  ['10.0.0.0/8', 'private (RFC 1918)'],
  ['100.64.0.0/10', 'shared address space (RFC 6598); AWS allows it in a VPC'],
  ['127.0.0.0/8', 'loopback (RFC 1122)'],
  ['169.254.0.0/16', 'link-local (RFC 3927); AWS serves instance metadata and DNS here'],
  ['172.16.0.0/12', 'private (RFC 1918)'],
  ['192.0.2.0/24', 'documentation (TEST-NET-1, RFC 5737)'],
  ['192.168.0.0/16', 'private (RFC 1918)'],
  ['198.18.0.0/15', 'benchmarking (RFC 2544)'],
  ['198.51.100.0/24', 'documentation (TEST-NET-2, RFC 5737)'],
  ['203.0.113.0/24', 'documentation (TEST-NET-3, RFC 5737)'],
  ['224.0.0.0/4', 'multicast (RFC 5771)'],
  ['240.0.0.0/4', 'reserved (RFC 1112)'],
].map(([range, what]) => ({ text: range, range, what }));

const IPV6_KINDS: readonly Kind[] = [
  ['::1/128', 'loopback (RFC 4291)'],
  ['2001:db8::/32', 'documentation (RFC 3849)'],
  ['fc00::/7', 'unique local, the IPv6 private range (RFC 4193)'],
  ['fe80::/10', 'link-local (RFC 4291)'],
  ['ff00::/8', 'multicast (RFC 4291)'],
  ['2000::/3', 'global unicast: publicly routable'],
].map(([range, what]) => ({ text: range, range, what }));

// https://www.rfc-editor.org/rfc/rfc1918
const RFC1918_NOTE =
  'RFC 1918 sets aside 10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16 for private networks: they are never routed on the internet, so every VPC and office network reuses them, and networks that will be connected must be planned not to overlap.';

const parsedKinds = new Map<string, Cidr>();
function kindCidr(kind: Kind): Cidr {
  let c = parsedKinds.get(kind.range);
  if (!c) {
    const parsed = parseCidr(kind.range);
    if (!parsed.ok) throw new Error(`bad built-in range ${kind.range}`);
    parsedKinds.set(kind.range, (c = parsed.value));
  }
  return c;
}

/** The kind of range a block or address lies in, in words. */
export function classify(block: Cidr | IpAddress): string {
  const kinds = block.family === 4 ? IPV4_KINDS : IPV6_KINDS;
  for (const kind of kinds) if (contains(kindCidr(kind), block)) return `${kind.what}, inside ${kind.range}`;
  if ('prefix' in block) {
    const touched = kinds.filter((k) => overlaps(kindCidr(k), block));
    if (block.prefix === 0) return `every ${block.family === 4 ? 'IPv4' : 'IPv6'} address`;
    if (touched.length) return `spans several kinds of range, including ${touched.map((k) => k.range).join(', ')}`;
  }
  return block.family === 4 ? 'public: publicly routable space that belongs to someone' : 'not in a well-known IPv6 range';
}

function sizeText(block: Cidr): string {
  const bits = (block.family === 4 ? 32 : 128) - block.prefix;
  if (block.family === 6) return bits <= 20 ? `${count(sizeOf(block))} addresses (2^${bits})` : `2^${bits} addresses`;
  return `${count(sizeOf(block))} address${bits === 0 ? '' : 'es'}${bits >= 8 ? ` (2^${bits})` : ''}`;
}

function netmask(prefix: number): string {
  const mask = prefix === 0 ? 0n : ((1n << 32n) - 1n) ^ ((1n << BigInt(32 - prefix)) - 1n);
  return formatAddress(mask, 4);
}

/** The Markdown for a CIDR block or an address in a scalar value; undefined when it is neither. */
export function addressHover(place: Place): string | undefined {
  if (place.isKey || typeof place.node.value !== 'string') return undefined;
  const text = place.node.value.trim();
  if (text.length > 60 || !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(text) || !/[.:]/.test(text)) return undefined;
  if (text.includes('/')) {
    const parsed = parseCidr(text);
    return parsed.ok ? cidrHover(parsed.value, place) : undefined;
  }
  const parsed = parseIp(text);
  return parsed.ok ? ipHover(parsed.value, place) : undefined;
}

function cidrHover(block: Cidr, place: Place): string {
  const first = formatAddress(block.first, block.family);
  const last = formatAddress(block.last, block.family);
  const lines: string[] = [];
  lines.push(`**${block.network}** · IPv${block.family} block`);
  if (block.hostBitsSet) lines.push(`Written as ${escapeMarkdown(block.text)}: host bits are set, so tools take it as ${block.network}.`);
  const facts = [`${sizeText(block)}, ${first} – ${last}`];
  if (block.family === 4) facts.unshift(`netmask ${netmask(block.prefix)}`);
  lines.push(facts.join(' · '));
  const subnetLine = block.family === 4 ? awsSubnetLine(block, place) : undefined;
  if (subnetLine) lines.push(subnetLine);
  const kind = classify(block);
  lines.push(`Range: ${kind}.${kind.startsWith('private (RFC 1918)') ? ` ${RFC1918_NOTE}` : ''}`);
  const where = placement(block, place);
  if (where) lines.push(where);
  return lines.join('\n\n');
}

// https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html: an IPv4 subnet is /16 to
// /28; AWS reserves its first four addresses and its last. The third is reserved in every subnet,
// but the Amazon DNS server answers only at the base of the VPC's primary block plus two.
const SUBNET_MIN_PREFIX = 16;
const SUBNET_MAX_PREFIX = 28;

/** What AWS leaves of an IPv4 block used as a subnet; undefined when no subnet can have its size. */
function awsSubnetLine(block: Cidr, place: Place): string | undefined {
  if (block.prefix < SUBNET_MIN_PREFIX || block.prefix > SUBNET_MAX_PREFIX) return undefined;
  const f = block.first;
  const [network, router, third, future] = [f, f + 1n, f + 2n, f + 3n].map((v) => formatAddress(v, 4));
  const dns = amazonDnsAddress(place);
  const thirdRole =
    dns === undefined
      ? "reserved by AWS; it is the Amazon DNS server only in a subnet that starts at the base of the VPC's primary block"
      : dns === f + 2n
        ? "the Amazon DNS server: the base of the VPC's primary block plus two"
        : `reserved by AWS; this VPC's Amazon DNS server is ${formatAddress(dns, 4)}`;
  return (
    `As an AWS subnet: **${count(sizeOf(block) - 5n)} usable**. AWS reserves the first four and the last: ` +
    `${network} (network address), ${router} (VPC router), ${third} (${thirdRole}), ${future} (future use) and ` +
    `${formatAddress(block.last, 4)} (network broadcast address, reserved because a VPC has no broadcast).`
  );
}

/** The Amazon DNS server of the VPC this value belongs to (as a VPC block or a subnet), when its primary block is known. */
function amazonDnsAddress(place: Place): bigint | undefined {
  for (const vpc of networkOf(place.doc).vpcs) {
    const belongs = effectiveVpcRanges(vpc).some((r) => r.node === place.node) || vpc.subnets.some((s) => s.cidr?.node === place.node);
    if (!belongs) continue;
    // eksctl accepts any block of an existing VPC in `vpc.cidr`, so it may not be the primary one.
    const primary = vpc.mayHaveOtherBlocks ? undefined : (vpc.primary?.cidr ?? vpc.defaultPrimary);
    return primary?.family === 4 ? primary.first + 2n : undefined;
  }
  return undefined;
}

function ipHover(ip: IpAddress, place: Place): string {
  const lines = [`**${escapeMarkdown(ip.text)}** · IPv${ip.family} address`, `Range: ${classify(ip)}.`];
  for (const vpc of networkOf(place.doc).vpcs) {
    const subnet = vpc.subnets.find((s) => s.cidr && contains(s.cidr.cidr, ip));
    if (subnet) {
      lines.push(`Inside subnet ${describeSubnet(subnet)}.`);
      break;
    }
  }
  return lines.join('\n\n');
}

function describeSubnet(s: SubnetModel): string {
  const details = [s.az && s.az !== s.name ? s.az : undefined, s.tier]
    .filter((d): d is string => !!d)
    .map(escapeMarkdown)
    .join(', ');
  return `${escapeMarkdown(s.name)} (${escapeMarkdown(s.cidr!.cidr.text)}${details ? `, ${details}` : ''})`;
}

/** Where a block written as a VPC block or a subnet sits in its VPC, and the VPC's free space. */
function placement(block: Cidr, place: Place): string | undefined {
  for (const vpc of networkOf(place.doc).vpcs) {
    const ranges = effectiveVpcRanges(vpc);
    const subnets = vpc.subnets.filter((s) => s.cidr).sort((a, b) => (a.cidr!.cidr.first < b.cidr!.cidr.first ? -1 : 1));
    const asSubnet = subnets.findIndex((s) => s.cidr!.node === place.node);
    const asVpc = ranges.find((r) => r.node === place.node);
    if (asSubnet < 0 && !asVpc) continue;
    const vpcText = ranges.map((r) => escapeMarkdown(r.cidr.text)).join(' + ');
    const free = freeSpace(vpc, subnets);
    const freeText = free.blocks.length ? `free space left in the VPC: ${free.blocks.join(', ')}${free.more ? ` and ${free.more} smaller` : ''}` : 'no free space left in the VPC';
    if (asSubnet >= 0) {
      const s = subnets[asSubnet];
      const details = [s.az, s.tier]
        .filter((d): d is string => !!d)
        .map(escapeMarkdown)
        .join(', ');
      if (!ranges.length) return `Subnet ${asSubnet + 1} of ${subnets.length} in this file${details ? ` (${details})` : ''}.`;
      return `Subnet ${asSubnet + 1} of ${subnets.length} in VPC ${vpcText}${details ? ` (${details})` : ''}; ${freeText}.`;
    }
    // Overlapping subnets share addresses: what they use is the VPC minus its free space.
    const total = ranges.reduce((n, r) => n + sizeOf(r.cidr), 0n);
    const unused = freeBlocks(
      ranges.map((r) => r.cidr),
      subnets.map((sub) => sub.cidr!.cidr),
    ).reduce((n, b) => n + (1n << BigInt((b.family === 4 ? 32 : 128) - b.prefix)), 0n);
    return `VPC block with ${subnets.length} subnet${subnets.length === 1 ? '' : 's'} written in this file, using ${count(total - unused)} of ${count(total)} addresses; ${freeText}.`;
  }
  return undefined;
}

/** The VPC's ranges minus its subnets, as the largest aligned blocks (up to four, largest first). */
function freeSpace(vpc: VpcModel, subnets: readonly SubnetModel[]): { blocks: string[]; more: number } {
  const blocks = freeBlocks(
    effectiveVpcRanges(vpc).map((r) => r.cidr),
    subnets.map((s) => s.cidr!.cidr),
  );
  const sorted = [...blocks].sort((a, b) => a.prefix - b.prefix || (a.first < b.first ? -1 : 1));
  return { blocks: sorted.slice(0, 4).map(blockText), more: Math.max(0, sorted.length - 4) };
}
