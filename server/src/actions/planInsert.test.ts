import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeConfig } from '../engine/config';
import { checkFile, type Finding } from '../engine/run';
import { allRules } from '../rules/index';
import { type FileModel, type StreamDocument } from '../model/document';
import { applyEdits } from '../model/edits';
import { planInsertion, type PlanInsertOptions } from './planInsert';
import { planSubnets, type PlanRequest, type PlannedSubnet } from './planner';
import { buildFileModel, networkOf } from '../formats';

const yaml = (...lines: string[]) => lines.join('\n') + '\n';
const WEST = ['us-west-2a', 'us-west-2b', 'us-west-2c'];

function plan(...requests: PlanRequest[]): PlannedSubnet[] {
  return requests.flatMap((req) => {
    const result = planSubnets(req);
    assert.ok(result.ok, result.ok ? '' : result.reason);
    return result.subnets;
  });
}

function modelOf(text: string, uri = 'file.yaml'): { file: FileModel; doc: StreamDocument } {
  const file = buildFileModel({ uri, text });
  const doc = file.documents.find((d) => d.kind === 'cloudformation' || d.kind === 'eksctl') ?? file.documents[0];
  return { file, doc };
}

// The rules a planned layout must pass: blocks inside the VPC, clear of each other, of a size AWS
// allows, written as network addresses, in two zones or more, in the cluster's region.
const PLANNER_RULES = ['subnet-overlap', 'subnet-outside-vpc', 'subnet-prefix', 'cidr-host-bits', 'subnet-az-count', 'subnet-az-region', 'cidr-syntax'];
const key = (f: Finding) => `${f.severity} ${f.code} ${f.message}`;

/** Applies the insertion, compares the whole text, then re-parses and runs every rule on it. */
function assertInserted(text: string, subnets: PlannedSubnet[], output: string, options?: PlanInsertOptions & { uri?: string }): void {
  const { file, doc } = modelOf(text, options?.uri);
  const result = planInsertion(file, doc, subnets, options);
  assert.ok('edits' in result, 'reason' in result ? result.reason : '');
  const after = applyEdits(text, result.edits);
  assert.equal(after, output);

  const config = mergeConfig();
  const before = checkFile(file, { rules: allRules, config });
  const model = modelOf(after, options?.uri);
  assert.deepEqual(
    model.file.documents.flatMap((d) => d.syntaxErrors.map((e) => e.message)),
    [],
    'the result parses',
  );
  assert.equal(model.doc.kind, doc.kind);
  const findings = checkFile(model.file, { rules: allRules, config });
  assert.deepEqual(findings.filter((f) => PLANNER_RULES.includes(f.code)).map(key), [], 'the planned subnets pass the subnet rules');
  // The fixtures are clean to begin with (an informational finding at most), so nothing may appear.
  assert.deepEqual(before.filter((f) => f.severity === 'error' || f.severity === 'warning').map(key), [], 'the fixture is clean');
  const earlier = new Set(before.map(key));
  assert.deepEqual(findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && !earlier.has(key(f))).map(key), [], 'no new error or warning');
  // Every planned block is read back as a subnet, with its zone.
  const read = networkOf(model.doc)
    .vpcs.flatMap((v) => v.subnets)
    .map((s) => `${s.cidr?.cidr.text} ${s.az}`);
  for (const s of subnets) assert.ok(read.includes(`${s.cidr} ${s.az}`), `${s.cidr} in ${s.az} is read back`);
}

function assertRefused(text: string, subnets: PlannedSubnet[], reason: RegExp, options?: PlanInsertOptions & { uri?: string }): void {
  const { file, doc } = modelOf(text, options?.uri);
  const result = planInsertion(file, doc, subnets, options);
  assert.ok('reason' in result, 'expected a reason, got edits');
  assert.match(result.reason, reason);
}

// ---------------------------------------------------------------------------------------------

const CFN_COMMENTED = yaml(
  'AWSTemplateFormatVersion: "2010-09-09"',
  "Description: Shared network   # the cluster's VPC",
  '',
  'Resources:',
  '  # The VPC itself.',
  '  Vpc:',
  '    Type: AWS::EC2::VPC',
  '    Properties:',
  '      CidrBlock: 10.0.0.0/16   # room for three zones',
  '      Tags:',
  '        - Key: Name',
  '          Value: "eks-vpc"',
  '',
  '  PublicSubnetA:',
  '    Type: AWS::EC2::Subnet',
  '    Properties:',
  '      VpcId: !Ref Vpc',
  '      CidrBlock: 10.0.0.0/24',
  '      AvailabilityZone: us-west-2a',
  '  # trailing comment about outputs',
  '',
  'Outputs:',
  '  VpcId:',
  '    Value: !Ref Vpc',
);

