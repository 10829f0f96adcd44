import { defineRule } from '../engine/rule';
import { defaultRouteToPrivateNetwork, routesToIgw, routeTablesOfSubnet, templateOf, type Template } from '../formats/cloudformation/template';

// A public NAT gateway sends its traffic out through the internet gateway of the subnet it is in:
// placed in a subnet with no route to one, it cannot give private subnets internet access.
// https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html
// A warning, not an error: the stack deploys, and designs exist where the NAT gateway's subnet
// has no internet route of its own (central egress through a transit gateway; a firewall or
// appliance endpoint in front of the internet gateway). See docs/rules/README.md for the policy.
// https://docs.aws.amazon.com/network-firewall/latest/developerguide/arch-igw-ngw.html

export default defineRule({
  meta: {
    code: 'cfn-nat-in-private-subnet',
    severity: 'warning',
    kinds: ['cloudformation'],
    title: 'A public NAT gateway sits in a subnet whose route table has no route to an internet gateway',
    docs: 'docs/rules/cfn-nat-in-private-subnet.md',
  },
  check({ doc, report }) {
    const t = templateOf(doc);
    for (const nat of t.ofType('AWS::EC2::NatGateway')) {
      const connectivity = t.ev.evaluate(t.prop(nat, 'ConnectivityType'));
      if (t.prop(nat, 'ConnectivityType') && (connectivity.kind !== 'string' || connectivity.value !== 'public')) continue;
      // A regional NAT gateway belongs to the VPC, not to a subnet, and needs no public subnet; only
      // a zonal one (the default) is placed in a subnet. Unresolved modes are not judged.
      // https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateways-regional.html
      const mode = t.ev.evaluate(t.prop(nat, 'AvailabilityMode'));
      if (t.prop(nat, 'AvailabilityMode') && (mode.kind !== 'string' || mode.value !== 'zonal')) continue;
      const subnetNode = t.prop(nat, 'SubnetId');
      const subnet = t.refOf(subnetNode);
      if (!subnetNode || !subnet || t.resources.get(subnet)?.type !== 'AWS::EC2::Subnet') continue;
      const { tables, unknown } = routeTablesOfSubnet(t, subnet);
      if (!tables.length || unknown) continue;
      if (tables.map((table) => routesToIgw(t, table)).some((r) => r !== false)) continue;
      // A public NAT gateway can also serve traffic to other networks through a transit gateway or
      // a VPN: a subnet that sends its default route there may hold one on purpose.
      if (tables.some((table) => defaultRouteToPrivateNetwork(t, table))) continue;
      // A NAT gateway whose subnet sends 0.0.0.0/0 to a VPC endpoint (an AWS Network Firewall or
      // Gateway Load Balancer endpoint) reaches the internet gateway through that appliance.
      if (tables.some((table) => defaultRouteToEndpoint(t, table))) continue;
      report({
        target: subnetNode,
        message: `NAT gateway ${nat.id} is in subnet ${subnet}, whose route table ${tables.join(', ')} has no route to an internet gateway, so unless something outside this template routes its traffic out, the NAT gateway cannot reach the internet and the private subnets that route to it get no internet access. Put it in a public subnet, or route the subnet's internet traffic (through a firewall endpoint or a transit gateway, if that is the design).`,
        related: tables.map((table) => ({ target: t.resources.get(table)!.keyNode, message: `route table ${table}` })),
      });
    }
  },
});

/** Whether a route table sends 0.0.0.0/0 to a VPC endpoint (a firewall or load-balancer appliance). */
function defaultRouteToEndpoint(t: Template, tableId: string): boolean {
  return t.ofType('AWS::EC2::Route').some((route) => {
    if (t.refOf(t.prop(route, 'RouteTableId')) !== tableId) return false;
    const destination = t.ev.evaluate(t.prop(route, 'DestinationCidrBlock'));
    return destination.kind === 'string' && destination.value === '0.0.0.0/0' && !!t.prop(route, 'VpcEndpointId');
  });
}
