import { replaceScalar, scalarAtFinding } from '../model/edits';
import { defineRule } from '../engine/rule';
import { addressFields, formatsWith } from '../formats';
import { parseCidr } from '../net/cidr';

// A warning everywhere: nobody rejects the value. EC2 stores VPC, subnet, route, ACL and security
// group blocks in canonical form (its API reference: "We modify the specified CIDR block to its
// canonical form"), eksctl reads its CIDRs with Go's net.ParseCIDR, which accepts host bits, and
// the Kubernetes API server accepts them in its legacy fields (NetworkPolicy ipBlock, Service
// loadBalancerSourceRanges) with a warning unless the alpha StrictIPCIDRValidation gate is on
// (staging/src/k8s.io/apimachinery/pkg/util/validation/ip.go). What gets built is still not what the
// file says, which is very likely a mistake: see docs/rules/README.md for the policy.
export default defineRule({
  meta: {
    code: 'cidr-host-bits',
    severity: 'warning',
    kinds: formatsWith('addressFields'),
    title: 'A CIDR block has bits set beyond its prefix length',
    docs: 'docs/rules/cidr-host-bits.md',
  },
  check({ doc, report }) {
    for (const field of addressFields(doc)) {
      if (field.type !== 'cidr' || field.value === undefined) continue;
      const parsed = parseCidr(field.value);
      if (!parsed.ok || !parsed.value.hostBitsSet) continue;
      const { network, prefix } = parsed.value;
      const consequence = field.hostBitsWarning ? `it is taken as ${network}${prefix === 0 ? ', every address' : ''}` : `AWS creates ${network} instead of the block written`;
      report({
        target: field.node,
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
