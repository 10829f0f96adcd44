// Reads an eksctl ClusterConfig into the neutral network model. Field names and defaults follow
// the config file schema (https://eksctl.io/usage/schema/) and the VPC pages of the eksctl docs
// (https://eksctl.io/usage/vpc-configuration/, https://eksctl.io/usage/vpc-subnet-settings/,
// https://eksctl.io/usage/vpc-cluster-access/). A value that cannot be read (missing, not a
// literal, a template) is left out of the model, so rules stay silent about it.
import { isScalar, type Node } from 'yaml';
import type { StreamDocument } from '../../model/document';
import { entries, get, getIn, isTemplated, items, literalString, scalarText, type AnchorTable } from '../../model/nav';
import { parseCidr, type Cidr } from '../../net/cidr';
import { eksctlPodNetworking } from './cni';
import type { ClusterModel, NatMode, NetworkModel, NodeGroupModel, SubnetModel, SubnetTier, VpcModel, WrittenCidr } from '../../network/model';
import { looksLikeZoneName } from '../../network/zones';

/** eksctl's VPC CIDR when `vpc.cidr` is not set. */
export const EKSCTL_DEFAULT_VPC_CIDR = '192.168.0.0/16';
/** eksctl's node group defaults when sizes and instance types are not set. */
export const EKSCTL_DEFAULT_NODES = 2;
export const EKSCTL_DEFAULT_INSTANCE_TYPE = 'm5.large';
const NAT_MODES: readonly NatMode[] = ['HighlyAvailable', 'Single', 'Disable'];
// eksctl refuses a block smaller than /24 for a VPC it creates, whatever the zone count
// (validateVPCCIDR, called by SetSubnets in eksctl's pkg/vpc/vpc.go: "VPC CIDR prefix must be
// between /16 and /24"). It then splits the block into 8 equal parts (up to four zones: a public
// and a private subnet per zone) or 16 (five to eight zones), so /24 still leaves /28 subnets.
const EKSCTL_MAX_PREFIX = 24;

export function eksctlNetwork(doc: StreamDocument): NetworkModel {
  const a = doc.anchors;
  const root = doc.root;
  const vpcNode = get(root, 'vpc', a);
  const cluster = readCluster(root, vpcNode, a);
  // A local cluster on AWS Outposts runs its control plane on one rack by design.
  const vpc = { ...readVpc(vpcNode, a), servesEksControlPlane: !cluster.onOutposts };
  return { vpcs: [vpc], cluster, podNetworking: [eksctlPodNetworking(doc, cluster.ipFamily)] };
}

function cidrAt(node: Node | undefined, path: string): WrittenCidr | undefined {
  const text = literalString(node);
  if (!node || text === undefined || isTemplated(text)) return undefined;
  const parsed = parseCidr(text);
  return parsed.ok && parsed.value.family === 4 ? { cidr: parsed.value, node, path } : undefined;
}

function bool(node: Node | undefined): boolean | undefined {
  return isScalar(node) && typeof node.value === 'boolean' ? node.value : undefined;
}

function positiveInteger(node: Node | undefined): number | undefined {
  return isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) && node.value >= 0 ? node.value : undefined;
}

function stringList(node: Node | undefined, a: AnchorTable): Array<{ name: string; node: Node }> | undefined {
  if (node === undefined) return undefined;
  const out: Array<{ name: string; node: Node }> = [];
  for (const item of items(node, a)) {
    const text = literalString(item);
    if (text !== undefined && !isTemplated(text)) out.push({ name: text, node: item });
  }
  return out;
}

