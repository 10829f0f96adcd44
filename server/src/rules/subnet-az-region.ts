import { defineRule } from '../engine/rule';
import { networkOf } from '../network/model';

/** A zone name is its region's name followed by a letter (`us-west-2a`), or by `-` and a Local or Wavelength Zone suffix. */
export function zoneInRegion(zone: string, region: string): boolean {
  if (!zone.startsWith(region)) return false;
  const rest = zone.slice(region.length);
  return /^[a-z]$/.test(rest) || /^-[a-z0-9-]+$/.test(rest);
}

/** Zone IDs (`usw2-az1`) name a zone without its region's name; they cannot be compared here. */
function isZoneId(text: string): boolean {
  return /^[a-z]+\d+-(az|[a-z]+\d*-az)\d+$/.test(text);
}

export default defineRule({
  meta: {
    code: 'subnet-az-region',
    severity: 'error',
    kinds: ['eksctl'],
    title: "An Availability Zone is not in the cluster's region",
    docs: 'docs/rules/subnet-az-region.md',
  },
  check({ doc, report }) {
    const { vpcs, cluster } = networkOf(doc);
    const region = cluster?.region;
    if (!cluster || !region) return;
    const related = cluster.regionNode ? [{ target: cluster.regionNode, message: `metadata.region ${region}` }] : undefined;
    const check = (zone: string, node: unknown, what: string) => {
      if (isZoneId(zone) || zoneInRegion(zone, region)) return;
      report({ target: node as never, message: `${what} ${zone} is not in ${region}, the cluster's region (metadata.region). Zones of ${region} are named ${region}a, ${region}b, …`, related });
    };
    for (const zone of cluster.availabilityZones ?? []) check(zone.name, zone.node, 'Availability Zone');
    for (const vpc of vpcs) {
      for (const subnet of vpc.subnets) {
        if (subnet.az && subnet.azNode) check(subnet.az, subnet.azNode, subnet.az === subnet.name ? 'Subnet zone' : `Zone of subnet ${subnet.name},`);
      }
    }
    for (const ng of cluster.nodeGroups) {
      for (const zone of ng.availabilityZones ?? []) check(zone.name, zone.node, `Availability Zone of node group ${ng.name},`);
    }
  },
});
