// Facts one file contributes to checks of other files: the VPCs and service CIDRs its eksctl
// ClusterConfigs and templates describe, the links between VPCs its templates declare, and the
// workloads (with their replica counts and pod labels) its Kubernetes manifests define. The
// language server keeps them for every YAML file of the workspace, the command-line checker for
// every file it is given; rules read them through a WorkspaceView. Facts are plain data with
// ranges, so they outlive the parsed file. Each format reads its own (formats/*/); this module is
// only their shape.
import type { Range } from '../model/lineIndex';
import type { CniSettings, Setting } from '../network/cni';
import type { SubnetTier } from '../network/model';
import type { Cidr } from '../net/cidr';

/** A place in some file of the workspace. */
export interface Place {
  readonly uri: string;
  readonly range: Range;
}

export interface ServiceCidrFact extends Place {
  readonly cidr: Cidr;
  /** Where the range is declared: an eksctl ClusterConfig's `serviceIPv4CIDR`, or a Kubernetes
   *  ServiceCIDR object, which adds a range to a running cluster. */
  readonly source: 'eksctl' | 'ServiceCIDR';
  /** The ClusterConfig's `metadata.name`, or the ServiceCIDR's, when written. */
  readonly name?: string;
}

export interface WorkloadFact extends Place {
  readonly kind: string;
  readonly name: string;
  /** `metadata.namespace` as written; undefined when not written. */
  readonly namespace?: string;
  /** `spec.replicas` as written (the range above is its place); undefined when not a literal
   *  number (left out: the default of 1 or an autoscaler decides; templated). */
  readonly replicas?: number;
  /** `spec.template.metadata.labels`: a value that cannot be read (a template) is null; the
   *  whole set is undefined when the mapping itself cannot be read. */
  readonly podLabels?: Readonly<Record<string, string | null>>;
}

/** A block of a VPC the file describes (written, or eksctl's default). */
export interface VpcCidrFact extends Place {
  readonly cidr: Cidr;
}

/** A subnet of a VPC the file describes. */
export interface SubnetFact extends Place {
  /** Its key in eksctl, its logical ID in CloudFormation. */
  readonly name: string;
  readonly cidr?: Cidr;
  readonly az?: string;
  /** eksctl says it; for a template it follows from the subnet's route table (see cfnTier). */
  readonly tier?: SubnetTier | 'vpn-only';
  /** An existing subnet's ID (eksctl `vpc.subnets.*.*.id`, a template's literal), when written. */
  readonly id?: string;
}

/** A VPC a file describes, with what a picture of its address space needs. */
export interface VpcFact extends Place {
  /** A name for people: the ClusterConfig's `metadata.name`, or the template's VPC logical ID. */
  readonly name: string;
  readonly source: 'eksctl' | 'cloudformation';
  /** Index of the document in its file's stream. */
  readonly document: number;
  /** The VPC exists already (eksctl `vpc.id` or imported subnets; a template's referenced VPC). */
  readonly existing: boolean;
  /** Its blocks, primary first; `defaulted` marks eksctl's 192.168.0.0/16 when none is written. */
  readonly cidrs: ReadonlyArray<VpcCidrFact & { readonly defaulted?: boolean }>;
  readonly subnets: readonly SubnetFact[];
  /** The cluster's service CIDR, for an eksctl ClusterConfig that writes one. */
  readonly serviceCidr?: ServiceCidrFact;
  /** For an eksctl ClusterConfig that writes none: the range EKS will pick from the VPC's blocks. */
  readonly defaultServiceCidr?: Cidr;
  /** Names other files may use for this VPC (see connections.ts); links name VPCs by them. */
  readonly identities?: readonly string[];
}

export interface FileFacts {
  readonly serviceCidrs: readonly ServiceCidrFact[];
  readonly workloads: readonly WorkloadFact[];
  readonly vpcs?: readonly VpcFact[];
  /** Evidence that VPCs join one routed network (peering, transit gateway, VPN); see connections.ts. */
  readonly links?: readonly LinkFact[];
  /** How pods get addresses: each cluster of an eksctl ClusterConfig or a template, and each aws-node
   *  DaemonSet of a manifest (network/cni.ts). */
  readonly cniSettings?: readonly CniSettingsFact[];
  /** Node classes that decide pods per node or pod subnets (Karpenter, EKS Auto Mode). */
  readonly nodeClasses?: readonly NodeClassFact[];
  /** ENIConfig objects: where the VPC CNI puts pods under custom networking (EniConfigFact). */
  readonly eniConfigs?: readonly EniConfigFact[];
}

/**
 * An ENIConfig object (`crd.k8s.amazonaws.com/v1alpha1`, cluster-scoped): under custom networking
 * (AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true) ipamd creates a node's secondary ENIs, and so takes its
 * pods' addresses, in `spec.subnet` with `spec.securityGroups`. A node picks it by name: the label
 * `vpc.amazonaws.com/externalEniConfig`, else the annotation ENI_CONFIG_ANNOTATION_DEF, else the label
 * ENI_CONFIG_LABEL_DEF (set to `topology.kubernetes.io/zone`, ENIConfigs are named after zones), else
 * the one named `default`. Sources (aws/amazon-vpc-cni-k8s at b52188387f2e2f10bf289ace929d6a63b176a4fa):
 * pkg/apis/crd/v1alpha1/eniconfig_types.go (the fields), pkg/eniconfig/eniconfig.go
 * (GetNodeSpecificENIConfigName, MyENIConfig); charts/aws-vpc-cni/crds/customresourcedefinition.yaml
 * (`subnet` is required). The place is `metadata.name`'s value.
 */
