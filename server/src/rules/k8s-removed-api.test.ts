import { ruleTester, yaml } from '../../../test/support/ruleTester';
import rule from './k8s-removed-api';

const object = (apiVersion: string, kind: string, ...rest: string[]) => yaml(`apiVersion: ${apiVersion}`, `kind: ${kind}`, 'metadata: {name: x}', ...rest);

ruleTester(rule, {
  valid: [
    { name: 'current APIs', text: [object('apps/v1', 'Deployment'), object('policy/v1', 'PodDisruptionBudget'), object('networking.k8s.io/v1', 'Ingress')].join('---\n') },
    { name: 'a removed version before its removal release (target 1.24)', text: object('batch/v1beta1', 'CronJob'), config: { kubernetesVersion: '1.24' } },
    { name: 'custom resources and third-party groups are not in the table', text: object('cert-manager.io/v1alpha2', 'Certificate') + '---\n' + object('karpenter.sh/v1beta1', 'NodePool') },
    { name: 'a kind the version never had', text: object('apps/v1beta2', 'CronJob') },
    {
      name: 'apiVersion nested elsewhere is not the object’s (HPA scaleTargetRef, flow style)',
      text: yaml(
        'apiVersion: autoscaling/v2',
        'kind: HorizontalPodAutoscaler',
        'metadata: {name: web}',
        'spec: {scaleTargetRef: {apiVersion: extensions/v1beta1, kind: Deployment, name: web}, maxReplicas: 3}',
      ),
    },
    { name: 'deprecated but still served is k8s-deprecated-api', text: object('v1', 'Endpoints') },
  ],
  invalid: [
    {
      name: 'extensions/v1beta1 Ingress, removed in 1.22, with the v1 shape to move to',
      text: object('extensions/v1beta1', 'Ingress'),
      errors: [
        {
          line: 1,
          severity: 'error',
          message:
            /^extensions\/v1beta1 Ingress was removed in Kubernetes 1\.22 \(target 1\.37, the newest release eks-lens knows\); the API server rejects it\. Use networking\.k8s\.io\/v1 \(served since 1\.19\)\. In networking\.k8s\.io\/v1 a backend is service\.name/,
        },
      ],
    },
    {
      name: 'PodSecurityPolicy: no replacement, Pod Security Admission named',
      text: object('policy/v1beta1', 'PodSecurityPolicy'),
      errors: [{ line: 1, message: /^policy\/v1beta1 PodSecurityPolicy was removed in Kubernetes 1\.25 .*There is no replacement API\. .*Pod Security Admission/ }],
    },
    {
      name: 'at exactly the removal release set in the project file',
      text: object('policy/v1beta1', 'PodDisruptionBudget'),
      config: { kubernetesVersion: '1.25' },
      errors: [{ line: 1, message: /^policy\/v1beta1 PodDisruptionBudget was removed in Kubernetes 1\.25 \(target 1\.25\); the API server rejects it\. Use policy\/v1 \(served since 1\.21\)\./ }],
    },
    {
      name: 'flow style, in the third document of a stream, after a current object',
      text: object('v1', 'Namespace') + '---\n' + object('apps/v1', 'Deployment') + '---\n' + '{ apiVersion: "apps/v1beta2", kind: StatefulSet,\n  metadata: {name: db} }\n',
      errors: [{ line: 9, message: /^apps\/v1beta2 StatefulSet was removed in Kubernetes 1\.16/ }],
    },
    {
      name: 'every removed object of a multi-document install manifest',
      text:
        object('apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition') +
        '---\n' +
        object('admissionregistration.k8s.io/v1beta1', 'MutatingWebhookConfiguration') +
        '---\n' +
        object('rbac.authorization.k8s.io/v1', 'ClusterRole'),
      errors: [
        { line: 1, message: /CustomResourceDefinition was removed in Kubernetes 1\.22/ },
        { line: 5, message: /MutatingWebhookConfiguration was removed in Kubernetes 1\.22/ },
      ],
    },
  ],
});
