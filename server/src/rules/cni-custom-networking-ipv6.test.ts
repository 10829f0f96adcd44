import { ruleTester, yaml } from '../../../test/support/ruleTester';
import { cluster } from './customNetworking.fixtures';
import rule from './cni-custom-networking-ipv6';

const template = (ipFamily: string, custom: string) =>
  yaml(
    'Resources:',
    '  Cluster:',
    '    Type: AWS::EKS::Cluster',
    '    Properties:',
    '      RoleArn: arn:aws:iam::123456789012:role/eks',
    '      ResourcesVpcConfig: {SubnetIds: [subnet-0a000000000000001, subnet-0b000000000000001]}',
    `      KubernetesNetworkConfig: {IpFamily: ${ipFamily}}`,
    '  Cni:',
    '    Type: AWS::EKS::Addon',
    '    Properties:',
    '      AddonName: vpc-cni',
    '      ClusterName: !Ref Cluster',
    `      ConfigurationValues: '{"env":{"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG":"${custom}"}}'`,
  );

ruleTester(rule, {
  valid: [
    { name: 'IPv4 with custom networking', text: cluster() },
    { name: 'IPv6 without custom networking', text: cluster({ ipFamily: 'IPv6', env: '"ENABLE_PREFIX_DELEGATION":"true"' }) },
    { name: 'IPv6 with the setting unknown', text: cluster({ ipFamily: 'IPv6', env: '"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG":"${CN}"' }) },
    { name: 'IPv6 with the setting false', text: cluster({ ipFamily: 'IPv6', env: '"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG":"false"' }) },
    { name: 'a template: IPv4', uri: 't.yaml', text: template('ipv4', 'true') },
    { name: 'a template: IPv6, custom networking off', uri: 't.yaml', text: template('ipv6', 'false') },
  ],
  invalid: [
    {
      name: 'eksctl: ipFamily IPv6 and custom networking on',
      text: cluster({ ipFamily: 'IPv6' }),
      errors: [{ line: 19, severity: 'error', message: /^Custom networking \(AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true\) is turned on for cluster prod, whose IP family is IPv6\./ }],
    },
    { name: 'CloudFormation: IpFamily ipv6 and the add-on turns it on', uri: 't.yaml', text: template('ipv6', 'true'), errors: [{ line: 13, message: /whose IP family is IPv6/ }] },
  ],
});
