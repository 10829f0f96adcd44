import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTester, runRule, yaml, relatedLines } from '../../../test/support/ruleTester';
import rule from './subnet-overlap';
import { eksctl } from '../../../test/support/fixtures';

/** `vpc.subnets` with the given lines under it; the first subnet line is line 7. */
const subnets = (...lines: string[]) => eksctl('vpc:', '  cidr: 10.0.0.0/16', '  subnets:', ...lines);

ruleTester(rule, {
  valid: [
    {
      name: 'adjacent subnets, public and private, flow style and named with az',
      text: subnets(
        '    public:',
        '      us-west-2a: { cidr: 10.0.0.0/19 }',
        '      us-west-2b: { cidr: 10.0.32.0/19 }',
        '    private:',
        '      private-one: {az: us-west-2a, cidr: 10.0.64.0/19}',
        '      private-two: {az: us-west-2b, cidr: 10.0.96.0/19}',
      ),
    },
    {
      name: 'subnets given by ID carry no CIDR to compare',
      text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  subnets:', '    private:', '      a: {id: subnet-0aaaaaaaaaaaaaaaa}', '      b: {id: subnet-0bbbbbbbbbbbbbbbb}'),
    },
    {
      name: 'templated and invalid CIDRs are skipped',
      text: subnets(
        '    private:',
        '      us-west-2a: {cidr: "{{ .Values.a }}"}',
        '      us-west-2b: {cidr: "{{ .Values.a }}"}',
        '      us-west-2c: {cidr: 10.0.0.0/33}',
        '      us-west-2d: {cidr: 10.0.0.0/33}',
      ),
    },
    {
      name: 'the same CIDR in two different ClusterConfigs of a stream',
      text: subnets('    private:', '      us-west-2a: {cidr: 10.0.0.0/19}') + '---\n' + subnets('    private:', '      us-west-2a: {cidr: 10.0.0.0/19}'),
    },
    { name: 'not an eksctl document', text: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: x}', 'data: {a: 10.0.0.0/19, b: 10.0.0.0/19}') },
  ],
  invalid: [
    {
      name: 'a public and a private subnet overlap: both are reported',
      text: subnets('    public:', '      us-west-2a: { cidr: 10.0.0.0/19 }', '    private:', '      private-one: {az: us-west-2a, cidr: 10.0.16.0/20}'),
      errors: [
        {
          line: 8,
          severity: 'error',
          message:
            /^Subnet 10\.0\.0\.0\/19 overlaps 10\.0\.16\.0\/20 \(private private-one, us-west-2a\)\. Subnets of one VPC cannot share addresses, so these entries cannot both describe existing subnets: eksctl looks listed subnets up rather than creating them, and one of them is wrong\.$/,
        },
        { line: 10, severity: 'error', message: /^Subnet 10\.0\.16\.0\/20 overlaps 10\.0\.0\.0\/19 \(public us-west-2a\)\./ },
      ],
    },
    {
      name: 'the same CIDR twice in one tier',
      text: subnets('    private:', '      us-west-2a: {cidr: 10.0.0.0/19}', '      us-west-2b: {cidr: 10.0.0.0/19}', '      us-west-2c: {cidr: 10.0.64.0/19}'),
      errors: [
        { line: 8, message: /Subnet 10\.0\.0\.0\/19 overlaps 10\.0\.0\.0\/19 \(private us-west-2b\)/ },
        { line: 9, message: /Subnet 10\.0\.0\.0\/19 overlaps 10\.0\.0\.0\/19 \(private us-west-2a\)/ },
      ],
    },
    {
      name: 'one large subnet over two others: each is reported once, naming its first neighbour',
      text: subnets(
        '    private:',
        '      private-a: {az: us-west-2a, cidr: 10.0.0.0/18}',
        '      private-b: {az: us-west-2b, cidr: 10.0.0.0/19}',
        '      private-c: {az: us-west-2c, cidr: 10.0.32.0/19}',
      ),
      errors: [
        { line: 8, message: /10\.0\.0\.0\/18 overlaps 10\.0\.0\.0\/19 \(private private-b, us-west-2b\)/ },
        { line: 9, message: /10\.0\.0\.0\/19 overlaps 10\.0\.0\.0\/18 \(private private-a, us-west-2a\)/ },
        { line: 10, message: /10\.0\.32\.0\/19 overlaps 10\.0\.0\.0\/18 \(private private-a, us-west-2a\)/ },
      ],
    },
    {
      name: 'overlap by host bits: 10.0.1.0/22 is created as 10.0.0.0/22',
      text: subnets('    public:', '      us-west-2a: {cidr: 10.0.1.0/22}', '      us-west-2b: {cidr: 10.0.2.0/24}'),
      errors: [
        { line: 8, message: /Subnet 10\.0\.1\.0\/22 overlaps 10\.0\.2\.0\/24/ },
        { line: 9, message: /Subnet 10\.0\.2\.0\/24 overlaps 10\.0\.1\.0\/22/ },
      ],
    },
    {
      name: 'one CIDR reused through an alias is reported once, at the anchor',
      text: subnets('    private:', '      us-west-2a: {cidr: &a 10.0.0.0/19}', '      us-west-2b: {cidr: *a}'),
      errors: [{ line: 8, message: /Subnet 10\.0\.0\.0\/19 overlaps 10\.0\.0\.0\/19 \(private us-west-2b\)/ }],
    },
    {
      name: 'existing VPC: written subnet CIDRs are still compared',
      text: eksctl(
        'vpc:',
        '  id: vpc-0123456789abcdef0',
        '  subnets:',
        '    private:',
        '      a: {id: subnet-0aaaaaaaaaaaaaaaa, az: us-west-2a, cidr: 172.31.0.0/20}',
        '      b: {id: subnet-0bbbbbbbbbbbbbbbb, az: us-west-2b, cidr: 172.31.8.0/21}',
      ),
      errors: [{ line: 8 }, { line: 9 }],
    },
    {
      name: 'second ClusterConfig of a stream',
      text: subnets('    private:', '      us-west-2a: {cidr: 10.0.0.0/19}') + '---\n' + subnets('    private:', '      us-west-2a: {cidr: 10.0.0.0/19}', '      us-west-2b: {cidr: 10.0.31.0/24}'),
      errors: [
        { line: 17, message: /10\.0\.0\.0\/19 overlaps 10\.0\.31\.0\/24/ },
        { line: 18, message: /10\.0\.31\.0\/24 overlaps 10\.0\.0\.0\/19/ },
      ],
    },
  ],
});

