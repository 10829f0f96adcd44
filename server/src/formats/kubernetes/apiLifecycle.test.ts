import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { API_LIFECYCLES, NEWEST_KUBERNETES_MINOR, compareMinor, lifecycleOf } from './apiLifecycle';

const MINOR = /^1\.\d+$/;

describe('compareMinor', () => {
  it('orders minors numerically, not as strings', () => {
    assert.ok(compareMinor('1.9', '1.16') < 0);
    assert.ok(compareMinor('1.16', '1.9') > 0);
    assert.ok(compareMinor('1.22', '1.3') > 0);
    assert.equal(compareMinor('1.25', '1.25'), 0);
  });

  it('compares the major version first', () => {
    assert.ok(compareMinor('1.99', '2.0') < 0);
    assert.ok(compareMinor('2.1', '1.40') > 0);
  });

  it('tolerates a leading v and a patch number', () => {
    assert.equal(compareMinor('v1.25', '1.25'), 0);
    assert.equal(compareMinor('1.25.3', '1.25'), 0);
    assert.ok(compareMinor('v1.29.0', '1.32') < 0);
  });
});

describe('lifecycleOf', () => {
  it('finds listed pairs', () => {
    const e = lifecycleOf('extensions/v1beta1', 'Ingress');
    assert.ok(e);
    assert.equal(e.apiVersion, 'extensions/v1beta1');
    assert.equal(e.kind, 'Ingress');
  });

  it('returns undefined for current APIs and custom resources', () => {
    assert.equal(lifecycleOf('apps/v1', 'Deployment'), undefined);
    assert.equal(lifecycleOf('networking.k8s.io/v1', 'Ingress'), undefined);
    assert.equal(lifecycleOf('v1', 'Service'), undefined);
    assert.equal(lifecycleOf('karpenter.sh/v1', 'NodePool'), undefined);
    assert.equal(lifecycleOf('cert-manager.io/v1alpha2', 'Certificate'), undefined);
  });

  it('matches apiVersion and kind exactly', () => {
    assert.equal(lifecycleOf('extensions/v1beta1', 'ingress'), undefined);
    assert.equal(lifecycleOf('extensions/v1', 'Ingress'), undefined);
    // A kind that never existed in a listed group/version.
    assert.equal(lifecycleOf('extensions/v1beta1', 'StatefulSet'), undefined);
  });

  it('returns the same object as the table', () => {
    for (const e of API_LIFECYCLES) assert.equal(lifecycleOf(e.apiVersion, e.kind), e);
  });
});

