// The Kubernetes minor the version-dependent rules judge against: the user's setting, or the
// newest release the API table knows.
import type { EffectiveConfig } from '../../engine/config';
import { NEWEST_KUBERNETES_MINOR } from './apiLifecycle';

export function targetVersion(config: EffectiveConfig): { version: string; stated: boolean } {
  return config.kubernetesVersion ? { version: config.kubernetesVersion, stated: true } : { version: NEWEST_KUBERNETES_MINOR, stated: false };
}

/** The target for messages: "1.33" when set, "1.35, the newest release eks-lens knows" when assumed. */
export function describeTarget(target: { version: string; stated: boolean }): string {
  return target.stated ? target.version : `${target.version}, the newest release eks-lens knows`;
}
