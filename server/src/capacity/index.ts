// Pod address capacity of one cluster, as one document (and the rest of the workspace) declares it:
// the glue between what the formats read (the network model's node groups, subnets and pod
// networking; the workspace's aws-node DaemonSets) and the pure formulas of network/podCapacity.ts.
// The subnet-capacity and max-pods rules read it; the simulator and the hover/map gauges are meant
// to. docs/pod-capacity.md explains the formulas; docs/rules/subnet-capacity.md what is assumed here.
//
// The entry points:
// - `podNetworkingFor(network, workspace)`: the CNI values the cluster's nodes run with, where they
//   come from, and the settings that could not be read;
// - `groupPlans(cluster, vpc, networking)`: each node group at the largest size the file allows
//   (nodes, update surge, instance type, kubelet max pods, addresses per node, subnets), and the
//   groups it cannot size, with the reason;
// - `clusterCapacity(network, workspace)`: both, fed to `subnetDemand`, with the result per subnet.
//
// Nothing here guesses a value the files do not give: a setting that cannot be read makes the
// whole result `unknown` (with its reason), and a group that cannot be sized is listed as skipped.
import type { CniSettingName, CniSettings, PodNetworking } from '../network/cni';
import { cniValues } from '../network/cni';
import { maxPods, nodeAddressUse, managedNodeGroupSurge, subnetDemand, EKS_CLUSTER_SUBNET_MIN_FREE, HOST_NETWORK_PODS, RECOMMENDED_MAX_PODS_LOW_CPU } from '../network/podCapacity';
import type { CapacityReport, CniValues, GroupDemand, NodeAddressUse, PodNetworkLimits, SubnetSupply } from '../network/podCapacity';
import { defaultMaxPods, podNetworkLimits } from '../network/instanceTypes';
import type { ClusterModel, NetworkModel, NodeGroupModel, SubnetModel, VpcModel } from '../network/model';
import type { CniSettingsFact, Place, WorkspaceView } from '../workspace/facts';
import type { Cidr } from '../net/cidr';

// ---------------------------------------------------------------------------------------------
// Pod networking

/** Where the CNI values come from. */
export type CniSource =
  /** The document's vpc-cni add-on (declared, or the one EKS and eksctl install by default). */
  | { readonly kind: 'document'; readonly addonDeclared: boolean }
  /** The only aws-node DaemonSet of the workspace, when the document declares no vpc-cni add-on. */
  | { readonly kind: 'aws-node'; readonly place: Place };

export type PodNetworkingUse =
  | {
      readonly known: true;
      readonly values: CniValues;
      readonly source: CniSource;
      /** The cluster's pods get IPv6 addresses: subnet IPv4 capacity does not limit them. */
      readonly ipv6: boolean;
    }
  | { readonly known: false; readonly reason: string; readonly unknown?: readonly CniSettingName[] };

function sameValues(a: CniValues, b: CniValues): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof CniValues>;
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * How the cluster of `network` gives its pods addresses. The document's own pod networking
 * (`NetworkModel.podNetworking`: its vpc-cni add-on, declared or installed by default) applies,
 * except when the document declares no vpc-cni add-on and the workspace holds aws-node DaemonSets:
 * those are then how the CNI is run (a self-managed CNI, or default add-ons disabled), and their
 * settings apply if they all agree on the capacity settings. DaemonSets that disagree, or a setting
 * that cannot be read, make the result unknown: the callers stay silent rather than guess.
 * The cluster's first `podNetworking` entry is used (an eksctl ClusterConfig has exactly one).
 */
export function podNetworkingFor(network: NetworkModel, workspace?: WorkspaceView): PodNetworkingUse {
  const pods: PodNetworking | undefined = network.podNetworking?.[0];
  const ipv6 = (pods?.ipFamily ?? network.cluster?.ipFamily) === 'IPv6';
  if (pods?.autoMode.state === 'unknown') return { known: false, reason: 'whether EKS Auto Mode is on cannot be read' };
  const daemonSets: CniSettingsFact[] = [];
  for (const facts of workspace?.others ?? []) for (const f of facts.cniSettings ?? []) if (f.source === 'aws-node') daemonSets.push(f);
  if (daemonSets.length && !pods?.addonDeclared) {
    const read = daemonSets.map((d) => ({ fact: d, ...cniValues(d.cni) }));
    const unknown = [...new Set(read.flatMap((r) => r.unknown))];
    if (unknown.length) return { known: false, reason: `the aws-node DaemonSet's ${unknown.join(', ')} cannot be read`, unknown };
    if (read.some((r) => !sameValues(r.values, read[0]!.values))) return { known: false, reason: 'the workspace has aws-node DaemonSets with different settings' };
    return { known: true, values: read[0]!.values, source: { kind: 'aws-node', place: { uri: read[0]!.fact.uri, range: read[0]!.fact.range } }, ipv6 };
  }
  if (!pods) return { known: true, values: {}, source: { kind: 'document', addonDeclared: false }, ipv6 };
  const { values, unknown } = cniValues(pods.cni as CniSettings<unknown>);
  if (unknown.length) return { known: false, reason: `the VPC CNI's ${unknown.join(', ')} cannot be read`, unknown };
  return { known: true, values, source: { kind: 'document', addonDeclared: pods.addonDeclared }, ipv6 };
}

