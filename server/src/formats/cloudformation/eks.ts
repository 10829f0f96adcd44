// When a CloudFormation template is about EKS, so that rules that hold only for EKS (two zones for
// the control plane, zone IDs EKS refuses) apply to it. The one place that decides it.
//
// Evidence is what CloudFormation or EKS acts on, never prose: a Description or a resource's name
// that says "EKS" is ignored, since plenty of VPC templates mention EKS as one possible use. A
// template is for EKS when
//   - it declares a resource of the AWS::EKS namespace (Cluster, Nodegroup, FargateProfile, Addon,
//     AccessEntry, PodIdentityAssociation, …): each creates a cluster or acts on a named one; or
//   - a subnet carries a tag that EKS or its load balancer controller reads: `kubernetes.io/cluster/
//     <name>` (the subnet is shared with or owned by that cluster), `kubernetes.io/role/elb` or
//     `kubernetes.io/role/internal-elb` (the subnet is for the cluster's load balancers).
//     https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html#node-subnet-reqs
// A parameter that takes a cluster name is not evidence: nothing in the template ties it to the VPC.
import type { Node } from 'yaml';
import { memo, type StreamDocument } from '../../model/document';
import { get, items, literalString, scalarText } from '../../model/nav';
import { intrinsicOf } from './intrinsics';
import { templateOf } from './template';

const EKS_SUBNET_TAG = /^kubernetes\.io\/(cluster\/.+|role\/(elb|internal-elb))$/;

/** True when the template declares an AWS::EKS::* resource. */
export function declaresEksResource(doc: StreamDocument): boolean {
  return memo(doc, 'cfnDeclaresEks', () => [...templateOf(doc).resources.values()].some((r) => r.type.startsWith('AWS::EKS::')));
}

/** True when the subnet (a logical ID) carries an EKS or load-balancer tag. */
export function subnetTaggedForEks(doc: StreamDocument, subnetId: string): boolean {
  const t = templateOf(doc);
  const subnet = t.resources.get(subnetId);
  if (subnet?.type !== 'AWS::EC2::Subnet') return false;
  const a = doc.anchors;
  return items(t.prop(subnet, 'Tags'), a).some((tag) => EKS_SUBNET_TAG.test(tagKeyShape(doc, get(tag, 'Key', a)) ?? ''));
}

/**
 * A tag key as far as its shape goes: a literal, or the text of `Fn::Sub` / `Fn::Join` with each
 * unresolved part kept as `?` (`kubernetes.io/cluster/${ClusterName}` still names a cluster).
 */
function tagKeyShape(doc: StreamDocument, node: Node | undefined, depth = 0): string | undefined {
  const literal = literalString(node);
  if (literal !== undefined || depth > 4) return literal;
  const call = intrinsicOf(node, doc);
  if (call?.name === 'Fn::Sub') return scalarText(call.arg) ?? scalarText(items(call.arg, doc.anchors)[0]);
  if (call?.name === 'Fn::Join') {
    const [sep, list] = items(call.arg, doc.anchors);
    return items(list, doc.anchors)
      .map((part) => tagKeyShape(doc, part, depth + 1) ?? '?')
      .join(literalString(sep) ?? '');
  }
  return call ? '?' : undefined;
}

/**
 * True when a VPC of the template, known by the logical IDs of its subnets, is for EKS: the
 * template declares an EKS resource, or one of those subnets is tagged for EKS.
 */
export function vpcIsForEks(doc: StreamDocument, subnetIds: readonly string[]): boolean {
  return declaresEksResource(doc) || subnetIds.some((id) => subnetTaggedForEks(doc, id));
}
