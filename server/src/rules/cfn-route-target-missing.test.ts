import { ruleTester } from '../../../test/support/ruleTester';
import { igw, route, table, template, vpc } from './cfn-wiring.fixtures';
import rule from './cfn-route-target-missing';

const params = 'Parameters:\n  TableParam: {Type: String}\n';

ruleTester(rule, {
  valid: [
    { name: 'every reference defined in the template', text: template(vpc, igw(), table('Public'), route('Default', 'Public', 'GatewayId: !Ref Igw')) },
    {
      name: 'references to parameters and pseudo parameters are fine',
      text: params + template(vpc, route('Default', 'TableParam', 'GatewayId: !Ref AWS::NoValue')).replace("AWSTemplateFormatVersion: '2010-09-09'\n", ''),
    },
    {
      name: 'imports and GetAtt are not plain Refs',
      text: template(
        vpc,
        route('Default', 'Public', 'NatGatewayId: !ImportValue shared-nat').map((l) => l.replace('!Ref Public', '!GetAtt Public.RouteTableId')),
      ),
    },
  ],
  invalid: [
    {
      name: 'a misspelled gateway',
      text: template(vpc, igw(), table('Public'), route('Default', 'Public', 'GatewayId: !Ref InternetGateway')),
      errors: [{ line: 19, severity: 'error', message: /^GatewayId refers to InternetGateway, which is neither a resource nor a parameter of this template; CloudFormation rejects the template\./ }],
    },
    {
      name: 'a missing route table and NAT gateway (flow style)',
      text: template(vpc, ['  R:', '    Type: AWS::EC2::Route', '    Properties: {RouteTableId: !Ref PrivateTable, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref NatA}']),
      errors: [
        { line: 8, message: /^RouteTableId refers to PrivateTable/ },
        { line: 8, message: /^NatGatewayId refers to NatA/ },
      ],
    },
    {
      name: 'JSON long form',
      uri: 't.json',
      text: '{"Resources": {\n"R": {"Type": "AWS::EC2::Route", "Properties": {"RouteTableId": {"Ref": "Missing"}, "DestinationCidrBlock": "0.0.0.0/0", "GatewayId": {"Ref": "AWS::NoValue"}}}\n}}\n',
      errors: [{ line: 2, message: /^RouteTableId refers to Missing/ }],
    },
  ],
});