// ---------------------------------------------------------------------------------------------
// Node groups

/** A subnet of the VPC by a key unique across tiers (eksctl may name a public and a private subnet alike). */
export function subnetKey(subnet: SubnetModel): string {
  return `${subnet.tier ?? ''}/${subnet.name}`;
}

/**
 * The subnets a node group launches into, as eksctl picks them, when every one is in the file with a
 * CIDR; undefined otherwise. A `subnets` list is looked up by name or ID, in the group's own tier
 * first; without one, every subnet of the group's tier (`privateNetworking`), kept to the group's
 * `availabilityZones` (https://eksctl.io/usage/vpc-subnet-settings/).
 */
export function groupSubnets(group: NodeGroupModel, vpc: VpcModel): SubnetModel[] | undefined {
  const tier = group.privateNetworking ? 'private' : 'public';
  let chosen: SubnetModel[];
  if (group.subnetRefs) {
    chosen = [];
    const ordered = [...vpc.subnets.filter((s) => s.tier === tier), ...vpc.subnets.filter((s) => s.tier !== tier)];
    for (const { ref } of group.subnetRefs) {
      const subnet = ordered.find((s) => s.name === ref) ?? ordered.find((s) => s.id === ref);
      if (!subnet) return undefined;
      chosen.push(subnet);
    }
  } else {
    chosen = vpc.subnets.filter((s) => s.tier === tier);
    const zones = group.availabilityZones?.map((z) => z.name);
    if (zones) {
      if (chosen.some((s) => s.az === undefined)) return undefined;
      chosen = chosen.filter((s) => zones.includes(s.az!));
    }
  }
  return chosen.length && chosen.every((s) => s.cidr) ? chosen : undefined;
}

/** Where the kubelet's max pods of a group comes from. */
export type MaxPodsSource =
  /** eksctl `maxPodsPerNode`. */
  | 'written'
  /** The EKS AMIs' default: the secondary-IP formula of eni-max-pods.txt (uncapped). */
  | 'ami-default'
  /** A managed node group: EKS sets the recommended value (the formula capped at 110 or 250). */
  | 'managed-recommended';

/** One node group at the largest scale its file allows. */
export interface GroupPlan {
  readonly group: NodeGroupModel;
  /** `maxSize`, else `desiredCapacity`, else eksctl's default of 2. */
  readonly nodes: number;
  /** Extra nodes a managed node group's update launches (0 for self-managed groups). */
  readonly surge: number;
  /** The instance type counted: of several, the one whose node takes the fewest addresses. */
  readonly instanceType: string;
  /** False when the type is not in eks-lens's table and `maxPodsPerNode` stands in (see `limits`). */
  readonly typeKnown: boolean;
  readonly limits: PodNetworkLimits;
  readonly kubeletMaxPods: number;
  readonly maxPodsSource: MaxPodsSource;
  /** Pods per node that need a VPC address: max pods minus the two host-network pods. */
  readonly podsPerNode: number;
  /** What one full node holds, warm pool included. */
  readonly use: NodeAddressUse;
  readonly subnets: readonly SubnetModel[];
}

export interface SkippedGroup {
  readonly group: NodeGroupModel;
  readonly reason: string;
}

/**
 * The kubelet max pods a group's nodes get on a type: `maxPodsPerNode` when written; for a managed
 * node group, the value EKS calculates for it, which it caps at 110 below 30 vCPUs and 250 above,
 * with or without prefix delegation (awsdocs/amazon-eks-user-guide
 * latest/ug/networking/eks-networking-add-ons.adoc at 4d52b4d05e3478582e7d10a73cbd9ba9194dd5f7:
 * "Managed node groups enforces a maximum number on the value of maxPods"; the formula is
 * max-pods-calculator.sh's, `maxPods().recommended`; with the vCPU count unknown, the lower cap);
 * for a self-managed group, the AMI's default, eni-max-pods.txt's secondary-IP formula
 * (instanceTypes.ts, `defaultMaxPods`). A managed group with a custom AMI (`ami`) gets what its
 * bootstrap sets instead; the network model does not say, so it is counted as managed.
 */
