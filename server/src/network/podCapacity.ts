// How many pods a node can run and how many subnet addresses it takes, for each way the Amazon
// VPC CNI hands out pod addresses; how many aligned /28 prefixes a subnet still has; what else
// takes addresses in a subnet; and, for a set of node groups, the demand on every subnet and the
// first scale event that exhausts one. Pure functions over plain numbers and `net/cidr.ts` blocks:
// the caller reads the files (CNI settings, instance limits, node groups, subnets) and passes them
// in. docs/pod-capacity.md explains every formula with its worked examples.
//
// Sources, each cited again where it is used:
//   [CALC] github.com/awslabs/amazon-eks-ami templates/al2/runtime/max-pods-calculator.sh
//          (commit 0ab842803d827b8087d78dd2eff0bc408caec771, the last one that has it; AL2 support
//          was removed from the repository in the next commit).
//   [IPAMD] github.com/aws/amazon-vpc-cni-k8s pkg/ipamd/ipamd.go
//          (commit b52188387f2e2f10bf289ace929d6a63b176a4fa): isDatastorePoolTooLow,
//          datastoreTargetState, getPrefixesNeeded, GetENIResourcesToAllocate, hasRoomForEni,
//          isConfigValid; pkg/awsutils/awsutils.go GetENIIPv4Limit (the primary address of each ENI
//          is never given to a pod).
//   [CNI-README] the same repository, README.md (WARM_ENI_TARGET, WARM_IP_TARGET,
//          MINIMUM_IP_TARGET, WARM_PREFIX_TARGET, MAX_ENI, ENABLE_POD_ENI, ENABLE_PREFIX_DELEGATION),
//          docs/eni-and-ip-target.md and docs/prefix-and-ip-target.md (worked tables), and
//          config/master/aws-k8s-cni.yaml / charts/aws-vpc-cni/values.yaml (the shipped defaults
//          WARM_ENI_TARGET=1, WARM_PREFIX_TARGET=1).
//   [VPC-RC] github.com/aws/amazon-vpc-resource-controller-k8s pkg/aws/vpc/limits.go
//          (commit b8d425119bdba371202882b808f202c6073a46cc: BranchInterface per type) and
//          pkg/aws/ec2/instance.go (trunk and branch ENIs go in the ENIConfig subnet under custom
//          networking, else in the node's subnet).
//   [EKS-NET] https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html
//          (github.com/awsdocs/amazon-eks-user-guide latest/ug/networking/network-reqs.adoc,
//          commit 4d52b4d05e3478582e7d10a73cbd9ba9194dd5f7).
//   [EKS-PD] https://docs.aws.amazon.com/eks/latest/userguide/cni-increase-ip-addresses-procedure.html
//   [VPC-SIZING] https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html
//   [ALB] https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#subnets-load-balancer
//   [MNG-UPDATE] https://docs.aws.amazon.com/eks/latest/userguide/managed-node-update-behavior.html
//          (also latest/ug/nodes/managed-node-update-behavior.adoc at the commit above).
import { type Cidr, type IpAddress } from '../net/cidr';

// ---------------------------------------------------------------------------------------------
// Inputs

/**
 * What the formulas need to know about an instance type. `instanceTypes.ts`'s limits fit it; a
 * field left out is unknown and the functions say so instead of guessing.
 */
export interface PodNetworkLimits {
  /** Network interfaces the VPC CNI can use (those of the default network card). */
  readonly enis: number;
  /** Private IPv4 addresses per interface, its primary address included. */
  readonly ipv4PerEni: number;
  /** vCPUs, for the 110/250 recommendation caps. */
  readonly vcpus?: number;
  /** The VPC CNI can use prefix delegation: a Nitro instance or bare metal (instanceTypes.ts's
   *  podNetworkLimits sets it so). Unknown counts as able to (the caller should say so). */
  readonly nitro?: boolean;
  /** Branch interfaces for security groups for pods; 0 when the type cannot have a trunk. */
  readonly branchEnis?: number;
}

/**
 * The values of the VPC CNI settings that change pod addressing (network/cni.ts reads them from the
 * files; its cniValues() gives this shape), named after the `aws-node` environment variables.
 * Leave a field undefined when it is not set; a setting the files do not let you read should be
 * handled by the caller (these functions cannot represent "unknown").
 */
export interface CniValues {
  /** ENABLE_PREFIX_DELEGATION. */
  readonly prefixDelegation?: boolean;
  /** AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: pods take addresses from the ENIConfig subnet, never from the primary ENI. */
  readonly customNetworking?: boolean;
  /** ENABLE_POD_ENI (security groups for pods): a trunk ENI takes one interface slot on types that can have one. */
  readonly podEni?: boolean;
  /** MAX_ENI: fewer interfaces than the type allows; ignored when not positive. */
  readonly maxEni?: number;
  /** WARM_ENI_TARGET (default 1). */
  readonly warmEniTarget?: number;
  /** WARM_IP_TARGET; a value above 0 (or a MINIMUM_IP_TARGET above 0) replaces the ENI and prefix targets. */
  readonly warmIpTarget?: number;
  /** MINIMUM_IP_TARGET. */
  readonly minimumIpTarget?: number;
  /** WARM_PREFIX_TARGET (1 as the add-on, manifest and Helm chart ship it). */
  readonly warmPrefixTarget?: number;
}

