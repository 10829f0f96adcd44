import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { relatedLines, ruleTester, runRule } from '../../../test/support/ruleTester';
import { cfn, cidrBlock, eksctl, vpcResource } from '../../../test/support/fixtures';
import rule from './vpc-cidr-overlap';

/** An eksctl ClusterConfig named `name` whose `vpc` lines start at line 4. */
const cluster = (name: string, ...vpc: string[]) => eksctl(...vpc).replace('name: demo', `name: ${name}`);
const newVpc = (name: string, cidr: string) => cluster(name, `vpc: {cidr: ${cidr}}`);
const sharedVpc = (name: string, cidr: string) => cluster(name, 'vpc:', '  id: vpc-0123456789abcdef0', `  cidr: ${cidr}`);
/** The project file says every VPC of the workspace shares one routed network. */
const ALL = { connectedNetworks: { all: true } } as const;
const peering = (id: string, vpc: string, peer: string) => [`  ${id}:`, '    Type: AWS::EC2::VPCPeeringConnection', '    Properties:', `      VpcId: ${vpc}`, `      PeerVpcId: ${peer}`];
const tgwAttachment = (id: string, vpc: string, tgw: string, type = 'AWS::EC2::TransitGatewayAttachment') => [
  `  ${id}:`,
  `    Type: ${type}`,
  '    Properties:',
  `      VpcId: ${vpc}`,
  `      TransitGatewayId: ${tgw}`,
  '      SubnetIds: [subnet-0123456789abcdef0]',
];
const exportOf = (output: string, name: string, ref: string) => ['Outputs:', `  ${output}:`, `    Value: !Ref ${ref}`, `    Export: {Name: ${name}}`];
const vpn = (vpc: string, n: number, cgw: string) => [
  `  Vgw${n}:`,
  '    Type: AWS::EC2::VPNGateway',
  '    Properties: {Type: ipsec.1}',
  `  VgwAttach${n}:`,
  '    Type: AWS::EC2::VPCGatewayAttachment',
  '    Properties:',
  `      VpcId: !Ref ${vpc}`,
  `      VpnGatewayId: !Ref Vgw${n}`,
  `  Vpn${n}:`,
  '    Type: AWS::EC2::VPNConnection',
  '    Properties:',
  '      Type: ipsec.1',
  `      VpnGatewayId: !Ref Vgw${n}`,
  `      CustomerGatewayId: ${cgw}`,
];

