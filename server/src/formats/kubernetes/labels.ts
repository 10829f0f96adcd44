// Label maps as Kubernetes reads them: string keys and values, where YAML may have read a value
// as a number or a boolean, and a templated value is unknown.
import { isMap, isScalar, type Node } from 'yaml';
import { entries, isTemplated, literalString, type AnchorTable } from '../../model/nav';

/** A label map whose keys and values are all literal strings; undefined otherwise. */
export function labels(node: Node | undefined, a: AnchorTable): Record<string, string> | undefined {
  const read = labelsWithUnknowns(node, a);
  if (!read || Object.values(read).some((v) => v === null)) return undefined;
  return read as Record<string, string>;
}

/** A label map whose values may be unknown (null: a template); undefined when it is not a mapping of plain keys. */
export function labelsWithUnknowns(node: Node | undefined, a: AnchorTable): Record<string, string | null> | undefined {
  if (!node || !isMap(node)) return undefined;
  const out: Record<string, string | null> = {};
  for (const [key, value] of entries(node, a)) {
    if (isTemplated(key)) return undefined;
    const text = literalString(value) ?? scalarValue(value);
    out[key] = text === undefined || isTemplated(text) ? null : text;
  }
  return out;
}

// Label values are strings, but YAML reads `version: 2` or `canary: true` as other scalars.
function scalarValue(node: Node | undefined): string | undefined {
  return isScalar(node) && (typeof node.value === 'number' || typeof node.value === 'boolean') ? String(node.value) : undefined;
}
