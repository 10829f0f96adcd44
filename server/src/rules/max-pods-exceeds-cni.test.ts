import { ruleTester, yaml } from '../../../test/support/ruleTester';
import rule from './max-pods-exceeds-cni';
import { eksctl } from '../../../test/support/fixtures';

// Reach per type and mode (docs/pod-capacity.md §1; max-pods-calculator.sh):
// m5.large 3 interfaces × 10 addresses: 3 × 9 + 2 = 29; prefix delegation 3 × 9 × 16 + 2 = 434;
// custom networking 2 × 9 + 2 = 20. m4.large (Xen) 2 × 10: 20, and prefix delegation falls back to 20.
// t3.medium 3 × 6: 17. m5.xlarge 4 × 15: 58. Security groups for pods on m5.large: the trunk takes an
// interface (2 × 9) and 9 branch interfaces carry a pod each: 18 + 9 + 2 = 29.

const addon = (env: string) => ['addons:', '  - name: vpc-cni', `    configurationValues: '{"env": {${env}}}'`];
const PD = '"ENABLE_PREFIX_DELEGATION": "true"';
/** A node group named ng (line 5, or 8 after an add-on) with the given lines. */
const group = (...lines: string[]) => ['managedNodeGroups:', '  - name: ng', ...lines];

/** An aws-node DaemonSet that turns prefix delegation on. */
const AWS_NODE_PD = yaml(
  'apiVersion: apps/v1',
  'kind: DaemonSet',
  'metadata: {name: aws-node, namespace: kube-system}',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: aws-node',
  '          image: example/amazon-k8s-cni:v1.19.0',
  '          env:',
  '            - {name: ENABLE_PREFIX_DELEGATION, value: "true"}',
);

