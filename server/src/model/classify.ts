// Decides what a YAML document is, from its top-level keys only.
import { isMap, type Node } from 'yaml';
import { entries, get, literalString, scalarText, type AnchorTable } from './nav';

export type DocumentKind = 'eksctl' | 'cloudformation' | 'kubernetes' | 'other';

export interface Classification {
  kind: DocumentKind;
  /** `apiVersion` and `kind` for eksctl and Kubernetes documents. */
  apiVersion?: string;
  objectKind?: string;
}

export function classify(root: Node | null | undefined, anchors: AnchorTable): Classification {
  if (!isMap(root)) return { kind: 'other' };
  const apiVersion = literalString(get(root, 'apiVersion', anchors));
  const objectKind = literalString(get(root, 'kind', anchors));
  if (apiVersion?.startsWith('eksctl.io/') && objectKind === 'ClusterConfig') return { kind: 'eksctl', apiVersion, objectKind };
  if (isCloudFormation(root, anchors)) return { kind: 'cloudformation' };
  if (apiVersion && objectKind) return { kind: 'kubernetes', apiVersion, objectKind };
  return { kind: 'other' };
}

// A template declares its format version, or has a Resources section whose entries carry an
// AWS resource type. https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html
function isCloudFormation(root: Node, anchors: AnchorTable): boolean {
  if (get(root, 'AWSTemplateFormatVersion', anchors) !== undefined) return true;
  const resources = get(root, 'Resources', anchors);
  if (!isMap(resources)) return false;
  for (const [, resource] of entries(resources, anchors)) {
    const type = scalarText(get(resource, 'Type', anchors));
    if (type && /^(AWS|Alexa|Custom)::/.test(type)) return true;
  }
  return false;
}
