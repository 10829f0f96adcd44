import { defineRule } from '../engine/rule';
import { get, items, literalString } from '../model/nav';
import { contains, parseCidr, type Cidr } from '../net/cidr';
import type { Node } from 'yaml';

// The API server's NetworkPolicy validation accepts an `except` entry only when it is a strict
// subset of `cidr`: inside it, of the same family, and smaller.
// https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/

function cidrOf(node: Node | undefined): Cidr | undefined {
  const text = literalString(node);
  if (text === undefined) return undefined;
  const parsed = parseCidr(text);
  return parsed.ok ? parsed.value : undefined;
}

export default defineRule({
  meta: {
    code: 'k8s-ipblock-except-outside',
    severity: 'error',
    kinds: ['kubernetes'],
    title: "A NetworkPolicy ipBlock's except entry is not a smaller block inside its cidr",
    docs: 'docs/rules/k8s-ipblock-except-outside.md',
  },
  check({ doc, report }) {
    if (doc.objectKind !== 'NetworkPolicy') return;
    const a = doc.anchors;
    const spec = get(doc.root, 'spec', a);
    for (const [direction, peers] of [
      ['ingress', 'from'],
      ['egress', 'to'],
    ] as const) {
      for (const rule of items(get(spec, direction, a), a)) {
        for (const peer of items(get(rule, peers, a), a)) {
          const ipBlock = get(peer, 'ipBlock', a);
          const cidrNode = get(ipBlock, 'cidr', a);
          const cidr = cidrOf(cidrNode);
          // An unreadable or invalid cidr is cidr-syntax's finding; nothing to compare with.
          if (!cidr || !cidrNode) continue;
          for (const exceptNode of items(get(ipBlock, 'except', a), a)) {
            const except = cidrOf(exceptNode);
            if (!except) continue;
            let problem: string | undefined;
            if (except.family !== cidr.family) {
              problem = `is IPv${except.family} but ipBlock.cidr ${cidr.text} is IPv${cidr.family}; an except entry must be of the same family, inside cidr.`;
            } else if (!contains(cidr, except)) {
              problem = `is not inside ipBlock.cidr ${cidr.text}. An except entry must be a smaller block inside cidr; addresses outside cidr are never matched anyway.`;
            } else if (except.prefix <= cidr.prefix) {
              problem = `covers all of ipBlock.cidr ${cidr.text}. An except entry must be strictly smaller than cidr; to match none of these addresses, remove the ipBlock peer.`;
            }
            if (!problem) continue;
            report({
              target: exceptNode,
              message: `except entry ${except.text} ${problem} The API server rejects the NetworkPolicy.`,
              related: [{ target: cidrNode, message: `ipBlock.cidr ${cidr.text}` }],
            });
          }
        }
      }
    }
  },
});
