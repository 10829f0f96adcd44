import { defineRule } from '../engine/rule';
import { compareMinor, lifecycleOf } from '../formats/kubernetes/apiLifecycle';
import { apiMigrationFixes } from '../actions/migrations';
import { describeTarget, targetVersion } from '../formats/kubernetes/targetVersion';
import { get } from '../model/nav';

// https://kubernetes.io/docs/reference/using-api/deprecation-guide/
// https://kubernetes.io/docs/reference/using-api/deprecation-policy/

export default defineRule({
  meta: {
    code: 'k8s-deprecated-api',
    severity: 'warning',
    kinds: ['kubernetes'],
    title: 'The apiVersion and kind are deprecated but still served by the target Kubernetes version',
    docs: 'docs/rules/k8s-deprecated-api.md',
  },
  check({ doc, config, report }) {
    if (!doc.apiVersion || !doc.objectKind) return;
    const entry = lifecycleOf(doc.apiVersion, doc.objectKind);
    const target = targetVersion(config);
    if (!entry?.deprecated || compareMinor(entry.deprecated, target.version) > 0) return;
    // Once removed, it is k8s-removed-api's finding.
    if (entry.removed && compareMinor(entry.removed, target.version) <= 0) return;
    const node = get(doc.root, 'apiVersion', doc.anchors);
    if (!node) return;
    const until = entry.removed ? `; Kubernetes ${entry.removed} stops serving it` : '';
    const instead = entry.replacement
      ? ` Move to ${entry.replacement.apiVersion}${entry.replacement.kind !== entry.kind ? ` ${entry.replacement.kind}` : ''} (served since ${entry.replacement.since}).`
      : '';
    report({
      target: node,
      message: `${entry.apiVersion} ${entry.kind} is deprecated since Kubernetes ${entry.deprecated}${until} (target ${describeTarget(target)}).${instead}${entry.note ? ` ${entry.note}` : ''}`,
    });
  },
  // A move to the replacement only where it is certainly right (see migrations.ts).
  fix(context) {
    return apiMigrationFixes(context);
  },
});