export type CniMode = 'secondary-ip' | 'prefix-delegation';

// ---------------------------------------------------------------------------------------------
// 1. Max pods per node

/** Addresses in one IPv4 prefix: a /28. [CALC] IPS_PER_PREFIX; [IPAMD] GetPrefixDelegationDefaults. */
export const IPS_PER_PREFIX = 16;
/**
 * The "+ 2" of every max-pods formula: two host-network pods (aws-node and kube-proxy) that need no
 * VPC address. [CALC]; misc/eni-max-pods.txt's header in aws/amazon-vpc-cni-k8s says the same.
 */
export const HOST_NETWORK_PODS = 2;
/** [CALC] MAX_POD_CEILING_FOR_LOW_CPU / _HIGH_CPU and the `CPU_COUNT -gt 30` test. */
export const RECOMMENDED_MAX_PODS_LOW_CPU = 110;
export const RECOMMENDED_MAX_PODS_HIGH_CPU = 250;
export const LOW_CPU_MAX_VCPUS = 30;

/**
 * Secondary-IP mode: every interface keeps its primary address for itself, so
 * `enis × (ipv4PerEni − 1) + 2`. [CALC] calculate_max_ip_addresses_secondary_ips; it is the
 * formula of eni-max-pods.txt (m5.large: 3 × 9 + 2 = 29).
 */
export function secondaryIpMaxPods(enis: number, ipv4PerEni: number): number {
  return Math.max(0, enis) * Math.max(0, ipv4PerEni - 1) + HOST_NETWORK_PODS;
}

/**
 * Prefix delegation: each secondary-address slot holds a /28 instead, so
 * `enis × (ipv4PerEni − 1) × 16 + 2`. [CALC] calculate_max_ip_addresses_prefix_delegation
 * (m5.large: 3 × 9 × 16 + 2 = 434).
 */
export function prefixDelegationMaxPods(enis: number, ipv4PerEni: number): number {
  return Math.max(0, enis) * Math.max(0, ipv4PerEni - 1) * IPS_PER_PREFIX + HOST_NETWORK_PODS;
}

/** The EKS recommendation's ceiling for a type: 110 up to 30 vCPUs, 250 above. [CALC] */
export function recommendedMaxPodsCeiling(vcpus: number): number {
  return vcpus > LOW_CPU_MAX_VCPUS ? RECOMMENDED_MAX_PODS_HIGH_CPU : RECOMMENDED_MAX_PODS_LOW_CPU;
}

export interface MaxPodsOptions {
  readonly prefixDelegation?: boolean;
  readonly customNetworking?: boolean;
  /** max-pods-calculator.sh's --cni-max-eni (the CNI's MAX_ENI); ignored when not positive. */
  readonly maxEni?: number;
}

export interface MaxPods {
  /** The mode the CNI really runs in: prefix delegation falls back to secondary IPs on a type that is not Nitro. */
  readonly mode: CniMode;
  /** Prefix delegation was asked for but the type is not Nitro ([IPAMD] isConfigValid; [CALC] IS_NITRO). */
  readonly fellBack: boolean;
  /** Interfaces that carry pod addresses. */
  readonly enisForPods: number;
  /** The formula, uncapped: what max-pods-calculator.sh prints with --show-max-allowed. */
  readonly max: number;
  /** The EKS recommendation, min(max, 110 or 250); undefined when the vCPU count is unknown. */
  readonly recommended: number | undefined;
  /** The ceiling applied to `recommended`. */
  readonly ceiling: number | undefined;
}

/**
 * Max pods for a type in a CNI mode, as [CALC] computes it: interfaces = min(--cni-max-eni, the
 * type's); minus one with custom networking (the primary interface carries no pods); the
 * prefix-delegation formula only on Nitro types; then the vCPU ceiling for the recommendation.
 * Worked examples (tests): m5.large 29 / 434 → 110 / custom networking 20; m5.24xlarge 737 → 250.
 * The ceiling applies in every mode, so m5.24xlarge in secondary-IP mode is recommended 250 too.
 */
export function maxPods(limits: PodNetworkLimits, options: MaxPodsOptions = {}): MaxPods {
  let enis = limits.enis;
  if (options.maxEni !== undefined && options.maxEni > 0) enis = Math.min(enis, options.maxEni);
  if (options.customNetworking) enis -= 1;
  enis = Math.max(0, enis);
  const fellBack = !!options.prefixDelegation && limits.nitro === false;
  const mode: CniMode = options.prefixDelegation && !fellBack ? 'prefix-delegation' : 'secondary-ip';
  const max = mode === 'prefix-delegation' ? prefixDelegationMaxPods(enis, limits.ipv4PerEni) : secondaryIpMaxPods(enis, limits.ipv4PerEni);
  const ceiling = limits.vcpus === undefined ? undefined : recommendedMaxPodsCeiling(limits.vcpus);
  return { mode, fellBack, enisForPods: enis, max, recommended: ceiling === undefined ? undefined : Math.min(max, ceiling), ceiling };
}

