// The neutral network model the VPC, subnet and cluster rules are written against. Each format
// that describes a network (formats/*/network.ts; formats/index.ts's networkOf) reads its
// document into this shape, keeping the YAML nodes so findings land on the text that
// says it. Rules never look at the source format's keys; a rule written once applies to every
// format with a builder.
import type { Node } from 'yaml';
import type { Cidr } from '../net/cidr';
import type { PodNetworking } from './cni';

/** A valid CIDR written in the document, with the node that holds it. */
export interface WrittenCidr {
  readonly cidr: Cidr;
  readonly node: Node;
  /** Where it is, in the words of its schema, e.g. `vpc.cidr`. */
  readonly path: string;
}

export type SubnetTier = 'public' | 'private';

export interface SubnetModel {
  /** The subnet's name: its key in eksctl, its logical ID in CloudFormation. */
  readonly name: string;
  /** The node naming the subnet (its key), for findings about the subnet as a whole. */
  readonly node: Node;
  readonly tier?: SubnetTier;
  readonly cidr?: WrittenCidr;
  /** Availability Zone name when written (or implied by an eksctl key), with where it is written. */
  readonly az?: string;
  readonly azNode?: Node;
  /** An existing subnet's ID, when the subnet is referenced rather than created. */
  readonly id?: string;
}

export type NatMode = 'HighlyAvailable' | 'Single' | 'Disable';

export interface VpcModel {
  /** Where the VPC is described (eksctl `vpc` key, a CloudFormation resource), for whole-VPC findings. */
  readonly node?: Node;
  /** The primary IPv4 CIDR as written; absent when not written or not a literal. */
  readonly primary?: WrittenCidr;
  /** The primary the tool will use when none is written (eksctl: 192.168.0.0/16). */
  readonly defaultPrimary?: Cidr;
  /** Secondary IPv4 blocks (CloudFormation AWS::EC2::VPCCidrBlock; eksctl creates none). */
  readonly secondary: readonly WrittenCidr[];
  /** True when the VPC has a block this tool cannot read (a CIDR from a parameter or an IPAM pool),
   *  so its full extent is unknown. */
  readonly extentUnknown?: boolean;
  /** True when the written primary may be one of several blocks of an existing VPC: eksctl accepts
   *  any block associated with the VPC in `vpc.cidr`, and the others are not in the file. */
  readonly mayHaveOtherBlocks?: boolean;
  readonly subnets: readonly SubnetModel[];
  /** True when the VPC is not created from this file (eksctl `vpc.id` or imported subnets; a
   *  CloudFormation VPC referenced through a parameter or an import). */
  readonly existing: boolean;
  readonly nat?: { readonly mode: NatMode; readonly node?: Node };
  /** The subnets written are existing subnets this tool looks up (by ID or block) rather than
   *  creates: eksctl's `vpc.subnets`. */
  readonly subnetsLookedUpBy?: string;
  /** The tool that creates this VPC from the file, when it takes fewer block sizes than AWS does:
   *  the smallest block (largest prefix) it accepts. */
  readonly createdBy?: { readonly tool: string; readonly maxPrefix: number };
  /** The VPC evidently serves an EKS cluster whose control plane needs subnets in two zones (not a
   *  local cluster on an AWS Outposts rack). */
  readonly servesEksControlPlane?: boolean;
}

