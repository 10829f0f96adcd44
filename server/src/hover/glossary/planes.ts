// Glossary entries for the Kubernetes control plane (what AWS runs for an EKS cluster) and the
// data plane (the nodes, node groups, Karpenter, Fargate and the node-level add-ons). Triggers are
// narrow on purpose: component names only inside images, well-known label values, eksctl and
// CloudFormation keys at their exact place, and Kubernetes kinds at the document root.
import type { GlossaryEntry, Trigger } from './types';

// ---- trigger helpers -------------------------------------------------------------------------

/**
 * A component's name as the last segment of an image repository, before the tag or digest:
 * `registry.k8s.io/kube-proxy:v1.31.0`, `…/eks/kube-proxy:v1.31.0-eksbuild.3`, `…/etcd@sha256:…`.
 * A longer name (`etcd-backup`, `kube-proxy-exporter`) does not match; the old per-architecture
 * names (`kube-apiserver-amd64`) do.
 */
function imageName(name: string, alsoBeforeSlash = false): RegExp {
  const end = alsoBeforeSlash ? '(?=[:@/]|$)' : '(?=[:@]|$)';
  return new RegExp(`(?<=^|/)${name}(?:-(?:amd64|arm64|arm|ppc64le|s390x))?${end}`);
}

/** An image naming the component: a container's `image`, or a Helm-style `image.repository`. */
function image(pattern: RegExp): Trigger[] {
  return [
    { on: 'value', pattern, path: ['image'] },
    { on: 'value', pattern, path: ['image', 'repository'] },
  ];
}

/** A well-known label value, on an object or pod template, or in a label selector. */
function label(key: string, value: string): Trigger[] {
  return [
    { on: 'value', text: value, path: ['labels', key], docKinds: ['kubernetes'] },
    { on: 'value', text: value, path: ['matchLabels', key], docKinds: ['kubernetes'] },
    { on: 'value', text: value, path: ['spec', 'selector', key], rooted: true, objectKinds: ['Service'] },
  ];
}

/** The document's own `kind`. */
function kind(name: string): Trigger {
  return { on: 'value', text: name, path: ['kind'], rooted: true, docKinds: ['kubernetes'] };
}

/** A CloudFormation resource type. */
function cfnType(type: string): Trigger {
  return { on: 'value', text: type, path: ['Resources', '*', 'Type'], rooted: true, docKinds: ['cloudformation'] };
}

/** An EKS add-on by name: in eksctl's `addons` list, or an `AWS::EKS::Addon`'s `AddonName`. */
function addon(name: string): Trigger[] {
  return [
    { on: 'value', text: name, path: ['addons', '*', 'name'], rooted: true, docKinds: ['eksctl'] },
    { on: 'value', text: name, path: ['Resources', '*', 'Properties', 'AddonName'], rooted: true, docKinds: ['cloudformation'] },
  ];
}

/** An eksctl ClusterConfig key at an exact place. */
function eksctlKey(...path: string[]): Trigger {
  return { on: 'key', text: path[path.length - 1], path, rooted: true, docKinds: ['eksctl'] };
}

/** A CloudFormation property key under some resource's `Properties`. */
function cfnKey(...path: string[]): Trigger {
  return { on: 'key', text: path[path.length - 1], path: ['Resources', '*', 'Properties', ...path], rooted: true, docKinds: ['cloudformation'] };
}

/** A key at an exact place in documents of the given Kubernetes kinds. */
function kindKey(objectKinds: string[], ...path: string[]): Trigger {
  return { on: 'key', text: path[path.length - 1], path, rooted: true, objectKinds };
}

// ---- sample files ----------------------------------------------------------------------------

const EKSCTL_HEAD = 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: demo\n  region: us-west-2\n';

function staticPod(component: string, image: string): string {
  return `apiVersion: v1
kind: Pod
metadata:
  labels:
    component: ${component}
    tier: control-plane
  name: ${component}-ip-10-0-1-10
  namespace: kube-system
spec:
  hostNetwork: true
  containers:
    - name: ${component}
      image: ${image}
`;
}

function podWithImage(image: string): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: sample
  namespace: kube-system
spec:
  containers:
    - name: main
      image: ${image}
