import { isMap } from 'yaml';
import { defineRule, type RuleContext } from '../engine/rule';
import { templateOf } from '../formats/cloudformation/template';
import type { Value } from '../formats/cloudformation/intrinsics';
import { get, items } from '../model/nav';
import { formatsWith, networkOf } from '../formats';

export default defineRule({
  meta: {
    code: 'eks-public-endpoint-open',
    severity: 'information',
    kinds: formatsWith('network'),
    title: "The cluster's API endpoint is public and open to every address",
    docs: 'docs/rules/eks-public-endpoint-open.md',
  },
  check(context) {
    if (context.doc.kind === 'cloudformation') return checkTemplate(context);
    const { doc, report } = context;
    const cluster = networkOf(doc).cluster;
    // A local cluster on AWS Outposts always has a private-only endpoint.
    if (!cluster || cluster.privateCluster || cluster.onOutposts || !cluster.endpoint.publicAccess) return;
    const { publicAccessCidrs, publicAccessCidrsNode, publicAccessNode } = cluster.endpoint;
    const advice =
      "Anyone can reach the Kubernetes API (credentials are still required). Limit vpc.publicAccessCIDRs to the ranges you work from, or turn off public access; when you limit it, also turn on private access (or list the nodes' NAT addresses), or nodes cannot reach the API to join.";
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

const CFN_ADVICE =
  "Anyone can reach the Kubernetes API (credentials are still required). Limit ResourcesVpcConfig.PublicAccessCidrs to the ranges you work from, or set EndpointPublicAccess to false; when you limit it, also set EndpointPrivateAccess to true (or list the nodes' NAT addresses), or nodes cannot reach the API to join.";

// AWS::EKS::Cluster ResourcesVpcConfig: left out, EndpointPublicAccess is true and PublicAccessCidrs
// 0.0.0.0/0, the EKS API's defaults (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-eks-cluster-resourcesvpcconfig.html,
// https://docs.aws.amazon.com/eks/latest/APIReference/API_VpcConfigRequest.html). Values behind a
// `Ref` to a parameter are read from its Default; anything else that cannot be read is not judged.
function checkTemplate({ doc, report }: RuleContext): void {
  const t = templateOf(doc);
  const a = doc.anchors;
  for (const cluster of t.ofType('AWS::EKS::Cluster')) {
    // A local cluster on AWS Outposts has a private endpoint only.
    if (t.prop(cluster, 'OutpostConfig') !== undefined) continue;
    const vpcConfig = t.prop(cluster, 'ResourcesVpcConfig');
    // Written as a mapping, or its keys cannot be known (an `Fn::If` of two configurations).
    if (!isMap(vpcConfig)) continue;
    const publicNode = get(vpcConfig, 'EndpointPublicAccess', a);
    const isPublic = publicNode === undefined ? 'true' : readBoolean(t.ev.evaluate(publicNode));
    if (isPublic !== 'true') continue;
    const cidrsNode = get(vpcConfig, 'PublicAccessCidrs', a);
    if (cidrsNode === undefined) {
      report({
        target: publicNode ?? cluster.keyNode,
        message: `The API endpoint of cluster ${cluster.id} is public and ResourcesVpcConfig.PublicAccessCidrs is not set, so it admits 0.0.0.0/0. ${CFN_ADVICE}`,
      });
      continue;
    }
    // A list written out, or a list parameter's Default (`!Ref AllowedCidrs`).
    const listed = t.ev.evaluate(cidrsNode);
    if (listed.kind !== 'list') continue;
    const at = listed.items.findIndex((v) => v.kind === 'string' && v.value === '0.0.0.0/0');
    if (at < 0) continue;
    const open = listed.items[at] as Extract<Value, { kind: 'string' }>;
    const from = open.from[0] ?? listed.from[0];
    report({
      target: items(cidrsNode, a)[at] ?? cidrsNode,
      message: `The API endpoint of cluster ${cluster.id} is public and ResourcesVpcConfig.PublicAccessCidrs includes 0.0.0.0/0${from ? ` (${t.ev.labelOf(from)})` : ''}. ${CFN_ADVICE}`,
    });
  }
}

/** `true` / `false` as CloudFormation reads a Boolean (case-insensitive strings too); undefined when unknown. */
function readBoolean(value: Value): 'true' | 'false' | undefined {
  if (value.kind !== 'string') return undefined;
  const text = value.value.toLowerCase();
  return text === 'true' || text === 'false' ? text : undefined;
}
