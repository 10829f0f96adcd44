// Evidence in CloudFormation templates that VPCs are, or will be, joined into one routed network:
// peering connections, transit gateway attachments and Site-to-Site VPN connections. The rule
// vpc-cidr-overlap reports an overlap only between VPCs that share such a network (or that the
// project file declares connected), so two copies of `10.0.0.0/16` in a library of templates stay
// quiet while a peered pair does not.
//
// A VPC is named by identities that other templates can use too: its logical ID in its own
// template, the literal name of an Output that exports it (`Fn::ImportValue` with that name), and,
// for an existing VPC, its literal `vpc-…` ID. A link says "this VPC joins that network". What is
// evidence (and what is not) is written down in docs/rules/vpc-cidr-overlap.md:
// - a peering connection joins the two VPCs it names;
// - transit gateway attachments join the VPCs attached to the same gateway: the same resource of one
//   template (or its literal export), the same literal `tgw-…` ID, or the same parameter of one
//   template. The same parameter *name* in two templates is not evidence: each stack may pass any value.
// - VPN connections join the VPCs whose virtual private gateways connect to the same customer
//   gateway (same resource, same literal `cgw-…` ID, or the same literal public IP address): the
//   network behind that device routes to both.
// - Direct Connect gateway associations join the VPCs whose virtual private gateways are
//   associated with the same Direct Connect gateway (same resource, literal ID or parameter).
import type { Node } from 'yaml';
import type { FileModel, StreamDocument } from '../../model/document';
import { entries, get, literalString, scalarText } from '../../model/nav';
import type { LinkFact } from '../../workspace/facts';
import { intrinsicOf } from './intrinsics';
import { templateOf, type Template } from './template';

/** The identities of a VPC resource `logicalId` of a template: its place, and each literal export of it. */
export function cfnVpcIdentities(file: FileModel, doc: StreamDocument, logicalId: string): string[] {
  const t = templateOf(doc);
  if (t.resources.get(logicalId)?.type !== 'AWS::EC2::VPC') return [];
  return [resourceKey(file, doc, logicalId), ...(exportsOf(t).get(logicalId) ?? []).map((name) => `export:${name}`)];
}

/** The links a CloudFormation template declares. */
export function documentLinks(file: FileModel, doc: StreamDocument): LinkFact[] {
  const t = templateOf(doc);
  const links: LinkFact[] = [];
  const where = fileName(file.uri);
  const vpcOf = (node: Node | undefined) => endpoint(file, doc, t, node, 'VPC');

  for (const peering of t.ofType('AWS::EC2::VPCPeeringConnection')) {
    const a = vpcOf(t.prop(peering, 'VpcId'));
    const b = vpcOf(t.prop(peering, 'PeerVpcId'));
    if (!a.length || !b.length) continue;
    const network = `peering:${resourceKey(file, doc, peering.id)}`;
    const label = `peering connection ${peering.id} in ${where}`;
    for (const vpc of [...a, ...b]) links.push({ vpc, network, label });
  }

  for (const type of ['AWS::EC2::TransitGatewayAttachment', 'AWS::EC2::TransitGatewayVpcAttachment']) {
    for (const attachment of t.ofType(type)) {
      const vpcs = vpcOf(t.prop(attachment, 'VpcId'));
      const node = t.prop(attachment, 'TransitGatewayId');
      const gateways = endpoint(file, doc, t, node, 'TGW');
      const label = `transit gateway ${gatewayName(t, node)} (attachment ${attachment.id} in ${where})`;
      for (const vpc of vpcs) for (const gateway of gateways) links.push({ vpc, network: `tgw:${gateway}`, label });
    }
  }

  // A virtual private gateway serves the VPC it is attached to; its VPN connections lead to a
  // customer gateway, the on-premises device that routes to every VPC it has a tunnel to.
  const attachments = t.ofType('AWS::EC2::VPCGatewayAttachment');
  for (const vpn of t.ofType('AWS::EC2::VPNConnection')) {
    const vgw = t.refOf(t.prop(vpn, 'VpnGatewayId'));
    if (!vgw || t.resources.get(vgw)?.type !== 'AWS::EC2::VPNGateway') continue;
    const node = t.prop(vpn, 'CustomerGatewayId');
    const devices = endpoint(file, doc, t, node, 'CGW');
    const vpcs = attachments.filter((a) => t.refOf(t.prop(a, 'VpnGatewayId')) === vgw).flatMap((a) => vpcOf(t.prop(a, 'VpcId')));
    const label = `VPN connections to customer gateway ${gatewayName(t, node)} (${vpn.id} in ${where})`;
    for (const vpc of vpcs) for (const device of devices) links.push({ vpc, network: `vpn:${device}`, label });
  }

  // A Direct Connect gateway associated with virtual private gateways: the on-premises network
  // behind it reaches each of their VPCs. (An association with a transit gateway adds nothing: the
  // VPCs attached to that transit gateway are joined already.)
  for (const association of t.ofType('AWS::DirectConnect::DirectConnectGatewayAssociation')) {
    const vgw = t.refOf(t.prop(association, 'AssociatedGatewayId'));
    if (!vgw || t.resources.get(vgw)?.type !== 'AWS::EC2::VPNGateway') continue;
    const node = t.prop(association, 'DirectConnectGatewayId');
    const gateways = endpoint(file, doc, t, node, 'DXGW');
    const vpcs = attachments.filter((a) => t.refOf(t.prop(a, 'VpnGatewayId')) === vgw).flatMap((a) => vpcOf(t.prop(a, 'VpcId')));
    const label = `Direct Connect gateway ${gatewayName(t, node)} (${association.id} in ${where})`;
    for (const vpc of vpcs) for (const gateway of gateways) links.push({ vpc, network: `dx:${gateway}`, label });
  }
  return links;
}

