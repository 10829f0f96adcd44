// Hover over the protocol: a real dist/server.js answers textDocument/hover in each kind of file
// (addresses, instance types, glossary terms), and the docs page lists every glossary term as the
// data defines it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { GLOSSARY } from '../server/src/hover/glossary/index';
import { glossaryMarkdown } from '../server/src/hover/glossary/describe';
import { TestClient } from './support/lspClient';

/** The position of the middle of the first occurrence of `target` (after `after`, when given). */
function positionOf(text: string, target: string, after = ''): { line: number; character: number } {
  const at = text.indexOf(target, after ? text.indexOf(after) : 0) + Math.floor(target.length / 2);
  const before = text.slice(0, at).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const EKSCTL = [
  'apiVersion: eksctl.io/v1alpha5',
  'kind: ClusterConfig',
  'metadata: {name: prod, region: us-west-2}',
  'vpc:',
  '  cidr: 10.0.0.0/16',
  '  nat:',
  '    gateway: HighlyAvailable',
  'managedNodeGroups:',
  '  - name: workers',
  '    privateNetworking: true',
  '    instanceType: m5.large',
  '',
].join('\n');

const CFN = ['Resources:', '  Igw:', '    Type: AWS::EC2::InternetGateway', '  Subnet:', '    Type: AWS::EC2::Subnet', '    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/28}', ''].join('\n');

const K8S = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: etcd}',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: etcd',
  '          image: public.ecr.aws/nginx/nginx:1.27',
  '---',
  'apiVersion: networking.k8s.io/v1',
  'kind: NetworkPolicy',
  'metadata: {name: np}',
  'spec:',
  '  podSelector: {}',
  '  ingress: []',
  '---',
  'apiVersion: networking.k8s.io/v1',
  'kind: Ingress',
  'metadata: {name: web}',
  '',
].join('\n');

describe('hover over the protocol', () => {
  let client: TestClient;
  before(async () => {
    client = new TestClient();
    const result = await client.initialize();
    assert.equal(result.capabilities.hoverProvider, true);
    await client.open('untitled:cluster.yaml', EKSCTL);
    await client.open('untitled:vpc.yaml', CFN);
    await client.open('untitled:app.yaml', K8S);
  });
  after(() => client.stop());

  const title = (id: string) => GLOSSARY.find((e) => e.id === id)?.title ?? `no entry ${id}`;
  const hoverText = async (uri: string, text: string, target: string, after = '') => {
    const hover = await client.hover(uri, positionOf(text, target, after));
    return hover ? (hover.contents as { value: string }).value : null;
  };

  it('explains eksctl keys', async () => {
    const md = await hoverText('untitled:cluster.yaml', EKSCTL, 'nat');
    assert.match(md ?? '', /^\*\*.*NAT/);
    assert.match(md ?? '', /\[Learn more: .*\]\(https:\/\/docs\.aws\.amazon\.com\//);
    assert.match((await hoverText('untitled:cluster.yaml', EKSCTL, 'managedNodeGroups')) ?? '', /\*\*.*[Mm]anaged node group/);
  });

  it('explains CloudFormation resource types, and computes address facts', async () => {
    assert.match((await hoverText('untitled:vpc.yaml', CFN, 'AWS::EC2::InternetGateway')) ?? '', /\*\*.*[Ii]nternet gateway/);
    const md = await hoverText('untitled:vpc.yaml', CFN, '10.0.0.0/28');
    assert.match(md ?? '', /16 addresses/);
    assert.match(md ?? '', /\*\*11 usable\*\*/);
  });

  it('tells ingress traffic from the Ingress resource, and says nothing on plain words', async () => {
    const traffic = await hoverText('untitled:app.yaml', K8S, 'ingress', 'kind: NetworkPolicy');
    const resource = await hoverText('untitled:app.yaml', K8S, 'Ingress', 'kind: Ingress');
    assert.ok(traffic && resource && traffic !== resource, 'two different entries');
    assert.equal(await hoverText('untitled:app.yaml', K8S, 'etcd', '- name: etcd'), null, 'a container named etcd');
    assert.equal(await hoverText('untitled:app.yaml', K8S, 'nginx:1.27'), null, 'an unrelated image');
    assert.equal(await hoverText('untitled:app.yaml', K8S, 'np'), null, 'an object name');
  });

  it("gives an instance type's max pods per VPC CNI mode", async () => {
    const md = (await hoverText('untitled:cluster.yaml', EKSCTL, 'm5.large')) ?? '';
    assert.match(md, /^\*\*m5\\\.large\*\* · EC2 instance type/);
    assert.match(md, /\| Secondary IP \(default\) \| 29 · EKS recommends 29 \|/);
    assert.match(md, /\| Prefix delegation \| 434 · EKS recommends 110 \|/);
    const hover = await client.hover('untitled:cluster.yaml', positionOf(EKSCTL, 'm5.large'));
    assert.deepEqual(hover?.range, { start: { line: 10, character: 18 }, end: { line: 10, character: 26 } });
  });

  it('returns the range of the hovered text', async () => {
    const hover = await client.hover('untitled:cluster.yaml', positionOf(EKSCTL, '10.0.0.0/16'));
    assert.deepEqual(hover?.range, { start: { line: 4, character: 8 }, end: { line: 4, character: 19 } });
    assert.ok(title('kube-apiserver'));
  });
});

describe('docs/hover.md', () => {
  it('lists every glossary term with its triggers, as generated from the data', () => {
    const page = readFileSync('docs/hover.md', 'utf8');
    const start = page.indexOf('-->', page.indexOf('<!-- glossary:start')) + 3;
    const end = page.indexOf('<!-- glossary:end -->');
    assert.equal(page.slice(start, end).trim(), glossaryMarkdown(GLOSSARY).trim(), 'run node scripts/update-hover-doc.mjs');
    for (const e of GLOSSARY) assert.ok(page.includes(`(\`${e.id}\`)`), e.id);
  });
});
