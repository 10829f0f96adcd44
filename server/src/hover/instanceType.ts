// Hover on an EC2 instance type where a file names the type its nodes run: the type's network
// limits (network/instanceTypes.ts), the pods a node can run in each VPC CNI mode and the subnet
// addresses one node takes (network/podCapacity.ts, explained in docs/pod-capacity.md).
//
// Where instance types are written (each checked against its reference):
// * eksctl ClusterConfig (https://eksctl.io/usage/schema/; github.com/eksctl-io/eksctl
//   pkg/apis/eksctl.io/v1alpha5/types.go @ 99984adb6164ece593c0728523b7f497ea61d60e):
//   `instanceType` is in NodeGroupBase, so in both `nodeGroups[]` and `managedNodeGroups[]`;
//   `instanceTypes[]` is ManagedNodeGroup's only; `instancesDistribution.instanceTypes[]`
//   (NodeGroupInstancesDistribution) is NodeGroup's only. With an instances distribution or an
//   instance selector, eksctl wants `instanceType` unset or `mixed` (validation.go): not a type
//   name, so no hover.
// * CloudFormation: `AWS::EKS::Nodegroup` `Properties.InstanceTypes[]`
//   (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-eks-nodegroup.html)
//   and `AWS::EC2::LaunchTemplate` `Properties.LaunchTemplateData.InstanceType`
//   (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-launchtemplate-launchtemplatedata.html).
// * Karpenter NodePool (`karpenter.sh/v1`, https://karpenter.sh/docs/concepts/nodepools/; the
//   v1beta1 API has the same path): `spec.template.spec.requirements[]` holds node selector
//   requirements; one with `key: node.kubernetes.io/instance-type` and `operator: In` lists types in
//   `values[]`. Other operators (NotIn, Exists, Gt, …) do not name the types nodes run, so no hover.
//
// What the hover shows is computed with the VPC CNI's default settings (WARM_ENI_TARGET=1,
// WARM_PREFIX_TARGET=1 as the add-on ships them), and says so: it does not read the cluster's CNI
// settings yet.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { getIn, literalString } from '../model/nav';
import type { Place } from '../model/locate';
import type { StreamDocument } from '../model/document';
import { instanceNetworkLimits, LIMITS_GENERATED_AT, podNetworkLimits, type InstanceNetworkLimits } from '../network/instanceTypes';
import { HOST_NETWORK_PODS, IPS_PER_PREFIX, maxPods, nodeAddressUse, shareAddresses, type PodNetworkLimits } from '../network/podCapacity';
import { escapeMarkdown } from './markdown';

/** The Karpenter label that holds the instance type (a well-known Kubernetes label). */
const INSTANCE_TYPE_LABEL = 'node.kubernetes.io/instance-type';

/** An EC2 instance type name: a family with a digit (`m5`, `c7g-flex`, `u-12tb1`), a dot and a size. */
const TYPE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*\.(nano|micro|small|medium|large|\d*xlarge|metal(-\d+xl)?)$/i;

/** Whether the place is a value where a file names an instance type (see the header). */
export function isInstanceTypePlace(place: Place): boolean {
  if (place.isKey) return false;
  const { doc, path } = place;
  const at = (...pattern: string[]) => pattern.length === path.length && pattern.every((p, i) => p === '*' || p === path[i]);
  switch (doc.kind) {
    case 'eksctl':
      return (
        at('nodeGroups', '*', 'instanceType') ||
        at('managedNodeGroups', '*', 'instanceType') ||
        at('managedNodeGroups', '*', 'instanceTypes', '*') ||
        at('nodeGroups', '*', 'instancesDistribution', 'instanceTypes', '*')
      );
    case 'cloudformation': {
      if (path[0] !== 'Resources' || path.length < 4 || path[2] !== 'Properties') return false;
      const type = literalString(getIn(doc.root, ['Resources', path[1]!, 'Type'], doc.anchors));
      if (type === 'AWS::EKS::Nodegroup') return at('Resources', '*', 'Properties', 'InstanceTypes', '*');
      if (type === 'AWS::EC2::LaunchTemplate') return at('Resources', '*', 'Properties', 'LaunchTemplateData', 'InstanceType');
      return false;
    }
    case 'kubernetes':
      return (
        doc.objectKind === 'NodePool' &&
        !!doc.apiVersion?.startsWith('karpenter.sh/') &&
        at('spec', 'template', 'spec', 'requirements', '*', 'values', '*') &&
        karpenterInstanceTypeRequirement(doc, place)
      );
    default:
      return false;
  }
}

/** Whether the requirement holding the hovered value selects instance types with `In`. */
function karpenterInstanceTypeRequirement(doc: StreamDocument, place: Place): boolean {
  const requirements = getIn(doc.root, ['spec', 'template', 'spec', 'requirements'], doc.anchors);
  if (!isSeq(requirements)) return false;
  const at = place.node.range?.[0];
  if (at === undefined) return false;
  // The item written around the cursor (placeAt does not follow aliases, so neither does this).
  const item = requirements.items.find((i): i is Node => !!(i as Node | null)?.range && (i as Node).range![0] <= at && at <= (i as Node).range![1]);
  if (!isMap(item)) return false;
  return literalString(getIn(item, ['key'], doc.anchors)) === INSTANCE_TYPE_LABEL && literalString(getIn(item, ['operator'], doc.anchors)) === 'In';
}