describe('API_LIFECYCLES invariants', () => {
  it('NEWEST_KUBERNETES_MINOR is a 1.x minor', () => {
    assert.match(NEWEST_KUBERNETES_MINOR, MINOR);
  });

  it('has no duplicate apiVersion+kind pairs', () => {
    const seen = new Set<string>();
    for (const e of API_LIFECYCLES) {
      const k = `${e.apiVersion} ${e.kind}`;
      assert.ok(!seen.has(k), `duplicate ${k}`);
      seen.add(k);
    }
  });

  it('gives every entry removed or deprecated, in minor form', () => {
    for (const e of API_LIFECYCLES) {
      const name = `${e.apiVersion} ${e.kind}`;
      assert.ok(e.removed !== undefined || e.deprecated !== undefined, name);
      if (e.removed !== undefined) assert.match(e.removed, MINOR, name);
      if (e.deprecated !== undefined) assert.match(e.deprecated, MINOR, name);
      if (e.replacement) assert.match(e.replacement.since, MINOR, name);
    }
  });

  it('deprecates before it removes', () => {
    for (const e of API_LIFECYCLES) {
      if (e.deprecated && e.removed) assert.ok(compareMinor(e.deprecated, e.removed) < 0, `${e.apiVersion} ${e.kind}`);
    }
  });

  it('offers a replacement that was served before the removal', () => {
    for (const e of API_LIFECYCLES) {
      if (e.replacement && e.removed) assert.ok(compareMinor(e.replacement.since, e.removed) < 0, `${e.apiVersion} ${e.kind}`);
    }
  });

  it('lists no removal in a release newer than NEWEST_KUBERNETES_MINOR', () => {
    for (const e of API_LIFECYCLES) {
      if (e.removed) assert.ok(compareMinor(e.removed, NEWEST_KUBERNETES_MINOR) <= 0, `${e.apiVersion} ${e.kind}`);
      if (e.deprecated) assert.ok(compareMinor(e.deprecated, NEWEST_KUBERNETES_MINOR) <= 0, `${e.apiVersion} ${e.kind}`);
    }
  });

  it('never replaces an API with itself and keeps notes to one sentence', () => {
    for (const e of API_LIFECYCLES) {
      const name = `${e.apiVersion} ${e.kind}`;
      if (e.replacement) assert.notEqual(e.replacement.apiVersion, e.apiVersion, name);
      if (e.note) {
        assert.ok(e.note.length > 0 && e.note.length <= 240, name);
        assert.match(e.note, /\.$/, name);
      }
    }
  });

  it('lists no alpha versions', () => {
    for (const e of API_LIFECYCLES) assert.doesNotMatch(e.apiVersion, /alpha/, `${e.apiVersion} ${e.kind}`);
  });

  it('covers every removal the migration guide lists', () => {
    const required: ReadonlyArray<readonly [string, string, string]> = [
      ['extensions/v1beta1', 'Deployment', '1.16'],
      ['extensions/v1beta1', 'DaemonSet', '1.16'],
      ['extensions/v1beta1', 'ReplicaSet', '1.16'],
      ['extensions/v1beta1', 'NetworkPolicy', '1.16'],
      ['extensions/v1beta1', 'PodSecurityPolicy', '1.16'],
      ['extensions/v1beta1', 'Ingress', '1.22'],
      ['apps/v1beta1', 'Deployment', '1.16'],
      ['apps/v1beta1', 'StatefulSet', '1.16'],
      ['apps/v1beta1', 'ReplicaSet', '1.16'],
      ['apps/v1beta1', 'ControllerRevision', '1.16'],
      ['apps/v1beta2', 'Deployment', '1.16'],
      ['apps/v1beta2', 'StatefulSet', '1.16'],
      ['apps/v1beta2', 'ReplicaSet', '1.16'],
      ['apps/v1beta2', 'DaemonSet', '1.16'],
      ['apps/v1beta2', 'ControllerRevision', '1.16'],
      ['networking.k8s.io/v1beta1', 'Ingress', '1.22'],
      ['networking.k8s.io/v1beta1', 'IngressClass', '1.22'],
      ['admissionregistration.k8s.io/v1beta1', 'MutatingWebhookConfiguration', '1.22'],
      ['admissionregistration.k8s.io/v1beta1', 'ValidatingWebhookConfiguration', '1.22'],
      ['apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition', '1.22'],
      ['apiregistration.k8s.io/v1beta1', 'APIService', '1.22'],
      ['authentication.k8s.io/v1beta1', 'TokenReview', '1.22'],
      ['authorization.k8s.io/v1beta1', 'SubjectAccessReview', '1.22'],
      ['authorization.k8s.io/v1beta1', 'LocalSubjectAccessReview', '1.22'],
      ['authorization.k8s.io/v1beta1', 'SelfSubjectAccessReview', '1.22'],
      ['authorization.k8s.io/v1beta1', 'SelfSubjectRulesReview', '1.22'],
      ['certificates.k8s.io/v1beta1', 'CertificateSigningRequest', '1.22'],
      ['coordination.k8s.io/v1beta1', 'Lease', '1.22'],
      ['rbac.authorization.k8s.io/v1beta1', 'Role', '1.22'],
      ['rbac.authorization.k8s.io/v1beta1', 'ClusterRole', '1.22'],
      ['rbac.authorization.k8s.io/v1beta1', 'RoleBinding', '1.22'],
      ['rbac.authorization.k8s.io/v1beta1', 'ClusterRoleBinding', '1.22'],
      ['scheduling.k8s.io/v1beta1', 'PriorityClass', '1.22'],
      ['storage.k8s.io/v1beta1', 'CSIDriver', '1.22'],
      ['storage.k8s.io/v1beta1', 'CSINode', '1.22'],
      ['storage.k8s.io/v1beta1', 'StorageClass', '1.22'],
      ['storage.k8s.io/v1beta1', 'VolumeAttachment', '1.22'],
      ['batch/v1beta1', 'CronJob', '1.25'],
      ['discovery.k8s.io/v1beta1', 'EndpointSlice', '1.25'],
      ['events.k8s.io/v1beta1', 'Event', '1.25'],
      ['autoscaling/v2beta1', 'HorizontalPodAutoscaler', '1.25'],
      ['policy/v1beta1', 'PodDisruptionBudget', '1.25'],
      ['policy/v1beta1', 'PodSecurityPolicy', '1.25'],
      ['node.k8s.io/v1beta1', 'RuntimeClass', '1.25'],
      ['autoscaling/v2beta2', 'HorizontalPodAutoscaler', '1.26'],
      ['flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema', '1.26'],
      ['flowcontrol.apiserver.k8s.io/v1beta1', 'PriorityLevelConfiguration', '1.26'],
      ['storage.k8s.io/v1beta1', 'CSIStorageCapacity', '1.27'],
      ['flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema', '1.29'],
      ['flowcontrol.apiserver.k8s.io/v1beta2', 'PriorityLevelConfiguration', '1.29'],
      ['flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema', '1.32'],
      ['flowcontrol.apiserver.k8s.io/v1beta3', 'PriorityLevelConfiguration', '1.32'],
    ];
    for (const [apiVersion, kind, removed] of required) {
      assert.equal(lifecycleOf(apiVersion, kind)?.removed, removed, `${apiVersion} ${kind}`);
    }
  });
});

