// Custom networking seen across the workspace: which clusters turn it on, how their nodes pick an
// ENIConfig, the ENIConfigs the files hold and the VPC each cluster is in. Pure reading of facts
// (facts.ts); the rules cni-eniconfig-missing, cni-eniconfig-subnet and cni-custom-networking-ipv6
// decide what to say.
//
// Sources (aws/amazon-vpc-cni-k8s at b52188387f2e2f10bf289ace929d6a63b176a4fa): pkg/eniconfig/eniconfig.go
// (GetNodeSpecificENIConfigName: the label vpc.amazonaws.com/externalEniConfig, then the annotation
// ENI_CONFIG_ANNOTATION_DEF, then the label ENI_CONFIG_LABEL_DEF, both defaulting to
// k8s.amazonaws.com/eniConfig, else the ENIConfig named `default`); pkg/ipamd/ipamd.go (tryAllocateENI
// fails when the node's ENIConfig cannot be read). EKS User Guide, "Customizing the secondary network
// interface": https://docs.aws.amazon.com/eks/latest/userguide/cni-custom-network-tutorial.html (ENIConfigs
// named after zones, ENI_CONFIG_LABEL_DEF=topology.kubernetes.io/zone).
import type { CniSettings, Setting } from '../network/cni';
import type { CniSettingsFact, EniConfigFact, FileFacts, Place, SubnetFact, VpcFact } from './facts';

/** The well-known node label holding a node's zone, which the kubelet sets from the cloud provider
 *  (https://kubernetes.io/docs/reference/labels-annotations-taints/#topologykubernetesiozone). */
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

/** The label that names a node's ENIConfig whatever the settings say; it wins over the annotation
 *  and ENI_CONFIG_LABEL_DEF (eniconfig.go externalEniConfigLabel). */
export const EXTERNAL_LABEL = 'vpc.amazonaws.com/externalEniConfig';

/** ENI_CONFIG_LABEL_DEF's default, also the default annotation (eniconfig.go defaultEniConfigLabelDef). */
export const ENI_CONFIG_DEFAULT_LABEL = 'k8s.amazonaws.com/eniConfig';

/** True when the files certainly turn custom networking on: AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG is a
 *  known `true` that EKS does not refuse. Unknown, absent or refused: false (the rules stay silent). */
export function customNetworkingOn<L>(cni: CniSettings<L>): boolean {
  const s = cni.AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG as Setting<boolean, L>;
  return s.state === 'known' && s.value === true && !s.refused;
}

/**
 * How a node of the cluster picks its ENIConfig, as far as the files say:
 * - `zone`: ENI_CONFIG_LABEL_DEF is the zone label, so a node without an annotation takes the
 *   ENIConfig named after its zone;
 * - `label`: another label, or the default label/annotation, which the node's own settings carry
 *   (a launch template, `kubectl annotate`), so the files do not say which;
 * - `unknown`: ENI_CONFIG_LABEL_DEF is written but cannot be read.
 */
export function eniConfigSelection<L>(cni: CniSettings<L>): 'zone' | 'label' | 'unknown' {
  const s = cni.ENI_CONFIG_LABEL_DEF as Setting<string, L>;
  if (s.state === 'unknown') return 'unknown';
  // An empty value is the default label (eniconfig.go getEniConfigLabelDef).
  return s.value === ZONE_LABEL ? 'zone' : 'label';
}

/** Every ENIConfig the facts hold, in order. */
export function eniConfigsIn(facts: readonly FileFacts[]): EniConfigFact[] {
  return facts.flatMap((f) => f.eniConfigs ?? []);
}

/** A cluster of the workspace that turns custom networking on, with the VPC it is built in when the
 *  same document describes it (an eksctl ClusterConfig: one cluster, one VPC). */
export interface CustomNetworkingCluster {
  readonly settings: CniSettingsFact;
  readonly vpc?: VpcFact;
}

/** The clusters whose files certainly turn custom networking on. An aws-node DaemonSet names no
 *  cluster and no VPC, so it is not one. */
export function customNetworkingClusters(facts: readonly FileFacts[]): CustomNetworkingCluster[] {
  const out: CustomNetworkingCluster[] = [];
  for (const f of facts) {
    for (const settings of f.cniSettings ?? []) {
      if (settings.source === 'aws-node' || !customNetworkingOn(settings.cni)) continue;
      const vpcs = (f.vpcs ?? []).filter((v) => v.uri === settings.uri && v.document === settings.document && v.source === 'eksctl');
      out.push({ settings, ...(vpcs.length === 1 ? { vpc: vpcs[0] } : {}) });
    }
  }
  return out;
}

/** The subnets of the workspace's VPCs whose ID is written, by ID (lower case), with their VPC. */
export function subnetsById(facts: readonly FileFacts[]): Map<string, Array<{ subnet: SubnetFact; vpc: VpcFact }>> {
  const out = new Map<string, Array<{ subnet: SubnetFact; vpc: VpcFact }>>();
  for (const f of facts) {
    for (const vpc of f.vpcs ?? []) {
      for (const subnet of vpc.subnets) {
        if (!subnet.id) continue;
        const key = subnet.id.toLowerCase();
        const list = out.get(key) ?? [];
        list.push({ subnet, vpc });
        out.set(key, list);
      }
    }
  }
  return out;
}

/** The literal VPC ID among a VPC's identities (`id:vpc-…`, see facts.ts vpcIdIdentity). */
export function literalVpcId(vpc: VpcFact): string | undefined {
  return vpc.identities?.find((i) => i.startsWith('id:vpc-'))?.slice(3);
}

/** Two places are the same place. */
export function samePlace(a: Place, b: Place): boolean {
  return a.uri === b.uri && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;
}
