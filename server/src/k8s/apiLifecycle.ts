// Built-in Kubernetes API versions that are deprecated or no longer served, per apiVersion+kind.
// Read by the k8s-removed-api (error) and k8s-deprecated-api (warning) rules.
//
// Sources (see docs/kubernetes-api-lifecycle.md for the table grouped by release):
// - `removed` and `replacement.since`: the Deprecated API Migration Guide,
//   https://kubernetes.io/docs/reference/using-api/deprecation-guide/
// - `deprecated`: the `+k8s:prerelease-lifecycle-gen` markers (and the generated
//   zz_generated.prerelease-lifecycle.go) in kubernetes/kubernetes
//   staging/src/k8s.io/api/<group>/<version>/. A beta with no explicit marker is deprecated three
//   minors after it was introduced and stops being served three minors after that; the API server
//   applies those dates itself. Entries the guide does not list (off-by-default betas removed in
//   1.34 and 1.37) take `removed` from those markers.
// - core v1 Endpoints: the Kubernetes v1.33 release announcement (KEP-4974).
// Removals are only listed for releases that have shipped (up to NEWEST_KUBERNETES_MINOR); a beta
// whose scheduled removal lies beyond it carries `deprecated` only.

export interface ApiLifecycle {
  /** The apiVersion as written in manifests, e.g. 'extensions/v1beta1' or 'v1' for the core group. */
  readonly apiVersion: string;
  readonly kind: string;
  /** Minor release ('1.21') from which the API server warns that this version is deprecated; absent if unknown. */
  readonly deprecated?: string;
  /** Minor release ('1.25') that no longer serves it; absent while no removal has happened or been scheduled. */
  readonly removed?: string;
  /** What to write instead, e.g. 'policy/v1'; absent when there is no replacement API. */
  readonly replacement?: { readonly apiVersion: string; readonly kind: string; readonly since: string };
  /** One short sentence for the message when there is something more to do than change apiVersion. */
  readonly note?: string;
}

/** The newest Kubernetes minor the table knows; the default target version. */
export const NEWEST_KUBERNETES_MINOR = '1.37';

const SELECTOR_NOTE = 'apps/v1 requires spec.selector and does not let it change later; set it to the labels of the pod template.';
const INGRESS_NOTE =
  'In networking.k8s.io/v1 a backend is service.name with service.port.number or service.port.name (not serviceName/servicePort), spec.backend is spec.defaultBackend, and every path needs a pathType.';
const PSP_NOTE = 'Enforce pod security with Pod Security Admission namespace labels or an admission webhook instead.';
const SAR_NOTE = 'In authorization.k8s.io/v1 the field spec.group is spelled spec.groups.';
const FLOWCONTROL_V1_NOTE = 'Clusters on 1.29 or later should use flowcontrol.apiserver.k8s.io/v1.';

function apps(apiVersion: string, kind: string, deprecated: string | undefined, note?: string): ApiLifecycle {
  return {
    apiVersion,
    kind,
    ...(deprecated ? { deprecated } : {}),
    removed: '1.16',
    replacement: { apiVersion: 'apps/v1', kind, since: '1.9' },
    ...(note ? { note } : {}),
  };
}

