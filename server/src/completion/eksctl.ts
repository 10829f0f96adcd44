// Completions in an eksctl ClusterConfig: its enums and booleans, Kubernetes versions, zones of
// the cluster's Region, free subnet blocks, EKS's service ranges and a planned vpc.subnets block.
import { planSubnets } from '../actions/planner';
import { networkOf } from '../formats';
import { NEWEST_KUBERNETES_MINOR } from '../formats/kubernetes/apiLifecycle';
import type { StreamDocument } from '../model/document';
import { getIn, literalString } from '../model/nav';
import { effectiveVpcRanges } from '../network/model';
import { EKS_SERVICE_DEFAULT_IN_TEN, EKS_SERVICE_DEFAULT_OTHERWISE } from '../network/serviceCidr';
import { isAwsRegion } from '../network/zones';
import { overlaps, type Cidr } from '../net/cidr';
import type { TypingContext } from './context';
import { freeCidrs, pathEnds, pathIs, values, type Item } from './items';

// https://eksctl.io/usage/schema/
export function eksctlCompletions(ctx: TypingContext, doc: StreamDocument | undefined, text: string): Item[] {
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
    return values(
      [
        ['true', ''],
        ['false', ''],
      ],
      'keyword',
    );
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
    const block = subnetsBlock(
      doc,
      ctx.indent,
      zoneList.map((z) => z.label),
    );
    return block ? [block] : [];
  }
  return [];
}

/** Kubernetes minors for `metadata.version`, newest first. */
function kubernetesVersions(): Item[] {
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
function zones(region: string): Item[] {
  return ['a', 'b', 'c', 'd'].map((letter, order) => ({
    label: `${region}${letter}`,
    insertText: `${region}${letter}`,
    detail: `Availability Zone of ${region}`,
    documentation: 'Check the zones your account has with `aws ec2 describe-availability-zones`.',
    kind: 'value' as const,
    order,
  }));
}

/** EKS's own service ranges, where they do not collide with the VPC or its subnets. */
function serviceRanges(doc: StreamDocument): Item[] {
  const used: Cidr[] = networkOf(doc).vpcs.flatMap((v) => [...effectiveVpcRanges(v).map((r) => r.cidr), ...v.subnets.flatMap((s) => (s.cidr ? [s.cidr.cidr] : []))]);
  return [EKS_SERVICE_DEFAULT_IN_TEN, EKS_SERVICE_DEFAULT_OTHERWISE].flatMap((cidr, order) => {
    if (used.some((u) => overlaps(u, cidr))) return [];
    return [{ label: cidr.text, insertText: cidr.text, detail: 'a range EKS itself picks', documentation: 'Clear of the VPC and its subnets in this file.', kind: 'value' as const, order }];
  });
}

/** A `subnets:` block with a planned layout over the given zones, in the file's indentation. */
function subnetsBlock(doc: StreamDocument, indent: string, zoneNames: readonly string[]): Item | undefined {
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
