import { ruleTester } from '../../../test/support/ruleTester';
import { association, igw, route, subnet, table, template, vpc } from './cfn-wiring.fixtures';
import rule from './cfn-nat-in-private-subnet';

const nat = (subnetId: string, connectivity?: string, mode?: string) => [
  '  Nat:',
  '    Type: AWS::EC2::NatGateway',
  `    Properties: {SubnetId: !Ref ${subnetId}${connectivity ? `, ConnectivityType: ${connectivity}` : ''}${mode ? `, AvailabilityMode: ${mode}` : ''}}`,
];

const layout = (natSubnet: string, connectivity?: string, mode?: string) =>
  template(
    vpc,
    igw(),
    table('PublicTable'),
    route('PublicDefault', 'PublicTable', 'GatewayId: !Ref Igw'),
    table('PrivateTable'),
    route('PrivateDefault', 'PrivateTable', 'NatGatewayId: !Ref Nat'),
    subnet('PublicA', '10.0.0.0/24', 'true'),
    association('PublicAAssoc', 'PublicA', 'PublicTable'),
    subnet('PrivateA', '10.0.1.0/24'),
    association('PrivateAAssoc', 'PrivateA', 'PrivateTable'),
    nat(natSubnet, connectivity, mode),
  );

ruleTester(rule, {
  valid: [
    { name: 'the NAT gateway in the public subnet', text: layout('PublicA') },
    { name: 'a private NAT gateway belongs in a private subnet', text: layout('PrivateA', 'private') },
    { name: 'a regional NAT gateway needs no public subnet', text: layout('PrivateA', undefined, 'regional') },
    { name: 'an availability mode from an unresolved parameter is not judged', text: layout('PrivateA', undefined, '!Ref NatMode') },
    { name: 'a subnet with no explicit association is not judged', text: template(vpc, subnet('Lone', '10.0.0.0/24'), nat('Lone')) },
    { name: 'a subnet from a parameter is not judged', text: template(vpc, nat('SubnetParam')) },
    {
      name: 'a subnet whose default route goes to a transit gateway may hold a public NAT gateway on purpose',
      text: template(vpc, table('T'), route('ToTgw', 'T', 'TransitGatewayId: tgw-0123456789abcdef0'), subnet('S', '10.0.0.0/24'), association('SA', 'S', 'T'), nat('S')),
    },
    {
      name: 'a subnet whose default route goes to a firewall endpoint (AWS Network Firewall in front of the internet gateway)',
      text: template(vpc, table('T'), route('ToFirewall', 'T', 'VpcEndpointId: vpce-0123456789abcdef0'), subnet('S', '10.0.0.0/24'), association('SA', 'S', 'T'), nat('S')),
    },
  ],
  invalid: [
    {
      name: 'the NAT gateway in the private subnet it serves',
      text: layout('PrivateA'),
      errors: [
        {
          line: 48,
          severity: 'warning',
          message: /^NAT gateway Nat is in subnet PrivateA, whose route table PrivateTable has no route to an internet gateway, so unless something outside this template routes its traffic out/,
        },
      ],
    },
    { name: 'ConnectivityType public written out', text: layout('PrivateA', 'public'), errors: [{ line: 48 }] },
    { name: 'AvailabilityMode zonal written out: a zonal NAT gateway still needs a public subnet', text: layout('PrivateA', undefined, 'zonal'), errors: [{ line: 48 }] },
    {
      name: 'JSON template',
      uri: 't.json',
      text:
        '{"Resources": {\n' +
        '"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},\n' +
        '"T": {"Type": "AWS::EC2::RouteTable", "Properties": {"VpcId": {"Ref": "Vpc"}}},\n' +
        '"S": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": "10.0.0.0/24"}},\n' +
        '"A": {"Type": "AWS::EC2::SubnetRouteTableAssociation", "Properties": {"SubnetId": {"Ref": "S"}, "RouteTableId": {"Ref": "T"}}},\n' +
        '"N": {"Type": "AWS::EC2::NatGateway", "Properties": {"SubnetId": {"Ref": "S"}}}\n}}\n',
      errors: [{ line: 6 }],
    },
    {
      name: 'a default route to a VPC endpoint in another table of the template does not excuse this one',
      text: template(vpc, table('T'), table('Other'), route('ToFirewall', 'Other', 'VpcEndpointId: vpce-0123456789abcdef0'), subnet('S', '10.0.0.0/24'), association('SA', 'S', 'T'), nat('S')),
      errors: [{ line: 28, severity: 'warning' }],
    },
  ],
});
