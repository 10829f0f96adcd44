import { serviceCidrFix } from '../actions/network';
import { defineRule } from '../engine/rule';
import { insideAny, RFC1918 } from '../network/ranges';
import { formatsWith, networkOf } from '../formats';

// https://docs.aws.amazon.com/eks/latest/APIReference/API_KubernetesNetworkConfigRequest.html
export const SERVICE_MIN_PREFIX = 12;
export const SERVICE_MAX_PREFIX = 24;

export default defineRule({
  meta: {
    code: 'eks-service-cidr-range',
    severity: 'error',
    kinds: formatsWith('network'),
    title: 'The Kubernetes service CIDR is outside the private ranges or sized outside /12–/24',
    docs: 'docs/rules/eks-service-cidr-range.md',
  },
  check({ doc, report }) {
    const service = networkOf(doc).cluster?.serviceCidr;
    if (!service) return;
    const { cidr, node } = service;
    if (!insideAny(cidr, RFC1918)) {
      report({ target: node, message: `Service CIDR ${cidr.text} is not inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16; EKS accepts a service range only from those blocks.` });
    } else if (cidr.prefix < SERVICE_MIN_PREFIX || cidr.prefix > SERVICE_MAX_PREFIX) {
      const how = cidr.prefix < SERVICE_MIN_PREFIX ? 'larger' : 'smaller';
      report({ target: node, message: `Service CIDR ${cidr.text} is ${how} than EKS allows: the prefix must be between /${SERVICE_MIN_PREFIX} and /${SERVICE_MAX_PREFIX}.` });
    }
  },
  fix: serviceCidrFix,
});
