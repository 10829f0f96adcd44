import { fixTester } from '../../../test/support/fixTester';
import { eksctl } from '../../../test/support/fixtures';
import rule from './subnet-overlap';

const template = (a: string, b: string, c = '10.0.64.0/19') =>
  [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Resources:',
    '  Vpc:',
    '    Type: AWS::EC2::VPC',
    '    Properties:',
    '      CidrBlock: 10.0.0.0/17   # room for four /19s',
    '  SubnetA:',
    '    Type: AWS::EC2::Subnet',
    '    Properties: {VpcId: !Ref Vpc, AvailabilityZone: us-east-1a, CidrBlock: ' + a + '}',
    '  SubnetB:',
    '    Type: AWS::EC2::Subnet',
    '    Properties:',
    '      VpcId: !Ref Vpc',
    '      AvailabilityZone: us-east-1b',
    `      CidrBlock: "${b}"`,
    '  SubnetC:',
    '    Type: AWS::EC2::Subnet',
    `    Properties: {VpcId: !Ref Vpc, AvailabilityZone: us-east-1c, CidrBlock: ${c}}`,
    '',
  ].join('\n');

fixTester(rule, [
  {
    name: 'CloudFormation: the second of two overlapping /19s moves to the first free /19, quotes kept',
    text: template('10.0.0.0/19', '10.0.0.0/19'),
    finding: 1,
    title: /^Move subnet SubnetB to 10\.0\.32\.0\/19 \(the first free \/19 in the VPC\)$/,
    output: template('10.0.0.0/19', '10.0.32.0/19'),
  },
  {
    name: 'CloudFormation flow style: the first one moves, skipping the blocks other subnets hold',
    text: template('10.0.16.0/20', '10.0.0.0/19', '10.0.32.0/19'),
    title: /^Move subnet SubnetA to 10\.0\.64\.0\/20/,
    output: template('10.0.64.0/20', '10.0.0.0/19', '10.0.32.0/19'),
  },
  {
    name: 'no fix when no block of the size is free (and the message says so)',
    text: template('10.0.0.0/18', '10.0.32.0/19', '10.0.64.0/18'),
  },
  {
    name: 'no fix for eksctl: listed subnets already exist, their blocks are facts',
    text: eksctl(
      'vpc:',
      '  id: vpc-1',
      '  cidr: 10.0.0.0/16',
      '  subnets:',
      '    private:',
      '      us-west-2a: {id: subnet-a, cidr: 10.0.0.0/19}',
      '      us-west-2b: {id: subnet-b, cidr: 10.0.0.0/20}',
    ),
  },
]);