`;
}

// ---- control plane ---------------------------------------------------------------------------

const CONTROL_PLANE: GlossaryEntry[] = [
  {
    id: 'kube-apiserver',
    title: 'kube-apiserver — the Kubernetes API server',
    plane: 'control plane',
    text:
      'The API server is the single front door to a cluster: `kubectl`, controllers, operators and the kubelet on every node read and change objects only through its REST API, and it is the only component that talks to etcd. ' +
      'Each request is authenticated, authorized (RBAC) and passed through admission control before the object is stored. ' +
      'On Amazon EKS you never run it yourself: AWS runs at least two API server instances in separate Availability Zones and exposes them through your cluster endpoint. ' +
      'An image or label naming it in a manifest belongs to a self-managed control plane (for example a kubeadm static pod), not to anything you deploy on EKS.',
    link: { title: 'kube-apiserver reference (Kubernetes)', url: 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/' },
    triggers: [...image(imageName('kube-apiserver')), ...label('component', 'kube-apiserver')],
    examples: [
      { file: podWithImage('registry.k8s.io/kube-apiserver:v1.31.2'), hover: 'kube-apiserver' },
      { file: staticPod('kube-apiserver', 'registry.k8s.io/kube-apiserver:v1.31.2'), hover: 'kube-apiserver' },
    ],
  },
  {
    id: 'etcd',
    title: 'etcd — the store behind the Kubernetes API',
    plane: 'control plane',
    text:
      'etcd is the consistent, replicated key-value store in which Kubernetes keeps every API object, so it holds the whole desired and observed state of the cluster. ' +
      'If etcd loses quorum, the API server can no longer reliably serve or store changes: nothing new is created, scaled or rescheduled, although pods already running on nodes keep running. ' +
      'On Amazon EKS, AWS runs three etcd instances across three Availability Zones and gives you no direct access to them or to their snapshots. ' +
      'To recover from mistakes or lose a cluster safely, keep your manifests in Git (GitOps) and back up cluster resources and volumes with a tool such as Velero.',
    link: { title: 'Operating etcd clusters for Kubernetes', url: 'https://kubernetes.io/docs/tasks/administer-cluster/configure-upgrade-etcd/' },
    triggers: [...image(imageName('etcd')), ...label('component', 'etcd')],
    examples: [
      { file: podWithImage('registry.k8s.io/etcd:3.5.15-0'), hover: 'etcd' },
      { file: staticPod('etcd', 'registry.k8s.io/etcd:3.5.15-0'), hover: 'etcd' },
    ],
  },
  {
    id: 'kube-scheduler',
    title: 'kube-scheduler — places pods on nodes',
    plane: 'control plane',
    text:
      'The scheduler watches for pods that have no node yet and binds each to one: it first filters out nodes that cannot take the pod (resource requests, node selectors and affinity, taints and tolerations, topology spread constraints) and then scores the rest. ' +
      'When no node fits, the pod stays `Pending` with a `FailedScheduling` event that says why. ' +
      'On EKS the scheduler runs in the AWS-managed control plane, and new capacity must come from your data plane: Cluster Autoscaler grows the Auto Scaling groups behind managed node groups, while Karpenter or EKS Auto Mode launch instances for pending pods directly.',
    link: { title: 'Kubernetes Scheduler', url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/kube-scheduler/' },
    triggers: [...image(imageName('kube-scheduler')), ...label('component', 'kube-scheduler'), kind('KubeSchedulerConfiguration')],
    examples: [
      { file: podWithImage('registry.k8s.io/kube-scheduler:v1.31.2'), hover: 'kube-scheduler' },
      { file: staticPod('kube-scheduler', 'registry.k8s.io/kube-scheduler:v1.31.2'), hover: 'kube-scheduler' },
      {
        file: 'apiVersion: kubescheduler.config.k8s.io/v1\nkind: KubeSchedulerConfiguration\nprofiles:\n  - schedulerName: default-scheduler\n',
        hover: 'KubeSchedulerConfiguration',
      },
    ],
  },
  {
    id: 'kube-controller-manager',
    title: 'kube-controller-manager — the built-in controllers',
    plane: 'control plane',
    text:
      'One process that runs the built-in controllers of Kubernetes, each a loop that compares the desired state stored in the API with what exists and acts to close the gap. ' +
      'Among them are the node lifecycle controller (taints nodes that stop reporting so their pods get evicted), the Deployment, ReplicaSet, StatefulSet, DaemonSet, Job and CronJob controllers, the Endpoints and EndpointSlice controllers that keep Service backends current, the namespace controller (empties namespaces being deleted) and the service account controller. ' +
      'On EKS it runs in the AWS-managed control plane, so none of its flags are yours to set; you see its work in the status, events and owned objects of your resources.',
    link: { title: 'Controllers (Kubernetes)', url: 'https://kubernetes.io/docs/concepts/architecture/controller/' },
    triggers: [...image(imageName('kube-controller-manager')), ...label('component', 'kube-controller-manager')],
    examples: [
      { file: podWithImage('registry.k8s.io/kube-controller-manager:v1.31.2'), hover: 'kube-controller-manager' },
      { file: staticPod('kube-controller-manager', 'registry.k8s.io/kube-controller-manager:v1.31.2'), hover: 'kube-controller-manager' },
    ],
  },
  {
    id: 'cloud-controller-manager',
    title: 'cloud-controller-manager — the link to the cloud provider',
    plane: 'control plane',
    text:
      "The cloud controller manager connects Kubernetes to the cloud provider's API. " +
      'Its node controllers fill in each Node from the cloud (zone, instance type, addresses) and delete Node objects whose instance is gone, its route controller can program cloud routes, and its service controller creates load balancers for `type: LoadBalancer` Services. ' +
      'On EKS, AWS runs the AWS cloud provider as part of the managed control plane, so you do not deploy this image yourself. ' +
      'Its built-in Service load balancer controller creates Classic Load Balancers by default and only receives critical fixes; AWS recommends the AWS Load Balancer Controller (or EKS Auto Mode) to get Network Load Balancers for Services.',
    link: { title: 'Cloud Controller Manager (Kubernetes)', url: 'https://kubernetes.io/docs/concepts/architecture/cloud-controller/' },
    triggers: [
      ...image(imageName('(?:aws-)?cloud-controller-manager')),
      ...label('component', 'cloud-controller-manager'),
      ...label('k8s-app', 'cloud-controller-manager'),
      ...label('k8s-app', 'aws-cloud-controller-manager'),
    ],
    examples: [
      { file: podWithImage('registry.k8s.io/provider-aws/cloud-controller-manager:v1.31.1'), hover: 'cloud-controller-manager' },
      {
        file: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  labels:
    k8s-app: aws-cloud-controller-manager
  name: ccm
  namespace: kube-system
spec:
  selector:
    matchLabels:
      k8s-app: aws-cloud-controller-manager
  template:
    metadata:
      labels:
        k8s-app: aws-cloud-controller-manager
    spec:
      containers:
        - name: ccm
          image: registry.k8s.io/provider-aws/cloud-controller-manager:v1.31.1
`,
        hover: 'aws-cloud-controller-manager',
      },
    ],
  },
  {
    id: 'eks-control-plane',
    title: 'Amazon EKS control plane',
    plane: 'control plane',
    text:
      'An EKS cluster is a Kubernetes control plane that AWS operates for you: the API servers, etcd, scheduler and controllers run in an EKS-managed VPC, dedicated to this one cluster and never shared with other clusters or accounts. ' +
      'AWS scales and patches it, replaces unhealthy instances and keeps it spread over three Availability Zones; you pick the Kubernetes version and upgrade it one minor version at a time. ' +
      'Nodes and tools reach it only through the cluster endpoint, where requests are authenticated with IAM and then authorized by Kubernetes RBAC, with access entries (or the older `aws-auth` ConfigMap) mapping IAM principals to Kubernetes permissions. ' +
      'The subnets you give the cluster are where EKS places the network interfaces that connect the control plane to your VPC.',
    link: { title: 'Amazon EKS architecture', url: 'https://docs.aws.amazon.com/eks/latest/userguide/eks-architecture.html' },
    triggers: [cfnType('AWS::EKS::Cluster')],
    examples: [
      {
        file: `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      Name: demo
      Version: '1.31'
      RoleArn: arn:aws:iam::111122223333:role/eks-cluster
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a1b2c3d4e5f60001, subnet-0a1b2c3d4e5f60002]
`,
        hover: 'AWS::EKS::Cluster',
      },
    ],
  },
  {
    id: 'eks-cluster-endpoint',
    title: 'EKS cluster endpoint — where the API server is reached',
    plane: 'control plane',
    text:
      "The cluster endpoint is the HTTPS address of the cluster's Kubernetes API server; `kubectl`, CI pipelines and the kubelet on every node connect to it. " +
      'With public access on (the default) it is reachable from the internet, limited to `publicAccessCIDRs` when you set them; with private access on, the endpoint name resolves to private addresses inside the VPC so that traffic stays there. ' +
      'Whatever the network path, every request still needs valid IAM credentials and Kubernetes RBAC permission. ' +
      'If you restrict the public ranges, turn private access on as well, otherwise nodes in private subnets reach the endpoint from NAT addresses that you must also allow.',
    link: { title: 'Cluster API server endpoint (Amazon EKS)', url: 'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html' },
    triggers: [
      eksctlKey('vpc', 'clusterEndpoints'),
      eksctlKey('vpc', 'clusterEndpoints', 'publicAccess'),
      eksctlKey('vpc', 'clusterEndpoints', 'privateAccess'),
      eksctlKey('vpc', 'publicAccessCIDRs'),
      cfnKey('ResourcesVpcConfig', 'EndpointPublicAccess'),
      cfnKey('ResourcesVpcConfig', 'EndpointPrivateAccess'),
      cfnKey('ResourcesVpcConfig', 'PublicAccessCidrs'),
    ],
    examples: [
      {
        file: `${EKSCTL_HEAD}vpc:\n  clusterEndpoints:\n    publicAccess: true\n    privateAccess: true\n  publicAccessCIDRs: ["203.0.113.0/24"]\n`,
        hover: 'clusterEndpoints',
      },
      {
        file: `${EKSCTL_HEAD}vpc:\n  clusterEndpoints:\n    publicAccess: true\n    privateAccess: true\n  publicAccessCIDRs: ["203.0.113.0/24"]\n`,
        hover: 'privateAccess',
      },
      {
        file: `${EKSCTL_HEAD}vpc:\n  publicAccessCIDRs: ["203.0.113.0/24"]\n`,
        hover: 'publicAccessCIDRs',
      },
      {
        file: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks-cluster
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a1b2c3d4e5f60001, subnet-0a1b2c3d4e5f60002]
        EndpointPublicAccess: false
        EndpointPrivateAccess: true
`,
        hover: 'EndpointPrivateAccess',
      },
    ],
  },
  {
    id: 'eks-access-entries',
    title: 'EKS access entries — who may use the Kubernetes API',
    plane: 'control plane',
    text:
      "Access entries are EKS's own API for deciding which IAM principals (roles or users) may use a cluster's Kubernetes API, and with what permissions. " +
      'Each entry ties one principal to Kubernetes groups, to AWS-managed access policies such as `AmazonEKSClusterAdminPolicy`, or both, scoped to the whole cluster or to namespaces. ' +
      'The authentication mode picks the source: `CONFIG_MAP` (only the legacy `aws-auth` ConfigMap), `API_AND_CONFIG_MAP` (both) or `API` (entries only); you can move toward `API` but never back. ' +
      'Because entries live in the EKS API, eksctl, CloudFormation and Terraform can grant access without editing a ConfigMap inside the cluster.',
    link: { title: 'Grant IAM users access to Kubernetes with EKS access entries', url: 'https://docs.aws.amazon.com/eks/latest/userguide/access-entries.html' },
    triggers: [
      eksctlKey('accessConfig'),
      eksctlKey('accessConfig', 'accessEntries'),
      eksctlKey('accessConfig', 'authenticationMode'),
      cfnType('AWS::EKS::AccessEntry'),
      cfnKey('AccessConfig', 'AuthenticationMode'),
    ],
    examples: [
      {
        file: `${EKSCTL_HEAD}accessConfig:
  authenticationMode: API
  accessEntries:
    - principalARN: arn:aws:iam::111122223333:role/platform-admins
      accessPolicies:
        - policyARN: arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy
          accessScope:
            type: cluster
`,
        hover: 'accessConfig',
      },
      {
        file: `Resources:
  AdminAccess:
    Type: AWS::EKS::AccessEntry
    Properties:
      ClusterName: demo
      PrincipalArn: arn:aws:iam::111122223333:role/platform-admins
`,
        hover: 'AWS::EKS::AccessEntry',
      },
      {
        file: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks-cluster
      AccessConfig:
        AuthenticationMode: API
`,
        hover: 'AuthenticationMode',
      },
    ],
  },
  {
    id: 'eks-envelope-encryption',
    title: 'Envelope encryption of Kubernetes API data (KMS)',
    plane: 'control plane',
    text:
      '`secretsEncryption` gives EKS a customer-managed AWS KMS key with which the API server envelope-encrypts Kubernetes data before it is written to etcd. ' +
      'On clusters running Kubernetes 1.28 or later, EKS already envelope-encrypts all Kubernetes API data by default with an AWS-owned key; your own key adds control over its key policy, rotation and CloudTrail audit trail. ' +
      'Once turned on for a cluster, this encryption cannot be turned off again. ' +
      'It covers what is stored through the API (Secrets, ConfigMaps and other objects), not data on your nodes or EBS volumes.',
    link: { title: 'Default envelope encryption for all Kubernetes API data', url: 'https://docs.aws.amazon.com/eks/latest/userguide/envelope-encryption.html' },
    triggers: [eksctlKey('secretsEncryption')],
    examples: [
      {
        file: `${EKSCTL_HEAD}secretsEncryption:\n  keyARN: arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\n`,
        hover: 'secretsEncryption',
      },
    ],
  },
];

