// Turns a subnet plan (planner.ts) into the smallest insertion into the user's file, written in
// the file's own style: its indentation unit, sequence indentation, quote and flow-brace habits,
// line endings and blank lines between entries. Nothing already written is changed or
// re-serialised. The insertion is refused (with a reason in plain words) whenever it could not be
// certainly right: a layout this module does not edit, a plan that would overlap or fall outside
// what the file already says, a subnet whose block the file computes and so cannot be compared.
import { isMap, isScalar, isSeq, visit, type Node, type Pair, type YAMLMap } from 'yaml';
import type { DocumentKind } from '../model/classify';
import type { FileModel, StreamDocument } from '../model/document';
import { entries, get, literalString, ownPair as lastOwnPair, scalarText } from '../model/nav';
import { EKSCTL_DEFAULT_VPC_CIDR } from '../formats/eksctl/network';
import { effectiveVpcRanges, type VpcModel } from '../network/model';
import { contains, overlaps, parseCidr, type Cidr } from '../net/cidr';
import { isAwsRegion, looksLikeZoneName, zoneInRegion } from '../network/zones';
import type { TextEdit } from '../model/edits';
import { lineStart } from '../model/offsets';
import { MAX_PREFIX, MIN_PREFIX, type PlannedSubnet, type Tier } from './planner';
import { networkOf, type FormatKind } from '../formats';

export interface PlanInsertOptions {
  /** CloudFormation: the logical ID of the AWS::EC2::VPC to add subnets to (default: the first one with a literal CidrBlock). */
  readonly vpcLogicalId?: string;
  /** eksctl: the VPC block the plan was made in, when the file does not write `vpc.cidr` (default: eksctl's 192.168.0.0/16 for a VPC it creates). */
  readonly vpcCidr?: string;
}

export type PlanInsertion = { edits: TextEdit[] } | { reason: string };

const TIER_ORDER: readonly Tier[] = ['public', 'private', 'vpn'];
const AZ_TEXT = /^[A-Za-z0-9-]+$/;

/** Inserts `plan` into the document: AWS::EC2::Subnet resources in a CloudFormation template, `vpc.subnets` in an eksctl ClusterConfig. */
export function planInsertion(file: FileModel, doc: StreamDocument, plan: readonly PlannedSubnet[], options: PlanInsertOptions = {}): PlanInsertion {
  if (!plan.length) return { reason: 'The plan has no subnets to add.' };
  const checked = checkPlan(plan);
  if (typeof checked === 'string') return { reason: checked };
  if (doc.syntaxErrors.length) return { reason: 'The document has syntax errors; fix them before adding subnets.' };
  const writer = planWriterFor(doc.kind);
  if (!writer) return { reason: 'Subnets can be added to an eksctl ClusterConfig or a CloudFormation template only.' };
  if (file.format === 'json') return { reason: writer.jsonRefusal };
  return writer.insert(file, doc, checked, options);
}

/** How subnet plans are written into the files of a format. */
export interface PlanWriter {
  /** The subnet tiers the format can create. */
  readonly tiers: readonly Tier[];
  /** Why a file of the format written in JSON is refused. */
  readonly jsonRefusal: string;
  /** What the user must know about subnets written this way. */
  readonly warning?: string;
  /** The name a plan request gives the VPC (PlanInsertOptions.vpcLogicalId). */
  vpcName?(vpc: VpcModel): string | undefined;
  insert(file: FileModel, doc: StreamDocument, plan: readonly Checked[], options: PlanInsertOptions): PlanInsertion;
}

/** The writer for a document's format; undefined when the planner cannot write into it. */
export function planWriterFor(kind: DocumentKind): PlanWriter | undefined {
  return kind === 'other' ? undefined : PLAN_WRITERS[kind];
}

export interface Checked {
  readonly subnet: PlannedSubnet;
  readonly cidr: Cidr;
}

