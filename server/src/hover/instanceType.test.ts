import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { yaml } from '../../../test/support/ruleTester';
import { hoverAt } from './index';
import { instanceTypeHover, isInstanceTypePlace } from './instanceType';
import { placeAt } from '../model/locate';
import { buildFileModel } from '../formats';
import { LIMITS_GENERATED_AT } from '../network/instanceTypes';

/** The offset of the middle of the `nth` (0-based) occurrence of `target` after `after`. */
function offsetOf(text: string, target: string, after = '', nth = 0): number {
  let at = text.indexOf(target, after ? text.indexOf(after) : 0);
  for (let i = 0; i < nth; i++) at = text.indexOf(target, at + 1);
  assert.ok(at >= 0, `${target} is not in the text`);
  return at + Math.floor(target.length / 2);
}

/** The place under the cursor in the middle of `target`. */
function placeOf(text: string, target: string, after = '') {
  const place = placeAt(buildFileModel({ uri: 'file.yaml', text }), offsetOf(text, target, after));
  assert.ok(place, `no place at ${target}`);
  return place;
}

/** The instance-type hover at `target`, with the backslash escapes resolved as the editor shows them. */
function hover(text: string, target: string, after = ''): string | undefined {
  return instanceTypeHover(placeOf(text, target, after))?.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

const EKSCTL_HEAD = ['apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata: {name: prod, region: us-west-2}'];
const eksctl = (...lines: string[]) => yaml(...EKSCTL_HEAD, ...lines);
const managed = (type: string) => eksctl('managedNodeGroups:', '  - name: workers', `    instanceType: ${type}`);

const EKSCTL = eksctl(
  'nodeGroups:',
  '  - name: self',
  '    instanceType: c5.xlarge',
  '    labels: {instanceType: m6i.large}',
  '  - name: spot',
  '    instanceType: mixed',
  '    instancesDistribution:',
  '      instanceTypes: [m5a.large, m5d.large]',
  '    instanceTypes: [r5.large]',
  'managedNodeGroups:',
  '  - name: workers',
  '    instanceType: m5.large',
  '  - name: many',
  '    instanceTypes:',
  '      - c6i.large',
  '      - c6a.large',
);

const CFN = yaml(
  'Resources:',
  '  Nodes:',
  '    Type: AWS::EKS::Nodegroup',
  '    Properties:',
  '      InstanceTypes: [m6g.large, m7g.large]',
  '  Template:',
  '    Type: AWS::EC2::LaunchTemplate',
  '    Properties:',
  '      LaunchTemplateData:',
  '        InstanceType: c7i.large',
  '  FromParameter:',
  '    Type: AWS::EC2::LaunchTemplate',
  '    Properties:',
  '      LaunchTemplateData:',
  '        InstanceType: !Ref NodeType',
  '  Other:',
  '    Type: AWS::Custom::Thing',
  '    Properties:',
  '      InstanceTypes: [r6i.large]',
  '      LaunchTemplateData: {InstanceType: r7i.large}',
);

const nodePool = (requirements: string[], apiVersion = 'karpenter.sh/v1', kind = 'NodePool') =>
  yaml(`apiVersion: ${apiVersion}`, `kind: ${kind}`, 'metadata: {name: default}', 'spec:', '  template:', '    spec:', '      requirements:', ...requirements.map((r) => `        ${r}`));

const KARPENTER = nodePool([
  '- key: karpenter.k8s.aws/instance-family',
  '  operator: In',
  '  values: [m5.large]',
  '- key: node.kubernetes.io/instance-type',
  '  operator: In',
  '  values: [c5.large, c5.2xlarge]',
  '- key: node.kubernetes.io/instance-type',
  '  operator: NotIn',
  '  values: [t3.nano]',
]);

describe('instance type hover: where it appears', () => {
  it('eksctl: instanceType in nodeGroups and managedNodeGroups, instanceTypes of managed groups and of an instances distribution', () => {
    for (const type of ['c5.xlarge', 'm5a.large', 'm5d.large', 'm5.large', 'c6i.large', 'c6a.large']) {
      assert.match(hover(EKSCTL, type) ?? '', new RegExp(`^\\*\\*${type.replace('.', '\\.')}\\*\\* · EC2 instance type`), type);
    }
  });

  it('eksctl: not on a label that looks like one, nor on a key eksctl does not have, nor on `mixed`', () => {
    assert.equal(hover(EKSCTL, 'm6i.large'), undefined, 'labels.instanceType');
    assert.equal(hover(EKSCTL, 'r5.large'), undefined, 'nodeGroups[].instanceTypes is not an eksctl field');
    assert.equal(hover(EKSCTL, 'mixed'), undefined);
    assert.equal(isInstanceTypePlace(placeOf(EKSCTL, 'instanceType', 'name: workers')), false, 'the key itself');
  });

  it('CloudFormation: a managed node group’s InstanceTypes and a launch template’s InstanceType', () => {
    for (const type of ['m6g.large', 'm7g.large', 'c7i.large']) assert.match(hover(CFN, type) ?? '', /EC2 instance type/, type);
    assert.equal(hover(CFN, 'NodeType'), undefined, '!Ref names a parameter');
    assert.equal(hover(CFN, 'r6i.large'), undefined, 'same key in another resource type');
    assert.equal(hover(CFN, 'r7i.large'), undefined, 'same path in another resource type');
  });

  it('CloudFormation in JSON', () => {
    const json = JSON.stringify({ Resources: { Nodes: { Type: 'AWS::EKS::Nodegroup', Properties: { InstanceTypes: ['m5.large'] } } } }, null, 2);
    const md = instanceTypeHover(placeAt(buildFileModel({ uri: 'file.json', text: json }), offsetOf(json, 'm5.large'))!);
    assert.match(md ?? '', /^\*\*m5\\\.large\*\*/);
  });

  it('Karpenter: each value of an `In` requirement on node.kubernetes.io/instance-type, and nothing else', () => {
    assert.match(hover(KARPENTER, 'c5.large') ?? '', /EC2 instance type/);
    assert.match(hover(KARPENTER, 'c5.2xlarge') ?? '', /\*\*c5\.2xlarge\*\*/);
    assert.equal(hover(KARPENTER, 'm5.large'), undefined, 'another label');
    assert.equal(hover(KARPENTER, 't3.nano'), undefined, 'NotIn');
    const v1beta1 = nodePool(['- key: node.kubernetes.io/instance-type', '  operator: In', '  values: [c5.large]'], 'karpenter.sh/v1beta1');
    assert.match(hover(v1beta1, 'c5.large') ?? '', /EC2 instance type/, 'v1beta1 has the same path');
    const other = nodePool(['- key: node.kubernetes.io/instance-type', '  operator: In', '  values: [c5.large]'], 'example.com/v1', 'NodePool');
    assert.equal(hover(other, 'c5.large'), undefined, 'a NodePool of another API group');
  });

  it('is wired into hoverAt after addresses and before the glossary', () => {
    const file = buildFileModel({ uri: 'file.yaml', text: managed('m5.large') });
    const result = hoverAt(file, offsetOf(file.text, 'm5.large'));
    assert.match(result?.markdown ?? '', /^\*\*m5\\\.large\*\*/);
    const start = file.text.indexOf('m5.large');
    assert.deepEqual(result?.range, file.lines.rangeOf(start, start + 'm5.large'.length));
    // The key is still the glossary's (or nothing): the instance hover answers only on values.
    assert.doesNotMatch(hoverAt(file, offsetOf(file.text, 'instanceType'))?.markdown ?? '', /EC2 instance type/);
  });
});

describe('instance type hover: figures', () => {
  it('m5.large: 2 vCPUs, Nitro, 3 ENIs × 10; 29, 434 → 110, 20, 9 branch ENIs; 30 and 113 addresses', () => {
    const md = hover(managed('m5.large'), 'm5.large')!;
    assert.match(md, /^\*\*m5\.large\*\* · EC2 instance type · 2 vCPUs · Nitro\n/);
    assert.match(md, /\n3 ENIs × 10 IPv4 addresses each\.\n/);
    assert.match(md, /\| Secondary IP \(default\) \| 29 · EKS recommends 29 \|/);
    assert.match(md, /\| Prefix delegation \| 434 · EKS recommends 110 \|/);
    assert.match(md, /\| Custom networking \| 20 · EKS recommends 20 \|/);
    assert.match(md, /\| Security groups for pods \| 9 pods with their own security groups \(branch ENIs\) \|/);
    // docs/pod-capacity.md section 2: 3 interfaces + 27 secondaries; 1 interface + 7 /28 prefixes.
    assert.match(md, /secondary IP at 29 pods: \*\*30\*\* \(3 ENIs, 27 secondary IPs\)/);
    assert.match(md, /prefix delegation at 110 pods: \*\*113\*\* \(1 ENI, 7 \/28 prefixes of 16 addresses/);
    assert.match(md, /WARM_ENI_TARGET=1, WARM_PREFIX_TARGET=1\); the hover does not read your CNI settings/);
    assert.ok(md.includes(LIMITS_GENERATED_AT.slice(0, 10)));
    assert.doesNotMatch(md, /network card/, 'one card');
  });

  it('m4.large (Xen): prefix delegation not available, and no prefix figure', () => {
    const md = hover(managed('m4.large'), 'm4.large')!;
    assert.match(md, /· 2 vCPUs · not Nitro \(Xen\)/);
    assert.match(md, /\| Prefix delegation \| not available: not Nitro \|/);
    assert.match(md, /\| Secondary IP \(default\) \| 20 · EKS recommends 20 \|/);
    assert.match(md, /\| Custom networking \| 11 · /);
    assert.match(md, /\| Security groups for pods \| not supported/);
    assert.match(md, /secondary IP at 20 pods: \*\*20\*\* \(2 ENIs, 18 secondary IPs\)\./);
    assert.doesNotMatch(md, /prefix delegation at/);
  });

  it('p5.48xlarge: the default card’s 2 ENIs, and the number of cards', () => {
    const md = hover(managed('p5.48xlarge'), 'p5.48xlarge')!;
    assert.match(md, /· 192 vCPUs · Nitro/);
    assert.match(md, /2 ENIs × 50 IPv4 addresses each on the default network card \(the type has 32 cards;/);
    assert.match(md, /\| Secondary IP \(default\) \| 100 · EKS recommends 100 \|/);
    assert.match(md, /\| Prefix delegation \| 1,570 · EKS recommends 250 \|/);
    assert.match(md, /\| Security groups for pods \| 120 pods/);
  });

  it('m5.24xlarge: the 250 ceiling above 30 vCPUs, in every mode', () => {
    const md = hover(managed('m5.24xlarge'), 'm5.24xlarge')!;
    assert.match(md, /\| Secondary IP \(default\) \| 737 · EKS recommends 250 \|/);
    assert.match(md, /\| Prefix delegation \| 11,762 · EKS recommends 250 \|/);
    assert.match(md, /\| Custom networking \| 688 · EKS recommends 250 \|/);
  });

  it('t3.medium: security groups for pods not supported', () => {
    const md = hover(managed('t3.medium'), 't3.medium')!;
    assert.match(md, /\| Secondary IP \(default\) \| 17 · /);
    assert.match(md, /\| Security groups for pods \| not supported: no trunk ENI on this type \|/);
  });

  it('bare metal counts as able to use prefix delegation', () => {
    const md = hover(managed('c5.metal'), 'c5.metal')!;
    assert.match(md, /· bare metal \(Nitro system\)/);
    assert.match(md, /\| Prefix delegation \| 11,762 · /);
  });

  it('a type whose vCPUs the table lacks has no recommendation, and prefix figures at the uncapped max', () => {
    const md = hover(managed('c7g-flex.large'), 'c7g-flex.large')!;
    assert.match(md, /· vCPUs unknown ·/);
    assert.match(md, /\| Secondary IP \(default\) \| \d+ · no EKS recommendation \(vCPUs unknown\) \|/);
  });
});

describe('instance type hover: values that are not a known type', () => {
  it('a name that looks like a type but is not in the table says so, with the table’s date', () => {
    const md = hover(managed('m99q.large'), 'm99q.large')!;
    assert.equal(
      md,
      `**m99q.large** · EC2 instance type\n\nNot in eks-lens's instance-type table (generated ${LIMITS_GENERATED_AT.slice(0, 10)}): its network limits are unknown. It may be newer than the table, or misspelt.`,
    );
  });

  it('a name in capitals is looked up as written: not in the table', () => {
    assert.match(hover(managed('M5.Large'), 'M5.Large') ?? '', /^\*\*M5\.Large\*\* · EC2 instance type\n\nNot in eks-lens's instance-type table/);
  });

  it('other unknown values give no instance hover', () => {
    for (const value of ['large', 'm5', 'm5.huge', 'default', '"m5.large "', '" m5.large"']) assert.equal(hover(managed(value), value), undefined, value);
  });

  it('Helm and shell template values give no instance hover (and fall through)', () => {
    for (const value of ['"{{ .Values.instanceType }}"', '"${INSTANCE_TYPE}"', '"m5.{{ .Values.size }}"', '"${Family}.large"']) {
      assert.equal(hover(managed(value), value), undefined, value);
    }
  });

  it('odd text never reaches the Markdown unescaped', () => {
    const raw = (value: string) => instanceTypeHover(placeOf(managed(value), value));
    assert.equal(raw('"[m5.large](https://evil.example)"'), undefined);
    assert.equal(raw('"<img src=x>.large"'), undefined);
    const md = raw('u-99tb1.metal')!;
    assert.ok(md.startsWith('**u\\-99tb1\\.metal** · EC2 instance type'), md);
    assert.ok(raw('m5.large')!.startsWith('**m5\\.large**'));
  });
});
