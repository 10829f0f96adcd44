// ENIConfig objects (the VPC CNI's custom resource for custom networking), read into workspace facts
// so that checks of a ClusterConfig or a template can match them with the cluster's zones and subnets
// (workspace/facts.ts: EniConfigFact, which cites the sources).
import { isScalar, isSeq, type Node } from 'yaml';
import type { StreamDocument } from '../../model/document';
import { get, getIn, items, literalString, scalarText } from '../../model/nav';
import { isTemplateText } from '../../network/cni';
import type { EniConfigFact, Place } from '../../workspace/facts';

/** The API group the VPC CNI's CRD declares (charts/aws-vpc-cni/crds/customresourcedefinition.yaml);
 *  v1alpha1 is its only version. */
export function isEniConfig(doc: StreamDocument): boolean {
  return doc.objectKind === 'ENIConfig' && doc.apiVersion === 'crd.k8s.amazonaws.com/v1alpha1';
}

/** A literal, untemplated string value; null when written but not readable as one. */
function text(node: Node | undefined): string | null {
  const t = literalString(node) ?? scalarText(node);
  return t === undefined || isTemplateText(t) || /^\$[A-Za-z_]/.test(t) ? null : t;
}

export function eniConfigFact(doc: StreamDocument, place: (node: Node) => Place): EniConfigFact | undefined {
  if (!isEniConfig(doc)) return undefined;
  const a = doc.anchors;
  const nameNode = getIn(doc.root, ['metadata', 'name'], a);
  const name = text(nameNode);
  // A templated name (`{{ .az }}`, `$AZ_1`) cannot be matched with a zone: not a fact.
  if (!nameNode || name === null || name === '') return undefined;
  const spec = get(doc.root, 'spec', a);
  const subnetNode = get(spec, 'subnet', a);
  const groupsNode = get(spec, 'securityGroups', a);
  const subnet = subnetNode === undefined || (isScalar(subnetNode) && subnetNode.value === null) ? undefined : { ...place(subnetNode), id: text(subnetNode) };
  const securityGroups = groupsNode === undefined ? undefined : isSeq(groupsNode) ? items(groupsNode, a).map((n) => text(n)) : null;
  return { ...place(nameNode), name, document: doc.index, ...(subnet ? { subnet } : {}), ...(securityGroups !== undefined ? { securityGroups } : {}) };
}
