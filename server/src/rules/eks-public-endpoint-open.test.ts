import { ruleTester, yaml } from '../../../test/support/ruleTester';
import rule from './eks-public-endpoint-open';
import { eksctl } from '../../../test/support/fixtures';

ruleTester(rule, {
  valid: [
    { name: 'public access limited to two ranges', text: eksctl('vpc:', '  publicAccessCIDRs: ["203.0.113.0/24", "198.51.100.7/32"]') },
    {
      name: 'limited ranges with private access on, block style',
      text: eksctl('vpc:', '  clusterEndpoints:', '    publicAccess: true', '    privateAccess: true', '  publicAccessCIDRs:', '    - 203.0.113.0/24'),
    },
    { name: 'a fully private cluster has no public endpoint', text: eksctl('privateCluster:', '  enabled: true') },
    { name: 'a fully private cluster, even with 0.0.0.0/0 left in the file', text: eksctl('privateCluster: {enabled: true}', 'vpc: {publicAccessCIDRs: [0.0.0.0/0]}') },
    { name: 'public access turned off', text: eksctl('vpc:', '  clusterEndpoints: {publicAccess: false, privateAccess: true}') },
    {
      name: 'an AWS Outposts local cluster: eksctl makes its endpoint private-only',
      text: eksctl('outpost:', '  controlPlaneOutpostARN: "arn:aws:outposts:us-west-2:111122223333:outpost/op-0123456789abcdef0"', '  controlPlaneInstanceType: m5d.large'),
    },
    { name: 'a Helm value in the CIDR list is unknown, not empty', text: eksctl('vpc:', '  publicAccessCIDRs: ["{{ .Values.adminCidr }}"]') },
    {
      name: 'limited ranges reached through an alias',
      text: yaml(
        'apiVersion: eksctl.io/v1alpha5',
        'kind: ClusterConfig',
        'metadata:',
        '  name: demo',
        '  region: us-west-2',
        '  annotations: {office: &office 203.0.113.0/24}',
        'vpc:',
        '  publicAccessCIDRs: [*office]',
      ),
    },
    {
      name: 'multi-document: a Kubernetes Service open to 0.0.0.0/0 is not the API endpoint',
      text:
        eksctl('vpc: {publicAccessCIDRs: [203.0.113.0/24]}') +
        yaml('---', 'apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', '  type: LoadBalancer', '  loadBalancerSourceRanges: [0.0.0.0/0]'),
    },
  ],
  invalid: [
    {
      name: 'nothing written: the endpoint is public and open to every address, reported at metadata.name',
      text: eksctl('vpc:', '  cidr: 10.0.0.0/16'),
      errors: [
        {
          line: 3,
          severity: 'information',
          message: /^The API endpoint is public and vpc\.publicAccessCIDRs is not set, so it admits 0\.0\.0\.0\/0\. Anyone can reach the Kubernetes API \(credentials are still required\)\./,
        },
      ],
    },
    {
      name: 'publicAccess: true written with no CIDRs is reported at publicAccess',
      text: eksctl('vpc:', '  clusterEndpoints:', '    publicAccess: true', '    privateAccess: true'),
      errors: [{ line: 6, severity: 'information', message: /is not set, so it admits 0\.0\.0\.0\/0/ }],
    },
    {
      name: 'an explicit 0.0.0.0/0 among other ranges is reported at that entry',
      text: eksctl('vpc:', '  publicAccessCIDRs:', '    - 203.0.113.0/24', '    - 0.0.0.0/0'),
      errors: [{ line: 7, severity: 'information', message: /^The API endpoint is public and vpc\.publicAccessCIDRs includes 0\.0\.0\.0\/0\./ }],
    },
    {
      name: 'an empty list means every address',
      text: eksctl('vpc:', '  publicAccessCIDRs: []'),
      errors: [{ line: 5, message: /^The API endpoint is public and vpc\.publicAccessCIDRs is empty, which means 0\.0\.0\.0\/0\./ }],
    },
    {
      name: 'privateCluster.enabled: false keeps the public endpoint',
      text: eksctl('privateCluster: {enabled: false}', 'vpc: {publicAccessCIDRs: ["0.0.0.0/0"]}'),
      errors: [{ line: 5, message: /includes 0\.0\.0\.0\/0/ }],
    },
    {
      name: '0.0.0.0/0 reached through an alias is reported at its anchor',
      text: yaml(
        'apiVersion: eksctl.io/v1alpha5',
        'kind: ClusterConfig',
        'metadata:',
        '  name: demo',
        '  region: us-west-2',
        '  annotations: {anywhere: &anywhere 0.0.0.0/0}',
        'vpc:',
        '  publicAccessCIDRs: [*anywhere]',
      ),
      errors: [{ line: 6, message: /includes 0\.0\.0\.0\/0/ }],
    },
    {
      name: 'multi-document: only the open ClusterConfig is reported',
      text:
        eksctl('vpc: {publicAccessCIDRs: [203.0.113.0/24]}') +
        yaml('---', 'apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata: {name: other, region: eu-west-1}', 'vpc: {publicAccessCIDRs: [0.0.0.0/0]}'),
      errors: [{ line: 9, message: /includes 0\.0\.0\.0\/0/ }],
    },
    {
      name: 'a user severity override wins',
      text: eksctl('vpc: {publicAccessCIDRs: [0.0.0.0/0]}'),
      config: { rules: { 'eks-public-endpoint-open': 'warning' } },
      errors: [{ line: 4, severity: 'warning' }],
    },
  ],
});

