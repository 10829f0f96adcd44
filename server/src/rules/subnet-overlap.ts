import { moveSubnetFix, noRoomNote } from '../actions/network';
import { defineRule } from '../engine/rule';
import { networkOf, type SubnetModel } from '../network/model';
import { overlaps } from '../net/cidr';

function describe(subnet: SubnetModel): string {
  const az = subnet.az && subnet.az !== subnet.name ? `, ${subnet.az}` : '';
  return `${subnet.cidr!.cidr.text} (${subnet.tier ? `${subnet.tier} ` : ''}${subnet.name}${az})`;
}

export default defineRule({
  meta: {
    code: 'subnet-overlap',
    severity: 'error',
    kinds: ['eksctl', 'cloudformation'],
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
            message: `Subnet ${a.cidr!.cidr.text} overlaps ${describe(b)}. Subnets of one VPC cannot share addresses; AWS refuses the second one.${noRoomNote(doc, vpc, a)}`,
            related: [{ target: b.cidr!.node, message: `overlapping subnet ${describe(b)}` }],
          });
          break;
        }
      }
    }
  },
  fix: moveSubnetFix,
});
