import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTester, runRule, yaml, relatedLines } from '../../../test/support/ruleTester';
import rule from './subnet-outside-vpc';
import { cfn, eksctl } from '../../../test/support/fixtures';

/** An existing VPC (listed subnets are always imported by eksctl) whose primary block is written; subnet lines start at line 8. */
const existing = (cidr: string, ...subnetLines: string[]) => eksctl('vpc:', '  id: vpc-0123456789abcdef0', `  cidr: ${cidr}`, '  subnets:', ...subnetLines);

/** An AWS::EC2::VPC resource (4 lines, CidrBlock on the last). */
const vpc = (id: string, cidr: string) => [`  ${id}:`, '    Type: AWS::EC2::VPC', '    Properties:', `      CidrBlock: ${cidr}`];
/** An AWS::EC2::VPCCidrBlock resource (5 lines, CidrBlock on the last). */
const block = (id: string, vpcRef: string, cidr: string) => [`  ${id}:`, '    Type: AWS::EC2::VPCCidrBlock', '    Properties:', `      VpcId: ${vpcRef}`, `      CidrBlock: ${cidr}`];
/** An AWS::EC2::Subnet resource (6 lines, CidrBlock on the fifth). */
const subnet = (id: string, vpcRef: string, cidr: string, az = 'us-west-2a') => [
  `  ${id}:`,
  '    Type: AWS::EC2::Subnet',
  '    Properties:',
  `      VpcId: ${vpcRef}`,
  `      CidrBlock: ${cidr}`,
  `      AvailabilityZone: ${az}`,
];

/** A JSON template: VPC 10.0.0.0/16 (CidrBlock on line 6), subnet A 10.0.0.0/24 (line 12), subnet B (line 19). */
const json = (b: string) =>
  [
    '{',
    '  "AWSTemplateFormatVersion": "2010-09-09",',
    '  "Resources": {',
    '    "Vpc": {',
    '      "Type": "AWS::EC2::VPC",',
    '      "Properties": { "CidrBlock": "10.0.0.0/16" }',
    '    },',
    '    "SubnetA": {',
    '      "Type": "AWS::EC2::Subnet",',
    '      "Properties": {',
    '        "VpcId": { "Ref": "Vpc" },',
    '        "CidrBlock": "10.0.0.0/24",',
    '        "AvailabilityZone": "us-west-2a"',
    '      }',
    '    },',
    '    "SubnetB": {',
    '      "Type": "AWS::EC2::Subnet",',
    '      "Properties": {',
    `        "VpcId": { "Ref": "Vpc" }, "CidrBlock": "${b}",`,
    '        "AvailabilityZone": "us-west-2b"',
    '      }',
    '    }',
    '  }',
    '}',
  ].join('\n') + '\n';

