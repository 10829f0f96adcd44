// The pod-address demand on a subnet at full scale, for the hover on its CIDR: what
// capacity/clusterCapacity computes for the document's cluster (the subnet-capacity rule reads
// the same), put beside the subnet's usable size. docs/pod-capacity.md explains the formulas.
import { clusterCapacity } from '../capacity/index';
import type { Consumer, ScaleEvent, SubnetDemand } from '../network/podCapacity';
import type { NetworkModel, SubnetModel } from '../network/model';
import type { WorkspaceView } from '../workspace/facts';
import type { Node } from 'yaml';
import { count } from '../network/ranges';
import { escapeMarkdown } from './markdown';

/** Consumers listed by name in the hover; the rest are summed on one line. */
const LISTED_CONSUMERS = 4;

const n = count;

function plural(value: number, word: string): string {
  return `${n(value)} ${word}${value === 1 ? '' : 's'}`;
}

/** One consumer in words: "batch: 20 nodes × 60 = 1,200" (prefixes counted as 16 addresses). */
export function consumerText(c: Consumer): string {
  const total = c.addresses + 16 * c.prefixes;
  const name = escapeMarkdown(c.kind === 'surge' && c.group ? `${c.group} (update surge)` : c.consumer);
  const perNode = c.nodes ? total / c.nodes : undefined;
  const how = c.nodes && perNode !== undefined && Number.isInteger(perNode) ? `${plural(c.nodes, 'node')} × ${n(perNode)} = ` : c.nodes ? `${plural(c.nodes, 'node')}, ` : '';
  const prefixes = c.prefixes ? ` (${n(c.prefixes)} /28 prefix${c.prefixes === 1 ? '' : 'es'})` : '';
  return `${name}: ${how}${n(total)}${prefixes}`;
}

/**
 * The Markdown paragraph on the demand of the subnet whose CIDR is `node`, in the cluster of
 * `network`; undefined when the node is not a subnet's CIDR of the cluster's VPC. `workspace`:
 * the other files (their aws-node DaemonSets may set the CNI); without it, the text says that
 * only this file was read.
 */
export function subnetDemandHover(network: NetworkModel, node: Node, workspace?: WorkspaceView): string | undefined {
  const vpc = network.vpcs[0];
  const subnet: SubnetModel | undefined = vpc?.subnets.find((s) => s.cidr?.node === node);
  if (!subnet || !network.cluster || subnet.cidr!.cidr.family !== 4) return undefined;
  const from = workspace ? '' : ' (from this file)';
  const capacity = clusterCapacity(network, workspace);
  if (!capacity.known) return `Pod address demand${from}: not known, ${escapeMarkdown(capacity.reason)}.`;
  const i = capacity.subnets.indexOf(subnet);
  const demand: SubnetDemand | undefined = i < 0 ? undefined : capacity.report.subnets[i];
  if (!demand) return undefined;
  // The report names subnets by subnetKey (tier/name); people know them by name and CIDR.
  const named = (key: string): string => {
    const at = capacity.report.subnets.findIndex((r) => r.id === key);
    const s = capacity.subnets[at];
    return s ? `${s.name} (${s.cidr!.cidr.text})` : key;
  };
  return demandText(
    demand,
    capacity.report.firstEvent,
    named,
    from,
    capacity.podSubnetsUnchecked,
    capacity.skipped.map((s) => s.group.name),
  );
}

function demandText(d: SubnetDemand, event: ScaleEvent | undefined, named: (key: string) => string, from: string, podSubnetsUnchecked: boolean, skipped: readonly string[]): string {
  // Nothing is taken in a subnet as the file writes it: its free addresses are all its usable ones.
  const usable = d.space.freeAddresses;
  const lines: string[] = [];
  const verdict = d.exhausted ? `**over by ${n(-d.headroom)}**` : d.atRisk ? `fits by address count, but **not as /28 prefixes**` : `${n(d.headroom)} left`;
  lines.push(`Pod address demand at full scale${from}: **${n(d.total)} of ${n(usable)}** usable · ${verdict}.`);
  // A single consumer left over is listed rather than summed.
  const shown = d.consumers.length === LISTED_CONSUMERS + 1 ? d.consumers.length : LISTED_CONSUMERS;
  const listed = d.consumers.slice(0, shown).map((c) => `- ${consumerText(c)}`);
  const rest = d.consumers.slice(shown);
  if (rest.length) listed.push(`- ${plural(rest.length, 'other consumer')}: ${n(rest.reduce((t, c) => t + c.addresses + 16 * c.prefixes, 0))}`);
  if (listed.length) lines.push(listed.join('\n'));
  if (event && (d.exhausted || d.atRisk) && event.subnet === d.id) {
    const who =
      event.group === undefined
        ? 'the other consumers alone exhaust it'
        : `at ${plural(event.nodes, 'node')}${event.duringSurge ? ' (update surge included)' : ''}, ${escapeMarkdown(event.group)} finds no free ${event.shortOf === 'prefixes' ? '/28 prefix' : 'address'} here`;
    lines.push(`First scale event: ${who}.`);
  } else if (event && (d.exhausted || d.atRisk)) {
    lines.push(`The cluster's first scale event is in subnet ${escapeMarkdown(named(event.subnet))}.`);
  }
  const notes: string[] = [];
  if (podSubnetsUnchecked) notes.push("custom networking: only the nodes' own addresses are counted here");
  if (skipped.length) notes.push(`not counted: ${skipped.map(escapeMarkdown).join(', ')} (cannot be sized)`);
  if (notes.length) lines.push(`${notes.join('; ')}.`);
  return lines.join('\n\n');
}
