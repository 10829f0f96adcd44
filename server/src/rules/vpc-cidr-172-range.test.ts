import { ruleTester, yaml } from '../../../test/support/ruleTester';
import rule from './vpc-cidr-172-range';
import { cfn, cidrBlock, eksctl, vpcResource } from '../../../test/support/fixtures';

const whole =
  /^VPC CIDR 172\.20\.0\.0\/16 is inside 172\.16\.0\.0\/12, parts of which carry AWS caveats: services that run Docker conflict with 172\.17\.0\.0\/16, and a VPC in this range cannot add 172\.31\.0\.0\/16 as a secondary block later\. If the range is still free to choose, 10\.0\.0\.0\/8 avoids both\.$/;

ruleTester(rule, {
  valid: [
    { name: 'the other private ranges', text: eksctl('vpc:', '  cidr: 10.0.0.0/16') },
    { name: '192.168.0.0/16 in flow style', text: eksctl('vpc: {cidr: 192.168.0.0/16}') },
    { name: "touching 172.17.0.0/16 is vpc-cidr-docker-conflict's finding", text: eksctl('vpc:', '  cidr: 172.16.0.0/15') },
    { name: 'outside 172.16.0.0/12 on either side (one ClusterConfig each)', text: eksctl('vpc: {cidr: 172.15.0.0/16}') + '---\n' + eksctl('vpc: {cidr: 172.32.0.0/16}') },
    {
      name: 'eksctl extraCIDRs are control-plane security group ranges, not VPC blocks',
      text: eksctl('vpc:', '  cidr: 10.0.0.0/16', '  extraCIDRs: [172.20.0.0/16, 172.31.0.0/16]'),
    },
    {
      name: 'CloudFormation: only the primary is noted, not a secondary block in 172.16.0.0/12',
      text: cfn(...vpcResource('Vpc', '10.0.0.0/16'), ...cidrBlock('Pods', 'Vpc', '172.20.0.0/16')),
    },
    {
      name: 'CloudFormation: a secondary block on a VPC passed in as a parameter',
      text: cfn(...cidrBlock('Pods', 'ExistingVpcId', '172.20.0.0/16')),
    },
    {
      name: 'subnets listed: eksctl imports them, so the VPC exists and its range is not chosen here (flow maps, named subnets with az)',
      text: eksctl(
        'vpc:',
        '  cidr: 172.20.0.0/16',
        '  subnets:',
        '    private:',
        '      us-west-2a: { id: subnet-0a, cidr: 172.20.0.0/19 }',
        '      private-two: {az: us-west-2b, id: subnet-0b, cidr: 172.20.32.0/19}',
      ),
    },
    {
      name: 'existing VPC by id with its range written, reached through an anchor: nothing to choose',
      text: eksctl('x-net: &net 172.24.0.0/16', 'vpc:', '  id: vpc-0123456789abcdef0', '  cidr: *net'),
    },
    { name: 'no vpc.cidr: eksctl creates 192.168.0.0/16', text: eksctl('vpc:', '  nat: {gateway: HighlyAvailable}') },
    { name: 'Helm/Go template values are skipped', text: eksctl('vpc:', '  cidr: "{{ .Values.vpcCidr }}"') },
    { name: 'CloudFormation intrinsics are skipped', text: cfn(...vpcResource('Vpc', '!Ref VpcCidr')) },
    { name: 'invalid values are cidr-syntax findings', text: eksctl('vpc:', '  cidr: 172.20.0.0/33') + '---\n' + cfn(...vpcResource('Vpc', '172.20.0/16')) },
    {
      name: 'the service CIDR and Kubernetes objects are not VPC blocks',
      text: eksctl(
        'vpc: {cidr: 10.0.0.0/16}',
        'kubernetesNetworkConfig: {serviceIPv4CIDR: 172.20.0.0/16}',
        '---',
        'apiVersion: networking.k8s.io/v1',
        'kind: NetworkPolicy',
        'metadata: {name: np}',
        'spec:',
        '  egress:',
        '  - to:',
        '    - ipBlock: {cidr: 172.20.0.0/16}',
      ),
    },
  ],
  invalid: [
    { name: 'a /16 in the middle of the range', text: eksctl('vpc:', '  cidr: 172.20.0.0/16'), errors: [{ line: 5, severity: 'information', message: whole }] },
    {
      name: 'CloudFormation: the VPC resource is noted, its 172.16.0.0/12 secondary is not',
      text: cfn(...vpcResource('Vpc', '172.16.0.0/16'), ...cidrBlock('Pods', 'Vpc', '172.31.240.0/20')),
      errors: [{ line: 6, severity: 'information', message: /^VPC CIDR 172\.16\.0\.0\/16 is inside 172\.16\.0\.0\/12, .*10\.0\.0\.0\/8 avoids both\.$/ }],
    },
    {
      name: "the default VPC's range: no 172.31.0.0/16 caveat for a block that holds it",
      text: eksctl('vpc:', '  cidr: 172.31.0.0/16'),
      errors: [{ line: 5, message: /: services that run Docker conflict with 172\.17\.0\.0\/16\. If the range is still free to choose, 10\.0\.0\.0\/8 avoids it\.$/ }],
    },
    {
      name: 'CloudFormation JSON: a VPC resource',
      uri: 't.json',
      text: yaml('{', '  "Resources": {', '    "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "172.24.0.0/16"}}', '  }', '}'),
      errors: [{ line: 3, message: /^VPC CIDR 172\.24\.0\.0\/16 is inside 172\.16\.0\.0\/12/ }],
    },
    {
      name: 'reached through an anchor in a VPC eksctl creates',
      text: eksctl('x-net: &net 172.24.0.0/16', 'vpc:', '  cidr: *net', '  nat: {gateway: Single}'),
      errors: [{ line: 4, message: /^VPC CIDR 172\.24\.0\.0\/16 is inside 172\.16\.0\.0\/12/ }],
    },
    {
      name: 'multi-document file: findings in each ClusterConfig',
      text: yaml(
        'apiVersion: eksctl.io/v1alpha5',
        'kind: ClusterConfig',
        'metadata: {name: one, region: us-west-2}',
        'vpc: {cidr: 172.18.0.0/16}',
        '---',
        'apiVersion: eksctl.io/v1alpha5',
        'kind: ClusterConfig',
        'metadata: {name: two, region: us-west-2}',
        'vpc:',
        '  cidr: 172.30.0.0/16',
      ),
      errors: [
        { line: 4, message: /172\.18\.0\.0\/16 is inside/ },
        { line: 10, message: /172\.30\.0\.0\/16 is inside/ },
      ],
    },
    {
      name: 'user severity override',
      text: eksctl('vpc: {cidr: 172.20.0.0/16}'),
      config: { rules: { 'vpc-cidr-172-range': 'hint' } },
      errors: [{ line: 4, severity: 'hint' }],
    },
  ],
});
