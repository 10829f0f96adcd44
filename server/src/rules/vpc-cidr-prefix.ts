import { replaceScalar, scalarAtFinding } from '../model/edits';
import { defineRule } from '../engine/rule';
import { contains, formatAddress, overlaps, parseCidr, type Cidr } from '../net/cidr';
import { effectiveVpcRanges, writtenVpcCidrs } from '../network/model';
import { addressCount, count } from '../network/ranges';
import { formatsWith, networkOf } from '../formats';

// https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html
export const VPC_MIN_PREFIX = 16;
export const VPC_MAX_PREFIX = 28;

export default defineRule({
  meta: {
    code: 'vpc-cidr-prefix',
    severity: 'error',
    kinds: formatsWith('network'),
    title: 'An IPv4 VPC CIDR block is larger than /16 or smaller than /28 (/24 for a VPC eksctl creates)',
    docs: 'docs/rules/vpc-cidr-prefix.md',
  },
  check({ doc, report }) {
    for (const vpc of networkOf(doc).vpcs) {
      for (const { cidr, node, label } of writtenVpcCidrs(vpc)) {
        if (cidr.prefix < VPC_MIN_PREFIX) {
          report({
            target: node,
            message: `${label} ${cidr.text} is larger than AWS allows (/${VPC_MIN_PREFIX} at most, ${count(2 ** (32 - VPC_MIN_PREFIX))} addresses); it has ${addressCount(cidr)}.`,
          });
        } else if (cidr.prefix > VPC_MAX_PREFIX) {
          report({
            target: node,
            message: `${label} ${cidr.text} is smaller than AWS allows (/${VPC_MAX_PREFIX} at least, ${count(2 ** (32 - VPC_MAX_PREFIX))} addresses); it has ${addressCount(cidr)}.`,
          });
        } else if (vpc.createdBy && cidr.prefix > vpc.createdBy.maxPrefix) {
          const { tool, maxPrefix } = vpc.createdBy;
          report({
            target: node,
            message: `${label} ${cidr.text} is smaller than ${tool} accepts for a VPC it creates (/${maxPrefix} at least, ${count(2 ** (32 - maxPrefix))} addresses); it has ${addressCount(cidr)}. ${tool} stops before creating anything.`,
          });
        }
      }
    }
  },
  // Too large: the same base at /16. Too small: the largest allowed size when the base is aligned
  // for it. Only when every subnet of the VPC stays inside, and no other block of the VPC is hit.
  fix({ file, doc, offset }) {
    const node = scalarAtFinding(file, offset);
    if (!node) return [];
    for (const vpc of networkOf(doc).vpcs) {
      const range = effectiveVpcRanges(vpc).find((r) => r.node === node);
      if (!range) continue;
      const { cidr } = range;
      const creatorMax = vpc.createdBy?.maxPrefix;
      const limit = cidr.prefix < VPC_MIN_PREFIX ? VPC_MIN_PREFIX : creatorMax !== undefined && cidr.prefix > creatorMax ? creatorMax : cidr.prefix > VPC_MAX_PREFIX ? VPC_MAX_PREFIX : undefined;
      if (limit === undefined) return [];
      const resized = resize(cidr, limit);
      if (!resized) return [];
      const others = effectiveVpcRanges(vpc)
        .filter((r) => r.node !== node)
        .map((r) => r.cidr);
      const subnets = vpc.subnets.filter((s) => s.cidr && overlaps(s.cidr.cidr, cidr)).map((s) => s.cidr!.cidr);
      if (others.some((o) => overlaps(o, resized)) || !subnets.every((s) => contains(resized, s))) return [];
      return [{ title: `Change the VPC block to ${resized.text}`, isPreferred: true, edits: [replaceScalar(node, doc, resized.text)] }];
    }
    return [];
  },
});

/** The block of `prefix` that starts where `cidr` starts; undefined when that start is not aligned for it. */
function resize(cidr: Cidr, prefix: number): Cidr | undefined {
  const size = 1n << BigInt(32 - prefix);
  if (cidr.first % size !== 0n) return undefined;
  const parsed = parseCidr(`${formatAddress(cidr.first, 4)}/${prefix}`);
  return parsed.ok ? parsed.value : undefined;
}
