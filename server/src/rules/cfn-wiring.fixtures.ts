// Template pieces for the CloudFormation wiring rules' tests: a VPC with an internet gateway, a
// public and a private route table, subnets and their associations. Each helper returns lines
// indented for the Resources mapping.
export const header = ["AWSTemplateFormatVersion: '2010-09-09'", 'Resources:'];

export const vpc = ['  Vpc:', '    Type: AWS::EC2::VPC', '    Properties: {CidrBlock: 10.0.0.0/16}'];

export const igw = (attachedTo: string | null = 'Vpc') => [
  '  Igw:',
  '    Type: AWS::EC2::InternetGateway',
  ...(attachedTo ? ['  IgwAttachment:', '    Type: AWS::EC2::VPCGatewayAttachment', `    Properties: {VpcId: !Ref ${attachedTo}, InternetGatewayId: !Ref Igw}`] : []),
];

export const table = (id: string, vpcId = 'Vpc') => [`  ${id}:`, '    Type: AWS::EC2::RouteTable', `    Properties: {VpcId: !Ref ${vpcId}}`];

export const route = (id: string, tableId: string, target: string, destination = '0.0.0.0/0') => [
  `  ${id}:`,
  '    Type: AWS::EC2::Route',
  '    Properties:',
  `      RouteTableId: !Ref ${tableId}`,
  `      DestinationCidrBlock: ${destination}`,
  `      ${target}`,
];

export const subnet = (id: string, cidr: string, mapPublic?: string) => [
  `  ${id}:`,
  '    Type: AWS::EC2::Subnet',
  '    Properties:',
  '      VpcId: !Ref Vpc',
  `      CidrBlock: ${cidr}`,
  ...(mapPublic !== undefined ? [`      MapPublicIpOnLaunch: ${mapPublic}`] : []),
];

export const association = (id: string, subnetId: string, tableId: string) => [
  `  ${id}:`,
  '    Type: AWS::EC2::SubnetRouteTableAssociation',
  `    Properties: {SubnetId: !Ref ${subnetId}, RouteTableId: !Ref ${tableId}}`,
];

export const template = (...lines: string[][]) => [...header, ...lines.flat(), ''].join('\n');
