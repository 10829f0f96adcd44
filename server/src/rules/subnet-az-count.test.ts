import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTester, runRule, yaml, relatedLines } from '../../../test/support/ruleTester';
import rule from './subnet-az-count';
import { eksctl } from '../../../test/support/fixtures';

const outpostArn = 'arn:aws:outposts:us-west-2:111122223333:outpost/op-0123456789abcdef0';

ruleTester(rule, {
  valid: [
    { name: 'availabilityZones lists two zones', text: eksctl('availabilityZones: [us-west-2a, us-west-2b]') },
    { name: 'nothing about zones is written: eksctl picks them', text: eksctl('vpc:', '  cidr: 10.0.0.0/16') },
    {
      name: 'flow-style subnets keyed by zone, in two zones',
      text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  subnets:', '    private:', '      us-west-2a: { cidr: 10.0.0.0/19 }', '      us-west-2b: { cidr: 10.0.32.0/19 }'),
    },
    {
      name: 'named subnets with az:, in two zones',
      text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  subnets:', '    private:', '      private-one: {az: us-west-2a, cidr: 10.0.0.0/19}', '      private-two: {az: us-west-2c, cidr: 10.0.32.0/19}'),
    },
    {
      name: 'public and private subnets are counted together: one zone each still makes two (eksctl\'s per-tier subnet count is another matter)',
      text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  subnets:', '    public:', '      us-west-2a: {id: subnet-0aaaaaaaaaaaaaaaa}', '    private:', '      us-west-2b: {id: subnet-0bbbbbbbbbbbbbbbb}'),
    },
    {
      name: 'a subnet known only by its ID could be in any zone',
      text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  subnets:', '    private:', '      us-west-2a: {id: subnet-0aaaaaaaaaaaaaaaa}', '      private-two: {id: subnet-0bbbbbbbbbbbbbbbb}'),
    },
    {
      name: 'an AWS Outposts local cluster runs in the Outpost\'s one zone by design',
      text: eksctl(
        'outpost:',
        `  controlPlaneOutpostARN: "${outpostArn}"`,
        'vpc:',
        '  id: vpc-0123456789abcdef0',
        '  subnets:',
        '    private:',
        '      outpost-subnet-1: {id: subnet-0aaaaaaaaaaaaaaaa, az: us-west-2a}',
      ),
    },
    {
      name: 'an Outposts local cluster with a single zone-keyed subnet',
      text: eksctl('outpost:', `  controlPlaneOutpostARN: "${outpostArn}"`, '  controlPlaneInstanceType: m5d.large', 'vpc:', '  subnets:', '    private:', '      us-west-2a: {id: subnet-0aaaaaaaaaaaaaaaa}'),
    },
    { name: 'a Helm value in the zone list is not counted as missing', text: eksctl('availabilityZones: ["{{ .Values.zoneA }}", us-west-2b]') },
    { name: 'the whole zone list from a Helm value', text: eksctl('availabilityZones: "{{ .Values.zones }}"') },
    {
      name: 'a zone list shared with a node group through an anchor',
      text: eksctl('availabilityZones: &zones [us-west-2a, us-west-2b]', 'nodeGroups:', '  - name: ng-1', '    availabilityZones: *zones'),
    },
    {
      name: 'multi-document: a valid ClusterConfig and a Kubernetes object',
      text: eksctl('availabilityZones: [us-west-2a, us-west-2b]') + yaml('---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: zones}', 'data:', '  availabilityZones: us-west-2a'),
    },
  ],
  invalid: [
    {
      name: 'availabilityZones lists one zone',
      text: eksctl('availabilityZones: [us-west-2a]'),
      errors: [{ line: 4, severity: 'error', message: /^availabilityZones lists only us-west-2a\. EKS needs subnets in at least two Availability Zones/ }],
    },
    {
      name: 'block-style list with one zone is reported at the list',
      text: eksctl('availabilityZones:', '  - eu-west-1b'),
      errors: [{ line: 5, message: /lists only eu-west-1b/ }],
    },
    {
      name: 'two subnets in one zone: one keyed by the zone (flow style), one named with az:',
      text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  subnets:', '    public:', '      us-west-2a: { cidr: 192.168.0.0/19 }', '    private:', '      private-one: {az: us-west-2a, cidr: 192.168.32.0/19}'),
      errors: [{ line: 8, severity: 'error', message: /^All 2 subnets are in us-west-2a\. .*add a subnet in another zone/ }],
    },
    {
      name: 'three named subnets all in one zone, reported at the first az:',
      text: eksctl(
        'vpc:',
        '  id: vpc-0123456789abcdef0',
        '  subnets:',
        '    private:',
        '      private-one:',
        '        az: us-west-2c',
        '        cidr: 10.0.0.0/19',
        '      private-two: {az: us-west-2c, cidr: 10.0.32.0/19}',
        '      private-three: {az: us-west-2c, cidr: 10.0.64.0/19}',
      ),
      errors: [{ line: 9, message: /^All 3 subnets are in us-west-2c\./ }],
    },
    {
      name: 'a single subnet',
      text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  subnets:', '    private:', '      us-west-2a: {cidr: 192.168.0.0/19}'),
      errors: [{ line: 8, message: /^The only subnet is in us-west-2a\. EKS needs subnets in at least two Availability Zones/ }],
    },
    {
      name: 'an existing VPC (vpc.id) must still offer two zones',
      text: eksctl(
        'vpc:',
        '  id: vpc-0123456789abcdef0',
        '  subnets:',
        '    private:',
        '      us-west-2b: {id: subnet-0aaaaaaaaaaaaaaaa}',
        '      private-b2: {id: subnet-0bbbbbbbbbbbbbbbb, az: us-west-2b}',
      ),
      errors: [{ line: 8, message: /^All 2 subnets are in us-west-2b\./ }],
    },
    {
      name: 'a one-zone list reached through an alias is reported at its anchor',
      text: eksctl('nodeGroups:', '  - name: ng-1', '    availabilityZones: &zones [us-west-2b]', 'availabilityZones: *zones'),
      errors: [{ line: 6, message: /lists only us-west-2b/ }],
    },
    {
      name: 'multi-document: only the ClusterConfig in one zone is reported',
      text: eksctl('availabilityZones: [us-west-2a, us-west-2b]') + yaml('---', 'apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata: {name: other, region: eu-west-1}', 'availabilityZones: [eu-west-1a]'),
      errors: [{ line: 9, message: /lists only eu-west-1a/ }],
    },
  ],
});

