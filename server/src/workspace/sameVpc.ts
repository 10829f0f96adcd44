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
  if (a.uri !== b.uri && a.cidrs.length && definition(a) === definition(b)) return true;
  if (!a.existing && !b.existing) return false;
  return a.cidrs.some((x) => !x.defaulted && b.cidrs.some((y) => !y.defaulted && sameBlock(x.cidr, y.cidr)));
}

const definitions = new WeakMap<VpcFact, string>();

/** The VPC's name, blocks and subnet blocks as one text (computed once per fact: workspaces compare every pair). */
function definition(vpc: VpcFact): string {
  let text = definitions.get(vpc);
  if (text === undefined) {
    const blocks = (list: readonly Cidr[]) => [...new Set(list.map((c) => `${c.family}:${c.first}-${c.last}`))].sort().join(',');
    text = `${vpc.name}\n${blocks(vpc.cidrs.map((c) => c.cidr))}\n${blocks(vpc.subnets.flatMap((s) => (s.cidr ? [s.cidr] : [])))}`;
    definitions.set(vpc, text);
  }
  return text;
}

export function sameBlock(a: Cidr, b: Cidr): boolean {
  return a.family === b.family && a.first === b.first && a.last === b.last;
}
