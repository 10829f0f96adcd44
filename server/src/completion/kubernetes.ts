// Completions in Kubernetes manifests: the apiVersions a kind is served under at the target
// version, and PodDisruptionBudget fields.
import type { EffectiveConfig } from '../engine/config';
import { API_LIFECYCLES, compareMinor } from '../formats/kubernetes/apiLifecycle';
import { targetVersion } from '../formats/kubernetes/targetVersion';
import type { StreamDocument } from '../model/document';
import type { TypingContext } from './context';
import { pathIs, values, type Item } from './items';

export function kubernetesCompletions(ctx: TypingContext, doc: StreamDocument | undefined, text: string, config: EffectiveConfig): Item[] {
  if (ctx.on === 'value' && pathIs(ctx.path, 'apiVersion')) {
    const objectKind = doc?.objectKind ?? /^kind:\s*(\S+)/m.exec(text)?.[1];
    return objectKind ? apiVersionsFor(objectKind, config) : [];
  }
  const isPdb = doc?.objectKind === 'PodDisruptionBudget' || /^kind:\s*PodDisruptionBudget\b/m.test(text);
  if (isPdb && ctx.on === 'key' && pathIs(ctx.path, 'spec')) {
    return values(
      [
        ['maxUnavailable', 'How many selected pods may be down at once (a number or a percentage); keeps working as the workload scales.'],
        ['minAvailable', 'How many selected pods must stay up (a number or a percentage). Use one of the two fields, not both.'],
        ['selector', 'The pods the budget counts (matchLabels / matchExpressions).'],
        ['unhealthyPodEvictionPolicy', 'Whether pods that are not yet healthy may be evicted regardless of the budget.'],
      ],
      'property',
    ).map((v) => ({ ...v, insertText: `${v.label}: ` }));
  }
  if (isPdb && ctx.on === 'value' && pathIs(ctx.path, 'spec', 'unhealthyPodEvictionPolicy')) {
    return values([
      ['IfHealthyBudget', 'Unhealthy running pods may be evicted only while the budget is met (the default).'],
      ['AlwaysAllow', 'Unhealthy running pods may always be evicted, so they cannot block a drain.'],
    ]);
  }
  return [];
}

/** The apiVersions a kind is served under at the target version: current ones first, deprecated ones marked. */
function apiVersionsFor(objectKind: string, config: EffectiveConfig): Item[] {
  const target = targetVersion(config).version;
  const found = new Map<string, { deprecated: boolean }>();
  for (const e of API_LIFECYCLES.filter((x) => x.kind === objectKind)) {
    if (e.replacement && e.replacement.kind === objectKind && compareMinor(e.replacement.since, target) <= 0 && !isGone(e.replacement.apiVersion, objectKind, target))
      found.set(e.replacement.apiVersion, { deprecated: isDeprecated(e.replacement.apiVersion, objectKind, target) });
    if (!isGone(e.apiVersion, objectKind, target)) found.set(e.apiVersion, { deprecated: isDeprecated(e.apiVersion, objectKind, target) });
  }
  const current = CURRENT[objectKind];
  if (current && !found.has(current)) found.set(current, { deprecated: false });
  return [...found]
    .sort(([, a], [, b]) => Number(a.deprecated) - Number(b.deprecated))
    .map(([apiVersion, { deprecated }], order) => ({
      label: apiVersion,
      insertText: apiVersion,
      detail: deprecated ? `deprecated at Kubernetes ${target}` : `served at Kubernetes ${target}`,
      kind: 'value' as const,
      order,
    }));
}

function isGone(apiVersion: string, kind: string, target: string): boolean {
  const e = API_LIFECYCLES.find((x) => x.apiVersion === apiVersion && x.kind === kind);
  return !!e?.removed && compareMinor(e.removed, target) <= 0;
}

function isDeprecated(apiVersion: string, kind: string, target: string): boolean {
  const e = API_LIFECYCLES.find((x) => x.apiVersion === apiVersion && x.kind === kind);
  return !!e?.deprecated && compareMinor(e.deprecated, target) <= 0;
}

/** The stable apiVersion of common kinds the lifecycle table has no entry for. */
const CURRENT: Readonly<Record<string, string>> = {
  Pod: 'v1',
  Service: 'v1',
  ConfigMap: 'v1',
  Secret: 'v1',
  Namespace: 'v1',
  ServiceAccount: 'v1',
  PersistentVolume: 'v1',
  PersistentVolumeClaim: 'v1',
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
  Ingress: 'networking.k8s.io/v1',
  IngressClass: 'networking.k8s.io/v1',
  NetworkPolicy: 'networking.k8s.io/v1',
  PodDisruptionBudget: 'policy/v1',
  HorizontalPodAutoscaler: 'autoscaling/v2',
  StorageClass: 'storage.k8s.io/v1',
};
