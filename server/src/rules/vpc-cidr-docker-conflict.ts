import { defineRule } from '../engine/rule';
import { networkOf, writtenVpcCidrs } from '../network/model';
import { DOCKER_BRIDGE } from '../network/ranges';
import { overlaps } from '../net/cidr';

export default defineRule({
  meta: {
    code: 'vpc-cidr-docker-conflict',
    severity: 'warning',
    kinds: ['eksctl', 'cloudformation'],
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
});
