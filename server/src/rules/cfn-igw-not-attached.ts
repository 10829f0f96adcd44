import { defineRule } from '../engine/rule';
import { templateOf } from '../formats/cloudformation/template';

// An internet gateway carries traffic only for the VPC it is attached to: a route to it from a
// route table of another (or no) VPC fails when the stack creates it.
// https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html

export default defineRule({
  meta: {
    code: 'cfn-igw-not-attached',
    severity: 'error',
    kinds: ['cloudformation'],
    title: "A route targets an internet gateway that is not attached to the route table's VPC",
    docs: 'docs/rules/cfn-igw-not-attached.md',
  },
  check({ doc, report }) {
    const t = templateOf(doc);
    const attachments = t.ofType('AWS::EC2::VPCGatewayAttachment');
    for (const route of t.ofType('AWS::EC2::Route')) {
      const gatewayNode = t.prop(route, 'GatewayId');
      const igw = t.refOf(gatewayNode);
      if (!gatewayNode || !igw || t.resources.get(igw)?.type !== 'AWS::EC2::InternetGateway') continue;
      const table = t.resources.get(t.refOf(t.prop(route, 'RouteTableId')) ?? '');
      const vpc = table?.type === 'AWS::EC2::RouteTable' ? t.refOf(t.prop(table, 'VpcId')) : undefined;
      if (!vpc) continue;
      // Attachments whose VPC or gateway cannot be read might be the missing one.
      const relevant = attachments.map((att) => ({ gw: t.refOf(t.prop(att, 'InternetGatewayId')), vpc: t.refOf(t.prop(att, 'VpcId')) }));
      if (relevant.some((r) => (r.gw === igw && r.vpc === undefined) || (r.gw === undefined && r.vpc === vpc))) continue;
      if (relevant.some((r) => r.gw === igw && r.vpc === vpc)) continue;
      const elsewhere = relevant.find((r) => r.gw === igw);
      report({
        target: gatewayNode,
        message: elsewhere
          ? `Internet gateway ${igw} is attached to ${elsewhere.vpc}, not to ${vpc}, the VPC of route table ${table!.id}. A route can only use a gateway attached to its own VPC; the route fails to create.`
          : `Internet gateway ${igw} is not attached to any VPC: add an AWS::EC2::VPCGatewayAttachment with InternetGatewayId: !Ref ${igw} and VpcId: !Ref ${vpc}, and make this route depend on it (DependsOn), or the route fails to create.`,
        related: [{ target: t.resources.get(igw)!.keyNode, message: `internet gateway ${igw}` }],
      });
    }
  },
});
