// Fixes of the VPC, subnet and cluster network rules whose fix is a single value change.
import { fixTester } from '../../../test/support/fixTester';
import { eksctl } from '../../../test/support/fixtures';
import { yaml } from '../../../test/support/ruleTester';
import dockerConflict from './vpc-cidr-docker-conflict';
import privateNodesNoNat from './eks-private-nodes-no-nat';
import serviceOverlap from './eks-service-cidr-overlap';
import serviceRange from './eks-service-cidr-range';
import subnetPrefix from './subnet-prefix';
import vpcPrefix from './vpc-cidr-prefix';

const closed = '  clusterEndpoints: {publicAccess: false, privateAccess: true}';

fixTester(vpcPrefix, [
  {
    name: 'too large: the same base at /16 (eksctl, comment kept)',
    text: eksctl('vpc:', '  cidr: 10.64.0.0/12  # the whole 10.64 range', closed),
    title: /^Change the VPC block to 10\.64\.0\.0\/16$/,
    output: eksctl('vpc:', '  cidr: 10.64.0.0/16  # the whole 10.64 range', closed),
  },
  {
    name: 'too small for eksctl to create: /24 when the base is aligned',
    text: eksctl('vpc: {cidr: 10.0.0.0/26, clusterEndpoints: {publicAccess: false, privateAccess: true}}'),
    title: /^Change the VPC block to 10\.0\.0\.0\/24$/,
    output: eksctl('vpc: {cidr: 10.0.0.0/24, clusterEndpoints: {publicAccess: false, privateAccess: true}}'),
  },
  {
    name: 'CloudFormation secondary block too small: /28',
    text: yaml('Resources:', '  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}', '  Extra: {Type: AWS::EC2::VPCCidrBlock, Properties: {VpcId: !Ref Vpc, CidrBlock: 100.64.0.0/30}}'),
    title: /^Change the VPC block to 100\.64\.0\.0\/28$/,
    output: yaml(
      'Resources:',
      '  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}',
      '  Extra: {Type: AWS::EC2::VPCCidrBlock, Properties: {VpcId: !Ref Vpc, CidrBlock: 100.64.0.0/28}}',
    ),
  },
  {
    name: 'no fix when a subnet would fall outside the smaller block',
    text: yaml(
      'Resources:',
      '  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/12}}',
      '  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.1.0.0/24, AvailabilityZone: us-east-1a}}',
    ),
  },
  { name: 'no fix when the base is not aligned for /28', text: yaml('Resources:', '  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.8/29}}') },
]);

const subnetTemplate = (cidr: string) =>
  yaml(
    'Resources:',
    '  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/24}}',
    '  A: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/28, AvailabilityZone: us-east-1a}}',
    `  B: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: ${cidr}, AvailabilityZone: us-east-1b}}`,
  );

fixTester(subnetPrefix, [
  { name: 'a /29 subnet grows to the /28 that holds it', text: subnetTemplate('10.0.0.16/29'), title: /^Resize subnet B to 10\.0\.0\.16\/28$/, output: subnetTemplate('10.0.0.16/28') },
  { name: 'a /30 at the end of a /28 grows to that /28', text: subnetTemplate('10.0.0.44/30'), title: /^Resize subnet B to 10\.0\.0\.32\/28$/, output: subnetTemplate('10.0.0.32/28') },
  { name: 'no fix when the /28 would overlap another subnet', text: subnetTemplate('10.0.0.8/29') },
]);

const serviceDoc = (vpc: string, service: string) => eksctl('vpc:', `  cidr: ${vpc}`, closed, 'kubernetesNetworkConfig:', `  serviceIPv4CIDR: ${service}   # Services`);

fixTester(serviceOverlap, [
  {
    name: 'a VPC in 10.0.0.0/8: 172.20.0.0/16, as EKS picks',
    text: serviceDoc('10.20.0.0/16', '10.20.128.0/20'),
    title: /^Use 172\.20\.0\.0\/16 \(the range EKS picks for a VPC in 10\.0\.0\.0\/8\)$/,
    output: serviceDoc('10.20.0.0/16', '172.20.0.0/16'),
  },
  {
    name: 'a VPC outside 10.0.0.0/8: 10.100.0.0/16',
    text: serviceDoc('172.20.0.0/16', '172.20.0.0/20'),
    title: /^Use 10\.100\.0\.0\/16/,
    output: serviceDoc('172.20.0.0/16', '10.100.0.0/16'),
  },
]);