ruleTester(rule, {
  valid: [
    { name: 'no maxPodsPerNode', text: eksctl(...group('    instanceType: m5.large')) },
    { name: 'maxPodsPerNode at the secondary-IP reach: m5.large 29', text: eksctl(...group('    instanceType: m5.large', '    maxPodsPerNode: 29')) },
    { name: 'maxPodsPerNode 110 with prefix delegation (434 on m5.large)', text: eksctl(...addon(PD), ...group('    instanceType: m5.large', '    maxPodsPerNode: 110')) },
    { name: "eksctl's default type (m5.large) at 20", text: eksctl(...group('    maxPodsPerNode: 20')) },
    { name: 'an unknown instance type: no reach to compare with', text: eksctl(...group('    instanceType: x9.mega', '    maxPodsPerNode: 500')) },
    {
      name: 'a CNI setting that cannot be read: silent',
      text: eksctl(
        'addons:',
        '  - name: vpc-cni',
        `    configurationValues: '{"env": {"ENABLE_PREFIX_DELEGATION": "{{ .Values.pd }}"}}'`,
        ...group('    instanceType: m4.large', '    maxPodsPerNode: 110'),
      ),
    },
    { name: 'IPv6 cluster: not this rule', text: eksctl('kubernetesNetworkConfig: {ipFamily: IPv6}', ...addon(PD), ...group('    instanceType: m4.large', '    maxPodsPerNode: 110')) },
    {
      name: 'security groups for pods: branch interfaces carry pods too (29 on m5.large)',
      text: eksctl(...addon('"ENABLE_POD_ENI": "true"'), ...group('    instanceType: m5.large', '    maxPodsPerNode: 29')),
    },
    { name: 'prefix delegation off: a Xen type is fine', text: eksctl(...group('    instanceType: m4.large')) },
    { name: 'not an eksctl document', text: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: x}', 'data: {maxPodsPerNode: "500"}') },
    {
      name: 'an aws-node DaemonSet of the workspace turns prefix delegation on: t3.medium reaches 3 × 5 × 16 + 2 = 242, so 110 is fine',
      text: eksctl('nodeGroups:', '  - name: self', '    instanceType: t3.medium', '    maxPodsPerNode: 110'),
      workspace: [{ uri: 'cni/aws-node.yaml', text: AWS_NODE_PD }],
    },
  ],
  invalid: [
    {
      name: 'maxPodsPerNode above the secondary-IP reach: 110 on m5.large (29)',
      text: eksctl(...group('    instanceType: m5.large', '    maxPodsPerNode: 110')),
      errors: [
        {
          line: 7,
          severity: 'warning',
          message:
            /^maxPodsPerNode 110 is more than the VPC CNI can give addresses to on m5\.large: 29 pods in secondary-IP mode \(3 interfaces × 9 addresses \+ 2 on the host network\)\. Pods scheduled beyond 29 stay in ContainerCreating \("failed to assign an IP address to container"\)\. Lower maxPodsPerNode, use a larger instance type, or turn on prefix delegation\.$/,
        },
      ],
    },
    {
      name: 'several instance types: the one with the lowest reach (t3.medium, 17) decides',
      text: eksctl(...group('    instanceTypes: [m5.xlarge, t3.medium]', '    maxPodsPerNode: 40')),
      errors: [
        {
          line: 7,
          message: /^maxPodsPerNode 40 is more than the VPC CNI can give addresses to on t3\.medium \(the smallest of its instance types\): 17 pods in secondary-IP mode \(3 interfaces × 5 addresses/,
        },
      ],
    },
    {
      name: 'custom networking: the primary interface carries no pods (20 on m5.large)',
      text: eksctl(...addon('"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG": "true"'), ...group('    instanceType: m5.large', '    maxPodsPerNode: 29')),
      errors: [
        { line: 10, message: /on m5\.large: 20 pods in secondary-IP mode \(2 interfaces × 9 addresses \+ 2 on the host network; the primary interface carries no pods with custom networking\)\./ },
      ],
    },
    {
      name: 'MAX_ENI lowers the reach: 2 interfaces on m5.large, 20',
      text: eksctl(...addon('"MAX_ENI": "2"'), ...group('    instanceType: m5.large', '    maxPodsPerNode: 29')),
      errors: [{ line: 10, message: /: 20 pods in secondary-IP mode \(2 interfaces × 9 addresses \+ 2 on the host network; MAX_ENI is 2\)\./ }],
    },
    {
      name: 'prefix delegation: above 434 on m5.large',
      text: eksctl(...addon(PD), ...group('    instanceType: m5.large', '    maxPodsPerNode: 500')),
      errors: [
        {
          line: 10,
          message:
            /^maxPodsPerNode 500 is more than the VPC CNI can give addresses to on m5\.large: 434 pods with prefix delegation \(3 interfaces × 9 \/28 prefixes of 16 \+ 2 on the host network\)\. Pods scheduled beyond 434 stay in ContainerCreating \("failed to assign an IP address to container"\)\. Lower maxPodsPerNode, use a larger instance type\.$/,
        },
      ],
    },
    {
      name: 'prefix delegation on a Xen type: it cannot take effect, and the max pods written for it cannot be reached',
      text: eksctl(...addon(PD), ...group('    instanceType: m4.large', '    maxPodsPerNode: 110')),
      errors: [
        {
          line: 8,
          message:
            /^Prefix delegation is on, but m4\.large is not a Nitro-based type: the VPC CNI cannot assign \/28 prefixes there and gives node group ng's nodes single addresses instead, so they run far fewer pods than with prefixes\. Use Nitro-based instance types \(such as m5, c5 or t3\) for this node group, or plan for secondary-IP capacity\.$/,
        },
        {
          line: 10,
          message:
            /^maxPodsPerNode 110 is more than the VPC CNI can give addresses to on m4\.large: 20 pods in secondary-IP mode \(2 interfaces × 9 addresses \+ 2 on the host network; prefix delegation cannot run on m4\.large\)\./,
        },
      ],
    },
    {
      name: 'prefix delegation with several types, some not Nitro-based: named together',
      text: eksctl(...addon(PD), ...group('    instanceTypes: [m5.large, m4.large, c4.xlarge]')),
      errors: [{ line: 8, message: /^Prefix delegation is on, but m4\.large, c4\.xlarge are not Nitro-based types:/ }],
    },
    {
      name: 'security groups for pods: above 29 on m5.large',
      text: eksctl(...addon('"ENABLE_POD_ENI": "true"'), ...group('    instanceType: m5.large', '    maxPodsPerNode: 30')),
      errors: [{ line: 10, message: /: 29 pods in secondary-IP mode \(2 interfaces × 9 addresses \+ 9 branch interfaces for pods with security groups \+ 2 on the host network\)\./ }],
    },
    {
      name: 'self-managed node groups too, with the aws-node DaemonSet of the workspace: 250 on t3.medium (242)',
      text: eksctl('nodeGroups:', '  - name: self', '    instanceType: t3.medium', '    maxPodsPerNode: 250'),
      workspace: [{ uri: 'cni/aws-node.yaml', text: AWS_NODE_PD }],
      errors: [{ line: 7, message: /^maxPodsPerNode 250 is more than the VPC CNI can give addresses to on t3\.medium: 242 pods with prefix delegation \(3 interfaces × 5 \/28 prefixes of 16/ }],
    },
  ],
});
