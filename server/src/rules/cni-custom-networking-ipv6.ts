import { defineRule } from '../engine/rule';
import { formatsWith, networkOf } from '../formats';
import { awsNodeCniSettings, isAwsNodeDaemonSet } from '../formats/kubernetes/cni';
import { customNetworkingOn } from '../workspace/customNetworking';

// "If your cluster uses the IPv6 family, you can't use custom networking": EKS User Guide, custom
// networking considerations, https://docs.aws.amazon.com/eks/latest/userguide/cni-custom-network.html.
// ipamd refuses to start with both (pkg/ipamd/ipamd.go isConfigValid, aws/amazon-vpc-cni-k8s at
// b52188387f2e2f10bf289ace929d6a63b176a4fa), so no pod gets an address.
export default defineRule({
  meta: {
    code: 'cni-custom-networking-ipv6',
    severity: 'error',
    kinds: [...formatsWith('network'), 'kubernetes'],
    title: 'Custom networking is turned on for an IPv6 cluster, which the VPC CNI does not support',
    docs: 'docs/rules/cni-custom-networking-ipv6.md',
  },
  check({ doc, report }) {
    // An aws-node DaemonSet written by hand: IPv6 mode is its own ENABLE_IPv6.
    if (doc.kind === 'kubernetes') {
      const cni = isAwsNodeDaemonSet(doc) ? awsNodeCniSettings(doc) : undefined;
      const v6 = cni?.ENABLE_IPv6;
      const custom = cni?.AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG;
      if (!cni || v6?.state !== 'known' || v6.value !== true || custom?.state !== 'known' || !customNetworkingOn(cni)) return;
      report({
        target: custom.at,
        message: `Custom networking (AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=${custom.text}) is turned on together with ENABLE_IPv6=${v6.text}. The VPC CNI does not support custom networking in IPv6 mode: ipamd refuses the configuration and pods get no address. Remove one of the two.`,
        related: [{ target: v6.at, message: `ENABLE_IPv6=${v6.text}` }],
      });
      return;
    }
    for (const pods of networkOf(doc).podNetworking ?? []) {
      if (pods.ipFamily !== 'IPv6' || !customNetworkingOn(pods.cni)) continue;
      const setting = pods.cni.AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG;
      if (setting.state !== 'known') continue;
      report({
        target: setting.at,
        message: `Custom networking (AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=${setting.text}) is turned on for ${pods.cluster ? `cluster ${pods.cluster}, ` : 'a cluster '}whose IP family is IPv6. The VPC CNI does not support custom networking with IPv6: ipamd refuses the configuration and pods get no address. Remove the setting (IPv6 pods take their addresses from the node's subnet), or create the cluster with the IPv4 family.`,
      });
    }
  },
});