fixTester(serviceRange, [
  { name: 'a public service range becomes the EKS default', text: serviceDoc('10.0.0.0/16', '52.0.0.0/16'), title: /^Use 172\.20\.0\.0\/16/, output: serviceDoc('10.0.0.0/16', '172.20.0.0/16') },
  {
    name: 'a /26 becomes the EKS default (flow style)',
    text: eksctl('vpc: {cidr: 192.168.0.0/16, clusterEndpoints: {publicAccess: false, privateAccess: true}}', 'kubernetesNetworkConfig: {serviceIPv4CIDR: 10.100.0.0/26}'),
    title: /^Use 10\.100\.0\.0\/16/,
    output: eksctl('vpc: {cidr: 192.168.0.0/16, clusterEndpoints: {publicAccess: false, privateAccess: true}}', 'kubernetesNetworkConfig: {serviceIPv4CIDR: 10.100.0.0/16}'),
  },
]);

const natDoc = (gateway: string) =>
  eksctl('vpc:', '  cidr: 10.0.0.0/16', closed, '  nat:', `    gateway: ${gateway}  # egress for private nodes`, 'managedNodeGroups:', '  - name: workers', '    privateNetworking: true');

fixTester(privateNodesNoNat, [
  { name: 'one NAT gateway', text: natDoc('Disable'), title: /^Set vpc\.nat\.gateway to Single/, output: natDoc('Single') },
  { name: 'a NAT gateway per zone', text: natDoc('Disable'), title: /^Set vpc\.nat\.gateway to HighlyAvailable/, output: natDoc('HighlyAvailable') },
  {
    name: 'flow style, second document',
    text:
      yaml('apiVersion: v1', 'kind: Namespace', 'metadata: {name: x}') +
      '---\n' +
      eksctl('vpc: {cidr: 10.0.0.0/16, nat: {gateway: "Disable"}, clusterEndpoints: {publicAccess: false, privateAccess: true}}', 'nodeGroups: [{name: ng, privateNetworking: true}]'),
    title: /^Set vpc\.nat\.gateway to Single/,
    output:
      yaml('apiVersion: v1', 'kind: Namespace', 'metadata: {name: x}') +
      '---\n' +
      eksctl('vpc: {cidr: 10.0.0.0/16, nat: {gateway: "Single"}, clusterEndpoints: {publicAccess: false, privateAccess: true}}', 'nodeGroups: [{name: ng, privateNetworking: true}]'),
  },
]);

const dockerTemplate = (vpc: string, a: string, b: string) =>
  yaml(
    'Resources:',
    '  Vpc:',
    '    Type: AWS::EC2::VPC',
    `    Properties: {CidrBlock: ${vpc}}  # build VPC`,
    `  A: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: ${a}, AvailabilityZone: us-east-1a}}`,
    `  B: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: ${b}, AvailabilityZone: us-east-1b}}`,
  );

fixTester(dockerConflict, [
  {
    name: 'the VPC and its subnets move to the first free /16 of 10.0.0.0/8',
    text: dockerTemplate('172.17.0.0/16', '172.17.0.0/20', '172.17.16.0/20'),
    title: /^Move the VPC block to 10\.0\.0\.0\/16 and its 2 subnets with it$/,
    output: dockerTemplate('10.0.0.0/16', '10.0.0.0/20', '10.0.16.0/20'),
  },
  {
    name: 'blocks other VPCs of the workspace use are skipped',
    text: dockerTemplate('172.17.0.0/16', '172.17.0.0/20', '172.17.16.0/20'),
    workspace: [
      { uri: 'other.yaml', text: eksctl('vpc: {cidr: 10.0.0.0/16}') },
      { uri: 'third.yaml', text: yaml('Resources:', '  V: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.1.0.0/16}}') },
    ],
    title: /^Move the VPC block to 10\.2\.0\.0\/16/,
    output: dockerTemplate('10.2.0.0/16', '10.2.0.0/20', '10.2.16.0/20'),
  },
  {
    name: 'eksctl creating the VPC: only the block changes',
    text: eksctl('vpc:', '  cidr: 172.17.0.0/16', closed),
    title: /^Move the VPC block to 10\.0\.0\.0\/16$/,
    output: eksctl('vpc:', '  cidr: 10.0.0.0/16', closed),
  },
  { name: 'no fix for an existing VPC', text: eksctl('vpc:', '  id: vpc-1', '  cidr: 172.17.0.0/16', closed) },
]);
