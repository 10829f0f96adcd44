import { defineRule } from '../engine/rule';
import { writtenVpcCidrs } from '../network/model';
import { insideAny, overlapping, VPC_PRIVATE_RANGES } from '../network/ranges';
import { rangeAdvice, RESERVED_RANGES } from './vpc-cidr-reserved';
import { formatsWith, networkOf } from '../formats';

export default defineRule({
  meta: {
    code: 'vpc-cidr-public',
    severity: 'warning',
    kinds: formatsWith('network'),
    title: 'A VPC CIDR block uses publicly routable addresses that belong to someone else',
    docs: 'docs/rules/vpc-cidr-public.md',
  },
  check({ doc, report }) {
    for (const vpc of networkOf(doc).vpcs) {
      for (const { cidr, node, label } of writtenVpcCidrs(vpc)) {
        // Special-purpose ranges are vpc-cidr-reserved's finding.
        if (insideAny(cidr, VPC_PRIVATE_RANGES) || overlapping(cidr, RESERVED_RANGES).length) continue;
        report({
          target: node,
          message: `${label} ${cidr.text} is outside the private ranges (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, and 100.64.0.0/10 or 198.19.0.0/16). Addresses there normally belong to someone else on the internet, and those hosts become unreachable from this VPC. ${rangeAdvice(label)}`,
        });
      }
    }
  },
});
