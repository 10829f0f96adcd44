// The Availability Zones each node group of a cluster runs nodes in, as the network model says it.
// eksctl: a node group's `availabilityZones`, else its `subnets` (names of `vpc.subnets` entries or
// subnet IDs), else every subnet of the cluster's VPC of the group's tier (private with
// `privateNetworking`, public otherwise), else the cluster's `availabilityZones`
// (https://eksctl.io/usage/vpc-subnet-settings/, https://eksctl.io/usage/nodegroups/).
import type { Node } from 'yaml';
import type { NetworkModel, NodeGroupModel } from './model';

export interface NodeGroupZones {
  readonly group: NodeGroupModel;
  /** Each zone with the node that says it (the zone, the subnet reference, or the group's name). */
  readonly zones: ReadonlyArray<{ readonly name: string; readonly node: Node }>;
  /** How the zones were found, for messages. */
  readonly how: 'availabilityZones' | 'subnets' | 'cluster subnets' | 'cluster availabilityZones';
}

/** The zones of every node group whose zones the model decides; a group whose zones cannot all be
 *  known (a subnet reference that names no subnet of the file) is left out. */
export function nodeGroupZones(net: NetworkModel): NodeGroupZones[] {
  const cluster = net.cluster;
  if (!cluster) return [];
  const subnets = net.vpcs.flatMap((v) => v.subnets);
  const out: NodeGroupZones[] = [];
  for (const group of cluster.nodeGroups) {
    if (group.availabilityZones?.length) {
      out.push({ group, zones: group.availabilityZones, how: 'availabilityZones' });
      continue;
    }
    if (group.subnetRefs?.length) {
      const zones: Array<{ name: string; node: Node }> = [];
      for (const { ref, node } of group.subnetRefs) {
        const subnet = subnets.find((s) => s.name === ref || (s.id !== undefined && s.id.toLowerCase() === ref.toLowerCase()));
        if (!subnet?.az) break;
        zones.push({ name: subnet.az, node });
      }
      if (zones.length === group.subnetRefs.length) out.push({ group, zones, how: 'subnets' });
      continue;
    }
    const tier = group.privateNetworking ? 'private' : 'public';
    const ofTier = subnets.filter((s) => s.tier === tier);
    if (ofTier.length && ofTier.every((s) => s.az)) {
      out.push({ group, zones: ofTier.map((s) => ({ name: s.az!, node: group.node })), how: 'cluster subnets' });
      continue;
    }
    if (!ofTier.length && !subnets.length && cluster.availabilityZones?.length)
      out.push({ group, zones: cluster.availabilityZones.map((z) => ({ name: z.name, node: group.node })), how: 'cluster availabilityZones' });
  }
  return out;
}
