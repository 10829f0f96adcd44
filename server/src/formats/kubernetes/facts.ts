// What a Kubernetes manifest tells the checks of other files: the service ranges a ServiceCIDR
// object adds, the workloads with their replica counts and pod labels, the VPC CNI settings of an
// aws-node DaemonSet and the node classes that decide pods per node (cni.ts), and the ENIConfig
// objects of custom networking (eniConfig.ts).
import { isScalar, type Node } from 'yaml';
import type { FileModel, StreamDocument } from '../../model/document';
import { getIn, isTemplated, items, literalString } from '../../model/nav';
import { parseCidr } from '../../net/cidr';
import { NO_FACTS, type FileFacts, type Place, type ServiceCidrFact, type WorkloadFact } from '../../workspace/facts';
import { awsNodeFact, nodeClassFact } from './cni';
import { eniConfigFact } from './eniConfig';
import { labelsWithUnknowns } from './labels';

/** Kinds whose `spec.replicas` copies of `spec.template` run at once. */
export const WORKLOAD_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController']);

export function kubernetesFacts(_file: FileModel, doc: StreamDocument, place: (node: Node) => Place): FileFacts {
  // https://kubernetes.io/docs/tasks/network/extend-service-ip-ranges/
  if (doc.objectKind === 'ServiceCIDR' && doc.apiVersion?.startsWith('networking.k8s.io/')) {
    const name = literalString(getIn(doc.root, ['metadata', 'name'], doc.anchors));
    const serviceCidrs: ServiceCidrFact[] = [];
    for (const node of items(getIn(doc.root, ['spec', 'cidrs'], doc.anchors), doc.anchors)) {
      const text = literalString(node);
      const parsed = text === undefined || isTemplated(text) ? undefined : parseCidr(text);
      if (parsed?.ok) serviceCidrs.push({ ...place(node), cidr: parsed.value, source: 'ServiceCIDR', name });
    }
    return serviceCidrs.length ? { serviceCidrs, workloads: [] } : NO_FACTS;
  }
  const awsNode = awsNodeFact(doc, place);
  if (awsNode) return { serviceCidrs: [], workloads: [], cniSettings: [awsNode] };
  const eniConfig = eniConfigFact(doc, place);
  if (eniConfig) return { serviceCidrs: [], workloads: [], eniConfigs: [eniConfig] };
  const nodeClass = nodeClassFact(doc, place);
  if (nodeClass) return { serviceCidrs: [], workloads: [], nodeClasses: [nodeClass] };
  if (doc.objectKind && WORKLOAD_KINDS.has(doc.objectKind)) {
    const workload = readWorkload(doc, doc.objectKind, place);
    return workload ? { serviceCidrs: [], workloads: [workload] } : NO_FACTS;
  }
  return NO_FACTS;
}

function readWorkload(doc: StreamDocument, kind: string, place: (node: Node) => Place): WorkloadFact | undefined {
  const a = doc.anchors;
  const nameNode = getIn(doc.root, ['metadata', 'name'], a);
  const name = literalString(nameNode);
  if (!name || !nameNode) return undefined;
  const replicasNode = getIn(doc.root, ['spec', 'replicas'], a);
  const replicas = isScalar(replicasNode) && typeof replicasNode.value === 'number' && Number.isInteger(replicasNode.value) ? replicasNode.value : undefined;
  // Kept even when the count or the labels cannot be read: a rule that needs them must then
  // know that a workload it cannot judge is there.
  const labelsNode = getIn(doc.root, ['spec', 'template', 'metadata', 'labels'], a);
  // No labels written is a known, empty set; labels that cannot be read are unknown.
  const podLabels = labelsNode === undefined || (isScalar(labelsNode) && labelsNode.value === null) ? {} : labelsWithUnknowns(labelsNode, a);
  const namespace = literalString(getIn(doc.root, ['metadata', 'namespace'], a));
  return { ...place(replicas !== undefined && replicasNode ? replicasNode : nameNode), kind, name, namespace, replicas, podLabels };
}
