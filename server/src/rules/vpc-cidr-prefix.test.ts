import { ruleTester, yaml } from '../../../test/support/ruleTester';
import rule from './vpc-cidr-prefix';
import { cfn, cidrBlock, eksctl, vpcResource } from '../../../test/support/fixtures';

ruleTester(rule, {
  valid: [
    { name: 'CloudFormation: /16 primary and /28 secondary are both allowed (the bounds)', text: cfn(...vpcResource('Vpc', '10.0.0.0/16'), ...cidrBlock('Pods', 'Vpc', '100.64.0.0/28')) },
    {
      name: 'eksctl extraCIDRs are control-plane security group ranges, not VPC blocks: a /32 is fine',
      text: eksctl('vpc:', '  cidr: 10.0.0.0/16', '  extraCIDRs: [203.0.113.7/32, 198.51.100.0/8]'),
    },
    {
      name: 'existing VPC in flow style: subnet sizes are subnet-prefix findings, not this rule',
      text: eksctl(
        'vpc: {id: vpc-0123456789abcdef0, cidr: 10.10.0.0/20, subnets: {private: {us-west-2a: { id: subnet-0a, cidr: 10.10.0.0/29 }, private-two: {az: us-west-2b, id: subnet-0b, cidr: 10.10.8.0/15}}}}',
      ),
    },
    {
      name: 'CloudFormation: subnet sizes are not VPC blocks',
      text: cfn(
        ...vpcResource('Vpc', '10.0.0.0/16'),
        '  Tiny:',
        '    Type: AWS::EC2::Subnet',
        '    Properties:',
        '      VpcId: !Ref Vpc',
        '      CidrBlock: 10.0.0.0/29',
        '      AvailabilityZone: us-west-2a',
      ),
    },
    { name: 'no vpc.cidr: eksctl creates 192.168.0.0/16', text: eksctl('vpc:', '  nat: {gateway: Single}') },
    { name: 'eksctl creates a /24 VPC: the smallest it accepts', text: eksctl('vpc: {cidr: 10.0.0.0/24}') },
    {
      name: "an existing VPC's /26 block: eksctl's /24 limit applies only to a VPC it creates",
      text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  cidr: 10.0.0.0/26', '  subnets:', '    private:', '      private-one: {az: us-west-2a, id: subnet-0a}'),
    },
    {
      name: 'existing VPC referenced by id, its range not in the file',
      text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  subnets:', '    private:', '      private-one: {id: subnet-0123456789abcdef0}'),
    },
    { name: 'Helm/Go template values are skipped', text: eksctl('vpc:', '  cidr: "{{ .Values.vpcCidr }}"') },
    {
      name: 'CloudFormation intrinsics are not literal blocks (!Ref, !Select/!Cidr, {"Ref": …})',
      text: cfn(
        ...vpcResource('Vpc', '!Ref VpcCidr'),
        ...cidrBlock('Pods', 'Vpc', '!Select [0, !Cidr [100.64.0.0/8, 2, 24]]'),
        '  Ipv6:',
        '    Type: AWS::EC2::VPCCidrBlock',
        '    Properties: {VpcId: !Ref Vpc, AmazonProvidedIpv6CidrBlock: true}',
      ),
    },
    { name: 'invalid values are cidr-syntax findings', text: eksctl('vpc:', '  cidr: 10.0.0.0/33') + cfn(...vpcResource('Vpc', '10.0.0.0/')).replace(/^/, '---\n') },
    { name: 'IPv6 values are not IPv4 VPC blocks', text: eksctl('vpc:', '  cidr: "2001:db8::/56"') },
    {
      name: 'a Kubernetes object in the same file is not a VPC',
      text: eksctl(
        'vpc: {cidr: 10.0.0.0/16}',
        '---',
        'apiVersion: networking.k8s.io/v1',
        'kind: NetworkPolicy',
        'metadata: {name: np}',
        'spec:',
        '  egress:',
        '  - to:',
        '    - ipBlock: {cidr: 10.0.0.0/8}',
      ),
    },
  ],
  invalid: [
    {
      name: 'eksctl creating a /26 VPC: AWS allows it, eksctl does not',
      text: eksctl('vpc:', '  cidr: 10.0.0.0/26'),
      errors: [
        {
          line: 5,
          message: /^VPC CIDR 10\.0\.0\.0\/26 is smaller than eksctl accepts for a VPC it creates \(\/24 at least, 256 addresses\); it has 64 addresses\. eksctl stops before creating anything\.$/,
        },
      ],
    },
    {
      name: 'eksctl creating a /28 VPC, in the second document of a stream',
      text: eksctl('vpc: {cidr: 10.0.0.0/16}') + '---\n' + eksctl('vpc:', '  cidr: 192.168.10.0/28'),
      errors: [{ line: 10, message: /^VPC CIDR 192\.168\.10\.0\/28 is smaller than eksctl accepts for a VPC it creates \(\/24 at least, 256 addresses\); it has 16 addresses\./ }],
    },
    {
      name: 'primary /8 is too large',
      text: eksctl('vpc:', '  cidr: 10.0.0.0/8'),
      errors: [{ line: 5, severity: 'error', message: /^VPC CIDR 10\.0\.0\.0\/8 is larger than AWS allows \(\/16 at most, 65,536 addresses\); it has 16,777,216 addresses\.$/ }],
    },
    {
      name: 'CloudFormation: a /29 VPCCidrBlock is too small',
      text: cfn(...vpcResource('Vpc', '10.0.0.0/16'), ...cidrBlock('Pods', 'Vpc', '100.64.0.0/16'), ...cidrBlock('Tiny', 'Vpc', '10.1.0.0/29')),
      errors: [{ line: 16, severity: 'error', message: /^Secondary VPC CIDR 10\.1\.0\.0\/29 is smaller than AWS allows \(\/28 at least, 16 addresses\); it has 8 addresses\.$/ }],
    },
    {
      name: 'CloudFormation JSON: a single address is one address, not one "addresses"',
      uri: 't.json',
      text: yaml(
        '{',
        '  "Resources": {',
        '    "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},',
        '    "Host": {"Type": "AWS::EC2::VPCCidrBlock", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "100.64.0.1/32"}}',
        '  }',
        '}',
      ),
      errors: [{ line: 4, message: /^Secondary VPC CIDR 100\.64\.0\.1\/32 is smaller.*it has 1 address\.$/ }],
    },
    {
      name: 'CloudFormation: each VPC of a template is checked, and a block added to a VPC passed in as a parameter too',
      text: cfn(...vpcResource('Hub', '10.0.0.0/12'), ...vpcResource('Spoke', '10.16.0.0/16'), ...cidrBlock('Extra', 'ExistingVpcId', '100.64.0.0/10')),
      errors: [
        { line: 6, message: /^VPC CIDR 10\.0\.0\.0\/12 is larger.*it has 1,048,576 addresses\.$/ },
        { line: 15, message: /^Secondary VPC CIDR 100\.64\.0\.0\/10 is larger.*it has 4,194,304 addresses\.$/ },
      ],
    },
    {
      name: 'existing VPC with named subnets: a written vpc.cidr that no VPC can have is still reported',
      text: eksctl(
        'vpc:',
        '  id: vpc-0123456789abcdef0',
        '  cidr: 10.0.0.0/15',
        '  subnets:',
        '    private:',
        '      private-one: {az: us-west-2a, id: subnet-0a}',
        '      private-two: {az: us-west-2b, id: subnet-0b}',
      ),
      errors: [{ line: 6, message: /10\.0\.0\.0\/15 is larger.*it has 131,072 addresses/ }],
    },
    {
      name: 'value reached through an alias is reported at the anchor',
      text: eksctl('x-ranges:', '  wide: &wide 172.16.0.0/12', 'vpc:', '  cidr: *wide'),
      errors: [{ line: 5, message: /^VPC CIDR 172\.16\.0\.0\/12 is larger.*it has 1,048,576 addresses/ }],
    },
    {
      name: 'multi-document file: each ClusterConfig is checked, lines count from the file start',
      text: yaml(
        'apiVersion: eksctl.io/v1alpha5',
        'kind: ClusterConfig',
        'metadata: {name: one, region: us-west-2}',
        'vpc: {cidr: 192.168.0.0/16}',
        '---',
        'apiVersion: eksctl.io/v1alpha5',
        'kind: ClusterConfig',
        'metadata: {name: two, region: us-west-2}',
        'vpc:',
        '  cidr: 0.0.0.0/0',
      ),
      errors: [{ line: 10, message: /0\.0\.0\.0\/0 is larger.*it has 4,294,967,296 addresses/ }],
    },
    {
      name: 'user severity override',
      text: eksctl('vpc:', '  cidr: 10.0.0.0/30'),
      config: { rules: { 'vpc-cidr-prefix': 'warning' } },
      errors: [{ line: 5, severity: 'warning', message: /smaller than AWS allows.*it has 4 addresses/ }],
    },
  ],
});
