// eksctl's ClusterConfig (https://eksctl.io/usage/schema/): a cluster, its VPC and node groups.
import { getIn, literalString, typeMeta } from '../../model/nav';
import { vpcIdIdentity } from '../../workspace/facts';
import { networkFacts } from '../networkFacts';
import type { Format } from '../types';
import { eksctlFields } from './fields';
import { eksctlNetwork } from './network';

export const eksctl: Format = {
  kind: 'eksctl',
  title: 'eksctl ClusterConfig',
  label: 'ClusterConfig',
  json: false,
  addressOrigin: 'aws',
  detect(root, anchors) {
    const { apiVersion, objectKind } = typeMeta(root, anchors);
    return apiVersion?.startsWith('eksctl.io/') && objectKind === 'ClusterConfig' ? { kind: 'eksctl', apiVersion, objectKind } : undefined;
  },
  looksLike: (text) => /^apiVersion:\s*eksctl\.io\//m.test(text),
  network: eksctlNetwork,
  addressFields: eksctlFields,
  facts(file, doc, place, network) {
    // An existing VPC named by its ID is the same VPC as a template's literal `vpc-…`.
    const id = vpcIdIdentity(literalString(getIn(doc.root, ['vpc', 'id'], doc.anchors)) ?? '');
    return networkFacts(file, doc, place, network, {
      source: 'eksctl',
      identities: () => (id ? [id] : []),
      clusterInVpc: true,
    });
  },
};