describe('rule subnet-az-count: related information', () => {
  it('points at every other subnet in the same zone', () => {
    const [finding] = runRule(rule, {
      text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  subnets:', '    public:', '      us-west-2a: { cidr: 192.168.0.0/19 }', '    private:', '      private-one: {az: us-west-2a, cidr: 192.168.32.0/19}', '      private-two: {az: us-west-2a, cidr: 192.168.64.0/19}'),
    });
    assert.equal(finding.range.start.line + 1, 8);
    assert.deepEqual(
      relatedLines(finding),
      [
        [10, 'subnet private-one in us-west-2a'],
        [11, 'subnet private-two in us-west-2a'],
      ],
    );
  });

  it('has nothing to point at for a single subnet', () => {
    const [finding] = runRule(rule, { text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  subnets:', '    private:', '      us-west-2a: {cidr: 192.168.0.0/19}') });
    assert.equal(finding.related, undefined);
  });

  it('has nothing to point at for a one-zone availabilityZones list', () => {
    const [finding] = runRule(rule, { text: eksctl('availabilityZones: [us-west-2a]') });
    assert.equal(finding.related, undefined);
  });
});

describe('rule subnet-az-count: CloudFormation templates for EKS', () => {
  const template = (description: string, azA: string, azB: string, extra = '') =>
    [
      `Description: ${description}`,
      'Resources:',
      '  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}',
      `  SubnetA: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/20, AvailabilityZone: ${azA}${extra}}}`,
      `  SubnetB: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.16.0/20, AvailabilityZone: ${azB}}}`,
      '',
    ].join('\n');

  it('reports an EKS VPC whose subnets all sit in one zone, literal or through !GetAZs', () => {
    const literal = runRule(rule, { text: template('Amazon EKS Sample VPC', 'us-east-1a', 'us-east-1a') });
    assert.deepEqual(literal.map((f) => f.range.start.line + 1), [4]);
    assert.match(literal[0].message, /^All 2 subnets are in us-east-1a\. EKS needs subnets in at least two Availability Zones/);
    const symbolic = runRule(rule, { text: template('Amazon EKS Sample VPC', "!Select [0, !GetAZs '']", "!Select [0, !GetAZs '']") });
    assert.match(symbolic[0].message, /^All 2 subnets are in zone 1 of the stack's region\./);
  });

  it('is silent for two zones, for templates not evidently for EKS, and for Outposts subnets', () => {
    assert.deepEqual(runRule(rule, { text: template('Amazon EKS Sample VPC', "!Select [0, !GetAZs '']", "!Select [1, !GetAZs '']") }), []);
    assert.deepEqual(runRule(rule, { text: template('A web tier VPC', 'us-east-1a', 'us-east-1a') }), []);
    assert.deepEqual(runRule(rule, { text: template('Amazon EKS local cluster VPC', 'us-west-2a', 'us-west-2a', ', OutpostArn: arn:aws:outposts:us-west-2:111122223333:outpost/op-0abcd') }), []);
    assert.deepEqual(runRule(rule, { text: template('EKS', 'us-east-1a', '!Ref SubnetZone') }), []);
  });
});
