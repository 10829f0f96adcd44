import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTester, runRule, yaml, relatedLines } from '../../../test/support/ruleTester';
import rule from './vpc-secondary-cidr-restricted';
import { cfn, cidrBlock, eksctl, vpcResource } from '../../../test/support/fixtures';

// Every row of the "IPv4 CIDR block association restrictions" table
// (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html#add-cidr-block-restrictions):
// what the primary block's range forbids as a secondary, and what it still allows. Secondary blocks
// are CloudFormation AWS::EC2::VPCCidrBlock resources; eksctl associates none (its `vpc.extraCIDRs`
// go to the control plane's security group, https://eksctl.io/usage/vpc-cluster-access/).
/** A template with one VPC (CidrBlock on line 6) and its secondary blocks: the n-th one's CidrBlock is on line 6 + 5n (11, 16, 21, …). */
const vpc = (primary: string, ...secondaries: string[]) => cfn(...vpcResource('Vpc', primary), ...secondaries.flatMap((c, i) => cidrBlock(`Cidr${i + 1}`, 'Vpc', c)));

const PERMITTED_10 = /Use another block from 10\.0\.0\.0\/8, a block from 100\.64\.0\.0\/10 or a publicly routable block you own\.$/;
const PERMITTED_OTHER = /Use a block from 100\.64\.0\.0\/10 or a publicly routable block you own\.$/;

