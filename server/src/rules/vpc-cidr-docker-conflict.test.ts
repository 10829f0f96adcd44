import { ruleTester, yaml } from '../../../test/support/ruleTester';
import rule from './vpc-cidr-docker-conflict';
import { cfn, cidrBlock, eksctl, vpcResource } from '../../../test/support/fixtures';

ruleTester(rule, {
  valid: [
    { name: 'CloudFormation: the /16s on either side of 172.17.0.0/16', text: cfn(...vpcResource('Vpc', '172.16.0.0/16'), ...cidrBlock('Next', 'Vpc', '172.18.0.0/16')) },
    { name: 'other private ranges', text: eksctl('vpc: {cidr: 10.0.0.0/16}') },
    {
      name: 'eksctl extraCIDRs are control-plane security group ranges, not VPC blocks',
      text: eksctl('vpc:', '  cidr: 10.0.0.0/16', '  extraCIDRs: [172.17.0.0/16]'),
    },
    {
      name: 'subnets of an existing VPC are not VPC blocks (flow maps, named subnets with az)',
      text: eksctl(
        'vpc:',
        '  id: vpc-0123456789abcdef0',
        '  subnets:',
        '    private:',
        '      us-west-2a: { id: subnet-0a, cidr: 172.18.0.0/19 }',
        '      private-two: {az: us-west-2b, id: subnet-0b, cidr: 172.17.0.0/19}',
      ),
    },
    {
      name: 'CloudFormation: subnets are not VPC blocks',
      text: cfn(...vpcResource('Vpc', '10.0.0.0/16'), '  Sub:', '    Type: AWS::EC2::Subnet', '    Properties: {VpcId: !Ref Vpc, CidrBlock: 172.17.0.0/24}'),
    },
    { name: 'no vpc.cidr: eksctl creates 192.168.0.0/16', text: eksctl('vpc:', '  clusterEndpoints: {privateAccess: true}') },
    { name: 'existing VPC referenced by id only', text: eksctl('vpc:', '  id: vpc-0123456789abcdef0') },
    { name: 'Helm/Go template values are skipped', text: eksctl('vpc:', '  cidr: "{{ .Values.vpcCidr | default \\"172.17.0.0/16\\" }}"') },

    { name: 'invalid values are cidr-syntax findings', text: eksctl('vpc:', '  cidr: 172.17.0.0/33') + '---\n' + cfn(...vpcResource('Vpc', '172.17.0/16')) },
    {
      name: 'the service CIDR and Kubernetes objects are not VPC blocks',
      text: eksctl(
        'vpc: {cidr: 10.0.0.0/16}',
        'kubernetesNetworkConfig: {serviceIPv4CIDR: 172.17.0.0/16}',
        '---',
        'apiVersion: networking.k8s.io/v1',
        'kind: NetworkPolicy',
        'metadata: {name: np}',
        'spec:',
        '  ingress:',
        '  - from:',
        '    - ipBlock: {cidr: 172.17.0.0/16}',
      ),
    },
  ],
  invalid: [
    {
      name: 'CloudFormation: the JSON long form of Fn::Select and Fn::Cidr is resolved',
      text: cfn(...vpcResource('Vpc', '{"Fn::Select": [0, {"Fn::Cidr": [172.17.0.0/16, 1, 16]}]}')),
      errors: [{ line: 6, message: /^VPC CIDR 172\.17\.0\.0\/16 overlaps 172\.17\.0\.0\/16/ }],
    },
    {
      name: 'exactly the Docker bridge range',
      text: eksctl('vpc:', '  cidr: 172.17.0.0/16'),
      errors: [{ line: 5, severity: 'warning', message: /^VPC CIDR 172\.17\.0\.0\/16 overlaps 172\.17\.0\.0\/16, Docker's default bridge network\. .*Choose a block outside 172\.17\.0\.0\/16\.$/ }],
    },
    {
      name: 'CloudFormation: a secondary inside it',
      text: cfn(...vpcResource('Vpc', '172.16.0.0/16'), ...cidrBlock('Pods', 'Vpc', '100.64.0.0/16'), ...cidrBlock('More', 'Vpc', '172.17.128.0/20')),
      errors: [{ line: 16, severity: 'warning', message: /^Secondary VPC CIDR 172\.17\.128\.0\/20 overlaps 172\.17\.0\.0\/16/ }],
    },
    {
      name: 'a larger block that contains it',
      text: eksctl('vpc: {cidr: 172.16.0.0/15}'),
      errors: [{ line: 4, message: /^VPC CIDR 172\.16\.0\.0\/15 overlaps 172\.17\.0\.0\/16/ }],
    },
    {
      name: 'CloudFormation JSON: the primary block',
      uri: 't.json',
      text: yaml('{', '  "Resources": {', '    "Vpc": {', '      "Type": "AWS::EC2::VPC",', '      "Properties": {"CidrBlock": "172.17.0.0/20"}', '    }', '  }', '}'),
      errors: [{ line: 5, message: /^VPC CIDR 172\.17\.0\.0\/20 overlaps 172\.17\.0\.0\/16/ }],
    },
    {
      name: 'existing VPC, reached through an anchor, beside named subnets with az: still warned about',
      text: eksctl('x-net: &net 172.17.0.0/16', 'vpc:', '  id: vpc-0123456789abcdef0', '  cidr: *net', '  subnets:', '    private:', '      private-one: {az: us-west-2a, id: subnet-0a}'),
      errors: [{ line: 4, message: /^VPC CIDR 172\.17\.0\.0\/16 overlaps/ }],
    },
    {
      name: 'multi-document file: findings in each ClusterConfig and template',
      text:
        yaml('apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata: {name: one, region: us-west-2}', 'vpc: {cidr: 172.17.64.0/18}', '---') +
        cfn(...vpcResource('Vpc', '172.20.0.0/16'), ...cidrBlock('Tail', 'Vpc', '172.17.255.240/28')),
      errors: [
        { line: 4, message: /172\.17\.64\.0\/18 overlaps 172\.17\.0\.0\/16/ },
        { line: 16, message: /^Secondary VPC CIDR 172\.17\.255\.240\/28 overlaps 172\.17\.0\.0\/16/ },
      ],
    },
  ],
});
