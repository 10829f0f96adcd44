// EC2 network-interface limits for instance types commonly used as EKS nodes, and the default
// max-pods the Amazon VPC CNI gives them. Numbers are copied from official AWS sources only:
//
// * ENIs and IPv4 addresses per ENI ("Maximum IP addresses per network interface",
//   https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html#AvailableIpPerENI), as
//   generated from the EC2 DescribeInstanceTypes API into
//   github.com/aws/amazon-vpc-cni-k8s pkg/vpc/vpc_ip_resource_limit.go
//   (commit 6c305f30ad86f65586e9ad955d8b7d8b697a2f80; ENILimit / IPv4Limit).
//   That version predates c7i, r7i and the m7i metal sizes; their numbers (rows marked [R]) come
//   from the same generator's sibling in another AWS repository,
//   github.com/aws/amazon-vpc-resource-controller-k8s pkg/aws/vpc/limits.go
//   (commit 02c28c714bc8393f42fc9db2bc264e421c62aba4, "generated at 2025-10-06T18:36:29Z";
//   Interface / IPv4PerInterface). For the types both files list that were compared (c5, c5a,
//   g4dn, g5, m7a, m7g, m7i), they agree.
// * The trailing comment on each row is that type's value in
//   github.com/aws/amazon-vpc-cni-k8s misc/eni-max-pods.txt
//   (commit 2aea0fd2453975bea25d13016293dbb9209e13a0). Every row satisfies
//   enis × (ipv4PerEni − 1) + 2 = that value, which the tests check for a sample.
//
// Which max-pods number this is. eni-max-pods.txt is the file the EKS-optimized AMIs ship and read
// to set the kubelet's maxPods when it is not overridden (AL2 bootstrap.sh; AL2023 nodeadm embeds
// it, and both compute the same formula from DescribeInstanceTypes for types missing from it).
// It is NOT capped: m5.24xlarge is 737 there. The 110 / 250 caps belong to a different number:
// the EKS user guide section "Amazon EKS recommended maximum Pods for each Amazon EC2 instance
// type" (https://docs.aws.amazon.com/eks/latest/userguide/choosing-instance-type.html#determine-max-pods)
// gives no table; it tells you to run max-pods-calculator.sh
// (github.com/awslabs/amazon-eks-ami templates/al2/runtime/max-pods-calculator.sh), whose
// default output is the *recommended* value min(formula, 110) for instances with ≤ 30 vCPUs and
// min(formula, 250) above that (with --show-max-allowed it prints the uncapped formula). The
// guide adds that EKS Auto Mode caps nodes at 110. So `defaultMaxPods` returns the uncapped CNI
// figure the AMI uses by default; a rule wanting the EKS recommendation must apply the vCPU cap
// itself (vCPU counts are not in this table).
//
// Not modelled here: custom networking (the primary ENI carries no pods: (enis − 1) × …),
// prefix delegation (each IPv4 slot becomes a /28 prefix of 16 addresses, so the CNI limit far
// exceeds this and max-pods is set separately), security groups for pods, and multi-card types
// (the CNI uses the default card only; no type in this table has more than one card).
//
// Coverage: every size of each family below that eni-max-pods.txt lists. Nothing requested was
// missing from the sources read. Other families the sources do list (d/n/flex variants such as
// m5d, c6gd, m7i-flex; c5n, c7a, r5a, r7a, 8th-generation types, …) are left out to keep the
// table small; `defaultMaxPods` returns undefined for them. Note that newer Nitro types do not
// all follow the 10/15/30/50 pattern (e.g. c8i.large has 20 IPv4 per ENI), so do not extrapolate.

export interface InstanceNetworkLimits {
  /** Maximum network interfaces (on the default network card). */
  readonly enis: number;
  /** Maximum private IPv4 addresses per network interface, including its primary address. */
  readonly ipv4PerEni: number;
}

