// Builders for the documents rule tests check, so every test file writes the same minimal
// ClusterConfig and CloudFormation shapes and line numbers stay easy to count.
import { yaml } from './ruleTester';

/** An eksctl ClusterConfig in us-west-2; the first line given is line 4. */
export const eksctl = (...lines: string[]): string => yaml('apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata: {name: demo, region: us-west-2}', ...lines);

/** A CloudFormation template; the first line given is line 3. */
export const cfn = (...lines: string[]): string => yaml("AWSTemplateFormatVersion: '2010-09-09'", 'Resources:', ...lines);

/** An AWS::EC2::VPC resource whose CidrBlock is on the resource's 4th line. */
export const vpcResource = (id: string, cidr: string): string[] => [`  ${id}:`, '    Type: AWS::EC2::VPC', '    Properties:', `      CidrBlock: ${cidr}`];

/** An AWS::EC2::VPCCidrBlock resource added to `!Ref vpcRef`; its CidrBlock is on the resource's 5th line. */
export const cidrBlock = (id: string, vpcRef: string, cidr: string): string[] => [
  `  ${id}:`,
  '    Type: AWS::EC2::VPCCidrBlock',
  '    Properties:',
  `      VpcId: !Ref ${vpcRef}`,
  `      CidrBlock: ${cidr}`,
];
