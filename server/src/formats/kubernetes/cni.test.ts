import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildFileModel, factsOf } from '..';
import type { CniSettingsFact, NodeClassFact } from '../../workspace/facts';

function facts(text: string): { cni: readonly CniSettingsFact[]; nodeClasses: readonly NodeClassFact[]; line: (at: { range: { start: { line: number } } }) => string } {
  const f = factsOf(buildFileModel({ uri: 'file:///m.yaml', text }));
  const lines = text.split('\n');
  return { cni: f.cniSettings ?? [], nodeClasses: f.nodeClasses ?? [], line: (at) => lines[at.range.start.line].trim() };
}

/** `NAME=value`, `NAME=value!` (invalid) or `NAME?` for each setting that is not absent. */
function written(fact: CniSettingsFact): string[] {
  return Object.entries(fact.cni).flatMap(([name, s]) => (s.state === 'known' ? [`${name}=${String(s.value)}${s.invalid ? '!' : ''}`] : s.state === 'unknown' ? [`${name}?`] : []));
}

// An excerpt of the VPC CNI's own manifest (config/master/aws-k8s-cni.yaml in aws/amazon-vpc-cni-k8s).
const AWS_NODE = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: aws-node
  namespace: kube-system
spec:
  selector:
    matchLabels:
      k8s-app: aws-node
  template:
    spec:
      initContainers:
        - name: aws-vpc-cni-init
          image: 602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni-init:v1.23.0
          env:
            - name: ENABLE_IPv6
              value: "true"
      containers:
        - name: aws-node
          image: 602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.23.0
          env:
            - name: ENABLE_PREFIX_DELEGATION
              value: "true"
            - name: WARM_PREFIX_TARGET
              value: "1"
            - name: WARM_ENI_TARGET
              value: "1"
            - name: MINIMUM_IP_TARGET
              valueFrom:
                configMapKeyRef: {name: cni-tuning, key: minimum}
            - name: ENABLE_POD_ENI
              value: "yes"
            - name: MAX_ENI
            - name: WARM_ENI_TARGET
              value: "2"
            - name: MY_NODE_NAME
              valueFrom:
                fieldRef: {fieldPath: spec.nodeName}
`;

describe('Kubernetes: the aws-node DaemonSet', () => {
  it('reads the aws-node container env as ipamd does, each value at its place', () => {
    const { cni, line } = facts(AWS_NODE);
    assert.equal(cni.length, 1);
    assert.equal(cni[0].source, 'aws-node');
    assert.equal(cni[0].cluster, undefined);
    // The init container's ENABLE_IPv6 is not the aws-node container's. A variable listed twice keeps
    // its last value; no value is the empty string, which ipamd cannot parse (its default).
    assert.deepEqual(written(cni[0]), ['ENABLE_PREFIX_DELEGATION=true', 'ENABLE_POD_ENI=false!', 'WARM_ENI_TARGET=2', 'MINIMUM_IP_TARGET?', 'WARM_PREFIX_TARGET=1', 'MAX_ENI=undefined!']);
    const pd = cni[0].cni.ENABLE_PREFIX_DELEGATION;
    assert.equal(pd.state === 'known' && line(pd.at), 'value: "true"');
    const min = cni[0].cni.MINIMUM_IP_TARGET;
    assert.equal(min.state === 'unknown' && line(min.at), '- name: MINIMUM_IP_TARGET');
    // Unwritten variables take ipamd's own defaults, not the manifest's: WARM_PREFIX_TARGET would be 0.
    assert.deepEqual(cni[0].cni.ENABLE_IPv6, { state: 'absent', value: false });
  });

  it('envFrom or a patch without an image leaves the unwritten variables unknown', () => {
    const envFrom = AWS_NODE.replace(
      '          env:\n            - name: ENABLE_PREFIX',
      '          envFrom:\n            - configMapRef: {name: cni}\n          env:\n            - name: ENABLE_PREFIX',
    );
    assert.equal(facts(envFrom).cni[0].cni.ENABLE_IPv6.state, 'unknown');
    assert.equal(facts(envFrom).cni[0].cni.ENABLE_PREFIX_DELEGATION.state, 'known');
    const patch =
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: aws-node\n  namespace: kube-system\nspec:\n  template:\n    spec:\n      containers:\n        - name: aws-node\n          env:\n            - name: ENABLE_PREFIX_DELEGATION\n              value: "true"\n';
    const p = facts(patch).cni[0];
    assert.equal(p.cni.ENABLE_PREFIX_DELEGATION.state, 'known');
    assert.equal(p.cni.WARM_PREFIX_TARGET.state, 'unknown');
  });

  it('only aws-node in kube-system counts; templated values are unknown', () => {
    assert.equal(facts(AWS_NODE.replace('name: aws-node\n  namespace: kube-system', 'name: other-node\n  namespace: kube-system')).cni.length, 0);
    assert.equal(facts(AWS_NODE.replace('namespace: kube-system', 'namespace: default')).cni.length, 0);
    assert.equal(facts(AWS_NODE.replace('kind: DaemonSet', 'kind: Deployment')).cni.length, 0);
    assert.equal(facts(AWS_NODE.replace('  namespace: kube-system\n', '')).cni.length, 1);
    const templated = facts(AWS_NODE.replace('value: "true"\n            - name: WARM_PREFIX', 'value: "{{ .Values.pd }}"\n            - name: WARM_PREFIX')).cni[0];
    assert.equal(templated.cni.ENABLE_PREFIX_DELEGATION.state, 'unknown');
  });
});

describe('Kubernetes: node classes', () => {
  it('reads a Karpenter v1 EC2NodeClass kubelet.maxPods and its subnet selectors', () => {
    const { nodeClasses, line } = facts(`apiVersion: karpenter.k8s.aws/v1
