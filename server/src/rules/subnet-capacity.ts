// A subnet that runs out of addresses before its node groups reach their largest size, for every
// VPC CNI mode: secondary IPs with the warm pool, prefix delegation (free aligned /28s), custom
// networking (the node subnets' share only), security groups for pods (the trunk interface), with
// the EKS control plane's free addresses and managed node group update surge. The numbers come from
// capacity/ (the assembly) and network/podCapacity.ts (the formulas, docs/pod-capacity.md).
import { defineRule } from '../engine/rule';
import { clusterCapacity, nodeTotal, subnetKey, CONTROL_PLANE_CONSUMER, type GroupPlan } from '../capacity';
import { freeBlocksAfter, IPS_PER_PREFIX, type Consumer, type SubnetDemand } from '../network/podCapacity';
import { count } from '../network/ranges';
import { formatsWith, networkOf } from '../formats';

const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;

/** What one node of the group takes from its node subnet, in words. */
function perNode(p: GroupPlan): string {
  const u = p.use;
  const pods = `${count(p.kubeletMaxPods)} max pods`;
  if (!p.typeKnown) return `at least ${plural(nodeTotal(u), 'address', 'addresses')} per node (${p.instanceType} is not in eks-lens's table; ${pods} from maxPodsPerNode)`;
  if (u.podSubnet) return `with custom networking takes ${plural(nodeTotal(u), 'address', 'addresses')} per node here (its primary interface)`;
  if (u.mode === 'prefix-delegation')
    return `with prefix delegation takes ${plural(u.nodeSubnet.prefixes, '/28 prefix', '/28 prefixes')} and ${plural(u.nodeSubnet.addresses, 'address', 'addresses')} per node (${pods}, warm pool included)`;
  const fell = u.fellBack ? `; ${p.instanceType} is not a Nitro type, so prefix delegation falls back to single addresses` : '';
  return `takes ${plural(nodeTotal(u), 'address', 'addresses')} per node (${pods}, warm pool included${fell})`;
}

function consumerText(c: Consumer, plans: ReadonlyMap<string, GroupPlan>, detailed: boolean): string {
  const total = count(c.addresses + c.prefixes * IPS_PER_PREFIX);
  if (c.kind === 'other') return c.consumer === CONTROL_PLANE_CONSUMER ? `${total} kept free for the EKS control plane's interfaces` : `${c.consumer} ${total}`;
  const p = plans.get(c.group!)!;
  if (c.kind === 'surge') return `an update of managed node group "${c.group}" adds up to ${plural(c.nodes ?? 0, 'node')} here: ${total}`;
  return detailed ? `node group "${c.group}" ${count(c.nodes ?? 0)} × ${p.instanceType} ${perNode(p)}: ${total}` : `node group "${c.group}" ${count(c.nodes ?? 0)} × ${p.instanceType}: ${total}`;
}

export default defineRule({
  meta: {
    code: 'subnet-capacity',
    severity: 'warning',
    kinds: formatsWith('network'),
    title: "A node group's subnets have fewer usable addresses than its pods can need",
    docs: 'docs/rules/subnet-capacity.md',
  },
  check({ doc, report, workspace }) {
    const capacity = clusterCapacity(networkOf(doc), workspace);
    if (!capacity.known) return;
    const plans = new Map(capacity.plans.map((p) => [p.group.name, p]));
    const { report: demand, subnets } = capacity;
    demand.subnets.forEach((d: SubnetDemand, i) => {
      if (!d.exhausted) return;
      const subnet = subnets[i]!;
      // Only subnets that node groups launch into: the control plane's 6 alone do not make a finding.
      const groupConsumers = d.consumers.filter((c) => c.kind !== 'other');
      if (!groupConsumers.length) return;
      const biggest = groupConsumers.find((c) => c.kind !== 'surge') ?? groupConsumers[0]!;
      const plan = plans.get(biggest.group!)!;
      const free = d.space.freeAddresses;
      const surge = d.consumers.filter((c) => c.kind === 'surge').reduce((s, c) => s + c.addresses + c.prefixes * IPS_PER_PREFIX, 0);
      const where = `Subnet ${subnet.name} (${subnet.az && subnet.az !== subnet.name ? `${subnet.az}, ` : ''}${count(free)} usable)`;
      let head: string;
      if (d.total <= free) {
        // Enough addresses, too few whole /28s. With the packed placement subnetDemand assumes, this
        // happens only when addresses are already taken in the subnet (none are, from a ClusterConfig).
        const blocks = freeBlocksAfter(d.space, d.addresses);
        head = `${where} needs ${plural(d.prefixes, '/28 prefix', '/28 prefixes')} at full scale but keeps only ${plural(blocks, 'free aligned /28 block')} beside its single addresses (${count(d.total)} addresses in all)`;
      } else if (d.total - surge <= free) {
        head = `${where} holds its node groups at full scale (${count(d.total - surge)} addresses) but not a managed node group update, which needs ${count(d.total)}`;
      } else {
        head = `${where} needs ${count(d.total)} addresses at full scale`;
      }
      const parts = d.consumers.map((c) => consumerText(c, plans, c === biggest));
      const event = demand.firstEvent && demand.firstEvent.subnet === subnetKey(subnet) && demand.firstEvent.group ? demand.firstEvent : undefined;
      const eventText = event ? ` It is first short when "${event.group}" reaches ${plural(event.nodes, 'node')}${event.duringSurge ? ' during an update' : ''}.` : '';
      const custom = capacity.podSubnetsUnchecked ? ' Pod subnets (ENIConfig) are not checked yet.' : '';
      const advice =
        plan.use.mode === 'prefix-delegation'
          ? ' Use larger subnets or fewer nodes, lower max pods, or keep /28 blocks for prefixes with a subnet CIDR reservation.'
          : ' Use larger subnets, fewer or smaller nodes, or a secondary CIDR for pods.';
      // One finding per subnet, on its CIDR (the engine keeps one finding per rule and place); the
      // node groups that draw on it are its related places, the largest first.
      report({
        target: subnet.cidr!.node,
        message: `${head}: ${parts.join('; ')}.${eventText}${custom}${advice}`,
        related: groupConsumers
          .filter((c) => c.kind !== 'surge')
          .map((c) => {
            const p = plans.get(c.group!)!;
            return { target: p.group.maxSize?.node ?? p.group.node, message: `node group ${p.group.name}: ${count(c.nodes ?? 0)} × ${p.instanceType} in ${subnet.name}, ${perNode(p)}` };
          }),
      });
    });
  },
});
