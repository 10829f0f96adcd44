import { defineRule, type RelatedPlace } from '../engine/rule';
import { get, items, literalString } from '../model/nav';
import { contains, parseCidr, parseIp, type Cidr } from '../net/cidr';
import { type ServiceCidrFact, type VpcFact } from '../workspace/facts';
import type { Node } from 'yaml';
import { documentFacts } from '../formats';

// The API server assigns and accepts Service cluster IPs only from the service CIDR it was
// started with (on EKS: kubernetesNetworkConfig.serviceIpv4Cidr, fixed at cluster creation).
// https://kubernetes.io/docs/concepts/services-networking/cluster-ip-allocation/
// https://docs.aws.amazon.com/eks/latest/APIReference/API_KubernetesNetworkConfigRequest.html

interface Known {
  readonly cidr: Cidr;
  /** Where the range comes from, for the message. */
  readonly source: string;
  readonly place?: RelatedPlace;
  /** EKS's default for a ClusterConfig that writes no range, not a range written anywhere. */
  readonly defaulted?: boolean;
}

export default defineRule({
  meta: {
    code: 'k8s-service-ip-outside-cidr',
    severity: 'error',
    kinds: ['kubernetes'],
    title: "A Service's clusterIP is outside the cluster's service CIDR",
    docs: 'docs/rules/k8s-service-ip-outside-cidr.md',
  },
  check({ doc, file, config, workspace, report }) {
    if (doc.objectKind !== 'Service' || doc.apiVersion !== 'v1') return;
    const facts = [...file.documents.flatMap((d) => (d.syntaxErrors.length ? [] : [documentFacts(file, d)])), ...workspace.others];
    const known = knownServiceCidrs(
      config.serviceCidr,
      file.uri,
      facts.flatMap((f) => f.serviceCidrs),
      facts.flatMap((f) => (f.vpcs ?? []).filter((v) => v.source === 'eksctl')),
    );
    if (!known.length) return;
    const a = doc.anchors;
    const spec = get(doc.root, 'spec', a);
    const fields: Array<[string, Node]> = [];
    const clusterIP = get(spec, 'clusterIP', a);
    if (clusterIP) fields.push(['clusterIP', clusterIP]);
    items(get(spec, 'clusterIPs', a), a).forEach((n, i) => fields.push([`clusterIPs[${i}]`, n]));
    for (const [path, node] of fields) {
      const text = literalString(node);
      // `None` (headless) and '' (allocate one) are not addresses; invalid ones are ip-syntax's.
      if (text === undefined || text === 'None' || text === '') continue;
      const ip = parseIp(text);
      if (!ip.ok) continue;
      const sameFamily = known.filter((k) => k.cidr.family === ip.value.family);
      // Another family's range says nothing about this address (dual-stack, IPv6 clusters).
      if (!sameFamily.length || sameFamily.some((k) => contains(k.cidr, ip.value))) continue;
      const ranges = sameFamily.map((k) => `${k.cidr.text} (${k.source})`);
      report({
        target: node,
        // A default is EKS's documented pair narrowed by the VPC, not a range anyone wrote: a warning.
        ...(sameFamily.every((k) => k.defaulted) ? { severity: 'warning' as const } : {}),
        message: `spec.${path} ${text} is outside ${ranges.length === 1 ? `the cluster's service CIDR ${ranges[0]}` : `every service CIDR known in the workspace: ${ranges.join('; ')}`}. The API server only accepts cluster IPs from that range; pick an address inside it, or leave the field out to get one assigned.`,
        related: sameFamily.flatMap((k) => (k.place ? [k.place] : [])),
      });
    }
  },
});

/**
 * The service CIDRs to check against. The user's setting takes the place of the ranges eksctl
 * configs declare; ServiceCIDR objects in the workspace add ranges to the cluster either way.
 */
function knownServiceCidrs(setting: string | undefined, uri: string, facts: readonly ServiceCidrFact[], clusters: readonly VpcFact[]): Known[] {
  const out: Known[] = [];
  if (setting) {
    const parsed = parseCidr(setting);
    if (parsed.ok) out.push({ cidr: parsed.value, source: 'serviceCidr setting' });
  }
  const seen = new Set<string>(out.map((k) => k.cidr.network));
  for (const fact of facts) {
    if ((setting && fact.source === 'eksctl') || seen.has(fact.cidr.network)) continue;
    seen.add(fact.cidr.network);
    const where = fact.uri === uri ? 'this file' : (fact.uri.split('/').pop() ?? fact.uri);
    const field = fact.source === 'eksctl' ? 'serviceIPv4CIDR' : 'spec.cidrs';
    const owner = fact.name ? `${fact.source === 'eksctl' ? 'cluster' : 'ServiceCIDR'} ${fact.name}` : fact.source === 'eksctl' ? 'a ClusterConfig' : 'a ServiceCIDR';
    out.push({
      cidr: fact.cidr,
      source: `${field} of ${owner} in ${where}`,
      place: { uri: fact.uri, range: fact.range, message: `${field} ${fact.cidr.text} of ${owner}` },
    });
  }
  // A ClusterConfig without serviceIPv4CIDR gets EKS's default, derived from its VPC. It stands for
  // the cluster only when it is the one cluster the workspace knows: with several, a manifest may
  // be meant for any of them.
  const [only] = clusters;
  if (!setting && clusters.length === 1 && only.defaultServiceCidr && !seen.has(only.defaultServiceCidr.network)) {
    const where = only.uri === uri ? 'this file' : (only.uri.split('/').pop() ?? only.uri);
    const cidr = only.defaultServiceCidr;
    out.push({
      cidr,
      defaulted: true,
      source: `EKS's default for cluster ${only.name} in ${where}, which writes no serviceIPv4CIDR`,
      place: { uri: only.uri, range: only.range, message: `cluster ${only.name}: no serviceIPv4CIDR, so EKS uses ${cidr.text}` },
    });
  }
  return out;
}
