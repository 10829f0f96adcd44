// eks-lens capacity: the pod address simulator on the command line. Reads each eksctl ClusterConfig
// through capacity/ (the same model the subnet-capacity rule uses), with its levers re-run through
// the model (capacity/levers.ts), and writes text or JSON. The JSON shape is documented in
// docs/pod-capacity.md ("Simulator") and stays stable: fields are added, never renamed.
import type { FileModel } from '../model/document';
import type { WorkspaceIndex } from '../workspace/index';
import { networkOf } from '../formats';
import { clusterCapacity, CONTROL_PLANE_CONSUMER, type ClusterCapacity, type GroupPlan } from '../capacity';
import { capacityLevers, type Lever } from '../capacity/levers';
import { IPS_PER_PREFIX, type ScaleEvent } from '../network/podCapacity';
import { count } from '../network/ranges';

export const CAPACITY_JSON_VERSION = 1;

export interface CapacitySubnetJson {
  id: string;
  name: string;
  tier: string | null;
  zone: string | null;
  cidr: string;
  /** Usable addresses (AWS keeps 5 of every subnet). */
  usable: number;
  /** Free aligned /28 blocks (what prefix delegation can use). */
  freePrefixes: number;
  /** Addresses needed at full scale (a /28 prefix counts 16). */
  demand: number;
  headroom: number;
  exhausted: boolean;
  atRisk: boolean;
  consumers: { consumer: string; kind: string; nodes: number | null; addresses: number; prefixes: number }[];
}

export interface CapacityEventJson {
  group: string | null;
  nodes: number;
  instanceType: string | null;
  duringSurge: boolean;
  subnet: string;
  zone: string | null;
  shortOf: 'addresses' | 'prefixes';
  text: string;
}

export interface CapacityLeverJson {
  kind: string;
  change: string;
  subnet?: string;
  prefix?: number;
  freeBlock?: string | null;
  podSubnets?: { id: string; zone: string; cidr: string }[];
  exhausted: boolean;
  subnets: { id: string; headroom: number; exhausted: boolean }[];
  firstEvent: CapacityEventJson | null;
}

export interface CapacityClusterJson {
  file: string;
  /** The document's index in its file, from 0. */
  document: number;
  region: string | null;
  known: boolean;
  /** Why the capacity is unknown (only when `known` is false). */
  reason?: string;
  cni?: { mode: 'secondary-ip' | 'prefix-delegation'; prefixDelegation: boolean; customNetworking: boolean; source: string };
  groups?: {
    name: string;
    managed: boolean;
    nodes: number;
    surge: number;
    instanceType: string;
    kubeletMaxPods: number;
    maxPodsSource: string;
    addressesPerNode: number;
    prefixesPerNode: number;
  }[];
  skipped?: { name: string; reason: string }[];
  subnets?: CapacitySubnetJson[];
  exhausted?: boolean;
  firstEvent?: CapacityEventJson | null;
  podSubnetsUnchecked?: boolean;
  levers?: CapacityLeverJson[];
}

export interface CapacityJson {
  version: number;
  projectFile?: string;
  clusters: CapacityClusterJson[];
  notes: string[];
  /** True when a known cluster has a subnet exhausted at full scale (exit status 1). */
  exhausted: boolean;
}

function cniSource(c: ClusterCapacity): string {
  const s = c.networking.source;
  if (s.kind === 'aws-node') return `the aws-node DaemonSet in ${s.place.uri}:${s.place.range.start.line + 1}`;
  return s.addonDeclared ? "the file's vpc-cni add-on" : 'the defaults of the vpc-cni add-on EKS installs (none declared)';
}

function eventJson(c: ClusterCapacity, e: ScaleEvent | undefined): CapacityEventJson | null {
  if (!e) return null;
  const plan = c.plans.find((p) => p.group.name === e.group);
  const where = e.zone ?? e.subnet;
  const short = e.shortOf === 'prefixes' ? 'free /28 blocks' : 'addresses';
  const text = e.group
    ? `node group \`${e.group}\` reaching ${count(e.nodes)} × ${plan?.instanceType ?? '?'}${e.duringSurge ? ' during an update' : ''} in ${where} (subnet ${e.subnet} runs out of ${short})`
    : `subnet ${e.subnet} in ${where} is short of ${short} before any node starts`;
  return { group: e.group ?? null, nodes: e.nodes, instanceType: plan?.instanceType ?? null, duringSurge: e.duringSurge, subnet: e.subnet, zone: e.zone ?? null, shortOf: e.shortOf, text };
}

