import { fixTester } from '../../../test/support/fixTester';
import rule from './subnet-outside-vpc';

const template = (subnet: string) =>
  [
    'Resources:',
    '  Vpc:',
    '    Type: AWS::EC2::VPC',
    '    Properties: {CidrBlock: 10.0.0.0/16}',
    '  Pods:',
    '    Type: AWS::EC2::VPCCidrBlock',
    '    Properties: {VpcId: !Ref Vpc, CidrBlock: 100.64.0.0/16}',
    '  SubnetA:',
    '    Type: AWS::EC2::Subnet',
    '    Properties: {VpcId: !Ref Vpc, AvailabilityZone: us-east-1a, CidrBlock: 10.0.0.0/17}',
    '  SubnetB:',
    '    Type: AWS::EC2::Subnet',
    '    Properties:',
    '      VpcId: !Ref Vpc',
    '      AvailabilityZone: us-east-1b',
    `      CidrBlock: ${subnet}   # typo in the second octet`,
    '',
  ].join('\n');

fixTester(rule, [
  {
    name: 'a subnet outside every block moves to the first free block of its size',
    text: template('10.1.0.0/17'),
    title: /^Move subnet SubnetB to 10\.0\.128\.0\/17 \(the first free \/17 in the VPC\)$/,
    output: template('10.0.128.0/17'),
  },
  {
    name: 'the free space of a secondary block counts when the primary is full',
    text: template('10.1.0.0/17').replace('CidrBlock: 10.0.0.0/17}', 'CidrBlock: 10.0.0.0/16}'),
    title: /^Move subnet SubnetB to 100\.64\.0\.0\/17/,
    output: template('100.64.0.0/17').replace('CidrBlock: 10.0.0.0/17}', 'CidrBlock: 10.0.0.0/16}'),
  },
  {
    name: 'no fix for a subnet too large for any free space',
    text: template('10.1.0.0/16').replace('CidrBlock: 100.64.0.0/16}', 'CidrBlock: 100.64.0.0/17}'),
  },
  {
    name: 'a JSON template keeps its quotes',
    uri: 't.json',
    text: '{"Resources": {"V": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/24"}}, "S": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "V"}, "CidrBlock": "10.0.1.0/26"}}}}\n',
    title: /^Move subnet S to 10\.0\.0\.0\/26/,
    output:
      '{"Resources": {"V": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/24"}}, "S": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "V"}, "CidrBlock": "10.0.0.0/26"}}}}\n',
  },
]);