/** An AWS::EKS::Cluster (its key on line 3) with the given ResourcesVpcConfig lines (from line 8); parameters first when given. */
const cfnCluster = (vpcConfig: string[], parameters: string[] = []) =>
  yaml(
    ...(parameters.length ? ['Parameters:', ...parameters] : []),
    'Resources:',
    '  Cluster:',
    '    Type: AWS::EKS::Cluster',
    '    Properties:',
    '      RoleArn: arn:aws:iam::111122223333:role/eks',
    '      ResourcesVpcConfig:',
    '        SubnetIds: [subnet-0aaaaaaaaaaaaaaaa, subnet-0bbbbbbbbbbbbbbbb]',
    ...vpcConfig.map((line) => `        ${line}`),
  );

ruleTester(rule, {
  valid: [
    { name: 'CloudFormation: public access limited', text: cfnCluster(['PublicAccessCidrs: [203.0.113.0/24]']) },
    { name: 'CloudFormation: public access off', text: cfnCluster(['EndpointPublicAccess: false', 'EndpointPrivateAccess: true']) },
    { name: 'CloudFormation: public access off as the string "false"', text: cfnCluster(['EndpointPublicAccess: "false"', 'EndpointPrivateAccess: true']) },
    {
      name: "CloudFormation: public access off through a parameter's Default",
      text: cfnCluster(['EndpointPublicAccess: !Ref Public'], ['  Public: {Type: String, AllowedValues: ["true", "false"], Default: "false"}']),
    },
    { name: 'CloudFormation: a parameter without a Default is unknown', text: cfnCluster(['EndpointPublicAccess: !Ref Public'], ['  Public: {Type: String}']) },
    { name: 'CloudFormation: ranges from a parameter without a Default are unknown', text: cfnCluster(['PublicAccessCidrs: !Ref Cidrs'], ['  Cidrs: {Type: CommaDelimitedList}']) },
    { name: 'CloudFormation: a range that depends on a condition is unknown', text: cfnCluster(['PublicAccessCidrs: [!If [Open, 0.0.0.0/0, 203.0.113.0/24]]']) },
    {
      name: 'CloudFormation: a ResourcesVpcConfig chosen by Fn::If is unknown',
      text: yaml(
        'Resources:',
        '  Cluster:',
        '    Type: AWS::EKS::Cluster',
        '    Properties:',
        '      ResourcesVpcConfig: !If [Private, {EndpointPublicAccess: false}, {PublicAccessCidrs: [203.0.113.0/24]}]',
      ),
    },
    {
      name: 'CloudFormation: a local cluster on AWS Outposts has a private endpoint',
      text: yaml(
        'Resources:',
        '  Cluster:',
        '    Type: AWS::EKS::Cluster',
        '    Properties:',
        '      OutpostConfig: {OutpostArns: [arn:aws:outposts:us-west-2:111122223333:outpost/op-0abcd], ControlPlaneInstanceType: m5d.large}',
        '      ResourcesVpcConfig: {SubnetIds: [subnet-0aaaaaaaaaaaaaaaa]}',
      ),
    },
    { name: 'CloudFormation: a template without a cluster', text: yaml('Resources:', '  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}') },
  ],
  invalid: [
    {
      name: 'CloudFormation: nothing about the endpoint is written: reported at the cluster',
      text: cfnCluster([]),
      errors: [
        {
          line: 2,
          severity: 'information',
          message: /^The API endpoint of cluster Cluster is public and ResourcesVpcConfig\.PublicAccessCidrs is not set, so it admits 0\.0\.0\.0\/0\. .*EndpointPrivateAccess/,
        },
      ],
    },
    {
      name: 'CloudFormation: EndpointPublicAccess: true without ranges: reported there',
      text: cfnCluster(['EndpointPublicAccess: true']),
      errors: [{ line: 8, message: /is not set, so it admits 0\.0\.0\.0\/0/ }],
    },
    {
      name: 'CloudFormation: 0.0.0.0/0 listed',
      text: cfnCluster(['PublicAccessCidrs:', '  - 203.0.113.0/24', '  - 0.0.0.0/0']),
      errors: [{ line: 10, message: /PublicAccessCidrs includes 0\.0\.0\.0\/0\. / }],
    },
    {
      name: "CloudFormation: 0.0.0.0/0 from a list parameter's Default",
      text: cfnCluster(['PublicAccessCidrs: !Ref Cidrs'], ['  Cidrs: {Type: CommaDelimitedList, Default: "0.0.0.0/0"}']),
      errors: [{ line: 10, message: /includes 0\.0\.0\.0\/0 \(the Default of parameter Cidrs\)/ }],
    },
    {
      name: "CloudFormation: public access on through a parameter's Default",
      text: cfnCluster(['EndpointPublicAccess: !Ref Public'], ['  Public: {Type: String, Default: "true"}']),
      errors: [{ line: 10, message: /is not set, so it admits/ }],
    },
  ],
});
