import { ruleTester } from '../../../test/support/ruleTester';
import { association, igw, route, subnet, table, template, vpc } from './cfn-wiring.fixtures';
import rule from './cfn-public-subnet-no-route';

const wired = (mapPublic: string, target = 'GatewayId: !Ref Igw', destination = '0.0.0.0/0') =>
  template(vpc, igw(), table('PublicTable'), route('Default', 'PublicTable', target, destination), subnet('PublicA', '10.0.0.0/24', mapPublic), association('PublicAAssoc', 'PublicA', 'PublicTable'));

ruleTester(rule, {
  valid: [
    { name: 'a public subnet routed to the internet gateway', text: wired('true') },
    { name: 'no explicit association: the main route table is not in the template', text: template(vpc, igw(), subnet('PublicA', '10.0.0.0/24', 'true')) },
    { name: 'a private subnet (MapPublicIpOnLaunch false) with no such route', text: wired('false', 'NatGatewayId: !Ref Nat') },
    { name: 'a gateway from a parameter may be an internet gateway', text: wired('true', 'GatewayId: !Ref GatewayParam') },
    { name: 'a narrower route to the internet gateway still makes the subnet public for that range', text: wired('true', 'GatewayId: !Ref Igw', '203.0.113.0/24') },
  ],
  invalid: [
    {
      name: 'the default route goes to a NAT gateway',
      text: wired('true', 'NatGatewayId: !Ref Nat'),
      errors: [{ line: 25, severity: 'warning', message: /^Subnet PublicA gives instances public IP addresses, but its route table PublicTable has no route to an internet gateway/ }],
    },
    {
      name: 'the route table holds no route at all',
      text: template(vpc, igw(), table('PublicTable'), subnet('PublicA', '10.0.0.0/24', 'true'), association('PublicAAssoc', 'PublicA', 'PublicTable')),
      errors: [{ line: 19 }],
    },
    {
      name: 'MapPublicIpOnLaunch from a parameter default, as a string',
      text: 'Parameters:\n  Public: {Type: String, Default: "true"}\n' + wired('!Ref Public', 'NatGatewayId: !Ref Nat').replace("AWSTemplateFormatVersion: '2010-09-09'\n", ''),
      errors: [{ line: 26 }],
    },
  ],
});