export function kubeletMaxPodsOf(group: NodeGroupModel, type: string, limits: PodNetworkLimits | undefined, values: CniValues): { value: number; source: MaxPodsSource } | undefined {
  if (group.maxPodsPerNode !== undefined) return { value: group.maxPodsPerNode, source: 'written' };
  if (!limits) return undefined;
  const m = maxPods(limits, { prefixDelegation: values.prefixDelegation, customNetworking: values.customNetworking, maxEni: values.maxEni });
  if (group.managed) return { value: m.recommended ?? Math.min(m.max, RECOMMENDED_MAX_PODS_LOW_CPU), source: 'managed-recommended' };
  const pods = defaultMaxPods(type);
  return pods === undefined ? undefined : { value: pods, source: 'ami-default' };
}

/**
 * Sizes each node group of the cluster. A group is skipped (with its reason) when its size or
 * instance type cannot be read, its subnets are not all in the file with a CIDR, or its instance
 * type is unknown and no `maxPodsPerNode` says how many pods a node takes (with prefix delegation,
 * an unknown type is always skipped: whether it can use prefixes is not known).
 */
export function groupPlans(cluster: ClusterModel, vpc: VpcModel, values: CniValues): { plans: GroupPlan[]; skipped: SkippedGroup[] } {
  const plans: GroupPlan[] = [];
  const skipped: SkippedGroup[] = [];
  for (const group of cluster.nodeGroups) {
    if (group.capacityUnknown) {
      skipped.push({ group, reason: 'its size or instance type cannot be read' });
      continue;
    }
    const nodes = group.maxSize?.value ?? group.desiredCapacity ?? group.toolDefaults?.nodes;
    if (nodes === undefined) {
      skipped.push({ group, reason: 'its size is not written and the tool that creates it has no default' });
      continue;
    }
    if (nodes <= 0) {
      skipped.push({ group, reason: 'it has no nodes' });
      continue;
    }
    const subnets = groupSubnets(group, vpc);
    if (!subnets) {
      skipped.push({ group, reason: 'its subnets are not all in the file with a CIDR' });
      continue;
    }
    const types = group.instanceTypes.length ? group.instanceTypes : group.toolDefaults ? [group.toolDefaults.instanceType] : [];
    let best: Omit<GroupPlan, 'group' | 'nodes' | 'surge' | 'subnets'> | undefined;
    let missing: string | undefined;
    for (const type of types) {
      const known = podNetworkLimits(type);
      const kubelet = kubeletMaxPodsOf(group, type, known, values);
      if (!kubelet || (!known && values.prefixDelegation)) {
        missing = type;
        break;
      }
      const podsPerNode = Math.max(0, kubelet.value - HOST_NETWORK_PODS);
      // An unknown type with maxPodsPerNode: the least it can hold, one interface with an address per pod.
      const limits: PodNetworkLimits = known ?? { enis: 1, ipv4PerEni: podsPerNode + 1, nitro: false, branchEnis: 0 };
      const use = nodeAddressUse(limits, values, podsPerNode, { kubeletMaxPods: kubelet.value });
      const total = nodeTotal(use);
      if (!best || total < nodeTotal(best.use)) best = { instanceType: type, typeKnown: !!known, limits, kubeletMaxPods: kubelet.value, maxPodsSource: kubelet.source, podsPerNode, use };
    }
    if (missing !== undefined || !best) {
      const reason = missing !== undefined ? `instance type ${missing} is not in eks-lens's table` : 'no instance type is written and the tool that creates it has no default';
      skipped.push({ group, reason });
      continue;
    }
    const zones = new Set(subnets.map((s) => s.az ?? s.name)).size;
    const surge = group.managed ? managedNodeGroupSurge(zones).total : 0;
    plans.push({ group, nodes, surge, subnets, ...best });
  }
  return { plans, skipped };
}

/** Addresses one node takes from the subnet it launches into (prefixes counted as 16). */
export function nodeTotal(use: NodeAddressUse): number {
  return use.nodeSubnet.addresses + use.nodeSubnet.prefixes * 16;
}

// ---------------------------------------------------------------------------------------------
// The cluster

export interface ClusterCapacity {
  readonly known: true;
  readonly vpc: VpcModel;
  readonly networking: Extract<PodNetworkingUse, { known: true }>;
  readonly plans: readonly GroupPlan[];
  readonly skipped: readonly SkippedGroup[];
  /** The subnets in the file with a CIDR, in `report.subnets` order (`report.subnets[i].id` is `subnetKey(subnets[i])`). */
  readonly subnets: readonly SubnetModel[];
  /** Per-subnet demand at full scale (update surge included), its consumers, and the first scale event. */
  readonly report: CapacityReport;
  /** Custom networking: pods take addresses from ENIConfig subnets, which are not read yet; only the
   *  node subnets' share (each node's primary interface) is in `report`. */
  readonly podSubnetsUnchecked: boolean;
}

/**
 * What-if changes for the simulator (`eks-lens capacity`'s levers): the model is re-run with them,
 * never adjusted by hand. Without changes, `clusterCapacity` reads the file as written.
 */
