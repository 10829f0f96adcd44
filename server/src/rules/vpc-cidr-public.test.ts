import { ruleTester, yaml } from '../../../test/support/ruleTester';
import rule from './vpc-cidr-public';
import { cfn, cidrBlock, eksctl, vpcResource } from '../../../test/support/fixtures';

const primaryAdvice =
  /Addresses there normally belong to someone else on the internet, and those hosts become unreachable from this VPC\. Choose a block inside 10\.0\.0\.0\/8, 172\.16\.0\.0\/12 or 192\.168\.0\.0\/16\.$/;
const secondaryAdvice =
  /Addresses there normally belong to someone else on the internet, and those hosts become unreachable from this VPC\. Choose a block that AWS allows beside the primary block \(see vpc-secondary-cidr-restricted\); 100\.64\.0\.0\/10 always is\.$/;

ruleTester(rule, {
  valid: [
    { name: 'one block from each RFC 1918 range (one ClusterConfig each)', text: ['10.255.0.0/16', '172.31.0.0/16', '192.168.0.0/16'].map((c) => eksctl(`vpc: {cidr: ${c}}`)).join('---\n') },
    {
      name: 'CloudFormation: shared address space and 198.19.0.0/16 are not public',
      text: cfn(...vpcResource('Vpc', '100.127.0.0/16'), ...cidrBlock('Pods', 'Vpc', '100.64.0.0/16'), ...vpcResource('Lab', '198.19.0.0/16')),
    },
    {
      name: 'eksctl extraCIDRs are control-plane security group ranges: public addresses are expected there',
      text: eksctl('vpc:', '  cidr: 10.0.0.0/16', '  extraCIDRs: [203.0.113.0/24, 8.8.8.0/24]'),
    },
    {
      name: 'special-purpose ranges are left to vpc-cidr-reserved',
      text: cfn(...vpcResource('Vpc', '169.254.0.0/16'), ...cidrBlock('A', 'Vpc', '127.0.0.0/16'), ...cidrBlock('B', 'Vpc', '224.0.0.0/16'), ...cidrBlock('C', 'Vpc', '0.0.0.0/0')),
    },
    {
      name: 'public subnets of an existing VPC are a tier, not public addresses (flow maps, named subnets with az)',
      text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  subnets:', '    public:', '      us-west-2a: { id: subnet-0a, cidr: 10.0.0.0/20 }', '      public-two: {az: us-west-2b, id: subnet-0b}'),
    },
    {
      name: 'CloudFormation: subnets are not VPC blocks',
      text: cfn(...vpcResource('Vpc', '10.0.0.0/16'), '  Web:', '    Type: AWS::EC2::Subnet', '    Properties: {VpcId: !Ref Vpc, CidrBlock: 8.8.8.0/24, MapPublicIpOnLaunch: true}'),
    },
    { name: 'no vpc.cidr: eksctl creates 192.168.0.0/16', text: eksctl('iam: {withOIDC: true}') },
    { name: 'existing VPC referenced by id only', text: eksctl('vpc:', '  id: vpc-0123456789abcdef0') },
    { name: 'Helm/Go template values are skipped', text: eksctl('vpc:', '  cidr: "{{ .Values.vpcCidr }}"') },
    { name: 'CloudFormation intrinsics are skipped', text: cfn(...vpcResource('Vpc', '!Ref VpcCidr'), ...cidrBlock('Pods', 'Vpc', '!Ref PodCidr')) },
    { name: 'invalid values are cidr-syntax findings', text: eksctl('vpc:', '  cidr: 8.8.8.0/33') + '---\n' + cfn(...vpcResource('Vpc', '1.2.3/16')) },
    {
      name: 'publicAccessCIDRs and Kubernetes objects are not VPC blocks',
      text: eksctl(
        'vpc:',
        '  cidr: 10.0.0.0/16',
        '  publicAccessCIDRs: [203.0.113.0/24]',
        '---',
        'apiVersion: v1',
        'kind: Service',
        'metadata: {name: web}',
        'spec:',
        '  type: LoadBalancer',
        '  loadBalancerSourceRanges: [198.51.100.0/24]',
      ),
    },
  ],
  invalid: [
    {
      name: 'just outside 10.0.0.0/8',
      text: eksctl('vpc:', '  cidr: 11.0.0.0/16'),
      errors: [
        {
          line: 5,
          severity: 'warning',
          message: new RegExp(
            /^VPC CIDR 11\.0\.0\.0\/16 is outside the private ranges \(10\.0\.0\.0\/8, 172\.16\.0\.0\/12, 192\.168\.0\.0\/16, and 100\.64\.0\.0\/10 or 198\.19\.0\.0\/16\)\. /.source +
              primaryAdvice.source,
          ),
        },
      ],
    },
    {
      name: 'CloudFormation: just past 172.16.0.0/12 and 100.64.0.0/10, as secondaries',
      text: cfn(...vpcResource('Vpc', '172.16.0.0/16'), ...cidrBlock('A', 'Vpc', '172.32.0.0/16'), ...cidrBlock('B', 'Vpc', '100.128.0.0/16')),
      errors: [
        { line: 11, severity: 'warning', message: new RegExp(/^Secondary VPC CIDR 172\.32\.0\.0\/16 is outside the private ranges.*/.source + secondaryAdvice.source) },
        { line: 16, severity: 'warning', message: /^Secondary VPC CIDR 100\.128\.0\.0\/16 is outside the private ranges/ },
      ],
    },
    {
      name: 'a block straddling a private range and public space',
      text: eksctl('vpc: {cidr: 10.0.0.0/7}'),
      errors: [{ line: 4, message: /^VPC CIDR 10\.0\.0\.0\/7 is outside the private ranges/ }],
    },
    {
      name: 'CloudFormation JSON: a public primary block',
      uri: 't.json',
      text: yaml(
        '{',
        '  "Resources": {',
        '    "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "52.95.0.0/16"}},',
        '    "Pods": {"Type": "AWS::EC2::VPCCidrBlock", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "100.64.0.0/16"}}',
        '  }',
        '}',
      ),
      errors: [{ line: 3, message: /^VPC CIDR 52\.95\.0\.0\/16 is outside the private ranges/ }],
    },
    {
      name: 'reached through an anchor, on an existing VPC with named subnets with az',
      text: eksctl('x-net: &net 192.169.0.0/16', 'vpc:', '  id: vpc-0123456789abcdef0', '  cidr: *net', '  subnets:', '    private:', '      private-one: {az: us-west-2a, id: subnet-0a}'),
      errors: [{ line: 4, message: /^VPC CIDR 192\.169\.0\.0\/16 is outside the private ranges/ }],
    },
    {
      name: 'multi-document file: findings in each ClusterConfig',
      text: yaml(
        'apiVersion: eksctl.io/v1alpha5',
        'kind: ClusterConfig',
        'metadata: {name: one, region: us-west-2}',
        'vpc: {cidr: 52.0.0.0/16}',
        '---',
        'apiVersion: eksctl.io/v1alpha5',
        'kind: ClusterConfig',
        'metadata: {name: two, region: us-west-2}',
        'vpc:',
        '  cidr: 198.20.0.0/16',
      ),
      errors: [
        { line: 4, message: /52\.0\.0\.0\/16 is outside the private ranges/ },
        { line: 10, message: /198\.20\.0\.0\/16 is outside the private ranges/ },
      ],
    },
  ],
});
