// What Kubernetes manifests say about pod addresses: the `aws-node` DaemonSet's environment (the
// VPC CNI's settings), and node classes that set the kubelet's max pods or pod subnets (Karpenter,
// EKS Auto Mode). Read into workspace facts, so checks of a ClusterConfig or a template can combine
// them with their own (workspace/facts.ts: CniSettingsFact, NodeClassFact).
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { StreamDocument } from '../../model/document';
import { entries, get, getIn, items, literalString, scalarText, type AnchorTable } from '../../model/nav';
import { cniSettingName, defaultCniSettings, isTemplateText, mapCniSettings, mapSetting, readCniVariable, unknownCniSettings, type CniSettings, type Setting } from '../../network/cni';
import type { CniSettingsFact, NodeClassFact, Place, SubnetSelectorTermFact } from '../../workspace/facts';

/** A DaemonSet named aws-node in kube-system (or with no namespace written, as overlays leave it). */
export function isAwsNodeDaemonSet(doc: StreamDocument): boolean {
  if (doc.objectKind !== 'DaemonSet' || !doc.apiVersion || !/^(apps\/v1|apps\/v1beta2|extensions\/v1beta1)$/.test(doc.apiVersion)) return false;
  const a = doc.anchors;
  if (literalString(getIn(doc.root, ['metadata', 'name'], a)) !== 'aws-node') return false;
  const namespace = getIn(doc.root, ['metadata', 'namespace'], a);
  return namespace === undefined || literalString(namespace) === 'kube-system';
}

/**
 * The VPC CNI settings of an aws-node DaemonSet: the `env` of its `aws-node` container (the name the
 * VPC CNI's manifests give it: config/master/aws-k8s-cni.yaml in aws/amazon-vpc-cni-k8s). A `value`
 * is read as ipamd reads it (network/cni.ts); `valueFrom` (a ConfigMap, a field) is unknown; a
 * variable listed twice takes its last value, as the kubelet does. A variable not listed gets ipamd's
 * own default, unless the container also has `envFrom` (which may set it) or has no `image` (an
 * overlay patch that lists only what it changes): then it is unknown.
 */
export function awsNodeCniSettings(doc: StreamDocument): CniSettings | undefined {
  const a = doc.anchors;
  const container = items(getIn(doc.root, ['spec', 'template', 'spec', 'containers'], a), a).find((c) => literalString(get(c, 'name', a)) === 'aws-node');
  if (!container) return undefined;
  const envFrom = get(container, 'envFrom', a);
  const partial = get(container, 'image', a) === undefined;
  const base: CniSettings =
    envFrom !== undefined
      ? unknownCniSettings('envFrom may set it', envFrom, 'aws-node envFrom')
      : partial
        ? unknownCniSettings('the DaemonSet is a patch (its container has no image), so it may be set elsewhere', container, 'aws-node container')
        : (defaultCniSettings('unset') as CniSettings);
  const out: Record<string, unknown> = { ...base };
  for (const entry of items(get(container, 'env', a), a)) {
    const name = cniSettingName(literalString(get(entry, 'name', a)) ?? '');
    if (!name) continue;
    const valueNode = get(entry, 'value', a);
    const where = `aws-node env ${name}`;
    if (get(entry, 'valueFrom', a) !== undefined) {
      out[name] = { state: 'unknown', reason: 'set from valueFrom', at: entry, where };
      continue;
    }
    // No value is the empty string, which ipamd reads as unparsable (its default).
    const text = valueNode === undefined || (isScalar(valueNode) && valueNode.value === null) ? '' : (literalString(valueNode) ?? scalarText(valueNode));
    if (text === undefined) out[name] = { state: 'unknown', reason: 'not a literal value', at: valueNode ?? entry, where };
    else out[name] = readCniVariable(name, text, valueNode ?? entry, where);
  }
  return out as unknown as CniSettings;
}

export function awsNodeFact(doc: StreamDocument, place: (node: Node) => Place): CniSettingsFact | undefined {
  if (!isAwsNodeDaemonSet(doc)) return undefined;
  const settings = awsNodeCniSettings(doc);
  const nameNode = getIn(doc.root, ['metadata', 'name'], doc.anchors);
  if (!settings || !nameNode) return undefined;
  return { ...place(nameNode), source: 'aws-node', document: doc.index, declared: true, cni: mapCniSettings(settings, place) };
}

/**
 * Karpenter and EKS Auto Mode node classes. Field names: Karpenter's v1 API
 * (aws/karpenter-provider-aws pkg/apis/v1/ec2nodeclass.go: `spec.kubelet`, an open map of the kubelet's
 * KubeletConfiguration, so `maxPods` and `podsPerCore`); the kubelet settings lived on the NodePool in
 * v1beta1 and moved to the EC2NodeClass in v1 (website/content/en/v1.0/upgrading/v1-migration.md,
 * "Kubelet Configuration Migration"). Auto Mode: https://docs.aws.amazon.com/eks/latest/userguide/create-node-class.html
 * (`spec.advancedNetworking.ipv4PrefixSize`, `spec.podSubnetSelectorTerms`).
 */