/**
 * Pods that can use security groups for pods on one node: one branch interface each, up to the
 * type's BranchInterface count ([VPC-RC] limits.go; m5.large 9). This is a cap of its own, beside
 * max pods: branch pods are counted by the kubelet like any pod but take no address from the CNI's
 * warm pool, and prefix delegation does not raise it ([CNI-README] ENABLE_POD_ENI and
 * ENABLE_PREFIX_DELEGATION). 0 when the type cannot have a trunk; undefined when unknown.
 */
export function branchEniPodLimit(limits: PodNetworkLimits): number | undefined {
  return limits.branchEnis;
}

// ---------------------------------------------------------------------------------------------
// 2. Addresses a node takes from its subnet(s)

/** What one node takes from one subnet. */
export interface SubnetShare {
  /** Single addresses: interfaces' primary addresses, secondary addresses, trunk and branch interfaces. */
  readonly addresses: number;
  /** /28 prefixes; each needs a free aligned /28 of the subnet. */
  readonly prefixes: number;
}

/** All the addresses of a share: singles plus 16 per prefix. */
export function shareAddresses(share: SubnetShare): number {
  return share.addresses + share.prefixes * IPS_PER_PREFIX;
}

export interface NodeAddressOptions {
  /**
   * The node's kubelet max pods. ipamd stops growing the pool once it holds this many addresses
   * ([IPAMD] isDatastorePoolTooLow: "If max pods has been reached, pool is not too low"). Leave it
   * out to cap only at what the interfaces can hold.
   */
  readonly kubeletMaxPods?: number;
  /** Pods on the node that use security groups for pods (each takes a branch interface). */
  readonly branchPods?: number;
}

export interface NodeAddressUse {
  readonly mode: CniMode;
  readonly fellBack: boolean;
  /** Pods that asked for an address. */
  readonly pods: number;
  /** Pods that got one: at most what the interfaces (and the kubelet's max pods) allow. */
  readonly podsPlaced: number;
  /** Interfaces the CNI attaches, the primary included; the trunk is counted apart. */
  readonly enis: number;
  /** Secondary addresses held (secondary-IP mode). */
  readonly secondaryIps: number;
  /** /28 prefixes held (prefix delegation). */
  readonly prefixes: number;
  /** 1 when security groups for pods put a trunk interface on the node. */
  readonly trunkEnis: number;
  /** Branch interfaces (one per security-group pod placed). */
  readonly branchEnis: number;
  /** What the node takes from the subnet it launches into. */
  readonly nodeSubnet: SubnetShare;
  /** With custom networking: what it takes from its ENIConfig's subnet. Undefined otherwise (all is in `nodeSubnet`). */
  readonly podSubnet: SubnetShare | undefined;
}

function setting(value: number | undefined, fallback: number): number {
  return value === undefined || !Number.isFinite(value) || value < 0 ? fallback : Math.floor(value);
}

const ceilDiv = (a: number, b: number): number => (b <= 0 ? 0 : Math.ceil(a / b));

/**
 * The addresses a node holds once ipamd has settled with `pods` pods that need a VPC address
 * (host-network pods need none), warm pool included. Steady state of [IPAMD]'s reconcile loop:
 *
 * - Interfaces: the type's, or MAX_ENI if lower ([IPAMD] getMaxENI), minus the trunk when
 *   ENABLE_POD_ENI is on and the type can have one ([IPAMD] hasRoomForEni); with custom networking
 *   the primary interface gets no pod addresses, so one fewer carries pods.
 * - Secondary-IP mode, WARM_ENI_TARGET = W (default 1): ipamd adds whole interfaces (ipv4PerEni − 1
 *   secondaries each) until W interfaces' worth is free, so pod interfaces = ⌈pods / k⌉ + W with
 *   k = ipv4PerEni − 1; with W = 0 it adds one only when nothing is free: ⌊pods / k⌋ + 1.
 *   [IPAMD] isDatastorePoolTooLow; [CNI-README] WARM_ENI_TARGET; docs/eni-and-ip-target.md
 *   (t3.small, 5 pods: 3 interfaces, 9 secondaries).
 * - Secondary-IP mode with WARM_IP_TARGET or MINIMUM_IP_TARGET above 0: they replace the ENI
 *   target; ipamd holds max(pods + WARM_IP_TARGET, MINIMUM_IP_TARGET) secondaries, spread over
 *   ⌈that / k⌉ interfaces. [IPAMD] datastoreTargetState; docs/eni-and-ip-target.md (p3dn.24xlarge,
 *   5 / 10, 45 pods: 50 secondaries on 2 interfaces).
 * - Prefix delegation, WARM_PREFIX_TARGET = P (1 as shipped): ⌈pods / 16⌉ + P prefixes (with P = 0,
 *   ⌊pods / 16⌋ + 1); with the IP targets set instead, ⌈max(pods + WARM_IP_TARGET,
 *   MINIMUM_IP_TARGET) / 16⌉. Prefixes fill an interface (k of them) before a new one is attached.
 *   [IPAMD] isDatastorePoolTooLow, getPrefixesNeeded, datastoreTargetState;
 *   docs/prefix-and-ip-target.md (t3.small, WARM_PREFIX_TARGET 1, 17 pods: 3 prefixes).
 * - Growth stops once the pool holds `kubeletMaxPods` addresses, and at what the interfaces hold.
 * - Every attached interface takes its primary address from the subnet it is in. Custom
 *   networking puts the node's primary interface (one address) in the node subnet and every other
 *   interface, with its secondaries or prefixes, in the ENIConfig subnet; the trunk and branch
 *   interfaces follow the pod subnet too ([VPC-RC] instance.go).
 * - A type that is not Nitro runs prefix delegation as secondary IPs ([IPAMD] isConfigValid).
 */
