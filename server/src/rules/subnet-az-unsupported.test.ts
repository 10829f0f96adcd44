import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTester, runRule, relatedLines } from '../../../test/support/ruleTester';
import rule from './subnet-az-unsupported';
import { cfn, eksctl } from '../../../test/support/fixtures';

/** A VPC (line 3) and two subnets (lines 4 and 5) in the given zone IDs, tagged for load balancers; more resources after. */
const vpcFor = (zoneA: string, zoneB: string, ...more: string[]) =>
  cfn(
    '  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}',
    `  SubnetA: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/20, AvailabilityZoneId: ${zoneA}, Tags: [{Key: kubernetes.io/role/internal-elb, Value: 1}]}}`,
    `  SubnetB: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.16.0/20, AvailabilityZoneId: ${zoneB}}}`,
    ...more,
  );
const cluster = '  Cluster: {Type: AWS::EKS::Cluster, Properties: {RoleArn: arn:aws:iam::111122223333:role/eks, ResourcesVpcConfig: {SubnetIds: [!Ref SubnetA, !Ref SubnetB]}}}';

ruleTester(rule, {
  valid: [
    { name: 'zone IDs EKS accepts', text: vpcFor('use1-az1', 'use1-az2', cluster) },
    {
      name: 'a template not for EKS may use any zone',
      text: cfn(
        '  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}',
        '  SubnetA: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/20, AvailabilityZoneId: use1-az3}}',
      ),
    },
    {
      name: 'zone names are not checked: us-east-1e is use1-az3 only in some accounts',
      text: vpcFor('use1-az1', 'use1-az2').replace('AvailabilityZoneId: use1-az1', 'AvailabilityZone: us-east-1e'),
    },
    { name: 'a zone ID from a parameter without a Default is unknown', text: 'Parameters:\n  Zone: {Type: String}\n' + vpcFor('!Ref Zone', 'use1-az2', cluster) },
    { name: 'eksctl has no zone-ID field', text: eksctl('availabilityZones: [us-east-1e, us-east-1a]') },
  ],
  invalid: [
    {
      name: "a subnet the template's cluster uses is in use1-az3: EKS refuses it",
      text: vpcFor('use1-az3', 'use1-az2', cluster),
      errors: [
        {
          line: 4,
          severity: 'error',
          message: /^Subnet SubnetA is in zone use1-az3 \(us-east-1\), where EKS does not accept cluster subnets: creating cluster Cluster fails with UnsupportedAvailabilityZoneException/,
        },
      ],
    },
    {
      name: 'a subnet of a VPC tagged for EKS, with no cluster in the template: a warning',
      text: vpcFor('use1-az1', 'usw1-az2'),
      errors: [{ line: 5, severity: 'warning', message: /^Subnet SubnetB is in zone usw1-az2 \(us-west-1\), where EKS does not accept cluster subnets\. Nodes may run there/ }],
    },
    {
      name: 'a node group template (AWS::EKS::Nodegroup) with a subnet in cac1-az3',
      text: cfn(
        '  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}',
        '  SubnetA: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/20, AvailabilityZoneId: cac1-az3}}',
        '  Nodes: {Type: AWS::EKS::Nodegroup, Properties: {ClusterName: demo, NodeRole: arn:aws:iam::111122223333:role/n, Subnets: [!Ref SubnetA]}}',
      ),
      errors: [{ line: 4, severity: 'warning', message: /cac1-az3 \(ca-central-1\)/ }],
    },
    {
      name: "a zone ID from a parameter's Default",
      text: 'Parameters:\n  Zone: {Type: String, Default: use1-az3}\n' + vpcFor('!Ref Zone', 'use1-az2', cluster),
      errors: [{ line: 6, severity: 'error', message: /^Subnet SubnetA is in zone use1-az3/ }],
    },
  ],
});

describe('rule subnet-az-unsupported: related information', () => {
  it("points at the cluster's reference to the subnet and at the parameter's Default", () => {
    const [finding] = runRule(rule, { text: 'Parameters:\n  Zone: {Type: String, Default: use1-az3}\n' + vpcFor('!Ref Zone', 'use1-az2', cluster) });
    assert.deepEqual(relatedLines(finding), [
      [2, 'use1-az3 comes from the Default of parameter Zone'],
      [8, 'cluster Cluster uses subnet SubnetA'],
    ]);
  });
});
