import { defineRule } from '../engine/rule';
import { compareMinor, lifecycleOf } from '../formats/kubernetes/apiLifecycle';
import { apiMigrationFixes } from '../actions/migrations';
import { describeTarget, targetVersion } from '../formats/kubernetes/targetVersion';
import { get } from '../model/nav';

// https://kubernetes.io/docs/reference/using-api/deprecation-guide/

export default defineRule({
  meta: {
    code: 'k8s-removed-api',
    severity: 'error',
    kinds: ['kubernetes'],
    title: 'The apiVersion and kind are no longer served by the target Kubernetes version',
    docs: 'docs/rules/k8s-removed-api.md',
  },
  check({ doc, config, report }) {
    if (!doc.apiVersion || !doc.objectKind) return;
    const entry = lifecycleOf(doc.apiVersion, doc.objectKind);
    const target = targetVersion(config);
    if (!entry?.removed || compareMinor(entry.removed, target.version) > 0) return;
    const node = get(doc.root, 'apiVersion', doc.anchors);
    if (!node) return;
    const instead = entry.replacement
      ? `Use ${entry.replacement.apiVersion}${entry.replacement.kind !== entry.kind ? ` ${entry.replacement.kind}` : ''} (served since ${entry.replacement.since}).`
      : 'There is no replacement API.';
    report({
      target: node,
      message: `${entry.apiVersion} ${entry.kind} was removed in Kubernetes ${entry.removed} (target ${describeTarget(target)}); the API server rejects it. ${instead}${entry.note ? ` ${entry.note}` : ''}`,
    });
  },
  // A move to the replacement only where it is certainly right (see migrations.ts).
  fix(context) {
    return apiMigrationFixes(context);
  },
});
