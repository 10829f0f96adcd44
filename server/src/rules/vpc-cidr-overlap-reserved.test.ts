import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTester, runRule, yaml } from '../../../test/support/ruleTester';
import rule from './vpc-cidr-overlap-reserved';
import { cfn, cidrBlock, eksctl, vpcResource } from '../../../test/support/fixtures';

const onPrem = { reservedCidrs: ['10.0.0.0/16', '192.168.100.0/24'] };

ruleTester(rule, {
  valid: [
    { name: 'without reservedCidrs the rule is silent', text: eksctl('vpc:', '  cidr: 10.0.0.0/16') },
    {
      name: 'CloudFormation: blocks next to the reserved ones do not overlap them',
      config: onPrem,
      text: cfn(...vpcResource('Vpc', '10.1.0.0/16'), ...cidrBlock('A', 'Vpc', '192.168.101.0/24'), ...cidrBlock('B', 'Vpc', '192.168.99.0/24')),
    },
    { name: 'an IPv6 reserved range never matches an IPv4 block', config: { reservedCidrs: ['fd00::/8'] }, text: eksctl('vpc: {cidr: 10.0.0.0/16}') },
    { name: 'reserved entries that are not valid CIDRs are ignored', config: { reservedCidrs: ['10.0.0.0', 'office'] }, text: eksctl('vpc: {cidr: 10.0.0.0/16}') },
    {
      name: 'eksctl extraCIDRs are networks allowed to reach the API (control-plane security group), not VPC blocks',
      config: onPrem,
      text: eksctl('vpc:', '  cidr: 10.20.0.0/16', '  extraCIDRs: [10.0.0.0/16, 192.168.100.0/24]'),
    },
    {
      name: 'subnets of an existing VPC are not VPC blocks (flow maps, named subnets with az)',
      config: onPrem,
      text: eksctl(
        'vpc:',
        '  id: vpc-0123456789abcdef0',
        '  cidr: 10.20.0.0/16',
        '  subnets:',
        '    private:',
        '      us-west-2a: { id: subnet-0a, cidr: 10.0.0.0/19 }',
        '      private-two: {az: us-west-2b, id: subnet-0b, cidr: 192.168.100.0/24}',
      ),
    },
    {
      name: "subnets listed by id without vpc.id: the VPC exists, eksctl's default 192.168.0.0/16 does not apply",
      config: onPrem,
      text: eksctl('vpc:', '  subnets:', '    private:', '      private-one: {id: subnet-0a}', '      private-two: {id: subnet-0b}'),
    },
    { name: 'existing VPC referenced by id only', config: onPrem, text: eksctl('vpc:', '  id: vpc-0123456789abcdef0') },
    { name: 'Helm/Go template values are skipped', config: onPrem, text: eksctl('vpc:', '  cidr: "{{ .Values.vpcCidr | default \\"10.0.0.0/16\\" }}"') },
    { name: 'CloudFormation intrinsics are skipped', config: onPrem, text: cfn(...vpcResource('Vpc', '!Ref VpcCidr'), ...cidrBlock('Pods', 'Vpc', '!Ref PodCidr')) },
    { name: 'invalid values are cidr-syntax findings', config: onPrem, text: eksctl('vpc:', '  cidr: 10.0.0.0/33') + '---\n' + cfn(...vpcResource('Vpc', '192.168.100/24')) },
    {
      name: 'publicAccessCIDRs and Kubernetes objects are not VPC blocks',
      config: onPrem,
      text: eksctl(
        'vpc:',
        '  cidr: 10.20.0.0/16',
        '  publicAccessCIDRs: [192.168.100.0/24]',
        '---',
        'apiVersion: networking.k8s.io/v1',
        'kind: NetworkPolicy',
        'metadata: {name: np}',
        'spec:',
        '  egress:',
        '  - to:',
        '    - ipBlock: {cidr: 10.0.0.0/16}',
      ),
    },
  ],
  invalid: [
    {
      name: "eksctl's default 192.168.0.0/16 is compared too, reported at the cluster's name",
      text: eksctl('vpc:', '  nat: {gateway: Single}'),
      config: { reservedCidrs: ['192.168.10.0/24'] },
      errors: [{ line: 3, severity: 'error', message: /^VPC CIDR 192\.168\.0\.0\/16 \(eksctl's default\) overlaps 192\.168\.10\.0\/24, reserved in reservedCidrs/ }],
    },
    {
      name: "eksctl's default applies with no vpc section at all",
      text: eksctl('managedNodeGroups:', '- name: ng'),
      config: { reservedCidrs: ['192.168.0.0/16'] },
      errors: [{ line: 3, message: /^VPC CIDR 192\.168\.0\.0\/16 \(eksctl's default\) overlaps 192\.168\.0\.0\/16,/ }],
    },
    {
      name: 'the VPC is the reserved range',
      config: onPrem,
      text: eksctl('vpc:', '  cidr: 10.0.0.0/16'),
      errors: [
        {
          line: 5,
          severity: 'error',
          message:
            /^VPC CIDR 10\.0\.0\.0\/16 overlaps 10\.0\.0\.0\/16, reserved in reservedCidrs \(a network this VPC must reach or must not shadow\)\. Traffic to the overlapping addresses would stay inside the VPC\. Choose a block that avoids it\.$/,
        },
      ],
    },
    {
      name: 'CloudFormation: a reserved range inside a larger secondary block',
      config: onPrem,
      text: cfn(...vpcResource('Vpc', '10.20.0.0/16'), ...cidrBlock('Pods', 'Vpc', '100.64.0.0/16'), ...cidrBlock('Wide', 'Vpc', '192.168.0.0/16')),
      errors: [{ line: 16, message: /^Secondary VPC CIDR 192\.168\.0\.0\/16 overlaps 192\.168\.100\.0\/24, reserved/ }],
    },
    {
      name: 'a VPC inside a larger reserved range',
      config: { reservedCidrs: ['10.0.0.0/8'] },
      text: eksctl('vpc: {cidr: 10.42.0.0/16}'),
      errors: [{ line: 4, message: /^VPC CIDR 10\.42\.0\.0\/16 overlaps 10\.0\.0\.0\/8, reserved/ }],
    },
    {
      name: 'several reserved ranges hit are all listed',
      config: { reservedCidrs: ['10.0.0.0/16', '172.16.0.0/12', '10.1.0.0/16'] },
      text: eksctl('vpc:', '  cidr: 10.0.0.0/15'),
      errors: [{ line: 5, message: /overlaps 10\.0\.0\.0\/16, 10\.1\.0\.0\/16, reserved in reservedCidrs.*Choose a block that avoids them\.$/ }],
    },
    {
      name: 'existing VPC, reached through an anchor, beside named subnets with az: its written range is compared',
      config: onPrem,
      text: eksctl('x-net: &net 192.168.100.0/24', 'vpc:', '  id: vpc-0123456789abcdef0', '  cidr: *net', '  subnets:', '    private:', '      private-one: {az: us-west-2a, id: subnet-0a}'),
      errors: [{ line: 4, message: /^VPC CIDR 192\.168\.100\.0\/24 overlaps 192\.168\.100\.0\/24, reserved/ }],
    },
    {
      name: 'CloudFormation JSON template',
      config: onPrem,
      uri: 't.json',
      text: yaml(
        '{',
        '  "Resources": {',
        '    "Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.30.0.0/16"}},',
        '    "Pods": {"Type": "AWS::EC2::VPCCidrBlock", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "192.168.100.128/28"}}',
        '  }',
        '}',
      ),
      errors: [{ line: 4, message: /^Secondary VPC CIDR 192\.168\.100\.128\/28 overlaps 192\.168\.100\.0\/24, reserved/ }],
    },
    {
      name: 'multi-document file: the settings apply to each ClusterConfig and template',
      config: onPrem,
      text:
        yaml('apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata: {name: one, region: us-west-2}', 'vpc: {cidr: 10.0.128.0/20}', '---') + cfn(...vpcResource('Vpc', '192.168.100.0/26')),
      errors: [
        { line: 4, message: /^VPC CIDR 10\.0\.128\.0\/20 overlaps 10\.0\.0\.0\/16/ },
        { line: 11, message: /^VPC CIDR 192\.168\.100\.0\/26 overlaps 192\.168\.100\.0\/24/ },
      ],
    },
    {
      name: 'user severity override',
      config: { ...onPrem, rules: { 'vpc-cidr-overlap-reserved': 'warning' } },
      text: eksctl('vpc: {cidr: 10.0.0.0/16}'),
      errors: [{ line: 4, severity: 'warning' }],
    },
  ],
});

describe('rule vpc-cidr-overlap-reserved: secondary blocks without a known primary', () => {
  // A VPCCidrBlock added to a VPC passed in as a parameter is the VPC's only block in the model.
  // It is still a secondary block, and the message should say so.
  it('calls a block added to a VPC passed in as a parameter a secondary block', () => {
    const [finding] = runRule(rule, { text: cfn(...cidrBlock('Pods', 'ExistingVpcId', '10.0.64.0/18')), config: onPrem });
    assert.equal(finding.range.start.line + 1, 7);
    assert.match(finding.message, /^Secondary VPC CIDR 10\.0\.64\.0\/18 overlaps 10\.0\.0\.0\/16, reserved/);
  });

  it('still reports the block', () => {
    const findings = runRule(rule, { text: cfn(...vpcResource('Vpc', '!Ref VpcCidr'), ...cidrBlock('Pods', 'Vpc', '192.168.100.0/24')), config: onPrem });
    assert.deepEqual(
      findings.map((f) => f.range.start.line + 1),
      [11],
    );
    assert.match(findings[0].message, /192\.168\.100\.0\/24 overlaps 192\.168\.100\.0\/24, reserved/);
  });
});
