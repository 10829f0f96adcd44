import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { yaml } from '../../../test/support/ruleTester';
import { hoverAt } from './index';
import { buildFileModel } from '../formats';

/** The hover Markdown at the middle of the first occurrence of `target` in `text`, with the
 *  backslash escapes of workspace text resolved (as the editor shows it; see markdown.test.ts). */
function hover(text: string, target: string, uri = 'file.yaml'): string | undefined {
  const at = text.indexOf(target);
  assert.ok(at >= 0, `${target} is not in the text`);
  return hoverAt(buildFileModel({ uri, text }), at + Math.floor(target.length / 2))?.markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

const k8s = (value: string) => yaml('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: np}', `spec: {podSelector: {}, ingress: [{from: [{ipBlock: {cidr: "${value}"}}]}]}`);

describe('address hover', () => {
  it('gives the size, the bounds and what AWS leaves of a /16', () => {
    const md = hover(k8s('10.0.0.0/16'), '10.0.0.0/16')!;
    assert.match(md, /^\*\*10\.0\.0\.0\/16\*\* · IPv4 block/);
    assert.match(md, /netmask 255\.255\.0\.0 · 65,536 addresses \(2\^16\), 10\.0\.0\.0 – 10\.0\.255\.255/);
    assert.match(
      md,
      /As an AWS subnet: \*\*65,531 usable\*\*\. AWS reserves the first four and the last: 10\.0\.0\.0 \(network address\), 10\.0\.0\.1 \(VPC router\), 10\.0\.0\.2 \(reserved by AWS; it is the Amazon DNS server only in a subnet that starts at the base of the VPC's primary block\), 10\.0\.0\.3 \(future use\) and 10\.0\.255\.255 \(network broadcast address, reserved because a VPC has no broadcast\)\./,
    );
    assert.match(md, /Range: private \(RFC 1918\), inside 10\.0\.0\.0\/8\./);
    assert.match(md, /RFC 1918 sets aside 10\.0\.0\.0\/8, 172\.16\.0\.0\/12 and 192\.168\.0\.0\/16 for private networks/);
  });

  it('gives 16 addresses and 11 usable for a /28', () => {
    const md = hover(k8s('10.0.0.0/28'), '10.0.0.0/28')!;
    assert.match(md, /16 addresses, 10\.0\.0\.0 – 10\.0\.0\.15/);
    assert.match(md, /\*\*11 usable\*\*/);
  });

  it('gives subnet facts only for /16 to /28, the sizes an IPv4 subnet can have', () => {
    for (const block of ['0.0.0.0/0', '10.0.0.0/8', '10.0.0.0/15', '2001:db8::/64']) assert.doesNotMatch(hover(k8s(block), block)!, /usable|AWS subnet/, block);
    assert.match(hover(k8s('10.0.0.0/16'), '10.0.0.0/16')!, /As an AWS subnet/);
  });

  it("names the Amazon DNS server only at the base of the VPC's primary block plus two", () => {
    const text = yaml(
      'Resources:',
      '  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}',
      '  Pods: {Type: AWS::EC2::VPCCidrBlock, Properties: {VpcId: !Ref Vpc, CidrBlock: 100.64.0.0/16}}',
      '  A: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24}}',
      '  B: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}}',
      '  C: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 100.64.0.0/24}}',
    );
    assert.match(hover(text, '10.0.0.0/24')!, /10\.0\.0\.2 \(the Amazon DNS server: the base of the VPC's primary block plus two\)/);
    assert.match(hover(text, '10.0.0.0/16')!, /10\.0\.0\.2 \(the Amazon DNS server/);
    assert.match(hover(text, '10.0.1.0/24')!, /10\.0\.1\.2 \(reserved by AWS; this VPC's Amazon DNS server is 10\.0\.0\.2\)/);
    assert.match(hover(text, '100.64.0.0/24')!, /100\.64\.0\.2 \(reserved by AWS; this VPC's Amazon DNS server is 10\.0\.0\.2\)/);
    assert.match(hover(text, '100.64.0.0/16')!, /100\.64\.0\.2 \(reserved by AWS; this VPC's Amazon DNS server is 10\.0\.0\.2\)/);
  });

  it('names the DNS server on the block of a VPC eksctl creates, and does not guess for an existing VPC', () => {
    const created = yaml('apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata: {name: c, region: us-west-2}', 'vpc:', '  cidr: 10.10.0.0/16');
    assert.match(hover(created, '10.10.0.0/16')!, /10\.10\.0\.2 \(the Amazon DNS server/);
    const existing = yaml(
      'apiVersion: eksctl.io/v1alpha5',
      'kind: ClusterConfig',
      'metadata: {name: c, region: us-west-2}',
      'vpc:',
      '  id: vpc-1',
      '  cidr: 10.20.0.0/16',
      '  subnets:',
      '    private:',
      '      us-west-2a: {id: subnet-a, cidr: 10.20.32.0/19}',
    );
    assert.match(hover(existing, '10.20.32.0/19')!, /10\.20\.32\.2 \(reserved by AWS; it is the Amazon DNS server only in a subnet that starts/);
  });

  it('says when host bits are set, and leaves out the subnet line below /28', () => {
    const md = hover(k8s('10.0.0.5/30'), '10.0.0.5/30')!;
    assert.match(md, /^\*\*10\.0\.0\.4\/30\*\*/);
    assert.match(md, /Written as 10\.0\.0\.5\/30: host bits are set, so tools take it as 10\.0\.0\.4\/30\./);
    assert.doesNotMatch(md, /usable/);
  });

  it('names the kind of range', () => {
    assert.match(hover(k8s('100.64.0.0/16'), '100.64.0.0/16')!, /shared address space \(RFC 6598\)/);
    assert.match(hover(k8s('203.0.113.0/24'), '203.0.113.0/24')!, /documentation \(TEST-NET-3, RFC 5737\)/);
    assert.match(hover(k8s('52.94.0.0/16'), '52.94.0.0/16')!, /Range: public/);
    assert.match(hover(k8s('0.0.0.0/0'), '0.0.0.0/0')!, /Range: every IPv4 address\./);
    assert.match(hover(k8s('172.0.0.0/8'), '172.0.0.0/8')!, /spans several kinds of range, including 172\.16\.0\.0\/12/);
  });

  it('sizes IPv6 blocks as powers of two', () => {
    const md = hover(k8s('2001:db8:1::/48'), '2001:db8:1::/48')!;
    assert.match(md, /^\*\*2001:db8:1::\/48\*\* · IPv6 block/);
    assert.match(md, /2\^80 addresses, 2001:db8:1:: – 2001:db8:1:ffff:ffff:ffff:ffff:ffff/);
    assert.match(md, /documentation \(RFC 3849\)/);
  });

  it('explains a single address, and the subnet of the file that holds it', () => {
    const text = yaml(
      'apiVersion: eksctl.io/v1alpha5',
      'kind: ClusterConfig',
      'metadata: {name: c, region: us-west-2}',
      'vpc:',
      '  id: vpc-1',
      '  cidr: 10.20.0.0/16',
      '  subnets:',
      '    private:',
      '      us-west-2a: {id: subnet-a, cidr: 10.20.0.0/19}',
      '  publicAccessCIDRs: [10.20.3.4/32]',
      'x-dns: 10.20.3.4',
    );
    const md = hover(text, '10.20.3.4\n')!;
    assert.match(md, /^\*\*10\.20\.3\.4\*\* · IPv4 address/);
    assert.match(md, /Inside subnet us-west-2a \(10\.20\.0\.0\/19, private\)\./);
  });

  it('places a subnet in its VPC and lists the free space (eksctl)', () => {
    const text = yaml(
      'apiVersion: eksctl.io/v1alpha5',
      'kind: ClusterConfig',
      'metadata: {name: c, region: us-west-2}',
      'vpc:',
      '  id: vpc-1',
      '  cidr: 10.20.0.0/16',
      '  subnets:',
      '    public:',
      '      us-west-2a: {id: subnet-1, cidr: 10.20.0.0/20}',
      '      us-west-2b: {id: subnet-2, cidr: 10.20.16.0/20}',
      '      us-west-2c: {id: subnet-3, cidr: 10.20.32.0/20}',
      '    private:',
      '      us-west-2a: {id: subnet-4, cidr: 10.20.48.0/20}',
      '      us-west-2b: {id: subnet-5, cidr: 10.20.64.0/19}',
      '      us-west-2c: {id: subnet-6, cidr: 10.20.96.0/19}',
    );
    assert.match(hover(text, '10.20.64.0/19')!, /Subnet 5 of 6 in VPC 10\.20\.0\.0\/16 \(us-west-2b, private\); free space left in the VPC: 10\.20\.128\.0\/17\./);
    assert.match(hover(text, '10.20.0.0/16')!, /VPC block with 6 subnets written in this file, using 32,768 of 65,536 addresses; free space left in the VPC: 10\.20\.128\.0\/17\./);
  });

  it('places a CloudFormation subnet, with the VPC secondary block and several free blocks', () => {
    const text = yaml(
      'Resources:',
      '  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/22}}',
      '  Pods: {Type: AWS::EC2::VPCCidrBlock, Properties: {VpcId: !Ref Vpc, CidrBlock: 100.64.0.0/24}}',
      '  A: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1a}}',
      '  B: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 100.64.0.0/25, AvailabilityZone: us-east-1b}}',
    );
    assert.match(
      hover(text, '10.0.1.0/24')!,
      /Subnet 1 of 2 in VPC 10\.0\.0\.0\/22 \+ 100\.64\.0\.0\/24 \(us-east-1a\); free space left in the VPC: 10\.0\.2\.0\/23, 10\.0\.0\.0\/24, 100\.64\.0\.128\/25\./,
    );
  });

  it('says nothing for values that are not addresses, and for keys', () => {
    assert.equal(hover(yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: x}', 'data: {version: "1.2.3", when: "10:30"}'), '1.2.3'), undefined);
    assert.equal(hover(yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: x}', 'data: {version: "1.2.3", when: "10:30"}'), '10:30'), undefined);
    assert.equal(hover(yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: x}', 'data: {app: web}'), 'web'), undefined);
  });
});

describe('hover positions', () => {
  it('finds a top-level key at its first character, after a block mapping', () => {
    const text = yaml('apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata: {name: c, region: us-west-2}', 'vpc:', '  cidr: 10.0.0.0/16', 'managedNodeGroups:', '  - name: ng');
    const file = buildFileModel({ uri: 'c.yaml', text });
    assert.match(hoverAt(file, text.indexOf('managedNodeGroups'))?.markdown ?? '', /^\*\*.*[Mm]anaged node group/);
    assert.match(hoverAt(file, text.indexOf('vpc:'))?.markdown ?? '', /^\*\*.*VPC/);
  });
});

describe('hover on a VPC block with overlapping subnets', () => {
  it('counts the addresses they share once', () => {
    const text = yaml(
      'Resources:',
      '  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}',
      '  A: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/19}}',
      '  B: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/20}}',
    );
    const md = hoverAt(buildFileModel({ uri: 'v.yaml', text }), text.indexOf('10.0.0.0/16') + 3)?.markdown ?? '';
    assert.match(md, /VPC block with 2 subnets written in this file, using 8,192 of 65,536 addresses/);
  });
});
