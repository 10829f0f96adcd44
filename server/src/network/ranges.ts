// Well-known IPv4 ranges the network rules compare against, and number formatting for messages.
import { overlaps, contains, parseCidr, sizeOf, type Cidr } from '../net/cidr';

export interface NamedRange {
  readonly cidr: Cidr;
  /** What the range is, in a few words. */
  readonly what: string;
}

export function block(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(`bad built-in range ${text}: ${parsed.reason}`);
  return parsed.value;
}

function named(text: string, what: string): NamedRange {
  return { cidr: block(text), what };
}

/** RFC 1918 private ranges. */
export const RFC1918: readonly NamedRange[] = [named('10.0.0.0/8', 'private (RFC 1918)'), named('172.16.0.0/12', 'private (RFC 1918)'), named('192.168.0.0/16', 'private (RFC 1918)')];

/** Shared address space for carrier-grade NAT (RFC 6598), usable in a VPC. */
export const SHARED_ADDRESS_SPACE = named('100.64.0.0/10', 'shared address space (RFC 6598)');
/** Part of the benchmarking block (RFC 2544) that AWS allows in a VPC. */
export const BENCHMARK_198_19 = named('198.19.0.0/16', 'benchmarking range (RFC 2544)');

/** Ranges that are usable in a VPC without taking someone else's public addresses. */
export const VPC_PRIVATE_RANGES: readonly NamedRange[] = [...RFC1918, SHARED_ADDRESS_SPACE, BENCHMARK_198_19];

export const DOCKER_BRIDGE = named('172.17.0.0/16', "Docker's default bridge network");

export function insideAny(cidr: Cidr, ranges: readonly NamedRange[]): NamedRange | undefined {
  return ranges.find((r) => contains(r.cidr, cidr));
}

export function overlapping<R extends NamedRange>(cidr: Cidr, ranges: readonly R[]): R[] {
  return ranges.filter((r) => overlaps(r.cidr, cidr));
}

/** `65,536` */
export function count(n: number | bigint): string {
  return n.toLocaleString('en-US');
}

/** `65,536 addresses` */
export function addressCount(cidr: Cidr): string {
  const n = sizeOf(cidr);
  return `${count(n)} address${n === 1n ? '' : 'es'}`;
}

/** Addresses of a subnet that instances can use: AWS keeps the first four and the last one. */
export function usableInSubnet(cidr: Cidr): number {
  return Math.max(0, Number(sizeOf(cidr)) - 5);
}
