import { growSubnetFix } from '../actions/network';
import { defineRule } from '../engine/rule';
import { addressCount, count } from '../network/ranges';
import { formatsWith, networkOf } from '../formats';

// https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
export const SUBNET_MIN_PREFIX = 16;
export const SUBNET_MAX_PREFIX = 28;

export default defineRule({
  meta: {
    code: 'subnet-prefix',
    severity: 'error',
    kinds: formatsWith('network'),
    title: 'An IPv4 subnet CIDR block is larger than /16 or smaller than /28',
    docs: 'docs/rules/subnet-prefix.md',
  },
  check({ doc, report }) {
    for (const vpc of networkOf(doc).vpcs) {
      for (const subnet of vpc.subnets) {
        if (!subnet.cidr) continue;
        const { cidr, node } = subnet.cidr;
        if (cidr.prefix < SUBNET_MIN_PREFIX) {
          report({
            target: node,
            message: `Subnet ${subnet.name} (${cidr.text}) is larger than AWS allows (/${SUBNET_MIN_PREFIX} at most, ${count(2 ** (32 - SUBNET_MIN_PREFIX))} addresses); it has ${addressCount(cidr)}.`,
          });
        } else if (cidr.prefix > SUBNET_MAX_PREFIX) {
          report({
            target: node,
            message: `Subnet ${subnet.name} (${cidr.text}) is smaller than AWS allows (/${SUBNET_MAX_PREFIX} at least, ${count(2 ** (32 - SUBNET_MAX_PREFIX))} addresses, 11 usable); it has ${addressCount(cidr)}.`,
          });
        }
      }
    }
  },
  fix: (ctx) => growSubnetFix(ctx, SUBNET_MAX_PREFIX),
});