// ---- data plane ------------------------------------------------------------------------------

const KUBELET_CONFIG = `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
containerRuntimeEndpoint: unix:///run/containerd/containerd.sock
maxPods: 58
kubeReserved:
  cpu: 100m
  memory: 1Gi
`;

const NODEPOOL = `apiVersion: karpenter.sh/v1
kind: NodePool
metadata:
  name: default
spec:
  template:
    spec:
      nodeClassRef:
        group: karpenter.k8s.aws
        kind: EC2NodeClass
        name: default
      requirements:
        - key: karpenter.sh/capacity-type
          operator: In
          values: ["spot", "on-demand"]
  limits:
    cpu: "1000"
  disruption:
    consolidationPolicy: WhenEmptyOrUnderutilized
    consolidateAfter: 1m
    budgets:
      - nodes: "10%"
`;

const EC2NODECLASS = `apiVersion: karpenter.k8s.aws/v1
kind: EC2NodeClass
metadata:
  name: default
spec:
  role: KarpenterNodeRole-demo
  amiSelectorTerms:
    - alias: al2023@latest
  subnetSelectorTerms:
    - tags:
        karpenter.sh/discovery: demo
  securityGroupSelectorTerms:
    - tags:
        karpenter.sh/discovery: demo
  kubelet:
    maxPods: 110
`;

