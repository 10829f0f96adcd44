import { defineRule } from '../engine/rule';
import { block, DOCKER_BRIDGE, RFC1918 } from '../network/ranges';
import { contains, overlaps } from '../net/cidr';
import { formatsWith, networkOf } from '../formats';

const RANGE_172 = RFC1918[1].cidr;
const DEFAULT_VPC_RANGE = block('172.31.0.0/16');

export default defineRule({
  meta: {
    code: 'vpc-cidr-172-range',
    severity: 'information',
    kinds: formatsWith('network'),
    title: "A VPC's primary CIDR block is inside 172.16.0.0/12, parts of which carry AWS caveats",
    docs: 'docs/rules/vpc-cidr-172-range.md',
  },
  check({ doc, report }) {
    for (const vpc of networkOf(doc).vpcs) {
      // A note about choosing the primary range: nothing to choose for an existing VPC, and
      // secondary blocks are vpc-secondary-cidr-restricted's subject.
      const primary = vpc.primary;
      if (!primary || vpc.existing) continue;
      const { cidr, node } = primary;
      // Touching 172.17.0.0/16 is vpc-cidr-docker-conflict's (stronger) finding.
      if (!contains(RANGE_172, cidr) || overlaps(cidr, DOCKER_BRIDGE.cidr)) continue;
      const caveats = ['services that run Docker conflict with 172.17.0.0/16'];
      if (!overlaps(cidr, DEFAULT_VPC_RANGE)) caveats.push('a VPC in this range cannot add 172.31.0.0/16 as a secondary block later');
      report({
        target: node,
        message: `VPC CIDR ${cidr.text} is inside 172.16.0.0/12, parts of which carry AWS caveats: ${caveats.join(', and ')}. If the range is still free to choose, 10.0.0.0/8 avoids ${caveats.length > 1 ? 'both' : 'it'}.`,
      });
    }
  },
});
