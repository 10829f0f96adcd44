// Evaluates the CloudFormation intrinsic functions that decide addresses and zones, as far as the
// template alone decides them: `Ref` to a parameter (its Default), `Fn::GetAtt X.CidrBlock` of a
// VPC, `Fn::Select`, `Fn::Cidr`, `Fn::GetAZs` (symbolic zones), `Fn::FindInMap` with keys that
// resolve, `Fn::Sub` over resolvable names, `Fn::Join`, and `Fn::If` when both branches agree.
// Anything else is unknown: rules say nothing about it rather than guess. Short tags (`!Ref`) and
// the JSON long form (`{"Ref": …}`) are read alike.
// Reference: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { memo, type StreamDocument } from '../../model/document';
import { entries, get, items, literalString, scalarText } from '../../model/nav';
import { formatAddress, parseCidr } from '../../net/cidr';

/** A resolved value and the places it came from (a parameter's default, a mapping entry). */
export type Value =
  | { readonly kind: 'string'; readonly value: string; readonly from: readonly Node[] }
  | { readonly kind: 'list'; readonly items: readonly Value[]; readonly from: readonly Node[] }
  | { readonly kind: 'unknown' };

export const UNKNOWN: Value = { kind: 'unknown' };

const str = (value: string, from: readonly Node[] = []): Value => ({ kind: 'string', value, from });

