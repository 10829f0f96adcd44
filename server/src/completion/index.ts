// Completion as plain data: values from closed sets (eksctl enums, booleans, zones of the region,
// Kubernetes versions, the apiVersions a kind is served under at the target version, PDB fields),
// free CIDR blocks computed from the document, EKS's service ranges, and a planned vpc.subnets
// block. The server turns these into LSP CompletionItems.
import type { EffectiveConfig } from '../engine/config';
import { API_LIFECYCLES, compareMinor, NEWEST_KUBERNETES_MINOR } from '../formats/kubernetes/apiLifecycle';
import { targetVersion } from '../formats/kubernetes/targetVersion';
import type { FileModel, StreamDocument } from '../model/document';
import { getIn, literalString } from '../model/nav';
import { effectiveVpcRanges, type VpcModel } from '../network/model';
import { count } from '../network/ranges';
import { isAwsRegion } from '../network/zones';
import { EKS_SERVICE_DEFAULT_IN_TEN, EKS_SERVICE_DEFAULT_OTHERWISE } from '../network/serviceCidr';
import { firstFreeBlock } from '../network/space';
import { overlaps, type Cidr } from '../net/cidr';
import { planSubnets } from '../actions/planner';
import { typingContext, type TypingContext } from './context';
import { escapeMarkdown } from '../hover/markdown';
import { networkOf } from '../formats';

export interface Completion {
  readonly label: string;
  /** Text that replaces the partial word (a snippet when `snippet` is set). */
  readonly insertText: string;
  readonly snippet?: boolean;
  readonly detail?: string;
  readonly documentation?: string;
  readonly kind: 'value' | 'keyword' | 'snippet' | 'property';
  /** Sort position among the results (lower first). */
  readonly order?: number;
  readonly start: number;
  readonly end: number;
}

const pathEnds = (path: readonly string[], ...tail: string[]) => path.length >= tail.length && tail.every((t, i) => t === '*' || t === path[path.length - tail.length + i]);
const pathIs = (path: readonly string[], ...whole: string[]) => path.length === whole.length && pathEnds(path, ...whole);

export function completionsAt(file: FileModel, offset: number, config: EffectiveConfig): Completion[] {
  if (file.format !== 'yaml') return [];
  const ctx = typingContext(file.text, offset);
  if (!ctx) return [];
  const doc = file.documents.find((d) => offset >= d.start && offset <= d.end);
  const kind = doc?.kind ?? guessKind(file.text);
  const items: Array<Omit<Completion, 'start' | 'end'>> = [];
  if (kind === 'eksctl') items.push(...eksctlCompletions(ctx, doc, file.text));
  if (kind === 'cloudformation' && doc) items.push(...cloudFormationCompletions(ctx, doc));
  if (kind === 'kubernetes' || (doc?.kind === 'other' && /^\s*kind:/m.test(file.text))) items.push(...kubernetesCompletions(ctx, doc, file.text, config));
  return items
    .filter((i) => i.label.toLowerCase().startsWith(ctx.prefix.toLowerCase()) || i.kind === 'snippet')
    .map((i) => ({ ...i, start: ctx.start, end: ctx.end }));
}

