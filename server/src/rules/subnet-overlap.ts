import { moveSubnetFix, noRoomNote } from '../actions/network';
import { defineRule } from '../engine/rule';
import { type SubnetModel } from '../network/model';
import { overlaps } from '../net/cidr';
import { formatsWith, networkOf } from '../formats';

function describe(subnet: SubnetModel): string {
  const az = subnet.az && subnet.az !== subnet.name ? `, ${subnet.az}` : '';
  return `${subnet.cidr!.cidr.text} (${subnet.tier ? `${subnet.tier} ` : ''}${subnet.name}${az})`;
}

// https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html: the blocks of a VPC's subnets
// cannot overlap. A template creates its subnets, so EC2 refuses the second; eksctl creates none of
// the subnets listed in `vpc.subnets`, it looks them up (by ID, or by CIDR in `vpc.id`: eksctl
// pkg/vpc/vpc.go, ImportSubnetsFromSpec), so two overlapping entries cannot both be real subnets.
const CREATED_WHY = 'Subnets of one VPC cannot share addresses; EC2 refuses to create the second one.';
const lookedUpWhy = (tool: string) =>
  `Subnets of one VPC cannot share addresses, so these entries cannot both describe existing subnets: ${tool} looks listed subnets up rather than creating them, and one of them is wrong.`;

export default defineRule({
  meta: {
    code: 'subnet-overlap',
    severity: 'error',
    kinds: formatsWith('network'),
    title: 'Two subnets of one VPC overlap',
    docs: 'docs/rules/subnet-overlap.md',
  },
  check({ doc, report }) {
    for (const vpc of networkOf(doc).vpcs) {
      const withCidr = vpc.subnets.filter((s) => s.cidr);
      for (const a of withCidr) {
        // Each subnet is reported once, naming the first neighbour it overlaps (both ends of a
        // pair are reported, each naming the other).
        for (const b of withCidr) {
          if (a === b || !overlaps(a.cidr!.cidr, b.cidr!.cidr)) continue;
          report({
            target: a.cidr!.node,
            message: `Subnet ${a.cidr!.cidr.text} overlaps ${describe(b)}. ${vpc.subnetsLookedUpBy ? lookedUpWhy(vpc.subnetsLookedUpBy) : CREATED_WHY}${noRoomNote(vpc, a)}`,
            related: [{ target: b.cidr!.node, message: `overlapping subnet ${describe(b)}` }],
          });
          break;
        }
      }
    }
  },
  fix: moveSubnetFix,
});
