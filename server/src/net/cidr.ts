// Address parsing and arithmetic for the rules. Parsing goes through ip-address (Address4 and
// Address6); this module adds the strictness and the plain-language error messages that a linter
// needs, and turns ranges into bigints so callers can compare them. An IPv6 address that embeds an
// IPv4 one (`::ffff:10.0.0.1`) stays an IPv6 address, valued in the IPv6 space.
import { Address4, Address6 } from 'ip-address';

export type IpFamily = 4 | 6;

export interface Cidr {
  /** The text as written. */
  readonly text: string;
  readonly family: IpFamily;
  readonly prefix: number;
  /** First and last address of the block, as integers. */
  readonly first: bigint;
  readonly last: bigint;
  /** The block's network address in canonical form with its prefix, e.g. `10.1.0.0/16`. */
  readonly network: string;
  /** True when the written address is not the network address (host bits are set). */
  readonly hostBitsSet: boolean;
}

export interface IpAddress {
  readonly text: string;
  readonly family: IpFamily;
  readonly value: bigint;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const IPV4_OCTETS = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** Why an IPv4 dotted quad is invalid, or undefined when it is valid. */
function ipv4Problem(text: string): string | undefined {
  const m = IPV4_OCTETS.exec(text);
  if (!m) {
    const parts = text.split('.');
    if (parts.length !== 4) return `an IPv4 address has four numbers separated by dots; "${text}" has ${parts.length}`;
    return `"${text}" is not an IPv4 address: each part must be a number from 0 to 255`;
  }
  for (const octet of m.slice(1)) {
    if (Number(octet) > 255) return `octet ${octet} in "${text}" is larger than 255`;
    if (octet.length > 1 && octet.startsWith('0')) return `octet "${octet}" in "${text}" has a leading zero, which some tools read as octal`;
  }
  return undefined;
}

function ipv6Problem(text: string): string | undefined {
  if (text.includes('%')) return `"${text}" has a zone index (%…), which is not allowed in a network range`;
  if (!Address6.isValid(text)) return `"${text}" is not a valid IPv6 address`;
  return undefined;
}

function familyOf(text: string): IpFamily | undefined {
  if (text.includes(':')) return 6;
  if (/^[\d.]+$/.test(text)) return 4;
  return undefined;
}

// ip-address parses with regular expressions and formats strings, which costs microseconds per
// value; files repeat the same blocks (0.0.0.0/0, the VPC range)
// and every keystroke re-checks unchanged values, so results are remembered. They are immutable.
const MEMO_LIMIT = 10_000;

function memoized<T>(parse: (text: string) => T): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    let result = memo.get(text);
    if (result === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      result = parse(text);
      memo.set(text, result);
    }
    return result;
  };
}

/** Parses `address/prefix` strictly: no spaces, no missing prefix, no prefix beyond the family's width. */
export const parseCidr = memoized(parseCidrUncached);

function parseCidrUncached(text: string): Parsed<Cidr> {
  if (text.trim() === '') return { ok: false, reason: 'the value is empty' };
  if (text !== text.trim()) return { ok: false, reason: `"${text}" has leading or trailing spaces` };
  if (/\s/.test(text)) return { ok: false, reason: `"${text}" has a space in it; a CIDR block is written without spaces` };
  if (text.includes(',')) return { ok: false, reason: `"${text}" holds several values separated by commas; a field or list item takes one block` };
  const slash = text.indexOf('/');
  if (slash < 0) {
    const fam = familyOf(text);
    const hint = fam === 4 ? ` (a single address is written ${text}/32)` : fam === 6 ? ` (a single address is written ${text}/128)` : '';
    return { ok: false, reason: `"${text}" has no prefix length${hint}` };
  }
  const addressText = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  const family = familyOf(addressText);
  if (family === undefined) return { ok: false, reason: `"${addressText}" is not an IPv4 or IPv6 address` };
  const problem = family === 4 ? ipv4Problem(addressText) : ipv6Problem(addressText);
  if (problem) return { ok: false, reason: problem };
  if (!/^\d{1,3}$/.test(prefixText)) return { ok: false, reason: `the prefix length "/${prefixText}" is not a number` };
  const prefix = Number(prefixText);
  const width = family === 4 ? 32 : 128;
  if (prefix > width) return { ok: false, reason: `the prefix length /${prefix} is larger than /${width}, the size of an IPv${family} address` };
  let block: Address4 | Address6;
  let written: Address4 | Address6;
  try {
    block = family === 4 ? new Address4(text) : new Address6(text);
    written = family === 4 ? new Address4(addressText) : new Address6(addressText);
  } catch {
    return { ok: false, reason: `"${text}" is not a valid CIDR block` };
  }
  const start = block.startAddress();
  const first = start.bigInt();
  const last = block.endAddress().bigInt();
  const network = `${start.correctForm()}/${prefix}`;
  const hostBitsSet = written.bigInt() !== first;
  return { ok: true, value: { text, family, prefix, first, last, network, hostBitsSet } };
}