kind: EC2NodeClass
metadata:
  name: default
spec:
  amiSelectorTerms:
    - alias: al2023@latest
  role: KarpenterNodeRole-prod
  kubelet:
    maxPods: 110
  subnetSelectorTerms:
    - tags:
        karpenter.sh/discovery: prod
    - id: subnet-0a1b2c3d4e5f60718
`);
    assert.equal(nodeClasses.length, 1);
    const nc = nodeClasses[0];
    assert.deepEqual([nc.kind, nc.name, nc.apiVersion], ['EC2NodeClass', 'default', 'karpenter.k8s.aws/v1']);
    assert.equal(nc.maxPods?.state === 'known' && nc.maxPods.value, 110);
    assert.equal(nc.maxPods?.state === 'known' && line(nc.maxPods.at), 'maxPods: 110');
    assert.deepEqual(nc.podsPerCore, { state: 'absent', value: undefined });
    assert.deepEqual(nc.subnetSelectorTerms, [{ tags: { 'karpenter.sh/discovery': 'prod' } }, { id: 'subnet-0a1b2c3d4e5f60718' }]);
  });

  it('reads kubelet.maxPods from a v1beta1 NodePool, where it lived before v1, and not from a v1 NodePool', () => {
    const v1beta1 = facts(
      'apiVersion: karpenter.sh/v1beta1\nkind: NodePool\nmetadata:\n  name: default\nspec:\n  template:\n    spec:\n      kubelet:\n        maxPods: "{{ .Values.maxPods }}"\n        podsPerCore: 4\n',
    ).nodeClasses;
    assert.equal(v1beta1[0].maxPods?.state, 'unknown');
    assert.equal(v1beta1[0].podsPerCore?.state === 'known' && v1beta1[0].podsPerCore.value, 4);
    assert.equal(facts('apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata:\n  name: default\nspec: {}\n').nodeClasses.length, 0);
    // A v1beta1 EC2NodeClass had no kubelet field.
    const old = facts('apiVersion: karpenter.k8s.aws/v1beta1\nkind: EC2NodeClass\nmetadata:\n  name: default\nspec:\n  amiFamily: AL2\n').nodeClasses[0];
    assert.equal(old.maxPods, undefined);
  });

  it('reads an EKS Auto Mode NodeClass: the prefix size (Auto by default) and pod subnets', () => {
    const auto = facts(`apiVersion: eks.amazonaws.com/v1
kind: NodeClass
metadata:
  name: private-pods
spec:
  subnetSelectorTerms:
    - tags:
        Name: private-nodes
  podSubnetSelectorTerms:
    - tags:
        Name: private-pods
  advancedNetworking:
    ipv4PrefixSize: "32"
`).nodeClasses[0];
    assert.equal(auto.kind, 'NodeClass');
    assert.equal(auto.ipv4PrefixSize?.state === 'known' && auto.ipv4PrefixSize.value, '32');
    assert.deepEqual(auto.podSubnetSelectorTerms, [{ tags: { Name: 'private-pods' } }]);
    const plain = facts('apiVersion: eks.amazonaws.com/v1\nkind: NodeClass\nmetadata:\n  name: default\nspec:\n  subnetSelectorTerms: "{{ .Values.subnets }}"\n').nodeClasses[0];
    assert.deepEqual(plain.ipv4PrefixSize, { state: 'absent', value: 'Auto' });
    assert.equal(plain.subnetSelectorTerms, null);
    assert.equal(plain.podSubnetSelectorTerms, undefined);
  });
});