function subnetsJson(c: ClusterCapacity): CapacitySubnetJson[] {
  return c.report.subnets.map((d, i) => {
    const s = c.subnets[i];
    return {
      id: d.id,
      name: s?.name ?? d.id,
      tier: s ? (s.tier ?? null) : 'pods',
      zone: d.zone ?? null,
      cidr: s?.cidr?.cidr.network ?? '',
      usable: d.space.freeAddresses,
      freePrefixes: d.space.freeBlocks,
      demand: d.total,
      headroom: d.headroom,
      exhausted: d.exhausted,
      atRisk: d.atRisk,
      consumers: d.consumers.map((k) => ({ consumer: k.consumer, kind: k.kind, nodes: k.nodes ?? null, addresses: k.addresses, prefixes: k.prefixes })),
    };
  });
}

function leverJson(l: Lever): CapacityLeverJson {
  const r = l.result;
  return {
    kind: l.kind,
    change: l.change,
    ...(l.subnet !== undefined ? { subnet: l.subnet, prefix: l.prefix, freeBlock: l.freeBlock ?? null } : {}),
    ...(l.podSubnets ? { podSubnets: [...l.podSubnets] } : {}),
    exhausted: r.report.subnets.some((d) => d.exhausted),
    subnets: r.report.subnets.map((d) => ({ id: d.id, headroom: d.headroom, exhausted: d.exhausted })),
    firstEvent: eventJson(r, r.report.firstEvent),
  };
}

function groupJson(p: GroupPlan): NonNullable<CapacityClusterJson['groups']>[number] {
  return {
    name: p.group.name,
    managed: p.group.managed,
    nodes: p.nodes,
    surge: p.surge,
    instanceType: p.instanceType,
    kubeletMaxPods: p.kubeletMaxPods,
    maxPodsSource: p.maxPodsSource,
    addressesPerNode: p.use.nodeSubnet.addresses,
    prefixesPerNode: p.use.nodeSubnet.prefixes,
  };
}

/** The simulator's result for every eksctl ClusterConfig among `models` (the JSON output, before the project file is added). */
export function capacityReport(models: readonly FileModel[], index: WorkspaceIndex): CapacityJson {
  const clusters: CapacityClusterJson[] = [];
  let templates = 0;
  for (const model of models) {
    for (const doc of model.documents) {
      if (doc.kind === 'cloudformation') templates++;
      if (doc.kind !== 'eksctl') continue;
      const network = networkOf(doc);
      if (!network.cluster) continue;
      const workspace = index.viewFrom(model.uri);
      const base = { file: model.uri, document: doc.index, region: network.cluster.region ?? null };
      const c = clusterCapacity(network, workspace);
      if (!c.known) {
        clusters.push({ ...base, known: false, reason: c.reason });
        continue;
      }
      const v = c.networking.values;
      const mode = c.plans.some((p) => p.use.mode === 'prefix-delegation') || (v.prefixDelegation && !c.plans.length) ? 'prefix-delegation' : 'secondary-ip';
      clusters.push({
        ...base,
        known: true,
        cni: { mode, prefixDelegation: !!v.prefixDelegation, customNetworking: !!v.customNetworking, source: cniSource(c) },
        groups: c.plans.map(groupJson),
        skipped: c.skipped.map((s) => ({ name: s.group.name, reason: s.reason })),
        subnets: subnetsJson(c),
        exhausted: c.report.subnets.some((d) => d.exhausted),
        firstEvent: eventJson(c, c.report.firstEvent),
        podSubnetsUnchecked: c.podSubnetsUnchecked,
        // Levers only where something runs out: they answer "what gives room".
        levers: c.report.subnets.some((d) => d.exhausted) ? capacityLevers(network, workspace, c).map(leverJson) : [],
      });
    }
  }
  const notes: string[] = [];
  if (templates)
    notes.push(
      `${count(templates)} CloudFormation template${templates === 1 ? '' : 's'} not simulated: eks-lens has no cluster model for CloudFormation yet (node groups and CNI settings are read from eksctl ClusterConfigs only)`,
    );
  if (!clusters.length) notes.push('no eksctl ClusterConfig found');
  return { version: CAPACITY_JSON_VERSION, clusters, notes, exhausted: clusters.some((c) => c.exhausted === true) };
}

/** Rows as aligned columns; columns in `right` are right-aligned. */
function table(rows: string[][], right: ReadonlySet<number>, indent = '    '): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, i) => (right.has(i) ? cell.padStart(widths[i]!) : i === row.length - 1 ? cell : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
  );
}

const signed = (n: number): string => (n < 0 ? `−${count(-n)}` : count(n));

