// A template subnet's tier (public, private, VPN-only), read from its route tables.
import type { SubnetFact } from '../../workspace/facts';
import { routesToIgw, routeTablesOfSubnet, type Template } from './template';

/**
 * A template subnet's tier from its associated route tables: public with a route to an internet
 * gateway of the template, VPN-only when it has a route through a virtual private gateway (a
 * Site-to-Site VPN) and none to an internet gateway, private otherwise; unknown when an association or route cannot be read, or the
 * subnet has no explicit association (it then uses the VPC's main route table, not in the template).
 * https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html#subnet-types
 */
export function cfnTier(t: Template, subnet: string): SubnetFact['tier'] {
  const { tables, unknown } = routeTablesOfSubnet(t, subnet);
  if (unknown || !tables.length) return undefined;
  const igw = tables.map((table) => routesToIgw(t, table));
  if (igw.includes(true)) return 'public';
  if (igw.includes(undefined)) return undefined;
  return tables.some((table) => routesToVpnGateway(t, table)) ? 'vpn-only' : 'private';
}

/** Whether a route table has a route through a virtual private gateway of the template. */
function routesToVpnGateway(t: Template, table: string): boolean {
  return t.ofType('AWS::EC2::Route').some((route) => {
    if (t.refOf(t.prop(route, 'RouteTableId')) !== table) return false;
    return t.resources.get(t.refOf(t.prop(route, 'GatewayId')) ?? '')?.type === 'AWS::EC2::VPNGateway';
  });
}
