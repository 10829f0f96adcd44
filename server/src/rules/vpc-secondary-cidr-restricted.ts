import { defineRule } from '../engine/rule';
import { secondaryBlockRow } from '../network/secondaryBlocks';
import { contains, overlaps } from '../net/cidr';
import { formatsWith, networkOf } from '../formats';

export default defineRule({
  meta: {
    code: 'vpc-secondary-cidr-restricted',
    severity: 'error',
    kinds: formatsWith('network'),
    title: "A secondary VPC CIDR block comes from a range AWS does not allow next to the VPC's primary block",
    docs: 'docs/rules/vpc-secondary-cidr-restricted.md',
  },
  check({ doc, report }) {
    for (const vpc of networkOf(doc).vpcs) {
      const primary = vpc.primary?.cidr ?? vpc.defaultPrimary;
      if (!primary) continue;
      vpc.secondary.forEach((s, i) => {
        const others = [primary, ...vpc.secondary.filter((_, j) => j !== i).map((o) => o.cidr)];
        const row = secondaryBlockRow(primary, others);
        const hit = row?.restricted.find((r) => overlaps(r.range, s.cidr));
        if (!row || !hit) return;
        const primaryText = vpc.primary ? primary.text : `${primary.text}, the default`;
        report({
          target: s.node,
          message: `Secondary VPC CIDR ${s.cidr.text} ${contains(hit.range, s.cidr) ? 'is in' : 'overlaps'} ${hit.label}; AWS does not allow that as a secondary block when the primary block (${primaryText}) is in ${row.name}. Use ${row.permitted}.`,
          related: vpc.primary ? [{ target: vpc.primary.node, message: `primary CIDR ${primary.text}` }] : undefined,
        });
      });
    }
  },
});
