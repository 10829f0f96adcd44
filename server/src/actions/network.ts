// Fixes shared by the VPC and subnet rules: they find the VPC a finding's value belongs to and
// compute a replacement block that is certainly free.
import type { Scalar } from 'yaml';
import { effectiveVpcRanges, type SubnetModel, type VpcModel } from '../network/model';
import { firstFreeBlock } from '../network/space';
import { eksServiceRanges, hasBlockInTenEight } from '../network/serviceCidr';
import { contains, formatAddress, overlaps, parseCidr, type Cidr } from '../net/cidr';
import { replaceScalar, scalarAtFinding } from '../model/edits';
import type { Fix, FixContext } from '../engine/fix';
import { networkOf } from '../formats';

export interface SubnetInVpc {
  readonly vpc: VpcModel;
  readonly subnet: SubnetModel & { readonly cidr: NonNullable<SubnetModel['cidr']> };
  readonly node: Scalar;
}

/** The subnet whose CIDR value the finding sits on, with its VPC. */
export function subnetAt(ctx: FixContext): SubnetInVpc | undefined {
  const node = scalarAtFinding(ctx.file, ctx.offset);
  if (!node) return undefined;
  for (const vpc of networkOf(ctx.doc).vpcs) {
    const subnet = vpc.subnets.find((s) => s.cidr?.node === node);
    if (subnet?.cidr) return { vpc, subnet: subnet as SubnetInVpc['subnet'], node };
  }
  return undefined;
}

/**
 * Whether the file creates the VPC's subnets, so their blocks are its to choose: a VPC the file
 * creates, with all its blocks readable. Subnets of an existing VPC are facts to match, not
 * choices; eksctl lists only subnets that already exist, so its VPC with subnets is always an
 * existing one (formats/eksctl/network.ts).
 */
export function subnetsAreChosenHere(vpc: VpcModel): boolean {
  return !vpc.existing && !vpc.extentUnknown && !!vpc.primary;
}

/** The first free block of `prefix` in the VPC, leaving out `moving` (the subnet to be moved). */
export function freeBlockFor(vpc: VpcModel, prefix: number, moving?: SubnetModel): Cidr | undefined {
  const ranges = effectiveVpcRanges(vpc).map((r) => r.cidr);
  const taken = vpc.subnets.filter((s) => s !== moving && s.cidr).map((s) => s.cidr!.cidr);
  return firstFreeBlock(ranges, taken, prefix);
}

/** "Move subnet X to the first free block of its size", when the file chooses its blocks. */
export function moveSubnetFix(ctx: FixContext): Fix[] {
  const at = subnetAt(ctx);
  if (!at || !subnetsAreChosenHere(at.vpc)) return [];
  const target = freeBlockFor(at.vpc, at.subnet.cidr.cidr.prefix, at.subnet);
  if (!target) return [];
  return [
    {
      title: `Move subnet ${at.subnet.name} to ${target.text} (the first free /${target.prefix} in the VPC)`,
      isPreferred: true,
      edits: [replaceScalar(at.node, ctx.doc, target.text)],
    },
  ];
}

/** The sentence a subnet finding ends with when no block of its size is free. */
export function noRoomNote(vpc: VpcModel, subnet: SubnetModel): string {
  if (vpc.existing || vpc.extentUnknown || !subnet.cidr) return '';
  return freeBlockFor(vpc, subnet.cidr.cidr.prefix, subnet) ? '' : ` No /${subnet.cidr.cidr.prefix} block is free in the VPC to move it to.`;
}

/** Resize a too-small subnet to /28, the smallest AWS allows, when that block is free. */
export function growSubnetFix(ctx: FixContext, prefix: number): Fix[] {
  const at = subnetAt(ctx);
  if (!at || !subnetsAreChosenHere(at.vpc) || at.subnet.cidr.cidr.prefix <= prefix) return [];
  const wanted = parseCidr(`${formatAddress(at.subnet.cidr.cidr.first & ~((1n << BigInt(32 - prefix)) - 1n), 4)}/${prefix}`);
  if (!wanted.ok) return [];
  const ranges = effectiveVpcRanges(at.vpc).map((r) => r.cidr);
  const others = at.vpc.subnets.filter((s) => s !== at.subnet && s.cidr).map((s) => s.cidr!.cidr);
  if (!ranges.some((r) => contains(r, wanted.value)) || others.some((o) => overlaps(o, wanted.value))) return [];
  return [{ title: `Resize subnet ${at.subnet.name} to ${wanted.value.text}`, isPreferred: true, edits: [replaceScalar(at.node, ctx.doc, wanted.value.text)] }];
}

/**
 * The service range EKS itself picks when none is given (network/serviceCidr.ts, where the rule and
 * its sources are), offered first as a fix,
 * or the other one when that collides with the VPC or its subnets. Undefined when both collide.
 */
export function eksDefaultServiceCidr(ctx: FixContext): { cidr: Cidr; why: string } | undefined {
  const ranges: Cidr[] = [];
  for (const vpc of networkOf(ctx.doc).vpcs) {
    ranges.push(...effectiveVpcRanges(vpc).map((r) => r.cidr));
    for (const s of vpc.subnets) if (s.cidr) ranges.push(s.cidr.cidr);
  }
  // Without a known VPC range the choice could collide with anything.
  if (!ranges.length) return undefined;
  const inTen = hasBlockInTenEight(ranges);
  for (const [i, cidr] of eksServiceRanges(ranges).entries()) {
    if (ranges.some((r) => overlaps(r, cidr))) continue;
    const why = i === 0 ? (inTen ? 'the range EKS picks for a VPC in 10.0.0.0/8' : 'the range EKS picks for a VPC outside 10.0.0.0/8') : 'clear of the VPC';
    return { cidr, why };
  }
  return undefined;
}

export function serviceCidrFix(ctx: FixContext): Fix[] {
  const node = scalarAtFinding(ctx.file, ctx.offset);
  const choice = eksDefaultServiceCidr(ctx);
  if (!node || !choice) return [];
  return [{ title: `Use ${choice.cidr.text} (${choice.why})`, isPreferred: true, edits: [replaceScalar(node, ctx.doc, choice.cidr.text)] }];
}
