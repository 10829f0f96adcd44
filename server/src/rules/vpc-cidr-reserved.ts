import { defineRule } from '../engine/rule';
import { networkOf, writtenVpcCidrs } from '../network/model';
import { block, overlapping, type NamedRange } from '../network/ranges';

// Special-purpose ranges (RFC 6890) that cannot hold hosts. AWS names 169.254.0.0/16 as never
// assignable to a VPC (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html);
// the others are not host addresses anywhere.
export const RESERVED_RANGES: readonly NamedRange[] = [
  { cidr: block('0.0.0.0/8'), what: '"this network" (RFC 1122)' },
  { cidr: block('127.0.0.0/8'), what: 'loopback' },
  { cidr: block('169.254.0.0/16'), what: 'link-local, where AWS serves instance metadata, DNS and time' },
  { cidr: block('224.0.0.0/4'), what: 'multicast' },
  { cidr: block('240.0.0.0/4'), what: 'reserved for future use, including broadcast' },
];

/** What to pick instead: any private range for the primary; for a secondary, what the primary allows. */
export function rangeAdvice(label: string): string {
  return label.startsWith('Secondary')
    ? "Choose a block that AWS allows beside the primary block (see vpc-secondary-cidr-restricted); 100.64.0.0/10 always is."
    : 'Choose a block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.';
}

export default defineRule({
  meta: {
    code: 'vpc-cidr-reserved',
    severity: 'error',
    kinds: ['eksctl', 'cloudformation'],
    title: 'A VPC CIDR block overlaps a special-purpose range (loopback, link-local, multicast, …)',
    docs: 'docs/rules/vpc-cidr-reserved.md',
  },
  check({ doc, report }) {
    for (const vpc of networkOf(doc).vpcs) {
      for (const { cidr, node, label } of writtenVpcCidrs(vpc)) {
        const hits = overlapping(cidr, RESERVED_RANGES);
        if (!hits.length) continue;
        const list = hits.map((r) => `${r.cidr.text} (${r.what})`).join(' and ');
        report({ target: node, message: `${label} ${cidr.text} overlaps ${list}; these special-purpose addresses cannot hold the hosts of a VPC. ${rangeAdvice(label)}` });
      }
    }
  },
});
