import type { Node } from 'yaml';
import { defineRule } from '../engine/rule';
import { documentFacts, networkOf } from '../formats';
import { nodeGroupZones } from '../network/nodeZones';
import { isAwsRegion, isConcreteZone, isZoneId, regionNamedBy } from '../network/zones';
import { customNetworkingOn, ENI_CONFIG_DEFAULT_LABEL, eniConfigSelection, eniConfigsIn, EXTERNAL_LABEL, ZONE_LABEL } from '../workspace/customNetworking';

// With custom networking on, ipamd creates a node's pod ENIs in the subnet of the node's ENIConfig;
// when it cannot read that ENIConfig it creates none (pkg/ipamd/ipamd.go tryAllocateENI, and
// pkg/eniconfig/eniconfig.go MyENIConfig, aws/amazon-vpc-cni-k8s at b52188387f2e2f10bf289ace929d6a63b176a4fa).
// With ENI_CONFIG_LABEL_DEF=topology.kubernetes.io/zone a node without an ENIConfig annotation takes
// the ENIConfig named after its zone (https://docs.aws.amazon.com/eks/latest/userguide/cni-custom-network-tutorial.html).
// A node group's own label naming its ENIConfig (vpc.amazonaws.com/externalEniConfig, or the label
// ENI_CONFIG_LABEL_DEF names, k8s.amazonaws.com/eniConfig by default) is checked the same way.
// Silent unless the workspace holds ENIConfigs (other than ones named after another Region's zones):
// many projects create them outside the files checked.
export default defineRule({
  meta: {
    code: 'cni-eniconfig-missing',
    severity: 'warning',
    kinds: ['eksctl'],
    title: 'Nodes would look for an ENIConfig the workspace does not have: one named after their zone, or the one their node group labels them with',
    docs: 'docs/rules/cni-eniconfig-missing.md',
  },
  check({ doc, file, workspace, report }) {
    const net = networkOf(doc);
    const pods = net.podNetworking?.[0];
    if (!pods || !customNetworkingOn(pods.cni)) return;
    const selection = eniConfigSelection(pods.cni);
    const facts = [...file.documents.flatMap((d) => (d.syntaxErrors.length ? [] : [documentFacts(file, d)])), ...workspace.others];
    // ENIConfigs named after the zones of another Region are another cluster's.
    const region = net.cluster?.region;
    const eniConfigs = eniConfigsIn(facts).filter((e) => !isAwsRegion(region) || (regionNamedBy(e.name) ?? region) === region);
    if (!eniConfigs.length) return;
    const names = new Set(eniConfigs.map((e) => e.name));
    const known = [...names].sort().slice(0, 6).join(', ') + (names.size > 6 ? ', …' : '');
    const setting = pods.cni.ENI_CONFIG_LABEL_DEF;
    const related = setting.state === 'known' ? [{ target: setting.at, message: `ENI_CONFIG_LABEL_DEF=${setting.text}` }] : [];
    // The label a node's ENIConfig name is read from when no annotation names one (undefined: unknown).
    const labelDef = setting.state === 'unknown' ? undefined : setting.value || ENI_CONFIG_DEFAULT_LABEL;
    const zonesOf = new Map(nodeGroupZones(net).map((z) => [z.group, z.zones]));
    for (const group of net.cluster?.nodeGroups ?? []) {
      // A label on the group's nodes names their ENIConfig: the external label first, then ENI_CONFIG_LABEL_DEF's.
      const external = group.labels && Object.hasOwn(group.labels, EXTERNAL_LABEL) ? group.labels[EXTERNAL_LABEL] : undefined;
      const byLabel = labelDef !== undefined && labelDef !== ZONE_LABEL && group.labels && Object.hasOwn(group.labels, labelDef) ? group.labels[labelDef] : undefined;
      const named = external ?? byLabel;
      if (named) {
        if (named.value !== null && !names.has(named.value)) {
          const label = external ? EXTERNAL_LABEL : labelDef!;
          report({
            target: named.node,
            message: `Node group ${group.name} labels its nodes ${label}=${named.value}, so with custom networking on the VPC CNI looks for the ENIConfig named ${named.value}, and none is in the workspace (found: ${known}). Without it the VPC CNI attaches no ENI for pods and they get no address. Add that ENIConfig, or label the nodes with the name of one that exists.`,
          });
        }
        continue;
      }
      if (selection !== 'zone') continue;
      const zones = zonesOf.get(group) ?? [];
      // Zones found at one place (the group's name, for zones it takes from the cluster) make one finding.
      const missing = new Map<Node, string[]>();
      for (const zone of zones) {
        // A placeholder (`${AWS_REGION}a`) or a zone ID is not the name the zone label holds.
        if (names.has(zone.name) || !isConcreteZone(zone.name) || isZoneId(zone.name)) continue;
        const list = missing.get(zone.node) ?? [];
        if (!list.includes(zone.name)) list.push(zone.name);
        missing.set(zone.node, list);
      }
      for (const [target, list] of missing) {
        const them = list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
        report({
          target,
          message: `Node group ${group.name} runs nodes in ${them}, but no ENIConfig named ${list.length === 1 ? list[0] : 'after these zones'} is in the workspace (found: ${known}). With custom networking on and ENI_CONFIG_LABEL_DEF=${ZONE_LABEL}, a node takes the ENIConfig named after its zone; without it the VPC CNI attaches no ENI for pods and they get no address. ${list.length === 1 ? `Add an ENIConfig named ${them} whose subnet is in that zone.` : 'Add one ENIConfig per zone, named after it, whose subnet is in that zone.'}`,
          related,
        });
      }
    }
  },
});