/**
 * The Markdown for an instance type under the cursor; undefined when the place is not where a type
 * is written, or the value is a template or not a type name (the glossary may then answer).
 */
export function instanceTypeHover(place: Place): string | undefined {
  if (!isScalar(place.node) || typeof place.node.value !== 'string') return undefined;
  // A CloudFormation intrinsic (`!Ref InstanceType`) names a parameter, not a type.
  const tag = place.node.tag;
  if (tag && !tag.startsWith('tag:yaml.org,2002:')) return undefined;
  // Looked up as written: the table's names are lower case, and a name with spaces or capitals is
  // not one EC2 lists (instanceNetworkLimits itself would forgive both).
  const text = place.node.value;
  if (!text || text.length > 64 || text.includes('{{') || text.includes('${')) return undefined;
  if (!isInstanceTypePlace(place)) return undefined;
  const known = text === text.trim().toLowerCase();
  const limits = known ? instanceNetworkLimits(text) : undefined;
  const pod = known ? podNetworkLimits(text) : undefined;
  if (!limits || !pod) {
    if (!TYPE_NAME.test(text)) return undefined;
    return `**${escapeMarkdown(text)}** · EC2 instance type\n\nNot in eks-lens's instance-type table (generated ${LIMITS_GENERATED_AT.slice(0, 10)}): its network limits are unknown. It may be newer than the table, or misspelt.`;
  }
  return describeType(text, limits, pod);
}

const n = (x: number): string => x.toLocaleString('en-US');

function describeType(name: string, limits: InstanceNetworkLimits, pod: PodNetworkLimits): string {
  const lines: string[] = [];
  const hypervisor = limits.bareMetal ? 'bare metal (Nitro system)' : limits.nitro ? 'Nitro' : 'not Nitro (Xen)';
  const cpus = limits.vcpus === undefined ? 'vCPUs unknown' : `${limits.vcpus} vCPU${limits.vcpus === 1 ? '' : 's'}`;
  lines.push(`**${escapeMarkdown(name)}** · EC2 instance type · ${cpus} · ${hypervisor}`);

  let network = `${limits.enis} ENIs × ${limits.ipv4PerEni} IPv4 addresses each`;
  if (limits.networkCards > 1) network += ` on the default network card (the type has ${limits.networkCards} cards; the VPC CNI puts pod addresses on the default card's ENIs)`;
  lines.push(`${network}.`);

  const secondary = maxPods(pod);
  const prefix = maxPods(pod, { prefixDelegation: true });
  const custom = maxPods(pod, { customNetworking: true });
  const recommended = (m: typeof secondary) => (m.recommended === undefined ? 'no EKS recommendation (vCPUs unknown)' : `EKS recommends ${n(m.recommended)}`);
  const rows = [
    `| Secondary IP (default) | ${n(secondary.max)} · ${recommended(secondary)} |`,
    `| Prefix delegation | ${prefix.fellBack ? 'not available: not Nitro' : `${n(prefix.max)} · ${recommended(prefix)}`} |`,
    `| Custom networking | ${n(custom.max)} · ${recommended(custom)} |`,
    `| Security groups for pods | ${limits.branchEnis > 0 ? `${n(limits.branchEnis)} pods with their own security groups (branch ENIs)` : 'not supported: no trunk ENI on this type'} |`,
  ];
  lines.push(['| VPC CNI mode | Max pods per node |', '|---|---|', ...rows].join('\n'));

  // Addresses at full pods: the kubelet's max pods less the two host-network pods that need none.
  // Secondary IP: the uncapped value the EKS AMIs set by default; prefix delegation: the
  // recommended value EKS tells you to set (the uncapped formula when the vCPUs are unknown).
  const uses: string[] = [];
  const secondaryUse = nodeAddressUse(pod, {}, secondary.max - HOST_NETWORK_PODS, { kubeletMaxPods: secondary.max });
  uses.push(
    `secondary IP at ${n(secondary.max)} pods: **${n(shareAddresses(secondaryUse.nodeSubnet))}** (${secondaryUse.enis} ENI${secondaryUse.enis === 1 ? '' : 's'}, ${n(secondaryUse.secondaryIps)} secondary IPs)`,
  );
  if (!prefix.fellBack) {
    const target = prefix.recommended ?? prefix.max;
    const prefixUse = nodeAddressUse(pod, { prefixDelegation: true }, target - HOST_NETWORK_PODS, { kubeletMaxPods: target });
    uses.push(
      `prefix delegation at ${n(target)} pods: **${n(shareAddresses(prefixUse.nodeSubnet))}** (${prefixUse.enis} ENI${prefixUse.enis === 1 ? '' : 's'}, ${n(prefixUse.prefixes)} /28 prefixes of ${IPS_PER_PREFIX} addresses, each a free aligned /28)`,
    );
  }
  lines.push(`Subnet addresses one node takes: ${uses.join('; ')}.`);
  lines.push(`With the VPC CNI's default settings (WARM_ENI_TARGET=1, WARM_PREFIX_TARGET=1); the hover does not read your CNI settings. Limits table generated ${LIMITS_GENERATED_AT.slice(0, 10)}.`);
  return lines.join('\n\n');
}