/** A symbolic Availability Zone: the n-th zone `Fn::GetAZs` returns for the stack's region. */
export const SYMBOLIC_AZ = /^\{az#(\d+)\}$/;

const FUNCTION_TAGS: Record<string, string> = {
  '!Ref': 'Ref',
  '!GetAtt': 'Fn::GetAtt',
  '!Select': 'Fn::Select',
  '!Cidr': 'Fn::Cidr',
  '!GetAZs': 'Fn::GetAZs',
  '!FindInMap': 'Fn::FindInMap',
  '!Sub': 'Fn::Sub',
  '!Join': 'Fn::Join',
  '!If': 'Fn::If',
  '!ImportValue': 'Fn::ImportValue',
  '!Split': 'Fn::Split',
  '!Base64': 'Fn::Base64',
};

/** The intrinsic a node calls, with its argument node; undefined for plain values. */
export function intrinsicOf(node: Node | undefined, doc: StreamDocument): { name: string; arg: Node | undefined; node: Node } | undefined {
  if (!node) return undefined;
  const tag = (node as { tag?: string }).tag;
  if (tag && FUNCTION_TAGS[tag]) {
    // `!Ref X` and `!GetAtt X.Y` are scalars; the others take a sequence or a scalar.
    return { name: FUNCTION_TAGS[tag], arg: node, node };
  }
  if (isMap(node) && node.items.length === 1) {
    // A single item whose key is not a plain scalar (or a merge key) yields no entry.
    const first = entries(node, doc.anchors)[0];
    if (first && (first[0] === 'Ref' || first[0].startsWith('Fn::'))) return { name: first[0], arg: first[1], node };
  }
  return undefined;
}

const MAX_DEPTH = 24;

export class Evaluator {
  private readonly parameters: Map<string, Node>;
  private readonly resources: Map<string, Node>;
  private readonly labels = new Map<Node, string>();

  constructor(private readonly doc: StreamDocument) {
    const a = doc.anchors;
    this.parameters = new Map(entries(get(doc.root, 'Parameters', a), a).flatMap(([k, v]) => (v ? [[k, v] as [string, Node]] : [])));
    this.resources = new Map(entries(get(doc.root, 'Resources', a), a).flatMap(([k, v]) => (v ? [[k, v] as [string, Node]] : [])));
  }

  /** The value of a node: literal scalars as they are, intrinsics evaluated where possible. */
  evaluate(node: Node | undefined, depth = 0): Value {
    if (!node || depth > MAX_DEPTH) return UNKNOWN;
    const call = intrinsicOf(node, this.doc);
    if (call) return this.call(call.name, call.arg, depth + 1);
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === 'string') return str(v);
      if (typeof v === 'number' || typeof v === 'boolean') return str(String(v));
      return UNKNOWN;
    }
    if (isSeq(node)) return { kind: 'list', items: items(node, this.doc.anchors).map((n) => this.evaluate(n, depth + 1)), from: [] };
    return UNKNOWN;
  }

  /** The logical ID a `Ref` / `{"Ref": …}` names (parameters and resources alike). */
  refName(node: Node | undefined): string | undefined {
    const call = intrinsicOf(node, this.doc);
    return call?.name === 'Ref' ? scalarText(call.arg) : undefined;
  }

  /** What a node a value came from is, for related information ("the Default of parameter VpcCidr"). */
  labelOf(node: Node): string {
    return this.labels.get(node) ?? 'where the value comes from';
  }

  resource(id: string): Node | undefined {
    return this.resources.get(id);
  }

  private args(arg: Node | undefined): Node[] {
    return items(arg, this.doc.anchors);
  }

  private call(name: string, arg: Node | undefined, depth: number): Value {
    switch (name) {
      case 'Ref':
        return this.ref(scalarText(arg), depth);
      case 'Fn::GetAtt':
        return this.getAtt(arg, depth);
      case 'Fn::Select':
        return this.select(arg, depth);
      case 'Fn::Cidr':
        return this.cidr(arg, depth);
      case 'Fn::GetAZs':
        // The zones of the stack's region, in order; only their count and distinctness matter here.
        return { kind: 'list', items: Array.from({ length: 6 }, (_, i) => str(`{az#${i}}`)), from: [] };
      case 'Fn::FindInMap':
        return this.findInMap(arg, depth);
      case 'Fn::Sub':
        return this.sub(arg, depth);
      case 'Fn::Join':
        return this.join(arg, depth);
      case 'Fn::If':
        return this.if(arg, depth);
      default:
        return UNKNOWN;
    }
  }

  private ref(id: string | undefined, depth: number): Value {
    if (!id) return UNKNOWN;
    const parameter = this.parameters.get(id);
    if (!parameter) return UNKNOWN; // pseudo parameters and resources have no value known here
    const def = get(parameter, 'Default', this.doc.anchors);
    if (!def) return UNKNOWN;
    this.labels.set(def, `the Default of parameter ${id}`);
    const type = literalString(get(parameter, 'Type', this.doc.anchors)) ?? 'String';
    const value = this.evaluate(def, depth);
    // A list parameter's default is a comma-separated string.
    if (value.kind === 'string' && /^(CommaDelimitedList|List<)/.test(type)) {
      return { kind: 'list', items: value.value.split(',').map((s) => str(s.trim(), [def])), from: [def] };
    }
    return withFrom(value, def);
  }

  private getAtt(arg: Node | undefined, depth: number): Value {
    let id: string | undefined;
    let attribute: string | undefined;
    if (isScalar(arg) && typeof arg.value === 'string' && (arg as { tag?: string }).tag === '!GetAtt') [id, attribute] = arg.value.split('.');
    else {
      const parts = this.args(arg).map((n) => scalarText(n));
      [id, attribute] = parts;
    }
    if (!id || attribute !== 'CidrBlock') return UNKNOWN;
    const resource = this.resources.get(id);
    if (literalString(get(resource, 'Type', this.doc.anchors)) !== 'AWS::EC2::VPC') return UNKNOWN;
    return this.evaluate(get(get(resource, 'Properties', this.doc.anchors), 'CidrBlock', this.doc.anchors), depth);
  }

  private select(arg: Node | undefined, depth: number): Value {
    const [indexNode, listNode] = this.args(arg);
    const index = this.evaluate(indexNode, depth);
    const list = this.evaluate(listNode, depth);
    if (index.kind !== 'string' || list.kind !== 'list' || !/^\d+$/.test(index.value)) return UNKNOWN;
    const item = list.items[Number(index.value)];
    return item ? withFrom(item, ...index.from, ...list.from) : UNKNOWN;
  }

  // Fn::Cidr [ipBlock, count, cidrBits]: `count` consecutive blocks of 2^cidrBits addresses from
  // the start of ipBlock. https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-cidr.html
  private cidr(arg: Node | undefined, depth: number): Value {
    const [blockNode, countNode, bitsNode] = this.args(arg);
    const block = this.evaluate(blockNode, depth);
    const count = this.evaluate(countNode, depth);
    const bits = this.evaluate(bitsNode, depth);
    if (block.kind !== 'string' || count.kind !== 'string' || bits.kind !== 'string') return UNKNOWN;
    const parsed = parseCidr(block.value);
    const n = Number(count.value);
    const hostBits = Number(bits.value);
    if (!parsed.ok || !Number.isInteger(n) || !Number.isInteger(hostBits) || n < 1 || n > 256) return UNKNOWN;
    const width = parsed.value.family === 4 ? 32 : 128;
    const prefix = width - hostBits;
    if (prefix < parsed.value.prefix || prefix > width) return UNKNOWN;
    const size = 1n << BigInt(hostBits);
    // There must be room for `count` blocks inside ipBlock, or the function fails.
    if (BigInt(n) * size > parsed.value.last - parsed.value.first + 1n) return UNKNOWN;
    const from = [...block.from, ...count.from, ...bits.from];
    const start = parsed.value.first;
    return { kind: 'list', items: Array.from({ length: n }, (_, i) => str(`${formatAddress(start + BigInt(i) * size, parsed.value.family)}/${prefix}`, from)), from };
  }

  private findInMap(arg: Node | undefined, depth: number): Value {
    const [mapNode, topNode, secondNode] = this.args(arg);
    const keys = [mapNode, topNode, secondNode].map((n) => this.evaluate(n, depth));
    if (keys.some((k) => k.kind !== 'string')) return UNKNOWN;
    const [map, top, second] = keys.map((k) => (k as { value: string }).value);
    const a = this.doc.anchors;
    const entry = get(get(get(get(this.doc.root, 'Mappings', a), map, a), top, a), second, a);
    if (entry) this.labels.set(entry, `Mappings ${map}.${top}.${second}`);
    return entry ? withFrom(this.evaluate(entry, depth), entry, ...keys.flatMap((k) => (k.kind === 'string' ? k.from : []))) : UNKNOWN;
  }

  private sub(arg: Node | undefined, depth: number): Value {
    let template: string | undefined;
    const vars = new Map<string, Value>();
    if (isSeq(arg)) {
      const [t, varsNode] = this.args(arg);
      template = literalString(t) ?? scalarText(t);
      for (const [k, v] of entries(varsNode, this.doc.anchors)) vars.set(k, this.evaluate(v, depth));
    } else template = scalarText(arg);
    if (template === undefined) return UNKNOWN;
    const from: Node[] = [];
    let unknown = false;
    const value = template.replace(/\$\{([^}!]+)\}/g, (_, name: string) => {
      const v = vars.get(name) ?? (name.includes('.') ? UNKNOWN : this.ref(name, depth));
      if (v.kind !== 'string') {
        unknown = true;
        return '';
      }
      from.push(...v.from);
      return v.value;
    });
    return unknown ? UNKNOWN : str(value.replace(/\$\{!/g, '${'), from);
  }

  private join(arg: Node | undefined, depth: number): Value {
    const [sepNode, listNode] = this.args(arg);
    const sep = this.evaluate(sepNode, depth);
    const list = this.evaluate(listNode, depth);
    if (sep.kind !== 'string' || list.kind !== 'list' || list.items.some((i) => i.kind !== 'string')) return UNKNOWN;
    const parts = list.items as ReadonlyArray<{ value: string; from: readonly Node[] }>;
    return str(
      parts.map((p) => p.value).join(sep.value),
      parts.flatMap((p) => p.from),
    );
  }

  // Fn::If [condition, whenTrue, whenFalse]: known only when both branches give the same value, so
  // a finding holds whichever way the condition goes.
  private if(arg: Node | undefined, depth: number): Value {
    const [, whenTrue, whenFalse] = this.args(arg);
    const a = this.evaluate(whenTrue, depth);
    const b = this.evaluate(whenFalse, depth);
    return a.kind === 'string' && b.kind === 'string' && a.value === b.value ? str(a.value, [...a.from, ...b.from]) : UNKNOWN;
  }
}

function withFrom(value: Value, ...from: Node[]): Value {
  if (value.kind === 'unknown' || !from.length) return value;
  return { ...value, from: [...value.from, ...from] } as Value;
}

/** One evaluator per parsed template document. */
export function evaluatorOf(doc: StreamDocument): Evaluator {
  return memo(doc, 'cfnEvaluator', () => new Evaluator(doc));
}
