// When two VPC descriptions in the workspace are one VPC: the rule vpc-cidr-overlap and the
// address map must agree on it, so both ask here.
import type { Cidr } from '../net/cidr';
import type { VpcFact } from './facts';

/**
 * True when `b` is probably the VPC `a` describes: the same definition in two files (same name,
 * blocks and subnets), or one of them refers to an existing VPC and they write the same block.
 */
export function sameVpc(a: VpcFact, b: VpcFact): boolean {
  // The same definition twice (a template kept as both JSON and YAML, a copied file): one network.
  const blocks = a.cidrs.map((c) => c.cidr);
  if (a.uri !== b.uri && a.name === b.name && blocks.length && sameList(blocks, b.cidrs.map((c) => c.cidr)) && sameList(subnetBlocks(a), subnetBlocks(b))) return true;
  if (!a.existing && !b.existing) return false;
  return a.cidrs.some((x) => !x.defaulted && b.cidrs.some((y) => !y.defaulted && sameBlock(x.cidr, y.cidr)));
}

function subnetBlocks(vpc: VpcFact): Cidr[] {
  return vpc.subnets.flatMap((s) => (s.cidr ? [s.cidr] : []));
}

function sameList(a: readonly Cidr[], b: readonly Cidr[]): boolean {
  return a.length === b.length && a.every((x) => b.some((y) => sameBlock(x, y)));
}

export function sameBlock(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.first === b.first && a.last === b.last;
}