export const API_LIFECYCLES: readonly ApiLifecycle[] = [
  // ---- No longer served from 1.16 ----
  apps('extensions/v1beta1', 'DaemonSet', '1.8', SELECTOR_NOTE),
  apps('extensions/v1beta1', 'Deployment', '1.8', SELECTOR_NOTE),
  apps('extensions/v1beta1', 'ReplicaSet', '1.8', SELECTOR_NOTE),
  {
    apiVersion: 'extensions/v1beta1',
    kind: 'NetworkPolicy',
    deprecated: '1.9',
    removed: '1.16',
    replacement: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', since: '1.8' },
  },
  {
    apiVersion: 'extensions/v1beta1',
    kind: 'PodSecurityPolicy',
    deprecated: '1.11',
    removed: '1.16',
    replacement: { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', since: '1.10' },
    note: 'policy/v1beta1 PodSecurityPolicy was itself removed in 1.25, so move to Pod Security Admission or an admission webhook instead.',
  },
  apps('apps/v1beta1', 'Deployment', '1.8', SELECTOR_NOTE),
  apps('apps/v1beta1', 'StatefulSet', '1.8', SELECTOR_NOTE),
  apps('apps/v1beta1', 'ReplicaSet', undefined, SELECTOR_NOTE),
  apps('apps/v1beta1', 'ControllerRevision', '1.8'),
  apps('apps/v1beta2', 'DaemonSet', '1.9', SELECTOR_NOTE),
  apps('apps/v1beta2', 'Deployment', '1.9', SELECTOR_NOTE),
  apps('apps/v1beta2', 'ReplicaSet', '1.9', SELECTOR_NOTE),
  apps('apps/v1beta2', 'StatefulSet', '1.9', SELECTOR_NOTE),
  apps('apps/v1beta2', 'ControllerRevision', '1.9'),

  // ---- No longer served from 1.22 ----
  {
    apiVersion: 'extensions/v1beta1',
    kind: 'Ingress',
    deprecated: '1.14',
    removed: '1.22',
    replacement: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', since: '1.19' },
    note: INGRESS_NOTE,
  },
  {
    apiVersion: 'networking.k8s.io/v1beta1',
    kind: 'Ingress',
    deprecated: '1.19',
    removed: '1.22',
    replacement: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', since: '1.19' },
    note: INGRESS_NOTE,
  },
  {
    apiVersion: 'networking.k8s.io/v1beta1',
    kind: 'IngressClass',
    deprecated: '1.19',
    removed: '1.22',
    replacement: { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', since: '1.19' },
  },
  ...['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'].map(
    (kind): ApiLifecycle => ({
      apiVersion: 'admissionregistration.k8s.io/v1beta1',
      kind,
      deprecated: '1.16',
      removed: '1.22',
      replacement: { apiVersion: 'admissionregistration.k8s.io/v1', kind, since: '1.16' },
      note: 'In v1 each webhook must set sideEffects and admissionReviewVersions, and the defaults become failurePolicy Fail, matchPolicy Equivalent and a 10s timeout.',
    }),
  ),
  {
    apiVersion: 'apiextensions.k8s.io/v1beta1',
    kind: 'CustomResourceDefinition',
    deprecated: '1.16',
    removed: '1.22',
    replacement: { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', since: '1.16' },
    note: 'A v1 CRD must state spec.scope and give every entry in spec.versions its own structural openAPIV3Schema (validation, subresources and printer columns move into each version).',
  },
  {
    apiVersion: 'apiregistration.k8s.io/v1beta1',
    kind: 'APIService',
    deprecated: '1.19',
    removed: '1.22',
    replacement: { apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService', since: '1.10' },
  },
  {
    apiVersion: 'authentication.k8s.io/v1beta1',
    kind: 'TokenReview',
    deprecated: '1.19',
    removed: '1.22',
    replacement: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', since: '1.6' },
  },
  ...(
    [
      ['SubjectAccessReview', '1.6', SAR_NOTE],
      ['LocalSubjectAccessReview', '1.6', SAR_NOTE],
      ['SelfSubjectAccessReview', '1.6', undefined],
      // The kind first appeared in 1.8, so v1 cannot predate that.
      ['SelfSubjectRulesReview', '1.8', undefined],
    ] as const
  ).map(
    ([kind, since, note]): ApiLifecycle => ({
      apiVersion: 'authorization.k8s.io/v1beta1',
      kind,
      deprecated: '1.19',
      removed: '1.22',
      replacement: { apiVersion: 'authorization.k8s.io/v1', kind, since },
      ...(note ? { note } : {}),
    }),
  ),
  {
    apiVersion: 'certificates.k8s.io/v1beta1',
    kind: 'CertificateSigningRequest',
    deprecated: '1.19',
    removed: '1.22',
    replacement: { apiVersion: 'certificates.k8s.io/v1', kind: 'CertificateSigningRequest', since: '1.19' },
    note: 'certificates.k8s.io/v1 requires spec.signerName and spec.usages.',
  },
  {
    apiVersion: 'coordination.k8s.io/v1beta1',
    kind: 'Lease',
    deprecated: '1.19',
    removed: '1.22',
    replacement: { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', since: '1.14' },
  },
  ...['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'].map(
    (kind): ApiLifecycle => ({
      apiVersion: 'rbac.authorization.k8s.io/v1beta1',
      kind,
      deprecated: '1.17',
      removed: '1.22',
      replacement: { apiVersion: 'rbac.authorization.k8s.io/v1', kind, since: '1.8' },
    }),
  ),
  {
    apiVersion: 'scheduling.k8s.io/v1beta1',
    kind: 'PriorityClass',
    deprecated: '1.14',
    removed: '1.22',
    replacement: { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', since: '1.14' },
  },
  ...(
    [
      ['CSIDriver', '1.19', '1.19'],
      ['CSINode', '1.17', '1.17'],
      ['StorageClass', '1.19', '1.6'],
      ['VolumeAttachment', '1.19', '1.13'],
    ] as const
  ).map(
    ([kind, deprecated, since]): ApiLifecycle => ({
      apiVersion: 'storage.k8s.io/v1beta1',
      kind,
      deprecated,
      removed: '1.22',
      replacement: { apiVersion: 'storage.k8s.io/v1', kind, since },
    }),
  ),

  // ---- No longer served from 1.25 ----
  {
    apiVersion: 'batch/v1beta1',
    kind: 'CronJob',
    deprecated: '1.21',
    removed: '1.25',
    replacement: { apiVersion: 'batch/v1', kind: 'CronJob', since: '1.21' },
  },
  {
    apiVersion: 'discovery.k8s.io/v1beta1',
    kind: 'EndpointSlice',
    deprecated: '1.21',
    removed: '1.25',
    replacement: { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', since: '1.21' },
    note: 'In v1 each endpoint carries nodeName and zone fields in place of the topology map.',
  },
  {
    apiVersion: 'events.k8s.io/v1beta1',
    kind: 'Event',
    deprecated: '1.22',
    removed: '1.25',
    replacement: { apiVersion: 'events.k8s.io/v1', kind: 'Event', since: '1.19' },
    note: 'In v1 involvedObject is called regarding, type must be Normal or Warning, and new events need action, reason, reportingController and reportingInstance.',
  },
  {
    apiVersion: 'autoscaling/v2beta1',
    kind: 'HorizontalPodAutoscaler',
    deprecated: '1.22',
    removed: '1.25',
    replacement: { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', since: '1.23' },
    note: 'Metric targets move into a target block, e.g. targetAverageUtilization becomes target.type Utilization with target.averageUtilization.',
  },
  {
    apiVersion: 'policy/v1beta1',
    kind: 'PodDisruptionBudget',
    deprecated: '1.22',
    removed: '1.25',
    replacement: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', since: '1.21' },
    note: 'In policy/v1 an empty spec.selector ({}) selects every pod in the namespace rather than none.',
  },
  {
    apiVersion: 'policy/v1beta1',
    kind: 'PodSecurityPolicy',
    deprecated: '1.21',
    removed: '1.25',
    note: PSP_NOTE,
  },
  {
    apiVersion: 'node.k8s.io/v1beta1',
    kind: 'RuntimeClass',
    deprecated: '1.22',
    removed: '1.25',
    replacement: { apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass', since: '1.20' },
  },

  // ---- No longer served from 1.26 ----
  ...['FlowSchema', 'PriorityLevelConfiguration'].map(
    (kind): ApiLifecycle => ({
      apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1',
      kind,
      deprecated: '1.23',
      removed: '1.26',
      replacement: { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kind, since: '1.23' },
      note: `flowcontrol.apiserver.k8s.io/v1beta2 stopped being served in 1.29 too. ${FLOWCONTROL_V1_NOTE}`,
    }),
  ),
  {
    apiVersion: 'autoscaling/v2beta2',
    kind: 'HorizontalPodAutoscaler',
    deprecated: '1.23',
    removed: '1.26',
    replacement: { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', since: '1.23' },
  },

  // ---- No longer served from 1.27 ----
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kind: 'CSIStorageCapacity',
    deprecated: '1.24',
    removed: '1.27',
    replacement: { apiVersion: 'storage.k8s.io/v1', kind: 'CSIStorageCapacity', since: '1.24' },
  },

  // ---- No longer served from 1.29 ----
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2',
    kind: 'FlowSchema',
    deprecated: '1.26',
    removed: '1.29',
    replacement: { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kind: 'FlowSchema', since: '1.26' },
    note: `flowcontrol.apiserver.k8s.io/v1beta3 stopped being served in 1.32 too. ${FLOWCONTROL_V1_NOTE}`,
  },
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2',
    kind: 'PriorityLevelConfiguration',
    deprecated: '1.26',
    removed: '1.29',
    replacement: { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kind: 'PriorityLevelConfiguration', since: '1.26' },
    note: 'spec.limited.assuredConcurrencyShares is named nominalConcurrencyShares from v1beta3 on, and v1beta3 stopped being served in 1.32, so clusters on 1.29 or later should use flowcontrol.apiserver.k8s.io/v1.',
  },

  // ---- No longer served from 1.32 ----
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3',
    kind: 'FlowSchema',
    deprecated: '1.29',
    removed: '1.32',
    replacement: { apiVersion: 'flowcontrol.apiserver.k8s.io/v1', kind: 'FlowSchema', since: '1.29' },
  },
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3',
    kind: 'PriorityLevelConfiguration',
    deprecated: '1.29',
    removed: '1.32',
    replacement: { apiVersion: 'flowcontrol.apiserver.k8s.io/v1', kind: 'PriorityLevelConfiguration', since: '1.29' },
    note: 'In v1, nominalConcurrencyShares defaults to 30 only when it is left out; an explicit 0 is kept as 0.',
  },

  // ---- No longer served from 1.34 (off-by-default beta; lifecycle markers, not in the guide) ----
  ...['ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding'].map(
    (kind): ApiLifecycle => ({
      apiVersion: 'admissionregistration.k8s.io/v1beta1',
      kind,
      deprecated: '1.31',
      removed: '1.34',
      replacement: { apiVersion: 'admissionregistration.k8s.io/v1', kind, since: '1.30' },
    }),
  ),

  // ---- No longer served from 1.37 (off-by-default betas; lifecycle markers, not in the guide) ----
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kind: 'VolumeAttributesClass',
    deprecated: '1.34',
    removed: '1.37',
    replacement: { apiVersion: 'storage.k8s.io/v1', kind: 'VolumeAttributesClass', since: '1.34' },
  },
  ...['IPAddress', 'ServiceCIDR'].map(
    (kind): ApiLifecycle => ({
      apiVersion: 'networking.k8s.io/v1beta1',
      kind,
      deprecated: '1.34',
      removed: '1.37',
      replacement: { apiVersion: 'networking.k8s.io/v1', kind, since: '1.33' },
    }),
  ),

  // ---- Deprecated, still served at 1.37 ----
  {
    apiVersion: 'v1',
    kind: 'Endpoints',
    deprecated: '1.33',
    replacement: { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', since: '1.21' },
    note: 'This matters only for Endpoints written by hand (for example behind a Service without a selector); publish EndpointSlices labelled kubernetes.io/service-name instead.',
  },
  ...['DeviceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'].flatMap((kind): ApiLifecycle[] => [
    {
      apiVersion: 'resource.k8s.io/v1beta1',
      kind,
      deprecated: '1.35',
      replacement: { apiVersion: 'resource.k8s.io/v1', kind, since: '1.34' },
    },
    {
      apiVersion: 'resource.k8s.io/v1beta2',
      kind,
      deprecated: '1.36',
      replacement: { apiVersion: 'resource.k8s.io/v1', kind, since: '1.34' },
    },
  ]),
  ...['MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding'].map(
    (kind): ApiLifecycle => ({
      apiVersion: 'admissionregistration.k8s.io/v1beta1',
      kind,
      deprecated: '1.37',
      replacement: { apiVersion: 'admissionregistration.k8s.io/v1', kind, since: '1.36' },
    }),
  ),
];

const key = (apiVersion: string, kind: string): string => `${apiVersion}\u0000${kind}`;

const BY_PAIR: ReadonlyMap<string, ApiLifecycle> = new Map(API_LIFECYCLES.map((e) => [key(e.apiVersion, e.kind), e]));

/** The entry for an apiVersion+kind pair, or undefined for anything the table does not list (custom resources, current APIs). O(1) lookup via a Map. */
export function lifecycleOf(apiVersion: string, kind: string): ApiLifecycle | undefined {
  return BY_PAIR.get(key(apiVersion, kind));
}

function parseMinor(v: string): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** Compares '1.9' < '1.16' numerically; negative/0/positive. */
export function compareMinor(a: string, b: string): number {
  const pa = parseMinor(a);
  const pb = parseMinor(b);
  if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
  return pa[0] !== pb[0] ? pa[0] - pb[0] : pa[1] - pb[1];
}