function cfnSubnet(indent: string, unit: string, seq: string, q: string, id: string, vpc: string, cidr: string, az: string, tier: 'public' | 'private' | 'vpn', dependsOn?: string): string[] {
  const p = indent + unit + unit;
  const item = p + seq;
  return [
    `${indent}${id}:`,
    `${indent}${unit}Type: AWS::EC2::Subnet`,
    ...(dependsOn ? [`${indent}${unit}DependsOn: ${dependsOn}`] : []),
    `${indent}${unit}Properties:`,
    `${p}VpcId: !Ref ${vpc}`,
    `${p}CidrBlock: ${cidr}`,
    `${p}AvailabilityZone: ${az}`,
    ...(tier === 'public' ? [`${p}MapPublicIpOnLaunch: true`] : []),
    `${p}Tags:`,
    `${item}- Key: Name`,
    `${item}  Value: !Sub ${q}\${AWS::StackName}-${tier}-${az}${q}`,
    ...(tier === 'public' ? [`${item}- Key: kubernetes.io/role/elb`, `${item}  Value: ${q}1${q}`] : []),
    ...(tier === 'private' ? [`${item}- Key: kubernetes.io/role/internal-elb`, `${item}  Value: ${q}1${q}`] : []),
  ];
}

describe('planInsertion: CloudFormation', () => {
  it('appends subnets after the last resource, in the file style, numbering an ID already used', () => {
    const subnets = plan({ vpc: '10.0.0.0/16', azs: WEST, tiers: ['public', 'private'], taken: ['10.0.0.0/24'] });
    const s = (id: string, cidr: string, az: string, tier: 'public' | 'private') => ['', ...cfnSubnet('  ', '  ', '  ', '"', id, 'Vpc', cidr, az, tier)];
    assertInserted(
      CFN_COMMENTED,
      subnets,
      yaml(
        ...CFN_COMMENTED.split('\n').slice(0, 19),
        ...s('PublicSubnetA2', '10.0.8.0/21', 'us-west-2a', 'public'),
        ...s('PublicSubnetB', '10.0.16.0/21', 'us-west-2b', 'public'),
        ...s('PublicSubnetC', '10.0.24.0/21', 'us-west-2c', 'public'),
        ...s('PrivateSubnetA', '10.0.32.0/19', 'us-west-2a', 'private'),
        ...s('PrivateSubnetB', '10.0.64.0/19', 'us-west-2b', 'private'),
        ...s('PrivateSubnetC', '10.0.96.0/19', 'us-west-2c', 'private'),
        '  # trailing comment about outputs',
        '',
        'Outputs:',
        '  VpcId:',
        '    Value: !Ref Vpc',
      ),
    );
  });

  it('the exact text of one inserted resource', () => {
    const text = yaml('Resources:', '  Vpc:', '    Type: AWS::EC2::VPC', '    Properties:', '      CidrBlock: 10.0.0.0/16');
    assertInserted(
      text,
      [
        { az: 'us-west-2a', tier: 'public', cidr: '10.0.0.0/20', usable: 4091 },
        { az: 'us-west-2b', tier: 'vpn', cidr: '10.0.16.0/24', usable: 251 },
      ],
      yaml(
        'Resources:',
        '  Vpc:',
        '    Type: AWS::EC2::VPC',
        '    Properties:',
        '      CidrBlock: 10.0.0.0/16',
        '  PublicSubnetA:',
        '    Type: AWS::EC2::Subnet',
        '    Properties:',
        '      VpcId: !Ref Vpc',
        '      CidrBlock: 10.0.0.0/20',
        '      AvailabilityZone: us-west-2a',
        '      MapPublicIpOnLaunch: true',
        '      Tags:',
        '        - Key: Name',
        '          Value: !Sub "${AWS::StackName}-public-us-west-2a"',
        '        - Key: kubernetes.io/role/elb',
        '          Value: "1"',
        '  VpnSubnetB:',
        '    Type: AWS::EC2::Subnet',
        '    Properties:',
        '      VpcId: !Ref Vpc',
        '      CidrBlock: 10.0.16.0/24',
        '      AvailabilityZone: us-west-2b',
        '      Tags:',
        '        - Key: Name',
        '          Value: !Sub "${AWS::StackName}-vpn-us-west-2b"',
      ),
    );
  });

  it('4-space indentation, sequences at their key, single quotes, the VPC named, a secondary block, no final newline', () => {
    const head = [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Resources:',
      '    Shared:',
      '        Type: AWS::EC2::VPC',
      '        Properties:',
      '            CidrBlock: 10.10.0.0/16',
      '    Cluster:',
      '        Type: AWS::EC2::VPC',
      '        Properties:',
      '            CidrBlock: 10.20.0.0/20',
      '            Tags:',
      '            - Key: Name',
      "              Value: 'cluster'",
      '    ClusterPods:',
      '        Type: AWS::EC2::VPCCidrBlock',
      '        Properties:',
      '            VpcId: !Ref Cluster',
      '            CidrBlock: 100.64.0.0/16   # pods',
    ];
    const azs = ['us-east-1a', 'us-east-1b'];
    const subnets = plan({ vpc: '10.20.0.0/20', azs, tiers: ['public'] }, { vpc: '100.64.0.0/16', azs, tiers: ['private'], prefixes: { private: 17 } });
    const s = (id: string, cidr: string, az: string, tier: 'public' | 'private', dependsOn?: string) => cfnSubnet('    ', '    ', '', "'", id, 'Cluster', cidr, az, tier, dependsOn);
    assertInserted(
      head.join('\n'),
      subnets,
      yaml(
        ...head,
        // A /20 in two zones: public subnets are /24 (private would be /22).
        ...s('PublicSubnetA', '10.20.0.0/24', 'us-east-1a', 'public'),
        ...s('PublicSubnetB', '10.20.1.0/24', 'us-east-1b', 'public'),
        ...s('PrivateSubnetA', '100.64.0.0/17', 'us-east-1a', 'private', 'ClusterPods'),
        ...s('PrivateSubnetB', '100.64.128.0/17', 'us-east-1b', 'private', 'ClusterPods'),
      ),
      { vpcLogicalId: 'Cluster' },
    );
  });

  it('keeps CRLF line endings and a stream of several documents', () => {
    const first = 'apiVersion: v1\r\nkind: Namespace\r\nmetadata: {name: net}\r\n---\r\n';
    const text = `${first}Resources:\r\n  Vpc:\r\n    Type: AWS::EC2::VPC\r\n    Properties: {CidrBlock: 10.1.0.0/24}\r\n---\r\nkind: Other\r\n`;
    const subnets: PlannedSubnet[] = [{ az: 'eu-west-1a', tier: 'vpn', cidr: '10.1.0.0/28', usable: 11 }];
    assertInserted(
      text,
      subnets,
      `${first}Resources:\r\n  Vpc:\r\n    Type: AWS::EC2::VPC\r\n    Properties: {CidrBlock: 10.1.0.0/24}\r\n` +
        '  VpnSubnetA:\r\n    Type: AWS::EC2::Subnet\r\n    Properties:\r\n      VpcId: !Ref Vpc\r\n      CidrBlock: 10.1.0.0/28\r\n      AvailabilityZone: eu-west-1a\r\n' +
        '      Tags:\r\n        - Key: Name\r\n          Value: !Sub "${AWS::StackName}-vpn-eu-west-1a"\r\n' +
        '---\r\nkind: Other\r\n',
    );
  });

  it('refuses JSON templates and flow-style Resources', () => {
    const subnets = plan({ vpc: '10.0.0.0/16', azs: WEST, tiers: ['private'] });
    assertRefused('{"Resources": {"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}}}}\n', subnets, /^JSON templates are not supported by the planner yet\.$/, {
      uri: 't.json',
    });
    assertRefused(yaml('AWSTemplateFormatVersion: "2010-09-09"', 'Resources: {Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}}'), subnets, /flow style/);
  });

  it('refuses when the VPC cannot be found or its CIDR is not literal', () => {
    const subnets = plan({ vpc: '10.0.0.0/16', azs: WEST, tiers: ['private'] });
    const param = yaml('Parameters:', '  Cidr: {Type: String}', 'Resources:', '  Vpc:', '    Type: AWS::EC2::VPC', '    Properties:', '      CidrBlock: !Ref Cidr');
    assertRefused(param, subnets, /no AWS::EC2::VPC resource with a literal CidrBlock/);
    assertRefused(param, subnets, /The CidrBlock of VPC Vpc is not a literal CIDR/, { vpcLogicalId: 'Vpc' });
    assertRefused(yaml('Resources:', '  Vpc:', '    Type: AWS::EC2::VPC', '    Properties:', '      CidrBlock: 10.0.0.0/16'), subnets, /no AWS::EC2::VPC resource named Main/, {
      vpcLogicalId: 'Main',
    });
  });

  it('refuses a plan outside the VPC, over an existing subnet, or beside a subnet whose block is computed', () => {
    const vpc = ['Resources:', '  Vpc:', '    Type: AWS::EC2::VPC', '    Properties:', '      CidrBlock: 10.0.0.0/16'];
    const subnets = plan({ vpc: '10.0.0.0/16', azs: WEST, tiers: ['private'] });
    assertRefused(yaml(...vpc), plan({ vpc: '10.1.0.0/16', azs: WEST, tiers: ['private'] }), /Planned subnet 10\.1\.0\.0\/19 is not inside VPC Vpc's block 10\.0\.0\.0\/16/);
    const existing = ['  Old:', '    Type: AWS::EC2::Subnet', '    Properties:', '      VpcId: !Ref Vpc'];
    assertRefused(yaml(...vpc, ...existing, '      CidrBlock: 10.0.40.0/24'), subnets, /Planned subnet 10\.0\.32\.0\/19 overlaps subnet Old \(10\.0\.40\.0\/24\)/);
    assertRefused(yaml(...vpc, ...existing, '      CidrBlock: !ImportValue shared-subnet-cidr'), subnets, /Subnet Old of VPC Vpc has a CidrBlock that cannot be resolved/);
    assertRefused(yaml(...vpc), [...subnets, { ...subnets[0], az: 'us-west-2d' }], /Planned blocks 10\.0\.0\.0\/19 and 10\.0\.0\.0\/19 overlap/);
    assertRefused(yaml(...vpc), [{ ...subnets[0], cidr: '10.0.0.1/19' }], /host bits set/);
  });
});

// ---------------------------------------------------------------------------------------------

const EKSCTL_EXISTING = [
  'apiVersion: eksctl.io/v1alpha5',
  'kind: ClusterConfig',
  'metadata:',
  '  name: prod',
  '  region: us-west-2',
  'vpc:',
  '  id: vpc-0abc1234   # the shared network account',
  '  cidr: 10.0.0.0/16',
  '  clusterEndpoints: {publicAccess: false, privateAccess: true}',
  '  # more settings later',
  'managedNodeGroups:',
  '  - name: ng',
  '    instanceType: m6i.large',
  '    maxSize: 3',
  '    privateNetworking: true',
];

describe('planInsertion: eksctl', () => {
  it('adds vpc.subnets under an existing block-style vpc, with the file style of flow braces', () => {
    const subnets = plan({ vpc: '10.0.0.0/16', azs: WEST, tiers: ['private', 'public'] });
    assertInserted(
      yaml(...EKSCTL_EXISTING),
      subnets,
      yaml(
        ...EKSCTL_EXISTING.slice(0, 9),
        '  subnets:',
        '    private:',
        '      us-west-2a: {cidr: 10.0.0.0/19}',
        '      us-west-2b: {cidr: 10.0.32.0/19}',
        '      us-west-2c: {cidr: 10.0.64.0/19}',
        '    public:',
        '      us-west-2a: {cidr: 10.0.96.0/21}',
        '      us-west-2b: {cidr: 10.0.104.0/21}',
        '      us-west-2c: {cidr: 10.0.112.0/21}',
        ...EKSCTL_EXISTING.slice(9),
      ),
    );
  });

  it('in the second document of a stream, 4-space indentation, spaced braces, the last vpc entry a list', () => {
    const ns = yaml('apiVersion: v1', 'kind: Namespace', 'metadata: { name: tools }');
    const cluster = [
      'apiVersion: eksctl.io/v1alpha5',
      'kind: ClusterConfig',
      'metadata:',
      '    name: tools',
      '    region: eu-central-1',
      'availabilityZones: [eu-central-1a, eu-central-1b]',
      'vpc:',
      '    id: vpc-1',
      '    cidr: 172.31.0.0/16',
      '    clusterEndpoints: { publicAccess: false, privateAccess: true }',
      '    publicAccessCIDRs:',
      '        - 203.0.113.0/24',
    ];
    const subnets = plan({ vpc: '172.31.0.0/16', azs: ['eu-central-1a', 'eu-central-1b'], tiers: ['public', 'private'], taken: ['172.31.0.0/18'] });
    assertInserted(
      `${ns}---\n${yaml(...cluster)}`,
      subnets,
      `${ns}---\n` +
        yaml(
          ...cluster,
          '    subnets:',
          '        public:',
          '            eu-central-1a: { cidr: 172.31.192.0/20 }',
          '            eu-central-1b: { cidr: 172.31.208.0/20 }',
          '        private:',
          '            eu-central-1a: { cidr: 172.31.64.0/18 }',
          '            eu-central-1b: { cidr: 172.31.128.0/18 }',
        ),
    );
  });

  it('with no vpc, adds one at the end of the document with the block planned in', () => {
    const head = [
      'apiVersion: eksctl.io/v1alpha5',
      'kind: ClusterConfig',
      '',
      'metadata:',
      '    name: fresh',
      '    region: us-west-2',
      '',
      '# nodes',
      'nodeGroups:',
      '    - name: ng',
      '      desiredCapacity: 2',
    ];
    const subnets = plan({ vpc: '192.168.0.0/16', azs: ['us-west-2a', 'us-west-2b'], tiers: ['public', 'private'] });
    const expected = yaml(
      ...head,
      '',
      'vpc:',
      '    cidr: 192.168.0.0/16',
      '    subnets:',
      '        public:',
      '            us-west-2a: { cidr: 192.168.128.0/20 }',
      '            us-west-2b: { cidr: 192.168.144.0/20 }',
      '        private:',
      '            us-west-2a: { cidr: 192.168.0.0/18 }',
      '            us-west-2b: { cidr: 192.168.64.0/18 }',
    );
    // eksctl's own default block when the caller names none.
    assertInserted(yaml(...head), subnets, expected);
    assertInserted(
      yaml(...head),
      plan({ vpc: '10.8.0.0/20', azs: ['us-west-2a', 'us-west-2b'], tiers: ['private'] }),
      yaml(...head, '', 'vpc:', '    cidr: 10.8.0.0/20', '    subnets:', '        private:', '            us-west-2a: { cidr: 10.8.0.0/22 }', '            us-west-2b: { cidr: 10.8.4.0/22 }'),
      { vpcCidr: '10.8.0.0/20' },
    );
  });

  it('refuses a vpn tier, existing subnets, a flow-style vpc, and a vpc.cidr the plan is not in', () => {
    const subnets = plan({ vpc: '10.0.0.0/16', azs: WEST, tiers: ['private'] });
    assertRefused(yaml(...EKSCTL_EXISTING), plan({ vpc: '10.0.0.0/16', azs: WEST, tiers: ['private', 'vpn'] }), /eksctl has no VPN-only subnet tier/);
    assertRefused(yaml(...EKSCTL_EXISTING.slice(0, 9), '  subnets:', '    private:', '      us-west-2a: {id: subnet-1}'), subnets, /vpc\.subnets is already written/);
    assertRefused(yaml(...EKSCTL_EXISTING.slice(0, 5), 'vpc: {id: vpc-1, cidr: 10.0.0.0/16}'), subnets, /vpc is not written as a block mapping/);
    assertRefused(yaml(...EKSCTL_EXISTING), plan({ vpc: '10.9.0.0/16', azs: WEST, tiers: ['private'] }), /Planned subnet 10\.9\.0\.0\/19 is not inside the VPC's block 10\.0\.0\.0\/16/);
    assertRefused(yaml(...EKSCTL_EXISTING.slice(0, 5)), subnets, /Planned subnet 10\.0\.0\.0\/19 is not inside the VPC's block 192\.168\.0\.0\/16/);
  });

  it('refuses zones outside the region or the listed zones, and a single zone', () => {
    assertRefused(yaml(...EKSCTL_EXISTING), plan({ vpc: '10.0.0.0/16', azs: ['us-east-1a', 'us-east-1b'], tiers: ['private'] }), /us-east-1a is not in us-west-2, the cluster's region/);
    assertRefused(yaml(...EKSCTL_EXISTING), plan({ vpc: '10.0.0.0/16', azs: ['us-west-2a'], tiers: ['private', 'public'] }), /at least two Availability Zones/);
    assertRefused(
      yaml(...EKSCTL_EXISTING, 'availabilityZones: [us-west-2a, us-west-2b]'),
      plan({ vpc: '10.0.0.0/16', azs: WEST, tiers: ['private'] }),
      /us-west-2c is not one of the cluster's availabilityZones \(us-west-2a, us-west-2b\)/,
    );
    assertRefused(yaml(...EKSCTL_EXISTING), plan({ vpc: '10.0.0.0/16', azs: ['usw2-az1', 'usw2-az2'], tiers: ['private'] }), /usw2-az1 is not a zone name/);
  });

  it('refuses other documents', () => {
    assertRefused(
      yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: x}'),
      plan({ vpc: '10.0.0.0/16', azs: WEST, tiers: ['private'] }),
      /eksctl ClusterConfig or a CloudFormation template only/,
    );
  });
});
