// Facts one file contributes to checks of other files: the service CIDRs its eksctl
// ClusterConfigs declare, and the workloads (with their replica counts and pod labels) its
// Kubernetes manifests define. The language server keeps them for every YAML file of the
// workspace, the command-line checker for every file it is given; rules read them through a
// WorkspaceView. Facts are plain data with ranges, so they outlive the parsed file.
import { isMap, isScalar, type Node } from 'yaml';
import { offsetsOf } from '../model/offsets';
import { memo, type FileModel, type StreamDocument } from '../model/document';
import type { Range } from '../model/lineIndex';
import { entries, getIn, isTemplated, items, literalString, type AnchorTable } from '../model/nav';
import { routesToIgw, routeTablesOfSubnet, templateOf, type Template } from '../cloudformation/template';
import { effectiveVpcRanges, networkOf, type SubnetTier, type VpcModel } from '../network/model';
import { eksDefaultServiceCidr } from '../network/serviceCidr';
import { parseCidr, type Cidr } from '../net/cidr';
import { cfnVpcIdentities, documentLinks, vpcIdIdentity, type LinkFact } from './connections';

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

/** Kinds whose `spec.replicas` copies of `spec.template` run at once. */
export const WORKLOAD_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

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
}

export const NO_FACTS: FileFacts = { serviceCidrs: [], workloads: [] };

/** What the rest of the workspace knows, seen from the file being checked. */
export interface WorkspaceView {
  /** Facts of every other file (the checked file's own facts come from its current text). */
  readonly others: readonly FileFacts[];
}

export const EMPTY_WORKSPACE: WorkspaceView = { others: [] };

/** The facts a parsed file contributes. */
export function factsOf(file: FileModel): FileFacts {
  const serviceCidrs: ServiceCidrFact[] = [];
  const workloads: WorkloadFact[] = [];
  const vpcs: VpcFact[] = [];
  const links: LinkFact[] = [];
  for (const doc of file.documents) {
    if (doc.syntaxErrors.length) continue;
    const facts = documentFacts(file, doc);
    serviceCidrs.push(...facts.serviceCidrs);
    workloads.push(...facts.workloads);
    vpcs.push(...(facts.vpcs ?? []));
    links.push(...(facts.links ?? []));
  }
  if (!serviceCidrs.length && !workloads.length && !vpcs.length && !links.length) return NO_FACTS;
  return { serviceCidrs, workloads, ...(vpcs.length ? { vpcs } : {}), ...(links.length ? { links } : {}) };
}

/** The facts of one document, computed once per parsed document. */
export function documentFacts(file: FileModel, doc: StreamDocument): FileFacts {
  return memo(doc, 'workspaceFacts', () => {
    const place = (node: Node): Place => {
      const { start, end } = offsetsOf(node, doc);
      return { uri: file.uri, range: file.lines.rangeOf(start, Math.max(start, end)) };
    };
    if (doc.kind === 'eksctl' || doc.kind === 'cloudformation') {
      const network = networkOf(doc);
      const service = network.cluster?.serviceCidr;
      const name = literalString(getIn(doc.root, ['metadata', 'name'], doc.anchors));
      const serviceCidrs: ServiceCidrFact[] = service ? [{ ...place(service.node), cidr: service.cidr, source: 'eksctl', name }] : [];
      const eksctlVpcId = doc.kind === 'eksctl' ? vpcIdIdentity(literalString(getIn(doc.root, ['vpc', 'id'], doc.anchors)) ?? '') : undefined;
      const vpcs: VpcFact[] = network.vpcs.map((vpc) => {
        const ranges = effectiveVpcRanges(vpc);
        const key = doc.kind === 'cloudformation' && vpc.node ? literalString(vpc.node) : undefined;
        const identities = key ? cfnVpcIdentities(file, doc, key) : eksctlVpcId ? [eksctlVpcId] : [];
        return {
          ...place(vpc.primary?.node ?? vpc.node ?? doc.root!),
          name: key ?? name ?? `VPC of document ${doc.index + 1}`,
          source: doc.kind === 'eksctl' ? 'eksctl' : 'cloudformation',
          document: doc.index,
          existing: vpc.existing,
          cidrs: ranges.map((r) => ({ ...place(r.node ?? vpc.node ?? doc.root!), cidr: r.cidr, ...(r.node ? {} : { defaulted: true }) })),
          subnets: vpc.subnets.map((s) => ({
            ...place(s.cidr?.node ?? s.node),
            name: s.name,
            cidr: s.cidr?.cidr,
            az: s.az,
            tier: s.tier ?? (doc.kind === 'cloudformation' ? cfnTier(templateOf(doc), s.name) : undefined),
          })),
          ...(doc.kind === 'eksctl' && serviceCidrs[0] ? { serviceCidr: serviceCidrs[0] } : {}),
          ...(doc.kind === 'eksctl' && !service && network.cluster ? withDefaultServiceCidr(vpc) : {}),
          ...(identities.length ? { identities } : {}),
        };
      });
      const links = documentLinks(file, doc);
      if (!serviceCidrs.length && !vpcs.length && !links.length) return NO_FACTS;
      return { serviceCidrs, workloads: [], vpcs, ...(links.length ? { links } : {}) };
    }
    // https://kubernetes.io/docs/tasks/network/extend-service-ip-ranges/
    if (doc.kind === 'kubernetes' && doc.objectKind === 'ServiceCIDR' && doc.apiVersion?.startsWith('networking.k8s.io/')) {
      const name = literalString(getIn(doc.root, ['metadata', 'name'], doc.anchors));
      const serviceCidrs: ServiceCidrFact[] = [];
      for (const node of items(getIn(doc.root, ['spec', 'cidrs'], doc.anchors), doc.anchors)) {
        const text = literalString(node);
        const parsed = text === undefined || isTemplated(text) ? undefined : parseCidr(text);
        if (parsed?.ok) serviceCidrs.push({ ...place(node), cidr: parsed.value, source: 'ServiceCIDR', name });
      }
      return serviceCidrs.length ? { serviceCidrs, workloads: [] } : NO_FACTS;
    }
    if (doc.kind === 'kubernetes' && doc.objectKind && WORKLOAD_KINDS.has(doc.objectKind)) {
      const workload = readWorkload(doc, doc.objectKind, place);
      return workload ? { serviceCidrs: [], workloads: [workload] } : NO_FACTS;
    }
    return NO_FACTS;
  });
}

