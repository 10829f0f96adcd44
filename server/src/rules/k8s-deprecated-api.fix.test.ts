import { fixTester } from '../../../test/support/fixTester';
import { yaml } from '../../../test/support/ruleTester';
import rule from './k8s-deprecated-api';

fixTester(rule, [
  {
    name: 'batch/v1beta1 CronJob at 1.22: batch/v1, comments kept',
    config: { kubernetesVersion: '1.22' },
    text: yaml('# nightly report', 'apiVersion: batch/v1beta1  # TODO move', 'kind: CronJob', 'metadata:', '  name: report', 'spec:', "  schedule: '0 3 * * *'", '  jobTemplate: {}'),
    title: /^Change apiVersion to batch\/v1$/,
    output: yaml('# nightly report', 'apiVersion: batch/v1  # TODO move', 'kind: CronJob', 'metadata:', '  name: report', 'spec:', "  schedule: '0 3 * * *'", '  jobTemplate: {}'),
  },
  {
    name: 'policy/v1beta1 PodDisruptionBudget at 1.23 in flow style, second document: policy/v1',
    config: { kubernetesVersion: '1.23' },
    text:
      yaml('apiVersion: v1', 'kind: Namespace', 'metadata: {name: apps}') +
      '---\n' +
      "{apiVersion: 'policy/v1beta1', kind: PodDisruptionBudget, metadata: {name: web, namespace: apps}, spec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}}}\n",
    title: /^Change apiVersion to policy\/v1$/,
    output:
      yaml('apiVersion: v1', 'kind: Namespace', 'metadata: {name: apps}') +
      '---\n' +
      "{apiVersion: 'policy/v1', kind: PodDisruptionBudget, metadata: {name: web, namespace: apps}, spec: {maxUnavailable: 1, selector: {matchLabels: {app: web}}}}\n",
  },
  {
    name: 'flowcontrol v1beta2 FlowSchema at 1.27: v1beta3 (served, not deprecated there)',
    config: { kubernetesVersion: '1.27' },
    text: yaml('apiVersion: flowcontrol.apiserver.k8s.io/v1beta2', 'kind: FlowSchema', 'metadata: {name: f}', 'spec: {priorityLevelConfiguration: {name: p}, matchingPrecedence: 500}'),
    title: /^Change apiVersion to flowcontrol\.apiserver\.k8s\.io\/v1beta3$/,
    output: yaml('apiVersion: flowcontrol.apiserver.k8s.io/v1beta3', 'kind: FlowSchema', 'metadata: {name: f}', 'spec: {priorityLevelConfiguration: {name: p}, matchingPrecedence: 500}'),
  },
  {
    name: 'autoscaling/v2beta2 HorizontalPodAutoscaler at 1.24: autoscaling/v2',
    config: { kubernetesVersion: '1.24' },
    text: yaml(
      'apiVersion: autoscaling/v2beta2',
      'kind: HorizontalPodAutoscaler',
      'metadata: {name: web}',
      'spec:',
      '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}',
      '  maxReplicas: 4',
    ),
    title: /^Change apiVersion to autoscaling\/v2$/,
    output: yaml(
      'apiVersion: autoscaling/v2',
      'kind: HorizontalPodAutoscaler',
      'metadata: {name: web}',
      'spec:',
      '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}',
      '  maxReplicas: 4',
    ),
  },
  {
    name: 'networking.k8s.io/v1beta1 Ingress at 1.20: full migration',
    config: { kubernetesVersion: '1.20' },
    text: yaml(
      'apiVersion: networking.k8s.io/v1beta1',
      'kind: Ingress',
      'metadata: {name: web}',
      'spec:',
      '  rules:',
      '  - http:',
      '      paths:',
      '      - path: /',
      '        backend:',
      '          serviceName: web',
      '          servicePort: 80',
    ),
    title: /^Migrate Ingress to networking\.k8s\.io\/v1 \(backends and pathType rewritten\)$/,
    output: yaml(
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata: {name: web}',
      'spec:',
      '  rules:',
      '  - http:',
      '      paths:',
      '      - path: /',
      '        pathType: ImplementationSpecific',
      '        backend:',
      '          service:',
      '            name: web',
      '            port:',
      '              number: 80',
    ),
  },
  {
    name: 'extensions/v1beta1 Ingress at 1.18, before networking.k8s.io/v1 is served: no fix',
    config: { kubernetesVersion: '1.18' },
    text: yaml('apiVersion: extensions/v1beta1', 'kind: Ingress', 'metadata: {name: web}', 'spec:', '  backend:', '    serviceName: web', '    servicePort: 80'),
  },
  {
    name: 'v1 Endpoints (the replacement is another kind): no fix',
    text: yaml('apiVersion: v1', 'kind: Endpoints', 'metadata: {name: db}', 'subsets: [{addresses: [{ip: 10.0.0.5}], ports: [{port: 5432}]}]'),
  },
  {
    name: 'flowcontrol v1beta3 PriorityLevelConfiguration at 1.30 (an explicit 0 changes meaning in v1): no fix',
    config: { kubernetesVersion: '1.30' },
    text: yaml(
      'apiVersion: flowcontrol.apiserver.k8s.io/v1beta3',
      'kind: PriorityLevelConfiguration',
      'metadata: {name: p}',
      'spec: {type: Limited, limited: {nominalConcurrencyShares: 0, limitResponse: {type: Reject}}}',
    ),
  },
]);
