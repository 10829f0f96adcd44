// Where a value really comes from when it is not written where it is used: a CloudFormation
// property that takes a parameter's Default or a mapping entry. Builders record it; the engine adds
// it as related information to every finding on that property, so the reader sees both places.
import type { Node } from 'yaml';

export interface Origin {
  readonly node: Node;
  readonly message: string;
}

const origins = new WeakMap<Node, Origin[]>();

export function recordOrigins(node: Node, from: readonly Origin[]): void {
  if (from.length) origins.set(node, [...from]);
}

export function originsOf(node: Node): readonly Origin[] {
  return origins.get(node) ?? [];
}
