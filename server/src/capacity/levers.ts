// The simulator's levers: changes that would give an exhausted cluster room, each with its effect
// found by re-running `clusterCapacity` with the change (never estimated by hand). `eks-lens
// capacity` prints them; docs/pod-capacity.md ("Simulator") explains them.
import { clusterCapacity, subnetKey, type CapacityChanges, type ClusterCapacity } from './index';
import { fitsIn, prefixSpace } from '../network/podCapacity';
import { firstFreeBlock } from '../network/space';
import { formatAddress, overlaps, parseCidr, type Cidr } from '../net/cidr';
import type { NetworkModel, VpcModel } from '../network/model';
import type { WorkspaceView } from '../workspace/facts';

/**
 * The pod tier the custom-networking lever adds: a /16 secondary VPC block from the shared address
 * space (RFC 6598's 100.64.0.0/10), which the EKS best practices guide suggests for custom
 * networking because corporate networks rarely use it
 * (https://aws.github.io/aws-eks-best-practices/networking/custom-networking/, "Example
 * Configuration"). It is split into one equal subnet per zone: each ENIConfig names one subnet,
 * usually one per Availability Zone, named after it, and with custom networking the primary
 * interface carries no pod addresses (awsdocs/amazon-eks-user-guide
 * latest/ug/networking/eks-networking-add-ons.adoc at 4d52b4d05e3478582e7d10a73cbd9ba9194dd5f7,
 * "Deploy Pods in alternate subnets with custom networking").
 */
export const POD_TIER_CIDR = '100.64.0.0/16';

export type LeverKind = 'prefix-delegation' | 'custom-networking' | 'grow-subnet';

export interface Lever {
  readonly kind: LeverKind;
  /** The change, in words. */
  readonly change: string;
  /** grow-subnet: the subnet (by `subnetKey`), the prefix that fits its demand, and a free block of
   *  that size in the VPC (undefined when none is free: the numbers then assume one were added). */
  readonly subnet?: string;
  readonly prefix?: number;
  readonly freeBlock?: string;
  /** custom-networking: the pod subnets added, one per zone. */
  readonly podSubnets?: readonly { readonly id: string; readonly zone: string; readonly cidr: string }[];
  /** The model re-run with the change. */
  readonly result: ClusterCapacity;
}

/** The VPC's IPv4 blocks as written (primary, or the tool's default, and secondaries). */
function vpcBlocks(vpc: VpcModel): Cidr[] {
  const blocks: Cidr[] = [];
  const primary = vpc.primary?.cidr ?? vpc.defaultPrimary;
  if (primary) blocks.push(primary);
  for (const s of vpc.secondary) blocks.push(s.cidr);
  return blocks.filter((b) => b.family === 4);
}

function cidrOf(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed.ok) throw new Error(`internal: bad CIDR ${text}`);
  return parsed.value;
}

/** `block` split into `n` equal aligned parts (the smallest power of two ≥ n), the first n of them. */
function split(block: Cidr, n: number): Cidr[] {
  let bits = 0;
  while (1 << bits < n) bits++;
  const prefix = block.prefix + bits;
  const size = 1n << BigInt(32 - prefix);
  return Array.from({ length: n }, (_, i) => cidrOf(`${formatAddress(block.first + BigInt(i) * size, 4)}/${prefix}`));
}

/**
 * The levers for a cluster whose capacity is known, in a fixed order: prefix delegation (when it is
 * off and every sized group's instance type is Nitro), a custom-networking pod tier (when custom
 * networking is off), and, for each exhausted subnet, the smallest subnet that holds its demand at
 * full scale. `base` is `clusterCapacity(network, workspace)`.
 */
export function capacityLevers(network: NetworkModel, workspace: WorkspaceView | undefined, base: ClusterCapacity): Lever[] {
  const levers: Lever[] = [];
  const values = base.networking.values;
  const rerun = (changes: CapacityChanges): ClusterCapacity | undefined => {
    const r = clusterCapacity(network, workspace, changes);
    return r.known ? r : undefined;
  };

  if (!values.prefixDelegation && base.plans.length && base.plans.every((p) => p.limits.nitro === true)) {
    const result = rerun({ cni: { prefixDelegation: true } });
    if (result) levers.push({ kind: 'prefix-delegation', change: 'enable prefix delegation (ENABLE_PREFIX_DELEGATION=true)', result });
  }

  if (!values.customNetworking) {
    const zones = [...new Set(base.plans.flatMap((p) => p.subnets.map((s) => s.az)).filter((z): z is string => z !== undefined))].sort();
    const tier = cidrOf(POD_TIER_CIDR);
    const clash = vpcBlocks(base.vpc).some((b) => overlaps(b, tier)) || base.subnets.some((s) => overlaps(s.cidr!.cidr, tier));
    if (zones.length && !clash) {
      const podSubnets = split(tier, zones.length).map((cidr, i) => ({ id: `pods/${zones[i]!}`, zone: zones[i]!, cidr }));
      const result = rerun({ cni: { customNetworking: true }, podSubnets });
      if (result)
        levers.push({
          kind: 'custom-networking',
          change: `add ${POD_TIER_CIDR} to the VPC with one pod subnet per zone and turn on custom networking (AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true, one ENIConfig per zone)`,
          podSubnets: podSubnets.map((p) => ({ id: p.id, zone: p.zone, cidr: p.cidr.network })),
          result,
        });
    }
  }

  const blocks = vpcBlocks(base.vpc);
  base.report.subnets.forEach((d, i) => {
    if (!d.exhausted) return;
    const subnet = base.subnets[i];
    if (!subnet) return;
    const current = subnet.cidr!.cidr;
    let prefix = current.prefix;
    // The smallest block (largest prefix) whose free addresses and /28s hold the demand.
    while (prefix > 16 && !fitsIn(prefixSpace(cidrOf(`0.0.0.0/${prefix}`))!, d.addresses, d.prefixes)) prefix--;
    if (!fitsIn(prefixSpace(cidrOf(`0.0.0.0/${prefix}`))!, d.addresses, d.prefixes)) return;
    const taken = base.vpc.subnets.filter((s) => s !== subnet && s.cidr).map((s) => s.cidr!.cidr);
    const free = firstFreeBlock(blocks, taken, prefix);
    // No free block: the effect is computed on the subnet's own block widened (which would need
    // the space around it, or a new VPC block).
    const size = 1n << BigInt(32 - prefix);
    const block = free ?? cidrOf(`${formatAddress((current.first / size) * size, 4)}/${prefix}`);
    const result = rerun({ cidrs: new Map([[subnetKey(subnet), block]]) });
    if (!result) return;
    levers.push({
      kind: 'grow-subnet',
      change: `replace subnet ${subnet.tier ? `${subnet.tier} ` : ''}${subnet.name} (${current.network}) with a /${prefix}`,
      subnet: subnetKey(subnet),
      prefix,
      freeBlock: free?.network,
      result,
    });
  });
  return levers;
}
