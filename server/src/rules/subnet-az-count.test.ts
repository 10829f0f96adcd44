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
      text: eksctl(
        'vpc:',
        '  id: vpc-0123456789abcdef0',
        '  subnets:',
        '    private:',
        '      private-one: {az: us-west-2a, cidr: 10.0.0.0/19}',
        '      private-two: {az: us-west-2c, cidr: 10.0.32.0/19}',
      ),
    },
    {
      name: "public and private subnets are counted together: one zone each still makes two (eksctl's per-tier subnet count is another matter)",
      text: eksctl(
        'vpc:',
        '  id: vpc-0123456789abcdef0',
        '  subnets:',
        '    public:',
        '      us-west-2a: {id: subnet-0aaaaaaaaaaaaaaaa}',
        '    private:',
        '      us-west-2b: {id: subnet-0bbbbbbbbbbbbbbbb}',
      ),
    },
    {
      name: 'a subnet known only by its ID could be in any zone',
      text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  subnets:', '    private:', '      us-west-2a: {id: subnet-0aaaaaaaaaaaaaaaa}', '      private-two: {id: subnet-0bbbbbbbbbbbbbbbb}'),
    },
    {
      name: "an AWS Outposts local cluster runs in the Outpost's one zone by design",
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
      text: eksctl(
        'outpost:',
        `  controlPlaneOutpostARN: "${outpostArn}"`,
        '  controlPlaneInstanceType: m5d.large',
        'vpc:',
        '  subnets:',
        '    private:',
        '      us-west-2a: {id: subnet-0aaaaaaaaaaaaaaaa}',
      ),
    },
    { name: 'a Helm value in the zone list is not counted as missing', text: eksctl('availabilityZones: ["{{ .Values.zoneA }}", us-west-2b]') },
    { name: 'the whole zone list from a Helm value', text: eksctl('availabilityZones: "{{ .Values.zones }}"') },
    { name: 'placeholder zones may be two different zones', text: eksctl('availabilityZones:', '  - ${AWS_REGION}a', '  - ${AWS_REGION}a') },
    {
      name: 'subnets whose az is a placeholder are in unknown zones',
      text: eksctl(
        'vpc:',
        '  id: vpc-0123456789abcdef0',
        '  subnets:',
        '    private:',
        '      one:',
        '        az: ${AZ_1}',
        '        id: subnet-0aaaaaaaaaaaaaaaa',
        '      two:',
        '        az: ${AZ_1}',
        '        id: subnet-0bbbbbbbbbbbbbbbb',
      ),
    },
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
      name: 'a zone listed twice is one zone',
      text: eksctl('availabilityZones: [us-west-2a, us-west-2a]'),
      errors: [{ line: 4, message: /^availabilityZones lists only us-west-2a \(2 times\)\. EKS needs subnets in at least two Availability Zones/ }],
    },
    {
      name: 'two subnets keyed by the same zone in different tiers, and a named one with that az: still one zone',
      text: eksctl(
        'vpc:',
        '  id: vpc-0123456789abcdef0',
        '  subnets:',
        '    public:',
        '      us-west-2a: {id: subnet-0aaaaaaaaaaaaaaaa}',
        '    private:',
        '      us-west-2a: {id: subnet-0bbbbbbbbbbbbbbbb}',
        '      private-two: {id: subnet-0cccccccccccccccc, az: us-west-2a}',
      ),
      errors: [{ line: 8, message: /^All 3 subnets are in us-west-2a\./ }],
    },
    {
      name: 'block-style list with one zone is reported at the list',
      text: eksctl('availabilityZones:', '  - eu-west-1b'),
      errors: [{ line: 5, message: /lists only eu-west-1b/ }],
    },
    {
      name: 'two subnets in one zone: one keyed by the zone (flow style), one named with az:',
      text: eksctl(
        'vpc:',
        '  id: vpc-0123456789abcdef0',
        '  subnets:',
        '    public:',
        '      us-west-2a: { cidr: 192.168.0.0/19 }',
        '    private:',
        '      private-one: {az: us-west-2a, cidr: 192.168.32.0/19}',
      ),
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
      text:
        eksctl('availabilityZones: [us-west-2a, us-west-2b]') +
        yaml('---', 'apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata: {name: other, region: eu-west-1}', 'availabilityZones: [eu-west-1a]'),
      errors: [{ line: 9, message: /lists only eu-west-1a/ }],
    },
  ],
});

