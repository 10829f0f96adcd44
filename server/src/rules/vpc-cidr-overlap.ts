import { defineRule, type RelatedPlace } from '../engine/rule';
import { effectiveVpcRanges, networkOf } from '../network/model';
import { overlaps } from '../net/cidr';
import { documentFacts, type VpcFact } from '../workspace/facts';
import { sameVpc } from '../workspace/sameVpc';

// Two VPCs whose IPv4 blocks overlap cannot be peered, and a transit gateway cannot route between
// the overlapping parts (a route table holds one route per destination; the fix is NAT or renumbering).
// https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html
// https://docs.aws.amazon.com/vpc/latest/tgw/transit-gateway-quotas.html
//
// The VPCs compared are every VPC of the checked file's documents (other documents of the same
// stream, other VPCs of the same template) and of the other files of the workspace.
// eksctl's default block (192.168.0.0/16 when a config writes no `vpc.cidr`) is not compared: nobody
// chose it, and every pair of configs that leave the VPC to eksctl would be reported. Writing the
// block brings it under the rule.
// The same definition in two files (same name, blocks and subnets: a template kept as JSON and as
// YAML, a copied file) is one network described twice, not two VPCs.
// A reference to an existing VPC that writes exactly the same block as another VPC is taken to be
// that VPC (one config creates it, another uses it by `vpc.id`; two clusters share it), not a
// second VPC, so the pair is not reported.

/** At most this many other VPCs are named in one message; the related places list them all. */
const NAMED = 3;

export default defineRule({
  meta: {
    code: 'vpc-cidr-overlap',
    severity: 'warning',
    kinds: ['eksctl', 'cloudformation'],
    title: 'Two VPCs of the workspace have overlapping CIDR blocks, so they cannot be peered or routed through a transit gateway',
    docs: 'docs/rules/vpc-cidr-overlap.md',
  },
  check({ doc, file, workspace, report }) {
    const { vpcs } = networkOf(doc);
    if (!vpcs.length) return;
    const own = documentFacts(file, doc).vpcs ?? [];
    const sameFile = file.documents.filter((d) => !d.syntaxErrors.length).flatMap((d) => documentFacts(file, d).vpcs ?? []);
    const otherFiles = workspace.others.flatMap((f) => f.vpcs ?? []);
    vpcs.forEach((vpc, i) => {
      const self = own[i];
      if (!self) return;
      for (const range of effectiveVpcRanges(vpc)) {
        if (!range.node) continue;
        // Overlap first (cheap), then identity; other files in a stable order, whatever order the
        // index learnt them in. Sorting only the hits keeps a large workspace linear per file.
        const overlapping = (others: readonly VpcFact[]) =>
          others.flatMap((other) => {
            const touches = (c: VpcFact['cidrs'][number]) => !c.defaulted && overlaps(c.cidr, range.cidr);
            if (other === self || !other.cidrs.some(touches) || sameVpc(self, other)) return [];
            return [{ other, blocks: other.cidrs.filter(touches) }];
          });
        const hits = [...overlapping(sameFile), ...overlapping(otherFiles).sort((a, b) => byPlace(a.other, b.other))];
        const target = range.node;
        if (!hits.length) continue;
        const named = hits.slice(0, NAMED).map(({ other, blocks }) => `${blocks.map(blockText).join(' and ')} of ${vpcName(other)} in ${whereIs(other, file.uri, doc.index)}`);
        const more = hits.length - named.length;
        const list = more ? `${named.join('; ')}; and ${more} more VPC${more === 1 ? '' : 's'}` : named.length === 2 ? named.join(' and ') : named.join('; ');
        const related: RelatedPlace[] = hits.flatMap(({ other, blocks }) =>
          blocks.map((b) => ({ uri: b.uri, range: b.range, message: `block ${blockText(b)} of ${vpcName(other)}` })),
        );
        report({
          target,
          message: `${range.label} ${range.text} overlaps ${list}. VPCs with overlapping blocks cannot be peered, and a transit gateway cannot route between the overlapping addresses without NAT. If these networks may ever be connected, give each VPC its own block.`,
          related,
        });
      }
    });
  },
});

function byPlace(a: VpcFact, b: VpcFact): number {
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}


function blockText(block: VpcFact['cidrs'][number]): string {
  return block.defaulted ? `${block.cidr.text} (eksctl's default)` : block.cidr.text;
}

function vpcName(vpc: VpcFact): string {
  if (vpc.name.startsWith('VPC of document ')) return vpc.name;
  return vpc.source === 'eksctl' ? `the VPC of cluster ${vpc.name}` : `VPC ${vpc.name}`;
}

function whereIs(vpc: VpcFact, uri: string, docIndex: number): string {
  if (vpc.uri === uri) return vpc.document === docIndex ? 'this document' : `document ${vpc.document + 1} of this file`;
  const last = vpc.uri.split(/[\\/]/).pop() || vpc.uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
