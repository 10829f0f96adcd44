import { isScalar } from 'yaml';
import { replaceScalar, scalarAtFinding, type TextEdit } from '../model/edits';
import { defineRule } from '../engine/rule';
import { effectiveVpcRanges, writtenVpcCidrs } from '../network/model';
import { DOCKER_BRIDGE, block } from '../network/ranges';
import { firstFreeBlock } from '../network/space';
import { contains, formatAddress, overlaps, parseCidr, type Cidr } from '../net/cidr';
import { formatsWith, networkOf } from '../formats';

export default defineRule({
  meta: {
    code: 'vpc-cidr-docker-conflict',
    severity: 'warning',
    kinds: formatsWith('network'),
    title: "A VPC CIDR block overlaps 172.17.0.0/16, Docker's default bridge network",
    docs: 'docs/rules/vpc-cidr-docker-conflict.md',
  },
  check({ doc, report }) {
    for (const vpc of networkOf(doc).vpcs) {
      for (const { cidr, node, label } of writtenVpcCidrs(vpc)) {
        if (!overlaps(cidr, DOCKER_BRIDGE.cidr)) continue;
        report({
          target: node,
          message: `${label} ${cidr.text} overlaps 172.17.0.0/16, ${DOCKER_BRIDGE.what}. AWS warns that services which run Docker, such as Cloud9 and SageMaker, can hit address conflicts with a VPC in that range; on any host with Docker's default settings the bridge route captures those addresses. Choose a block outside 172.17.0.0/16.`,
        });
      }
    }
  },
  // The same-size block in 10.0.0.0/8 that no other VPC of the file or the workspace (and no
  // reserved range) uses, with the subnets of the block moved along by the same offset. Only for
  // a VPC the file creates: an existing VPC's block is a fact, not a choice.
  fix({ file, doc, offset, config, workspace }) {
    const node = scalarAtFinding(file, offset);
    if (!node) return [];
    for (const vpc of networkOf(doc).vpcs) {
      const range = effectiveVpcRanges(vpc).find((r) => r.node === node);
      if (!range) continue;
      // (eksctl's VPC with listed subnets is an existing one.)
      if (vpc.existing || vpc.extentUnknown) return [];
      const taken: Cidr[] = [
        ...networkOf(doc).vpcs.flatMap((v) =>
          effectiveVpcRanges(v)
            .filter((r) => r.node !== node)
            .map((r) => r.cidr),
        ),
        ...file.documents.filter((d) => d !== doc && !d.syntaxErrors.length).flatMap((d) => networkOf(d).vpcs.flatMap((v) => effectiveVpcRanges(v).map((r) => r.cidr))),
        ...workspace.others.flatMap((f) => (f.vpcs ?? []).flatMap((v) => v.cidrs.map((c) => c.cidr))),
        ...config.reservedCidrs.flatMap((text) => {
          const parsed = parseCidr(text);
          return parsed.ok ? [parsed.value] : [];
        }),
      ];
      const target = firstFreeBlock([block('10.0.0.0/8')], taken, range.cidr.prefix);
      if (!target) return [];
      const edits: TextEdit[] = [replaceScalar(node, doc, target.text)];
      for (const subnet of vpc.subnets) {
        if (!subnet.cidr || !contains(range.cidr, subnet.cidr.cidr)) continue;
        const moved = `${formatAddress(subnet.cidr.cidr.first - range.cidr.first + target.first, 4)}/${subnet.cidr.cidr.prefix}`;
        if (!isScalar(subnet.cidr.node)) return [];
        edits.push(replaceScalar(subnet.cidr.node, doc, moved));
      }
      const moved = edits.length - 1;
      return [{ title: `Move the VPC block to ${target.text}${moved ? ` and its ${moved} subnet${moved === 1 ? '' : 's'} with it` : ''}`, isPreferred: true, edits }];
    }
    return [];
  },
});