export interface CapacityChanges {
  /** CNI values set over the ones the cluster runs with (e.g. `{ prefixDelegation: true }`). */
  readonly cni?: Partial<CniValues>;
  /** Subnets (by `subnetKey`) given another CIDR. */
  readonly cidrs?: ReadonlyMap<string, Cidr>;
  /** Custom networking pod subnets (ENIConfigs), one per zone: each node subnet's pods go to the one
   *  of its zone. They are appended to `report.subnets` after the file's subnets. */
  readonly podSubnets?: readonly { readonly id: string; readonly zone: string; readonly cidr: Cidr }[];
}

export type CapacityResult = ClusterCapacity | { readonly known: false; readonly reason: string };

/** The consumer name of the EKS control plane's share of a subnet. */
export const CONTROL_PLANE_CONSUMER = 'EKS control plane';

/**
 * The capacity of the cluster a document declares, at the largest scale the file allows. Supply:
 * every subnet of its (first) VPC written with a CIDR and, for each cluster subnet, EKS's required
 * free addresses for its control plane interfaces (6: each cluster subnet must keep at least 6 for
 * EKS, https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html, awsdocs/amazon-eks-user-guide
 * latest/ug/networking/network-reqs.adoc at 4d52b4d05e3478582e7d10a73cbd9ba9194dd5f7).
 * Demand: each sized node group (`groupPlans`), its update surge for managed groups. Load
 * balancers, NAT gateways and endpoints are not in a ClusterConfig and are not counted.
 * Unknown (with the reason) for an IPv6 cluster, EKS Auto Mode or CNI settings that cannot be read.
 */
export function clusterCapacity(network: NetworkModel, workspace?: WorkspaceView, changes: CapacityChanges = {}): CapacityResult {
  const cluster = network.cluster;
  const vpc = network.vpcs[0];
  if (!cluster || !vpc) return { known: false, reason: 'the document declares no cluster with a VPC' };
  const read = podNetworkingFor(network, workspace);
  if (!read.known) return read;
  const networking = changes.cni ? { ...read, values: { ...read.values, ...changes.cni } } : read;
  if (networking.ipv6 || cluster.ipFamily === 'IPv6') return { known: false, reason: 'pods get IPv6 addresses' };
  const { plans, skipped } = groupPlans(cluster, vpc, networking.values);
  const subnets = vpc.subnets.filter((s) => s.cidr && s.cidr.cidr.family === 4);
  // eksctl gives the control plane its public and private subnets, only the private ones with Auto
  // Mode or on Outposts (eksctl-io/eksctl pkg/cfn/builder/vpc_ipv4.go ControlPlaneSubnetRefs, commit
  // 99984adb6164ece593c0728523b7f497ea61d60e; `vpc.controlPlaneSubnetIDs` and
  // `vpc.controlPlaneOnPrivateSubnets` are not read yet).
  const autoMode = network.podNetworking?.[0]?.autoMode;
  const privateOnly = cluster.onOutposts || (autoMode?.state === 'known' && autoMode.value === true);
  const supply: SubnetSupply[] = subnets.map((s) => ({
    id: subnetKey(s),
    zone: s.az,
    cidr: changes.cidrs?.get(subnetKey(s)) ?? s.cidr!.cidr,
    others: privateOnly && s.tier !== 'private' ? [] : [{ consumer: CONTROL_PLANE_CONSUMER, addresses: EKS_CLUSTER_SUBNET_MIN_FREE }],
  }));
  // Custom networking with pod subnets given: each node subnet's pods go to the pod subnet of its zone.
  const pods = changes.podSubnets ?? [];
  for (const p of pods) supply.push({ id: p.id, zone: p.zone, cidr: p.cidr });
  const podSubnetOf = (ids: readonly string[]): Record<string, string> | undefined => {
    if (!pods.length) return undefined;
    const out: Record<string, string> = {};
    for (const id of ids) {
      const zone = subnets.find((s) => subnetKey(s) === id)?.az;
      const pod = pods.find((p) => p.zone === zone);
      if (pod) out[id] = pod.id;
    }
    return out;
  };
  const groups: GroupDemand[] = plans.map((p) => ({
    name: p.group.name,
    maxNodes: p.nodes,
    surgeNodes: p.surge,
    limits: p.limits,
    settings: networking.values,
    podsPerNode: p.podsPerNode,
    kubeletMaxPods: p.kubeletMaxPods,
    nodeSubnets: p.subnets.map(subnetKey),
    podSubnets: podSubnetOf(p.subnets.map(subnetKey)),
  }));
  const report = subnetDemand(supply, groups);
  return { known: true, vpc, networking, plans, skipped, subnets, report, podSubnetsUnchecked: !!networking.values.customNetworking && !pods.length };
}
