import { defineRule } from '../engine/rule';
import { effectiveVpcRanges } from '../network/model';
import { overlaps, parseCidr } from '../net/cidr';
import { formatsWith, networkOf } from '../formats';

export default defineRule({
  meta: {
    code: 'vpc-cidr-overlap-reserved',
    severity: 'error',
    kinds: formatsWith('network'),
    title: 'A VPC CIDR block overlaps a range reserved in the settings (on-premises, VPN or peered networks)',
    docs: 'docs/rules/vpc-cidr-overlap-reserved.md',
  },
  check({ doc, report, config }) {
    if (!config.reservedCidrs.length) return;
    const reserved = config.reservedCidrs.flatMap((text) => {
      const parsed = parseCidr(text);
      return parsed.ok ? [parsed.value] : [];
    });
    const { vpcs, cluster } = networkOf(doc);
    for (const vpc of vpcs) {
      for (const range of effectiveVpcRanges(vpc)) {
        const hits = reserved.filter((r) => overlaps(r, range.cidr));
        // eksctl's default primary has no text of its own: report at the cluster's name.
        const target = range.node ?? cluster?.node ?? vpc.node ?? doc.root;
        if (!hits.length || !target) continue;
        report({
          target,
          message: `${range.label} ${range.text} overlaps ${hits.map((h) => h.text).join(', ')}, reserved in reservedCidrs (a network this VPC must reach or must not shadow). Traffic to the overlapping addresses would stay inside the VPC. Choose a block that avoids ${hits.length > 1 ? 'them' : 'it'}.`,
        });
      }
    }
  },
});