export interface EniConfigFact extends Place {
  readonly name: string;
  /** Index of the document in its file's stream. */
  readonly document: number;
  /** `spec.subnet`: `id` is the literal text, null when written but unreadable (a template); undefined
   *  when `spec.subnet` is not written. */
  readonly subnet?: Place & { readonly id: string | null };
  /** `spec.securityGroups` as written (an unreadable entry is null); undefined when not written, null
   *  when not a list. */
  readonly securityGroups?: ReadonlyArray<string | null> | null;
}

/**
 * The VPC CNI settings one document declares, at their places. Combine them across files by
 * `cluster` where it is known; an aws-node DaemonSet names no cluster. `at` of each setting is where
 * it is written (the string that holds an add-on's configuration, or the env entry's `value`).
 */
export interface CniSettingsFact extends Place {
  /** `aws-node`: the DaemonSet of a manifest, whose unwritten variables take ipamd's own defaults;
   *  the others: an EKS add-on (declared or installed by default), whose unwritten variables keep
   *  the add-on's shipped values. */
  readonly source: 'eksctl' | 'cloudformation' | 'aws-node';
  /** Index of the document in its file's stream. */
  readonly document: number;
  /** The cluster, as the document names it (eksctl `metadata.name`, a template's cluster logical ID
   *  or an add-on's literal ClusterName). */
  readonly cluster?: string;
  /** A vpc-cni add-on (or the DaemonSet) is written in the document, rather than implied. */
  readonly declared: boolean;
  readonly cni: CniSettings<Place>;
  /** EKS Auto Mode for the cluster (eksctl, CloudFormation); undefined for a DaemonSet. */
  readonly autoMode?: Setting<boolean, Place>;
  readonly ipFamily?: 'IPv4' | 'IPv6';
}

/** A subnet selector term of a node class: an ID, or tags that must all match (an ID or a tag value
 *  is null when written but unreadable). */
export interface SubnetSelectorTermFact {
  readonly id?: string | null;
  readonly tags?: Readonly<Record<string, string | null>>;
}

/**
 * A node class that decides how many pods a node takes, or where pods get addresses:
 * - Karpenter `EC2NodeClass` (karpenter.k8s.aws/v1): `spec.kubelet.maxPods`, `spec.kubelet.podsPerCore`,
 *   `spec.subnetSelectorTerms`; in v1beta1 the kubelet settings were on the NodePool;
 * - Karpenter `NodePool` (karpenter.sh/v1beta1 only): `spec.template.spec.kubelet.maxPods`, `podsPerCore`;
 * - EKS Auto Mode `NodeClass` (eks.amazonaws.com/v1): `spec.advancedNetworking.ipv4PrefixSize`,
 *   `spec.subnetSelectorTerms`, `spec.podSubnetSelectorTerms`.
 * A setting that does not apply to the kind is undefined; one that applies but is not written is absent.
 */
export interface NodeClassFact extends Place {
  readonly kind: 'EC2NodeClass' | 'NodePool' | 'NodeClass';
  readonly apiVersion: string;
  readonly name: string;
  readonly document: number;
  readonly maxPods?: Setting<number, Place>;
  readonly podsPerCore?: Setting<number, Place>;
  /** Auto Mode: `Auto` (prefix delegation, falling back to secondary IPs; the default) or `"32"` (secondary IPs). */
  readonly ipv4PrefixSize?: Setting<string, Place>;
  /** Undefined when not written; null when written but unreadable. */
  readonly subnetSelectorTerms?: readonly SubnetSelectorTermFact[] | null;
  readonly podSubnetSelectorTerms?: readonly SubnetSelectorTermFact[] | null;
}

export const NO_FACTS: FileFacts = { serviceCidrs: [], workloads: [] };

/** What the rest of the workspace knows, seen from the file being checked. */
export interface WorkspaceView {
  /** Facts of every other file (the checked file's own facts come from its current text). */
  readonly others: readonly FileFacts[];
}

export const EMPTY_WORKSPACE: WorkspaceView = { others: [] };

/** "The VPC named `vpc` joins the network named `network`", with words for people. */
export interface LinkFact {
  /** An identity of the VPC (see `vpcIdIdentity`, and formats/cloudformation/links.ts). */
  readonly vpc: string;
  /** A key for the shared network: VPCs with links to the same key are connected. */
  readonly network: string;
  /** What joins them, e.g. `peering connection Peer in net.yaml`. */
  readonly label: string;
}

/** The identity of an existing VPC known by its literal ID (eksctl `vpc.id`, a template's literal). */
export function vpcIdIdentity(id: string): string | undefined {
  return /^vpc-[0-9a-f]{8,17}$/i.test(id) ? `id:${id.toLowerCase()}` : undefined;
}
