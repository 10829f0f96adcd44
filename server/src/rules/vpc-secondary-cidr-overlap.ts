import { defineRule } from '../engine/rule';
import { overlaps } from '../net/cidr';
import { formatsWith, networkOf } from '../formats';

export default defineRule({
  meta: {
    code: 'vpc-secondary-cidr-overlap',
    severity: 'error',
    kinds: formatsWith('network'),
    title: "A secondary VPC CIDR block overlaps the VPC's primary block or another secondary",
    docs: 'docs/rules/vpc-secondary-cidr-overlap.md',
  },
  check({ doc, report }) {
    for (const vpc of networkOf(doc).vpcs) {
      const primary = vpc.primary?.cidr ?? vpc.defaultPrimary;
      vpc.secondary.forEach((s, i) => {
        if (primary && overlaps(s.cidr, primary)) {
          const where = vpc.primary ? `the primary CIDR ${primary.text}` : `the primary CIDR ${primary.text}, the default`;
          report({
            target: s.node,
            message: `Secondary VPC CIDR ${s.cidr.text} overlaps ${where}. A VPC's blocks must not overlap; AWS refuses the association.`,
            related: vpc.primary ? [{ target: vpc.primary.node, message: `primary CIDR ${primary.text}` }] : undefined,
          });
          return;
        }
        const earlier = vpc.secondary.slice(0, i).find((o) => o.node !== s.node && overlaps(o.cidr, s.cidr));
        if (earlier) {
          report({
            target: s.node,
            message: `Secondary VPC CIDR ${s.cidr.text} overlaps ${earlier.cidr.text}, defined earlier for the same VPC. A VPC's blocks must not overlap; AWS refuses the association.`,
            related: [{ target: earlier.node, message: `secondary CIDR ${earlier.cidr.text}` }],
          });
        }
      });
    }
  },
});
