import { defineRule } from '../engine/rule';
import { isScalar } from 'yaml';
import { replaceScalar } from '../model/edits';
import { getIn } from '../model/nav';
import { formatsWith, networkOf } from '../formats';

export default defineRule({
  meta: {
    code: 'eks-private-nodes-no-nat',
    severity: 'warning',
    kinds: formatsWith('network'),
    title: 'A node group uses private subnets, but NAT is disabled and the cluster is not fully private',
    docs: 'docs/rules/eks-private-nodes-no-nat.md',
  },
  check({ doc, report }) {
    const { vpcs, cluster } = networkOf(doc);
    if (!cluster || cluster.privateCluster) return;
    const vpc = vpcs[0];
    // An existing VPC keeps its own routes; eksctl creates no NAT gateway for it either way.
    if (!vpc || vpc.existing || vpc.nat?.mode !== 'Disable') return;
    for (const ng of cluster.nodeGroups) {
      if (!ng.privateNetworking || !ng.privateNetworkingNode) continue;
      report({
        target: ng.privateNetworkingNode,
        message: `Node group ${ng.name} runs in private subnets, but vpc.nat.gateway is Disable and privateCluster is not enabled: its nodes have no route to the internet, so they cannot pull images or reach the EKS API to join. Enable a NAT gateway (Single or HighlyAvailable) or make the cluster fully private.`,
        related: vpc.nat.node ? [{ target: vpc.nat.node, message: 'NAT gateway disabled here' }] : undefined,
      });
    }
  },
  // The rule fires only when `vpc.nat.gateway: Disable` is written, so the value is there to change.
  fix({ doc }) {
    const gateway = getIn(doc.root, ['vpc', 'nat', 'gateway'], doc.anchors);
    if (!isScalar(gateway) || gateway.value !== 'Disable') return [];
    return [
      { title: 'Set vpc.nat.gateway to Single (one NAT gateway for the VPC)', edits: [replaceScalar(gateway, doc, 'Single')] },
      { title: 'Set vpc.nat.gateway to HighlyAvailable (a NAT gateway in each Availability Zone)', edits: [replaceScalar(gateway, doc, 'HighlyAvailable')] },
    ];
  },
});