function consumerWords(k: CapacitySubnetJson['consumers'][number]): string {
  const total = count(k.addresses + k.prefixes * IPS_PER_PREFIX);
  if (k.kind === 'other') return k.consumer === CONTROL_PLANE_CONSUMER ? `${total} kept free for the EKS control plane` : `${k.consumer} ${total}`;
  const nodes = `${count(k.nodes ?? 0)} node${k.nodes === 1 ? '' : 's'}`;
  if (k.kind === 'surge') return `${k.consumer} update surge (${nodes}) ${total}`;
  if (k.kind === 'pods') return `${k.consumer} pods (${nodes}) ${total}`;
  return `${k.consumer} (${nodes}) ${total}`;
}

/** The simulator's text output. */
export function formatCapacityText(report: CapacityJson): string {
  const out: string[] = [];
  for (const c of report.clusters) {
    out.push(`${c.file}${c.document ? ` (document ${c.document + 1})` : ''}: cluster${c.region ? ` in ${c.region}` : ''}`);
    if (!c.known) {
      out.push(`  Capacity unknown: ${c.reason}. No numbers are given rather than a guess.`, '');
      continue;
    }
    const cni = c.cni!;
    const mode = cni.mode === 'prefix-delegation' ? 'prefix delegation (/28 prefixes)' : 'secondary IPs';
    out.push(`  VPC CNI: ${mode}, custom networking ${cni.customNetworking ? 'on' : 'off'}; from ${cni.source}`);
    if (c.groups!.length) {
      out.push('  Node groups at full scale:');
      const rows = [['GROUP', 'KIND', 'NODES', 'SURGE', 'TYPE', 'MAX PODS', 'PER NODE']];
      for (const g of c.groups!) {
        const per = g.prefixesPerNode ? `${count(g.prefixesPerNode)} × /28 + ${count(g.addressesPerNode)}` : `${count(g.addressesPerNode)} addresses`;
        rows.push([g.name, g.managed ? 'managed' : 'self-managed', count(g.nodes), count(g.surge), g.instanceType, count(g.kubeletMaxPods), per]);
      }
      out.push(...table(rows, new Set([2, 3, 5])));
    }
    for (const s of c.skipped!) out.push(`  Not sized: node group \`${s.name}\`: ${s.reason}.`);
    if (!c.subnets!.length) {
      out.push('  No subnet with a CIDR in the file: nothing to simulate.', '');
      continue;
    }
    out.push('  Subnets at full scale:');
    const rows = [['SUBNET', 'ZONE', 'CIDR', 'USABLE', 'FREE /28', 'DEMAND', 'HEADROOM', '']];
    for (const s of c.subnets!) {
      rows.push([
        `${s.tier ? `${s.tier} ` : ''}${s.name}`,
        s.zone ?? '-',
        s.cidr,
        count(s.usable),
        count(s.freePrefixes),
        count(s.demand),
        signed(s.headroom),
        s.exhausted ? 'EXHAUSTED' : s.atRisk ? 'at risk' : 'fits',
      ]);
    }
    out.push(...table(rows, new Set([3, 4, 5, 6])));
    for (const s of c.subnets!) {
      const groups = s.consumers.filter((k) => k.kind !== 'other');
      if (!groups.length) continue;
      out.push(`    ${s.tier ? `${s.tier} ` : ''}${s.name}: ${s.consumers.map(consumerWords).join('; ')}`);
    }
    if (c.firstEvent) out.push(`  First scale event: ${c.firstEvent.text}.`);
    else out.push(c.groups!.length ? '  Every subnet holds its node groups at full scale.' : '  No node group could be sized: only the control plane is counted.');
    if (c.podSubnetsUnchecked) out.push('  Custom networking: pod subnets (ENIConfig) are not read yet; only the node subnets are counted.');
    if (c.levers!.length) {
      out.push('  Levers (each re-run through the model):');
      for (const l of c.levers!) {
        const extra = l.kind === 'grow-subnet' ? (l.freeBlock ? `; ${l.freeBlock} is free in the VPC` : '; no block of that size is free in the VPC') : '';
        out.push(`    ${l.change}${extra}`);
        // The subnets the change moves (and the ones it adds); the JSON output has them all.
        const before = new Map(c.subnets!.map((s) => [s.id, s.headroom]));
        const heads = l.subnets
          .filter((s) => before.get(s.id) !== s.headroom)
          .map((s) => `${s.id} ${signed(s.headroom)}`)
          .join(', ');
        out.push(`      headroom: ${heads || 'unchanged'}`);
        out.push(`      ${l.exhausted ? `still exhausted; first event: ${l.firstEvent?.text ?? 'none'}` : 'everything fits at full scale'}`);
      }
    }
    out.push('');
  }
  for (const note of report.notes) out.push(`Note: ${note}.`);
  return out.join('\n').trimEnd();
}
