// Where addresses live in each kind of document. Rules ask this module for "every CIDR-valued
// field" instead of walking documents themselves, so a field added here is checked by every
// address rule at once.
import { isScalar, type Node, type Scalar } from 'yaml';
import { memo, type StreamDocument } from '../model/document';
import { entries, get, getIn, isTemplated, items, type AnchorTable } from '../model/nav';
import type { IpFamily } from '../net/cidr';

export type AddressType = 'cidr' | 'ip';
/** Who validates the value: AWS (eksctl, CloudFormation) or the Kubernetes API server. */
export type AddressOrigin = 'aws' | 'kubernetes';

export interface AddressField {
  readonly node: Scalar;
  /** The value as written, or undefined when it is not a string (a number, a boolean). */
  readonly value: string | undefined;
  readonly type: AddressType;
  readonly origin: AddressOrigin;
  /** Where the field is, in the words of its schema, e.g. `vpc.subnets.private.us-west-2a.cidr`. */
  readonly path: string;
  /** The address family the field takes, when it takes only one. */
  readonly family?: IpFamily;
  /** Literal values the field accepts besides addresses (Service `clusterIP: None`). */
  readonly alsoAllowed?: readonly string[];
  /**
   * The range filters traffic (security group rules, access lists, Kubernetes fields) or is taken as
   * its network by the service that reads it, rather than laying out the VPC (VPCs, subnets, routes,
   * ACLs). AWS stores both kinds as the network the written address falls in; cidr-host-bits words
   * its message by this (both are warnings).
   */
  readonly hostBitsWarning?: boolean;
  /** Its reader refuses IPv4 numbers with leading zeros (eksctl's CIDR fields, read by Go's net.ParseCIDR). */
  readonly leadingZerosRejected?: boolean;
}

interface FieldOptions {
  family?: IpFamily;
  alsoAllowed?: readonly string[];
  hostBitsWarning?: boolean;
  leadingZerosRejected?: boolean;
}

type Collector = (node: Node | undefined, type: AddressType, path: string, options?: FieldOptions) => void;

/** Every address-valued field of a document with a literal value (intrinsics and templates are skipped). */
export function addressFields(doc: StreamDocument): readonly AddressField[] {
  return memo(doc, 'addressFields', () => {
    const out: AddressField[] = [];
    const origin: AddressOrigin = doc.kind === 'kubernetes' ? 'kubernetes' : 'aws';
    const collect: Collector = (node, type, path, options) => {
      if (!isScalar(node) || isIntrinsic(node) || node.value === null || node.value === '') return;
      const value = typeof node.value === 'string' ? node.value : undefined;
      if (value !== undefined && isTemplated(value)) return;
      out.push({ node, value, type, origin, path, ...options, hostBitsWarning: origin === 'kubernetes' || options?.hostBitsWarning });
    };
    const a = doc.anchors;
    if (doc.kind === 'eksctl') eksctlFields(doc.root, a, collect);
    else if (doc.kind === 'cloudformation') cloudFormationFields(doc.root, a, collect);
    else if (doc.kind === 'kubernetes') kubernetesFields(doc, collect);
    return out;
  });
}

// https://eksctl.io/usage/schema/ (vpc, kubernetesNetworkConfig)
function eksctlFields(root: Node | null, a: AnchorTable, collect: Collector): void {
  const vpc = get(root, 'vpc', a);
  const v4 = { family: 4 } as const;
  // vpc.cidr and the subnets' cidr are ipnet.IPNet values, read with Go's net.ParseCIDR, which
  // refuses leading zeros since Go 1.17 (eksctl pkg/utils/ipnet/ipnet.go).
  const goParsed = { ...v4, leadingZerosRejected: true };
  collect(get(vpc, 'cidr', a), 'cidr', 'vpc.cidr', goParsed);
  items(get(vpc, 'extraCIDRs', a), a).forEach((n, i) => collect(n, 'cidr', `vpc.extraCIDRs[${i}]`, v4));
  // Not documented either way for the EKS API: treated as accepted, so reported as a warning.
  const lenient = { hostBitsWarning: true };
  items(get(vpc, 'publicAccessCIDRs', a), a).forEach((n, i) => collect(n, 'cidr', `vpc.publicAccessCIDRs[${i}]`, lenient));
  for (const tier of ['public', 'private']) {
    for (const [name, subnet] of entries(getIn(vpc, ['subnets', tier], a), a)) {
      collect(get(subnet, 'cidr', a), 'cidr', `vpc.subnets.${tier}.${name}.cidr`, goParsed);
    }
  }
  collect(getIn(root, ['kubernetesNetworkConfig', 'serviceIPv4CIDR'], a), 'cidr', 'kubernetesNetworkConfig.serviceIPv4CIDR', { ...v4, ...lenient });
}

