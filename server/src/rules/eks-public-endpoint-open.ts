import { defineRule } from '../engine/rule';
import { networkOf } from '../network/model';

export default defineRule({
  meta: {
    code: 'eks-public-endpoint-open',
    severity: 'information',
    kinds: ['eksctl'],
    title: "The cluster's API endpoint is public and open to every address",
    docs: 'docs/rules/eks-public-endpoint-open.md',
  },
  check({ doc, report }) {
    const cluster = networkOf(doc).cluster;
    // A local cluster on AWS Outposts always has a private-only endpoint.
    if (!cluster || cluster.privateCluster || cluster.onOutposts || !cluster.endpoint.publicAccess) return;
    const { publicAccessCidrs, publicAccessCidrsNode, publicAccessNode } = cluster.endpoint;
    const advice = "Anyone can reach the Kubernetes API (credentials are still required). Limit vpc.publicAccessCIDRs to the ranges you work from, or turn off public access; when you limit it, also turn on private access (or list the nodes' NAT addresses), or nodes cannot reach the API to join.";
    if (publicAccessCidrs === undefined) {
      const target = publicAccessNode ?? cluster.node;
      if (target) report({ target, message: `The API endpoint is public and vpc.publicAccessCIDRs is not set, so it admits 0.0.0.0/0. ${advice}` });
      return;
    }
    if (publicAccessCidrs === null) return;
    const open = publicAccessCidrs.find((c) => c.text === '0.0.0.0/0');
    if (open) report({ target: open.node, message: `The API endpoint is public and vpc.publicAccessCIDRs includes 0.0.0.0/0. ${advice}` });
    else if (publicAccessCidrs.length === 0 && publicAccessCidrsNode) {
      // An empty list means the default: every address.
      report({ target: publicAccessCidrsNode, message: `The API endpoint is public and vpc.publicAccessCIDRs is empty, which means 0.0.0.0/0. ${advice}` });
    }
  },
});
