// What eks-lens knows about AWS Regions and zones: which region names are real, how a zone's name
// relates to its region's, what a zone ID looks like, when a zone is written as a template
// placeholder rather than a name, and the zone IDs EKS refuses for cluster subnets. Rules,
// completions and the subnet planner read zones only through these functions.

/**
 * Every commercial, China, GovCloud, ISO and European Sovereign Cloud Region, from the `regions`
 * of each partition in botocore's botocore/data/partitions.json (boto/botocore, commit 0e6e2404,
 * 2026-08-07), less the `*-global` pseudo-regions. A Region opened after that date is not here:
 * zones are then not judged against it (silence, never a false alarm) until the list is updated.
 * Human-readable list: https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html
 */
export const AWS_REGIONS: ReadonlySet<string> = new Set([
  // aws
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  // aws-cn
  'cn-north-1',
  'cn-northwest-1',
  // aws-us-gov
  'us-gov-east-1',
  'us-gov-west-1',
  // aws-eusc
  'eusc-de-east-1',
  // aws-iso, aws-iso-b, aws-iso-e, aws-iso-f
  'us-iso-east-1',
  'us-iso-west-1',
  'us-isob-east-1',
  'us-isob-west-1',
  'eu-isoe-west-1',
  'us-isof-east-1',
  'us-isof-south-1',
]);

/** True for the name of a real AWS Region; false for placeholders (`${AWS_REGION}`, `<region>`, `us-east-X`). */
export function isAwsRegion(text: string | undefined): text is string {
  return text !== undefined && AWS_REGIONS.has(text);
}

/** A zone name is its region's name followed by a letter (`us-west-2a`), or by `-` and a Local or Wavelength Zone suffix. */
export function zoneInRegion(zone: string, region: string): boolean {
  if (!zone.startsWith(region)) return false;
  const rest = zone.slice(region.length);
  return /^[a-z]$/.test(rest) || /^-[a-z0-9-]+$/.test(rest);
}

/** Zone IDs (`usw2-az1`, `usw2-lax1-az1`) name a zone without its region's name. */
export function isZoneId(text: string): boolean {
  return /^[a-z]+\d+-(az|[a-z]+\d*-az)\d+$/.test(text);
}

/**
 * True when a zone is written as a name AWS could use: lower-case letters, digits and hyphens
 * only. Anything else is a template variable or a placeholder (`${AWS_REGION}a`, `<region>a`,
 * `{{ .Region }}a`, `$AZ_1`, `REGIONa`, `us-east-Xa`) whose value is not in the file.
 */
export function isConcreteZone(text: string): boolean {
  return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(text);
}

/** A name that reads as a zone of some region (`us-west-2a`, `us-west-2-lax-1a`), not a free-form subnet name. */
export function looksLikeZoneName(text: string): boolean {
  return /^[a-z]{2}(-[a-z]+)+-\d+/.test(text);
}

/** How a CloudFormation template's `!Select [n, !GetAZs '']` is named: the stack region's n-th zone (from 0). */
export function symbolicZone(index: number): string {
  return `zone ${index + 1} of the stack's region`;
}

/**
 * True when a zone, as the network model holds it, is known: a concrete name or ID, or a symbolic
 * zone of a template's region. A placeholder may stand for any zone.
 */
export function isKnownZone(zone: string): boolean {
  return isConcreteZone(zone) || /^zone \d+ of the stack's region$/.test(zone);
}

/** The real Region a zone name starts with (`us-west-2-lax-1a` → `us-west-2`), or undefined. */
export function regionNamedBy(zone: string): string | undefined {
  let best: string | undefined;
  for (const region of AWS_REGIONS) {
    if (zone.startsWith(region) && (best === undefined || region.length > best.length)) best = region;
  }
  return best;
}

/**
 * Zone IDs in which EKS does not accept the subnets given to a cluster: the table "Subnet
 * requirements for clusters" of https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html
 * (awsdocs/amazon-eks-user-guide latest/ug/networking/network-reqs.adoc, commit f6004140). eksctl
 * skips the same three when it picks zones itself (eksctl-io/eksctl pkg/az/az.go, zoneIDsToAvoid).
 * A zone ID names the same physical zone in every account, so the list is exact; zone names are
 * mapped to IDs per account and cannot be checked against it.
 */
export const EKS_UNSUPPORTED_ZONE_IDS: ReadonlyMap<string, string> = new Map([
  ['use1-az3', 'us-east-1'],
  ['usw1-az2', 'us-west-1'],
  ['cac1-az3', 'ca-central-1'],
]);
