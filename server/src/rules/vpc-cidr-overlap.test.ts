import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { relatedLines, ruleTester, runRule } from '../../../test/support/ruleTester';
import { cfn, cidrBlock, eksctl, vpcResource } from '../../../test/support/fixtures';
import rule from './vpc-cidr-overlap';

/** An eksctl ClusterConfig named `name` whose `vpc` lines start at line 4. */
const cluster = (name: string, ...vpc: string[]) => eksctl(...vpc).replace('name: demo', `name: ${name}`);
const newVpc = (name: string, cidr: string) => cluster(name, `vpc: {cidr: ${cidr}}`);
const sharedVpc = (name: string, cidr: string) => cluster(name, 'vpc:', '  id: vpc-0123456789abcdef0', `  cidr: ${cidr}`);

ruleTester(rule, {
  valid: [
    { name: 'alone in the workspace', text: newVpc('a', '10.0.0.0/16') },
    { name: 'neighbouring blocks in other files', text: newVpc('a', '10.0.0.0/16'), workspace: [{ uri: 'b.yaml', text: newVpc('b', '10.1.0.0/16') }, { uri: 'net.yaml', text: cfn(...vpcResource('Vpc', '10.2.0.0/15')) }] },
    { name: 'two clusters sharing one existing VPC (same id, same block)', text: sharedVpc('a', '10.0.0.0/16'), workspace: [{ uri: 'b.yaml', text: sharedVpc('b', '10.0.0.0/16') }] },
    {
      name: 'a template creates the VPC, a ClusterConfig uses it by id with the same block',
      text: sharedVpc('a', '10.20.0.0/16'),
      workspace: [{ uri: 'network.yaml', text: cfn(...vpcResource('Vpc', '10.20.0.0/16'), ...cidrBlock('Pods', 'Vpc', '100.64.0.0/16')) }],
    },
    { name: 'the same, seen from the template', text: cfn(...vpcResource('Vpc', '10.20.0.0/16')), workspace: [{ uri: 'a.yaml', text: sharedVpc('a', '10.20.0.0/16') }] },
    { name: 'an existing VPC known only by id has no block to compare', text: newVpc('a', '10.0.0.0/16'), workspace: [{ uri: 'b.yaml', text: cluster('b', 'vpc: {id: vpc-0123456789abcdef0}') }] },
    { name: 'Kubernetes objects and service CIDRs are not VPCs', text: newVpc('a', '10.0.0.0/16'), workspace: [{ uri: 'svc.yaml', text: cluster('b', 'vpc: {cidr: 10.1.0.0/16}', 'kubernetesNetworkConfig: {serviceIPv4CIDR: 10.0.0.0/16}') }] },
    { name: 'a file with a syntax error declares nothing', text: newVpc('a', '10.0.0.0/16'), workspace: [{ uri: 'b.yaml', text: newVpc('b', '10.0.0.0/16') + 'oops: [\n' }] },
    { name: "eksctl's default block is not compared: two configs that write no vpc.cidr", text: cluster('a', 'iam: {withOIDC: true}'), workspace: [{ uri: 'b.yaml', text: cluster('b', 'vpc: {clusterEndpoints: {privateAccess: true}}') }] },
    { name: "a written block is not compared with another config's default", text: newVpc('a', '192.168.0.0/16'), workspace: [{ uri: 'b.yaml', text: cluster('b', 'iam: {withOIDC: true}') }] },
    { name: 'the same template kept twice (e.g. as YAML and as JSON) is one VPC', text: cfn(...vpcResource('Vpc', '10.20.0.0/16')), workspace: [{ uri: 'net.json', text: JSON.stringify({ Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.20.0.0/16' } } } }) }] },
    { name: 'templated values are not read', text: cluster('a', 'vpc: {cidr: "{{ .Values.cidr }}"}') + '---\n' + cluster('b', 'vpc: {cidr: "{{ .Values.cidr }}"}') },
  ],
  invalid: [
    {
      name: 'two new VPCs with the same block in two files',
      text: newVpc('a', '10.0.0.0/16'),
      workspace: [{ uri: 'file:///ws/infra/b.yaml', text: newVpc('b', '10.0.0.0/16') }],
      errors: [
        {
          line: 4,
          severity: 'warning',
          message: /^VPC CIDR 10\.0\.0\.0\/16 overlaps 10\.0\.0\.0\/16 of the VPC of cluster b in b\.yaml\. VPCs with overlapping blocks cannot be peered, and a transit gateway cannot route between the overlapping addresses without NAT\./,
        },
      ],
    },
    {
      name: 'a template VPC inside a ClusterConfig block',
      text: cfn(...vpcResource('AppVpc', '10.0.128.0/17')),
      workspace: [{ uri: 'a.yaml', text: newVpc('a', '10.0.0.0/16') }],
      errors: [{ line: 6, message: /^VPC CIDR 10\.0\.128\.0\/17 overlaps 10\.0\.0\.0\/16 of the VPC of cluster a in a\.yaml\./ }],
    },
    {
      name: "a template's secondary block overlaps another file",
      text: cfn(...vpcResource('Vpc', '10.0.0.0/16'), ...cidrBlock('More', 'Vpc', '10.1.0.0/16')),
      workspace: [{ uri: 'b.json', text: JSON.stringify({ Resources: { Shared: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.1.64.0/18' } } } }) }],
      errors: [{ line: 11, message: /^Secondary VPC CIDR 10\.1\.0\.0\/16 overlaps 10\.1\.64\.0\/18 of VPC Shared in b\.json\./ }],
    },
    {
      name: 'two documents of one file: each is reported, naming the other',
      text: newVpc('a', '10.0.0.0/16') + '---\n' + newVpc('b', '10.0.0.0/20'),
      errors: [
        { line: 4, message: /^VPC CIDR 10\.0\.0\.0\/16 overlaps 10\.0\.0\.0\/20 of the VPC of cluster b in document 2 of this file\./ },
        { line: 9, message: /^VPC CIDR 10\.0\.0\.0\/20 overlaps 10\.0\.0\.0\/16 of the VPC of cluster a in document 1 of this file\./ },
      ],
    },
    {
      name: 'two VPCs of one template',
      text: cfn(...vpcResource('Blue', '10.0.0.0/16'), ...vpcResource('Green', '10.0.0.0/16')),
      errors: [
        { line: 6, message: /^VPC CIDR 10\.0\.0\.0\/16 overlaps 10\.0\.0\.0\/16 of VPC Green in this document\./ },
        { line: 10, message: /overlaps 10\.0\.0\.0\/16 of VPC Blue in this document\./ },
      ],
    },
    {
      name: 'two templates with the same block but different VPC names are two VPCs',
      text: cfn(...vpcResource('Vpc', '10.20.0.0/16')),
      workspace: [{ uri: 'other.json', text: JSON.stringify({ Resources: { ShopVpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.20.0.0/16' } } } }) }],
      errors: [{ line: 6, message: /^VPC CIDR 10\.20\.0\.0\/16 overlaps 10\.20\.0\.0\/16 of VPC ShopVpc in other\.json\./ }],
    },
    {
      name: 'two existing VPCs with different, overlapping blocks are different VPCs',
      text: sharedVpc('a', '10.0.0.0/16'),
      workspace: [{ uri: 'b.yaml', text: sharedVpc('b', '10.0.0.0/17') }],
      errors: [{ line: 6, message: /^VPC CIDR 10\.0\.0\.0\/16 overlaps 10\.0\.0\.0\/17 of the VPC of cluster b in b\.yaml\./ }],
    },
    {
      name: 'identical blocks of two new VPCs are two VPCs even when a third file refers to one of them',
      text: newVpc('a', '10.0.0.0/16'),
      workspace: [{ uri: 'b.yaml', text: newVpc('b', '10.0.0.0/16') }, { uri: 'c.yaml', text: sharedVpc('c', '10.0.0.0/16') }],
      errors: [{ line: 4, message: /^VPC CIDR 10\.0\.0\.0\/16 overlaps 10\.0\.0\.0\/16 of the VPC of cluster b in b\.yaml\. VPCs/ }],
    },
    {
      name: 'many overlapping VPCs: three named, the rest counted',
      text: newVpc('a', '10.0.0.0/8'),
      workspace: ['b', 'c', 'd', 'e', 'f'].map((n, i) => ({ uri: `${n}.yaml`, text: newVpc(n, `10.${i}.0.0/16`) })),
      errors: [{ line: 4, message: /overlaps 10\.0\.0\.0\/16 of the VPC of cluster b in b\.yaml; 10\.1\.0\.0\/16 of the VPC of cluster c in c\.yaml; 10\.2\.0\.0\/16 of the VPC of cluster d in d\.yaml; and 2 more VPCs\. / }],
    },
  ],
});

describe('rule vpc-cidr-overlap: related information', () => {
  it("points at each overlapping block in the other files, by uri and line", () => {
    const [finding, ...rest] = runRule(rule, {
      text: newVpc('a', '10.0.0.0/16'),
      workspace: [
        { uri: 'file:///ws/b.yaml', text: newVpc('b', '10.0.0.0/16') },
        { uri: 'file:///ws/net.yaml', text: cfn(...vpcResource('Vpc', '172.16.0.0/16'), ...cidrBlock('More', 'Vpc', '10.0.64.0/18')) },
      ],
    });
    assert.equal(rest.length, 0);
    assert.match(finding.message, /overlaps 10\.0\.0\.0\/16 of the VPC of cluster b in b\.yaml and 10\.0\.64\.0\/18 of VPC Vpc in net\.yaml\./);
    assert.deepEqual(relatedLines(finding), [
      [4, 'block 10.0.0.0/16 of the VPC of cluster b'],
      [11, 'block 10.0.64.0/18 of VPC Vpc'],
    ]);
    assert.deepEqual(finding.related?.map((r) => r.uri), ['file:///ws/b.yaml', 'file:///ws/net.yaml']);
  });

  it('points at the other document of the same file (a related place without a uri is in the checked file)', () => {
    const findings = runRule(rule, { uri: 'file:///ws/two.yaml', text: newVpc('a', '10.0.0.0/16') + '---\n' + newVpc('b', '10.0.0.0/16') });
    assert.equal(findings.length, 2);
    assert.deepEqual(findings.map((f) => [f.related?.length, f.related?.[0].uri, (f.related?.[0].range.start.line ?? -1) + 1]), [
      [1, undefined, 9],
      [1, undefined, 4],
    ]);
  });
});
