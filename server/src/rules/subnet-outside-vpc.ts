import { moveSubnetFix, noRoomNote } from '../actions/network';
import { defineRule } from '../engine/rule';
import { effectiveVpcRanges } from '../network/model';
import { contains, overlaps } from '../net/cidr';
import { formatsWith, networkOf } from '../formats';

export default defineRule({
  meta: {
    code: 'subnet-outside-vpc',
    severity: 'error',
    kinds: formatsWith('network'),
    title: "A subnet's CIDR block is not inside any of its VPC's CIDR blocks",
    docs: 'docs/rules/subnet-outside-vpc.md',
  },
  check({ doc, report }) {
    for (const vpc of networkOf(doc).vpcs) {
      // Without a known primary block, or with a block it cannot read (a parameter, an IPAM pool),
      // the VPC's extent is unknown and a subnet may lie in the part it cannot see.
      if ((!vpc.primary && !vpc.defaultPrimary) || vpc.extentUnknown) continue;
      const ranges = effectiveVpcRanges(vpc);
      for (const subnet of vpc.subnets) {
        if (!subnet.cidr || ranges.some((r) => contains(r.cidr, subnet.cidr!.cidr))) continue;
        const list = ranges.map((r) => r.text);
        const vpcText = list.length === 1 ? `the VPC's CIDR ${list[0]}` : `any of the VPC's CIDRs (${list.join(', ')})`;
        report({
          target: subnet.cidr.node,
          // An existing VPC may have blocks the file does not name, and a subnet clear of the written
          // ones may be in one of them. One that straddles a written block cannot: blocks never overlap.
          ...(vpc.mayHaveOtherBlocks && !ranges.some((r) => overlaps(r.cidr, subnet.cidr!.cidr))
            ? {
                severity: 'warning' as const,
                message: `Subnet ${subnet.name} (${subnet.cidr.cidr.text}) is not inside ${vpcText}. Unless the existing VPC has another CIDR block that holds it, no such subnet can exist there.`,
              }
            : { message: `Subnet ${subnet.name} (${subnet.cidr.cidr.text}) is not inside ${vpcText}. A subnet's block must lie within one of its VPC's blocks.${noRoomNote(vpc, subnet)}` }),
          related: ranges.flatMap((r) => (r.node ? [{ target: r.node, message: `${r.label} ${r.cidr.text}` }] : [])),
        });
      }
    }
  },
  fix: moveSubnetFix,
});
