import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { relatedLines, ruleTester, runRule } from '../../../test/support/ruleTester';
import { igw, route, table, template, vpc } from './cfn-wiring.fixtures';
import rule from './cfn-igw-not-attached';

const other = ['  Other:', '    Type: AWS::EC2::VPC', '    Properties: {CidrBlock: 10.1.0.0/16}'];

ruleTester(rule, {
  valid: [
    { name: 'attached to the route table’s VPC', text: template(vpc, igw(), table('Public'), route('Default', 'Public', 'GatewayId: !Ref Igw')) },
    { name: 'a gateway from a parameter is not judged', text: template(vpc, table('Public'), route('Default', 'Public', 'GatewayId: !Ref GatewayParam')) },
    {
      name: 'an attachment whose VPC is imported might be the one',
      text: template(
        vpc,
        igw('Vpc').map((l) => l.replace('!Ref Vpc', '!ImportValue shared-vpc')),
        table('Public'),
        route('Default', 'Public', 'GatewayId: !Ref Igw'),
      ),
    },
    { name: 'a route table given by a parameter is not judged', text: template(vpc, igw(null), route('Default', 'TableParam', 'GatewayId: !Ref Igw')) },
  ],
  invalid: [
    {
      name: 'no attachment at all',
      text: template(vpc, igw(null), table('Public'), route('Default', 'Public', 'GatewayId: !Ref Igw')),
      errors: [
        { line: 16, severity: 'error', message: /^Internet gateway Igw is not attached to any VPC: add an AWS::EC2::VPCGatewayAttachment with InternetGatewayId: !Ref Igw and VpcId: !Ref Vpc/ },
      ],
    },
    {
      name: 'attached to another VPC',
      text: template(vpc, other, igw('Other'), table('Public'), route('Default', 'Public', 'GatewayId: !Ref Igw')),
      errors: [{ line: 22, message: /^Internet gateway Igw is attached to Other, not to Vpc, the VPC of route table Public\./ }],
    },
    {
      name: 'JSON template, long form',
      uri: 't.json',
      text: '{"Resources": {\n"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}},\n"Igw": {"Type": "AWS::EC2::InternetGateway"},\n"T": {"Type": "AWS::EC2::RouteTable", "Properties": {"VpcId": {"Ref": "Vpc"}}},\n"R": {"Type": "AWS::EC2::Route", "Properties": {"RouteTableId": {"Ref": "T"}, "DestinationCidrBlock": "0.0.0.0/0", "GatewayId": {"Ref": "Igw"}}}\n}}\n',
      errors: [{ line: 5, message: /^Internet gateway Igw is not attached to any VPC/ }],
    },
  ],
});

describe('rule cfn-igw-not-attached: related information', () => {
  it('points at the gateway', () => {
    const [f] = runRule(rule, { text: template(vpc, igw(null), table('Public'), route('Default', 'Public', 'GatewayId: !Ref Igw')) });
    assert.deepEqual(relatedLines(f), [[6, 'internet gateway Igw']]);
  });
});
