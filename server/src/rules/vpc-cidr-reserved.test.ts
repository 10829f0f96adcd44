import { ruleTester, yaml } from '../../../test/support/ruleTester';
import rule from './vpc-cidr-reserved';
import { cfn, cidrBlock, eksctl, vpcResource } from '../../../test/support/fixtures';

const primaryAdvice = /AWS does not allow these special-purpose addresses in a VPC\. Choose a block inside 10\.0\.0\.0\/8, 172\.16\.0\.0\/12 or 192\.168\.0\.0\/16\.$/;
const secondaryAdvice =
  /AWS does not allow these special-purpose addresses in a VPC\. Choose a block that AWS allows beside the primary block \(see vpc-secondary-cidr-restricted\); 100\.64\.0\.0\/10 always is\.$/;

ruleTester(rule, {
  valid: [
    {
      name: 'CloudFormation: private, shared and benchmarking blocks',
      text: cfn(...vpcResource('Vpc', '10.0.0.0/16'), ...cidrBlock('Pods', 'Vpc', '100.64.0.0/16'), ...cidrBlock('More', 'Vpc', '198.19.0.0/16')),
    },
    {
      name: 'neighbours of the special ranges do not overlap them (one ClusterConfig each)',
      text: ['1.0.0.0/16', '126.255.0.0/16', '128.0.0.0/16', '169.253.0.0/16', '169.255.0.0/16', '223.255.0.0/16'].map((c) => eksctl(`vpc: {cidr: ${c}}`)).join('---\n'),
    },
    {
      name: 'eksctl extraCIDRs are control-plane security group ranges, not VPC blocks',
      text: eksctl('vpc:', '  cidr: 10.0.0.0/16', '  extraCIDRs: [127.0.0.0/8, 169.254.0.0/16]'),
    },
    {
      name: 'subnets of an existing VPC are not VPC blocks (flow maps, named subnets with az)',
      text: eksctl(
        'vpc:',
        '  id: vpc-0123456789abcdef0',
        '  subnets:',
        '    public:',
        '      us-west-2a: { id: subnet-0a, cidr: 169.254.0.0/20 }',
        '    private:',
        '      private-one: {az: us-west-2b, id: subnet-0b, cidr: 127.0.0.0/20}',
      ),
    },
    {
      name: 'CloudFormation: subnets are not VPC blocks',
      text: cfn(...vpcResource('Vpc', '10.0.0.0/16'), '  Odd:', '    Type: AWS::EC2::Subnet', '    Properties: {VpcId: !Ref Vpc, CidrBlock: 169.254.0.0/24, AvailabilityZone: us-west-2a}'),
    },
    { name: 'no vpc.cidr: eksctl creates 192.168.0.0/16', text: eksctl('managedNodeGroups:', '- name: ng') },
    { name: 'existing VPC referenced by id only', text: eksctl('vpc:', '  id: vpc-0123456789abcdef0') },
    { name: 'Helm/Go template values are skipped', text: eksctl('vpc:', '  cidr: "{{ .Values.vpc.cidr | default \\"169.254.0.0/16\\" }}"') },

    { name: 'invalid values are cidr-syntax findings', text: eksctl('vpc:', '  cidr: 169.254.0.0/33') + '---\n' + cfn(...vpcResource('Vpc', '10.0.0.0/16'), ...cidrBlock('Pods', 'Vpc', '224.0.0/4')) },
    {
      name: 'a Kubernetes object in the same file is not a VPC',
      text: eksctl(
        'vpc: {cidr: 10.0.0.0/16}',
        '---',
        'apiVersion: networking.k8s.io/v1',
        'kind: NetworkPolicy',
        'metadata: {name: deny-imds}',
        'spec:',
        '  egress:',
        '  - to:',
        '    - ipBlock: {cidr: 0.0.0.0/0, except: [169.254.169.254/32]}',
      ),
    },
  ],
  invalid: [
    {
      name: 'CloudFormation: a secondary block from !Select of !Cidr is resolved',
      text: cfn(...vpcResource('Vpc', '!Ref VpcCidr'), ...cidrBlock('Pods', 'Vpc', '!Select [0, !Cidr [127.0.0.0/8, 1, 16]]')),
      errors: [{ line: 11, message: /^Secondary VPC CIDR 127\.0\.0\.0\/16 overlaps 127\.0\.0\.0\/8/ }],
    },
    {
      name: 'link-local primary',
      text: eksctl('vpc:', '  cidr: 169.254.0.0/16'),
      errors: [{ line: 5, severity: 'error', message: /^VPC CIDR 169\.254\.0\.0\/16 overlaps 169\.254\.0\.0\/16 \(link-local, where AWS serves instance metadata, DNS and time\); / }],
    },
    {
      name: 'CloudFormation: a small block inside loopback, as a secondary',
      text: cfn(...vpcResource('Vpc', '10.0.0.0/16'), ...cidrBlock('Pods', 'Vpc', '100.64.0.0/16'), ...cidrBlock('Typo', 'Vpc', '127.0.0.0/20')),
      errors: [{ line: 16, severity: 'error', message: new RegExp(/^Secondary VPC CIDR 127\.0\.0\.0\/20 overlaps 127\.0\.0\.0\/8 \(loopback\); /.source + secondaryAdvice.source) }],
    },
    {
      name: 'a block that spans two special ranges names both',
      text: eksctl('vpc: {cidr: 224.0.0.0/3}'),
      errors: [{ line: 4, severity: 'error', message: /overlaps 224\.0\.0\.0\/4 \(multicast\) and 240\.0\.0\.0\/4 \(reserved for future use, including broadcast\); AWS does not allow / }],
    },
    {
      name: 'CloudFormation JSON: a block that contains a special range overlaps it',
      uri: 't.json',
      text: yaml(
        '{',
        '  "AWSTemplateFormatVersion": "2010-09-09",',
        '  "Resources": {',
        '    "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},',
        '    "Wide": {"Type": "AWS::EC2::VPCCidrBlock", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "168.0.0.0/6"}}',
        '  }',
        '}',
      ),
      errors: [{ line: 5, message: /^Secondary VPC CIDR 168\.0\.0\.0\/6 overlaps 169\.254\.0\.0\/16 \(link-local/ }],
    },
    {
      name: '"this network" range, reached through an anchor, on an existing VPC with named subnets',
      text: eksctl('x-cidrs:', '  zero: &zero 0.0.0.0/16', 'vpc:', '  id: vpc-0123456789abcdef0', '  cidr: *zero', '  subnets:', '    private:', '      private-one: {az: us-west-2a, id: subnet-0a}'),
      errors: [{ line: 5, message: /^VPC CIDR 0\.0\.0\.0\/16 overlaps 0\.0\.0\.0\/8 \("this network" \(RFC 1122\)\); / }],
    },
    {
      name: 'multi-document file: findings in each ClusterConfig and template',
      text:
        yaml('apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata: {name: one, region: us-west-2}', 'vpc: {cidr: 240.0.0.0/16}', '---') +
        cfn(...vpcResource('Vpc', '10.0.0.0/16'), ...cidrBlock('Multicast', 'Vpc', '225.1.0.0/16')),
      errors: [
        { line: 4, severity: 'warning', message: /^VPC CIDR 240\.0\.0\.0\/16 overlaps 240\.0\.0\.0\/4 \(reserved for future use, including broadcast\)\. AWS does not list this range/ },
        { line: 16, message: /^Secondary VPC CIDR 225\.1\.0\.0\/16 overlaps 224\.0\.0\.0\/4 \(multicast\)/ },
      ],
    },
    {
      name: 'CloudFormation: a block added to a VPC passed in as a parameter',
      text: cfn(...cidrBlock('Extra', 'ExistingVpcId', '169.254.64.0/18')),
      errors: [{ line: 7, message: new RegExp(/^Secondary VPC CIDR 169\.254\.64\.0\/18 overlaps 169\.254\.0\.0\/16 /.source) }],
    },
    {
      name: '240.0.0.0/4 alone: AWS does not list it, so a warning with the reason and the advice',
      text: eksctl('vpc:', '  cidr: 250.1.0.0/16'),
      errors: [
        {
          line: 5,
          severity: 'warning',
          message:
            /^VPC CIDR 250\.1\.0\.0\/16 overlaps 240\.0\.0\.0\/4 \(reserved for future use, including broadcast\)\. AWS does not list this range among those a VPC cannot use, but the IETF has never opened it for hosts, and some operating systems and network devices refuse these addresses\. Choose a block inside 10\.0\.0\.0\/8, 172\.16\.0\.0\/12 or 192\.168\.0\.0\/16\.$/,
        },
      ],
    },
    { name: 'the primary message ends with the advice', text: eksctl('vpc:', '  cidr: 169.254.16.0/20'), errors: [{ line: 5, message: primaryAdvice }] },
  ],
});