describe('rule subnet-az-count: related information', () => {
  it('points at every other subnet in the same zone', () => {
    const [finding] = runRule(rule, {
      text: eksctl(
        'vpc:',
        '  id: vpc-0123456789abcdef0',
        '  subnets:',
        '    public:',
        '      us-west-2a: { cidr: 192.168.0.0/19 }',
        '    private:',
        '      private-one: {az: us-west-2a, cidr: 192.168.32.0/19}',
        '      private-two: {az: us-west-2a, cidr: 192.168.64.0/19}',
      ),
    });
    assert.equal(finding.range.start.line + 1, 8);
    assert.deepEqual(relatedLines(finding), [
      [10, 'subnet private-one in us-west-2a'],
      [11, 'subnet private-two in us-west-2a'],
    ]);
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
  /** A VPC template with two subnets; `tags` go on SubnetA, `extra` resources after the subnets. */
  const template = (description: string, azA: string, azB: string, options: { tags?: string; subnetExtra?: string; extra?: string[] } = {}) =>
    [
      `Description: ${description}`,
      'Resources:',
      '  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}',
      `  SubnetA: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/20, AvailabilityZone: ${azA}${options.subnetExtra ?? ''}${options.tags ? `, Tags: [${options.tags}]` : ''}}}`,
      `  SubnetB: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.16.0/20, AvailabilityZone: ${azB}}}`,
      ...(options.extra ?? []),
      '',
    ].join('\n');
  const elbTag = '{Key: kubernetes.io/role/elb, Value: 1}';
  const lines = (text: string) => runRule(rule, { text }).map((f) => f.range.start.line + 1);

  it('reports an EKS VPC whose subnets all sit in one zone, literal or through !GetAZs', () => {
    const literal = runRule(rule, { text: template('A VPC', 'us-east-1a', 'us-east-1a', { tags: elbTag }) });
    assert.deepEqual(
      literal.map((f) => f.range.start.line + 1),
      [4],
    );
    assert.match(literal[0].message, /^All 2 subnets are in us-east-1a\. EKS needs subnets in at least two Availability Zones/);
    const symbolic = runRule(rule, { text: template('A VPC', "!Select [0, !GetAZs '']", "!Select [0, !GetAZs '']", { tags: elbTag }) });
    assert.match(symbolic[0].message, /^All 2 subnets are in zone 1 of the stack's region\./);
  });

  it('a Description that mentions EKS is not evidence: no EKS-only finding', () => {
    assert.deepEqual(lines(template('Amazon EKS Sample VPC - Private and Public subnets', 'us-east-1a', 'us-east-1a')), []);
    assert.deepEqual(lines(template('VPC for an EKS cluster', "!Select [0, !GetAZs '']", "!Select [0, !GetAZs '']")), []);
  });

  it('each kind of evidence: an EKS tag on a subnet (literal, !Sub, !Join), or an AWS::EKS resource', () => {
    for (const tags of [
      '{Key: kubernetes.io/role/internal-elb, Value: 1}',
      '{Key: kubernetes.io/cluster/demo, Value: shared}',
      "{Key: !Sub 'kubernetes.io/cluster/${ClusterName}', Value: owned}",
      "{Key: !Join ['', [kubernetes.io/cluster/, !Ref ClusterName]], Value: owned}",
    ]) {
      assert.deepEqual(lines(template('A VPC', 'us-east-1a', 'us-east-1a', { tags })), [4], tags);
    }
    for (const type of ['AWS::EKS::Cluster', 'AWS::EKS::Nodegroup', 'AWS::EKS::FargateProfile']) {
      assert.deepEqual(lines(template('A VPC', 'us-east-1a', 'us-east-1a', { extra: [`  Eks: {Type: ${type}, Properties: {}}`] })), [4], type);
    }
  });

  it('other tags are not evidence', () => {
    assert.deepEqual(lines(template('A VPC', 'us-east-1a', 'us-east-1a', { tags: '{Key: Name, Value: eks-subnet}, {Key: kubernetes.io/roles, Value: x}' })), []);
  });

  it('two subnets written in the same zone count once, by name or by zone ID', () => {
    const byId = template('A VPC', 'us-east-1a', 'us-east-1a', { tags: elbTag }).replaceAll('AvailabilityZone: us-east-1a', 'AvailabilityZoneId: use1-az1');
    const found = runRule(rule, { text: byId });
    assert.equal(found.length, 1);
    assert.match(found[0].message, /^All 2 subnets are in use1-az1\./);
    assert.deepEqual(lines(template('A VPC', 'us-east-1a', 'us-east-1b', { tags: elbTag })), []);
  });

  it('a placeholder zone in a parameter default is no zone: not judged', () => {
    const text = ['Parameters:', '  ZoneA: {Type: String, Default: "<az>"}', '  ZoneB: {Type: String, Default: "<az>"}', template('A VPC', '!Ref ZoneA', '!Ref ZoneB', { tags: elbTag })].join('\n');
    assert.deepEqual(lines(text), []);
  });

  it('is silent for two zones and for Outposts subnets', () => {
    assert.deepEqual(runRule(rule, { text: template('A VPC', "!Select [0, !GetAZs '']", "!Select [1, !GetAZs '']", { tags: elbTag }) }), []);
    assert.deepEqual(
      runRule(rule, {
        text: template('Amazon EKS local cluster VPC', 'us-west-2a', 'us-west-2a', { tags: elbTag, subnetExtra: ', OutpostArn: arn:aws:outposts:us-west-2:111122223333:outpost/op-0abcd' }),
      }),
      [],
    );
    assert.deepEqual(runRule(rule, { text: template('EKS', 'us-east-1a', '!Ref SubnetZone', { tags: elbTag }) }), []);
  });
});
