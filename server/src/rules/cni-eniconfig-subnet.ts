import { defineRule, type Severity } from '../engine/rule';
import { documentFacts } from '../formats';
import { isEniConfig } from '../formats/kubernetes/eniConfig';
import { get } from '../model/nav';
import { looksLikeZoneName } from '../network/zones';
import { insideAny, RFC1918 } from '../network/ranges';
import { secondaryBlockRow } from '../network/secondaryBlocks';
import { contains, overlaps } from '../net/cidr';
import { customNetworkingClusters, eniConfigSelection, literalVpcId, subnetsById, ZONE_LABEL, type CustomNetworkingCluster } from '../workspace/customNetworking';
import type { SubnetFact, VpcFact } from '../workspace/facts';

// An ENIConfig's subnet is where ipamd creates the pod ENIs of the nodes that pick it. EC2 attaches a
// network interface only to an instance in the interface's zone, and custom networking needs the
// subnet in the node's VPC: EKS User Guide, https://docs.aws.amazon.com/eks/latest/userguide/cni-custom-network.html
// ("Considerations": same VPC as the node) and the tutorial
// https://docs.aws.amazon.com/eks/latest/userguide/cni-custom-network-tutorial.html (one ENIConfig per
// zone, with a subnet of that zone); EC2 User Guide, https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html
// (an ENI is bound to its subnet's zone, and attaches only to an instance there). The pod subnet's block
// must be one AWS lets the VPC hold beside its primary block (network/secondaryBlocks.ts).
// Only subnets the workspace resolves by ID are judged; anything unresolved is left alone.
export default defineRule({
  meta: {
    code: 'cni-eniconfig-subnet',
    severity: 'error',
    kinds: ['kubernetes'],
    title: "An ENIConfig's subnet is not in the zone its name says, not in the cluster's VPC, or in a block the VPC cannot have",
    docs: 'docs/rules/cni-eniconfig-subnet.md',
  },
  check({ doc, file, workspace, report }) {
    if (!isEniConfig(doc)) return;
    const own = documentFacts(file, doc).eniConfigs?.[0];
    const id = own?.subnet?.id;
    const target = get(get(doc.root, 'spec', doc.anchors), 'subnet', doc.anchors);
    if (!own || !id || !target) return;
    const facts = [...file.documents.flatMap((d) => (d.syntaxErrors.length || d === doc ? [] : [documentFacts(file, d)])), ...workspace.others];
    const clusters = customNetworkingClusters(facts).filter((c): c is CustomNetworkingCluster & { vpc: VpcFact } => c.vpc !== undefined);
    if (!clusters.length) return;
    const hits = subnetsById(facts).get(id.toLowerCase()) ?? [];
    if (!hits.length) return;
    const inVpc = (vpc: VpcFact, c: { vpc: VpcFact }) => vpc === c.vpc || (literalVpcId(vpc) !== undefined && literalVpcId(vpc) === literalVpcId(c.vpc));
    const mine = clusters.flatMap((c) => hits.filter((h) => inVpc(h.vpc, c)).map((h) => ({ cluster: c, ...h })));
    if (!mine.length) {
      // In another VPC: certain only when both VPCs are known by their IDs and one cluster could use it.
      const [only] = clusters;
      const clusterVpc = literalVpcId(only.vpc);
      const other = hits.find((h) => literalVpcId(h.vpc) !== undefined);
      if (clusters.length !== 1 || !clusterVpc || !other) return;
      report({
        target,
        message: `ENIConfig ${own.name} puts pods in subnet ${id}, which ${other.vpc.name} places in VPC ${literalVpcId(other.vpc)}, but cluster ${only.settings.cluster ?? only.vpc.name} is in VPC ${clusterVpc}. Custom networking needs the pod subnet in the nodes' VPC; use a subnet of ${clusterVpc}.`,
        related: [
          { uri: other.subnet.uri, range: other.subnet.range, message: `subnet ${id} in VPC ${literalVpcId(other.vpc)}` },
          { uri: only.settings.uri, range: only.settings.range, message: `custom networking on for cluster ${only.settings.cluster ?? only.vpc.name}` },
        ],
      });
      return;
    }
    const done = new Set<SubnetFact>();
    for (const { cluster, subnet, vpc } of mine) {
      if (done.has(subnet)) continue;
      done.add(subnet);
      const clusterName = cluster.settings.cluster ?? vpc.name;
      // The zone its name says: by the zone label, nodes of that zone take it (certain); picked by
      // annotation, a zone's name is still what the tutorial names it after (very likely meant).
      if (subnet.az && looksLikeZoneName(own.name) && own.name !== subnet.az) {
        const byZone = eniConfigSelection(cluster.settings.cni) === 'zone';
        const severity: Severity | undefined = byZone ? undefined : 'warning';
        report({
          target,
          ...(severity ? { severity } : {}),
          message: `ENIConfig ${own.name} is named after zone ${own.name}, but its subnet ${id} is in ${subnet.az}. ${byZone ? `Cluster ${clusterName} picks ENIConfigs by ${ZONE_LABEL}, so nodes in ${own.name} take it, and EC2 cannot attach an interface of a ${subnet.az} subnet to them: their pods get no address.` : `A node that takes it must be in ${subnet.az}, since EC2 attaches an interface only to an instance in its subnet's zone.`} Use a subnet in ${own.name}.`,
          related: [{ uri: subnet.uri, range: subnet.range, message: `subnet ${id} (${subnet.name}) in ${subnet.az}` }],
        });
      }
      const blockFinding = restrictedBlock(subnet, vpc);
      if (blockFinding) {
        report({
          target,
          message: `ENIConfig ${own.name} puts pods in subnet ${id} (${subnet.cidr!.text}), which ${blockFinding}; the subnet cannot exist as described. Pod subnets for custom networking usually come from a secondary block in 100.64.0.0/10, which AWS allows beside any primary block.`,
          related: [{ uri: subnet.uri, range: subnet.range, message: `subnet ${id} ${subnet.cidr!.text} of VPC ${vpc.name}` }],
        });
      }
    }
  },
});

/** Why the subnet's block is one the VPC cannot hold, or undefined. For an existing VPC the file may
 *  name one of several blocks; a block in an RFC 1918 range still decides the row (the primary is in
 *  the same range: every other row rules out RFC 1918 secondaries), any other block does not. */
function restrictedBlock(subnet: SubnetFact, vpc: VpcFact): string | undefined {
  const cidr = subnet.cidr;
  const primary = vpc.cidrs[0];
  if (!cidr || cidr.family !== 4 || !primary || primary.cidr.family !== 4) return undefined;
  if (vpc.cidrs.some((c) => contains(c.cidr, cidr))) return undefined;
  if (vpc.existing && !insideAny(primary.cidr, RFC1918)) return undefined;
  const row = secondaryBlockRow(
    primary.cidr,
    vpc.cidrs.slice(1).map((c) => c.cidr),
  );
  const hit = row?.restricted.find((r) => overlaps(r.range, cidr));
  if (!row || !hit) return undefined;
  return `${contains(hit.range, cidr) ? 'is in' : 'overlaps'} ${hit.label}: AWS does not let a VPC whose primary block is in ${row.name} (here ${primary.cidr.text}) add such a block`;
}
