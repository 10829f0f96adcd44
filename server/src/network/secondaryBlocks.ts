// Which IPv4 blocks AWS lets a VPC add beside its primary block, from the VPC User Guide's table.
// Shared by vpc-secondary-cidr-restricted (a secondary block a template adds) and the custom
// networking checks (a pod subnet's block).
import { contains, overlaps, type Cidr } from '../net/cidr';
import { BENCHMARK_198_19, block, insideAny, RFC1918 } from './ranges';

// The "IPv4 CIDR block association restrictions" table:
// https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html#add-cidr-block-restrictions
export interface Restriction {
  readonly range: Cidr;
  /** The range as the message names it. */
  readonly label: string;
}

export interface SecondaryBlockRow {
  /** The range the primary block is in, as the table names it. */
  readonly name: string;
  readonly restricted: readonly Restriction[];
  /** What the table permits instead. */
  readonly permitted: string;
}

const TEN_0_15 = block('10.0.0.0/15');
const TEN_0_16 = block('10.0.0.0/16');
const LINK_LOCAL = block('169.254.0.0/16');
const NO_198: Restriction = { range: BENCHMARK_198_19.cidr, label: '198.19.0.0/16' };
const NO_172_31: Restriction = { range: block('172.31.0.0/16'), label: '172.31.0.0/16, the range of default VPCs, which AWS keeps out of other 172.16.0.0/12 VPCs' };
const PUBLIC_OR_SHARED = 'a block from 100.64.0.0/10 or a publicly routable block you own';

function privateRangesBut(own?: Cidr): Restriction[] {
  return RFC1918.filter((r) => r.cidr !== own).map((r) => ({ range: r.cidr, label: `${r.cidr.text}, ${own ? 'another' : 'a'} private (RFC 1918) range` }));
}

/** The table's row for a VPC whose primary block is `primary`; `others` are the VPC's other blocks. */
export function secondaryBlockRow(primary: Cidr, others: readonly Cidr[]): SecondaryBlockRow | undefined {
  // A link-local primary is vpc-cidr-reserved's finding; the table has nothing to add.
  if (overlaps(LINK_LOCAL, primary)) return undefined;
  const own = insideAny(primary, RFC1918)?.cidr;
  if (own) {
    const restricted = [...privateRangesBut(own), NO_198];
    if (own === RFC1918[1].cidr) restricted.push(NO_172_31);
    if (own === RFC1918[0].cidr && others.some((c) => contains(TEN_0_15, c))) {
      restricted.push({ range: TEN_0_16, label: '10.0.0.0/16, which is closed to a VPC that already has a block in 10.0.0.0/15' });
    }
    return { name: own.text, restricted, permitted: `another block from ${own.text}, ${PUBLIC_OR_SHARED}` };
  }
  if (contains(BENCHMARK_198_19.cidr, primary)) return { name: '198.19.0.0/16', restricted: privateRangesBut(), permitted: PUBLIC_OR_SHARED };
  return { name: 'publicly routable space or 100.64.0.0/10', restricted: [...privateRangesBut(), NO_198], permitted: PUBLIC_OR_SHARED };
}
