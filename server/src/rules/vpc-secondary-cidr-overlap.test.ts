import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTester, runRule, yaml, relatedLines } from '../../../test/support/ruleTester';
import rule from './vpc-secondary-cidr-overlap';
import { cfn, cidrBlock, eksctl, vpcResource } from '../../../test/support/fixtures';

// Secondary blocks are CloudFormation AWS::EC2::VPCCidrBlock resources; eksctl associates none
// (its `vpc.extraCIDRs` go to the control plane's security group, https://eksctl.io/usage/vpc-cluster-access/).
/** A template with one VPC (CidrBlock on line 6) and its secondary blocks: the n-th one's CidrBlock is on line 6 + 5n (11, 16, 21, …). */
const vpc = (primary: string, ...secondaries: string[]) => cfn(...vpcResource('Vpc', primary), ...secondaries.flatMap((c, i) => cidrBlock(`Cidr${i + 1}`, 'Vpc', c)));
/** Secondary blocks of a VPC passed in as a parameter: the n-th one's CidrBlock is on line 2 + 5n (7, 12, …). */
const existing = (...secondaries: string[]) => cfn(...secondaries.flatMap((c, i) => cidrBlock(`Cidr${i + 1}`, 'ExistingVpcId', c)));

ruleTester(rule, {
  valid: [
    { name: 'disjoint blocks', text: vpc('10.0.0.0/16', '100.64.0.0/16', '100.65.0.0/16') },
    { name: 'adjacent blocks touch but do not overlap', text: vpc('10.0.0.0/16', '10.1.0.0/16', '10.2.0.0/17', '10.2.128.0/17') },
    {
      name: 'blocks of different VPCs in one template may overlap each other',
      text: cfn(...vpcResource('Blue', '10.0.0.0/16'), ...vpcResource('Green', '10.1.0.0/16'), ...cidrBlock('BluePods', 'Blue', '10.1.0.0/16'), ...cidrBlock('GreenPods', 'Green', '10.0.0.0/16')),
    },
    { name: 'a VPC passed in as a parameter: secondaries that do not overlap each other', text: existing('100.64.0.0/16', '100.65.0.0/16') },

    {
      name: 'an IPv6 association beside the IPv4 primary',
      text: cfn(...vpcResource('Vpc', '10.0.0.0/16'), '  Ipv6:', '    Type: AWS::EC2::VPCCidrBlock', '    Properties: {VpcId: !Ref Vpc, AmazonProvidedIpv6CidrBlock: true}'),
    },
    { name: 'invalid values are cidr-syntax findings, not this rule', text: vpc('10.0.0.0/16', '10.0.0.0/33', '10.0.0.0/') },
    {
      name: 'eksctl extraCIDRs are control-plane security group ranges, not VPC blocks: they may lie inside the VPC',
      text: eksctl('vpc:', '  cidr: 10.0.0.0/16', '  extraCIDRs: [10.0.0.0/16, 10.0.128.0/17]'),
    },
    {
      name: "eksctl's default VPC 192.168.0.0/16 and extraCIDRs inside it (flow style, and a Kubernetes object in the stream)",
      text: eksctl('vpc: {extraCIDRs: [192.168.0.0/24]}') + '---\n' + yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: x}', 'data: {cidr: 10.0.0.0/16, extraCIDRs: 10.0.0.0/16}'),
    },
  ],
  invalid: [
    {
      name: 'a secondary block from !Select of !Cidr is resolved',
      text: vpc('!Ref VpcCidr', '10.0.0.0/16', '!Select [0, !Cidr [10.0.0.0/16, 1, 8]]'),
      errors: [{ line: 16, message: /^Secondary VPC CIDR 10\.0\.0\.0\/24 overlaps 10\.0\.0\.0\/16/ }],
    },
    {
      name: 'the same block as the primary',
      text: vpc('10.0.0.0/16', '10.0.0.0/16'),
      errors: [
        { line: 11, severity: 'error', message: /^Secondary VPC CIDR 10\.0\.0\.0\/16 overlaps the primary CIDR 10\.0\.0\.0\/16\. A VPC's blocks must not overlap; AWS refuses the association\.$/ },
      ],
    },
    {
      name: 'inside the primary, and around it',
      text: vpc('10.0.0.0/16', '10.0.128.0/17', '10.0.0.0/15'),
      errors: [
        { line: 11, message: /^Secondary VPC CIDR 10\.0\.128\.0\/17 overlaps the primary CIDR 10\.0\.0\.0\/16\./ },
        { line: 16, message: /^Secondary VPC CIDR 10\.0\.0\.0\/15 overlaps the primary CIDR 10\.0\.0\.0\/16\./ },
      ],
    },
    {
      name: 'two secondaries overlap: the later one is reported and names the earlier',
      text: vpc('10.0.0.0/16', '100.64.0.0/16', '100.64.128.0/17', '100.65.0.0/16'),
      errors: [
        { line: 16, message: /^Secondary VPC CIDR 100\.64\.128\.0\/17 overlaps 100\.64\.0\.0\/16, defined earlier for the same VPC\. A VPC's blocks must not overlap; AWS refuses the association\.$/ },
      ],
    },
    {
      name: 'a secondary that overlaps the primary is not compared again with the other secondaries',
      text: vpc('10.0.0.0/16', '10.0.0.0/17', '10.0.0.0/18'),
      errors: [
        { line: 11, message: /10\.0\.0\.0\/17 overlaps the primary/ },
        { line: 16, message: /10\.0\.0\.0\/18 overlaps the primary/ },
      ],
    },
    {
      name: 'a VPC passed in as a parameter: its secondaries are still compared with each other',
      text: existing('100.64.0.0/16', '100.64.0.0/16'),
      errors: [{ line: 12, message: /^Secondary VPC CIDR 100\.64\.0\.0\/16 overlaps 100\.64\.0\.0\/16, defined earlier for the same VPC/ }],
    },
    {
      name: 'flow-style resources and {"Ref": …} in YAML',
      text: cfn('  Vpc: {Type: "AWS::EC2::VPC", Properties: {CidrBlock: 172.20.0.0/16}}', '  Pods: {Type: "AWS::EC2::VPCCidrBlock", Properties: {VpcId: {"Ref": "Vpc"}, CidrBlock: 172.20.1.0/24}}'),
      errors: [{ line: 4, message: /172\.20\.1\.0\/24 overlaps the primary CIDR 172\.20\.0\.0\/16\./ }],
    },
    {
      name: 'JSON template',
      uri: 't.json',
      text: yaml(
        '{',
        '  "AWSTemplateFormatVersion": "2010-09-09",',
        '  "Resources": {',
        '    "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.20.0.0/16"}},',
        '    "PodsA": {"Type": "AWS::EC2::VPCCidrBlock", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.20.0.0/20"}},',
        '    "PodsB": {"Type": "AWS::EC2::VPCCidrBlock", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "100.64.0.0/16"}},',
        '    "PodsC": {"Type": "AWS::EC2::VPCCidrBlock", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "100.64.0.0/24"}}',
        '  }',
        '}',
      ),
      errors: [
        { line: 5, message: /^Secondary VPC CIDR 10\.20\.0\.0\/20 overlaps the primary CIDR 10\.20\.0\.0\/16\./ },
        { line: 7, message: /^Secondary VPC CIDR 100\.64\.0\.0\/24 overlaps 100\.64\.0\.0\/16, defined earlier for the same VPC\./ },
      ],
    },
    {
      name: 'two VPCs in one template: only the block that overlaps its own VPC',
      text: cfn(...vpcResource('Blue', '10.0.0.0/16'), ...vpcResource('Green', '10.1.0.0/16'), ...cidrBlock('BluePods', 'Blue', '10.1.0.0/16'), ...cidrBlock('GreenPods', 'Green', '10.1.64.0/18')),
      errors: [{ line: 20, message: /^Secondary VPC CIDR 10\.1\.64\.0\/18 overlaps the primary CIDR 10\.1\.0\.0\/16\./ }],
    },
    {
      name: 'user severity override',
      text: vpc('10.0.0.0/16', '10.0.0.0/24'),
      config: { rules: { 'vpc-secondary-cidr-overlap': 'warning' } },
      errors: [{ line: 11, severity: 'warning' }],
    },
  ],
});

describe('rule vpc-secondary-cidr-overlap: related information', () => {
  it("points at the VPC resource's primary block", () => {
    const [finding] = runRule(rule, { text: vpc('10.0.0.0/16', '10.0.4.0/22') });
    assert.deepEqual(relatedLines(finding), [[6, 'primary CIDR 10.0.0.0/16']]);
  });

  it('points at the earlier secondary it overlaps', () => {
    const [finding] = runRule(rule, { text: vpc('10.0.0.0/16', '100.64.0.0/16', '100.64.0.0/20') });
    assert.equal(finding.range.start.line + 1, 16);
    assert.deepEqual(relatedLines(finding), [[11, 'secondary CIDR 100.64.0.0/16']]);
  });

  it('points at the earlier secondary in a JSON template, where the VPC is a parameter', () => {
    const [finding] = runRule(rule, {
      uri: 't.json',
      text: yaml(
        '{"Resources": {',
        '  "A": {"Type": "AWS::EC2::VPCCidrBlock", "Properties": {"VpcId": {"Ref": "VpcId"}, "CidrBlock": "100.64.0.0/16"}},',
        '  "B": {"Type": "AWS::EC2::VPCCidrBlock", "Properties": {"VpcId": {"Ref": "VpcId"}, "CidrBlock": "100.64.255.0/24"}}',
        '}}',
      ),
    });
    assert.equal(finding.range.start.line + 1, 3);
    assert.deepEqual(relatedLines(finding), [[2, 'secondary CIDR 100.64.0.0/16']]);
  });
});