export function nodeClassFact(doc: StreamDocument, place: (node: Node) => Place): NodeClassFact | undefined {
  const a = doc.anchors;
  const kind = doc.objectKind;
  const apiVersion = doc.apiVersion ?? '';
  const nameNode = getIn(doc.root, ['metadata', 'name'], a);
  const name = literalString(nameNode);
  if (!nameNode || name === undefined) return undefined;
  const base = { ...place(nameNode), apiVersion, name, document: doc.index };
  const spec = get(doc.root, 'spec', a);
  const at = <T>(s: Setting<T>): Setting<T, Place> => mapSetting(s, place);
  if (kind === 'EC2NodeClass' && apiVersion.startsWith('karpenter.k8s.aws/')) {
    const v1 = apiVersion === 'karpenter.k8s.aws/v1';
    const kubelet = get(spec, 'kubelet', a);
    return {
      ...base,
      kind,
      ...(v1 ? { maxPods: at(integerField(get(kubelet, 'maxPods', a), 'spec.kubelet.maxPods')), podsPerCore: at(integerField(get(kubelet, 'podsPerCore', a), 'spec.kubelet.podsPerCore')) } : {}),
      subnetSelectorTerms: selectorTerms(get(spec, 'subnetSelectorTerms', a), a),
    };
  }
  if (kind === 'NodePool' && apiVersion === 'karpenter.sh/v1beta1') {
    const kubelet = getIn(spec, ['template', 'spec', 'kubelet'], a);
    return {
      ...base,
      kind,
      maxPods: at(integerField(get(kubelet, 'maxPods', a), 'spec.template.spec.kubelet.maxPods')),
      podsPerCore: at(integerField(get(kubelet, 'podsPerCore', a), 'spec.template.spec.kubelet.podsPerCore')),
    };
  }
  if (kind === 'NodeClass' && apiVersion.startsWith('eks.amazonaws.com/')) {
    const sizeNode = getIn(spec, ['advancedNetworking', 'ipv4PrefixSize'], a);
    return {
      ...base,
      kind,
      ipv4PrefixSize: at(stringField(sizeNode, 'spec.advancedNetworking.ipv4PrefixSize', 'Auto')),
      subnetSelectorTerms: selectorTerms(get(spec, 'subnetSelectorTerms', a), a),
      podSubnetSelectorTerms: selectorTerms(get(spec, 'podSubnetSelectorTerms', a), a),
    };
  }
  return undefined;
}

function integerField(node: Node | undefined, where: string): Setting<number> {
  if (node === undefined || (isScalar(node) && node.value === null)) return { state: 'absent', value: undefined };
  if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value)) return { state: 'known', value: node.value, text: node.source ?? String(node.value), at: node, where };
  const text = scalarText(node);
  return { state: 'unknown', reason: text === undefined ? 'not a literal number' : `not a number (${text.slice(0, 60)})`, at: node, where };
}

function stringField(node: Node | undefined, where: string, unset: string): Setting<string> {
  if (node === undefined || (isScalar(node) && node.value === null)) return { state: 'absent', value: unset };
  const text = literalString(node) ?? scalarText(node);
  if (text === undefined || isTemplateText(text)) return { state: 'unknown', reason: 'not a literal value', at: node, where };
  return { state: 'known', value: text, text, at: node, where };
}

function selectorTerms(node: Node | undefined, a: AnchorTable): SubnetSelectorTermFact[] | null | undefined {
  if (node === undefined) return undefined;
  if (isScalar(node) && node.value === null) return [];
  if (!isSeq(node)) return null;
  const list = items(node, a);
  const out: SubnetSelectorTermFact[] = [];
  for (const term of list) {
    if (!isMap(term)) return null;
    const idNode = get(term, 'id', a);
    const idText = literalString(idNode) ?? scalarText(idNode);
    const id = idNode === undefined ? undefined : idText === undefined || isTemplateText(idText) ? null : idText;
    const tagsNode = get(term, 'tags', a);
    let tags: Record<string, string | null> | undefined;
    if (isMap(tagsNode)) {
      tags = {};
      for (const [key, value] of entries(tagsNode, a)) {
        const text = literalString(value) ?? scalarText(value);
        tags[key] = text === undefined || isTemplateText(text) ? null : text;
      }
    }
    out.push({ ...(id !== undefined ? { id } : {}), ...(tags ? { tags } : {}) });
  }
  return out;
}
