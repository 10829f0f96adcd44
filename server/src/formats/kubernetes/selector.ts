// Kubernetes label selectors read from the YAML AST, and matching them against a label set.
// https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
import type { Node } from 'yaml';
import { get, isTemplated, items, literalString, type AnchorTable } from '../../model/nav';
import { labels } from './labels';

interface Requirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values: readonly string[];
}

export interface Selector {
  readonly matchLabels: Readonly<Record<string, string>>;
  readonly requirements: readonly Requirement[];
}

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/** A `matchLabels`/`matchExpressions` selector; undefined when any part of it cannot be read. */
export function readSelector(node: Node | undefined, a: AnchorTable): Selector | undefined {
  if (!node) return undefined;
  const labelsNode = get(node, 'matchLabels', a);
  const matchLabels = labelsNode ? labels(labelsNode, a) : {};
  if (!matchLabels) return undefined;
  const requirements: Requirement[] = [];
  for (const expression of items(get(node, 'matchExpressions', a), a)) {
    const key = literalString(get(expression, 'key', a));
    const operator = literalString(get(expression, 'operator', a));
    if (!key || !operator || !OPERATORS.has(operator) || isTemplated(key)) return undefined;
    const values: string[] = [];
    for (const v of items(get(expression, 'values', a), a)) {
      const text = literalString(v);
      if (text === undefined || isTemplated(text)) return undefined;
      values.push(text);
    }
    requirements.push({ key, operator: operator as Requirement['operator'], values });
  }
  return { matchLabels, requirements };
}

/** True when the selector has no terms: in policy/v1 it selects every pod of the namespace. */
export function isEmptySelector(selector: Selector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.requirements.length === 0;
}

/**
 * Whether a selector picks pods with these labels: true, false, or undefined when it depends on a
 * label value that cannot be read (null).
 */
export function matches(selector: Selector, podLabels: Readonly<Record<string, string | null>>): boolean | undefined {
  let unknown = false;
  const has = (key: string) => Object.prototype.hasOwnProperty.call(podLabels, key);
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    if (!has(key)) return false;
    if (podLabels[key] === null) unknown = true;
    else if (podLabels[key] !== value) return false;
  }
  for (const { key, operator, values } of selector.requirements) {
    if (operator === 'Exists' && !has(key)) return false;
    if (operator === 'DoesNotExist' && has(key)) return false;
    if (operator !== 'In' && operator !== 'NotIn') continue;
    if (!has(key)) {
      if (operator === 'In') return false;
      continue;
    }
    const value = podLabels[key];
    if (value === null) unknown = true;
    else if (values.includes(value) !== (operator === 'In')) return false;
  }
  return unknown ? undefined : true;
}
