// The workspace facts of a document that describes a network (an eksctl ClusterConfig, a template's
// VPCs): its VPCs with their blocks and subnets, its cluster's service range, its links to other
// VPCs and how its clusters' pods get addresses, read from the neutral network model. Each such
// format passes what only it knows.
import type { Node } from 'yaml';
import type { FileModel, StreamDocument } from '../model/document';
import { getIn, literalString } from '../model/nav';
import { effectiveVpcRanges, type NetworkModel, type SubnetModel, type VpcModel } from '../network/model';
import { eksDefaultServiceCidr } from '../network/serviceCidr';
import type { Cidr } from '../net/cidr';
import { mapPodNetworking, type PodNetworking } from '../network/cni';
import { NO_FACTS, type CniSettingsFact, type FileFacts, type LinkFact, type Place, type ServiceCidrFact, type SubnetFact, type VpcFact } from '../workspace/facts';

export interface NetworkFactsOf {
  readonly source: VpcFact['source'];
  /** The name the document gives a VPC itself (a template's logical ID); the cluster's name otherwise. */
  vpcKey?(doc: StreamDocument, vpc: VpcModel): string | undefined;
  /** Names other files may use for the VPC (workspace/facts.ts's LinkFact). */
  identities(file: FileModel, doc: StreamDocument, vpc: VpcModel, key: string | undefined): string[];
  /** A subnet's tier when the model does not say it. */
  subnetTier?(doc: StreamDocument, subnet: SubnetModel): SubnetFact['tier'];
  /** The cluster is built in this VPC (eksctl: one cluster, one VPC), so its service range is shown with it. */
  readonly clusterInVpc?: boolean;
  /** Links the document declares between VPCs. */
  links?(file: FileModel, doc: StreamDocument): LinkFact[];
}

export function networkFacts(file: FileModel, doc: StreamDocument, place: (node: Node) => Place, network: NetworkModel, how: NetworkFactsOf): FileFacts {
  const service = network.cluster?.serviceCidr;
  const name = literalString(getIn(doc.root, ['metadata', 'name'], doc.anchors));
  const serviceCidrs: ServiceCidrFact[] = service ? [{ ...place(service.node), cidr: service.cidr, source: 'eksctl', name }] : [];
  const vpcs: VpcFact[] = network.vpcs.map((vpc) => {
    const ranges = effectiveVpcRanges(vpc);
    const key = how.vpcKey?.(doc, vpc);
    const identities = how.identities(file, doc, vpc, key);
    return {
      ...place(vpc.primary?.node ?? vpc.node ?? doc.root!),
      name: key ?? name ?? `VPC of document ${doc.index + 1}`,
      source: how.source,
      document: doc.index,
      existing: vpc.existing,
      cidrs: ranges.map((r) => ({ ...place(r.node ?? vpc.node ?? doc.root!), cidr: r.cidr, ...(r.node ? {} : { defaulted: true }) })),
      subnets: vpc.subnets.map((s) => ({
        ...place(s.cidr?.node ?? s.node),
        name: s.name,
        cidr: s.cidr?.cidr,
        az: s.az,
        tier: s.tier ?? how.subnetTier?.(doc, s),
        ...(s.id !== undefined ? { id: s.id } : {}),
      })),
      ...(how.clusterInVpc && serviceCidrs[0] ? { serviceCidr: serviceCidrs[0] } : {}),
      ...(how.clusterInVpc && !service && network.cluster ? withDefaultServiceCidr(vpc) : {}),
      ...(identities.length ? { identities } : {}),
    };
  });
  const links = how.links?.(file, doc) ?? [];
  const cniSettings = (network.podNetworking ?? []).map((pods) => cniSettingsFact(doc, place, pods, how.source));
  if (!serviceCidrs.length && !vpcs.length && !links.length && !cniSettings.length) return NO_FACTS;
  return { serviceCidrs, workloads: [], vpcs, ...(links.length ? { links } : {}), ...(cniSettings.length ? { cniSettings } : {}) };
}

function cniSettingsFact(doc: StreamDocument, place: (node: Node) => Place, pods: PodNetworking, source: CniSettingsFact['source']): CniSettingsFact {
  const mapped = mapPodNetworking(pods, place);
  return {
    ...(mapped.at ?? place(doc.root!)),
    source,
    document: doc.index,
    ...(pods.cluster !== undefined ? { cluster: pods.cluster } : {}),
    declared: pods.addonDeclared,
    cni: mapped.cni,
    autoMode: mapped.autoMode,
    ...(pods.ipFamily ? { ipFamily: pods.ipFamily } : {}),
  };
}

function withDefaultServiceCidr(vpc: VpcModel): { defaultServiceCidr?: Cidr } {
  const cidr = eksDefaultServiceCidr(vpc);
  return cidr ? { defaultServiceCidr: cidr } : {};
}