// Property names from the AWS::EC2 resource reference:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/AWS_EC2.html
const CFN_CIDR_PROPERTIES: Record<string, readonly string[]> = {
  'AWS::EC2::VPC': ['CidrBlock'],
  'AWS::EC2::VPCCidrBlock': ['CidrBlock', 'Ipv6CidrBlock'],
  'AWS::EC2::Subnet': ['CidrBlock', 'Ipv6CidrBlock'],
  'AWS::EC2::SubnetCidrBlock': ['Ipv6CidrBlock'],
  'AWS::EC2::Route': ['DestinationCidrBlock', 'DestinationIpv6CidrBlock'],
  'AWS::EC2::NetworkAclEntry': ['CidrBlock', 'Ipv6CidrBlock'],

  'AWS::EC2::TransitGatewayRoute': ['DestinationCidrBlock'],
  'AWS::EC2::VPNConnectionRoute': ['DestinationCidrBlock'],
};
const SECURITY_GROUP_RULE_RESOURCES = new Set(['AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress']);
const SECURITY_GROUP_RULE_LISTS = ['SecurityGroupIngress', 'SecurityGroupEgress'];
const SECURITY_GROUP_RULE_CIDRS = ['CidrIp', 'CidrIpv6'];

/** CloudFormation names its IPv6 properties with `Ipv6`; the others take IPv4 only. */
function cfnFamily(property: string): IpFamily {
  return property.includes('Ipv6') ? 6 : 4;
}

function cloudFormationFields(root: Node | null, a: AnchorTable, collect: Collector): void {
  for (const [logicalId, resource] of entries(get(root, 'Resources', a), a)) {
    const type = get(resource, 'Type', a);
    const typeName = isScalar(type) && typeof type.value === 'string' ? type.value : undefined;
    if (!typeName) continue;
    const properties = get(resource, 'Properties', a);
    for (const property of CFN_CIDR_PROPERTIES[typeName] ?? []) {
      collect(get(properties, property, a), 'cidr', `Resources.${logicalId}.Properties.${property}`, { family: cfnFamily(property) });
    }
    // EC2 stores a security group rule's block with host bits set (as the network it falls in),
    // so such a rule silently covers more than was written.
    const sgRule = (property: string) => ({ family: cfnFamily(property), hostBitsWarning: true });
    if (SECURITY_GROUP_RULE_RESOURCES.has(typeName)) {
      for (const property of SECURITY_GROUP_RULE_CIDRS) {
        collect(get(properties, property, a), 'cidr', `Resources.${logicalId}.Properties.${property}`, sgRule(property));
      }
    }
    if (typeName === 'AWS::EC2::SecurityGroup') {
      for (const list of SECURITY_GROUP_RULE_LISTS) {
        items(get(properties, list, a), a).forEach((rule, i) => {
          for (const property of SECURITY_GROUP_RULE_CIDRS) {
            collect(get(rule, property, a), 'cidr', `Resources.${logicalId}.Properties.${list}[${i}].${property}`, sgRule(property));
          }
        });
      }
    }
  }
}

// https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/
// https://kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/
function kubernetesFields(doc: StreamDocument, collect: Collector): void {
  const a = doc.anchors;
  const spec = get(doc.root, 'spec', a);
  if (doc.objectKind === 'NetworkPolicy') {
    for (const [direction, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
      items(get(spec, direction, a), a).forEach((rule, r) => {
        items(get(rule, peers, a), a).forEach((peer, p) => {
          const ipBlock = get(peer, 'ipBlock', a);
          const at = `spec.${direction}[${r}].${peers}[${p}].ipBlock`;
          collect(get(ipBlock, 'cidr', a), 'cidr', `${at}.cidr`);
          items(get(ipBlock, 'except', a), a).forEach((n, i) => collect(n, 'cidr', `${at}.except[${i}]`));
        });
      });
    }
  } else if (doc.objectKind === 'Service' && doc.apiVersion === 'v1') {
    // `None` makes a headless Service; an empty string asks for an automatic address.
    const headless = { alsoAllowed: ['None'] };
    collect(get(spec, 'clusterIP', a), 'ip', 'spec.clusterIP', headless);
    items(get(spec, 'clusterIPs', a), a).forEach((n, i) => collect(n, 'ip', `spec.clusterIPs[${i}]`, headless));
    items(get(spec, 'externalIPs', a), a).forEach((n, i) => collect(n, 'ip', `spec.externalIPs[${i}]`));
    collect(get(spec, 'loadBalancerIP', a), 'ip', 'spec.loadBalancerIP');
    items(get(spec, 'loadBalancerSourceRanges', a), a).forEach((n, i) => collect(n, 'cidr', `spec.loadBalancerSourceRanges[${i}]`));
  }
}

/** A node with an application tag such as `!Ref` (YAML's own `!!str` and friends do not count). */
function isIntrinsic(node: Scalar): boolean {
  return !!node.tag && !node.tag.startsWith('tag:yaml.org,2002:');
}