/**
 * The value with the leading zeros of its IPv4 numbers (and of its prefix length) removed, when it
 * has any: `010.0.0.0/16` gives `10.0.0.0/16`. Undefined when there are none or the value is not a
 * dotted quad. Readers disagree on such values (decimal for some, octal for others), so rules
 * judge them apart from other syntax errors.
 */
export function withoutLeadingZeros(text: string): string | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,3}))?$/.exec(text);
  if (!m) return undefined;
  const strip = (n: string) => n.replace(/^0+(?=\d)/, '');
  const parts = m.slice(1, 5);
  const prefix = m[5];
  if (!parts.some((n) => n !== strip(n)) && (prefix === undefined || prefix === strip(prefix))) return undefined;
  return parts.map(strip).join('.') + (prefix === undefined ? '' : `/${strip(prefix)}`);
}

/** Parses a single IPv4 or IPv6 address (no prefix). */
export const parseIp = memoized(parseIpUncached);

function parseIpUncached(text: string): Parsed<IpAddress> {
  if (text.trim() === '') return { ok: false, reason: 'the value is empty' };
  if (text !== text.trim()) return { ok: false, reason: `"${text}" has leading or trailing spaces` };
  if (text.includes('/')) return { ok: false, reason: `"${text}" is a range; this field takes a single address` };
  const family = familyOf(text);
  if (family === undefined) return { ok: false, reason: `"${text}" is not an IPv4 or IPv6 address` };
  const problem = family === 4 ? ipv4Problem(text) : ipv6Problem(text);
  if (problem) return { ok: false, reason: problem };
  let address: Address4 | Address6;
  try {
    address = family === 4 ? new Address4(text) : new Address6(text);
  } catch {
    return { ok: false, reason: `"${text}" is not a valid IPv${family} address` };
  }
  return { ok: true, value: { text, family, value: address.bigInt() } };
}

/** True when `inner` lies entirely inside `outer`. */
export function contains(outer: Cidr, inner: Cidr | IpAddress): boolean {
  if (outer.family !== inner.family) return false;
  return 'value' in inner ? inner.value >= outer.first && inner.value <= outer.last : inner.first >= outer.first && inner.last <= outer.last;
}

/** True when the two blocks share at least one address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.first <= b.last && b.first <= a.last;
}

/** Number of addresses in the block. */
export function sizeOf(block: Cidr): bigint {
  return block.last - block.first + 1n;
}

/** An address as text: dotted quad for IPv4, compressed form for IPv6. */
export function formatAddress(value: bigint, family: IpFamily): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => ((value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
  // The longest run of two or more zero groups becomes "::".
  let best = { at: -1, length: 0 };
  for (let i = 0; i < 8;) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.length && j - i >= 2) best = { at: i, length: j - i };
    i = j;
  }
  if (best.at < 0) return groups.join(':');
  return `${groups.slice(0, best.at).join(':')}::${groups.slice(best.at + best.length).join(':')}`;
}

/** The largest aligned blocks that exactly cover first..last, in address order. */
export function blocksCovering(first: bigint, last: bigint, family: IpFamily): Array<{ first: bigint; prefix: number }> {
  const width = family === 4 ? 32 : 128;
  const out: Array<{ first: bigint; prefix: number }> = [];
  let start = first;
  while (start <= last) {
    let size = 1n;
    let prefix = width;
    // Grow while the block stays aligned on its size and inside the range.
    while (prefix > 0 && start % (size * 2n) === 0n && start + size * 2n - 1n <= last) {
      size *= 2n;
      prefix--;
    }
    out.push({ first: start, prefix });
    start += size;
  }
  return out;
}
