import { ruleTester, yaml } from '../../../test/support/ruleTester';
import rule from './k8s-deprecated-api';

const object = (apiVersion: string, kind: string, ...rest: string[]) => yaml(`apiVersion: ${apiVersion}`, `kind: ${kind}`, 'metadata: {name: x}', ...rest);

ruleTester(rule, {
  valid: [
    { name: 'current APIs', text: object('batch/v1', 'CronJob') + '---\n' + object('discovery.k8s.io/v1', 'EndpointSlice') },
    { name: 'before the deprecation release (CronJob v1beta1 at 1.20)', text: object('batch/v1beta1', 'CronJob'), config: { kubernetesVersion: '1.20' } },
    { name: 'once removed it is k8s-removed-api (default target)', text: object('batch/v1beta1', 'CronJob') },
    { name: 'v1 Endpoints before 1.33', text: object('v1', 'Endpoints'), config: { kubernetesVersion: '1.32' } },
    { name: 'policy/v1beta1 PDB before its deprecation (1.20)', text: object('policy/v1beta1', 'PodDisruptionBudget'), config: { kubernetesVersion: '1.20' } },
    { name: 'certificates.k8s.io/v1beta1 ClusterTrustBundle before 1.37', text: object('certificates.k8s.io/v1beta1', 'ClusterTrustBundle'), config: { kubernetesVersion: '1.36' } },
    { name: 'custom resources are not in the table', text: object('monitoring.coreos.com/v1', 'ServiceMonitor') },
  ],
  invalid: [
    {
      name: 'batch/v1beta1 CronJob between deprecation and removal',
      text: object('batch/v1beta1', 'CronJob'),
      config: { kubernetesVersion: '1.22' },
      errors: [
        {
          line: 1,
          severity: 'warning',
          message: /^batch\/v1beta1 CronJob is deprecated since Kubernetes 1\.21; Kubernetes 1\.25 stops serving it \(target 1\.22\)\. Move to batch\/v1 \(served since 1\.21\)\./,
        },
      ],
    },
    {
      name: 'v1 Endpoints at the default target',
      text: object('v1', 'Endpoints', 'subsets: []'),
      errors: [{ line: 1, message: /^v1 Endpoints is deprecated since Kubernetes 1\.33 \(target 1\.37, the newest release eks-lens knows\)\. Move to discovery\.k8s\.io\/v1 EndpointSlice/ }],
    },
    {
      name: 'flow style, second document, policy/v1beta1 PDB at 1.22',
      text: object('v1', 'Namespace') + '---\n' + '{apiVersion: policy/v1beta1, kind: PodDisruptionBudget, metadata: {name: web}, spec: {maxUnavailable: 1}}\n',
      config: { kubernetesVersion: '1.22' },
      errors: [{ line: 5, message: /^policy\/v1beta1 PodDisruptionBudget is deprecated since Kubernetes 1\.21; Kubernetes 1\.25 stops serving it/ }],
    },
    {
      // The source's tag says deprecated=1.21 (the table said 1.22 before it was generated).
      name: 'policy/v1beta1 PDB is already deprecated at 1.21',
      text: object('policy/v1beta1', 'PodDisruptionBudget'),
      config: { kubernetesVersion: '1.21' },
      errors: [
        {
          line: 1,
          message: /^policy\/v1beta1 PodDisruptionBudget is deprecated since Kubernetes 1\.21; Kubernetes 1\.25 stops serving it \(target 1\.21\)\. Move to policy\/v1 \(served since 1\.21\)\./,
        },
      ],
    },
    {
      name: 'coordination.k8s.io/v1beta1 LeaseCandidate at the default target: deprecated from 1.36, nothing to move to yet',
      text: object('coordination.k8s.io/v1beta1', 'LeaseCandidate'),
      errors: [{ line: 1, message: /^coordination\.k8s\.io\/v1beta1 LeaseCandidate is deprecated since Kubernetes 1\.36 \(target 1\.37, the newest release eks-lens knows\)\.$/ }],
    },
    ...['ClusterTrustBundle', 'PodCertificateRequest'].map((kind) => ({
      name: `certificates.k8s.io/v1beta1 ${kind} at the default target`,
      text: object('certificates.k8s.io/v1beta1', kind),
      errors: [
        {
          line: 1,
          message: new RegExp(
            `^certificates\\.k8s\\.io/v1beta1 ${kind} is deprecated since Kubernetes 1\\.37 \\(target 1\\.37, the newest release eks-lens knows\\)\\. Move to certificates\\.k8s\\.io/v1 \\(served since 1\\.37\\)\\.$`,
          ),
        },
      ],
    })),
    {
      name: 'storagemigration.k8s.io/v1beta1 StorageVersionMigration at the default target',
      text: object('storagemigration.k8s.io/v1beta1', 'StorageVersionMigration'),
      errors: [
        {
          line: 1,
          message:
            /^storagemigration\.k8s\.io\/v1beta1 StorageVersionMigration is deprecated since Kubernetes 1\.37 \(target 1\.37, the newest release eks-lens knows\)\. Move to storagemigration\.k8s\.io\/v1 \(served since 1\.37\)\.$/,
        },
      ],
    },
    {
      name: 'autoscaling/v2beta2 HPA at 1.23',
      text: object('autoscaling/v2beta2', 'HorizontalPodAutoscaler'),
      config: { kubernetesVersion: '1.23' },
      errors: [
        { line: 1, message: /^autoscaling\/v2beta2 HorizontalPodAutoscaler is deprecated since Kubernetes 1\.23; Kubernetes 1\.26 stops serving it \(target 1\.23\)\. Move to autoscaling\/v2/ },
      ],
    },
  ],
});