/**
 * A template subnet's tier from its associated route tables: public with a route to an internet
 * gateway of the template, VPN-only when it has a route through a virtual private gateway (a
 * Site-to-Site VPN) and none to an internet gateway, private otherwise; unknown when an association or route cannot be read, or the
 * subnet has no explicit association (it then uses the VPC's main route table, not in the template).
 * https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html#subnet-types
 */
function cfnTier(t: Template, subnet: string): SubnetFact['tier'] {
  const { tables, unknown } = routeTablesOfSubnet(t, subnet);
  if (unknown || !tables.length) return undefined;
  const igw = tables.map((table) => routesToIgw(t, table));
  if (igw.includes(true)) return 'public';
  if (igw.includes(undefined)) return undefined;
  return tables.some((table) => routesToVpnGateway(t, table)) ? 'vpn-only' : 'private';
}

/** Whether a route table has a route through a virtual private gateway of the template. */
function routesToVpnGateway(t: Template, table: string): boolean {
  return t.ofType('AWS::EC2::Route').some((route) => {
    if (t.refOf(t.prop(route, 'RouteTableId')) !== table) return false;
    return t.resources.get(t.refOf(t.prop(route, 'GatewayId')) ?? '')?.type === 'AWS::EC2::VPNGateway';
  });
}

function readWorkload(doc: StreamDocument, kind: string, place: (node: Node) => Place): WorkloadFact | undefined {
  const a = doc.anchors;
  const nameNode = getIn(doc.root, ['metadata', 'name'], a);
  const name = literalString(nameNode);
  if (!name || !nameNode) return undefined;
  const replicasNode = getIn(doc.root, ['spec', 'replicas'], a);
  const replicas = isScalar(replicasNode) && typeof replicasNode.value === 'number' && Number.isInteger(replicasNode.value) ? replicasNode.value : undefined;
  // Kept even when the count or the labels cannot be read: a rule that needs them must then
  // know that a workload it cannot judge is there.
  const labelsNode = getIn(doc.root, ['spec', 'template', 'metadata', 'labels'], a);
  // No labels written is a known, empty set; labels that cannot be read are unknown.
  const podLabels = labelsNode === undefined || (isScalar(labelsNode) && labelsNode.value === null) ? {} : labelsWithUnknowns(labelsNode, a);
  const namespace = literalString(getIn(doc.root, ['metadata', 'namespace'], a));
  return { ...place(replicas !== undefined && replicasNode ? replicasNode : nameNode), kind, name, namespace, replicas, podLabels };
}

/** A label map whose keys and values are all literal strings; undefined otherwise. */
export function labels(node: Node | undefined, a: AnchorTable): Record<string, string> | undefined {
  const read = labelsWithUnknowns(node, a);
  if (!read || Object.values(read).some((v) => v === null)) return undefined;
  return read as Record<string, string>;
}

/** A label map whose values may be unknown (null: a template); undefined when it is not a mapping of plain keys. */
function labelsWithUnknowns(node: Node | undefined, a: AnchorTable): Record<string, string | null> | undefined {
  if (!node || !isMap(node)) return undefined;
  const out: Record<string, string | null> = {};
  for (const [key, value] of entries(node, a)) {
    if (isTemplated(key)) return undefined;
    const text = literalString(value) ?? scalarValue(value);
    out[key] = text === undefined || isTemplated(text) ? null : text;
  }
  return out;
}

// Label values are strings, but YAML reads `version: 2` or `canary: true` as other scalars.
function scalarValue(node: Node | undefined): string | undefined {
  return isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'boolean') ? String(node.value) : undefined;
}

function withDefaultServiceCidr(vpc: VpcModel): { defaultServiceCidr?: Cidr } {
  const cidr = eksDefaultServiceCidr(vpc);
  return cidr ? { defaultServiceCidr: cidr } : {};
}
