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

const awsNode = (...env: string[]) =>
  yaml(
    'apiVersion: apps/v1',
    'kind: DaemonSet',
    'metadata: {name: aws-node, namespace: kube-system}',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: aws-node',
    '          image: 602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.19.2',
    '          env:',
    ...env.map((e) => `            - ${e}`),
  );

ruleTester(rule, {
  valid: [
    { name: 'IPv4 with custom networking', text: cluster() },
    { name: 'IPv6 without custom networking', text: cluster({ ipFamily: 'IPv6', env: '"ENABLE_PREFIX_DELEGATION":"true"' }) },
    { name: 'IPv6 with the setting unknown', text: cluster({ ipFamily: 'IPv6', env: '"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG":"${CN}"' }) },
    { name: 'IPv6 with the setting false', text: cluster({ ipFamily: 'IPv6', env: '"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG":"false"' }) },
    { name: 'a template: IPv4', uri: 't.yaml', text: template('ipv4', 'true') },
    { name: 'a template: IPv6, custom networking off', uri: 't.yaml', text: template('ipv6', 'false') },
    { name: 'aws-node: custom networking in IPv4 mode', text: awsNode('{name: AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG, value: "true"}') },
    { name: 'aws-node: IPv6 mode alone', text: awsNode('{name: ENABLE_IPv6, value: "true"}', '{name: ENABLE_PREFIX_DELEGATION, value: "true"}') },
    {
      name: 'aws-node: IPv6 from a ConfigMap (unknown)',
      text: awsNode('{name: ENABLE_IPv6, valueFrom: {configMapKeyRef: {name: cni, key: v6}}}', '{name: AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG, value: "true"}'),
    },
    {
      name: 'a DaemonSet that is not aws-node',
      text: awsNode('{name: ENABLE_IPv6, value: "true"}', '{name: AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG, value: "true"}').replace('name: aws-node,', 'name: other,'),
    },
  ],
  invalid: [
    {
      name: 'eksctl: ipFamily IPv6 and custom networking on',
      text: cluster({ ipFamily: 'IPv6' }),
      errors: [{ line: 19, severity: 'error', message: /^Custom networking \(AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true\) is turned on for cluster prod, whose IP family is IPv6\./ }],
    },
    {
      name: 'aws-node: ENABLE_IPv6 and custom networking both true',
      text: awsNode('{name: ENABLE_IPv6, value: "true"}', '{name: AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG, value: "true"}'),
      errors: [{ line: 12, severity: 'error', message: /^Custom networking \(AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true\) is turned on together with ENABLE_IPv6=true\./ }],
    },
    { name: 'CloudFormation: IpFamily ipv6 and the add-on turns it on', uri: 't.yaml', text: template('ipv6', 'true'), errors: [{ line: 13, message: /whose IP family is IPv6/ }] },
  ],
});