const DATA_PLANE: GlossaryEntry[] = [
  {
    id: 'kubelet',
    title: 'kubelet — the node agent',
    plane: 'data plane',
    text:
      'The kubelet is the agent on every node: it registers the Node with the API server, starts the pods bound to it through the container runtime, runs their probes and reports pod and node status back. ' +
      'It also enforces node-level limits: CPU and memory held back for system daemons (`kubeReserved`, `systemReserved`), the pod count (`maxPods`) and the eviction thresholds at which it evicts pods when memory or disk runs low. ' +
      'These settings form a `KubeletConfiguration`; on EKS you pass them through eksctl `kubeletExtraConfig` (self-managed node groups), the `kubelet` section of an Amazon Linux 2023 `NodeConfig`, or the `kubelet` block of a Karpenter `EC2NodeClass`. ' +
      "On EKS the kubelet authenticates to the API server with the node's IAM role.",
    link: { title: 'Set kubelet parameters via a configuration file', url: 'https://kubernetes.io/docs/tasks/administer-cluster/kubelet-config-file/' },
    triggers: [kind('KubeletConfiguration'), { on: 'key', text: 'kubeletExtraConfig', path: ['kubeletExtraConfig'], docKinds: ['eksctl'] }, kindKey(['NodeConfig', 'EC2NodeClass'], 'spec', 'kubelet')],
    examples: [
      { file: KUBELET_CONFIG, hover: 'KubeletConfiguration' },
      {
        file: `${EKSCTL_HEAD}nodeGroups:
  - name: ng-1
    instanceType: m5.xlarge
    desiredCapacity: 2
    kubeletExtraConfig:
      kubeReserved:
        cpu: 300m
        memory: 300Mi
`,
        hover: 'kubeletExtraConfig',
      },
      {
        file: `apiVersion: node.eks.aws/v1alpha1
kind: NodeConfig
spec:
  cluster:
    name: demo
    apiServerEndpoint: https://EXAMPLE.gr7.us-west-2.eks.amazonaws.com
    certificateAuthority: Y2VydGlmaWNhdGVBdXRob3JpdHk=
    cidr: 10.100.0.0/16
  kubelet:
    config:
      maxPods: 58
`,
        hover: 'kubelet',
      },
      { file: EC2NODECLASS, hover: 'kubelet' },
    ],
  },
  {
    id: 'containerd',
    title: 'containerd — the container runtime on EKS nodes',
    plane: 'data plane',
    text:
      'The container runtime pulls images and runs containers for the kubelet, which talks to it through the Container Runtime Interface (CRI) socket named in `containerRuntimeEndpoint`. ' +
      'Since Kubernetes 1.24 removed dockershim, the Amazon EKS optimized AMIs ship containerd as their only runtime: it pulls images from Amazon ECR or any other registry, and workloads that mount `/var/run/docker.sock` no longer work there. ' +
      'Docker, Podman, Buildah and nerdctl are tools for building and running images on a workstation or CI runner; what they build runs unchanged under containerd because all of them use the OCI image format.',
    link: { title: 'Migrate from dockershim to containerd (Amazon EKS)', url: 'https://docs.aws.amazon.com/eks/latest/userguide/dockershim-deprecation.html' },
    triggers: [
      { on: 'value', pattern: /\bcontainerd\b/, path: ['containerRuntimeEndpoint'] },
      kindKey(['KubeletConfiguration'], 'containerRuntimeEndpoint'),
      kindKey(['NodeConfig'], 'spec', 'containerd'),
      { on: 'value', pattern: /\bcontainerd\.sock\b|\bdocker\.sock\b/, path: ['hostPath', 'path'], docKinds: ['kubernetes'] },
      { on: 'value', pattern: /\bcontainerd\.sock\b|\bdocker\.sock\b/, path: ['volumeMounts', '*', 'mountPath'], docKinds: ['kubernetes'] },
    ],
    examples: [
      { file: KUBELET_CONFIG, hover: 'containerd' },
      { file: KUBELET_CONFIG, hover: 'containerRuntimeEndpoint' },
      {
        file: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
spec:
  selector:
    matchLabels:
      app: log-agent
  template:
    metadata:
      labels:
        app: log-agent
    spec:
      containers:
        - name: agent
          image: example.com/log-agent:1.4
          volumeMounts:
            - name: sock
              mountPath: /var/run/docker.sock
      volumes:
        - name: sock
          hostPath:
            path: /var/run/docker.sock
`,
        hover: 'docker.sock',
      },
      {
        file: `apiVersion: node.eks.aws/v1alpha1
kind: NodeConfig
spec:
  containerd:
    config: |
      [plugins."io.containerd.grpc.v1.cri".containerd]
      discard_unpacked_layers = false
`,
        hover: 'containerd',
      },
    ],
  },
  {
    id: 'kube-proxy',
    title: 'kube-proxy — Service virtual IPs on every node',
    plane: 'data plane',
    text:
      "kube-proxy runs on every node as a DaemonSet and turns Services into packet-forwarding rules: it watches Services and EndpointSlices and programs iptables, IPVS or nftables so that traffic to a Service's virtual IP and port reaches one of its ready endpoints. " +
      'It does not carry traffic itself; the kernel does, following the rules it wrote. ' +
      'On EKS it is the `kube-proxy` add-on, installed by default in every cluster except EKS Auto Mode ones, running in iptables mode by default and not deployed to Fargate nodes; update it after each cluster version upgrade. ' +
      'For clusters with thousands of Services choose nftables mode in the add-on configuration (stable since Kubernetes 1.33); IPVS mode is deprecated since Kubernetes 1.35 and kube-proxy warns when it runs in it.',
    link: { title: 'Manage kube-proxy in Amazon EKS clusters', url: 'https://docs.aws.amazon.com/eks/latest/userguide/managing-kube-proxy.html' },
    triggers: [
      ...image(imageName('kube-proxy')),
      ...label('k8s-app', 'kube-proxy'),
      ...addon('kube-proxy'),
      kind('KubeProxyConfiguration'),
      { on: 'value', text: 'kube-proxy', path: ['metadata', 'name'], rooted: true, objectKinds: ['DaemonSet', 'ServiceAccount'] },
      { on: 'value', text: 'kube-proxy-config', path: ['metadata', 'name'], rooted: true, objectKinds: ['ConfigMap'] },
    ],
    examples: [
      { file: podWithImage('602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/kube-proxy:v1.31.2-minimal-eksbuild.3'), hover: 'kube-proxy' },
      {
        file: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  labels:
    k8s-app: kube-proxy
  name: proxy
  namespace: kube-system
spec:
  selector:
    matchLabels:
      k8s-app: kube-proxy
  template:
    metadata:
      labels:
        k8s-app: kube-proxy
    spec:
      containers:
        - name: proxy
          image: registry.k8s.io/kube-proxy:v1.31.2
`,
        hover: 'kube-proxy',
      },
      { file: `${EKSCTL_HEAD}addons:\n  - name: vpc-cni\n  - name: kube-proxy\n    version: latest\n  - name: coredns\n`, hover: 'kube-proxy' },
      {
        file: 'Resources:\n  KubeProxy:\n    Type: AWS::EKS::Addon\n    Properties:\n      ClusterName: demo\n      AddonName: kube-proxy\n',
        hover: 'kube-proxy',
      },
      { file: 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: nftables\n', hover: 'KubeProxyConfiguration' },
      { file: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: kube-proxy\n  namespace: kube-system\n', hover: 'kube-proxy' },
    ],
  },
  {
    id: 'worker-node',
    title: 'Node — a worker machine in the cluster',
    plane: 'data plane',
    text:
      "A Node object stands for one machine that runs pods (an EC2 instance, a Fargate pod's compute, or a hybrid node); the kubelet on that machine registers it and keeps its capacity, conditions and addresses current. " +
      'Its labels (zone, instance type, capacity type, node group) are what node selectors, affinity and topology spread constraints match, and its taints repel pods that do not tolerate them. ' +
      'On EKS you rarely write Node manifests: Nodes appear when managed node groups, self-managed Auto Scaling groups, Karpenter, Auto Mode or Fargate launch capacity, and go away when that capacity is removed.',
    link: { title: 'Nodes (Kubernetes)', url: 'https://kubernetes.io/docs/concepts/architecture/nodes/' },
    triggers: [kind('Node')],
    examples: [
      {
        file: 'apiVersion: v1\nkind: Node\nmetadata:\n  name: ip-10-0-1-23.us-west-2.compute.internal\n  labels:\n    topology.kubernetes.io/zone: us-west-2a\n',
        hover: 'Node',
      },
    ],
  },
  {
    id: 'managed-node-groups',
    title: 'EKS managed node groups',
    plane: 'data plane',
    text:
      'A managed node group (`managedNodeGroups` in eksctl, `AWS::EKS::Nodegroup` in CloudFormation) is an EC2 Auto Scaling group that EKS creates and runs in your account, launching nodes from an EKS optimized AMI (Amazon Linux 2023 by default from Kubernetes 1.30, or Bottlerocket) or from your launch template. ' +
      'EKS performs node updates for you: it starts replacement nodes, then cordons and drains the old ones while honoring PodDisruptionBudgets, and the update fails rather than break a budget unless you force it. ' +
      'A group spans the subnets and Availability Zones you give it; its size changes only through its scaling settings or a tool such as Cluster Autoscaler, so pair it with one if pods should get capacity on demand.',
    link: { title: 'Simplify node lifecycle with managed node groups', url: 'https://docs.aws.amazon.com/eks/latest/userguide/managed-node-groups.html' },
    triggers: [eksctlKey('managedNodeGroups'), cfnType('AWS::EKS::Nodegroup')],
    examples: [
      { file: `${EKSCTL_HEAD}managedNodeGroups:\n  - name: workers\n    instanceType: m6i.large\n    minSize: 2\n    maxSize: 6\n`, hover: 'managedNodeGroups' },
      {
        file: `Resources:
  Workers:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: demo
      NodeRole: arn:aws:iam::111122223333:role/eks-node
      Subnets: [subnet-0a1b2c3d4e5f60001, subnet-0a1b2c3d4e5f60002]
      ScalingConfig:
        MinSize: 2
        DesiredSize: 2
        MaxSize: 6
`,
        hover: 'AWS::EKS::Nodegroup',
      },
    ],
  },
  {
    id: 'self-managed-node-groups',
    title: 'Self-managed node groups (eksctl nodeGroups)',
    plane: 'data plane',
    text:
      '`nodeGroups` in an eksctl config are self-managed (unmanaged) node groups: eksctl creates a CloudFormation stack with an EC2 Auto Scaling group and launch template in your account, and EKS does not manage these instances. ' +
      'Their updates are yours: moving to a new AMI or Kubernetes version means creating a new group, then draining and deleting the old one (eksctl drains it when you delete the group). ' +
      'eksctl notes that managed node groups do not have full feature parity with these groups, which is the usual reason to keep them; otherwise `managedNodeGroups` or Karpenter take this work off your hands.',
    link: { title: 'Maintain nodes yourself with self-managed nodes', url: 'https://docs.aws.amazon.com/eks/latest/userguide/worker.html' },
    triggers: [eksctlKey('nodeGroups')],
    examples: [{ file: `${EKSCTL_HEAD}nodeGroups:\n  - name: ng-1\n    instanceType: m5.large\n    desiredCapacity: 2\n`, hover: 'nodeGroups' }],
  },
  {
    id: 'karpenter',
    title: 'Karpenter — node provisioning from pending pods',
    plane: 'data plane',
    text:
      'Karpenter is an open-source node autoscaler: it watches for pods the scheduler cannot place, works out which instances would fit them, and launches EC2 instances directly instead of resizing Auto Scaling groups. ' +
      'What it may launch comes from `NodePool` resources and the AWS details (AMI, subnets, security groups, IAM role) from an `EC2NodeClass`; each instance it launches is tracked as a `NodeClaim`. ' +
      'It also takes capacity away again, consolidating underused nodes and replacing nodes that have drifted from their configuration. ' +
      'In an eksctl config, `karpenter` installs it with Helm together with its IAM permissions and, optionally, a Spot interruption queue; the cluster needs `iam.withOIDC: true`.',
    link: { title: 'Karpenter concepts', url: 'https://karpenter.sh/docs/concepts/' },
    triggers: [eksctlKey('karpenter'), kind('NodeClaim')],
    examples: [
      { file: `${EKSCTL_HEAD}iam:\n  withOIDC: true\nkarpenter:\n  version: "1.2.1"\n  withSpotInterruptionQueue: true\n`, hover: 'karpenter' },
      { file: 'apiVersion: karpenter.sh/v1\nkind: NodeClaim\nmetadata:\n  name: default-x7k2p\n', hover: 'NodeClaim' },
    ],
  },
  {
    id: 'karpenter-nodepool',
    title: 'NodePool — what nodes Karpenter may create',
    plane: 'data plane',
    text:
      'A Karpenter `NodePool` sets which nodes Karpenter may launch for pending pods and how it may remove them. ' +
      '`spec.template` holds the labels, taints and `requirements` (instance families or types, `spot` or `on-demand` capacity, zones, architecture) that new nodes must meet, plus `nodeClassRef` to the class with the cloud settings; `limits` caps the total CPU and memory the pool may hold, and `disruption` controls consolidation. ' +
      "A pod must tolerate the pool's taints to land there, and when several pools fit, the one with the highest `weight` is used. " +
      'EKS Auto Mode uses the same `NodePool` API, with `nodeClassRef` pointing at an `eks.amazonaws.com` `NodeClass` instead of an `EC2NodeClass`.',
    link: { title: 'Karpenter NodePools', url: 'https://karpenter.sh/docs/concepts/nodepools/' },
    triggers: [kind('NodePool')],
    examples: [{ file: NODEPOOL, hover: 'NodePool' }],
  },
  {
    id: 'karpenter-ec2nodeclass',
    title: 'EC2NodeClass — the AWS settings for Karpenter nodes',
    plane: 'data plane',
    text:
      'An `EC2NodeClass` holds the AWS settings Karpenter uses to launch instances: the AMIs (`amiSelectorTerms`, often an alias such as `al2023@latest`), subnets and security groups chosen by tag or ID, the node IAM `role`, block devices, instance metadata options and user data. ' +
      'Since Karpenter v1 it also carries the `kubelet` settings such as `maxPods` and reserved resources. ' +
      'Each `NodePool` points at one through `nodeClassRef`, and several pools may share a class. ' +
      'When you change it, existing nodes count as drifted and Karpenter replaces them gradually.',
    link: { title: 'Karpenter NodeClasses', url: 'https://karpenter.sh/docs/concepts/nodeclasses/' },
    triggers: [
      kind('EC2NodeClass'),
      kindKey(['NodePool'], 'spec', 'template', 'spec', 'nodeClassRef'),
      { on: 'value', text: 'EC2NodeClass', path: ['nodeClassRef', 'kind'], objectKinds: ['NodePool'] },
    ],
    examples: [
      { file: EC2NODECLASS, hover: 'EC2NodeClass' },
      { file: NODEPOOL, hover: 'nodeClassRef' },
      { file: NODEPOOL, hover: 'EC2NodeClass' },
    ],
  },
  {
    id: 'karpenter-disruption',
    title: 'Karpenter disruption and consolidation',
    plane: 'data plane',
    text:
      "A NodePool's `disruption` block decides when Karpenter may remove or replace nodes on its own. " +
      'With `consolidationPolicy: WhenEmptyOrUnderutilized` it deletes nodes whose pods fit elsewhere and swaps nodes for cheaper ones, while `WhenEmpty` only removes nodes running no workload pods; `consolidateAfter` sets how long a node must qualify first. ' +
      '`budgets` cap how many nodes may be disrupted at once, optionally on a schedule, and drift replacement goes through the same budgets. ' +
      'Draining respects PodDisruptionBudgets, and a pod annotated `karpenter.sh/do-not-disrupt: "true"` keeps Karpenter from consolidating or replacing its node.',
    link: { title: 'Karpenter disruption', url: 'https://karpenter.sh/docs/concepts/disruption/' },
    triggers: [
      kindKey(['NodePool'], 'spec', 'disruption'),
      kindKey(['NodePool'], 'spec', 'disruption', 'consolidationPolicy'),
      kindKey(['NodePool'], 'spec', 'disruption', 'consolidateAfter'),
      kindKey(['NodePool'], 'spec', 'disruption', 'budgets'),
      { on: 'key', text: 'karpenter.sh/do-not-disrupt', path: ['annotations', 'karpenter.sh/do-not-disrupt'], docKinds: ['kubernetes'] },
    ],
    examples: [
      { file: NODEPOOL, hover: 'disruption' },
      { file: NODEPOOL, hover: 'consolidationPolicy' },
      {
        file: `apiVersion: batch/v1
kind: Job
metadata:
  name: report
spec:
  template:
    metadata:
      annotations:
        karpenter.sh/do-not-disrupt: "true"
    spec:
      restartPolicy: Never
      containers:
        - name: report
          image: example.com/report:2.0
`,
        hover: 'karpenter.sh/do-not-disrupt',
      },
    ],
  },
  {
    id: 'eks-auto-mode',
    title: 'EKS Auto Mode — AWS-managed data plane',
    plane: 'data plane',
    text:
      'EKS Auto Mode (`autoModeConfig` in eksctl) extends AWS management to the data plane: EKS launches and retires EC2 instances for you with a built-in Karpenter-based autoscaler and provides pod and Service networking, cluster DNS, block storage and load balancing as part of the service rather than as add-ons you install. ' +
      'Its nodes use locked-down, immutable AMIs without SSH or SSM access and are replaced after at most 21 days. ' +
      'Capacity is described with Karpenter `NodePool` resources that reference an EKS `NodeClass` (group `eks.amazonaws.com`); the built-in `general-purpose` and `system` pools are created unless you turn them off.',
    link: { title: 'Automate cluster infrastructure with EKS Auto Mode', url: 'https://docs.aws.amazon.com/eks/latest/userguide/automode.html' },
    triggers: [eksctlKey('autoModeConfig'), kind('NodeClass'), { on: 'value', text: 'eks.amazonaws.com', path: ['nodeClassRef', 'group'], objectKinds: ['NodePool'] }],
    examples: [
      { file: `${EKSCTL_HEAD}autoModeConfig:\n  enabled: true\n  nodePools: [general-purpose, system]\n`, hover: 'autoModeConfig' },
      {
        file: 'apiVersion: eks.amazonaws.com/v1\nkind: NodeClass\nmetadata:\n  name: private\nspec:\n  role: AmazonEKSAutoNodeRole\n',
        hover: 'NodeClass',
      },
      {
        file: `apiVersion: karpenter.sh/v1
kind: NodePool
metadata:
  name: batch
spec:
  template:
    spec:
      nodeClassRef:
        group: eks.amazonaws.com
        kind: NodeClass
        name: default
`,
        hover: 'eks.amazonaws.com',
      },
    ],
  },
  {
    id: 'fargate',
    title: 'AWS Fargate for EKS — serverless pods',
    plane: 'data plane',
    text:
      'With Fargate, pods run without nodes of your own: each pod gets an isolated compute environment that shares no kernel, CPU, memory or network interface with any other pod, sized from its resource requests, and there is nothing for you to patch or scale. ' +
      'A Fargate profile (`fargateProfiles` in eksctl, `AWS::EKS::FargateProfile` in CloudFormation) has up to five selectors, each a namespace plus optional labels, and a new pod matching one runs on Fargate; pods that match none go to regular nodes or stay `Pending`. ' +
      'Profiles need private subnets and a pod execution role, and Fargate pods cannot use DaemonSets, privileged containers, `hostNetwork` or `hostPort`. ' +
      'Fargate nodes carry the label `eks.amazonaws.com/compute-type: fargate`, which DaemonSets can use in node affinity to stay off them.',
    link: { title: 'Simplify compute management with AWS Fargate', url: 'https://docs.aws.amazon.com/eks/latest/userguide/fargate.html' },
    triggers: [
      eksctlKey('fargateProfiles'),
      cfnType('AWS::EKS::FargateProfile'),
      { on: 'key', text: 'eks.amazonaws.com/fargate-profile', path: ['labels', 'eks.amazonaws.com/fargate-profile'], docKinds: ['kubernetes'] },
      { on: 'key', text: 'eks.amazonaws.com/compute-type', docKinds: ['kubernetes'] },
      { on: 'value', text: 'eks.amazonaws.com/compute-type', path: ['matchExpressions', '*', 'key'], docKinds: ['kubernetes'] },
    ],
    examples: [
      {
        file: `${EKSCTL_HEAD}fargateProfiles:\n  - name: fp-default\n    selectors:\n      - namespace: default\n      - namespace: batch\n        labels:\n          runtime: serverless\n`,
        hover: 'fargateProfiles',
      },
      {
        file: `Resources:
  Profile:
    Type: AWS::EKS::FargateProfile
    Properties:
      ClusterName: demo
      PodExecutionRoleArn: arn:aws:iam::111122223333:role/eks-fargate-pods
      Subnets: [subnet-0a1b2c3d4e5f60001]
      Selectors:
        - Namespace: batch
`,
        hover: 'AWS::EKS::FargateProfile',
      },
      {
        file: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-exporter
spec:
  selector:
    matchLabels:
      app: node-exporter
  template:
    metadata:
      labels:
        app: node-exporter
    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - key: eks.amazonaws.com/compute-type
                    operator: NotIn
                    values: [fargate]
      containers:
        - name: exporter
          image: quay.io/prometheus/node-exporter:v1.8.2
`,
        hover: 'eks.amazonaws.com/compute-type',
      },
      {
        file: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
        eks.amazonaws.com/fargate-profile: fp-default
    spec:
      containers:
        - name: api
          image: example.com/api:3.1
`,
        hover: 'eks.amazonaws.com/fargate-profile',
      },
    ],
  },
  {
    id: 'coredns',
    title: 'CoreDNS — cluster DNS',
    plane: 'data plane',
    text:
      'CoreDNS is the DNS server of the cluster: it answers lookups of Service names such as `my-svc.my-namespace.svc.cluster.local` and forwards every other name to the upstream resolver (the Amazon VPC resolver on EKS). ' +
      "It runs as a Deployment behind the `kube-dns` Service in `kube-system`, its pods keep the `k8s-app: kube-dns` label, and each kubelet points pods at that Service's cluster IP. " +
      'On EKS it is the `coredns` add-on with two replicas by default whatever the node count; on a cluster with only Fargate it needs a Fargate profile covering `kube-system`, and as every pod depends on it, scale it with the cluster.',
    link: { title: 'Manage CoreDNS for DNS in Amazon EKS clusters', url: 'https://docs.aws.amazon.com/eks/latest/userguide/managing-coredns.html' },
    triggers: [
      ...image(imageName('coredns', true)),
      ...label('k8s-app', 'kube-dns'),
      ...addon('coredns'),
      { on: 'value', text: 'kube-dns', path: ['metadata', 'name'], rooted: true, objectKinds: ['Service'] },
      { on: 'value', text: 'coredns', path: ['metadata', 'name'], rooted: true, objectKinds: ['Deployment', 'ConfigMap', 'ServiceAccount'] },
    ],
    examples: [
      { file: podWithImage('602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/coredns:v1.11.4-eksbuild.2'), hover: 'coredns' },
      { file: podWithImage('registry.k8s.io/coredns/coredns:v1.11.3'), hover: 'coredns' },
      {
        file: `apiVersion: v1
kind: Service
metadata:
  labels:
    k8s-app: kube-dns
  name: kube-dns
  namespace: kube-system
spec:
  selector:
    k8s-app: kube-dns
  clusterIP: 10.100.0.10
`,
        hover: 'kube-dns',
      },
      { file: `${EKSCTL_HEAD}addons:\n  - name: coredns\n    version: latest\n`, hover: 'coredns' },
      { file: 'Resources:\n  Dns:\n    Type: AWS::EKS::Addon\n    Properties:\n      ClusterName: demo\n      AddonName: coredns\n', hover: 'coredns' },
      { file: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: coredns\n  namespace: kube-system\n', hover: 'coredns' },
    ],
  },
];

export const ENTRIES: readonly GlossaryEntry[] = [...CONTROL_PLANE, ...DATA_PLANE];
