import { defineRule } from '../engine/rule';
import { writtenVpcCidrs } from '../network/model';
import { block, overlapping, type NamedRange } from '../network/ranges';
import { formatsWith, networkOf } from '../formats';

// Special-purpose ranges (RFC 6890) that cannot hold hosts. The VPC user guide lists the first four
// as ranges a VPC cannot use (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html);
// 240.0.0.0/4 is not on that list and we found no report of EC2 refusing it, so it is only a warning.
export const RESERVED_RANGES: ReadonlyArray<NamedRange & { readonly refusedByAws: boolean }> = [
  { cidr: block('0.0.0.0/8'), what: '"this network" (RFC 1122)', refusedByAws: true },
  { cidr: block('127.0.0.0/8'), what: 'loopback', refusedByAws: true },
  { cidr: block('169.254.0.0/16'), what: 'link-local, where AWS serves instance metadata, DNS and time', refusedByAws: true },
  { cidr: block('224.0.0.0/4'), what: 'multicast', refusedByAws: true },
  { cidr: block('240.0.0.0/4'), what: 'reserved for future use, including broadcast', refusedByAws: false },
];

/** What to pick instead: any private range for the primary; for a secondary, what the primary allows. */
export function rangeAdvice(label: string): string {
  return label.startsWith('Secondary')
    ? 'Choose a block that AWS allows beside the primary block (see vpc-secondary-cidr-restricted); 100.64.0.0/10 always is.'
    : 'Choose a block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.';
}

export default defineRule({
  meta: {
    code: 'vpc-cidr-reserved',
    severity: 'error',
    kinds: formatsWith('network'),
    title: 'A VPC CIDR block overlaps a special-purpose range (loopback, link-local, multicast, …)',
    docs: 'docs/rules/vpc-cidr-reserved.md',
  },
  check({ doc, report }) {
    for (const vpc of networkOf(doc).vpcs) {
      for (const { cidr, node, label } of writtenVpcCidrs(vpc)) {
        const hits = overlapping(cidr, RESERVED_RANGES);
        if (!hits.length) continue;
        const list = hits.map((r) => `${r.cidr.text} (${r.what})`).join(' and ');
        if (hits.some((r) => r.refusedByAws)) {
          report({ target: node, message: `${label} ${cidr.text} overlaps ${list}; AWS does not allow these special-purpose addresses in a VPC. ${rangeAdvice(label)}` });
        } else {
          report({
            target: node,
            severity: 'warning',
            message: `${label} ${cidr.text} overlaps ${list}. AWS does not list this range among those a VPC cannot use, but the IETF has never opened it for hosts, and some operating systems and network devices refuse these addresses. ${rangeAdvice(label)}`,
          });
        }
      }
    }
  },
});
