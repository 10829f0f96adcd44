import { defineRule } from '../engine/rule';
import { isAwsRegion, isConcreteZone, isZoneId, regionNamedBy, zoneInRegion } from '../network/zones';
import { formatsWith, networkOf } from '../formats';

/**
 * A zone is judged only when it is a name of a real Region written out: not a placeholder
 * (`${AWS_REGION}a`, `<region>a`), not a zone ID (an ID abbreviates its region's name), and not
 * a name that starts with no real Region (a typo or a made-up name says nothing certain).
 */
function judged(zone: string): boolean {
  return isConcreteZone(zone) && !isZoneId(zone) && regionNamedBy(zone) !== undefined;
}

export default defineRule({
  meta: {
    code: 'subnet-az-region',
    severity: 'error',
    kinds: formatsWith('network'),
    title: "An Availability Zone is not in the cluster's region",
    docs: 'docs/rules/subnet-az-region.md',
  },
  check({ doc, report }) {
    const { vpcs, cluster } = networkOf(doc);
    const region = cluster?.region;
    // Only a real Region: templates write `${AWS_REGION}`, `PLACEHOLDER_AWS_REGION`, `<region>`.
    if (!cluster || !isAwsRegion(region)) return;
    const related = cluster.regionNode ? [{ target: cluster.regionNode, message: `metadata.region ${region}` }] : undefined;
    const check = (zone: string, node: unknown, what: string) => {
      if (!judged(zone) || zoneInRegion(zone, region)) return;
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