ruleTester(rule, {
  valid: [
    // Not connected: reuse of a block is normal.
    { name: 'two unconnected VPCs with the same block in two files', text: newVpc('a', '10.0.0.0/16'), workspace: [{ uri: 'b.yaml', text: newVpc('b', '10.0.0.0/16') }] },
    { name: 'two unconnected VPCs of one template', text: cfn(...vpcResource('Blue', '10.0.0.0/16'), ...vpcResource('Green', '10.0.0.0/16')) },
    {
      name: 'a peering connection between two other VPCs does not connect these',
      text: cfn(...vpcResource('Blue', '10.0.0.0/16'), ...vpcResource('Green', '10.0.0.0/16'), ...vpcResource('Red', '10.9.0.0/16'), ...peering('Peer', '!Ref Blue', '!Ref Red')),
    },
    {
      name: 'the same parameter name in two templates is not the same transit gateway',
      text: cfn(...vpcResource('A', '10.0.0.0/16'), ...tgwAttachment('Att', '!Ref A', '!Ref TransitGatewayId')) + 'Parameters: {TransitGatewayId: {Type: String}}\n',
      workspace: [{ uri: 'b.yaml', text: cfn(...vpcResource('B', '10.0.0.0/16'), ...tgwAttachment('Att', '!Ref B', '!Ref TransitGatewayId')) + 'Parameters: {TransitGatewayId: {Type: String}}\n' }],
    },
    {
      name: 'attachments to two different transit gateways',
      text: cfn(...vpcResource('A', '10.0.0.0/16'), ...tgwAttachment('Att', '!Ref A', 'tgw-0123456789abcdef0')),
      workspace: [{ uri: 'b.yaml', text: cfn(...vpcResource('B', '10.0.0.0/16'), ...tgwAttachment('Att', '!Ref B', 'tgw-0fedcba9876543210')) }],
    },
    {
      name: 'an import whose export name is built from the stack name cannot be resolved',
      text: cfn(...vpcResource('A', '10.0.0.0/16'), ...peering('Peer', '!Ref A', '!ImportValue {"Fn::Sub": "${Other}-vpc"}')),
      workspace: [{ uri: 'b.yaml', text: cfn(...vpcResource('B', '10.0.0.0/16'), ...exportOf('VpcOut', '!Sub "${AWS::StackName}-vpc"', 'B')) }],
    },
    {
      name: 'connectedNetworks groups: files in different groups are not connected',
      uri: '/ws/dev/a.yaml',
      config: {
        connectedNetworks: {
          base: '/ws',
          groups: [
            { name: 'dev', globs: ['dev/**'] },
            { name: 'prod', globs: ['prod/**'] },
          ],
        },
      },
      text: newVpc('a', '10.0.0.0/16'),
      workspace: [{ uri: '/ws/prod/b.yaml', text: newVpc('b', '10.0.0.0/16') }],
    },
    {
      name: 'connectedNetworks written (even empty) overrides the reservedCidrs reading',
      config: { reservedCidrs: ['10.200.0.0/16'], connectedNetworks: { groups: [] } },
      text: newVpc('a', '10.0.0.0/16'),
      workspace: [{ uri: 'b.yaml', text: newVpc('b', '10.0.0.0/16') }],
    },
    { config: ALL, name: 'alone in the workspace', text: newVpc('a', '10.0.0.0/16') },
    {
      config: ALL,
      name: 'neighbouring blocks in other files',
      text: newVpc('a', '10.0.0.0/16'),
      workspace: [
        { uri: 'b.yaml', text: newVpc('b', '10.1.0.0/16') },
        { uri: 'net.yaml', text: cfn(...vpcResource('Vpc', '10.2.0.0/15')) },
      ],
    },
    { config: ALL, name: 'two clusters sharing one existing VPC (same id, same block)', text: sharedVpc('a', '10.0.0.0/16'), workspace: [{ uri: 'b.yaml', text: sharedVpc('b', '10.0.0.0/16') }] },
    {
      config: ALL,
      name: 'a template creates the VPC, a ClusterConfig uses it by id with the same block',
      text: sharedVpc('a', '10.20.0.0/16'),
      workspace: [{ uri: 'network.yaml', text: cfn(...vpcResource('Vpc', '10.20.0.0/16'), ...cidrBlock('Pods', 'Vpc', '100.64.0.0/16')) }],
    },
    { config: ALL, name: 'the same, seen from the template', text: cfn(...vpcResource('Vpc', '10.20.0.0/16')), workspace: [{ uri: 'a.yaml', text: sharedVpc('a', '10.20.0.0/16') }] },
    {
      config: ALL,
      name: 'an existing VPC known only by id has no block to compare',
      text: newVpc('a', '10.0.0.0/16'),
      workspace: [{ uri: 'b.yaml', text: cluster('b', 'vpc: {id: vpc-0123456789abcdef0}') }],
    },
    {
      config: ALL,
      name: 'Kubernetes objects and service CIDRs are not VPCs',
      text: newVpc('a', '10.0.0.0/16'),
      workspace: [{ uri: 'svc.yaml', text: cluster('b', 'vpc: {cidr: 10.1.0.0/16}', 'kubernetesNetworkConfig: {serviceIPv4CIDR: 10.0.0.0/16}') }],
    },
    { config: ALL, name: 'a file with a syntax error declares nothing', text: newVpc('a', '10.0.0.0/16'), workspace: [{ uri: 'b.yaml', text: newVpc('b', '10.0.0.0/16') + 'oops: [\n' }] },
    {
      config: ALL,
      name: "eksctl's default block is not compared: two configs that write no vpc.cidr",
      text: cluster('a', 'iam: {withOIDC: true}'),
      workspace: [{ uri: 'b.yaml', text: cluster('b', 'vpc: {clusterEndpoints: {privateAccess: true}}') }],
    },
    {
      config: ALL,
      name: "a written block is not compared with another config's default",
      text: newVpc('a', '192.168.0.0/16'),
      workspace: [{ uri: 'b.yaml', text: cluster('b', 'iam: {withOIDC: true}') }],
    },
    {
      config: ALL,
      name: 'the same template kept twice (e.g. as YAML and as JSON) is one VPC',
      text: cfn(...vpcResource('Vpc', '10.20.0.0/16')),
      workspace: [{ uri: 'net.json', text: JSON.stringify({ Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.20.0.0/16' } } } }) }],
    },
    { config: ALL, name: 'templated values are not read', text: cluster('a', 'vpc: {cidr: "{{ .Values.cidr }}"}') + '---\n' + cluster('b', 'vpc: {cidr: "{{ .Values.cidr }}"}') },
  ],
  invalid: [
    {
      name: 'peered in one template',
      text: cfn(...vpcResource('Blue', '10.0.0.0/16'), ...vpcResource('Green', '10.0.0.0/16'), ...peering('Peer', '!Ref Blue', '!GetAtt Green.VpcId')),
      errors: [
        { line: 6, severity: 'error', message: /^VPC CIDR 10\.0\.0\.0\/16 overlaps 10\.0\.0\.0\/16 of resource Green in this document \(connected by peering connection Peer in file\.yaml\)\./ },
        { line: 10, message: /of resource Blue in this document \(connected by peering connection Peer in file\.yaml\)/ },
      ],
    },
    {
      name: 'peered across templates through a literal export and Fn::ImportValue',
      uri: 'app.yaml',
      text: cfn(...vpcResource('AppVpc', '10.0.0.0/16'), ...peering('ToShared', '!Ref AppVpc', '!ImportValue shared-vpc-id')),
      workspace: [{ uri: 'shared.yaml', text: cfn(...vpcResource('SharedVpc', '10.0.128.0/17'), ...exportOf('VpcId', 'shared-vpc-id', 'SharedVpc')) }],
      errors: [{ line: 6, severity: 'error', message: /overlaps 10\.0\.128\.0\/17 of resource SharedVpc in shared\.yaml \(connected by peering connection ToShared in app\.yaml\)/ }],
    },
    {
      name: 'seen from the exporting template, the peering in another file connects them too',
      uri: 'shared.yaml',
      text: cfn(...vpcResource('SharedVpc', '10.0.128.0/17'), ...exportOf('VpcId', 'shared-vpc-id', 'SharedVpc')),
      workspace: [{ uri: 'app.yaml', text: cfn(...vpcResource('AppVpc', '10.0.0.0/16'), ...peering('ToShared', '!Ref AppVpc', '!ImportValue shared-vpc-id')) }],
      errors: [{ line: 6, message: /overlaps 10\.0\.0\.0\/16 of resource AppVpc in app\.yaml \(connected by peering connection ToShared in app\.yaml\)/ }],
    },
    {
      name: "a template peers with an eksctl cluster's existing VPC by its literal ID",
      text: cfn(...vpcResource('Hub', '10.0.0.0/16'), ...peering('Peer', '!Ref Hub', 'vpc-0123456789abcdef0')),
      workspace: [{ uri: 'a.yaml', text: sharedVpc('a', '10.0.0.0/20') }],
      errors: [{ line: 6, message: /of the VPC of cluster a in a\.yaml \(connected by peering connection Peer in file\.yaml\)/ }],
    },
    {
      name: 'attached to the same transit gateway resource of one template',
      text: cfn(
        ...vpcResource('A', '10.0.0.0/16'),
        ...vpcResource('B', '10.0.0.0/16'),
        '  Tgw:',
        '    Type: AWS::EC2::TransitGateway',
        ...tgwAttachment('AttA', '!Ref A', '!Ref Tgw'),
        ...tgwAttachment('AttB', '!Ref B', '!Ref Tgw', 'AWS::EC2::TransitGatewayVpcAttachment'),
      ),
      errors: [
        { line: 6, severity: 'warning', message: /of resource B in this document \(connected by transit gateway Tgw \(attachment AttA in file\.yaml\)\)/ },
        { line: 10, message: /of resource A in this document \(connected by transit gateway Tgw/ },
      ],
    },
    {
      name: 'attached to the same literal transit gateway ID from two templates',
      text: cfn(...vpcResource('A', '10.0.0.0/16'), ...tgwAttachment('Att', '!Ref A', 'tgw-0123456789abcdef0')),
      workspace: [
        { uri: 'b.yaml', text: cfn(...vpcResource('B', '10.0.0.0/16'), ...tgwAttachment('Att', '!Ref B', '!Ref Tgw')) + 'Parameters: {Tgw: {Type: String, Default: tgw-0123456789ABCDEF0}}\n' },
      ],
      errors: [{ line: 6, message: /of resource B in b\.yaml \(connected by transit gateway tgw-0123456789abcdef0 \(attachment Att in file\.yaml\)\)/ }],
    },
    {
      name: 'VPN connections of two VPCs to the same customer gateway address',
      text: cfn(
        ...vpcResource('A', '10.0.0.0/16'),
        ...vpn('A', 1, '!Ref Cgw'),
        '  Cgw:',
        '    Type: AWS::EC2::CustomerGateway',
        '    Properties: {Type: ipsec.1, BgpAsn: 65000, IpAddress: 198.51.100.7}',
      ),
      workspace: [
        {
          uri: 'b.yaml',
          text: cfn(
            ...vpcResource('B', '10.0.0.0/16'),
            ...vpn('B', 1, '!Ref Office'),
            '  Office:',
            '    Type: AWS::EC2::CustomerGateway',
            '    Properties: {Type: ipsec.1, BgpAsn: 65000, IpAddress: 198.51.100.7}',
          ),
        },
      ],
      errors: [{ line: 6, message: /of resource B in b\.yaml \(connected by VPN connections to customer gateway Cgw \(Vpn1 in file\.yaml\)\)/ }],
    },
    {
      name: 'virtual private gateways of two VPCs associated with the same Direct Connect gateway',
      text: cfn(
        ...vpcResource('A', '10.0.0.0/16'),
        ...vpcResource('B', '10.0.0.0/16'),
        '  Dx:',
        '    Type: AWS::DirectConnect::DirectConnectGateway',
        '    Properties: {DirectConnectGatewayName: corp}',
        ...[1, 2].flatMap((n) => [
          `  Vgw${n}:`,
          '    Type: AWS::EC2::VPNGateway',
          '    Properties: {Type: ipsec.1}',
          `  Attach${n}:`,
          '    Type: AWS::EC2::VPCGatewayAttachment',
          '    Properties:',
          `      VpcId: !Ref ${n === 1 ? 'A' : 'B'}`,
          `      VpnGatewayId: !Ref Vgw${n}`,
          `  Assoc${n}:`,
          '    Type: AWS::DirectConnect::DirectConnectGatewayAssociation',
          '    Properties:',
          '      DirectConnectGatewayId: !Ref Dx',
          `      AssociatedGatewayId: !Ref Vgw${n}`,
        ]),
      ),
      errors: [
        { line: 6, message: /of resource B in this document \(connected by Direct Connect gateway Dx \(Assoc1 in file\.yaml\)\)/ },
        { line: 10, message: /of resource A in this document \(connected by Direct Connect gateway Dx \(Assoc2 in file\.yaml\)\)/ },
      ],
    },
    {
      name: 'connectedNetworks groups: two files of one group',
      uri: '/ws/prod/a.yaml',
      config: { connectedNetworks: { base: '/ws', groups: [{ name: 'corporate', globs: ['prod/**', 'network/*.yaml'] }] } },
      text: newVpc('a', '10.0.0.0/16'),
      workspace: [
        { uri: '/ws/network/hub.yaml', text: cfn(...vpcResource('Hub', '10.0.0.0/16')) },
        { uri: '/ws/dev/c.yaml', text: newVpc('c', '10.0.0.0/16') },
      ],
      errors: [
        {
          line: 4,
          message: /^VPC CIDR 10\.0\.0\.0\/16 overlaps 10\.0\.0\.0\/16 of resource Hub in \.\.\/network\/hub\.yaml \(connected by network corporate of connectedNetworks in the project file\)\. A/,
        },
      ],
    },
    {
      name: 'reservedCidrs without connectedNetworks: every VPC reaches those networks',
      config: { reservedCidrs: ['10.200.0.0/16'] },
      text: newVpc('a', '10.0.0.0/16'),
      workspace: [{ uri: 'b.yaml', text: newVpc('b', '10.0.0.0/16') }],
      errors: [{ line: 4, message: /\(connected by the networks in reservedCidrs, which every VPC of the workspace is taken to reach\)/ }],
    },
    {
      name: 'two new VPCs with the same block in two files',
      config: ALL,
      text: newVpc('a', '10.0.0.0/16'),
      workspace: [{ uri: 'file:///ws/infra/b.yaml', text: newVpc('b', '10.0.0.0/16') }],
      errors: [
        {
          line: 4,
          severity: 'warning',
          message:
            /^VPC CIDR 10\.0\.0\.0\/16 overlaps 10\.0\.0\.0\/16 of the VPC of cluster b in infra\/b\.yaml \(connected by connectedNetworks: all in the project file\)\. A peering connection between VPCs with overlapping blocks fails, and a transit gateway or VPN cannot route the shared addresses to both without NAT\./,
        },
      ],
    },
    {
      name: 'a template VPC inside a ClusterConfig block',
      config: ALL,
      text: cfn(...vpcResource('AppVpc', '10.0.128.0/17')),
      workspace: [{ uri: 'a.yaml', text: newVpc('a', '10.0.0.0/16') }],
      errors: [{ line: 6, message: /^VPC CIDR 10\.0\.128\.0\/17 overlaps 10\.0\.0\.0\/16 of the VPC of cluster a in a\.yaml \(connected by connectedNetworks: all in the project file\)\./ }],
    },
    {
      name: "a template's secondary block overlaps another file",
      config: ALL,
      text: cfn(...vpcResource('Vpc', '10.0.0.0/16'), ...cidrBlock('More', 'Vpc', '10.1.0.0/16')),
      workspace: [{ uri: 'b.json', text: JSON.stringify({ Resources: { Shared: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.1.64.0/18' } } } }) }],
      errors: [{ line: 11, message: /^Secondary VPC CIDR 10\.1\.0\.0\/16 overlaps 10\.1\.64\.0\/18 of resource Shared in b\.json \(connected by connectedNetworks: all in the project file\)\./ }],
    },
    {
      name: 'two documents of one file: each is reported, naming the other',
      config: ALL,
      text: newVpc('a', '10.0.0.0/16') + '---\n' + newVpc('b', '10.0.0.0/20'),
      errors: [
        { line: 4, message: /^VPC CIDR 10\.0\.0\.0\/16 overlaps 10\.0\.0\.0\/20 of the VPC of cluster b in document 2 of this file \(connected by connectedNetworks: all in the project file\)\./ },
        { line: 9, message: /^VPC CIDR 10\.0\.0\.0\/20 overlaps 10\.0\.0\.0\/16 of the VPC of cluster a in document 1 of this file \(connected by connectedNetworks: all in the project file\)\./ },
      ],
    },
    {
      name: 'two VPCs of one template',
      config: ALL,
      text: cfn(...vpcResource('Blue', '10.0.0.0/16'), ...vpcResource('Green', '10.0.0.0/16')),
      errors: [
        { line: 6, message: /^VPC CIDR 10\.0\.0\.0\/16 overlaps 10\.0\.0\.0\/16 of resource Green in this document \(connected by connectedNetworks: all in the project file\)\./ },
        { line: 10, message: /overlaps 10\.0\.0\.0\/16 of resource Blue in this document \(connected by connectedNetworks: all in the project file\)\./ },
      ],
    },
    {
      name: 'two templates with the same block but different VPC names are two VPCs',
      config: ALL,
      text: cfn(...vpcResource('Vpc', '10.20.0.0/16')),
      workspace: [{ uri: 'other.json', text: JSON.stringify({ Resources: { ShopVpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.20.0.0/16' } } } }) }],
      errors: [{ line: 6, message: /^VPC CIDR 10\.20\.0\.0\/16 overlaps 10\.20\.0\.0\/16 of resource ShopVpc in other\.json \(connected by connectedNetworks: all in the project file\)\./ }],
    },
    {
      name: 'two existing VPCs with different, overlapping blocks are different VPCs',
      config: ALL,
      text: sharedVpc('a', '10.0.0.0/16'),
      workspace: [{ uri: 'b.yaml', text: sharedVpc('b', '10.0.0.0/17') }],
      errors: [{ line: 6, message: /^VPC CIDR 10\.0\.0\.0\/16 overlaps 10\.0\.0\.0\/17 of the VPC of cluster b in b\.yaml \(connected by connectedNetworks: all in the project file\)\./ }],
    },
    {
      name: 'identical blocks of two new VPCs are two VPCs even when a third file refers to one of them',
      config: ALL,
      text: newVpc('a', '10.0.0.0/16'),
      workspace: [
        { uri: 'b.yaml', text: newVpc('b', '10.0.0.0/16') },
        { uri: 'c.yaml', text: sharedVpc('c', '10.0.0.0/16') },
      ],
      errors: [{ line: 4, message: /^VPC CIDR 10\.0\.0\.0\/16 overlaps 10\.0\.0\.0\/16 of the VPC of cluster b in b\.yaml \(connected by connectedNetworks: all in the project file\)\. A peering/ }],
    },
    {
      name: 'many overlapping VPCs: three named, the rest counted',
      config: ALL,
      text: newVpc('a', '10.0.0.0/8'),
      workspace: ['b', 'c', 'd', 'e', 'f'].map((n, i) => ({ uri: `${n}.yaml`, text: newVpc(n, `10.${i}.0.0/16`) })),
      errors: [
        {
          line: 4,
          message:
            /overlaps 10\.0\.0\.0\/16 of the VPC of cluster b in b\.yaml \(connected by connectedNetworks: all in the project file\); 10\.1\.0\.0\/16 of the VPC of cluster c in c\.yaml \(connected by connectedNetworks: all in the project file\); 10\.2\.0\.0\/16 of the VPC of cluster d in d\.yaml \(connected by connectedNetworks: all in the project file\); and 2 more connected VPCs\. /,
        },
      ],
    },
  ],
});

describe('rule vpc-cidr-overlap: related information', () => {
  it('points at each overlapping block in the other files, by uri and line', () => {
    const [finding, ...rest] = runRule(rule, {
      config: ALL,
      text: newVpc('a', '10.0.0.0/16'),
      workspace: [
        { uri: 'file:///ws/b.yaml', text: newVpc('b', '10.0.0.0/16') },
        { uri: 'file:///ws/net.yaml', text: cfn(...vpcResource('Vpc', '172.16.0.0/16'), ...cidrBlock('More', 'Vpc', '10.0.64.0/18')) },
      ],
    });
    assert.equal(rest.length, 0);
    assert.match(
      finding.message,
      /overlaps 10\.0\.0\.0\/16 of the VPC of cluster b in ws\/b\.yaml \(connected by connectedNetworks: all in the project file\) and 10\.0\.64\.0\/18 of resource Vpc in ws\/net\.yaml \(connected by connectedNetworks: all in the project file\)\./,
    );
    assert.deepEqual(relatedLines(finding), [
      [4, 'block 10.0.0.0/16 of the VPC of cluster b'],
      [11, 'block 10.0.64.0/18 of resource Vpc'],
    ]);
    assert.deepEqual(
      finding.related?.map((r) => r.uri),
      ['file:///ws/b.yaml', 'file:///ws/net.yaml'],
    );
  });

  it('points at the other document of the same file (a related place without a uri is in the checked file)', () => {
    const findings = runRule(rule, { config: ALL, uri: 'file:///ws/two.yaml', text: newVpc('a', '10.0.0.0/16') + '---\n' + newVpc('b', '10.0.0.0/16') });
    assert.equal(findings.length, 2);
    assert.deepEqual(
      findings.map((f) => [f.related?.length, f.related?.[0].uri, (f.related?.[0].range.start.line ?? -1) + 1]),
      [
        [1, undefined, 9],
        [1, undefined, 4],
      ],
    );
  });
});
