import { defineRule } from '../engine/rule';
import { defaultMaxPods } from '../network/instanceTypes';
import { type NodeGroupModel, type SubnetModel, type VpcModel } from '../network/model';
import { count, usableInSubnet } from '../network/ranges';
import { EKSCTL_DEFAULT_INSTANCE_TYPE, EKSCTL_DEFAULT_NODES } from '../formats/eksctl/network';
import { formatsWith, networkOf } from '../formats';

interface Demand {
  readonly group: NodeGroupModel;
  readonly nodes: number;
  readonly instanceType: string;
  readonly podsPerNode: number;
}

/** The subnets a node group launches into, when every one of them is in the file with a CIDR. */
function subnetsOf(group: NodeGroupModel, vpc: VpcModel): SubnetModel[] | undefined {
  let chosen: SubnetModel[];
  if (group.subnetRefs) {
    chosen = [];
    // eksctl looks a name or ID up in the group's own tier first, then in the other.
    const tier = group.privateNetworking ? 'private' : 'public';
    const ordered = [...vpc.subnets.filter((s) => s.tier === tier), ...vpc.subnets.filter((s) => s.tier !== tier)];
    for (const { ref } of group.subnetRefs) {
      const subnet = ordered.find((s) => s.name === ref) ?? ordered.find((s) => s.id === ref);
      if (!subnet) return undefined;
      chosen.push(subnet);
    }
  } else {
    const tier = group.privateNetworking ? 'private' : 'public';
    chosen = vpc.subnets.filter((s) => s.tier === tier);
    const zones = group.availabilityZones?.map((z) => z.name);
    if (zones) {
      if (chosen.some((s) => s.az === undefined)) return undefined;
      chosen = chosen.filter((s) => zones.includes(s.az!));
    }
  }
  return chosen.length && chosen.every((s) => s.cidr) ? chosen : undefined;
}

/** Pods the group can run at its maximum size, each needing a VPC address; undefined when unknown. */
function demandOf(group: NodeGroupModel): Demand | undefined {
  if (group.capacityUnknown) return undefined;
  const nodes = group.maxSize?.value ?? group.desiredCapacity ?? EKSCTL_DEFAULT_NODES;
  const types = group.instanceTypes.length ? group.instanceTypes : [EKSCTL_DEFAULT_INSTANCE_TYPE];
  let smallest: { type: string; pods: number } | undefined;
  for (const type of types) {
    const pods = group.maxPodsPerNode ?? defaultMaxPods(type);
    if (pods === undefined) return undefined;
    if (!smallest || pods < smallest.pods) smallest = { type, pods };
  }
  return smallest && nodes > 0 ? { group, nodes, instanceType: smallest.type, podsPerNode: smallest.pods } : undefined;
}

function explain(d: Demand): string {
  return `${count(d.nodes)} × ${d.instanceType} at ${d.podsPerNode} pods`;
}

export default defineRule({
  meta: {
    code: 'subnet-capacity',
    severity: 'warning',
    kinds: formatsWith('network'),
    title: "A node group's subnets have fewer usable addresses than its pods can need",
    docs: 'docs/rules/subnet-capacity.md',
  },
  check({ doc, report }) {
    const { vpcs, cluster } = networkOf(doc);
    const vpc = vpcs[0];
    // With IPv6 pods take addresses from the subnet's IPv6 block, which does not run out.
    if (!cluster || !vpc || cluster.ipFamily === 'IPv6') return;
    // Node groups that launch into exactly the same subnets draw on the same addresses.
    const pools = new Map<string, { subnets: SubnetModel[]; demands: Demand[] }>();
    for (const group of cluster.nodeGroups) {
      const subnets = subnetsOf(group, vpc);
      const demand = demandOf(group);
      if (!subnets || !demand) continue;
      const key = subnets
        .map((s) => `${s.tier}/${s.name}`)
        .sort()
        .join(',');
      const pool = pools.get(key) ?? { subnets, demands: [] };
      pool.demands.push(demand);
      pools.set(key, pool);
    }
    for (const { subnets, demands } of pools.values()) {
      const supply = subnets.reduce((sum, s) => sum + usableInSubnet(s.cidr!.cidr), 0);
      const need = demands.reduce((sum, d) => sum + d.nodes * d.podsPerNode, 0);
      if (need <= supply) continue;
      const tiers = [...new Set(subnets.map((s) => s.tier))];
      const what =
        subnets.length === 1
          ? `Subnet ${subnets[0].name} gives`
          : `${tiers.length === 1 && tiers[0] ? `${tiers[0][0].toUpperCase()}${tiers[0].slice(1)} subnets` : 'Its subnets'} (${subnets.map((s) => s.name).join(', ')}) give`;
      // One finding per pool, on the group that needs the most, naming the others.
      const biggest = demands.reduce((a, b) => (b.nodes * b.podsPerNode > a.nodes * a.podsPerNode ? b : a));
      const needText =
        demands.length === 1
          ? `node group ${biggest.group.name} can need ${count(need)} (${explain(biggest)})`
          : `node groups ${demands.map((d) => d.group.name).join(' and ')} can need ${count(need)} together (${demands.map((d) => `${d.group.name}: ${explain(d)}`).join('; ')})`;
      report({
        target: biggest.group.maxSize?.node ?? biggest.group.node,
        message: `${what} ${count(supply)} usable addresses; ${needText}. With the VPC CNI every pod takes a VPC address. Use larger subnets, fewer or smaller nodes, or a secondary CIDR for pods.`,
        related: [
          ...demands.filter((d) => d !== biggest).map((d) => ({ target: d.group.maxSize?.node ?? d.group.node, message: `node group ${d.group.name}: ${explain(d)}` })),
          ...subnets.map((s) => ({ target: s.cidr!.node, message: `${s.name}: ${s.cidr!.cidr.text}, ${count(usableInSubnet(s.cidr!.cidr))} usable` })),
        ],
      });
    }
  },
});
