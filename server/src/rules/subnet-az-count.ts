import { defineRule } from '../engine/rule';
import { isConcreteZone, isKnownZone } from '../network/zones';
import { formatsWith, networkOf } from '../formats';

export default defineRule({
  meta: {
    code: 'subnet-az-count',
    severity: 'error',
    kinds: formatsWith('network'),
    title: "The cluster's subnets or Availability Zones cover fewer than two zones",
    docs: 'docs/rules/subnet-az-count.md',
  },
  check({ doc, report }) {
    const { vpcs, cluster } = networkOf(doc);
    const zones = cluster?.availabilityZones;
    // Every entry must be read, and read as a zone name: a placeholder (`${AWS_REGION}a`) may stand
    // for any zone. A zone listed twice is still one zone. A local cluster on AWS Outposts runs its
    // control plane on one rack by design.
    if (cluster && !cluster.onOutposts && zones && cluster.availabilityZonesNode && zones.length === countItems(cluster.availabilityZonesNode) && zones.every((z) => isConcreteZone(z.name))) {
      const distinct = [...new Set(zones.map((z) => z.name))];
      if (distinct.length < 2) {
        const what = distinct.length === 0 ? 'no zone' : zones.length > 1 ? `only ${distinct[0]} (${zones.length} times)` : `only ${distinct[0]}`;
        report({
          target: cluster.availabilityZonesNode,
          message: `availabilityZones lists ${what}. EKS needs subnets in at least two Availability Zones for the control plane; list two or more.`,
        });
        return;
      }
    }
    for (const vpc of vpcs) {
      // Every subnet must have a known zone; a subnet known only by ID could be anywhere, and one
      // whose zone is a placeholder (`az: ${AZ_1}`, a parameter default `<az>`) in any zone.
      if (!vpc.subnets.length || vpc.subnets.some((s) => s.az === undefined || !isKnownZone(s.az))) continue;
      // Held to EKS's rule only when the VPC evidently serves an EKS control plane (for a template,
      // see formats/cloudformation/eks.ts).
      if (!vpc.servesEksControlPlane) continue;
      const distinct = [...new Set(vpc.subnets.map((s) => s.az!))];
      if (distinct.length >= 2) continue;
      const first = vpc.subnets[0];
      report({
        target: first.azNode ?? first.node,
        message: `${vpc.subnets.length === 1 ? 'The only subnet is' : `All ${vpc.subnets.length} subnets are`} in ${distinct[0]}. EKS needs subnets in at least two Availability Zones for the control plane; add a subnet in another zone.`,
        related: vpc.subnets.slice(1).map((s) => ({ target: s.azNode ?? s.node, message: `subnet ${s.name} in ${s.az}` })),
      });
    }
  },
});

function countItems(node: unknown): number {
  const list = (node as { items?: unknown[] } | undefined)?.items;
  return Array.isArray(list) ? list.length : -1;
}
