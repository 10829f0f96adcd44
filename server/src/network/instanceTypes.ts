// EC2 network limits of every instance type AWS's generated files list, and the pod counts the
// Amazon VPC CNI derives from them. The numbers live in instanceTypes.data.ts, which
// scripts/gen-instance-types.mjs writes from AWS repositories (docs/instance-types.md says how to
// run it); this module parses that table once, on first use, and answers questions about it.
//
// Where each field comes from (the data file's header names the exact commits and dates):
// * enis, ipv4PerEni, networkCards, nitro, bareMetal, branchEnis: the VPCLimits table that AWS
//   generates from EC2 DescribeInstanceTypes plus its internal branch-ENI limits, published as
//   github.com/aws/amazon-vpc-resource-controller-k8s pkg/aws/vpc/limits.go and copied, more
//   recently generated, into github.com/aws/karpenter-provider-aws
//   pkg/providers/instancetype/zz_generated.vpclimits.go (the generator takes the newer). Types
//   neither lists come from the VPC CNI's own table (aws/amazon-vpc-cni-k8s
//   pkg/vpc/vpc_ip_resource_limit.go), with 0 branch ENIs.
//   `enis` is the default network card's MaximumNetworkInterfaces, not the VPCLimits `Interface`
//   field, which on multi-card types counts the interfaces of every card (p5.48xlarge: 64 in all,
//   2 on its default card). The VPC CNI attaches pod ENIs to the default card only: see the NOTE
//   in github.com/aws/amazon-vpc-cni-k8s misc/eni-max-pods.txt.
// * Cross-check: that same eni-max-pods.txt. For every type both list, the generator verifies
//   enis × (ipv4PerEni − 1) + 2 equals the file's value, and stops on any difference.
// * vcpus: VCpuInfo.DefaultVCpus, as the `karpenter.k8s.aws/instance-cpu` label of Karpenter's
//   generated reference page (aws/karpenter-provider-aws website/content/en/*/reference/
//   instance-types.md; the label is set in pkg/providers/instancetype/types.go). A type no page
//   lists has no vcpus here; it is never inferred from the size name.
//
// Which max-pods number `defaultMaxPods` is: the kubelet maxPods the EKS-optimized AMIs set when
// nothing overrides it. AL2's bootstrap.sh read it from eni-max-pods.txt; AL2023's nodeadm computes
// the same formula (default card's ENIs × (IPv4 per ENI − 1) + 2) from a table it embeds
// (github.com/awslabs/amazon-eks-ami nodeadm/internal/kubelet/eni_max_pods.go and
// instance-info.jsonl) or from DescribeInstanceTypes. It is NOT capped: m5.24xlarge gives 737. The 110 / 250 caps belong to a
// different number: the EKS user guide section "Amazon EKS recommended maximum Pods for each Amazon
// EC2 instance type" (https://docs.aws.amazon.com/eks/latest/userguide/choosing-instance-type.html#determine-max-pods)
// gives no table; it points to max-pods-calculator.sh (github.com/awslabs/amazon-eks-ami
// templates/al2/runtime/max-pods-calculator.sh, last present at commit
// 8f395aaa776ff7bbfe52188a6164b1a10875e36d before AL2 support was removed), whose default output is
// the *recommended* value: min(formula, 110) when DescribeInstanceTypes gives 30 vCPUs or fewer,
// min(formula, 250) above that (with --show-max-allowed it prints the uncapped formula). The guide
// adds that EKS Auto Mode caps nodes at 110. `recommendedMaxPods` applies those caps where the
// vCPU count is known.
//
// Prefix delegation (each IPv4 slot holds a /28, 16 addresses) needs a Nitro instance. The VPC CNI
// accepts a type whose hypervisor is nitro or that is bare metal (IsPrefixDelegationSupported in
// github.com/aws/amazon-vpc-cni-k8s pkg/awsutils/awsutils.go); bare-metal types report no
// hypervisor at all. `prefixDelegationSupported` follows the CNI.
//
// Not modelled here: custom networking ((enis − 1) × …), prefix delegation's pod counts, the
// CNI's own ENI limits (MAX_ENI) and the multi-card pod networking of recent CNI versions; those
// belong to the callers that know the cluster's CNI settings.

