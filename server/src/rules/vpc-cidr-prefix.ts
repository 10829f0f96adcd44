import { defineRule } from '../engine/rule';
import { networkOf, writtenVpcCidrs } from '../network/model';
import { addressCount, count } from '../network/ranges';

// https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html
export const VPC_MIN_PREFIX = 16;
export const VPC_MAX_PREFIX = 28;
// eksctl splits a VPC it creates into eight subnets and refuses a block smaller than /24
// (SetSubnets in eksctl's pkg/vpc: "VPC CIDR prefix must be between /16 and /24").
const EKSCTL_MAX_PREFIX = 24;

export default defineRule({
  meta: {
    code: 'vpc-cidr-prefix',
    severity: 'error',
    kinds: ['eksctl', 'cloudformation'],
    title: 'An IPv4 VPC CIDR block is larger than /16 or smaller than /28 (/24 for a VPC eksctl creates)',
    docs: 'docs/rules/vpc-cidr-prefix.md',
  },
  check({ doc, report }) {
    for (const vpc of networkOf(doc).vpcs) {
      for (const { cidr, node, label } of writtenVpcCidrs(vpc)) {
        if (cidr.prefix < VPC_MIN_PREFIX) {
          report({ target: node, message: `${label} ${cidr.text} is larger than AWS allows (/${VPC_MIN_PREFIX} at most, ${count(2 ** (32 - VPC_MIN_PREFIX))} addresses); it has ${addressCount(cidr)}.` });
        } else if (cidr.prefix > VPC_MAX_PREFIX) {
          report({ target: node, message: `${label} ${cidr.text} is smaller than AWS allows (/${VPC_MAX_PREFIX} at least, ${count(2 ** (32 - VPC_MAX_PREFIX))} addresses); it has ${addressCount(cidr)}.` });
        } else if (doc.kind === 'eksctl' && !vpc.existing && cidr.prefix > EKSCTL_MAX_PREFIX) {
          report({
            target: node,
            message: `${label} ${cidr.text} is smaller than eksctl accepts for a VPC it creates (/${EKSCTL_MAX_PREFIX} at least, ${count(2 ** (32 - EKSCTL_MAX_PREFIX))} addresses); it has ${addressCount(cidr)}. eksctl splits the block into eight subnets, so it stops before creating anything.`,
          });
        }
      }
    }
  },
});
