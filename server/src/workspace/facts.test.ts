import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { yaml } from '../../../test/support/ruleTester';
import { normalizeUri, WorkspaceIndex } from './index';
import { buildFileModel, factsOf } from '../formats';

const facts = (text: string, uri = 'file:///ws/a.yaml') => factsOf(buildFileModel({ uri, text }));

describe('workspace facts', () => {
  it("gives a template's subnets their tier from their route tables", () => {
    const f = facts(
      yaml(
        'Resources:',
        '  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}',
        '  Igw: {Type: AWS::EC2::InternetGateway}',
        '  Vgw: {Type: AWS::EC2::VPNGateway, Properties: {Type: ipsec.1}}',
        '  PublicRt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}',
        '  PrivateRt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}',
        '  VpnRt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}',
        '  ToIgw: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}}',
        '  ToVgw: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref VpnRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Vgw}}',
        '  Public: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24}}',
        '  Private: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}}',
        '  VpnOnly: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24}}',
        '  Loose: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.3.0/24}}',
        '  A1: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref Public, RouteTableId: !Ref PublicRt}}',
        '  A2: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref Private, RouteTableId: !Ref PrivateRt}}',
        '  A3: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref VpnOnly, RouteTableId: !Ref VpnRt}}',
      ),
    );
    assert.equal(f.vpcs?.length, 1);
    const vpc = f.vpcs![0];
    assert.equal(vpc.name, 'Vpc');
    assert.equal(vpc.source, 'cloudformation');
    // Loose has no association: it uses the VPC's main route table, which the template does not show.
    assert.deepEqual(
      vpc.subnets.map((x) => [x.name, x.cidr?.text, x.tier]),
      [
        ['Public', '10.0.0.0/24', 'public'],
        ['Private', '10.0.1.0/24', 'private'],
        ['VpnOnly', '10.0.2.0/24', 'vpn-only'],
        ['Loose', '10.0.3.0/24', undefined],
      ],
    );
  });

  it("reads an eksctl config's service CIDR with its place and cluster name", () => {
    const f = facts(yaml('apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata: {name: prod, region: us-east-1}', 'kubernetesNetworkConfig:', '  serviceIPv4CIDR: 172.20.0.0/16'));
    assert.equal(f.serviceCidrs.length, 1);
    assert.equal(f.serviceCidrs[0].cidr.text, '172.20.0.0/16');
    assert.equal(f.serviceCidrs[0].name, 'prod');
    assert.equal(f.serviceCidrs[0].source, 'eksctl');
    assert.deepEqual(f.serviceCidrs[0].range.start, { line: 4, character: 19 });
  });

  it('reads workloads with literal replicas and labels, in every document of a stream', () => {
    const deployment = (name: string, replicas: string, labels: string) =>
      yaml('apiVersion: apps/v1', 'kind: Deployment', `metadata: {name: ${name}, namespace: shop}`, `spec: {replicas: ${replicas}, template: {metadata: {labels: ${labels}}}}`);
    const f = facts(
      [deployment('a', '3', '{app: a, version: 2}'), deployment('b', '"{{ .Values.n }}"', '{app: b}'), deployment('c', '2', '{app: "{{ .Values.app }}"}'), deployment('d', '1', '{app: d}')].join(
        '---\n',
      ),
    );
    // b's count and c's label value cannot be read: they are kept as unknown. Each is placed at its
    // count when that is readable, else at its name.
    assert.deepEqual(
      f.workloads.map((w) => [w.name, w.namespace, w.replicas, w.podLabels, w.range.start.line]),
      [
        ['a', 'shop', 3, { app: 'a', version: '2' }, 3],
        ['b', 'shop', undefined, { app: 'b' }, 7],
        ['c', 'shop', 2, { app: null }, 13],
        ['d', 'shop', 1, { app: 'd' }, 18],
      ],
    );
  });

  it('reads the ranges of ServiceCIDR objects', () => {
    const f = facts(yaml('apiVersion: networking.k8s.io/v1', 'kind: ServiceCIDR', 'metadata: {name: extra}', 'spec:', '  cidrs: [10.97.0.0/16, "2001:db8:1::/112", "{{ .Values.x }}"]'));
    assert.deepEqual(
      f.serviceCidrs.map((c) => [c.cidr.text, c.source, c.name]),
      [
        ['10.97.0.0/16', 'ServiceCIDR', 'extra'],
        ['2001:db8:1::/112', 'ServiceCIDR', 'extra'],
      ],
    );
  });

  it('ignores documents that do not parse, and files with nothing to declare', () => {
    assert.deepEqual(facts('apiVersion: apps/v1\nkind: Deployment\nspec: {replicas: 3\n').workloads, []);
    assert.deepEqual(facts(yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: x}')), { serviceCidrs: [], workloads: [] });
  });
});

describe('workspace index', () => {
  const deployment = yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: a}', 'spec: {replicas: 3, template: {metadata: {labels: {app: a}}}}');

  it('says when a file changes what it declares, and leaves the file itself out of its view', () => {
    const index = new WorkspaceIndex();
    assert.equal(index.set('file:///ws/a.yaml', facts(deployment)), true);
    assert.equal(index.set('file:///ws/a.yaml', facts(deployment)), false);
    assert.equal(index.viewFrom('file:///ws/a.yaml').others.length, 0);
    assert.equal(index.viewFrom('file:///ws/b.yaml').others.length, 1);
    assert.equal(index.set('file:///ws/a.yaml', facts(deployment.replace('replicas: 3', 'replicas: 4'))), true);
    assert.equal(index.delete('file:///ws/a.yaml'), true);
    assert.equal(index.size, 0);
  });

  it('treats two spellings of one file: URI as the same file', () => {
    assert.equal(normalizeUri('file:///ws/my%20app/a.yaml'), normalizeUri('file:///ws/my app/a.yaml'));
    const index = new WorkspaceIndex();
    index.set('file:///ws/my%20app/a.yaml', facts(deployment));
    assert.equal(index.viewFrom('file:///ws/my app/a.yaml').others.length, 0);
    assert.equal(normalizeUri('untitled:Untitled-1'), 'untitled:Untitled-1');
  });
});
