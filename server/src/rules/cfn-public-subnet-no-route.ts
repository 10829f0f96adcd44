import { defineRule } from '../engine/rule';
import { routesToIgw, routeTablesOfSubnet, templateOf } from '../formats/cloudformation/template';

// A subnet that gives instances public addresses is only public when its route table sends
// 0.0.0.0/0 to an internet gateway; without that route, the public addresses reach nothing.
// https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html#vpc-igw-internet-access

export default defineRule({
  meta: {
    code: 'cfn-public-subnet-no-route',
    severity: 'warning',
    kinds: ['cloudformation'],
    title: 'A subnet maps public IP addresses but its route table has no route to an internet gateway',
    docs: 'docs/rules/cfn-public-subnet-no-route.md',
  },
  check({ doc, report }) {
    const t = templateOf(doc);
    for (const subnet of t.ofType('AWS::EC2::Subnet')) {
      const flag = t.prop(subnet, 'MapPublicIpOnLaunch');
      const value = t.ev.evaluate(flag);
      if (!flag || value.kind !== 'string' || value.value !== 'true') continue;
      const { tables, unknown } = routeTablesOfSubnet(t, subnet.id);
      // Without an explicit association the subnet uses the VPC's main route table, which the
      // template cannot show; an association we cannot read might route it.
      if (!tables.length || unknown) continue;
      const routed = tables.map((table) => routesToIgw(t, table));
      if (routed.some((r) => r !== false)) continue;
      report({
        target: flag,
        message: `Subnet ${subnet.id} gives instances public IP addresses, but its route table ${tables.join(', ')} has no route to an internet gateway, so those addresses reach nothing and nothing reaches them. Add an AWS::EC2::Route with DestinationCidrBlock: 0.0.0.0/0 and GatewayId: !Ref <your internet gateway>, or set MapPublicIpOnLaunch to false for a private subnet.`,
        related: tables.map((table) => ({ target: t.resources.get(table)!.keyNode, message: `route table ${table}` })),
      });
    }
  },
});
