import { replaceScalar, scalarAtFinding } from '../actions/edits';
import { defineRule } from '../engine/rule';
import { addressFields } from '../fields/addressFields';
import { parseCidr } from '../net/cidr';

export default defineRule({
  meta: {
    code: 'cidr-host-bits',
    severity: 'error',
    kinds: ['eksctl', 'cloudformation', 'kubernetes'],
    title: 'A CIDR block has bits set beyond its prefix length',
    docs: 'docs/rules/cidr-host-bits.md',
  },
  check({ doc, report }) {
    for (const field of addressFields(doc)) {
      if (field.type !== 'cidr' || field.value === undefined) continue;
      const parsed = parseCidr(field.value);
      if (!parsed.ok || !parsed.value.hostBitsSet) continue;
      const { network, prefix } = parsed.value;
      const consequence = field.hostBitsWarning
        ? `it is taken as ${network}${prefix === 0 ? ', every address' : ''}`
        : `AWS creates ${network} instead of the block written`;
      report({
        target: field.node,
        // The network's own layout (VPC, subnet, route, ACL) silently becoming a different block is
        // an error: it can collide with neighbours and a subnet cannot be changed afterwards.
        severity: field.hostBitsWarning ? 'warning' : 'error',
        message: `${field.value} has host bits set: with a /${prefix} prefix ${consequence}. Write ${network}, or change the prefix length if you meant a smaller block.`,
        data: { network },
      });
    }
  },
  fix({ file, doc, offset, finding }) {
    const node = scalarAtFinding(file, offset);
    const network = (finding.data as { network?: string } | undefined)?.network;
    if (!node || !network) return [];
    return [{ title: `Replace with ${network}`, isPreferred: true, edits: [replaceScalar(node, doc, network)] }];
  },
});