/** The plan's own consistency: valid, canonical IPv4 blocks of a size AWS allows, none overlapping another. */
function checkPlan(plan: readonly PlannedSubnet[]): Checked[] | string {
  const out: Checked[] = [];
  for (const subnet of plan) {
    if (!TIER_ORDER.includes(subnet.tier)) return `"${String(subnet.tier)}" is not a subnet tier.`;
    if (typeof subnet.az !== 'string' || !AZ_TEXT.test(subnet.az)) return `"${String(subnet.az)}" is not an Availability Zone name.`;
    const parsed = parseCidr(subnet.cidr);
    if (!parsed.ok) return `Planned block "${subnet.cidr}" is not a valid CIDR: ${parsed.reason}.`;
    const cidr = parsed.value;
    if (cidr.family !== 4) return `Planned block ${subnet.cidr} is not IPv4.`;
    if (cidr.hostBitsSet) return `Planned block ${subnet.cidr} has host bits set (the block is ${cidr.network}).`;
    if (cidr.prefix < MIN_PREFIX || cidr.prefix > MAX_PREFIX) return `Planned block ${subnet.cidr} is outside the /${MIN_PREFIX}–/${MAX_PREFIX} sizes AWS allows for a subnet.`;
    const clash = out.find((o) => overlaps(o.cidr, cidr));
    if (clash) return `Planned blocks ${clash.subnet.cidr} and ${subnet.cidr} overlap.`;
    out.push({ subnet, cidr });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Text layout helpers

function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The file's line break: CRLF when the file uses it. */
function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Where to insert whole lines after the node that ends at file offset `end`, and the prefix the insertion needs. */
function afterLineOf(text: string, end: number, eol: string): { at: number; lead: string } {
  // A block scalar's range takes its line break with it: the next line starts right there.
  if (end > 0 && text[end - 1] === '\n') return { at: end, lead: '' };
  const nl = text.indexOf('\n', end);
  if (nl < 0) return { at: text.length, lead: eol };
  return { at: nl + 1, lead: '' };
}

function startOf(node: Node | null | undefined, doc: StreamDocument): number | undefined {
  return node?.range ? doc.offset + node.range[0] : undefined;
}

/** The file offset where a pair's text ends (its value, or its key when it has none). */
function pairEnd(pair: Pair, doc: StreamDocument): number | undefined {
  const value = pair.value as Node | null;
  const key = pair.key as Node | null;
  const range = value?.range ?? key?.range;
  return range ? doc.offset + range[1] : undefined;
}

/** The own (not merged, not aliased) pair of a block mapping with that key (the last, if repeated). */
function ownPair(map: unknown, key: string): Pair | undefined {
  return isMap(map) ? lastOwnPair(map, key) : undefined;
}

/** True when the map's entries after the first are separated by blank lines. */
function blankLinesBetween(text: string, map: YAMLMap, doc: StreamDocument): boolean {
  const keys = map.items.map((p) => startOf(p.key as Node | null, doc)).filter((o): o is number => o !== undefined);
  if (keys.length < 2) return false;
  for (const at of keys.slice(1)) {
    // Look back over comment lines for an empty line just before the entry.
    let line = lineStart(text, at);
    while (line > 0) {
      const prev = lineStart(text, line - 1);
      const content = text.slice(prev, line).trim();
      if (content === '') return true;
      if (!content.startsWith('#')) break;
      line = prev;
    }
  }
  return false;
}

interface Style {
  readonly unit: number;
  /** Extra indentation of a block sequence's dashes relative to its key (0: `key:\n- item`). */
  readonly seqIndent: number;
  readonly quote: '"' | "'";
  /** Spaces inside flow braces: `{ cidr: … }` or `{cidr: …}`. */
  readonly braceSpace: boolean;
}

/** The indentation unit of a block mapping's children relative to its key, when measurable. */
function childIndent(text: string, doc: StreamDocument, keyNode: Node | null | undefined, value: unknown): number | undefined {
  const keyAt = startOf(keyNode, doc);
  if (keyAt === undefined || !isMap(value) || value.flow || !value.items.length) return undefined;
  const childAt = startOf(value.items[0].key as Node | null, doc);
  if (childAt === undefined) return undefined;
  const unit = column(text, childAt) - column(text, keyAt);
  return unit > 0 ? unit : undefined;
}

/**
 * The file's habits, read from the document, `scope` (the part being edited) first: its layout is
 * found first and its quotes and braces count twice. The indentation unit is `preferred` when
 * given, else the first nesting found, else `fallback`, else 2.
 */
function styleOf(text: string, doc: StreamDocument, scope: unknown, preferred?: number, fallback?: number): Style {
  let unit = preferred;
  let seqIndent: number | undefined;
  let double = 0;
  let single = 0;
  let spaced = 0;
  let tight = 0;
  const lookAt = (root: unknown) =>
    visit(root as Node, {
      Pair(_k, pair) {
        const key = pair.key as Node | null;
        if (unit === undefined) unit = childIndent(text, doc, key, pair.value);
        if (seqIndent === undefined && isSeq(pair.value) && !pair.value.flow && pair.value.items.length) {
          const keyAt = startOf(key, doc);
          const dashAt = startOf(pair.value as Node, doc);
          if (keyAt !== undefined && dashAt !== undefined && lineStart(text, dashAt) !== lineStart(text, keyAt)) {
            seqIndent = Math.max(0, column(text, dashAt) - column(text, keyAt));
          }
        }
      },
      Scalar(_k, node) {
        if (node.type === 'QUOTE_DOUBLE') double++;
        else if (node.type === 'QUOTE_SINGLE') single++;
      },
      Map(_k, node) {
        const at = startOf(node, doc);
        if (!node.flow || !node.items.length || at === undefined) return;
        if (text[at + 1] === ' ') spaced++;
        else tight++;
      },
    });
  if (scope) lookAt(scope);
  lookAt(doc.root);
  const u = unit ?? fallback ?? 2;
  return { unit: u, seqIndent: seqIndent ?? u, quote: single > double ? "'" : '"', braceSpace: spaced >= tight };
}

const pad = (n: number) => ' '.repeat(n);

function quoted(value: string, quote: '"' | "'"): string {
  return `${quote}${value}${quote}`;
}

// ---------------------------------------------------------------------------------------------
// CloudFormation

const TIER_WORD: Record<Tier, string> = { public: 'Public', private: 'Private', vpn: 'Vpn' };

/** `us-west-2a` → `A`; a name without a trailing zone letter (a zone ID) → its letters and digits. */
function zoneSuffix(az: string): string {
  const letter = /[a-z]$/i.exec(az);
  if (letter && /\d[a-z]$/i.test(az)) return letter[0].toUpperCase();
  return az
    .split('-')
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

function cloudFormationInsertion(file: FileModel, doc: StreamDocument, plan: readonly Checked[], options: PlanInsertOptions): PlanInsertion {
  const text = file.text;
  const a = doc.anchors;
  const resourcesPair = ownPair(doc.root, 'Resources');
  const resources = resourcesPair?.value;
  if (!resourcesPair || !isMap(resources)) return { reason: 'The template has no Resources mapping written in place (not through an alias) to add subnets to.' };
  if (resources.flow) return { reason: 'Resources is written in flow style ({ … }); the planner adds to block-style Resources only.' };
  if (!resources.items.length) return { reason: 'Resources is empty; there is no VPC to add subnets to.' };

  // The VPC: the one named, else the first with a literal CidrBlock.
  let vpcId: string | undefined;
  let vpcKey: Node | undefined;
  for (const [id, resource, pair] of entries(resources, a)) {
    if (scalarText(get(resource, 'Type', a)) !== 'AWS::EC2::VPC') continue;
    const cidr = literalString(get(get(resource, 'Properties', a), 'CidrBlock', a));
    const readable = cidr !== undefined && parseCidr(cidr).ok;
    if (options.vpcLogicalId !== undefined ? id === options.vpcLogicalId : readable) {
      if (!readable) return { reason: `The CidrBlock of VPC ${id} is not a literal CIDR; the planner cannot tell which addresses it has.` };
      vpcId = id;
      vpcKey = (pair.key as Node | null) ?? undefined;
      break;
    }
  }
  if (!vpcId || !vpcKey) {
    return {
      reason:
        options.vpcLogicalId !== undefined
          ? `The template has no AWS::EC2::VPC resource named ${options.vpcLogicalId}.`
          : 'The template has no AWS::EC2::VPC resource with a literal CidrBlock to add subnets to.',
    };
  }
  const vpc = networkOf(doc).vpcs.find((v) => v.node === vpcKey);
  if (!vpc) return { reason: `VPC ${vpcId} could not be read.` };

  // Every planned block inside one of the VPC's blocks; the ones in a secondary block wait for its association.
  const ranges = effectiveVpcRanges(vpc);
  const secondaryIds = secondaryBlockIds(doc, resources);
  const dependsOn = new Map<PlannedSubnet, string>();
  for (const { subnet, cidr } of plan) {
    const range = ranges.find((r) => contains(r.cidr, cidr));
    if (!range)
      return { reason: `Planned subnet ${subnet.cidr} is not inside VPC ${vpcId}'s ${ranges.length === 1 ? `block ${ranges[0].text}` : `blocks (${ranges.map((r) => r.text).join(', ')})`}.` };
    if (range.label === 'Secondary VPC CIDR') {
      const id = range.node ? secondaryIds.get(range.node) : undefined;
      if (!id) return { reason: `Planned subnet ${subnet.cidr} is in the secondary block ${range.text}, whose resource could not be found.` };
      dependsOn.set(subnet, id);
    }
  }
  // No clash with the VPC's existing subnets, and none whose block cannot be read.
  for (const existing of vpc.subnets) {
    if (!existing.cidr)
      return {
        reason: `Subnet ${existing.name} of VPC ${vpcId} has a CidrBlock that cannot be resolved from the template (an import, or a parameter without a default), so the planner cannot tell which addresses are free.`,
      };
    const clash = plan.find((p) => overlaps(p.cidr, existing.cidr!.cidr));
    if (clash) return { reason: `Planned subnet ${clash.subnet.cidr} overlaps subnet ${existing.name} (${existing.cidr.cidr.text}).` };
  }

  const eol = eolOf(text);
  const firstKeyAt = startOf(resources.items[0].key as Node | null, doc);
  const resourcesKeyAt = startOf(resourcesPair.key as Node | null, doc);
  if (firstKeyAt === undefined || resourcesKeyAt === undefined) return { reason: 'The Resources block could not be read.' };
  const indent = column(text, firstKeyAt);
  const outer = indent - column(text, resourcesKeyAt);
  // The unit: how a resource's body is indented under its ID, else how resources sit under Resources.
  const style = styleOf(text, doc, resources, undefined, outer > 0 ? outer : undefined);
  const u = style.unit;
  const blank = blankLinesBetween(text, resources, doc) ? eol : '';

  const taken = new Set<string>();
  for (const section of ['Parameters', 'Resources', 'Outputs', 'Conditions', 'Mappings', 'Rules']) {
    for (const [id] of entries(get(doc.root, section, a), a)) taken.add(id);
  }
  const lines: string[] = [];
  const ordered = [...plan].sort((x, y) => TIER_ORDER.indexOf(x.subnet.tier) - TIER_ORDER.indexOf(y.subnet.tier));
  for (const { subnet } of ordered) {
    const base = `${TIER_WORD[subnet.tier]}Subnet${zoneSuffix(subnet.az)}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}${n}`;
    taken.add(id);
    const p = pad(indent + 2 * u);
    const item = pad(indent + 2 * u + style.seqIndent);
    const tag = (key: string, value: string) => [`${item}- Key: ${key}`, `${item}  Value: ${value}`];
    const resource = [
      `${pad(indent)}${id}:`,
      `${pad(indent + u)}Type: AWS::EC2::Subnet`,
      ...(dependsOn.has(subnet) ? [`${pad(indent + u)}DependsOn: ${dependsOn.get(subnet)}`] : []),
      `${pad(indent + u)}Properties:`,
      `${p}VpcId: !Ref ${vpcId}`,
      `${p}CidrBlock: ${subnet.cidr}`,
      `${p}AvailabilityZone: ${subnet.az}`,
      ...(subnet.tier === 'public' ? [`${p}MapPublicIpOnLaunch: true`] : []),
      `${p}Tags:`,
      ...tag('Name', `!Sub ${quoted(`\${AWS::StackName}-${subnet.tier}-${subnet.az}`, style.quote)}`),
      // EKS finds the subnets for internet-facing and internal load balancers by these tags.
      // https://docs.aws.amazon.com/eks/latest/userguide/network-load-balancing.html
      ...(subnet.tier === 'public' ? tag('kubernetes.io/role/elb', quoted('1', style.quote)) : []),
      ...(subnet.tier === 'private' ? tag('kubernetes.io/role/internal-elb', quoted('1', style.quote)) : []),
    ];
    lines.push(blank + resource.join(eol) + eol);
  }

  const last = resources.items[resources.items.length - 1];
  const end = pairEnd(last, doc);
  if (end === undefined) return { reason: 'The last resource could not be read.' };
  const { at, lead } = afterLineOf(text, end, eol);
  return { edits: [{ start: at, end: at, newText: lead + lines.join('') }] };
}

/** The logical IDs of AWS::EC2::VPCCidrBlock resources, by their CidrBlock value node. */
function secondaryBlockIds(doc: StreamDocument, resources: YAMLMap): Map<Node, string> {
  const a = doc.anchors;
  const out = new Map<Node, string>();
  for (const [id, resource] of entries(resources, a)) {
    if (scalarText(get(resource, 'Type', a)) !== 'AWS::EC2::VPCCidrBlock') continue;
    const node = get(get(resource, 'Properties', a), 'CidrBlock', a);
    if (node) out.set(node, id);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// eksctl

function eksctlInsertion(file: FileModel, doc: StreamDocument, plan: readonly Checked[], options: PlanInsertOptions): PlanInsertion {
  const text = file.text;
  const a = doc.anchors;
  const root = doc.root;
  if (plan.some((p) => p.subnet.tier === 'vpn')) {
    return { reason: 'eksctl has no VPN-only subnet tier (only public and private); plan without the vpn tier, or use a CloudFormation template.' };
  }
  if (!isMap(root) || root.flow) return { reason: 'The ClusterConfig is not a block-style mapping.' };

  // The zones: names eksctl reads as zones (the subnet's key), in the cluster's region and its
  // availabilityZones when those are written, one subnet per zone and tier, in two zones at least.
  const region = literalString(get(get(root, 'metadata', a), 'region', a));
  const listed = get(root, 'availabilityZones', a);
  const listedZones = isSeq(listed) ? listed.items.map((n) => literalString(n)) : undefined;
  const seen = new Set<string>();
  for (const { subnet } of plan) {
    if (!looksLikeZoneName(subnet.az)) return { reason: `${subnet.az} is not a zone name (like us-west-2a); eksctl keys subnets by zone name.` };
    if (isAwsRegion(region) && !zoneInRegion(subnet.az, region)) return { reason: `${subnet.az} is not in ${region}, the cluster's region (metadata.region).` };
    if (listedZones && listedZones.every((z) => z !== undefined) && !listedZones.includes(subnet.az)) {
      return { reason: `${subnet.az} is not one of the cluster's availabilityZones (${listedZones.join(', ')}).` };
    }
    const key = `${subnet.tier} ${subnet.az}`;
    if (seen.has(key)) return { reason: `The plan has two ${subnet.tier} subnets in ${subnet.az}; eksctl keys each tier's subnets by zone, one per zone.` };
    seen.add(key);
  }
  if (new Set(plan.map((p) => p.subnet.az)).size < 2) return { reason: 'EKS needs subnets in at least two Availability Zones; plan two zones or more.' };

  const eol = eolOf(text);
  const vpcPair = ownPair(root, 'vpc');
  if (!vpcPair && get(root, 'vpc', a) !== undefined) return { reason: 'vpc comes from a merge key (<<); add subnets where it is written.' };
  const vpcNode = vpcPair?.value;
  if (vpcPair && (!isMap(vpcNode) || vpcNode.flow || !vpcNode.items.length)) {
    return { reason: 'vpc is not written as a block mapping (it is in flow style, an alias or empty); add vpc.subnets by hand.' };
  }
  if (vpcPair && get(vpcNode, 'subnets', a) !== undefined) return { reason: 'vpc.subnets is already written; the planner does not change existing subnets.' };

  // The block the subnets must lie in: vpc.cidr as written, else the one the plan was made in,
  // else (no vpc.id either) the VPC eksctl would create. An existing VPC (`vpc.id`) with no block
  // given leaves nothing to compare with.
  const cidrText = vpcPair ? literalString(get(vpcNode, 'cidr', a)) : undefined;
  if (vpcPair && get(vpcNode, 'cidr', a) !== undefined && cidrText === undefined) return { reason: "vpc.cidr is not a literal block; the planner cannot tell the VPC's addresses." };
  const hasId = vpcPair ? get(vpcNode, 'id', a) !== undefined : false;
  const blockText = cidrText ?? options.vpcCidr ?? (hasId ? undefined : EKSCTL_DEFAULT_VPC_CIDR);
  if (blockText !== undefined) {
    const block = parseCidr(blockText);
    if (!block.ok || block.value.family !== 4) return { reason: `The VPC block ${blockText} is not a valid IPv4 CIDR.` };
    const outside = plan.find((p) => !contains(block.value, p.cidr));
    if (outside) return { reason: `Planned subnet ${outside.subnet.cidr} is not inside the VPC's block ${blockText}.` };
  }

  const byTier = (['public', 'private'] as const)
    .map((tier) => ({ tier, subnets: plan.filter((p) => p.subnet.tier === tier).map((p) => p.subnet) }))
    .filter((t) => t.subnets.length)
    // Tiers in the order the plan gives them.
    .sort((x, y) => plan.findIndex((p) => p.subnet.tier === x.tier) - plan.findIndex((p) => p.subnet.tier === y.tier));

  const subnetLines = (style: Style, indent: number): string[] => {
    const u = style.unit;
    const open = style.braceSpace ? '{ ' : '{';
    const close = style.braceSpace ? ' }' : '}';
    const out = [`${pad(indent)}subnets:`];
    for (const { tier, subnets } of byTier) {
      out.push(`${pad(indent + u)}${tier}:`);
      for (const s of subnets) out.push(`${pad(indent + 2 * u)}${s.az}: ${open}cidr: ${s.cidr}${close}`);
    }
    return out;
  };

  // Listing subnets tells eksctl to use existing subnets instead of creating a VPC
  // (https://eksctl.io/usage/vpc-configuration/): the subnets must then already exist in AWS with
  // these blocks, which is why the command that calls this warns the user before applying it.
  if (vpcPair && isMap(vpcNode)) {
    const vpcKeyAt = startOf(vpcPair.key as Node | null, doc);
    const childAt = startOf(vpcNode.items[0].key as Node | null, doc);
    if (vpcKeyAt === undefined || childAt === undefined) return { reason: 'The vpc block could not be read.' };
    const indent = column(text, childAt);
    const outer = indent - column(text, vpcKeyAt);
    const style = styleOf(text, doc, vpcNode, outer > 0 ? outer : undefined);
    const end = pairEnd(vpcNode.items[vpcNode.items.length - 1], doc);
    if (end === undefined) return { reason: 'The vpc block could not be read.' };
    const { at, lead } = afterLineOf(text, end, eol);
    return { edits: [{ start: at, end: at, newText: lead + subnetLines(style, indent).join(eol) + eol }] };
  }

  // No vpc at all: a vpc block at the end of the document, with the block the plan was made in.
  if (!root.items.length) return { reason: 'The ClusterConfig is empty.' };
  const firstAt = startOf(root.items[0].key as Node | null, doc);
  const end = pairEnd(root.items[root.items.length - 1], doc);
  if (firstAt === undefined || end === undefined) return { reason: 'The ClusterConfig could not be read.' };
  const indent = column(text, firstAt);
  const style = styleOf(text, doc, undefined);
  const blank = blankLinesBetween(text, root, doc) ? eol : '';
  const lines = [`${pad(indent)}vpc:`, `${pad(indent + style.unit)}cidr: ${blockText ?? EKSCTL_DEFAULT_VPC_CIDR}`, ...subnetLines(style, indent + style.unit)];
  const { at, lead } = afterLineOf(text, end, eol);
  return { edits: [{ start: at, end: at, newText: lead + blank + lines.join(eol) + eol }] };
}

// ---------------------------------------------------------------------------------------------
// The formats the planner writes into

const PLAN_WRITERS: { readonly [K in FormatKind]?: PlanWriter } = {
  cloudformation: {
    tiers: TIER_ORDER,
    jsonRefusal: 'JSON templates are not supported by the planner yet.',
    // A template's VPC is named by its logical ID (the resource's key).
    vpcName: (vpc) => (isScalar(vpc.node) ? String(vpc.node.value) : undefined),
    insert: cloudFormationInsertion,
  },
  eksctl: {
    // eksctl has no VPN-only tier.
    tiers: ['public', 'private'],
    jsonRefusal: 'eksctl ClusterConfigs written in JSON are not supported by the planner.',
    // Listing subnets in an eksctl config makes eksctl look for existing ones (https://eksctl.io/usage/vpc-configuration/).
    warning: 'eksctl uses the subnets listed under vpc.subnets as existing subnets: create them first (for example from a CloudFormation template), then add their IDs.',
    insert: eksctlInsertion,
  },
};
