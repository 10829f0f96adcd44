import { defineRule } from '../engine/rule';
import { networkOf } from '../network/model';

export default defineRule({
  meta: {
    code: 'subnet-az-count',
    severity: 'error',
    kinds: ['eksctl'],
    title: "The cluster's subnets or Availability Zones cover fewer than two zones",
    docs: 'docs/rules/subnet-az-count.md',
  },
  check({ doc, report }) {
    const { vpcs, cluster } = networkOf(doc);
    // A local cluster on AWS Outposts runs its control plane on one rack by design.
    if (!cluster || cluster.onOutposts) return;
    const zones = cluster.availabilityZones;
    if (zones && cluster.availabilityZonesNode && zones.length < 2 && zones.length === countItems(cluster.availabilityZonesNode)) {
      report({
        target: cluster.availabilityZonesNode,
        message: `availabilityZones lists ${zones.length === 0 ? 'no zone' : `only ${zones[0].name}`}. EKS needs subnets in at least two Availability Zones for the control plane; list two or more.`,
      });
      return;
    }
    for (const vpc of vpcs) {
      // Every subnet must have a known zone; a subnet known only by ID could be anywhere.
      if (!vpc.subnets.length || vpc.subnets.some((s) => s.az === undefined)) continue;
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
