// The address-valued fields of a CloudFormation template's EC2 resources.
import { isScalar } from 'yaml';
import type { StreamDocument } from '../../model/document';
import { entries, get, items } from '../../model/nav';
import type { IpFamily } from '../../net/cidr';
import type { AddressCollector } from '../types';

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

export function cloudFormationFields(doc: StreamDocument, collect: AddressCollector): void {
  const a = doc.anchors;
  const root = doc.root;
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
