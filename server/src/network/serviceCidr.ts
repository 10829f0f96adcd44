// The service range EKS gives a cluster created without `serviceIpv4Cidr`. The EKS API reference
// names only the two candidates (10.100.0.0/16 and 172.20.0.0/16); which one follows the VPC: the
// EKS-optimized AMI, which must point kubelet's cluster DNS into that range, takes 172.20.0.0/16
// when any IPv4 block of the node's VPC is inside 10.0.0.0/8, else 10.100.0.0/16
// (awslabs/amazon-eks-ami templates/al2/runtime/bootstrap.sh, `vpc-ipv4-cidr-blocks`).
// Explained once, for users, in docs/rules/eks-service-cidr-range.md#default-service-range.
import { overlaps, type Cidr } from '../net/cidr';
import { effectiveVpcRanges, type VpcModel } from './model';
import { block } from './ranges';

export const EKS_SERVICE_DEFAULT_IN_TEN = block('172.20.0.0/16');
export const EKS_SERVICE_DEFAULT_OTHERWISE = block('10.100.0.0/16');
const TEN = block('10.0.0.0/8');

/** True when one of a VPC's IPv4 blocks is in 10.0.0.0/8: EKS then picks 172.20.0.0/16. */
export function hasBlockInTenEight(ranges: readonly Cidr[]): boolean {
  return ranges.some((r) => r.family === 4 && overlaps(r, TEN));
}

/** EKS's two service ranges, the one it picks for a VPC with these blocks first. */
export function eksServiceRanges(ranges: readonly Cidr[]): [Cidr, Cidr] {
  return hasBlockInTenEight(ranges) ? [EKS_SERVICE_DEFAULT_IN_TEN, EKS_SERVICE_DEFAULT_OTHERWISE] : [EKS_SERVICE_DEFAULT_OTHERWISE, EKS_SERVICE_DEFAULT_IN_TEN];
}

/** The default service range for a cluster in this VPC; undefined when the VPC's blocks are not all known. */
export function eksDefaultServiceCidr(vpc: VpcModel): Cidr | undefined {
  const ranges = effectiveVpcRanges(vpc).map((r) => r.cidr);
  if (hasBlockInTenEight(ranges)) return EKS_SERVICE_DEFAULT_IN_TEN;
  // A block the file does not show could be in 10.0.0.0/8.
  if (!ranges.length || vpc.mayHaveOtherBlocks || vpc.extentUnknown) return undefined;
  return EKS_SERVICE_DEFAULT_OTHERWISE;
}
