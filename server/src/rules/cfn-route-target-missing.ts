import { defineRule } from '../engine/rule';
import { intrinsicOf } from '../formats/cloudformation/intrinsics';
import { templateOf } from '../formats/cloudformation/template';
import { scalarText } from '../model/nav';

// A `Ref` must name a parameter, a resource of the template or a pseudo parameter; CloudFormation
// refuses a template that refers to anything else ("Unresolved resource dependencies").
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-ref.html

const FIELDS = ['RouteTableId', 'GatewayId', 'NatGatewayId'];

export default defineRule({
  meta: {
    code: 'cfn-route-target-missing',
    severity: 'error',
    kinds: ['cloudformation'],
    title: "A route's RouteTableId, GatewayId or NatGatewayId refers to a name the template does not define",
    docs: 'docs/rules/cfn-route-target-missing.md',
  },
  check({ doc, report }) {
    const t = templateOf(doc);
    for (const route of t.ofType('AWS::EC2::Route')) {
      for (const field of FIELDS) {
        const node = t.prop(route, field);
        const call = intrinsicOf(node, doc);
        if (!node || call?.name !== 'Ref') continue;
        const name = scalarText(call.arg);
        if (!name || name.startsWith('AWS::') || t.resources.has(name) || t.parameters.has(name)) continue;
        report({
          target: node,
          message: `${field} refers to ${name}, which is neither a resource nor a parameter of this template; CloudFormation rejects the template. Check the logical ID's spelling, or take the ID from a parameter or !ImportValue.`,
        });
      }
    }
  },
});
