import { serviceCidrFix } from '../actions/network';
import { defineRule } from '../engine/rule';
import { effectiveVpcRanges } from '../network/model';
import { overlaps } from '../net/cidr';
import { formatsWith, networkOf } from '../formats';

export default defineRule({
  meta: {
    code: 'eks-service-cidr-overlap',
    severity: 'error',
    kinds: formatsWith('network'),
    title: "The Kubernetes service CIDR overlaps the VPC's addresses",
    docs: 'docs/rules/eks-service-cidr-overlap.md',
  },
  check({ doc, report }) {
    const { vpcs, cluster } = networkOf(doc);
    const service = cluster?.serviceCidr;
    if (!service) return;
    for (const vpc of vpcs) {
      const range = effectiveVpcRanges(vpc).find((r) => overlaps(r.cidr, service.cidr));
      const subnet = vpc.subnets.find((s) => s.cidr && overlaps(s.cidr.cidr, service.cidr));
      if (!range && !subnet) continue;
      const what = range ? `the VPC CIDR ${range.text}` : `subnet ${subnet!.name} (${subnet!.cidr!.cidr.text})`;
      const node = range?.node ?? subnet?.cidr?.node;
      report({
        target: service.node,
        message: `Service CIDR ${service.cidr.text} overlaps ${what}. Service addresses must not collide with addresses in the VPC, or pods cannot tell a Service from a host there; choose a range outside the VPC, e.g. 172.20.0.0/16 for a VPC in 10.0.0.0/8.`,
        related: node ? [{ target: node, message: what }] : undefined,
      });
      return;
    }
  },
  fix: serviceCidrFix,
});