export function nodeAddressUse(limits: PodNetworkLimits, settings: CniValues, pods: number, options: NodeAddressOptions = {}): NodeAddressUse {
  const custom = !!settings.customNetworking;
  const fellBack = !!settings.prefixDelegation && limits.nitro === false;
  const mode: CniMode = settings.prefixDelegation && !fellBack ? 'prefix-delegation' : 'secondary-ip';
  const k = Math.max(0, limits.ipv4PerEni - 1);

  let enisMax = limits.enis;
  if (settings.maxEni !== undefined && settings.maxEni > 0) enisMax = Math.min(enisMax, settings.maxEni);
  const trunkEnis = settings.podEni && (limits.branchEnis ?? 0) > 0 && enisMax > 1 ? 1 : 0;
  enisMax = Math.max(1, enisMax - trunkEnis);
  const podEnisMax = Math.max(0, enisMax - (custom ? 1 : 0));
  // Pool units: secondary addresses or prefixes; each holds `unit` pod addresses.
  const unit = mode === 'prefix-delegation' ? IPS_PER_PREFIX : 1;
  const unitsMax = podEnisMax * k;
  const kubeletMax = options.kubeletMaxPods !== undefined && options.kubeletMaxPods >= 0 ? Math.floor(options.kubeletMaxPods) : Infinity;

  const asked = Math.max(0, Math.floor(pods));
  const placed = Math.min(asked, unitsMax * unit, kubeletMax);

  const warmIp = setting(settings.warmIpTarget, 0);
  const minimumIp = setting(settings.minimumIpTarget, 0);
  let units: number;
  // The pool grows in steps of `perStep` units: whole interfaces under WARM_ENI_TARGET, one prefix
  // under WARM_PREFIX_TARGET, what is short under the IP targets.
  let perStep = 1;
  if (warmIp > 0 || minimumIp > 0) {
    units = ceilDiv(Math.max(placed + warmIp, minimumIp), unit);
  } else {
    const warm = mode === 'prefix-delegation' ? setting(settings.warmPrefixTarget, 1) : setting(settings.warmEniTarget, 1);
    perStep = mode === 'prefix-delegation' ? 1 : Math.max(1, k);
    const steps = warm > 0 ? ceilDiv(placed, unit * perStep) + warm : Math.floor(placed / (unit * perStep)) + 1;
    units = steps * perStep;
  }
  // The pool stops growing once it holds the kubelet's max pods (the step that crosses it is
  // completed); it never holds more than the interfaces can.
  if (kubeletMax !== Infinity) units = Math.min(units, perStep * ceilDiv(Math.max(kubeletMax, placed), unit * perStep));
  units = Math.min(units, unitsMax);
  // Interfaces carrying pod addresses; without custom networking the primary is one of them.
  let podEnis = Math.min(podEnisMax, ceilDiv(units, k));
  if (!custom) podEnis = Math.max(1, podEnis);
  const enis = podEnis + (custom ? 1 : 0);

  const branchEnis = trunkEnis ? Math.min(Math.max(0, Math.floor(options.branchPods ?? 0)), limits.branchEnis ?? 0) : 0;
  const secondaryIps = mode === 'secondary-ip' ? units : 0;
  const prefixes = mode === 'prefix-delegation' ? units : 0;
  const podShare: SubnetShare = { addresses: podEnis + secondaryIps + trunkEnis + branchEnis, prefixes };
  return {
    mode,
    fellBack,
    pods: asked,
    podsPlaced: placed,
    enis,
    secondaryIps,
    prefixes,
    trunkEnis,
    branchEnis,
    nodeSubnet: custom ? { addresses: 1, prefixes: 0 } : podShare,
    podSubnet: custom ? podShare : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// 3. Prefix fragmentation

/** An inclusive range of addresses, as integers; a `Cidr` is one. */
export interface AddressRange {
  readonly first: bigint;
  readonly last: bigint;
}

/**
 * Addresses AWS keeps in every subnet: the first four and the last one ([VPC-SIZING]; the same
 * rule as `usableInSubnet` in ranges.ts).
 */
export const AWS_RESERVED_FIRST = 4;
export const AWS_RESERVED_LAST = 1;

export interface PrefixSpace {
  /** Aligned /28 blocks in the subnet (0 for a subnet smaller than a /28). */
  readonly blocks: number;
  /** Blocks holding an address AWS reserves: the first and the last /28, never assignable as a prefix. */
  readonly reservedBlocks: number;
  /** Other blocks holding at least one taken address. */
  readonly takenBlocks: number;
  /** Wholly free aligned /28 blocks: the prefixes the subnet can still give. */
  readonly freeBlocks: number;
  /** Usable addresses not taken, in any block. */
  readonly freeAddresses: number;
  /** Free addresses outside the wholly free blocks: where single addresses fit without costing a prefix. */
  readonly spareAddresses: number;
}

function rangeOf(item: AddressRange | IpAddress): AddressRange {
  return 'value' in item ? { first: item.value, last: item.value } : item;
}

/**
 * Counts the free aligned /28s of an IPv4 subnet, given what is already taken in it (blocks,
 * ranges or single addresses, in any order, overlapping or not; parts outside the subnet are
 * ignored). A prefix is an aligned /28 whose 16 addresses are all free, so a subnet can refuse a
 * prefix (`InsufficientCidrBlocks`) while it still has free addresses; EKS's advice is a subnet
 * CIDR reservation of type `prefix`, or subnets used only for prefix-delegation nodes ([EKS-PD]).
 * The first /28 holds AWS's four reserved addresses and the last /28 the reserved last address
 * ([VPC-SIZING]), so neither is ever free: a /24 has 16 blocks and at most 14 free; a /28 or /27
 * none. Work: O(t log t) for t taken ranges, independent of the subnet's size. Undefined for IPv6.
 */
export function prefixSpace(subnet: Cidr, taken: readonly (AddressRange | IpAddress)[] = []): PrefixSpace | undefined {
  if (subnet.family !== 4) return undefined;
  const size = Number(subnet.last - subnet.first + 1n);
  const usable = Math.max(0, size - AWS_RESERVED_FIRST - AWS_RESERVED_LAST);
  const blocks = Math.floor(size / IPS_PER_PREFIX);
  // Offsets inside the subnet, clipped, sorted and merged.
  const spans: Array<[number, number]> = [];
  for (const item of taken) {
    const r = rangeOf(item);
    if (r.last < subnet.first || r.first > subnet.last) continue;
    const a = Number((r.first < subnet.first ? subnet.first : r.first) - subnet.first);
    const b = Number((r.last > subnet.last ? subnet.last : r.last) - subnet.first);
    spans.push([a, b]);
  }
  spans.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const merged: Array<[number, number]> = [];
  for (const s of spans) {
    const top = merged[merged.length - 1];
    if (top && s[0] <= top[1] + 1) top[1] = Math.max(top[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  // Taken usable addresses: the merged spans minus the reserved addresses they cover.
  const reservedLo = AWS_RESERVED_FIRST - 1;
  const reservedHi = size - AWS_RESERVED_LAST;
  let takenUsable = 0;
  for (const [a, b] of merged) {
    const lo = Math.max(a, reservedLo + 1);
    const hi = Math.min(b, reservedHi - 1);
    if (hi >= lo) takenUsable += hi - lo + 1;
  }
  // Blocks touched by a taken span, not counting the first and last block (reserved anyway).
  const lastBlock = blocks - 1;
  let takenBlocks = 0;
  let counted = 0; // every block below this index has been counted or skipped
  for (const [a, b] of merged) {
    const from = Math.max(Math.floor(a / IPS_PER_PREFIX), counted, 1);
    const to = Math.min(Math.floor(b / IPS_PER_PREFIX), lastBlock - 1);
    if (to >= from) takenBlocks += to - from + 1;
    counted = Math.max(counted, to + 1);
  }
  const reservedBlocks = Math.min(blocks, 2);
  const freeBlocks = Math.max(0, blocks - reservedBlocks - takenBlocks);
  const freeAddresses = usable - takenUsable;
  return { blocks, reservedBlocks, takenBlocks, freeBlocks, freeAddresses, spareAddresses: freeAddresses - freeBlocks * IPS_PER_PREFIX };
}

export type Placement = 'packed' | 'scattered';

/**
 * Free /28 blocks left after `singles` more single addresses are assigned in the subnet. EC2
 * picks single addresses itself, so where they land is not known: `packed` (the best case) fills
 * the spare addresses of partly used blocks first and then whole blocks 16 at a time; `scattered`
 * (the worst case) puts each one in a different free block, so n addresses can spoil n blocks.
 */
export function freeBlocksAfter(space: PrefixSpace, singles: number, placement: Placement = 'packed'): number {
  const n = Math.max(0, singles);
  if (placement === 'scattered') return Math.max(0, space.freeBlocks - n);
  return Math.max(0, space.freeBlocks - ceilDiv(Math.max(0, n - space.spareAddresses), IPS_PER_PREFIX));
}

/** Whether `addresses` single addresses and `prefixes` /28s fit in what the subnet has free. */
export function fitsIn(space: PrefixSpace, addresses: number, prefixes: number, placement: Placement = 'packed'): boolean {
  if (addresses + prefixes * IPS_PER_PREFIX > space.freeAddresses) return false;
  return prefixes <= freeBlocksAfter(space, addresses, placement);
}

// ---------------------------------------------------------------------------------------------
// 4. Other consumers of subnet addresses

/**
 * The EKS control plane's cross-account interfaces: EKS creates 2 to 4 of them in the subnets
 * given to the cluster, and asks for at least 6 free addresses in each such subnet, 16
 * recommended ([EKS-NET] "Subnet requirements for clusters"). A cluster update replaces them
 * (new ones first), which is why the recommendation is higher than 4.
 */
export const EKS_CONTROL_PLANE_ENIS_MAX = 4;
export const EKS_CLUSTER_SUBNET_MIN_FREE = 6;
export const EKS_CLUSTER_SUBNET_RECOMMENDED_FREE = 16;
/**
 * An Application Load Balancer needs a subnet of at least a /27 with at least 8 free addresses in
 * each of its subnets, to scale its nodes there ([ALB] "Subnets for your load balancer").
 */
export const ALB_MIN_FREE_PER_SUBNET = 8;
export const ALB_MIN_SUBNET_PREFIX = 27;
/** A Network Load Balancer has one interface, so one address, in each subnet it is enabled in (https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html). */
export const NLB_ADDRESSES_PER_SUBNET = 1;
/** A NAT gateway has one primary private address in its subnet (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html); secondary addresses, if configured, are extra. */
export const NAT_GATEWAY_ADDRESSES = 1;
/** An interface VPC endpoint has one interface, so one address, in each subnet it is placed in (https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html). */
export const INTERFACE_ENDPOINT_ADDRESSES_PER_SUBNET = 1;
/** Managed node group updates: maxUnavailable defaults to 1 node and is at most 100 ([MNG-UPDATE] "Setup phase"). */
export const MNG_DEFAULT_MAX_UNAVAILABLE = 1;
export const MNG_MAX_UNAVAILABLE_QUOTA = 100;

/**
 * Extra nodes a managed node group launches during an update: EKS raises the Auto Scaling group's
 * maximum and desired size by the larger of twice its zone count and maxUnavailable, and may launch
 * up to two per zone so replacements stay in their zone ([MNG-UPDATE] "Scale up phase"; 5 zones
 * and maxUnavailable 1 → 10 nodes, maxUnavailable 20 → 20). `perZone` spreads the total evenly,
 * which is an estimate when maxUnavailable is the larger term.
 */
export function managedNodeGroupSurge(zones: number, maxUnavailable: number = MNG_DEFAULT_MAX_UNAVAILABLE): { readonly total: number; readonly perZone: number } {
  const z = Math.max(1, Math.floor(zones));
  const unavailable = Math.min(MNG_MAX_UNAVAILABLE_QUOTA, Math.max(1, Math.floor(maxUnavailable)));
  const total = Math.max(2 * z, unavailable);
  return { total, perZone: ceilDiv(total, z) };
}

// ---------------------------------------------------------------------------------------------
// 5. Demand per subnet and zone, and the first scale event

/** A subnet that node groups and other consumers draw on. */
export interface SubnetSupply {
  /** A key the groups refer to (a name or ID). */
  readonly id: string;
  readonly zone?: string;
  readonly cidr: Cidr;
  /** Addresses and blocks already in use or reserved (e.g. CIDR reservations of another type). */
  readonly taken?: readonly (AddressRange | IpAddress)[];
  /** Other consumers, as single addresses (see the constants above). */
  readonly others?: readonly { readonly consumer: string; readonly addresses: number }[];
}

/** One node group (or Karpenter NodePool, Auto Mode pool) at the scale the files allow. */
export interface GroupDemand {
  readonly name: string;
  /** Nodes at the largest size the files allow. */
  readonly maxNodes: number;
  /** Extra nodes during an update (see `managedNodeGroupSurge`); counted after `maxNodes`. */
  readonly surgeNodes?: number;
  readonly limits: PodNetworkLimits;
  readonly settings: CniValues;
  /** Pods per node that need a VPC address (host-network pods need none). */
  readonly podsPerNode: number;
  readonly kubeletMaxPods?: number;
  readonly branchPodsPerNode?: number;
  /** Subnets the nodes launch into; nodes are spread over them in turn, as an Auto Scaling group balances zones. */
  readonly nodeSubnets: readonly string[];
  /** Custom networking: the ENIConfig subnet of each node subnet (by id). */
  readonly podSubnets?: Readonly<Record<string, string>>;
}

export interface Consumer {
  readonly consumer: string;
  /** `nodes`: the group's nodes (everything, or the primary interfaces under custom networking); `pods`: its ENIConfig share; `surge`: update surge; `other`. */
  readonly kind: 'nodes' | 'pods' | 'surge' | 'other';
  readonly group?: string;
  readonly nodes?: number;
  readonly addresses: number;
  readonly prefixes: number;
}

export interface SubnetDemand {
  readonly id: string;
  readonly zone: string | undefined;
  readonly space: PrefixSpace;
  readonly addresses: number;
  readonly prefixes: number;
  /** `addresses + 16 × prefixes`. */
  readonly total: number;
  /** Largest first. */
  readonly consumers: readonly Consumer[];
  /** Free addresses left at full scale (negative when over). */
  readonly headroom: number;
  /** Does not fit even if EC2 packs single addresses as tightly as it can. */
  readonly exhausted: boolean;
  /** Fits only if single addresses do not land in free /28s (prefix delegation). */
  readonly atRisk: boolean;
}

export interface ScaleEvent {
  /** The group whose next node exhausts a subnet; undefined when the other consumers alone exhaust it. */
  readonly group: string | undefined;
  /** That group's node count when it happens (surge included when `duringSurge`). */
  readonly nodes: number;
  readonly duringSurge: boolean;
  readonly subnet: string;
  readonly zone: string | undefined;
  /** What ran out: free addresses, or free aligned /28s while addresses remain. */
  readonly shortOf: 'addresses' | 'prefixes';
}

export interface CapacityReport {
  readonly subnets: readonly SubnetDemand[];
  /** Per zone (subnets without a zone are grouped under ''): demand and free addresses summed. */
  readonly zones: ReadonlyMap<string, { readonly subnets: readonly string[]; readonly total: number; readonly freeAddresses: number }>;
  /** The first exhaustion as the groups grow together, or undefined when everything fits. */
  readonly firstEvent: ScaleEvent | undefined;
  /** Groups that name a subnet not in the supply list (they are left out). */
  readonly unknownSubnets: readonly string[];
  /** Subnet evaluations the search made: a measure of work, for tests. */
  readonly work: number;
}

/** One group's per-node cost in each of its slots (slot i = its i-th node subnet). */
interface Slot {
  readonly costs: ReadonlyArray<{ readonly subnet: number; readonly kind: 'nodes' | 'pods'; readonly addresses: number; readonly prefixes: number }>;
}
interface Prepared {
  readonly group: GroupDemand;
  readonly slots: readonly Slot[];
  readonly total: number; // maxNodes + surge
}

/** Nodes of a group in slot `i` once it has `n` nodes, spread in turn over `s` slots. */
function inSlot(n: number, i: number, s: number): number {
  return Math.floor(n / s) + (i < n % s ? 1 : 0);
}

/**
 * Sums every group's demand at full scale (max nodes plus surge) into per-subnet demand with a
 * per-consumer breakdown, and finds the first scale event: the groups grow one node at a time in
 * turn (round r adds the r-th node of every group that has one, in the order given; each group's
 * nodes go to its subnets in turn), and the event is the first node after which some subnet's free
 * addresses, or free aligned /28s with `packed` placement, no longer cover the demand.
 *
 * Demand only grows, so the search bisects on the step number: O(G × S × log(N × G)) subnet-cost
 * terms for G groups of at most S subnets each and N nodes in the largest group, never O(N²).
 */
export function subnetDemand(supply: readonly SubnetSupply[], groups: readonly GroupDemand[], placement: Placement = 'packed'): CapacityReport {
  const index = new Map<string, number>();
  supply.forEach((s, i) => index.set(s.id, i));
  const spaces = supply.map((s) => prefixSpace(s.cidr, s.taken) ?? { blocks: 0, reservedBlocks: 0, takenBlocks: 0, freeBlocks: 0, freeAddresses: 0, spareAddresses: 0 });
  const base = supply.map((s) => (s.others ?? []).reduce((sum, o) => sum + Math.max(0, o.addresses), 0));
  const unknown = new Set<string>();

  const prepared: Prepared[] = [];
  for (const group of groups) {
    const use = nodeAddressUse(group.limits, group.settings, group.podsPerNode, { kubeletMaxPods: group.kubeletMaxPods, branchPods: group.branchPodsPerNode });
    const slots: Slot[] = [];
    for (const id of group.nodeSubnets) {
      const nodeAt = index.get(id);
      if (nodeAt === undefined) {
        unknown.add(id);
        continue;
      }
      const costs: Slot['costs'][number][] = [{ subnet: nodeAt, kind: 'nodes', ...use.nodeSubnet }];
      if (use.podSubnet) {
        const podId = group.podSubnets?.[id];
        const podAt = podId === undefined ? undefined : index.get(podId);
        if (podAt === undefined) unknown.add(podId ?? `${id} (no ENIConfig subnet)`);
        else costs.push({ subnet: podAt, kind: 'pods', ...use.podSubnet });
      }
      slots.push({ costs });
    }
    if (!slots.length) continue;
    prepared.push({ group, slots, total: Math.max(0, Math.floor(group.maxNodes)) + Math.max(0, Math.floor(group.surgeNodes ?? 0)) });
  }

  let work = 0;
  /** Demand per subnet when each prepared group has `counts[g]` nodes. */
  const demandAt = (counts: readonly number[]): { addresses: number[]; prefixes: number[] } => {
    const addresses = [...base];
    const prefixes = supply.map(() => 0);
    prepared.forEach((p, g) => {
      p.slots.forEach((slot, i) => {
        const n = inSlot(counts[g]!, i, p.slots.length);
        for (const c of slot.costs) {
          work++;
          addresses[c.subnet]! += n * c.addresses;
          prefixes[c.subnet]! += n * c.prefixes;
        }
      });
    });
    return { addresses, prefixes };
  };
  const shortage = (d: { addresses: number[]; prefixes: number[] }): { subnet: number; shortOf: 'addresses' | 'prefixes' } | undefined => {
    for (let s = 0; s < supply.length; s++) {
      const space = spaces[s]!;
      const a = d.addresses[s]!;
      const p = d.prefixes[s]!;
      if (a + p * IPS_PER_PREFIX > space.freeAddresses) return { subnet: s, shortOf: 'addresses' };
      if (p > freeBlocksAfter(space, a, placement)) return { subnet: s, shortOf: 'prefixes' };
    }
    return undefined;
  };

  // Full scale, with the breakdown.
  const full = demandAt(prepared.map((p) => p.total));
  const subnets: SubnetDemand[] = supply.map((s, si) => {
    const consumers: Consumer[] = (s.others ?? []).map((o) => ({ consumer: o.consumer, kind: 'other' as const, addresses: Math.max(0, o.addresses), prefixes: 0 }));
    for (const p of prepared) {
      const max = Math.max(0, Math.floor(p.group.maxNodes));
      for (const [part, from, to] of [
        ['main', 0, max],
        ['surge', max, p.total],
      ] as const) {
        const byKind = new Map<'nodes' | 'pods', { nodes: number; addresses: number; prefixes: number }>();
        p.slots.forEach((slot, i) => {
          const n = inSlot(to, i, p.slots.length) - inSlot(from, i, p.slots.length);
          for (const c of slot.costs) {
            if (c.subnet !== si || n === 0) continue;
            const entry = byKind.get(c.kind) ?? { nodes: 0, addresses: 0, prefixes: 0 };
            entry.nodes += n;
            entry.addresses += n * c.addresses;
            entry.prefixes += n * c.prefixes;
            byKind.set(c.kind, entry);
          }
        });
        for (const [kind, e] of byKind) {
          consumers.push({ consumer: p.group.name, group: p.group.name, kind: part === 'surge' ? 'surge' : kind, nodes: e.nodes, addresses: e.addresses, prefixes: e.prefixes });
        }
      }
    }
    consumers.sort((x, y) => shareAddresses(y) - shareAddresses(x));
    const space = spaces[si]!;
    const addresses = full.addresses[si]!;
    const prefixes = full.prefixes[si]!;
    const total = addresses + prefixes * IPS_PER_PREFIX;
    const exhausted = !fitsIn(space, addresses, prefixes, 'packed');
    return {
      id: s.id,
      zone: s.zone,
      space,
      addresses,
      prefixes,
      total,
      consumers,
      headroom: space.freeAddresses - total,
      exhausted,
      atRisk: !exhausted && !fitsIn(space, addresses, prefixes, 'scattered'),
    };
  });

  const zones = new Map<string, { subnets: string[]; total: number; freeAddresses: number }>();
  for (const d of subnets) {
    const z = zones.get(d.zone ?? '') ?? { subnets: [], total: 0, freeAddresses: 0 };
    z.subnets.push(d.id);
    z.total += d.total;
    z.freeAddresses += d.space.freeAddresses;
    zones.set(d.zone ?? '', z);
  }

  // The first scale event. Step t of phase 1 is round ⌊t / G⌋ with the groups before t mod G
  // grown once more, up to each group's max nodes; phase 2 then adds the surge nodes the same way.
  // Demand only grows with t, so bisect on it.
  let firstEvent: ScaleEvent | undefined;
  const G = prepared.length;
  const mains = prepared.map((p) => Math.max(0, Math.floor(p.group.maxNodes)));
  const phase1 = G ? Math.max(0, ...mains) * G : 0;
  const last = G ? phase1 + Math.max(0, ...prepared.map((p, g) => p.total - mains[g]!)) * G : 0;
  const countsAt = (t: number): number[] => {
    const inPhase2 = t > phase1;
    const u = inPhase2 ? t - phase1 : t;
    const r = Math.floor(u / G);
    const i = u % G;
    return prepared.map((p, g) => {
      const grown = r + (g < i ? 1 : 0);
      return inPhase2 ? mains[g]! + Math.min(p.total - mains[g]!, grown) : Math.min(mains[g]!, grown);
    });
  };
  const atZero = shortage(demandAt(prepared.map(() => 0)));
  if (atZero) {
    firstEvent = { group: undefined, nodes: 0, duringSurge: false, subnet: supply[atZero.subnet]!.id, zone: supply[atZero.subnet]!.zone, shortOf: atZero.shortOf };
  } else if (G && shortage(demandAt(countsAt(last)))) {
    let lo = 0; // fits
    let hi = last; // short
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (shortage(demandAt(countsAt(mid)))) hi = mid;
      else lo = mid;
    }
    const found = shortage(demandAt(countsAt(hi)))!;
    // The node added at step hi: hi is minimal, so it is a real addition.
    const duringSurge = hi > phase1;
    const u = duringSurge ? hi - phase1 : hi;
    const g = (u - 1) % G;
    const nodes = (duringSurge ? mains[g]! : 0) + Math.floor((u - 1) / G) + 1;
    firstEvent = { group: prepared[g]!.group.name, nodes, duringSurge, subnet: supply[found.subnet]!.id, zone: supply[found.subnet]!.zone, shortOf: found.shortOf };
  }
  return { subnets, zones, firstEvent, unknownSubnets: [...unknown], work };
}