ruleTester(rule, {
  valid: [
    {
      name: 'eksctl: subnets inside vpc.cidr, keyed by zone (flow style) and by name with az',
      text: existing(
        '10.0.0.0/16',
        '    public:',
        '      us-west-2a: { id: subnet-0aaaaaaaaaaaaaaaa, cidr: 10.0.0.0/19 }',
        '      us-west-2b: { id: subnet-0bbbbbbbbbbbbbbbb, cidr: 10.0.32.0/19 }',
        '    private:',
        '      private-one: {id: subnet-0cccccccccccccccc, az: us-west-2a, cidr: 10.0.128.0/19}',
        '      private-two: {id: subnet-0dddddddddddddddd, az: us-west-2b, cidr: 10.0.224.0/19}',
      ),
    },
    { name: 'eksctl: a subnet may be the whole VPC block', text: existing('10.0.0.0/16', '    private:', '      us-west-2a: {id: subnet-0aaaaaaaaaaaaaaaa, cidr: 10.0.0.0/16}') },
    {
      name: "eksctl: listed subnets mean an existing VPC, so without vpc.cidr its blocks are unknown (eksctl's 192.168.0.0/16 is not assumed)",
      text: eksctl('vpc:', '  subnets:', '    private:', '      us-west-2a: {id: subnet-0aaaaaaaaaaaaaaaa, cidr: 10.0.0.0/19}', '      us-west-2b: {id: subnet-0bbbbbbbbbbbbbbbb, cidr: 10.0.32.0/19}'),
    },
    {
      name: 'eksctl: existing VPC (vpc.id) without a written CIDR',
      text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  subnets:', '    private:', '      private-one: {id: subnet-0123456789abcdef0, cidr: 172.31.0.0/20}'),
    },
    { name: 'eksctl: subnets given by ID only', text: existing('10.0.0.0/16', '    private:', '      us-west-2a: {id: subnet-0123456789abcdef0}') },
    { name: 'eksctl: templated subnet CIDR is unknown', text: existing('10.0.0.0/16', '    private:', '      us-west-2a: {cidr: "{{ .Values.subnetA }}"}') },
    { name: 'eksctl: templated VPC CIDR leaves the VPC unknown', text: existing('"{{ .Values.vpcCidr }}"', '    private:', '      us-west-2a: {cidr: 10.9.0.0/19}') },
    { name: "eksctl: an invalid subnet CIDR is cidr-syntax's finding", text: existing('10.0.0.0/16', '    private:', '      us-west-2a: {cidr: 11.0.0.0/33}') },
    {
      name: 'eksctl: subnet CIDR reached through an alias',
      text: eksctl('x-plan: {a: &a 10.0.0.0/19}', 'vpc:', '  id: vpc-0123456789abcdef0', '  cidr: 10.0.0.0/16', '  subnets:', '    private:', '      us-west-2a: {cidr: *a}'),
    },
    {
      name: 'eksctl: each document of a stream against its own VPC',
      text: existing('10.0.0.0/16', '    private:', '      us-west-2a: {cidr: 10.0.0.0/19}') + '---\n' + existing('10.1.0.0/16', '    private:', '      us-west-2a: {cidr: 10.1.0.0/19}'),
    },
    { name: 'not an eksctl document', text: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: x}', 'data:', '  vpc: "{cidr: 10.0.0.0/16}"') },
    {
      name: 'CloudFormation: subnets inside the VPC block and inside a secondary block (AWS::EC2::VPCCidrBlock)',
      text: cfn(...vpc('Vpc', '10.0.0.0/16'), ...block('PodRange', '!Ref Vpc', '100.64.0.0/16'), ...subnet('NodesA', '!Ref Vpc', '10.0.0.0/19'), ...subnet('PodsA', '!Ref Vpc', '100.64.0.0/19')),
    },
    {
      name: 'CloudFormation: a VPC passed in as a parameter has unknown blocks',
      text: yaml('Parameters:', '  VpcId: {Type: AWS::EC2::VPC::Id}', 'Resources:', ...subnet('SubnetA', '!Ref VpcId', '172.31.200.0/24')),
    },
    {
      name: 'CloudFormation: a VPC imported from another stack has unknown blocks',
      text: cfn(...subnet('SubnetA', '!ImportValue network-VpcId', '172.31.200.0/24')),
    },

    { name: 'CloudFormation in JSON: subnets inside the VPC', text: json('10.0.1.0/24'), uri: 't.json' },
  ],
  invalid: [
    {
      name: 'CloudFormation: the VPC block from a parameter default and a subnet from !Select of !Cidr are resolved; the literal subnet outside is reported',
      text: yaml(
        'Parameters:',
        '  VpcCidr: {Type: String, Default: 10.0.0.0/16}',
        'Resources:',
        ...vpc('Vpc', '!Ref VpcCidr'),
        ...subnet('SubnetA', '!Ref Vpc', '10.9.0.0/24'),
        ...subnet('SubnetB', '!Ref Vpc', '!Select [1, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]'),
      ),
      errors: [{ line: 12, message: /^Subnet SubnetA \(10\.9\.0\.0\/24\) is not inside the VPC's CIDR 10\.0\.0\.0\/16\./ }],
    },
    {
      name: 'eksctl: a named subnet outside the primary block',
      text: existing(
        '10.0.0.0/16',
        '    private:',
        '      private-one: {id: subnet-0aaaaaaaaaaaaaaaa, az: us-west-2a, cidr: 10.0.0.0/19}',
        '      private-two: {id: subnet-0bbbbbbbbbbbbbbbb, az: us-west-2b, cidr: 10.1.0.0/19}',
      ),
      // The existing VPC may have a second block the file does not name: a warning, not an error.
      errors: [
        {
          line: 10,
          severity: 'warning',
          message:
            /^Subnet private-two \(10\.1\.0\.0\/19\) is not inside the VPC's CIDR 10\.0\.0\.0\/16\. Unless the existing VPC has another CIDR block that holds it, no such subnet can exist there\.$/,
        },
      ],
    },
    {
      name: 'eksctl: a subnet larger than the VPC block (flow style)',
      text: existing('10.0.0.0/17', '    public:', '      us-west-2a: { id: subnet-0aaaaaaaaaaaaaaaa, cidr: 10.0.0.0/16 }'),
      // Straddling the written block: no other block of the VPC can hold it, so an error.
      errors: [{ line: 9, severity: 'error', message: /^Subnet us-west-2a \(10\.0\.0\.0\/16\) is not inside the VPC's CIDR 10\.0\.0\.0\/17\. A subnet's block must lie/ }],
    },
    {
      name: 'eksctl: vpc.extraCIDRs are not VPC blocks (they open the control plane to other networks), so a subnet inside one is still outside',
      text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  cidr: 10.0.0.0/16', '  extraCIDRs: [100.64.0.0/16]', '  subnets:', '    private:', '      us-west-2a: {cidr: 100.64.0.0/19}'),
      errors: [{ line: 10, message: /^Subnet us-west-2a \(100\.64\.0\.0\/19\) is not inside the VPC's CIDR 10\.0\.0\.0\/16\./ }],
    },
    {
      name: 'eksctl: subnets given by ID with vpc.cidr but no vpc.id are compared with vpc.cidr',
      text: eksctl(
        'vpc:',
        '  cidr: 10.0.0.0/16',
        '  subnets:',
        '    private:',
        '      us-west-2a: {id: subnet-0aaaaaaaaaaaaaaaa, cidr: 10.0.0.0/19}',
        '      us-west-2b: {id: subnet-0bbbbbbbbbbbbbbbb, cidr: 192.168.32.0/19}',
      ),
      errors: [{ line: 9, message: /^Subnet us-west-2b \(192\.168\.32\.0\/19\) is not inside the VPC's CIDR 10\.0\.0\.0\/16\./ }],
    },
    {
      name: 'eksctl: subnet CIDR reached through an alias is reported at the anchor',
      text: eksctl('x-plan: {a: &a 10.9.0.0/19}', 'vpc:', '  id: vpc-0123456789abcdef0', '  cidr: 10.0.0.0/16', '  subnets:', '    private:', '      us-west-2a: {cidr: *a}'),
      errors: [{ line: 4, message: /^Subnet us-west-2a \(10\.9\.0\.0\/19\) is not inside the VPC's CIDR 10\.0\.0\.0\/16/ }],
    },
    {
      name: 'eksctl: second ClusterConfig of a stream, next to a Kubernetes object',
      text: yaml('apiVersion: v1', 'kind: Namespace', 'metadata: {name: apps}') + '---\n' + existing('10.1.0.0/16', '    private:', '      us-west-2a: {cidr: 10.0.0.0/19}'),
      errors: [{ line: 13, message: /10\.0\.0\.0\/19\) is not inside the VPC's CIDR 10\.1\.0\.0\/16/ }],
    },
    {
      name: 'CloudFormation: a subnet outside its VPC, reported at its CidrBlock',
      text: cfn(...vpc('Vpc', '10.0.0.0/16'), ...subnet('SubnetA', '!Ref Vpc', '10.0.0.0/24'), ...subnet('SubnetB', '!Ref Vpc', '10.1.0.0/24', 'us-west-2b')),
      errors: [
        { line: 17, severity: 'error', message: /^Subnet SubnetB \(10\.1\.0\.0\/24\) is not inside the VPC's CIDR 10\.0\.0\.0\/16\. A subnet's block must lie within one of its VPC's blocks\.$/ },
      ],
    },
    {
      name: 'CloudFormation: a subnet must sit inside one block; spanning two adjacent blocks is reported',
      text: cfn(...vpc('Vpc', '10.0.0.0/17'), ...block('Upper', '!Ref Vpc', '10.0.128.0/17'), ...subnet('Wide', '!Ref Vpc', '10.0.0.0/16')),
      errors: [{ line: 16, message: /^Subnet Wide \(10\.0\.0\.0\/16\) is not inside any of the VPC's CIDRs \(10\.0\.0\.0\/17, 10\.0\.128\.0\/17\)\./ }],
    },
    {
      name: 'CloudFormation: each subnet is compared with the VPC it names, not with any VPC of the template',
      text: cfn(...vpc('VpcA', '10.0.0.0/16'), ...vpc('VpcB', '10.1.0.0/16'), ...subnet('InB', '!Ref VpcB', '10.0.0.0/24')),
      errors: [{ line: 15, message: /^Subnet InB \(10\.0\.0\.0\/24\) is not inside the VPC's CIDR 10\.1\.0\.0\/16\./ }],
    },
    {
      name: 'CloudFormation in JSON ({"Ref": …}): a subnet outside the VPC',
      uri: 't.json',
      text: json('10.2.0.0/24'),
      errors: [{ line: 19, message: /^Subnet SubnetB \(10\.2\.0\.0\/24\) is not inside the VPC's CIDR 10\.0\.0\.0\/16\./ }],
    },
  ],
});

describe('rule subnet-outside-vpc: related information', () => {
  it('points at every block of the VPC (CloudFormation primary and secondary)', () => {
    const [finding] = runRule(rule, { text: cfn(...vpc('Vpc', '10.0.0.0/16'), ...block('Extra', '!Ref Vpc', '100.64.0.0/16'), ...subnet('SubnetA', '!Ref Vpc', '10.2.0.0/19')) });
    assert.equal(finding.range.start.line + 1, 16);
    assert.match(finding.message, /is not inside any of the VPC's CIDRs \(10\.0\.0\.0\/16, 100\.64\.0\.0\/16\)\./);
    assert.deepEqual(relatedLines(finding), [
      [6, 'VPC CIDR 10.0.0.0/16'],
      [11, 'Secondary VPC CIDR 100.64.0.0/16'],
    ]);
  });

  it('points at vpc.cidr in an eksctl ClusterConfig, and not at vpc.extraCIDRs', () => {
    const [finding] = runRule(rule, {
      text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  cidr: 10.0.0.0/16', '  extraCIDRs: [100.64.0.0/16]', '  subnets:', '    private:', '      us-west-2a: {cidr: 10.2.0.0/19}'),
    });
    assert.deepEqual(relatedLines(finding), [[6, 'VPC CIDR 10.0.0.0/16']]);
  });
});

describe('rule subnet-outside-vpc: CloudFormation blocks it cannot read', () => {
  it('a secondary block given by a parameter leaves the VPC extent unknown', () => {
    const text = yaml(
      'Parameters:',
      '  PodCidr: {Type: String, Default: 100.64.0.0/16}',
      'Resources:',
      ...vpc('Vpc', '10.0.0.0/16'),
      ...block('PodRange', '!Ref Vpc', '!Ref PodCidr'),
      ...subnet('PodsA', '!Ref Vpc', '100.64.0.0/19'),
    );
    assert.deepEqual(runRule(rule, { text }), []);
  });

  it('a secondary block from an IPAM pool leaves the VPC extent unknown', () => {
    const text = cfn(
      ...vpc('Vpc', '10.0.0.0/16'),
      '  PodRange:',
      '    Type: AWS::EC2::VPCCidrBlock',
      '    Properties:',
      '      VpcId: !Ref Vpc',
      '      Ipv4IpamPoolId: !Ref PodPool',
      '      Ipv4NetmaskLength: 16',
      ...subnet('PodsA', '!Ref Vpc', '100.64.0.0/19'),
    );
    assert.deepEqual(runRule(rule, { text }), []);
  });

  it('an IPv6 block added to the VPC does not hide an IPv4 subnet outside it', () => {
    const text = cfn(
      ...vpc('Vpc', '10.0.0.0/16'),
      '  V6:',
      '    Type: AWS::EC2::VPCCidrBlock',
      '    Properties:',
      '      VpcId: !Ref Vpc',
      '      AmazonProvidedIpv6CidrBlock: true',
      ...subnet('PodsA', '!Ref Vpc', '100.64.0.0/19'),
    );
    assert.equal(runRule(rule, { text }).length, 1);
  });

  for (const [how, ref] of [
    ['!GetAtt Vpc.VpcId', '!GetAtt Vpc.VpcId'],
    ['!GetAtt [Vpc, VpcId]', '!GetAtt [Vpc, VpcId]'],
    ['{Fn::GetAtt: [Vpc, VpcId]}', '{"Fn::GetAtt": [Vpc, VpcId]}'],
  ]) {
    it(`a secondary block attached with VpcId: ${how} counts`, () => {
      const text = cfn(...vpc('Vpc', '10.0.0.0/16'), ...block('PodRange', ref, '100.64.0.0/16'), ...subnet('PodsA', '!Ref Vpc', '100.64.0.0/19'));
      assert.deepEqual(runRule(rule, { text }), []);
    });
  }

  it('a subnet attached with VpcId: !GetAtt Vpc.VpcId is checked against that VPC', () => {
    const text = cfn(...vpc('Vpc', '10.0.0.0/16'), ...subnet('PodsA', '!GetAtt Vpc.VpcId', '10.1.0.0/19'));
    assert.equal(runRule(rule, { text }).length, 1);
  });
});