// The columns are aligned so the table reads as one: the formatter leaves it as written.
// oxfmt-ignore
export const INSTANCE_NETWORK_LIMITS: Readonly<Record<string, InstanceNetworkLimits>> = {
  // Burstable
  't3.nano':          { enis:  2, ipv4PerEni:  2 }, // 4
  't3.micro':         { enis:  2, ipv4PerEni:  2 }, // 4
  't3.small':         { enis:  3, ipv4PerEni:  4 }, // 11
  't3.medium':        { enis:  3, ipv4PerEni:  6 }, // 17
  't3.large':         { enis:  3, ipv4PerEni: 12 }, // 35
  't3.xlarge':        { enis:  4, ipv4PerEni: 15 }, // 58
  't3.2xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  't3a.nano':         { enis:  2, ipv4PerEni:  2 }, // 4
  't3a.micro':        { enis:  2, ipv4PerEni:  2 }, // 4
  't3a.small':        { enis:  2, ipv4PerEni:  4 }, // 8
  't3a.medium':       { enis:  3, ipv4PerEni:  6 }, // 17
  't3a.large':        { enis:  3, ipv4PerEni: 12 }, // 35
  't3a.xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  't3a.2xlarge':      { enis:  4, ipv4PerEni: 15 }, // 58
  't4g.nano':         { enis:  2, ipv4PerEni:  2 }, // 4
  't4g.micro':        { enis:  2, ipv4PerEni:  2 }, // 4
  't4g.small':        { enis:  3, ipv4PerEni:  4 }, // 11
  't4g.medium':       { enis:  3, ipv4PerEni:  6 }, // 17
  't4g.large':        { enis:  3, ipv4PerEni: 12 }, // 35
  't4g.xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  't4g.2xlarge':      { enis:  4, ipv4PerEni: 15 }, // 58
  // General purpose
  'm5.large':         { enis:  3, ipv4PerEni: 10 }, // 29
  'm5.xlarge':        { enis:  4, ipv4PerEni: 15 }, // 58
  'm5.2xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  'm5.4xlarge':       { enis:  8, ipv4PerEni: 30 }, // 234
  'm5.8xlarge':       { enis:  8, ipv4PerEni: 30 }, // 234
  'm5.12xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'm5.16xlarge':      { enis: 15, ipv4PerEni: 50 }, // 737
  'm5.24xlarge':      { enis: 15, ipv4PerEni: 50 }, // 737
  'm5.metal':         { enis: 15, ipv4PerEni: 50 }, // 737
  'm5a.large':        { enis:  3, ipv4PerEni: 10 }, // 29
  'm5a.xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  'm5a.2xlarge':      { enis:  4, ipv4PerEni: 15 }, // 58
  'm5a.4xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'm5a.8xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'm5a.12xlarge':     { enis:  8, ipv4PerEni: 30 }, // 234
  'm5a.16xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'm5a.24xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'm5n.large':        { enis:  3, ipv4PerEni: 10 }, // 29
  'm5n.xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  'm5n.2xlarge':      { enis:  4, ipv4PerEni: 15 }, // 58
  'm5n.4xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'm5n.8xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'm5n.12xlarge':     { enis:  8, ipv4PerEni: 30 }, // 234
  'm5n.16xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'm5n.24xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'm5n.metal':        { enis: 15, ipv4PerEni: 50 }, // 737
  'm6i.large':        { enis:  3, ipv4PerEni: 10 }, // 29
  'm6i.xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  'm6i.2xlarge':      { enis:  4, ipv4PerEni: 15 }, // 58
  'm6i.4xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'm6i.8xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'm6i.12xlarge':     { enis:  8, ipv4PerEni: 30 }, // 234
  'm6i.16xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'm6i.24xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'm6i.32xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'm6i.metal':        { enis: 15, ipv4PerEni: 50 }, // 737
  'm6a.large':        { enis:  3, ipv4PerEni: 10 }, // 29
  'm6a.xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  'm6a.2xlarge':      { enis:  4, ipv4PerEni: 15 }, // 58
  'm6a.4xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'm6a.8xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'm6a.12xlarge':     { enis:  8, ipv4PerEni: 30 }, // 234
  'm6a.16xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'm6a.24xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'm6a.32xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'm6a.48xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'm6a.metal':        { enis: 15, ipv4PerEni: 50 }, // 737
  'm6g.medium':       { enis:  2, ipv4PerEni:  4 }, // 8
  'm6g.large':        { enis:  3, ipv4PerEni: 10 }, // 29
  'm6g.xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  'm6g.2xlarge':      { enis:  4, ipv4PerEni: 15 }, // 58
  'm6g.4xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'm6g.8xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'm6g.12xlarge':     { enis:  8, ipv4PerEni: 30 }, // 234
  'm6g.16xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'm6g.metal':        { enis: 15, ipv4PerEni: 50 }, // 737
  'm7i.large':        { enis:  3, ipv4PerEni: 10 }, // 29
  'm7i.xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  'm7i.2xlarge':      { enis:  4, ipv4PerEni: 15 }, // 58
  'm7i.4xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'm7i.8xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'm7i.12xlarge':     { enis:  8, ipv4PerEni: 30 }, // 234
  'm7i.16xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'm7i.24xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'm7i.48xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'm7i.metal-24xl':   { enis: 15, ipv4PerEni: 50 }, // 737 [R]
  'm7i.metal-48xl':   { enis: 15, ipv4PerEni: 50 }, // 737 [R]
  'm7a.medium':       { enis:  2, ipv4PerEni:  4 }, // 8
  'm7a.large':        { enis:  3, ipv4PerEni: 10 }, // 29
  'm7a.xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  'm7a.2xlarge':      { enis:  4, ipv4PerEni: 15 }, // 58
  'm7a.4xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'm7a.8xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'm7a.12xlarge':     { enis:  8, ipv4PerEni: 30 }, // 234
  'm7a.16xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'm7a.24xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'm7a.32xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'm7a.48xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'm7a.metal-48xl':   { enis: 15, ipv4PerEni: 50 }, // 737
  'm7g.medium':       { enis:  2, ipv4PerEni:  4 }, // 8
  'm7g.large':        { enis:  3, ipv4PerEni: 10 }, // 29
  'm7g.xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  'm7g.2xlarge':      { enis:  4, ipv4PerEni: 15 }, // 58
  'm7g.4xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'm7g.8xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'm7g.12xlarge':     { enis:  8, ipv4PerEni: 30 }, // 234
  'm7g.16xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'm7g.metal':        { enis: 15, ipv4PerEni: 50 }, // 737
  // Compute optimized
  'c5.large':         { enis:  3, ipv4PerEni: 10 }, // 29
  'c5.xlarge':        { enis:  4, ipv4PerEni: 15 }, // 58
  'c5.2xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  'c5.4xlarge':       { enis:  8, ipv4PerEni: 30 }, // 234
  'c5.9xlarge':       { enis:  8, ipv4PerEni: 30 }, // 234
  'c5.12xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'c5.18xlarge':      { enis: 15, ipv4PerEni: 50 }, // 737
  'c5.24xlarge':      { enis: 15, ipv4PerEni: 50 }, // 737
  'c5.metal':         { enis: 15, ipv4PerEni: 50 }, // 737
  'c5a.large':        { enis:  3, ipv4PerEni: 10 }, // 29
  'c5a.xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  'c5a.2xlarge':      { enis:  4, ipv4PerEni: 15 }, // 58
  'c5a.4xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'c5a.8xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'c5a.12xlarge':     { enis:  8, ipv4PerEni: 30 }, // 234
  'c5a.16xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'c5a.24xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'c5a.metal':        { enis: 15, ipv4PerEni: 50 }, // 737
  'c6i.large':        { enis:  3, ipv4PerEni: 10 }, // 29
  'c6i.xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  'c6i.2xlarge':      { enis:  4, ipv4PerEni: 15 }, // 58
  'c6i.4xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'c6i.8xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'c6i.12xlarge':     { enis:  8, ipv4PerEni: 30 }, // 234
  'c6i.16xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'c6i.24xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'c6i.32xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'c6i.metal':        { enis: 15, ipv4PerEni: 50 }, // 737
  'c6a.large':        { enis:  3, ipv4PerEni: 10 }, // 29
  'c6a.xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  'c6a.2xlarge':      { enis:  4, ipv4PerEni: 15 }, // 58
  'c6a.4xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'c6a.8xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'c6a.12xlarge':     { enis:  8, ipv4PerEni: 30 }, // 234
  'c6a.16xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'c6a.24xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'c6a.32xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'c6a.48xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'c6a.metal':        { enis: 15, ipv4PerEni: 50 }, // 737
  'c6g.medium':       { enis:  2, ipv4PerEni:  4 }, // 8
  'c6g.large':        { enis:  3, ipv4PerEni: 10 }, // 29
  'c6g.xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  'c6g.2xlarge':      { enis:  4, ipv4PerEni: 15 }, // 58
  'c6g.4xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'c6g.8xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'c6g.12xlarge':     { enis:  8, ipv4PerEni: 30 }, // 234
  'c6g.16xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'c6g.metal':        { enis: 15, ipv4PerEni: 50 }, // 737
  'c7i.large':        { enis:  3, ipv4PerEni: 10 }, // 29 [R]
  'c7i.xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58 [R]
  'c7i.2xlarge':      { enis:  4, ipv4PerEni: 15 }, // 58 [R]
  'c7i.4xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234 [R]
  'c7i.8xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234 [R]
  'c7i.12xlarge':     { enis:  8, ipv4PerEni: 30 }, // 234 [R]
  'c7i.16xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737 [R]
  'c7i.24xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737 [R]
  'c7i.48xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737 [R]
  'c7i.metal-24xl':   { enis: 15, ipv4PerEni: 50 }, // 737 [R]
  'c7i.metal-48xl':   { enis: 15, ipv4PerEni: 50 }, // 737 [R]
  'c7g.medium':       { enis:  2, ipv4PerEni:  4 }, // 8
  'c7g.large':        { enis:  3, ipv4PerEni: 10 }, // 29
  'c7g.xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  'c7g.2xlarge':      { enis:  4, ipv4PerEni: 15 }, // 58
  'c7g.4xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'c7g.8xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'c7g.12xlarge':     { enis:  8, ipv4PerEni: 30 }, // 234
  'c7g.16xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'c7g.metal':        { enis: 15, ipv4PerEni: 50 }, // 737
  // Memory optimized
  'r5.large':         { enis:  3, ipv4PerEni: 10 }, // 29
  'r5.xlarge':        { enis:  4, ipv4PerEni: 15 }, // 58
  'r5.2xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  'r5.4xlarge':       { enis:  8, ipv4PerEni: 30 }, // 234
  'r5.8xlarge':       { enis:  8, ipv4PerEni: 30 }, // 234
  'r5.12xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'r5.16xlarge':      { enis: 15, ipv4PerEni: 50 }, // 737
  'r5.24xlarge':      { enis: 15, ipv4PerEni: 50 }, // 737
  'r5.metal':         { enis: 15, ipv4PerEni: 50 }, // 737
  'r6i.large':        { enis:  3, ipv4PerEni: 10 }, // 29
  'r6i.xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  'r6i.2xlarge':      { enis:  4, ipv4PerEni: 15 }, // 58
  'r6i.4xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'r6i.8xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'r6i.12xlarge':     { enis:  8, ipv4PerEni: 30 }, // 234
  'r6i.16xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'r6i.24xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'r6i.32xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'r6i.metal':        { enis: 15, ipv4PerEni: 50 }, // 737
  'r6a.large':        { enis:  3, ipv4PerEni: 10 }, // 29
  'r6a.xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  'r6a.2xlarge':      { enis:  4, ipv4PerEni: 15 }, // 58
  'r6a.4xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'r6a.8xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'r6a.12xlarge':     { enis:  8, ipv4PerEni: 30 }, // 234
  'r6a.16xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'r6a.24xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'r6a.32xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'r6a.48xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'r6a.metal':        { enis: 15, ipv4PerEni: 50 }, // 737
  'r6g.medium':       { enis:  2, ipv4PerEni:  4 }, // 8
  'r6g.large':        { enis:  3, ipv4PerEni: 10 }, // 29
  'r6g.xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  'r6g.2xlarge':      { enis:  4, ipv4PerEni: 15 }, // 58
  'r6g.4xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'r6g.8xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'r6g.12xlarge':     { enis:  8, ipv4PerEni: 30 }, // 234
  'r6g.16xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'r6g.metal':        { enis: 15, ipv4PerEni: 50 }, // 737
  'r7i.large':        { enis:  3, ipv4PerEni: 10 }, // 29 [R]
  'r7i.xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58 [R]
  'r7i.2xlarge':      { enis:  4, ipv4PerEni: 15 }, // 58 [R]
  'r7i.4xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234 [R]
  'r7i.8xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234 [R]
  'r7i.12xlarge':     { enis:  8, ipv4PerEni: 30 }, // 234 [R]
  'r7i.16xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737 [R]
  'r7i.24xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737 [R]
  'r7i.48xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737 [R]
  'r7i.metal-24xl':   { enis: 15, ipv4PerEni: 50 }, // 737 [R]
  'r7i.metal-48xl':   { enis: 15, ipv4PerEni: 50 }, // 737 [R]
  'r7g.medium':       { enis:  2, ipv4PerEni:  4 }, // 8
  'r7g.large':        { enis:  3, ipv4PerEni: 10 }, // 29
  'r7g.xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  'r7g.2xlarge':      { enis:  4, ipv4PerEni: 15 }, // 58
  'r7g.4xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'r7g.8xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'r7g.12xlarge':     { enis:  8, ipv4PerEni: 30 }, // 234
  'r7g.16xlarge':     { enis: 15, ipv4PerEni: 50 }, // 737
  'r7g.metal':        { enis: 15, ipv4PerEni: 50 }, // 737
  // Accelerated (GPU)
  'g4dn.xlarge':      { enis:  3, ipv4PerEni: 10 }, // 29
  'g4dn.2xlarge':     { enis:  3, ipv4PerEni: 10 }, // 29
  'g4dn.4xlarge':     { enis:  3, ipv4PerEni: 10 }, // 29
  'g4dn.8xlarge':     { enis:  4, ipv4PerEni: 15 }, // 58
  'g4dn.12xlarge':    { enis:  8, ipv4PerEni: 30 }, // 234
  'g4dn.16xlarge':    { enis:  4, ipv4PerEni: 15 }, // 58
  'g4dn.metal':       { enis: 15, ipv4PerEni: 50 }, // 737
  'g5.xlarge':        { enis:  4, ipv4PerEni: 15 }, // 58
  'g5.2xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  'g5.4xlarge':       { enis:  8, ipv4PerEni: 30 }, // 234
  'g5.8xlarge':       { enis:  8, ipv4PerEni: 30 }, // 234
  'g5.12xlarge':      { enis: 15, ipv4PerEni: 50 }, // 737
  'g5.16xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
  'g5.24xlarge':      { enis: 15, ipv4PerEni: 50 }, // 737
  'g5.48xlarge':      { enis:  7, ipv4PerEni: 50 }, // 345
  'p3.2xlarge':       { enis:  4, ipv4PerEni: 15 }, // 58
  'p3.8xlarge':       { enis:  8, ipv4PerEni: 30 }, // 234
  'p3.16xlarge':      { enis:  8, ipv4PerEni: 30 }, // 234
};

/** The limits for an instance type, or undefined when the type is not in the table. */
export function instanceNetworkLimits(instanceType: string): InstanceNetworkLimits | undefined {
  const key = instanceType.trim().toLowerCase();
  return Object.hasOwn(INSTANCE_NETWORK_LIMITS, key) ? INSTANCE_NETWORK_LIMITS[key] : undefined;
}

/**
 * Pods per node the VPC CNI allows without prefix delegation: ENIs × (IPv4 per ENI − 1) + 2;
 * undefined for unknown types. This is the eni-max-pods.txt value the EKS-optimized AMIs give the
 * kubelet by default (uncapped; see the header for the 110/250 recommendation caps).
 */
export function defaultMaxPods(instanceType: string): number | undefined {
  const limits = instanceNetworkLimits(instanceType);
  if (!limits) return undefined;
  return limits.enis * (limits.ipv4PerEni - 1) + 2;
}
