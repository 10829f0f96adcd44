import { defineRule } from '../engine/rule';
import { documentFacts, networkOf } from '../formats';
import { nodeGroupZones } from '../network/nodeZones';
import { customNetworkingOn, eniConfigSelection, eniConfigsIn, ZONE_LABEL } from '../workspace/customNetworking';

// With custom networking on, ipamd creates a node's pod ENIs in the subnet of the node's ENIConfig;
// when it cannot read that ENIConfig it creates none (pkg/ipamd/ipamd.go tryAllocateENI, and
// pkg/eniconfig/eniconfig.go MyENIConfig, aws/amazon-vpc-cni-k8s at b52188387f2e2f10bf289ace929d6a63b176a4fa).
// With ENI_CONFIG_LABEL_DEF=topology.kubernetes.io/zone a node without an ENIConfig annotation takes
// the ENIConfig named after its zone (https://docs.aws.amazon.com/eks/latest/userguide/cni-custom-network-tutorial.html).
// Silent unless the workspace holds ENIConfigs: many projects create them outside the files checked.
export default defineRule({
  meta: {
    code: 'cni-eniconfig-missing',
    severity: 'warning',
    kinds: ['eksctl'],
    title: 'A zone that runs nodes has no ENIConfig named after it, while custom networking picks ENIConfigs by zone',
    docs: 'docs/rules/cni-eniconfig-missing.md',
  },
  check({ doc, file, workspace, report }) {
    const net = networkOf(doc);
    const pods = net.podNetworking?.[0];
    if (!pods || !customNetworkingOn(pods.cni) || eniConfigSelection(pods.cni) !== 'zone') return;
    const facts = [...file.documents.flatMap((d) => (d.syntaxErrors.length ? [] : [documentFacts(file, d)])), ...workspace.others];
    const eniConfigs = eniConfigsIn(facts);
    if (!eniConfigs.length) return;
    const names = new Set(eniConfigs.map((e) => e.name));
    const known = [...names].sort().slice(0, 6).join(', ') + (names.size > 6 ? ', …' : '');
    const setting = pods.cni.ENI_CONFIG_LABEL_DEF;
    const related = setting.state === 'known' ? [{ target: setting.at, message: `ENI_CONFIG_LABEL_DEF=${ZONE_LABEL}` }] : [];
    for (const { group, zones } of nodeGroupZones(net)) {
      const seen = new Set<string>();
      for (const zone of zones) {
        if (names.has(zone.name) || seen.has(zone.name)) continue;
        seen.add(zone.name);
        report({
          target: zone.node,
          message: `Node group ${group.name} runs nodes in ${zone.name}, but no ENIConfig named ${zone.name} is in the workspace (found: ${known}). With custom networking on and ENI_CONFIG_LABEL_DEF=${ZONE_LABEL}, a node takes the ENIConfig named after its zone; without it the VPC CNI attaches no ENI for pods and they get no address. Add an ENIConfig named ${zone.name} whose subnet is in that zone.`,
          related,
        });
      }
    }
  },
});