export interface NodeGroupModel {
  readonly name: string;
  /** The node group's entry (its `name` value, or the list item). */
  readonly node: Node;
  readonly managed: boolean;
  readonly privateNetworking: boolean;
  readonly privateNetworkingNode?: Node;
  /** Subnets named in the node group's `subnets` list, as written. */
  readonly subnetRefs?: ReadonlyArray<{ readonly ref: string; readonly node: Node }>;
  /** Availability Zones the node group is limited to. */
  readonly availabilityZones?: ReadonlyArray<{ readonly name: string; readonly node: Node }>;
  /** Instance types the group may launch; empty when none is written (the tool's default applies). */
  readonly instanceTypes: readonly string[];
  /** What the tool that creates the group uses when the file writes no instance type or size
   *  (eksctl: m5.large, 2 nodes). Absent when the tool has no default the file can rely on. */
  readonly toolDefaults?: { readonly instanceType: string; readonly nodes: number };
  readonly maxSize?: { readonly value: number; readonly node?: Node };
  /** The size eksctl falls back to without maxSize: desiredCapacity, else minSize. */
  readonly desiredCapacity?: number;
  /** A size or instance type is written but cannot be read, so the group's capacity is unknown. */
  readonly capacityUnknown?: boolean;
  readonly maxPodsPerNode?: number;
  /** Where `maxPodsPerNode` is written, when it is. */
  readonly maxPodsPerNodeNode?: Node;
  /** The Kubernetes labels the group's nodes get (eksctl `labels`), each with its value node; a value
   *  that cannot be read (a template) is null. Undefined when none are written or the mapping itself
   *  cannot be read. */
  readonly labels?: Readonly<Record<string, { readonly value: string | null; readonly node: Node }>>;
}

export interface ClusterModel {
  readonly region?: string;
  readonly regionNode?: Node;
  readonly availabilityZones?: ReadonlyArray<{ readonly name: string; readonly node: Node }>;
  readonly availabilityZonesNode?: Node;
  readonly serviceCidr?: WrittenCidr;
  readonly ipFamily: 'IPv4' | 'IPv6';
  readonly endpoint: {
    readonly publicAccess: boolean;
    readonly publicAccessNode?: Node;
    readonly privateAccess: boolean;
    /** Undefined when not written (the endpoint then admits every address); null when written but unreadable. */
    readonly publicAccessCidrs?: ReadonlyArray<{ readonly text: string; readonly node: Node }> | null;
    readonly publicAccessCidrsNode?: Node;
  };
  readonly privateCluster: boolean;
  /** The control plane runs on AWS Outposts (a local cluster): one rack, one AZ, by design. */
  readonly onOutposts: boolean;
  readonly nodeGroups: readonly NodeGroupModel[];
  /** A node to report cluster-wide findings at (eksctl `metadata.name`). */
  readonly node?: Node;
}

export interface NetworkModel {
  readonly vpcs: readonly VpcModel[];
  readonly cluster?: ClusterModel;
  /**
   * How each EKS cluster the document declares gives its pods addresses (network/cni.ts): an eksctl
   * ClusterConfig has exactly one entry, for its cluster; a template has one per AWS::EKS::Cluster and
   * one per vpc-cni AWS::EKS::Addon for a cluster it does not declare, matched by `cluster`.
   * Undefined for a document that declares no cluster.
   */
  readonly podNetworking?: readonly PodNetworking[];
}

/** The VPC's CIDRs as written, primary first, with a label for messages. */
export function writtenVpcCidrs(vpc: VpcModel): Array<WrittenCidr & { readonly label: string }> {
  const out: Array<WrittenCidr & { label: string }> = [];
  if (vpc.primary) out.push({ ...vpc.primary, label: 'VPC CIDR' });
  for (const s of vpc.secondary) out.push({ ...s, label: 'Secondary VPC CIDR' });
  return out;
}

/** The VPC's ranges as the tool will create them: the written primary, or its default, then the secondaries. */
export function effectiveVpcRanges(vpc: VpcModel): VpcRange[] {
  const out: VpcRange[] = [];
  if (vpc.primary) out.push({ cidr: vpc.primary.cidr, node: vpc.primary.node, text: vpc.primary.cidr.text, label: 'VPC CIDR' });
  else if (vpc.defaultPrimary) out.push({ cidr: vpc.defaultPrimary, text: `${vpc.defaultPrimary.text} (eksctl's default)`, label: 'VPC CIDR' });
  for (const s of vpc.secondary) out.push({ cidr: s.cidr, node: s.node, text: s.cidr.text, label: 'Secondary VPC CIDR' });
  return out;
}

export interface VpcRange {
  readonly cidr: Cidr;
  /** Where it is written; absent for a tool's default. */
  readonly node?: Node;
  /** The block for messages, with "(eksctl's default)" when it is not written. */
  readonly text: string;
  readonly label: 'VPC CIDR' | 'Secondary VPC CIDR';
}
