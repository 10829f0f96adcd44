import { isScalar, type Node } from 'yaml';
import { defineRule, type RelatedPlace } from '../engine/rule';
import { isEmptySelector, matches, readSelector } from '../formats/kubernetes/selector';
import { get, getIn, literalString } from '../model/nav';
import { type WorkloadFact } from '../workspace/facts';
import { documentFacts } from '../formats';

// A PodDisruptionBudget that allows no voluntary disruption makes every eviction wait: `kubectl
// drain`, Karpenter consolidation and managed node group upgrades stall on its pods.
// https://kubernetes.io/docs/tasks/run-application/configure-pdb/
// https://docs.aws.amazon.com/eks/latest/userguide/managed-node-update-behavior.html

const CONSEQUENCE = 'so no pod it selects can ever be evicted: node drains, Karpenter consolidation and managed node group upgrades wait on it';

/** An int-or-percent field: a whole number, or a percentage written as a string ("50%"). */
type IntOrPercent = { readonly kind: 'int'; readonly value: number } | { readonly kind: 'percent'; readonly value: number };

function intOrPercent(node: Node | undefined): IntOrPercent | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'number' && Number.isInteger(node.value) && node.value >= 0) return { kind: 'int', value: node.value };
  const text = literalString(node);
  const match = text === undefined ? null : /^(\d+)%$/.exec(text);
  return match ? { kind: 'percent', value: Number(match[1]) } : undefined;
}

function describe(w: WorkloadFact & { replicas: number }): string {
  return `${w.kind} ${w.name} (${w.replicas} ${w.replicas === 1 ? 'replica' : 'replicas'})`;
}

export default defineRule({
  meta: {
    code: 'k8s-pdb-blocks-eviction',
    severity: 'warning',
    kinds: ['kubernetes'],
    title: 'A PodDisruptionBudget allows no voluntary disruption, so node drains and upgrades stall',
    docs: 'docs/rules/k8s-pdb-blocks-eviction.md',
  },
  check({ doc, file, workspace, report }) {
    if (doc.objectKind !== 'PodDisruptionBudget') return;
    const a = doc.anchors;
    const spec = get(doc.root, 'spec', a);
    const minNode = get(spec, 'minAvailable', a);
    const maxNode = get(spec, 'maxUnavailable', a);
    const min = intOrPercent(minNode);
    const max = intOrPercent(maxNode);
    // Both set is k8s-pdb-both-set's finding; which one the budget means is unclear.
    if (minNode && maxNode && !(isScalar(minNode) && minNode.value === null) && !(isScalar(maxNode) && maxNode.value === null)) return;

    // No selector selects no pods (policy/v1 and v1beta1); an empty one selects every pod of the
    // namespace in policy/v1 but none in policy/v1beta1. A budget over no pods blocks nothing.
    const selector = readSelector(get(spec, 'selector', a), a);
    if (!get(spec, 'selector', a) || (selector && isEmptySelector(selector) && doc.apiVersion !== 'policy/v1')) return;

    if (max && maxNode && max.value === 0) {
      report({ target: maxNode, message: `maxUnavailable ${max.kind === 'percent' ? '0%' : '0'} lets no pod be unavailable, ${CONSEQUENCE}. Allow at least one (maxUnavailable: 1).` });
      return;
    }
    if (!min || !minNode) return;
    if (min.kind === 'percent' && min.value >= 100) {
      report({ target: minNode, message: `minAvailable ${min.value}% keeps every pod running, ${CONSEQUENCE}. Use a lower percentage or maxUnavailable: 1.` });
      return;
    }

    // Against the workloads whose pods the selector picks, in this file and the rest of the workspace.
    if (!selector) return;
    const namespace = literalString(getIn(doc.root, ['metadata', 'namespace'], a));
    const own = file.documents.flatMap((d) => (d.syntaxErrors.length ? [] : documentFacts(file, d).workloads));
    const inNamespace = [...own, ...workspace.others.flatMap((f) => f.workloads)].filter((w) => w.namespace === namespace);
    // A workload whose pod labels cannot be read (wholly, or where the selector looks) may be
    // selected: its pods would count, so the total is unknown.
    const verdicts = inNamespace.map((w) => (w.podLabels ? matches(selector, w.podLabels) : undefined));
    if (verdicts.includes(undefined)) return;
    const selected = inNamespace.filter((_, i) => verdicts[i]);
    // The budget counts every selected pod; a workload whose count is not written (the default of
    // one, or an autoscaler's choice) makes the total unknown.
    if (!selected.length || selected.some((w) => w.replicas === undefined)) return;
    const counted = selected.filter((w) => w.replicas! > 0) as Array<WorkloadFact & { replicas: number }>;
    if (!counted.length) return;
    const replicas = counted.reduce((sum, w) => sum + w.replicas, 0);
    // A percentage of minAvailable is rounded up by the disruption controller.
    const needed = min.kind === 'int' ? min.value : Math.ceil((min.value * replicas) / 100);
    if (needed < replicas) return;
    const written = min.kind === 'int' ? `minAvailable ${min.value}` : `minAvailable ${min.value}% (${needed} of ${replicas} pods, rounded up)`;
    const of = counted.length === 1 ? `the ${describe(counted[0])}` : `the ${replicas} replicas of ${counted.map(describe).join(' and ')}`;
    const related: RelatedPlace[] = counted.map((w) => ({ uri: w.uri, range: w.range, message: `${w.kind} ${w.name}: replicas ${w.replicas}` }));
    report({
      target: minNode,
      message: `${written} is not below ${of}, ${CONSEQUENCE}. Keep minAvailable below the replica count, or use maxUnavailable: 1.`,
      related,
    });
  },
});
