// Kubernetes manifests: any document with an `apiVersion` and a `kind` that no other format claims.
import { typeMeta } from '../../model/nav';
import type { Format } from '../types';
import { kubernetesFacts } from './facts';
import { kubernetesFields } from './fields';

export const kubernetes: Format = {
  kind: 'kubernetes',
  title: 'Kubernetes manifest',
  label: 'Kubernetes',
  json: false,
  addressOrigin: 'kubernetes',
  detect(root, anchors) {
    const { apiVersion, objectKind } = typeMeta(root, anchors);
    return apiVersion && objectKind ? { kind: 'kubernetes', apiVersion, objectKind } : undefined;
  },
  looksLike: (text) => /^kind:\s*\S/m.test(text),
  addressFields: kubernetesFields,
  facts: kubernetesFacts,
};