function readVpc(vpcNode: Node | undefined, a: AnchorTable): VpcModel {
  const subnets: SubnetModel[] = [];
  for (const tier of ['public', 'private'] as const) subnets.push(...readSubnets(getIn(vpcNode, ['subnets', tier], a), tier, a));
  // eksctl creates a VPC only when neither `vpc.id` nor any subnet is given; listed subnets are
  // always imported from an existing VPC (https://eksctl.io/usage/vpc-configuration/).
  const existing = get(vpcNode, 'id', a) !== undefined || subnets.length > 0;
  const cidrNode = get(vpcNode, 'cidr', a);
  const primary = cidrAt(cidrNode, 'vpc.cidr');
  // With no `vpc.cidr` eksctl creates 192.168.0.0/16; an existing VPC's range is not in the file.
  const defaultPrimary = !existing && cidrNode === undefined ? (parseCidr(EKSCTL_DEFAULT_VPC_CIDR) as { ok: true; value: Cidr }).value : undefined;
  // `vpc.extraCIDRs` are not VPC blocks: eksctl adds them to the control plane's security group so
  // that networks outside the VPC can reach the API (https://eksctl.io/usage/vpc-cluster-access/).
  // eksctl never associates secondary IPv4 blocks with the VPC it creates.
  const secondary: WrittenCidr[] = [];
  const gatewayNode = getIn(vpcNode, ['nat', 'gateway'], a);
  const gateway = literalString(gatewayNode);
  // eksctl manages NAT only for a VPC it creates; there the default is one NAT gateway.
  const nat = existing ? undefined : gateway && (NAT_MODES as readonly string[]).includes(gateway) ? { mode: gateway as NatMode, node: gatewayNode } : { mode: 'Single' as const };
  return {
    node: vpcNode,
    primary,
    defaultPrimary,
    secondary,
    subnets,
    existing,
    nat,
    mayHaveOtherBlocks: existing,
    ...(subnets.length ? { subnetsLookedUpBy: 'eksctl' } : {}),
    ...(existing ? {} : { createdBy: { tool: 'eksctl', maxPrefix: EKSCTL_MAX_PREFIX } }),
  };
}

// Subnets are a map per tier. The key is the subnet's name; when the entry has no `az` and the
// key is a zone name, the key is the Availability Zone (`us-west-2a: {cidr: …}`).
function readSubnets(tierNode: Node | undefined, tier: SubnetTier, a: AnchorTable): SubnetModel[] {
  const out: SubnetModel[] = [];
  for (const [name, value, pair] of entries(tierNode, a)) {
    const keyNode = (pair.key ?? value) as Node | undefined;
    if (!keyNode) continue;
    const azNode = get(value, 'az', a);
    const az = literalString(azNode);
    const cidr = cidrAt(get(value, 'cidr', a), `vpc.subnets.${tier}.${name}.cidr`);
    const id = literalString(get(value, 'id', a));
    out.push({
      name,
      node: keyNode,
      tier,
      cidr,
      id,
      // A free-form name (`private-one`) says nothing about the zone: eksctl finds it from the
      // subnet's `id` or `cidr` in an existing VPC. Only a key that reads as a zone is taken as one.
      ...(az !== undefined ? { az, azNode } : looksLikeZoneName(name) ? { az: name, azNode: keyNode } : {}),
    });
  }
  return out;
}

function readCluster(root: Node | null, vpcNode: Node | undefined, a: AnchorTable): ClusterModel {
  const regionNode = getIn(root, ['metadata', 'region'], a);
  const region = literalString(regionNode);
  const azNode = get(root, 'availabilityZones', a);
  const endpoints = get(vpcNode, 'clusterEndpoints', a);
  const publicAccessNode = get(endpoints, 'publicAccess', a);
  const cidrsNode = get(vpcNode, 'publicAccessCIDRs', a);
  const listed = stringList(cidrsNode, a);
  // A list with entries that cannot be read (templates, aliases to lists) is unknown, not empty.
  const publicAccessCidrs = cidrsNode === undefined ? undefined : listed && listed.length === items(cidrsNode, a).length ? listed.map(({ name, node }) => ({ text: name, node })) : null;
  const ipFamily = literalString(getIn(root, ['kubernetesNetworkConfig', 'ipFamily'], a))?.toLowerCase() === 'ipv6' ? 'IPv6' : 'IPv4';
  const nodeGroups: NodeGroupModel[] = [];
  for (const [key, managed] of [
    ['nodeGroups', false],
    ['managedNodeGroups', true],
  ] as const) {
    for (const ng of items(get(root, key, a), a)) {
      const group = readNodeGroup(ng, managed, a);
      if (group) nodeGroups.push(group);
    }
  }
  return {
    region,
    regionNode,
    availabilityZones: stringList(azNode, a),
    availabilityZonesNode: azNode,
    serviceCidr: cidrAt(getIn(root, ['kubernetesNetworkConfig', 'serviceIPv4CIDR'], a), 'kubernetesNetworkConfig.serviceIPv4CIDR'),
    ipFamily,
    endpoint: {
      // eksctl creates a public endpoint and no private one unless told otherwise.
      publicAccess: bool(publicAccessNode) ?? true,
      publicAccessNode,
      privateAccess: bool(get(endpoints, 'privateAccess', a)) ?? false,
      publicAccessCidrs,
      publicAccessCidrsNode: cidrsNode,
    },
    privateCluster: bool(getIn(root, ['privateCluster', 'enabled'], a)) ?? false,
    onOutposts: get(root, 'outpost', a) !== undefined,
    nodeGroups,
    node: getIn(root, ['metadata', 'name'], a),
  };
}

