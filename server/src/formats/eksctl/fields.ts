// The address-valued fields of an eksctl ClusterConfig.
import type { StreamDocument } from '../../model/document';
import { entries, get, getIn, items } from '../../model/nav';
import type { AddressCollector } from '../types';

// https://eksctl.io/usage/schema/ (vpc, kubernetesNetworkConfig)
export function eksctlFields(doc: StreamDocument, collect: AddressCollector): void {
  const a = doc.anchors;
  const root = doc.root;
  const vpc = get(root, 'vpc', a);
  const v4 = { family: 4 } as const;
  // vpc.cidr and the subnets' cidr are ipnet.IPNet values, read with Go's net.ParseCIDR, which
  // refuses leading zeros since Go 1.17 (eksctl pkg/utils/ipnet/ipnet.go).
  const goParsed = { ...v4, leadingZerosRejected: true };
  collect(get(vpc, 'cidr', a), 'cidr', 'vpc.cidr', goParsed);
  items(get(vpc, 'extraCIDRs', a), a).forEach((n, i) => collect(n, 'cidr', `vpc.extraCIDRs[${i}]`, v4));
  // Not documented either way for the EKS API: treated as accepted, so reported as a warning.
  const lenient = { hostBitsWarning: true };
  items(get(vpc, 'publicAccessCIDRs', a), a).forEach((n, i) => collect(n, 'cidr', `vpc.publicAccessCIDRs[${i}]`, lenient));
  for (const tier of ['public', 'private']) {
    for (const [name, subnet] of entries(getIn(vpc, ['subnets', tier], a), a)) {
      collect(get(subnet, 'cidr', a), 'cidr', `vpc.subnets.${tier}.${name}.cidr`, goParsed);
    }
  }
  collect(getIn(root, ['kubernetesNetworkConfig', 'serviceIPv4CIDR'], a), 'cidr', 'kubernetesNetworkConfig.serviceIPv4CIDR', { ...v4, ...lenient });
}