describe('spot checks against the sources', () => {
  it('policy/v1beta1 PodDisruptionBudget: deprecated 1.21 (not 1.22), gone in 1.25, policy/v1 since 1.21', () => {
    assert.deepEqual(lifecycleOf('policy/v1beta1', 'PodDisruptionBudget'), {
      apiVersion: 'policy/v1beta1',
      kind: 'PodDisruptionBudget',
      deprecated: '1.21',
      removed: '1.25',
      replacement: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', since: '1.21' },
      note: lifecycleOf('policy/v1beta1', 'PodDisruptionBudget')?.note,
    });
  });

  it('policy/v1beta1 PodSecurityPolicy has no replacement and names Pod Security Admission', () => {
    const e = lifecycleOf('policy/v1beta1', 'PodSecurityPolicy');
    assert.equal(e?.deprecated, '1.21');
    assert.equal(e?.removed, '1.25');
    assert.equal(e?.replacement, undefined);
    assert.match(e?.note ?? '', /Pod Security Admission/);
  });

  it('extensions/v1beta1 Ingress: deprecated 1.14, gone in 1.22, backend shape note', () => {
    const e = lifecycleOf('extensions/v1beta1', 'Ingress');
    assert.equal(e?.deprecated, '1.14');
    assert.equal(e?.removed, '1.22');
    assert.deepEqual(e?.replacement, { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', since: '1.19' });
    assert.match(e?.note ?? '', /service\.name/);
    assert.match(e?.note ?? '', /service\.port\.number/);
  });

  it('batch/v1beta1 CronJob: deprecated 1.21, gone in 1.25, batch/v1 since 1.21, no note', () => {
    const e = lifecycleOf('batch/v1beta1', 'CronJob');
    assert.equal(e?.deprecated, '1.21');
    assert.equal(e?.removed, '1.25');
    assert.deepEqual(e?.replacement, { apiVersion: 'batch/v1', kind: 'CronJob', since: '1.21' });
    assert.equal(e?.note, undefined);
  });

  it('extensions/v1beta1 Deployment and apps/v1beta2 DaemonSet move to apps/v1 (since 1.9)', () => {
    assert.equal(lifecycleOf('extensions/v1beta1', 'Deployment')?.deprecated, '1.8');
    assert.equal(lifecycleOf('apps/v1beta2', 'DaemonSet')?.deprecated, '1.9');
    for (const [v, k] of [
      ['extensions/v1beta1', 'Deployment'],
      ['apps/v1beta2', 'DaemonSet'],
    ] as const) {
      assert.deepEqual(lifecycleOf(v, k)?.replacement, { apiVersion: 'apps/v1', kind: k, since: '1.9' });
    }
  });

  it('rbac v1beta1 is deprecated from 1.17 and gone in 1.22', () => {
    const e = lifecycleOf('rbac.authorization.k8s.io/v1beta1', 'ClusterRoleBinding');
    assert.equal(e?.deprecated, '1.17');
    assert.equal(e?.removed, '1.22');
    assert.equal(e?.replacement?.since, '1.8');
  });

  it('scheduling.k8s.io/v1beta1 PriorityClass was deprecated already in 1.14', () => {
    assert.equal(lifecycleOf('scheduling.k8s.io/v1beta1', 'PriorityClass')?.deprecated, '1.14');
  });

  it('storage.k8s.io/v1beta1 kinds carry their own replacement dates', () => {
    assert.equal(lifecycleOf('storage.k8s.io/v1beta1', 'StorageClass')?.replacement?.since, '1.6');
    assert.equal(lifecycleOf('storage.k8s.io/v1beta1', 'VolumeAttachment')?.replacement?.since, '1.13');
    assert.equal(lifecycleOf('storage.k8s.io/v1beta1', 'CSINode')?.deprecated, '1.17');
    assert.equal(lifecycleOf('storage.k8s.io/v1beta1', 'CSIStorageCapacity')?.removed, '1.27');
  });

  it('autoscaling HPA betas end in 1.25 and 1.26, both pointing at autoscaling/v2 (1.23)', () => {
    assert.equal(lifecycleOf('autoscaling/v2beta1', 'HorizontalPodAutoscaler')?.removed, '1.25');
    assert.equal(lifecycleOf('autoscaling/v2beta2', 'HorizontalPodAutoscaler')?.removed, '1.26');
    assert.equal(lifecycleOf('autoscaling/v2beta2', 'HorizontalPodAutoscaler')?.deprecated, '1.23');
    assert.equal(lifecycleOf('autoscaling/v2beta2', 'HorizontalPodAutoscaler')?.replacement?.apiVersion, 'autoscaling/v2');
  });

  it('flowcontrol betas step through 1.26, 1.29 and 1.32', () => {
    assert.equal(lifecycleOf('flowcontrol.apiserver.k8s.io/v1beta1', 'FlowSchema')?.removed, '1.26');
    assert.equal(lifecycleOf('flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema')?.removed, '1.29');
    const v3 = lifecycleOf('flowcontrol.apiserver.k8s.io/v1beta3', 'PriorityLevelConfiguration');
    assert.equal(v3?.deprecated, '1.29');
    assert.equal(v3?.removed, '1.32');
    assert.deepEqual(v3?.replacement, {
      apiVersion: 'flowcontrol.apiserver.k8s.io/v1',
      kind: 'PriorityLevelConfiguration',
      since: '1.29',
    });
  });

  it('core v1 Endpoints is deprecated from 1.33, still served, EndpointSlice instead', () => {
    const e = lifecycleOf('v1', 'Endpoints');
    assert.equal(e?.deprecated, '1.33');
    assert.equal(e?.removed, undefined);
    assert.deepEqual(e?.replacement, { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', since: '1.21' });
  });

  it('newer betas: ValidatingAdmissionPolicy gone in 1.34, DRA v1beta1 deprecated from 1.35', () => {
    const vap = lifecycleOf('admissionregistration.k8s.io/v1beta1', 'ValidatingAdmissionPolicy');
    assert.equal(vap?.deprecated, '1.31');
    assert.equal(vap?.removed, '1.34');
    assert.equal(vap?.replacement?.since, '1.30');
    const slice = lifecycleOf('resource.k8s.io/v1beta1', 'ResourceSlice');
    assert.equal(slice?.deprecated, '1.35');
    assert.equal(slice?.removed, undefined);
    assert.equal(slice?.replacement?.apiVersion, 'resource.k8s.io/v1');
  });

  it('the table knows Kubernetes 1.37', () => {
    assert.equal(NEWEST_KUBERNETES_MINOR, '1.37');
  });
});