type EndpointKind = 'VPC' | 'TGW' | 'CGW' | 'DXGW';
const RESOURCE_TYPE: Record<EndpointKind, string> = {
  VPC: 'AWS::EC2::VPC',
  TGW: 'AWS::EC2::TransitGateway',
  CGW: 'AWS::EC2::CustomerGateway',
  DXGW: 'AWS::DirectConnect::DirectConnectGateway',
};
// Direct Connect gateway IDs are UUIDs.
const LITERAL_ID: Record<EndpointKind, RegExp> = {
  VPC: /^vpc-[0-9a-f]{8,17}$/i,
  TGW: /^tgw-[0-9a-f]{8,17}$/i,
  CGW: /^cgw-[0-9a-f]{8,17}$/i,
  DXGW: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

/**
 * The identities a property value names: a resource of the template (with its literal exports),
 * a literal ID (written, or the Default of a parameter), an import by a literal export name, or,
 * for gateways, a parameter of this template without a default (the same parameter is the same
 * value within one stack). Empty when nothing can be resolved.
 */
function endpoint(file: FileModel, doc: StreamDocument, t: Template, node: Node | undefined, kind: EndpointKind): string[] {
  const literal = (text: string | undefined) => (text && LITERAL_ID[kind].test(text) ? [`id:${text.toLowerCase()}`] : []);
  const call = intrinsicOf(node, doc);
  if (!call) return literal(literalString(node));
  if (call.name === 'Fn::ImportValue') {
    const name = importedName(call, doc);
    return name ? [`export:${name}`] : [];
  }
  const ref = t.refOf(node);
  if (!ref) return [];
  const resource = t.resources.get(ref);
  if (resource) {
    if (resource.type !== RESOURCE_TYPE[kind]) return [];
    const keys = [resourceKey(file, doc, ref), ...(exportsOf(t).get(ref) ?? []).map((name) => `export:${name}`)];
    // A customer gateway is also known by its device's public address, which templates copy.
    const ip = kind === 'CGW' ? literalString(t.prop(resource, 'IpAddress')) : undefined;
    return ip ? [...keys, `ip:${ip}`] : keys;
  }
  if (call.name !== 'Ref' || !t.parameters.has(ref)) return [];
  const fallback = literal(literalString(get(get(get(doc.root, 'Parameters', doc.anchors), ref, doc.anchors), 'Default', doc.anchors)));
  if (fallback.length) return fallback;
  return kind === 'VPC' ? [] : [`param:${resourceKey(file, doc, ref)}`];
}

/** Logical IDs of the template exported under a literal name, with those names. */
const exportCache = new WeakMap<Template, Map<string, string[]>>();

function exportsOf(t: Template): Map<string, string[]> {
  const cached = exportCache.get(t);
  if (cached) return cached;
  const a = t.doc.anchors;
  const out = new Map<string, string[]>();
  exportCache.set(t, out);
  for (const [, output] of entries(get(t.doc.root, 'Outputs', a), a)) {
    const name = exportName(get(get(output, 'Export', a), 'Name', a), t.doc);
    const id = t.refOf(get(output, 'Value', a));
    if (!name || !id) continue;
    out.set(id, [...(out.get(id) ?? []), name]);
  }
  return out;
}

/** A literal export name, or a `Fn::Sub` without variables; undefined for names built from the stack. */
function exportName(node: Node | undefined, doc: StreamDocument): string | undefined {
  const call = intrinsicOf(node, doc);
  // A short-form tag (`!Sub text`) sits on the scalar itself.
  const text = call ? (call.name === 'Fn::Sub' ? (call.arg === call.node ? scalarText(call.arg) : literalString(call.arg)) : undefined) : literalString(node);
  return text && !text.includes('${') ? text : undefined;
}

/** The export name an `Fn::ImportValue` call reads, when it is literal. */
function importedName(call: { arg: Node | undefined; node: Node }, doc: StreamDocument): string | undefined {
  if (call.arg !== call.node) return exportName(call.arg, doc);
  const text = scalarText(call.arg);
  return text && !text.includes('${') ? text : undefined;
}

function gatewayName(t: Template, node: Node | undefined): string {
  const ref = t.refOf(node);
  if (ref) return ref;
  const text = literalString(node);
  if (text) return text;
  const call = intrinsicOf(node, t.doc);
  return call?.name === 'Fn::ImportValue' ? `imported as ${importedName(call, t.doc)}` : 'of the template';
}

function resourceKey(file: FileModel, doc: StreamDocument, id: string): string {
  return `cfn:${file.uri}#${doc.index}#${id}`;
}

function fileName(uri: string): string {
  const last = uri.split(/[\\/]/).pop() || uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