describe('rule subnet-overlap: related information', () => {
  it('each finding points at the other subnet', () => {
    const findings = runRule(rule, { text: subnets('    public:', '      us-west-2a: {cidr: 10.0.0.0/19}', '    private:', '      us-west-2a: {cidr: 10.0.0.0/20}') });
    assert.deepEqual(
      findings.map((f) => [f.range.start.line + 1, relatedLines(f)]),
      [
        [8, [[10, 'overlapping subnet 10.0.0.0/20 (private us-west-2a)']]],
        [10, [[8, 'overlapping subnet 10.0.0.0/19 (public us-west-2a)']]],
      ],
    );
  });
});

describe('rule subnet-overlap: CloudFormation blocks computed by intrinsics', () => {
  const template = (second: string) =>
    yaml(
      'Parameters:',
      '  VpcCidr: {Type: String, Default: 10.0.0.0/16}',
      '  FirstSubnet: {Type: String, Default: 10.0.16.0/20}',
      'Resources:',
      '  Vpc:',
      '    Type: AWS::EC2::VPC',
      '    Properties: {CidrBlock: !Ref VpcCidr}',
      '  SubnetA:',
      '    Type: AWS::EC2::Subnet',
      '    Properties: {VpcId: !Ref Vpc, AvailabilityZone: !Select [0, !GetAZs ""], CidrBlock: !Ref FirstSubnet}',
      '  SubnetB:',
      '    Type: AWS::EC2::Subnet',
      `    Properties: {VpcId: !Ref Vpc, AvailabilityZone: !Select [1, !GetAZs ""], CidrBlock: ${second}}`,
    );

  it('reports !Select [1, !Cidr [!GetAtt Vpc.CidrBlock, 4, 12]] and the block it equals at both places', () => {
    const findings = runRule(rule, { text: template('!Select [1, !Cidr [!GetAtt Vpc.CidrBlock, 4, 12]]') });
    assert.deepEqual(
      findings.map((f) => f.range.start.line + 1),
      [10, 13],
    );
    assert.match(findings[0].message, /^Subnet 10\.0\.16\.0\/20 overlaps 10\.0\.16\.0\/20 \(SubnetB, zone 2 of the stack's region\)\./);
    assert.match(findings[1].message, /^Subnet 10\.0\.16\.0\/20 overlaps 10\.0\.16\.0\/20 \(SubnetA, zone 1 of the stack's region\)\./);
    // A template creates its subnets: EC2 refuses the second one.
    assert.match(findings[0].message, /\. Subnets of one VPC cannot share addresses; EC2 refuses to create the second one\./);
    // The literal comes from a parameter default: the finding points there too.
    assert.ok(relatedLines(findings[0])!.some(([line, message]) => line === 3 && /10\.0\.16\.0\/20 comes from the Default of parameter FirstSubnet/.test(message)));
  });

  it('says nothing when the computed block is elsewhere, or cannot be resolved', () => {
    assert.deepEqual(runRule(rule, { text: template('!Select [2, !Cidr [!GetAtt Vpc.CidrBlock, 4, 12]]') }), []);
    assert.deepEqual(runRule(rule, { text: template('!ImportValue other-stack-subnet') }), []);
  });
});
