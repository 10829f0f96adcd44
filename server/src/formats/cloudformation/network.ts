// Reads the VPC layout of a CloudFormation template into the neutral network model: VPCs, their
// secondary IPv4 blocks (AWS::EC2::VPCCidrBlock) and subnets, linked through `VpcId: !Ref <VPC>`.
// Only literal values are read; a CIDR computed by an intrinsic (`!Select [0, !Cidr …]`, `!Ref
// Parameter`) is left out, so the rules stay silent about it. Subnets of a VPC defined elsewhere
// (`!ImportValue`, a parameter) are grouped by that reference, so they can still be compared with
// each other. Resource reference:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/AWS_EC2.html
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { StreamDocument } from '../../model/document';
import { entries, get, isTemplated, items, literalString, scalarText, type AnchorTable } from '../../model/nav';
import { cloudFormationPodNetworking } from './cni';
import { vpcIsForEks } from './eks';
import { evaluatorOf, SYMBOLIC_AZ, type Evaluator } from './intrinsics';
import { recordOrigins } from '../../model/origins';
import { parseCidr } from '../../net/cidr';
import type { NetworkModel, SubnetModel, VpcModel, WrittenCidr } from '../../network/model';
import { symbolicZone } from '../../network/zones';

interface VpcDraft {
  node?: Node;
  primary?: WrittenCidr;
  secondary: WrittenCidr[];
  subnets: SubnetModel[];
  /** True when the VPC resource is in this template (not a parameter or an import). */
  defined: boolean;
  extentUnknown: boolean;
}

/**
 * The VPC a `VpcId` names: `!Ref X`, `{"Ref": "X"}`, or X's `VpcId` attribute (`!GetAtt X.VpcId`,
 * `!GetAtt [X, VpcId]`, `{"Fn::GetAtt": ["X", "VpcId"]}`); undefined for anything else.
 */
export function refTarget(node: Node | undefined, a: AnchorTable): string | undefined {
  if (isScalar(node) && node.tag === '!Ref') return scalarText(node);
  if (isScalar(node) && node.tag === '!GetAtt') {
    const [id, attribute] = (scalarText(node) ?? '').split('.');
    return attribute === 'VpcId' ? id : undefined;
  }
  if (isSeq(node) && node.tag === '!GetAtt') return vpcIdAttribute(node, a);
  if (isMap(node) && node.items.length === 1) {
    const ref = get(node, 'Ref', a);
    return ref ? literalString(ref) : vpcIdAttribute(get(node, 'Fn::GetAtt', a), a);
  }
  return undefined;
}

function vpcIdAttribute(list: Node | undefined, a: AnchorTable): string | undefined {
  const parts = items(list, a).map(literalString);
  return parts.length === 2 && parts[1] === 'VpcId' ? parts[0] : undefined;
}

/**
 * The IPv4 block a property holds: a literal, or what its intrinsics resolve to (a parameter's
 * Default, `!Select` of `!Cidr`, …). Findings stay on the property; the places the value came from
 * are recorded so they are shown beside it.
 */
function cidrAt(node: Node | undefined, path: string, ev: Evaluator): WrittenCidr | undefined {
  if (!node) return undefined;
  const value = ev.evaluate(node);
  if (value.kind !== 'string' || isTemplated(value.value)) return undefined;
  const parsed = parseCidr(value.value);
  if (!parsed.ok || parsed.value.family !== 4) return undefined;
  const literal = literalString(node) !== undefined;
  if (!literal)
    recordOrigins(
      node,
      value.from.map((from) => ({ node: from, message: `${parsed.value.text} comes from ${ev.labelOf(from)}` })),
    );
  return { cidr: parsed.value, node, path };
}

export function cloudFormationNetwork(doc: StreamDocument): NetworkModel {
  const a = doc.anchors;
  const ev = evaluatorOf(doc);
  const resources = entries(get(doc.root, 'Resources', a), a);
  const vpcs = new Map<string, VpcDraft>();
  const draft = (id: string): VpcDraft => {
    let v = vpcs.get(id);
    if (!v) vpcs.set(id, (v = { secondary: [], subnets: [], defined: false, extentUnknown: false }));
    return v;
  };
  for (const [id, resource, pair] of resources) {
    const type = scalarText(get(resource, 'Type', a));
    const properties = get(resource, 'Properties', a);
    if (type === 'AWS::EC2::VPC') {
      const v = draft(id);
      v.defined = true;
      v.node = (pair.key as Node | null) ?? undefined;
      v.primary = cidrAt(get(properties, 'CidrBlock', a), `Resources.${id}.Properties.CidrBlock`, ev);
    } else if (type === 'AWS::EC2::VPCCidrBlock') {
      const vpc = refTarget(get(properties, 'VpcId', a), a);
      if (!vpc) continue;
      const cidrNode = get(properties, 'CidrBlock', a);
      const cidr = cidrAt(cidrNode, `Resources.${id}.Properties.CidrBlock`, ev);
      if (cidr) draft(vpc).secondary.push(cidr);
      // An IPv4 block this tool cannot read (a parameter, an intrinsic, an IPAM pool) hides part of
      // the VPC; an IPv6-only block (no CidrBlock, no IPv4 pool) does not.
      else if (cidrNode || get(properties, 'Ipv4IpamPoolId', a)) draft(vpc).extentUnknown = true;
    } else if (type === 'AWS::EC2::Subnet') {
      const vpc = refTarget(get(properties, 'VpcId', a), a);
      const keyNode = (pair.key as Node | null) ?? resource;
      if (!vpc || !keyNode) continue;
      // The zone by name, or else by ID (`AvailabilityZoneId: use1-az1`): either names one zone.
      const azNode = get(properties, 'AvailabilityZone', a) ?? get(properties, 'AvailabilityZoneId', a);
      const azValue = ev.evaluate(azNode);
      // `!Select [n, !GetAZs '']` names the region's n-th zone; distinct indexes are distinct zones.
      const symbolic = azValue.kind === 'string' ? SYMBOLIC_AZ.exec(azValue.value) : null;
      const az = azValue.kind !== 'string' ? undefined : symbolic ? symbolicZone(Number(symbolic[1])) : azValue.value;
      draft(vpc).subnets.push({
        name: id,
        node: keyNode,
        cidr: cidrAt(get(properties, 'CidrBlock', a), `Resources.${id}.Properties.CidrBlock`, ev),
        ...(az !== undefined && !isTemplated(az) ? { az, azNode } : {}),
      });
    }
  }
  const out: VpcModel[] = [];
  for (const v of vpcs.values()) {
    const names = v.subnets.map((s) => s.name);
    // Subnets on an AWS Outposts rack (OutpostArn) serve a local cluster: one rack, one zone.
    const servesEksControlPlane = vpcIsForEks(doc, names) && !names.some((name) => onOutpost(doc, name));
    out.push({ node: v.node, primary: v.primary, secondary: v.secondary, subnets: v.subnets, existing: !v.defined, extentUnknown: v.extentUnknown, servesEksControlPlane });
  }
  const podNetworking = cloudFormationPodNetworking(doc);
  return podNetworking ? { vpcs: out, podNetworking } : { vpcs: out };
}

function onOutpost(doc: StreamDocument, logicalId: string): boolean {
  const a = doc.anchors;
  return get(get(get(get(doc.root, 'Resources', a), logicalId, a), 'Properties', a), 'OutpostArn', a) !== undefined;
}
