import { defineRule } from '../engine/rule';
import { entries, get } from '../model/nav';
import { isNode, isScalar, type Node, type Pair } from 'yaml';

// PodDisruptionBudget validation refuses a spec that sets both fields.
// https://kubernetes.io/docs/tasks/run-application/configure-pdb/#specifying-a-poddisruptionbudget

export default defineRule({
  meta: {
    code: 'k8s-pdb-both-set',
    severity: 'error',
    kinds: ['kubernetes'],
    title: 'A PodDisruptionBudget sets both minAvailable and maxUnavailable',
    docs: 'docs/rules/k8s-pdb-both-set.md',
  },
  check({ doc, report }) {
    if (doc.objectKind !== 'PodDisruptionBudget') return;
    const a = doc.anchors;
    const spec = get(doc.root, 'spec', a);
    // A key written with an empty value (`maxUnavailable:` or `~`) is not set.
    const set = (key: string) => entries(spec, a).find(([k, value]) => k === key && !(isScalar(value) && value.value === null) && value !== undefined);
    const min = set('minAvailable');
    const max = set('maxUnavailable');
    if (!min || !max) return;
    // Findings sit on the keys: the values may be anywhere (an alias, a merge).
    const keyOf = (entry: [string, Node | undefined, Pair]): Node => (isNode(entry[2].key) ? entry[2].key : entry[1]!);
    report({
      target: keyOf(max),
      message: 'This PodDisruptionBudget sets both minAvailable and maxUnavailable; the API server accepts only one of them. Keep the one that says what you mean: maxUnavailable keeps working as the workload scales.',
      related: [{ target: keyOf(min), message: 'minAvailable is set here too' }],
    });
  },
});
