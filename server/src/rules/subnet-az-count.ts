import { defineRule } from '../engine/rule';
import { networkOf } from '../network/model';
import type { StreamDocument } from '../model/document';
import { entries, get, literalString } from '../model/nav';

export default defineRule({
  meta: {
    code: 'subnet-az-count',
    severity: 'error',
    kinds: ['eksctl', 'cloudformation'],
    title: "The cluster's subnets or Availability Zones cover fewer than two zones",
    docs: 'docs/rules/subnet-az-count.md',
  },
  check({ doc, report }) {
    const { vpcs, cluster } = networkOf(doc);
    // A local cluster on AWS Outposts runs its control plane on one rack by design.
    if (doc.kind === 'eksctl' && (!cluster || cluster.onOutposts)) return;
    const zones = cluster?.availabilityZones;
    if (cluster && zones && cluster.availabilityZonesNode && zones.length < 2 && zones.length === countItems(cluster.availabilityZonesNode)) {
      report({
        target: cluster.availabilityZonesNode,
        message: `availabilityZones lists ${zones.length === 0 ? 'no zone' : `only ${zones[0].name}`}. EKS needs subnets in at least two Availability Zones for the control plane; list two or more.`,
      });
      return;
    }
    for (const vpc of vpcs) {
      // Every subnet must have a known zone; a subnet known only by ID could be anywhere.
      if (!vpc.subnets.length || vpc.subnets.some((s) => s.az === undefined)) continue;
      // A CloudFormation VPC is held to EKS's rule only when it is evidently for EKS; subnets on an
      // AWS Outposts rack (OutpostArn) serve a local cluster: one rack, one zone.
      if (doc.kind === 'cloudformation' && (!isForEks(doc, vpc.subnets.map((s) => s.name)) || vpc.subnets.some((s) => onOutpost(doc, s.name)))) continue;
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

/**
 * A VPC of a template is for EKS when the template defines a cluster or says EKS in its
 * Description, or when one of the VPC's subnets carries a Kubernetes tag (`kubernetes.io/…`, as
 * AWS's EKS sample VPC templates do for load balancers).
 */
function isForEks(doc: StreamDocument, subnetIds: readonly string[]): boolean {
  const a = doc.anchors;
  if (/\bEKS\b/.test(literalString(get(doc.root, 'Description', a)) ?? '')) return true;
  for (const [id, resource] of entries(get(doc.root, 'Resources', a), a)) {
    const type = literalString(get(resource, 'Type', a));
    if (type === 'AWS::EKS::Cluster') return true;
    if (type !== 'AWS::EC2::Subnet' || !subnetIds.includes(id)) continue;
    const tags = get(get(resource, 'Properties', a), 'Tags', a);
    for (const tag of (tags as { items?: unknown[] } | undefined)?.items ?? []) {
      if (literalString(get(tag, 'Key', a))?.startsWith('kubernetes.io/')) return true;
    }
  }
  return false;
}

function onOutpost(doc: StreamDocument, logicalId: string): boolean {
  const a = doc.anchors;
  return get(get(get(get(doc.root, 'Resources', a), logicalId, a), 'Properties', a), 'OutpostArn', a) !== undefined;
}