/** A document that does not parse yet still says what it is in its text. */
function guessKind(text: string): StreamDocument['kind'] {
  if (/^apiVersion:\s*eksctl\.io\//m.test(text)) return 'eksctl';
  if (/^(AWSTemplateFormatVersion|Resources):/m.test(text)) return 'cloudformation';
  if (/^kind:\s*\S/m.test(text)) return 'kubernetes';
  return 'other';
}

const values = (list: ReadonlyArray<[string, string]>, kind: Completion['kind'] = 'value') => list.map(([label, documentation], order) => ({ label, insertText: label, documentation, kind, order }));

// https://eksctl.io/usage/schema/
function eksctlCompletions(ctx: TypingContext, doc: StreamDocument | undefined, text: string): Array<Omit<Completion, 'start' | 'end'>> {
  const { path, on } = ctx;
  if (on === 'value' && pathIs(path, 'vpc', 'nat', 'gateway')) {
    return values([
      ['HighlyAvailable', 'A NAT gateway in each Availability Zone: one zone failing leaves the others their egress.'],
      ['Single', "One NAT gateway for the whole VPC (eksctl's default): cheaper, but a zone outage cuts every private subnet's egress."],
      ['Disable', 'No NAT gateway: private subnets have no route to the internet.'],
    ]);
  }
  if (on === 'value' && pathIs(path, 'kubernetesNetworkConfig', 'ipFamily')) {
    return values([
      ['IPv4', 'Pods and Services get IPv4 addresses (the default).'],
      ['IPv6', 'Pods and Services get IPv6 addresses; fixed when the cluster is created.'],
    ]);
  }
  if (on === 'value' && (pathIs(path, 'vpc', 'clusterEndpoints', 'publicAccess') || pathIs(path, 'vpc', 'clusterEndpoints', 'privateAccess') || pathIs(path, 'privateCluster', 'enabled'))) {
    return values([
      ['true', ''],
      ['false', ''],
    ], 'keyword');
  }
  if (on === 'value' && pathIs(path, 'metadata', 'version')) return kubernetesVersions();
  // A document being typed may not parse: then the region is read from its text.
  const region = (doc ? literalString(getIn(doc.root, ['metadata', 'region'], doc.anchors)) : undefined) ?? /^\s+region:\s*([a-z0-9-]+)[ \t]*(?:#.*)?$/m.exec(text)?.[1];
  // Zones are offered only for a real Region, never for `${AWS_REGION}`, `<region>` or `us-east-X`.
  const zoneList = isAwsRegion(region) ? zones(region) : [];
  if ((on === 'item' && pathIs(path, 'availabilityZones', '*')) || (on === 'value' && pathEnds(path, 'subnets', '*', '*', 'az'))) return zoneList;
  if (on === 'key' && (pathIs(path, 'vpc', 'subnets', 'public') || pathIs(path, 'vpc', 'subnets', 'private'))) {
    return zoneList.map((z) => ({ ...z, insertText: `${z.label}: { cidr: $1 }`, snippet: true, kind: 'property' as const }));
  }
  if (on === 'value' && pathIs(path, 'vpc', 'subnets', '*', '*', 'cidr') && doc) return freeCidrs(networkOf(doc).vpcs[0]);
  if (on === 'value' && pathIs(path, 'kubernetesNetworkConfig', 'serviceIPv4CIDR') && doc) return serviceRanges(doc);
  if (on === 'key' && pathIs(path, 'vpc') && doc && !getIn(doc.root, ['vpc', 'subnets'], doc.anchors)) {
    const block = subnetsBlock(doc, ctx.indent, zoneList.map((z) => z.label));
    return block ? [block] : [];
  }
  return [];
}

function cloudFormationCompletions(ctx: TypingContext, doc: StreamDocument): Array<Omit<Completion, 'start' | 'end'>> {
  // Resources.<Subnet>.Properties.CidrBlock: the free blocks of the VPC the subnet names.
  if (ctx.on === 'value' && pathEnds(ctx.path, 'Resources', '*', 'Properties', 'CidrBlock') && ctx.path.length === 4) {
    const id = ctx.path[1];
    const vpc = networkOf(doc).vpcs.find((v) => v.subnets.some((s) => s.name === id));
    return vpc ? freeCidrs(vpc) : [];
  }
  return [];
}

function kubernetesCompletions(ctx: TypingContext, doc: StreamDocument | undefined, text: string, config: EffectiveConfig): Array<Omit<Completion, 'start' | 'end'>> {
  if (ctx.on === 'value' && pathIs(ctx.path, 'apiVersion')) {
    const objectKind = doc?.objectKind ?? /^kind:\s*(\S+)/m.exec(text)?.[1];
    return objectKind ? apiVersionsFor(objectKind, config) : [];
  }
  const isPdb = doc?.objectKind === 'PodDisruptionBudget' || /^kind:\s*PodDisruptionBudget\b/m.test(text);
  if (isPdb && ctx.on === 'key' && pathIs(ctx.path, 'spec')) {
    return values([
      ['maxUnavailable', 'How many selected pods may be down at once (a number or a percentage); keeps working as the workload scales.'],
      ['minAvailable', 'How many selected pods must stay up (a number or a percentage). Use one of the two fields, not both.'],
      ['selector', 'The pods the budget counts (matchLabels / matchExpressions).'],
      ['unhealthyPodEvictionPolicy', 'Whether pods that are not yet healthy may be evicted regardless of the budget.'],
    ], 'property').map((v) => ({ ...v, insertText: `${v.label}: ` }));
  }
  if (isPdb && ctx.on === 'value' && pathIs(ctx.path, 'spec', 'unhealthyPodEvictionPolicy')) {
    return values([
      ['IfHealthyBudget', 'Unhealthy running pods may be evicted only while the budget is met (the default).'],
      ['AlwaysAllow', 'Unhealthy running pods may always be evicted, so they cannot block a drain.'],
    ]);
  }
  return [];
}

/** Kubernetes minors for `metadata.version`, newest first. */
function kubernetesVersions(): Array<Omit<Completion, 'start' | 'end'>> {
  const [major, minor] = NEWEST_KUBERNETES_MINOR.split('.').map(Number);
  return Array.from({ length: 8 }, (_, i) => `${major}.${minor - i}`).map((v, order) => ({
    label: v,
    insertText: `"${v}"`,
    detail: 'Kubernetes version',
    documentation: 'Which versions EKS offers changes over time: `aws eks describe-cluster-versions` lists them.',
    kind: 'value' as const,
    order,
  }));
}

/**
 * Zone names for a region: its code with a letter. The letters a region has vary, and in older
 * accounts a letter may map to different physical zones, so the list is a starting point.
 */
function zones(region: string): Array<Omit<Completion, 'start' | 'end'>> {
  return ['a', 'b', 'c', 'd'].map((letter, order) => ({
    label: `${region}${letter}`,
    insertText: `${region}${letter}`,
    detail: `Availability Zone of ${region}`,
    documentation: 'Check the zones your account has with `aws ec2 describe-availability-zones`.',
    kind: 'value' as const,
    order,
  }));
}

const COMMON_PREFIXES = [18, 19, 20, 21, 22, 24, 26];

/** The first free block of each common size inside the VPC, as the subnets written so far leave it. */
function freeCidrs(vpc: VpcModel | undefined): Array<Omit<Completion, 'start' | 'end'>> {
  if (!vpc) return [];
  const ranges = effectiveVpcRanges(vpc).map((r) => r.cidr);
  if (!ranges.length) return [];
  const taken = vpc.subnets.filter((s) => s.cidr).map((s) => s.cidr!.cidr);
  const out: Array<Omit<Completion, 'start' | 'end'>> = [];
  for (const prefix of COMMON_PREFIXES) {
    if (ranges.every((r) => r.prefix > prefix)) continue;
    const block = firstFreeBlock(ranges, taken, prefix);
    if (!block) continue;
    out.push({
      label: block.text,
      insertText: block.text,
      detail: `first free /${prefix}: ${count((1n << BigInt(32 - prefix)) - 5n)} usable`,
      documentation: `The first /${prefix} inside ${ranges.map((r) => escapeMarkdown(r.text)).join(' + ')} that no subnet of this file uses.`,
      kind: 'value',
      order: out.length,
    });
  }
  return out;
}

/** EKS's own service ranges, where they do not collide with the VPC or its subnets. */
function serviceRanges(doc: StreamDocument): Array<Omit<Completion, 'start' | 'end'>> {
  const used: Cidr[] = networkOf(doc).vpcs.flatMap((v) => [...effectiveVpcRanges(v).map((r) => r.cidr), ...v.subnets.flatMap((s) => (s.cidr ? [s.cidr.cidr] : []))]);
  return [EKS_SERVICE_DEFAULT_IN_TEN, EKS_SERVICE_DEFAULT_OTHERWISE].flatMap((cidr, order) => {
    if (used.some((u) => overlaps(u, cidr))) return [];
    return [{ label: cidr.text, insertText: cidr.text, detail: 'a range EKS itself picks', documentation: 'Clear of the VPC and its subnets in this file.', kind: 'value' as const, order }];
  });
}

/** A `subnets:` block with a planned layout over the given zones, in the file's indentation. */
function subnetsBlock(doc: StreamDocument, indent: string, zoneNames: readonly string[]): Omit<Completion, 'start' | 'end'> | undefined {
  const vpc = networkOf(doc).vpcs[0];
  const cidr = vpc?.primary?.cidr ?? vpc?.defaultPrimary;
  const azs = zoneNames.slice(0, 3);
  if (!cidr || azs.length < 2) return undefined;
  const plan = planSubnets({ vpc: cidr.text, azs, tiers: ['public', 'private'] });
  if (!plan.ok) return undefined;
  const step = '  ';
  const lines = ['subnets:'];
  for (const tier of ['public', 'private'] as const) {
    lines.push(`${indent}${step}${tier}:`);
    for (const s of plan.subnets.filter((p) => p.tier === tier)) lines.push(`${indent}${step}${step}${s.az}: { cidr: ${s.cidr} }`);
  }
  return {
    label: 'subnets',
    insertText: lines.join('\n'),
    detail: `public and private subnets in ${azs.join(', ')}`,
    documentation: 'Listing subnets makes eksctl use existing subnets with these blocks: create them first, or leave `subnets` out and let eksctl lay them out.',
    kind: 'snippet',
  };
}

/** The apiVersions a kind is served under at the target version: current ones first, deprecated ones marked. */
function apiVersionsFor(objectKind: string, config: EffectiveConfig): Array<Omit<Completion, 'start' | 'end'>> {
  const target = targetVersion(config).version;
  const found = new Map<string, { deprecated: boolean }>();
  for (const e of API_LIFECYCLES.filter((x) => x.kind === objectKind)) {
    if (e.replacement && e.replacement.kind === objectKind && compareMinor(e.replacement.since, target) <= 0 && !isGone(e.replacement.apiVersion, objectKind, target)) found.set(e.replacement.apiVersion, { deprecated: isDeprecated(e.replacement.apiVersion, objectKind, target) });
    if (!isGone(e.apiVersion, objectKind, target)) found.set(e.apiVersion, { deprecated: isDeprecated(e.apiVersion, objectKind, target) });
  }
  const current = CURRENT[objectKind];
  if (current && !found.has(current)) found.set(current, { deprecated: false });
  return [...found]
    .sort(([, a], [, b]) => Number(a.deprecated) - Number(b.deprecated))
    .map(([apiVersion, { deprecated }], order) => ({
      label: apiVersion,
      insertText: apiVersion,
      detail: deprecated ? `deprecated at Kubernetes ${target}` : `served at Kubernetes ${target}`,
      kind: 'value' as const,
      order,
    }));
}

function isGone(apiVersion: string, kind: string, target: string): boolean {
  const e = API_LIFECYCLES.find((x) => x.apiVersion === apiVersion && x.kind === kind);
  return !!e?.removed && compareMinor(e.removed, target) <= 0;
}

function isDeprecated(apiVersion: string, kind: string, target: string): boolean {
  const e = API_LIFECYCLES.find((x) => x.apiVersion === apiVersion && x.kind === kind);
  return !!e?.deprecated && compareMinor(e.deprecated, target) <= 0;
}

/** The stable apiVersion of common kinds the lifecycle table has no entry for. */
const CURRENT: Readonly<Record<string, string>> = {
  Pod: 'v1',
  Service: 'v1',
  ConfigMap: 'v1',
  Secret: 'v1',
  Namespace: 'v1',
  ServiceAccount: 'v1',
  PersistentVolume: 'v1',
  PersistentVolumeClaim: 'v1',
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
  Ingress: 'networking.k8s.io/v1',
  IngressClass: 'networking.k8s.io/v1',
  NetworkPolicy: 'networking.k8s.io/v1',
  PodDisruptionBudget: 'policy/v1',
  HorizontalPodAutoscaler: 'autoscaling/v2',
  StorageClass: 'storage.k8s.io/v1',
};
