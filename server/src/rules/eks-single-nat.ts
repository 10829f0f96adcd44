import { defineRule } from '../engine/rule';
import { formatsWith, networkOf } from '../formats';

export default defineRule({
  meta: {
    code: 'eks-single-nat',
    severity: 'hint',
    kinds: formatsWith('network'),
    title: 'One NAT gateway serves private subnets in several Availability Zones',
    docs: 'docs/rules/eks-single-nat.md',
  },
  // eksctl's NAT gateways are zonal: it has no mode for a regional NAT gateway, which spans the
  // zones by itself (eksctl pkg/apis/eksctl.io/v1alpha5/vpc.go: Disable, Single, HighlyAvailable;
  // https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateways-regional.html). An existing VPC,
  // which may have a regional one, is never judged.
  check({ doc, report }) {
    for (const vpc of networkOf(doc).vpcs) {
      // Only when Single is written: it is eksctl's default, and a hint on every file would be noise.
      if (vpc.existing || vpc.nat?.mode !== 'Single' || !vpc.nat.node) continue;
      const privateZones = [...new Set(vpc.subnets.filter((s) => s.tier === 'private' && s.az).map((s) => s.az!))];
      const planned = !vpc.subnets.some((s) => s.tier === 'private');
      if (!planned && privateZones.length < 2) continue;
      const where = planned ? 'the private subnets eksctl creates in each Availability Zone' : `private subnets in ${privateZones.length} Availability Zones (${privateZones.join(', ')})`;
      report({
        target: vpc.nat.node,
        message: `One zonal NAT gateway serves ${where}. If its zone fails, nodes in every zone lose outbound access. HighlyAvailable creates one NAT gateway per zone (at extra cost).`,
      });
    }
  },
});
