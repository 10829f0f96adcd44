import { removePair } from '../model/edits';
import type { Fix } from '../engine/fix';
import { defineRule } from '../engine/rule';
import { deref, entries, get, keyText, ownPair } from '../model/nav';
import { isMap, isNode, isScalar, isSeq, type Node, type Pair } from 'yaml';

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
      message:
        'This PodDisruptionBudget sets both minAvailable and maxUnavailable; the API server accepts only one of them. Keep the one that says what you mean: maxUnavailable keeps working as the workload scales.',
      related: [{ target: keyOf(min), message: 'minAvailable is set here too' }],
    });
  },
  // Either field may be the one meant: both removals are offered, neither preferred. A field is
  // removed only where it is written in the spec itself (not brought in by a merge key, and not
  // hiding a merged value that would take its place), in a spec that is not shared through an alias.
  fix({ file, doc }) {
    const a = doc.anchors;
    if (!isMap(doc.root)) return [];
    const specPair = ownPair(doc.root, 'spec');
    const spec = specPair?.value;
    if (!isMap(spec)) return [];
    const set = (key: string) => entries(spec, a).find(([k, value]) => k === key && !(isScalar(value) && value.value === null) && value !== undefined);
    const min = set('minAvailable');
    const max = set('maxUnavailable');
    if (!min || !max) return [];
    const merged = spec.items
      .filter((pair) => keyText(pair) === '<<' && isScalar(pair.key) && pair.key.type === 'PLAIN')
      .flatMap((pair) => {
        const source = deref(pair.value, a);
        return isSeq(source) ? source.items.map((item) => deref(item, a)) : [source];
      })
      .flatMap((source) => entries(source, a).map(([k]) => k));
    const removal = (key: string, pair: Pair): Fix | undefined => {
      if (!spec.items.includes(pair) || merged.includes(key)) return undefined;
      if ((isNode(pair.key) && pair.key.anchor) || (isNode(pair.value) && pair.value.anchor)) return undefined;
      const edit = removePair(pair, doc, file);
      return edit && { title: `Remove ${key}`, edits: [edit] };
    };
    return [removal('minAvailable', min[2]), removal('maxUnavailable', max[2])].filter((fix): fix is Fix => fix !== undefined);
  },
});
