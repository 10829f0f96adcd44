// A node group's max pods that the VPC CNI cannot reach on its instance type, and prefix delegation
// turned on for instance types that cannot use it. Facts (docs/pod-capacity.md §1, with sources):
// - max pods per mode: max-pods-calculator.sh (awslabs/amazon-eks-ami, templates/al2/runtime/, commit
//   0ab842803d827b8087d78dd2eff0bc408caec771), network/podCapacity.ts `maxPods`;
// - a pod the CNI has no address for fails its sandbox with "add cmd: failed to assign an IP address
//   to container" (aws/amazon-vpc-cni-k8s cmd/routed-eni-cni-plugin/cni.go, commit
//   b52188387f2e2f10bf289ace929d6a63b176a4fa) and stays in ContainerCreating;
// - prefix delegation needs a Nitro-based or bare-metal type; elsewhere ipamd logs a warning and
//   hands out single addresses (pkg/ipamd/ipamd.go isConfigValid; pkg/awsutils/awsutils.go
//   IsPrefixDelegationSupported, same commit; the EKS guide's prefix procedure,
//   https://docs.aws.amazon.com/eks/latest/userguide/cni-increase-ip-addresses-procedure.html).
import { defineRule } from '../engine/rule';
import { podNetworkingFor } from '../capacity';
import { podNetworkLimits, prefixDelegationSupported } from '../network/instanceTypes';
import { maxPods, HOST_NETWORK_PODS, IPS_PER_PREFIX, type CniValues, type PodNetworkLimits } from '../network/podCapacity';
import { count } from '../network/ranges';
import { formatsWith, networkOf } from '../formats';

interface Reach {
  readonly pods: number;
  readonly how: string;
}

/** The most pods the CNI can run on a node of the type (addresses for them, plus the host-network pods), and how. */
function reach(type: string, limits: PodNetworkLimits, values: CniValues): Reach {
  const m = maxPods(limits, { prefixDelegation: values.prefixDelegation, customNetworking: values.customNetworking, maxEni: values.maxEni });
  const k = limits.ipv4PerEni - 1;
  // Security groups for pods: the trunk takes an interface slot, and each branch interface carries one pod.
  const trunk = values.podEni && (limits.branchEnis ?? 0) > 0 && m.enisForPods > 1 ? 1 : 0;
  const enis = m.enisForPods - trunk;
  const perEni = m.mode === 'prefix-delegation' ? `${count(k)} /28 prefixes of ${IPS_PER_PREFIX}` : `${count(k)} addresses`;
  const parts = [`${plural(enis, 'interface')} × ${perEni}`];
  if (trunk) parts.push(`${count(limits.branchEnis ?? 0)} branch interfaces for pods with security groups`);
  parts.push(`${HOST_NETWORK_PODS} on the host network`);
  const unit = m.mode === 'prefix-delegation' ? IPS_PER_PREFIX : 1;
  const pods = Math.max(0, enis) * k * unit + (trunk ? (limits.branchEnis ?? 0) : 0) + HOST_NETWORK_PODS;
  const notes: string[] = [];
  if (values.customNetworking) notes.push('the primary interface carries no pods with custom networking');
  if (values.maxEni !== undefined && values.maxEni > 0 && values.maxEni < limits.enis) notes.push(`MAX_ENI is ${count(values.maxEni)}`);
  if (m.fellBack) notes.push(`prefix delegation cannot run on ${type}`);
  const mode = m.mode === 'prefix-delegation' ? 'with prefix delegation' : 'in secondary-IP mode';
  return { pods, how: `${mode} (${parts.join(' + ')}${notes.length ? `; ${notes.join('; ')}` : ''})` };
}

const plural = (n: number, one: string): string => `${count(n)} ${n === 1 ? one : `${one}s`}`;

export default defineRule({
  meta: {
    code: 'max-pods-exceeds-cni',
    severity: 'warning',
    kinds: formatsWith('network'),
    title: "A node group's max pods cannot be reached, or prefix delegation cannot take effect, on its instance types",
    docs: 'docs/rules/max-pods-exceeds-cni.md',
  },
  check({ doc, report, workspace }) {
    const network = networkOf(doc);
    const cluster = network.cluster;
    if (!cluster || cluster.ipFamily === 'IPv6') return;
    const networking = podNetworkingFor(network, workspace);
    // Unknown settings: stay silent rather than guess the mode.
    if (!networking.known || networking.ipv6) return;
    const values = networking.values;
    for (const group of cluster.nodeGroups) {
      if (group.capacityUnknown) continue;
      const types = group.instanceTypes.length ? group.instanceTypes : group.toolDefaults ? [group.toolDefaults.instanceType] : [];
      const known = types.map((type) => ({ type, limits: podNetworkLimits(type) })).filter((t): t is { type: string; limits: PodNetworkLimits } => !!t.limits);

      if (values.prefixDelegation) {
        const notNitro = types.filter((t) => prefixDelegationSupported(t) === false);
        if (notNitro.length) {
          const which = notNitro.length === 1 ? `${notNitro[0]} is not a Nitro-based type` : `${notNitro.join(', ')} are not Nitro-based types`;
          report({
            target: group.node,
            message: `Prefix delegation is on, but ${which}: the VPC CNI cannot assign /28 prefixes there and gives node group ${group.name}'s nodes single addresses instead, so they run far fewer pods than with prefixes. Use Nitro-based instance types (such as m5, c5 or t3) for this node group, or plan for secondary-IP capacity.`,
          });
        }
      }

      const written = group.maxPodsPerNode;
      if (written === undefined || !known.length) continue;
      // The type with the lowest reach decides: its nodes are the ones that cannot run what is written.
      let lowest: (Reach & { type: string }) | undefined;
      for (const { type, limits } of known) {
        const r = reach(type, limits, values);
        if (!lowest || r.pods < lowest.pods) lowest = { ...r, type };
      }
      if (!lowest || written <= lowest.pods) continue;
      const several = known.length > 1 ? ` (the smallest of its instance types)` : '';
      report({
        target: group.maxPodsPerNodeNode ?? group.node,
        message: `maxPodsPerNode ${count(written)} is more than the VPC CNI can give addresses to on ${lowest.type}${several}: ${count(lowest.pods)} pods ${lowest.how}. Pods scheduled beyond ${count(lowest.pods)} stay in ContainerCreating ("failed to assign an IP address to container"). Lower maxPodsPerNode, use a larger instance type${values.prefixDelegation ? '' : ', or turn on prefix delegation'}.`,
      });
    }
  },
});
