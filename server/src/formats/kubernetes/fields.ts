// The address-valued fields of Kubernetes objects: NetworkPolicy ipBlocks and Service addresses.
import type { StreamDocument } from '../../model/document';
import { get, items } from '../../model/nav';
import type { AddressCollector } from '../types';

// https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/
// https://kubernetes.io/docs/reference/kubernetes-api/service-resources/service-v1/
export function kubernetesFields(doc: StreamDocument, collect: AddressCollector): void {
  const a = doc.anchors;
  const spec = get(doc.root, 'spec', a);
  if (doc.objectKind === 'NetworkPolicy') {
    for (const [direction, peers] of [
      ['ingress', 'from'],
      ['egress', 'to'],
    ] as const) {
      items(get(spec, direction, a), a).forEach((rule, r) => {
        items(get(rule, peers, a), a).forEach((peer, p) => {
          const ipBlock = get(peer, 'ipBlock', a);
          const at = `spec.${direction}[${r}].${peers}[${p}].ipBlock`;
          collect(get(ipBlock, 'cidr', a), 'cidr', `${at}.cidr`);
          items(get(ipBlock, 'except', a), a).forEach((n, i) => collect(n, 'cidr', `${at}.except[${i}]`));
        });
      });
    }
  } else if (doc.objectKind === 'Service' && doc.apiVersion === 'v1') {
    // `None` makes a headless Service; an empty string asks for an automatic address.
    const headless = { alsoAllowed: ['None'] };
    collect(get(spec, 'clusterIP', a), 'ip', 'spec.clusterIP', headless);
    items(get(spec, 'clusterIPs', a), a).forEach((n, i) => collect(n, 'ip', `spec.clusterIPs[${i}]`, headless));
    items(get(spec, 'externalIPs', a), a).forEach((n, i) => collect(n, 'ip', `spec.externalIPs[${i}]`));
    collect(get(spec, 'loadBalancerIP', a), 'ip', 'spec.loadBalancerIP');
    items(get(spec, 'loadBalancerSourceRanges', a), a).forEach((n, i) => collect(n, 'cidr', `spec.loadBalancerSourceRanges[${i}]`));
  }
}