function readNodeGroup(ng: Node, managed: boolean, a: AnchorTable): NodeGroupModel | undefined {
  const nameNode = get(ng, 'name', a);
  const name = scalarText(nameNode);
  if (name === undefined || isTemplated(name)) return undefined;
  const privateNetworkingNode = get(ng, 'privateNetworking', a);
  // An instance type or size that is written but cannot be read (a template, an anchor to
  // nothing) makes the group's capacity unknown, rather than falling back to eksctl's defaults.
  let unreadable = false;
  const instanceTypes: string[] = [];
  const singleNode = get(ng, 'instanceType', a);
  const single = literalString(singleNode);
  if (singleNode !== undefined && (single === undefined || isTemplated(single))) unreadable = true;
  else if (single && single !== 'mixed') instanceTypes.push(single);
  for (const list of [get(ng, 'instanceTypes', a), getIn(ng, ['instancesDistribution', 'instanceTypes'], a)]) {
    if (list === undefined) continue;
    const listed = stringList(list, a) ?? [];
    if (listed.length !== items(list, a).length) unreadable = true;
    for (const { name: t } of listed) instanceTypes.push(t);
  }
  const size = (key: string) => {
    const node = get(ng, key, a);
    const value = positiveInteger(node);
    if (node !== undefined && value === undefined) unreadable = true;
    return { node, value };
  };
  const maxSize = size('maxSize');
  const desired = size('desiredCapacity');
  const minSize = size('minSize');
  const subnetsNode = get(ng, 'subnets', a);
  return {
    name,
    node: nameNode ?? ng,
    managed,
    privateNetworking: bool(privateNetworkingNode) ?? false,
    privateNetworkingNode,
    subnetRefs: stringList(subnetsNode, a)?.map(({ name: ref, node }) => ({ ref, node })),
    availabilityZones: stringList(get(ng, 'availabilityZones', a), a),
    instanceTypes,
    toolDefaults: { instanceType: EKSCTL_DEFAULT_INSTANCE_TYPE, nodes: EKSCTL_DEFAULT_NODES },
    // eksctl sizes a group by maxSize, else desiredCapacity, else minSize, else its default.
    maxSize: maxSize.value !== undefined ? { value: maxSize.value, node: maxSize.node } : undefined,
    desiredCapacity: desired.value ?? minSize.value,
    // `maxPodsPerNode` is a field of both nodeGroups and managedNodeGroups (NodeGroupBase in eksctl's
    // pkg/apis/eksctl.io/v1alpha5/types.go).
    maxPodsPerNode: positiveInteger(get(ng, 'maxPodsPerNode', a)),
    maxPodsPerNodeNode: get(ng, 'maxPodsPerNode', a),
    capacityUnknown: unreadable,
    ...readLabels(get(ng, 'labels', a), a),
  };
}

/** A node group's `labels` (NodeGroupBase.Labels, a map of strings, in eksctl's pkg/apis/eksctl.io/v1alpha5/types.go). */
function readLabels(node: Node | undefined, a: AnchorTable): Pick<NodeGroupModel, 'labels'> {
  const list = entries(node, a);
  if (!list.length) return {};
  const labels: Record<string, { value: string | null; node: Node }> = Object.create(null) as Record<string, { value: string | null; node: Node }>;
  for (const [key, value, pair] of list) {
    const text = literalString(value);
    const at = (value ?? pair.key) as Node | undefined;
    if (!at) continue;
    labels[key] = { value: text === undefined || isTemplated(text) ? null : text, node: at };
  }
  return { labels };
}
