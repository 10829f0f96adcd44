import type { Node } from 'yaml';
import { defineRule, type RelatedPlace } from '../engine/rule';
import { vpcIsForEks } from '../formats/cloudformation/eks';
import { templateOf, type Template } from '../formats/cloudformation/template';
import { get, items } from '../model/nav';
import { EKS_UNSUPPORTED_ZONE_IDS } from '../network/zones';
import { networkOf } from '../formats';

// Only zone IDs are checked: a zone name (us-east-1e) is mapped to a physical zone per account, so
// the same name is an allowed zone in one account and use1-az3 in another. eksctl has no field for
// zone IDs, so the rule reads CloudFormation only.
export default defineRule({
  meta: {
    code: 'subnet-az-unsupported',
    severity: 'error',
    kinds: ['cloudformation'],
    title: 'A subnet for EKS is in a zone ID where EKS does not accept cluster subnets',
    docs: 'docs/rules/subnet-az-unsupported.md',
  },
  check({ doc, report }) {
    const t = templateOf(doc);
    const clusterSubnets = subnetsOfClusters(t);
    for (const vpc of networkOf(doc).vpcs) {
      const ids = vpc.subnets.map((s) => s.name);
      if (!vpcIsForEks(doc, ids)) continue;
      for (const id of ids) {
        const subnet = t.resources.get(id);
        const node = subnet && t.prop(subnet, 'AvailabilityZoneId');
        const value = t.ev.evaluate(node);
        if (!node || value.kind !== 'string') continue;
        const region = EKS_UNSUPPORTED_ZONE_IDS.get(value.value);
        if (!region) continue;
        const cluster = clusterSubnets.get(id);
        const related: RelatedPlace[] = value.from.map((from) => ({ target: from, message: `${value.value} comes from ${t.ev.labelOf(from)}` }));
        if (cluster) related.push({ target: cluster.node, message: `cluster ${cluster.id} uses subnet ${id}` });
        report({
          target: node,
          severity: cluster ? 'error' : 'warning',
          message: cluster
            ? `Subnet ${id} is in zone ${value.value} (${region}), where EKS does not accept cluster subnets: creating cluster ${cluster.id} fails with UnsupportedAvailabilityZoneException. Use a subnet in another zone of ${region} for the cluster.`
            : `Subnet ${id} is in zone ${value.value} (${region}), where EKS does not accept cluster subnets. Nodes may run there, but do not give this subnet to the cluster itself; put the cluster's subnets in other zones of ${region}.`,
          related: related.length ? related : undefined,
        });
      }
    }
  },
});

/** The subnets (logical IDs) each AWS::EKS::Cluster of the template names in ResourcesVpcConfig.SubnetIds. */
function subnetsOfClusters(t: Template): Map<string, { id: string; node: Node }> {
  const out = new Map<string, { id: string; node: Node }>();
  for (const cluster of t.ofType('AWS::EKS::Cluster')) {
    for (const item of items(get(t.prop(cluster, 'ResourcesVpcConfig'), 'SubnetIds', t.doc.anchors), t.doc.anchors)) {
      const ref = t.refOf(item);
      if (ref && !out.has(ref)) out.set(ref, { id: cluster.id, node: item });
    }
  }
  return out;
}
