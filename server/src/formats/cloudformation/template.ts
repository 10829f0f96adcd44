// A CloudFormation template's resources by logical ID, with their Type, Properties and positions,
// and the references between them that the wiring rules follow (route → route table → VPC, subnet
// → route table association, NAT gateway → subnet, attachment → internet gateway and VPC).
import { isScalar, type Node, type Pair } from 'yaml';
import { memo, type StreamDocument } from '../../model/document';
import { entries, get, items, literalString, scalarText } from '../../model/nav';
import { evaluatorOf, intrinsicOf, type Evaluator } from './intrinsics';

export interface Resource {
  readonly id: string;
  readonly type: string;
  /** The resource's key, for findings about the resource as a whole. */
  readonly keyNode: Node;
  readonly properties: Node | undefined;
}

export interface Template {
  readonly doc: StreamDocument;
  readonly ev: Evaluator;
  readonly resources: ReadonlyMap<string, Resource>;
  readonly parameters: ReadonlySet<string>;
  ofType(type: string): Resource[];
  prop(resource: Resource, name: string): Node | undefined;
  /** The logical ID a property names with `Ref` (or `GetAtt X.Attr` when `attribute` is given). */
  refOf(node: Node | undefined): string | undefined;
}

export function templateOf(doc: StreamDocument): Template {
  return memo(doc, 'cfnTemplate', () => {
    const a = doc.anchors;
    const resources = new Map<string, Resource>();
    for (const [id, node, pair] of entries(get(doc.root, 'Resources', a), a)) {
      const type = literalString(get(node, 'Type', a));
      if (!type) continue;
      resources.set(id, { id, type, keyNode: keyNodeOf(pair) ?? node!, properties: get(node, 'Properties', a) });
    }
    const parameters = new Set(entries(get(doc.root, 'Parameters', a), a).map(([k]) => k));
    const ev = evaluatorOf(doc);
    return {
      doc,
      ev,
      resources,
      parameters,
      ofType: (type: string) => [...resources.values()].filter((r) => r.type === type),
      prop: (resource: Resource, name: string) => get(resource.properties, name, a),
      refOf: (node: Node | undefined) => {
        const call = intrinsicOf(node, doc);
        if (!call) return undefined;
        if (call.name === 'Ref') return scalarText(call.arg);
        if (call.name === 'Fn::GetAtt') {
          const text = isScalar(call.arg)
            ? String(call.arg.value)
            : items(call.arg, a)
                .map((n) => literalString(n))
                .join('.');
          return text.split('.')[0] || undefined;
        }
        return undefined;
      },
    };
  });
}

function keyNodeOf(pair: Pair): Node | undefined {
  return (pair.key as Node | null) ?? undefined;
}

/** The route tables explicitly associated with a subnet. */
export function routeTablesOfSubnet(t: Template, subnetId: string): { tables: string[]; unknown: boolean } {
  const tables: string[] = [];
  let unknown = false;
  for (const assoc of t.ofType('AWS::EC2::SubnetRouteTableAssociation')) {
    const subnet = t.refOf(t.prop(assoc, 'SubnetId'));
    if (subnet === undefined) {
      unknown = true; // an association we cannot read may be this subnet's
      continue;
    }
    if (subnet !== subnetId) continue;
    const table = t.refOf(t.prop(assoc, 'RouteTableId'));
    if (table && t.resources.get(table)?.type === 'AWS::EC2::RouteTable') tables.push(table);
    else unknown = true;
  }
  return { tables, unknown };
}

/**
 * Whether a route table has a route to an internet gateway of the template, for any destination
 * (a narrower route still makes the subnet public for that range); undefined when it cannot tell.
 */
export function routesToIgw(t: Template, tableId: string): boolean | undefined {
  let unknown = false;
  for (const route of t.ofType('AWS::EC2::Route')) {
    const table = t.refOf(t.prop(route, 'RouteTableId'));
    if (table === undefined) {
      unknown = true;
      continue;
    }
    if (table !== tableId) continue;
    const gatewayNode = t.prop(route, 'GatewayId');
    if (!gatewayNode) continue;
    const gateway = t.refOf(gatewayNode);
    if (gateway === undefined || !t.resources.has(gateway)) {
      unknown = true; // a gateway from a parameter or another stack
      continue;
    }
    if (t.resources.get(gateway)!.type === 'AWS::EC2::InternetGateway') return true;
  }
  return unknown ? undefined : false;
}

/** Whether a route table sends 0.0.0.0/0 to a transit gateway or a virtual private gateway. */
export function defaultRouteToPrivateNetwork(t: Template, tableId: string): boolean {
  return t.ofType('AWS::EC2::Route').some((route) => {
    if (t.refOf(t.prop(route, 'RouteTableId')) !== tableId) return false;
    const destination = t.ev.evaluate(t.prop(route, 'DestinationCidrBlock'));
    if (destination.kind !== 'string' || destination.value !== '0.0.0.0/0') return false;
    if (t.prop(route, 'TransitGatewayId')) return true;
    const gateway = t.resources.get(t.refOf(t.prop(route, 'GatewayId')) ?? '');
    return gateway?.type === 'AWS::EC2::VPNGateway';
  });
}