import { INSTANCE_DATA_SOURCES, INSTANCE_ROWS, LIMITS_GENERATED_AT } from './instanceTypes.data';
import { recommendedMaxPodsCeiling, secondaryIpMaxPods, type PodNetworkLimits } from './podCapacity';

export { INSTANCE_DATA_SOURCES, LIMITS_GENERATED_AT };

export interface InstanceNetworkLimits {
  /** Maximum network interfaces on the default network card (the card the VPC CNI uses). */
  readonly enis: number;
  /** Maximum private IPv4 addresses per network interface, including its primary address. */
  readonly ipv4PerEni: number;
  /** Whether EC2 reports the Nitro hypervisor (false for Xen types and for bare metal, which reports none). */
  readonly nitro: boolean;
  /** Whether the type is bare metal (no hypervisor; built on the Nitro system all the same). */
  readonly bareMetal: boolean;
  /** Branch ENIs for security groups for pods (trunk ENI); 0 when the type is not trunking-compatible. */
  readonly branchEnis: number;
  /** Number of network cards (more than one on some accelerated and network-optimized types). */
  readonly networkCards: number;
  /** Default vCPUs, when a source lists the type. */
  readonly vcpus?: number;
}

let table: ReadonlyMap<string, InstanceNetworkLimits> | undefined;

function parseRow(row: string): [string, InstanceNetworkLimits] {
  const [type, enis, ipv4, hypervisor, metal, branch, cards, vcpus] = row.split(' ');
  const limits: InstanceNetworkLimits = {
    enis: Number(enis),
    ipv4PerEni: Number(ipv4),
    nitro: hypervisor === 'n',
    bareMetal: metal === '1',
    branchEnis: Number(branch),
    networkCards: Number(cards),
    ...(vcpus === '-' ? {} : { vcpus: Number(vcpus) }),
  };
  return [type!, limits];
}

function limitsTable(): ReadonlyMap<string, InstanceNetworkLimits> {
  table ??= new Map(INSTANCE_ROWS.split('\n').map(parseRow));
  return table;
}

/** Every instance type in the table, sorted. */
export function instanceTypeNames(): readonly string[] {
  return [...limitsTable().keys()];
}

/** The limits for an instance type (surrounding space and case ignored), or undefined when the type is not in the table. */
export function instanceNetworkLimits(instanceType: string): InstanceNetworkLimits | undefined {
  return limitsTable().get(instanceType.trim().toLowerCase());
}

/**
 * Pods per node the VPC CNI allows without prefix delegation or custom networking:
 * ENIs × (IPv4 per ENI − 1) + 2; undefined for unknown types. This is the eni-max-pods.txt value
 * the EKS-optimized AMIs give the kubelet by default (uncapped; see the header for the 110/250 caps).
 */
export function defaultMaxPods(instanceType: string): number | undefined {
  const limits = instanceNetworkLimits(instanceType);
  return limits && secondaryIpMaxPods(limits.enis, limits.ipv4PerEni);
}

/**
 * EKS's recommended max pods (max-pods-calculator.sh's default output, secondary IPs mode):
 * min(defaultMaxPods, 110 or 250 by vCPUs); undefined when the type or its vCPU count is unknown.
 */
export function recommendedMaxPods(instanceType: string): number | undefined {
  const limits = instanceNetworkLimits(instanceType);
  const pods = defaultMaxPods(instanceType);
  if (!limits || pods === undefined || limits.vcpus === undefined) return undefined;
  return Math.min(pods, recommendedMaxPodsCeiling(limits.vcpus));
}

/** The limits of a type as the capacity formulas (podCapacity.ts) take them; undefined for unknown types. */
export function podNetworkLimits(instanceType: string): PodNetworkLimits | undefined {
  const limits = instanceNetworkLimits(instanceType);
  if (!limits) return undefined;
  // The VPC CNI allows prefix delegation on Nitro instances and on bare metal (see prefixDelegationSupported).
  return { enis: limits.enis, ipv4PerEni: limits.ipv4PerEni, vcpus: limits.vcpus, nitro: limits.nitro || limits.bareMetal, branchEnis: limits.branchEnis };
}

/** Whether the VPC CNI can use prefix delegation on the type (Nitro hypervisor or bare metal); undefined for unknown types. */
export function prefixDelegationSupported(instanceType: string): boolean | undefined {
  const limits = instanceNetworkLimits(instanceType);
  return limits && (limits.nitro || limits.bareMetal);
}