ruleTester(rule, {
  valid: [
    // 10.0.0.0/8 row: the rest of 10/8, public space and 100.64.0.0/10 are permitted.
    { name: '10/8 primary: another 10/8 block, 100.64 and a public block', text: vpc('10.0.0.0/16', '10.2.0.0/16', '100.64.0.0/16', '203.0.113.0/24') },
    { name: '10/8 primary outside 10.0.0.0/15: 10.0.0.0/16 itself is allowed', text: vpc('10.2.0.0/16', '10.0.0.0/16') },
    // 169.254.0.0/16 row: nothing may be added, but a link-local VPC cannot exist at all.
    { name: "169.254/16 primary: vpc-cidr-reserved's finding, the table adds nothing", text: vpc('169.254.0.0/16', '10.0.0.0/16') },
    // 172.16.0.0/12 row.
    { name: '172.16/12 primary: other 172.16/12 blocks and 100.64', text: vpc('172.20.0.0/16', '172.21.0.0/16', '172.30.0.0/16', '100.64.0.0/16') },
    { name: '172.31.0.0/16 may be the primary, only not a secondary', text: vpc('172.31.0.0/16', '172.30.0.0/16') },
    // 192.168.0.0/16 row.
    { name: '192.168/16 primary: more of 192.168/16, 100.64 and a public block', text: vpc('192.168.0.0/20', '192.168.16.0/20', '100.64.0.0/16', '198.51.100.0/24') },
    // 198.19.0.0/16 row: the table neither permits nor forbids a second 198.19 block.
    { name: '198.19 primary: 100.64, public, and another part of 198.19.0.0/16', text: vpc('198.19.0.0/17', '198.19.128.0/17', '100.64.0.0/16', '203.0.113.0/24') },
    // PUBLIC / 100.64.0.0/10 row.
    { name: 'public primary: other public blocks and 100.64', text: vpc('198.51.100.0/24', '203.0.113.0/24', '100.64.0.0/16') },
    { name: '100.64 primary: more of 100.64.0.0/10 and public space', text: vpc('100.64.0.0/16', '100.65.0.0/16', '203.0.113.0/24') },
    {
      name: '100.64.0.0/10 is allowed next to every primary (six VPCs in one template, each with its own blocks)',
      text: cfn(
        ...['10.0.0.0/16', '172.16.0.0/16', '192.168.0.0/16', '198.19.0.0/16', '203.0.113.0/24', '100.65.0.0/16'].flatMap((p, i) => [
          ...vpcResource(`Vpc${i}`, p),
          ...cidrBlock(`Low${i}`, `Vpc${i}`, '100.64.0.0/16'),
          ...cidrBlock(`High${i}`, `Vpc${i}`, '100.127.0.0/16'),
        ]),
      ),
    },
    {
      name: "blocks are judged against their own VPC's primary, not another VPC's in the template",
      text: cfn(...vpcResource('Hub', '10.0.0.0/16'), ...vpcResource('Spoke', '172.20.0.0/16'), ...cidrBlock('SpokePods', 'Spoke', '172.21.0.0/16'), ...cidrBlock('HubPods', 'Hub', '10.8.0.0/16')),
    },
    {
      name: 'a VPC passed in as a parameter: its primary block is not in the template',
      text: cfn(...cidrBlock('Pods', 'ExistingVpcId', '172.16.0.0/16'), ...cidrBlock('More', 'ExistingVpcId', '198.19.0.0/16')),
    },
    { name: 'primary from an intrinsic is unknown, so nothing is compared', text: vpc('!Ref VpcCidr', '172.16.0.0/16') },

    {
      name: 'an IPv6 association is not an IPv4 block',
      text: cfn(...vpcResource('Vpc', '10.0.0.0/16'), '  Ipv6:', '    Type: AWS::EC2::VPCCidrBlock', '    Properties: {VpcId: !Ref Vpc, AmazonProvidedIpv6CidrBlock: true}'),
    },
    { name: 'invalid values are cidr-syntax findings, not this rule', text: vpc('10.0.0.0/33', '172.16.0.0/16', '172.16.0.0/') },
    {
      name: 'eksctl extraCIDRs are control-plane security group ranges, not VPC blocks (with a Kubernetes object in the stream)',
      text:
        eksctl('vpc:', '  cidr: 10.0.0.0/16', '  extraCIDRs: [172.16.0.0/16, 192.168.0.0/16, 198.19.0.0/16]') +
        '---\n' +
        yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: net}', 'data: {extraCIDRs: "172.16.0.0/16"}'),
    },
    { name: "eksctl's default VPC 192.168.0.0/16 gets no secondary block from extraCIDRs", text: eksctl('vpc:', '  extraCIDRs: [10.0.0.0/16]') },
    {
      name: 'not a template or an eksctl document',
      text: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: net}', 'data:', '  vpc: "cidr: 10.0.0.0/16"', '  extraCIDRs: "172.16.0.0/16"'),
    },
  ],
  invalid: [
    {
      name: 'a secondary block from !Select of !Cidr is resolved',
      text: vpc('10.0.0.0/16', '!Select [0, !Cidr [172.16.0.0/12, 1, 16]]'),
      errors: [{ line: 11, message: /^Secondary VPC CIDR 172\.16\.0\.0\/16 is in 172\.16\.0\.0\/12/ }],
    },
    {
      name: '10/8 primary: the other RFC 1918 ranges and 198.19.0.0/16',
      text: vpc('10.0.0.0/16', '172.16.0.0/16', '192.168.0.0/16', '198.19.0.0/16', '100.64.0.0/16'),
      errors: [
        {
          line: 11,
          severity: 'error',
          message: new RegExp(
            /^Secondary VPC CIDR 172\.16\.0\.0\/16 is in 172\.16\.0\.0\/12, another private \(RFC 1918\) range; AWS does not allow that as a secondary block when the primary block \(10\.0\.0\.0\/16\) is in 10\.0\.0\.0\/8\. /
              .source + PERMITTED_10.source,
          ),
        },
        { line: 16, severity: 'error', message: /^Secondary VPC CIDR 192\.168\.0\.0\/16 is in 192\.168\.0\.0\/16, another private \(RFC 1918\) range;/ },
        { line: 21, severity: 'error', message: new RegExp(/^Secondary VPC CIDR 198\.19\.0\.0\/16 is in 198\.19\.0\.0\/16; .*/.source + PERMITTED_10.source) },
      ],
    },
    {
      name: '10/8 primary inside 10.0.0.0/15 closes 10.0.0.0/16',
      text: vpc('10.1.0.0/16', '10.0.0.0/16', '10.3.0.0/16'),
      errors: [
        {
          line: 11,
          message: /^Secondary VPC CIDR 10\.0\.0\.0\/16 is in 10\.0\.0\.0\/16, which is closed to a VPC that already has a block in 10\.0\.0\.0\/15; .*\(10\.1\.0\.0\/16\) is in 10\.0\.0\.0\/8\./,
        },
      ],
    },
    {
      name: 'a secondary block in 10.0.0.0/15 triggers it too, and any part of 10.0.0.0/16 is closed',
      text: vpc('10.2.0.0/16', '10.1.0.0/16', '10.0.128.0/17'),
      errors: [{ line: 16, message: /^Secondary VPC CIDR 10\.0\.128\.0\/17 is in 10\.0\.0\.0\/16, which is closed/ }],
    },
    {
      name: '172.16/12 primary: 10/8, 192.168/16, 172.31.0.0/16 and 198.19.0.0/16',
      text: vpc('172.20.0.0/16', '10.1.0.0/16', '192.168.10.0/24', '172.31.0.0/16', '198.19.0.0/16', '172.21.0.0/16'),
      errors: [
        {
          line: 11,
          message:
            /^Secondary VPC CIDR 10\.1\.0\.0\/16 is in 10\.0\.0\.0\/8, another private \(RFC 1918\) range; .*\(172\.20\.0\.0\/16\) is in 172\.16\.0\.0\/12\. Use another block from 172\.16\.0\.0\/12, a block from 100\.64\.0\.0\/10 or a publicly routable block you own\.$/,
        },
        { line: 16, message: /192\.168\.10\.0\/24 is in 192\.168\.0\.0\/16, another private/ },
        { line: 21, message: /^Secondary VPC CIDR 172\.31\.0\.0\/16 is in 172\.31\.0\.0\/16, the range of default VPCs, which AWS keeps out of other 172\.16\.0\.0\/12 VPCs;/ },
        { line: 26, message: /198\.19\.0\.0\/16 is in 198\.19\.0\.0\/16;/ },
      ],
    },
    {
      name: '192.168/16 primary: 10/8, 172.16/12 and 198.19.0.0/16',
      text: vpc('192.168.0.0/16', '10.0.0.0/16', '172.16.0.0/16', '198.19.0.0/20'),
      errors: [
        { line: 11, message: /10\.0\.0\.0\/16 is in 10\.0\.0\.0\/8.*\(192\.168\.0\.0\/16\) is in 192\.168\.0\.0\/16\. Use another block from 192\.168\.0\.0\/16,/ },
        { line: 16, message: /172\.16\.0\.0\/16 is in 172\.16\.0\.0\/12/ },
        { line: 21, message: /198\.19\.0\.0\/20 is in 198\.19\.0\.0\/16/ },
      ],
    },
    {
      name: '198.19 primary: every RFC 1918 range',
      text: vpc('198.19.0.0/16', '10.0.0.0/16', '172.16.0.0/16', '192.168.0.0/16', '100.64.0.0/16'),
      errors: [
        {
          line: 11,
          message: new RegExp(
            /^Secondary VPC CIDR 10\.0\.0\.0\/16 is in 10\.0\.0\.0\/8, a private \(RFC 1918\) range; .*\(198\.19\.0\.0\/16\) is in 198\.19\.0\.0\/16\. /.source + PERMITTED_OTHER.source,
          ),
        },
        { line: 16, message: /172\.16\.0\.0\/16 is in 172\.16\.0\.0\/12, a private/ },
        { line: 21, message: /192\.168\.0\.0\/16 is in 192\.168\.0\.0\/16, a private/ },
      ],
    },
    {
      name: 'public primary: RFC 1918 and 198.19.0.0/16',
      text: vpc('198.51.100.0/24', '10.0.0.0/16', '198.19.0.0/16'),
      errors: [
        {
          line: 11,
          message: new RegExp(/10\.0\.0\.0\/8, a private \(RFC 1918\) range; .*\(198\.51\.100\.0\/24\) is in publicly routable space or 100\.64\.0\.0\/10\. /.source + PERMITTED_OTHER.source),
        },
        { line: 16, message: /198\.19\.0\.0\/16 is in 198\.19\.0\.0\/16;/ },
      ],
    },
    {
      name: 'a primary in 198.18.0.0/16 counts as public space',
      text: vpc('198.18.0.0/16', '172.16.0.0/16'),
      errors: [{ line: 11, message: /\(198\.18\.0\.0\/16\) is in publicly routable space or 100\.64\.0\.0\/10\./ }],
    },
    {
      name: '100.64 primary: RFC 1918 and 198.19.0.0/16',
      text: vpc('100.64.0.0/16', '192.168.0.0/16', '198.19.0.0/24'),
      errors: [
        { line: 11, message: /192\.168\.0\.0\/16 is in 192\.168\.0\.0\/16, a private.*\(100\.64\.0\.0\/16\) is in publicly routable space or 100\.64\.0\.0\/10/ },
        { line: 16, message: /198\.19\.0\.0\/24 is in 198\.19\.0\.0\/16/ },
      ],
    },
    {
      name: 'flow-style properties and {"Ref": …} in YAML',
      text: cfn('  Vpc: {Type: "AWS::EC2::VPC", Properties: {CidrBlock: 10.10.0.0/16}}', '  Pods: {Type: "AWS::EC2::VPCCidrBlock", Properties: {VpcId: {"Ref": "Vpc"}, CidrBlock: 198.19.0.0/16}}'),
      errors: [{ line: 4, message: /198\.19\.0\.0\/16 is in 198\.19\.0\.0\/16; AWS does not allow that as a secondary block when the primary block \(10\.10\.0\.0\/16\)/ }],
    },
    {
      name: 'JSON template',
      uri: 't.json',
      text: yaml(
        '{',
        '  "AWSTemplateFormatVersion": "2010-09-09",',
        '  "Resources": {',
        '    "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "172.20.0.0/16"}},',
        '    "Pods": {',
        '      "Type": "AWS::EC2::VPCCidrBlock",',
        '      "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "172.31.0.0/16"}',
        '    }',
        '  }',
        '}',
      ),
      errors: [{ line: 7, message: /^Secondary VPC CIDR 172\.31\.0\.0\/16 is in 172\.31\.0\.0\/16, the range of default VPCs.*\(172\.20\.0\.0\/16\) is in 172\.16\.0\.0\/12\./ }],
    },
    {
      name: "two VPCs in one template: only the block that breaks its own VPC's row",
      text: cfn(...vpcResource('Hub', '10.0.0.0/16'), ...vpcResource('Spoke', '172.20.0.0/16'), ...cidrBlock('HubPods', 'Hub', '172.21.0.0/16'), ...cidrBlock('SpokePods', 'Spoke', '172.21.0.0/16')),
      errors: [{ line: 15, message: /^Secondary VPC CIDR 172\.21\.0\.0\/16 is in 172\.16\.0\.0\/12, another private \(RFC 1918\) range; .*\(10\.0\.0\.0\/16\) is in 10\.0\.0\.0\/8\./ }],
    },
    {
      name: 'user severity override',
      text: vpc('10.0.0.0/16', '192.168.0.0/16'),
      config: { rules: { 'vpc-secondary-cidr-restricted': 'warning' } },
      errors: [{ line: 11, severity: 'warning' }],
    },
  ],
});

describe('rule vpc-secondary-cidr-restricted: related information', () => {
  it("points at the VPC resource's primary block", () => {
    const [finding] = runRule(rule, { text: vpc('10.0.0.0/16', '172.16.0.0/16') });
    assert.equal(finding.range.start.line + 1, 11);
    assert.deepEqual(relatedLines(finding), [[6, 'primary CIDR 10.0.0.0/16']]);
  });

  it('points at the primary block in a JSON template', () => {
    const [finding] = runRule(rule, {
      uri: 't.json',
      text: yaml(
        '{"Resources": {',
        '  "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "192.168.0.0/16"}},',
        '  "Pods": {"Type": "AWS::EC2::VPCCidrBlock", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.0.0/16"}}',
        '}}',
      ),
    });
    assert.equal(finding.range.start.line + 1, 3);
    assert.deepEqual(relatedLines(finding), [[2, 'primary CIDR 192.168.0.0/16']]);
  });
});
