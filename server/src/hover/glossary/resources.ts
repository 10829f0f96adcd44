// Glossary entries for what runs on the cluster and what it runs in: workload kinds, disruption
// budgets, storage, and the VPC pieces (subnets, routes, gateways, security groups) and Kubernetes
// networking objects that EKS YAML names. Facts follow the page in each entry's link.
import type { GlossaryEntry, Trigger } from './types';

/** The `kind:` value of a Kubernetes document. */
function kind(name: string): Trigger {
  return { on: 'value', text: name, path: ['kind'], rooted: true, docKinds: ['kubernetes'] };
}

/** A CloudFormation resource's `Type:` value. */
function cfnType(type: string): Trigger {
  return { on: 'value', text: type, path: ['Resources', '*', 'Type'], rooted: true, docKinds: ['cloudformation'] };
}

/** A property key directly under a CloudFormation resource's `Properties`. */
function cfnProperty(name: string): Trigger {
  return { on: 'key', text: name, path: ['Resources', '*', 'Properties', name], rooted: true, docKinds: ['cloudformation'] };
}

/** A key of every eksctl node group, managed or not. */
function nodeGroupKey(name: string): Trigger[] {
  return ['nodeGroups', 'managedNodeGroups'].map((list) => ({
    on: 'key' as const,
    text: name,
    path: [list, '*', name],
    rooted: true,
    docKinds: ['eksctl' as const],
  }));
}

const CFN = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n';
const CLUSTER = 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: prod\n  region: us-west-2\n';

export const ENTRIES: readonly GlossaryEntry[] = [
  // ---- Workloads -------------------------------------------------------------------------
  {
    id: 'pod',
    title: 'Pod — the unit Kubernetes schedules',
    plane: 'workloads',
    text:
      'A Pod is one or more containers scheduled together onto one node, sharing an IP address and any volumes. ' +
      "On EKS with the VPC CNI each pod gets its own address from the node's subnet, so how many pods fit on a node depends on the instance type's network limits as well as its CPU and memory. " +
      'Pods are disposable: a bare pod is not recreated when its node fails, so run pods through a Deployment, StatefulSet, DaemonSet or Job. ' +
      "On Fargate every pod runs on a node of its own, sized from the containers' resource requests.",
    link: { title: 'Pods (Kubernetes)', url: 'https://kubernetes.io/docs/concepts/workloads/pods/' },
    triggers: [kind('Pod')],
    examples: [
      {
        file: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  containers:\n    - name: shell\n      image: public.ecr.aws/amazonlinux/amazonlinux:2023\n',
        hover: 'Pod',
      },
    ],
  },
  {
    id: 'deployment',
    title: 'Deployment — interchangeable replicas with rolling updates',
    plane: 'workloads',
    text:
      'A Deployment keeps a set number of identical, interchangeable pods running and replaces them gradually, through a new ReplicaSet, when the pod template changes. ' +
      '`strategy.rollingUpdate.maxSurge` and `maxUnavailable` (25% each by default) set the pace of a rollout; a rollout is not held back by PodDisruptionBudgets, which only guard evictions such as node drains. ' +
      'For availability on EKS, run at least two replicas, spread them across zones with `topologySpreadConstraints` on `topology.kubernetes.io/zone`, and pair them with a PodDisruptionBudget. ' +
      'Use a StatefulSet instead when each replica needs its own identity or volume.',
    link: { title: 'Deployments (Kubernetes)', url: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/' },
    triggers: [kind('Deployment')],
    examples: [
      {
        file: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n',
        hover: 'Deployment',
      },
    ],
  },
  {
    id: 'statefulset',
    title: 'StatefulSet — replicas with stable names and their own volumes',
    plane: 'workloads',
    text:
      'A StatefulSet runs pods that each keep an identity: a stable name (`db-0`, `db-1`, …), a stable DNS name through the headless Service named in `serviceName`, and a volume of its own from `volumeClaimTemplates`. ' +
      'By default pods start one at a time in order, and updates replace them one at a time from the highest ordinal down. ' +
      "On EKS a replica's EBS volume stays in the Availability Zone it was created in, so that replica can only be rescheduled onto nodes in the same zone; keep node capacity in every zone you use. " +
      'Scaling down or deleting the StatefulSet leaves the claims and their data behind unless its retention policy says otherwise.',
    link: { title: 'StatefulSets (Kubernetes)', url: 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/' },
    triggers: [kind('StatefulSet')],
    examples: [
      {
        file: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  replicas: 3\n  selector:\n    matchLabels: {app: db}\n  template:\n    metadata:\n      labels: {app: db}\n    spec:\n      containers:\n        - name: postgres\n          image: postgres:17\n',
        hover: 'StatefulSet',
      },
    ],
  },
  {
    id: 'daemonset',
    title: 'DaemonSet — one pod on every node',
    plane: 'workloads',
    text:
      'A DaemonSet runs one copy of a pod on every node that its node selectors and tolerations allow, adding the pod as nodes join and removing it as they leave. ' +
      'It is how node agents run: on EKS `aws-node` (the VPC CNI), `kube-proxy` and the EBS CSI node plugin are DaemonSets. ' +
      "Every DaemonSet pod takes CPU, memory and one of the node's pod slots, which adds up on small instances. " +
      'Fargate does not run DaemonSets, so on Fargate such an agent has to run as a sidecar container in each pod.',
    link: { title: 'DaemonSet (Kubernetes)', url: 'https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/' },
    triggers: [kind('DaemonSet')],
    examples: [
      {
        file: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: log-agent\n  namespace: kube-system\nspec:\n  selector:\n    matchLabels: {app: log-agent}\n  template:\n    metadata:\n      labels: {app: log-agent}\n    spec:\n      containers:\n        - name: agent\n          image: fluent/fluent-bit:3.2\n',
        hover: 'DaemonSet',
      },
    ],
  },
  {
    id: 'job',
    title: 'Job — pods that run to completion',
    plane: 'workloads',
    text:
      'A Job runs pods until the wanted number of them finish successfully, retrying failed pods up to `backoffLimit` times (6 by default). ' +
      'Its pod template must use `restartPolicy: Never` or `OnFailure`. ' +
      'Finished Jobs and their pods stay until deleted; `ttlSecondsAfterFinished` removes them automatically. ' +
      'A node drain, a Spot interruption or Karpenter consolidation can stop a running Job pod, so long jobs should survive a restart or opt out of voluntary disruption (Karpenter honours the pod annotation `karpenter.sh/do-not-disrupt: "true"`).',
    link: { title: 'Jobs (Kubernetes)', url: 'https://kubernetes.io/docs/concepts/workloads/controllers/job/' },
    triggers: [kind('Job')],
    examples: [
      {
        file: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\nspec:\n  backoffLimit: 2\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: migrate\n          image: example/migrate:1.4\n',
        hover: 'Job',
      },
    ],
  },
  {
    id: 'cronjob',
    title: 'CronJob — Jobs on a schedule',
    plane: 'workloads',
    text:
      'A CronJob creates a Job on a schedule written in cron syntax, such as `"0 3 * * *"` for 03:00 every day. ' +
      "Without `timeZone` the schedule follows the time zone of the control plane's controller manager, so name one (an IANA zone like `Etc/UTC`) to be explicit. " +
      '`concurrencyPolicy` (`Allow`, `Forbid` or `Replace`) says whether a run may start while the previous one is still going, and `startingDeadlineSeconds` bounds how late a missed run may still start. ' +
      'Each run is an ordinary Job, so retries and clean-up settings go in `jobTemplate`.',
    link: { title: 'CronJob (Kubernetes)', url: 'https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/' },
    triggers: [kind('CronJob')],
    examples: [
      {
        file: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly-report\nspec:\n  schedule: "0 3 * * *"\n  timeZone: Etc/UTC\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: report\n              image: example/report:2.0\n',
        hover: 'CronJob',
      },
    ],
  },

  // ---- Availability ----------------------------------------------------------------------
  {
    id: 'pod-disruption-budget',
    title: 'PodDisruptionBudget — how many pods may be evicted at once',
    plane: 'availability',
    text:
      'A PodDisruptionBudget caps how many of the pods matched by its `selector` may be down at once because of voluntary disruptions, the ones that go through the Eviction API. ' +
      'Node drains go that way: `kubectl drain`, EKS managed node group updates, Karpenter consolidation and Cluster Autoscaler scale-in all wait for the budget. ' +
      'Involuntary disruptions (a node, zone or kernel failing) are not limited by it, and deleting pods or rolling out a new Deployment version does not consult it. ' +
      'On EKS a managed node group update fails with `PodEvictionFailure` when pods cannot be evicted within 15 minutes, unless you force it.',
    link: { title: 'Disruptions (Kubernetes)', url: 'https://kubernetes.io/docs/concepts/workloads/pods/disruptions/' },
    triggers: [kind('PodDisruptionBudget')],
    examples: [
      {
        file: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: web}\n',
        hover: 'PodDisruptionBudget',
      },
    ],
  },
  {
    id: 'pdb-min-available',
    title: 'minAvailable — pods that must stay up during evictions',
    plane: 'availability',
    text:
      '`minAvailable` is how many of the selected pods must still be available after an eviction, as a number or as a percentage (rounded up); an eviction that would go below it is refused and retried later. ' +
      'Setting it to the replica count, or to `100%`, forbids every voluntary eviction, so node drains and managed node group updates hang. ' +
      'A budget can set `minAvailable` or `maxUnavailable`, not both. ' +
      'For pods not owned by a Deployment, ReplicaSet, StatefulSet or another controller with a scale, only a whole-number `minAvailable` works.',
    link: { title: 'Specifying a Disruption Budget (Kubernetes)', url: 'https://kubernetes.io/docs/tasks/run-application/configure-pdb/' },
    triggers: [{ on: 'key', text: 'minAvailable', path: ['spec', 'minAvailable'], rooted: true, objectKinds: ['PodDisruptionBudget'] }],
    examples: [
      {
        file: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: zk\nspec:\n  minAvailable: 2\n  selector:\n    matchLabels: {app: zookeeper}\n',
        hover: 'minAvailable',
      },
    ],
  },
  {
    id: 'pdb-max-unavailable',
    title: 'maxUnavailable — pods an eviction may leave unavailable',
    plane: 'availability',
    text:
      '`maxUnavailable` is how many of the selected pods may be unavailable at once, as a number or a percentage of the desired replicas; evictions beyond it are refused until pods recover. ' +
      'It follows the replica count as a workload scales, which is why the Kubernetes docs recommend it over `minAvailable` for pods owned by a Deployment or StatefulSet. ' +
      'Setting it to `0` forbids every voluntary eviction, so node drains and managed node group updates hang. ' +
      'It only works for pods whose controller has a known scale, and it cannot be combined with `minAvailable`.',
    link: { title: 'Specifying a Disruption Budget (Kubernetes)', url: 'https://kubernetes.io/docs/tasks/run-application/configure-pdb/' },
    triggers: [{ on: 'key', text: 'maxUnavailable', path: ['spec', 'maxUnavailable'], rooted: true, objectKinds: ['PodDisruptionBudget'] }],
    examples: [
      {
        file: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 1\n  selector:\n    matchLabels: {app: web}\n',
        hover: 'maxUnavailable',
      },
    ],
  },
  {
    id: 'availability-zone',
    title: 'Availability Zone — an isolated location inside a Region',
    plane: 'availability',
    text:
      'An Availability Zone is one or more isolated data centres inside a Region; a subnet, an EBS volume and a zonal NAT gateway each live in exactly one. ' +
      'EKS needs subnets in at least two zones, and spreading nodes and replicas across zones (`topologySpreadConstraints` on `topology.kubernetes.io/zone`) keeps a workload running when one zone fails. ' +
      'In many Regions a zone name such as `us-east-1a` can point to a different physical zone in another account, while a zone ID such as `use1-az1` means the same zone everywhere. ' +
      'eksctl needs at least two `availabilityZones` and picks zones itself when you list none.',
    link: { title: 'AWS Availability Zones', url: 'https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html' },
    triggers: [
      { on: 'key', text: 'availabilityZones', path: ['availabilityZones'], rooted: true, docKinds: ['eksctl'] },
      ...nodeGroupKey('availabilityZones'),
      { on: 'key', text: 'az', path: ['vpc', 'subnets', '*', '*', 'az'], rooted: true, docKinds: ['eksctl'] },
      cfnProperty('AvailabilityZone'),
      { on: 'value', text: 'topology.kubernetes.io/zone', path: ['topologyKey'], docKinds: ['kubernetes'] },
    ],
    examples: [
      { file: `${CLUSTER}availabilityZones: [us-west-2a, us-west-2b, us-west-2c]\n`, hover: 'availabilityZones' },
      {
        file: `${CLUSTER}managedNodeGroups:\n  - name: workers\n    instanceType: m6i.large\n    availabilityZones: [us-west-2a]\n`,
        hover: 'availabilityZones',
      },
      {
        file: `${CLUSTER}vpc:\n  id: vpc-0abc1234\n  subnets:\n    private:\n      private-one: {az: us-west-2a, cidr: 10.0.0.0/19}\n`,
        hover: 'az',
      },
      {
        file: `${CFN}  SubnetA:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref VPC\n      AvailabilityZone: us-east-1a\n      CidrBlock: 10.0.0.0/20\n`,
        hover: 'AvailabilityZone',
      },
      {
        file: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      topologySpreadConstraints:\n        - maxSkew: 1\n          topologyKey: topology.kubernetes.io/zone\n          whenUnsatisfiable: ScheduleAnyway\n          labelSelector:\n            matchLabels: {app: web}\n      containers:\n        - name: web\n          image: nginx:1.27\n',
        hover: 'topology.kubernetes.io/zone',
      },
    ],
  },

  // ---- Storage ---------------------------------------------------------------------------
  {
    id: 'persistent-volume',
    title: 'PersistentVolume — a piece of storage in the cluster',
    plane: 'storage',
    text:
      'A PersistentVolume is a cluster-wide object standing for a real piece of storage; on EKS usually an EBS volume or an EFS file system that a CSI driver created when a claim asked for it. ' +
      'It binds to exactly one PersistentVolumeClaim, and `persistentVolumeReclaimPolicy` decides what happens to the storage when that claim is deleted: `Delete`, the default for dynamically provisioned volumes, deletes the EBS volume, while `Retain` keeps it. ' +
      'An EBS-backed volume lives in one Availability Zone and carries node affinity for it, so pods using it can only run on nodes in that zone. ' +
      'An ordinary EBS volume attaches to a single node (`ReadWriteOnce`); storage shared by pods on several nodes needs EFS.',
    link: { title: 'Persistent Volumes (Kubernetes)', url: 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/' },
    triggers: [kind('PersistentVolume'), { on: 'key', text: 'persistentVolumeReclaimPolicy', path: ['spec', 'persistentVolumeReclaimPolicy'], rooted: true, objectKinds: ['PersistentVolume'] }],
    examples: [
      {
        file: 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: data-restored\nspec:\n  capacity:\n    storage: 50Gi\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Retain\n  csi:\n    driver: ebs.csi.aws.com\n    volumeHandle: vol-0123456789abcdef0\n',
        hover: 'PersistentVolume',
      },
      {
        file: 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: data-restored\nspec:\n  capacity:\n    storage: 50Gi\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Retain\n  csi:\n    driver: ebs.csi.aws.com\n    volumeHandle: vol-0123456789abcdef0\n',
        hover: 'persistentVolumeReclaimPolicy',
      },
    ],
  },
  {
    id: 'persistent-volume-claim',
    title: 'PersistentVolumeClaim — a request for storage',
    plane: 'storage',
    text:
      'A PersistentVolumeClaim is a namespaced request for storage: a size, an access mode and a `storageClassName`. ' +
      "Kubernetes binds it to one PersistentVolume, having the class's provisioner create one when none fits, and a pod uses it by naming it under `volumes` in `persistentVolumeClaim.claimName`. " +
      'The claim and its data outlive the pod, so a replacement pod gets the same volume back. ' +
      "With EBS the volume is zonal and attaches to one node, so a pod using the claim can only be scheduled in the volume's Availability Zone.",
    link: { title: 'Persistent Volumes (Kubernetes)', url: 'https://kubernetes.io/docs/concepts/storage/persistent-volumes/#persistentvolumeclaims' },
    triggers: [kind('PersistentVolumeClaim'), { on: 'key', text: 'persistentVolumeClaim', path: ['volumes', '*', 'persistentVolumeClaim'], docKinds: ['kubernetes'] }],
    examples: [
      {
        file: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: uploads\nspec:\n  accessModes: [ReadWriteOnce]\n  storageClassName: gp3\n  resources:\n    requests:\n      storage: 20Gi\n',
        hover: 'PersistentVolumeClaim',
      },
      {
        file: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: uploader\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: uploader}\n  template:\n    metadata:\n      labels: {app: uploader}\n    spec:\n      containers:\n        - name: app\n          image: example/uploader:1.0\n          volumeMounts:\n            - {name: uploads, mountPath: /data}\n      volumes:\n        - name: uploads\n          persistentVolumeClaim:\n            claimName: uploads\n',
        hover: 'persistentVolumeClaim',
      },
    ],
  },
  {
    id: 'storage-class',
    title: 'StorageClass — how volumes are provisioned on demand',
    plane: 'storage',
    text:
      'A StorageClass names a provisioner and its `parameters` so that claims can get volumes created on demand; `storageClassName` picks a class by name. ' +
      'A claim that leaves `storageClassName` out gets the class annotated `storageclass.kubernetes.io/is-default-class: "true"`, and an empty string turns dynamic provisioning off for that claim. ' +
      'On EKS, clusters created at Kubernetes 1.30 or later still have a `gp2` class, but it is no longer marked as the default, so claims without a class stay `Pending` until you name a class or mark one default. ' +
      'Version 1.31.0 or later of the `aws-ebs-csi-driver` add-on can create a default class for you (`defaultStorageClass.enabled`). ' +
      'A class cannot be edited once created; make a new one instead.',
    link: { title: 'Storage Classes (Kubernetes)', url: 'https://kubernetes.io/docs/concepts/storage/storage-classes/' },
    triggers: [kind('StorageClass'), { on: 'key', text: 'storageClassName', path: ['spec', 'storageClassName'], docKinds: ['kubernetes'] }],
    examples: [
      {
        file: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: gp3\nprovisioner: ebs.csi.aws.com\nvolumeBindingMode: WaitForFirstConsumer\nparameters:\n  type: gp3\n',
        hover: 'StorageClass',
      },
      {
        file: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: uploads\nspec:\n  accessModes: [ReadWriteOnce]\n  storageClassName: gp3\n  resources:\n    requests:\n      storage: 20Gi\n',
        hover: 'storageClassName',
      },
    ],
  },
  {
    id: 'volume-binding-mode',
    title: 'volumeBindingMode — when a volume is created',
    plane: 'storage',
    text:
      '`volumeBindingMode` decides when a claim of this class gets its volume. ' +
      '`Immediate`, the default, creates the volume as soon as the claim exists, before any pod is scheduled, which with zonal EBS volumes can put the volume in a zone where the pod cannot run. ' +
      "`WaitForFirstConsumer` waits until a pod using the claim is scheduled and creates the volume in that pod's zone, so it is the usual choice for EBS classes on EKS.",
    link: { title: 'Storage Classes: volume binding mode (Kubernetes)', url: 'https://kubernetes.io/docs/concepts/storage/storage-classes/#volume-binding-mode' },
    triggers: [
      { on: 'key', text: 'volumeBindingMode', path: ['volumeBindingMode'], rooted: true, objectKinds: ['StorageClass'] },
      { on: 'value', text: 'WaitForFirstConsumer', path: ['volumeBindingMode'], rooted: true, objectKinds: ['StorageClass'] },
      { on: 'value', text: 'Immediate', path: ['volumeBindingMode'], rooted: true, objectKinds: ['StorageClass'] },
    ],
    examples: [
      {
        file: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: gp3\nprovisioner: ebs.csi.aws.com\nvolumeBindingMode: WaitForFirstConsumer\nparameters:\n  type: gp3\n',
        hover: 'volumeBindingMode',
      },
      {
        file: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: gp3\nprovisioner: ebs.csi.aws.com\nvolumeBindingMode: WaitForFirstConsumer\nparameters:\n  type: gp3\n',
        hover: 'WaitForFirstConsumer',
      },
    ],
  },
  {
    id: 'ebs-csi-driver',
    title: 'Amazon EBS CSI driver — EBS volumes for pods',
    plane: 'storage',
    text:
      'The Amazon EBS CSI driver creates, attaches and resizes EBS volumes for PersistentVolumes; StorageClasses name it as the provisioner `ebs.csi.aws.com`. ' +
      'It is not installed with a new cluster: add the `aws-ebs-csi-driver` EKS add-on and give it IAM permissions, such as the `AmazonEBSCSIDriverPolicy` managed policy. ' +
      'Classes that still name the in-tree `kubernetes.io/aws-ebs` provisioner, like the old `gp2` class, are served by this driver through CSI migration, so they need it too. ' +
      'EKS Auto Mode runs its own built-in driver, named `ebs.csi.eks.amazonaws.com`, and Fargate pods cannot mount EBS volumes at all.',
    link: { title: 'Use Amazon EBS storage (Amazon EKS)', url: 'https://docs.aws.amazon.com/eks/latest/userguide/ebs-csi.html' },
    triggers: [
      ...['ebs.csi.aws.com', 'ebs.csi.eks.amazonaws.com', 'kubernetes.io/aws-ebs'].map((name): Trigger => ({
        on: 'value',
        text: name,
        path: ['provisioner'],
        rooted: true,
        objectKinds: ['StorageClass'],
      })),
      { on: 'value', text: 'ebs.csi.aws.com', path: ['spec', 'csi', 'driver'], rooted: true, objectKinds: ['PersistentVolume'] },
      { on: 'value', text: 'aws-ebs-csi-driver', path: ['addons', '*', 'name'], rooted: true, docKinds: ['eksctl'] },
      { on: 'value', text: 'aws-ebs-csi-driver', path: ['Resources', '*', 'Properties', 'AddonName'], rooted: true, docKinds: ['cloudformation'] },
    ],
    examples: [
      {
        file: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: gp3\nprovisioner: ebs.csi.aws.com\nvolumeBindingMode: WaitForFirstConsumer\nparameters:\n  type: gp3\n',
        hover: 'ebs.csi.aws.com',
      },
      {
        file: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: gp2\nprovisioner: kubernetes.io/aws-ebs\nparameters:\n  type: gp2\n',
        hover: 'kubernetes.io/aws-ebs',
      },
      {
        file: 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: data-restored\nspec:\n  capacity:\n    storage: 50Gi\n  accessModes: [ReadWriteOnce]\n  csi:\n    driver: ebs.csi.aws.com\n    volumeHandle: vol-0123456789abcdef0\n',
        hover: 'ebs.csi.aws.com',
      },
      { file: `${CLUSTER}addons:\n  - name: aws-ebs-csi-driver\n    version: latest\n`, hover: 'aws-ebs-csi-driver' },
      {
        file: `${CFN}  EbsCsi:\n    Type: AWS::EKS::Addon\n    Properties:\n      ClusterName: prod\n      AddonName: aws-ebs-csi-driver\n`,
        hover: 'aws-ebs-csi-driver',
      },
    ],
  },
  {
    id: 'empty-dir',
    title: 'emptyDir — scratch space that lives and dies with the pod',
    plane: 'storage',
    text:
      'An `emptyDir` volume is scratch space created empty when the pod is placed on a node and deleted for good when the pod leaves that node; container restarts keep it. ' +
      "By default it sits on the node's disk and counts toward the pod's `ephemeral-storage` use, so a large cache can get the pod evicted when the node runs short of disk. " +
      "With `medium: Memory` it is a RAM-backed tmpfs whose contents count against the containers' memory limits. " +
      'Set `sizeLimit` to bound either kind, and use a PersistentVolumeClaim for anything that must outlive the pod.',
    link: { title: 'Volumes: emptyDir (Kubernetes)', url: 'https://kubernetes.io/docs/concepts/storage/volumes/#emptydir' },
    triggers: [{ on: 'key', text: 'emptyDir', path: ['volumes', '*', 'emptyDir'], docKinds: ['kubernetes'] }],
    examples: [
      {
        file: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: builder\nspec:\n  containers:\n    - name: build\n      image: example/builder:3\n      volumeMounts:\n        - {name: scratch, mountPath: /tmp/build}\n  volumes:\n    - name: scratch\n      emptyDir:\n        sizeLimit: 2Gi\n',
        hover: 'emptyDir',
      },
    ],
  },
  {
    id: 'generic-ephemeral-volume',
    title: 'Generic ephemeral volume — a per-pod claim deleted with the pod',
    plane: 'storage',
    text:
      'An `ephemeral` volume makes Kubernetes create a PersistentVolumeClaim from the embedded `volumeClaimTemplate` when the pod is created and delete it when the pod is deleted. ' +
      "It lives as long as an `emptyDir`, but a StorageClass provisions it, so the pod gets a dedicated volume of a set size instead of a share of the node's disk. " +
      'On EKS that is usually an EBS volume from the EBS CSI driver, which supports this volume type. ' +
      "The claim is named `<pod>-<volume>` and sits in the pod's namespace.",
    link: { title: 'Generic ephemeral volumes (Kubernetes)', url: 'https://kubernetes.io/docs/concepts/storage/ephemeral-volumes/#generic-ephemeral-volumes' },
    triggers: [{ on: 'key', text: 'ephemeral', path: ['volumes', '*', 'ephemeral'], docKinds: ['kubernetes'] }],
    examples: [
      {
        file: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: etl\nspec:\n  containers:\n    - name: etl\n      image: example/etl:5\n      volumeMounts:\n        - {name: work, mountPath: /work}\n  volumes:\n    - name: work\n      ephemeral:\n        volumeClaimTemplate:\n          spec:\n            accessModes: [ReadWriteOnce]\n            storageClassName: gp3\n            resources:\n              requests:\n                storage: 100Gi\n',
        hover: 'ephemeral',
      },
    ],
  },
  {
    id: 'volume-claim-templates',
    title: 'volumeClaimTemplates — one volume per StatefulSet replica',
    plane: 'storage',
    text:
      '`volumeClaimTemplates` gives every StatefulSet replica its own PersistentVolumeClaim, named `<template>-<statefulset>-<ordinal>`, which follows the replica when its pod is rescheduled. ' +
      'The claims are kept when you scale down or delete the StatefulSet unless `persistentVolumeClaimRetentionPolicy` says `Delete`. ' +
      'With EBS each replica keeps its volume in the zone where it was created, so the replica can only run there; spread replicas across zones from the start. ' +
      'The templates cannot be changed on an existing StatefulSet.',
    link: { title: 'StatefulSets: volume claim templates (Kubernetes)', url: 'https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#volume-claim-templates' },
    triggers: [{ on: 'key', text: 'volumeClaimTemplates', path: ['spec', 'volumeClaimTemplates'], rooted: true, objectKinds: ['StatefulSet'] }],
    examples: [
      {
        file: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  replicas: 3\n  selector:\n    matchLabels: {app: db}\n  template:\n    metadata:\n      labels: {app: db}\n    spec:\n      containers:\n        - name: postgres\n          image: postgres:17\n  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n        accessModes: [ReadWriteOnce]\n        storageClassName: gp3\n        resources:\n          requests:\n            storage: 100Gi\n',
        hover: 'volumeClaimTemplates',
      },
    ],
  },

  // ---- Network: the VPC ------------------------------------------------------------------
  {
    id: 'vpc',
    title: 'VPC — the network the cluster lives in',
    plane: 'network',
    text:
      'A VPC is your own isolated network in one AWS Region; an EKS cluster, its nodes and, with the VPC CNI, every pod take their addresses from its subnets. ' +
      'EKS needs the VPC to have DNS hostnames and DNS resolution turned on, or nodes cannot register. ' +
      'In eksctl, `vpc` describes the network: when `vpc.subnets` lists existing subnets eksctl uses them and their VPC, and otherwise it creates a new VPC (192.168.0.0/16 unless `vpc.cidr` says otherwise) with public and private subnets. ' +
      'A cluster cannot move to another VPC later, so size the address space for pods as well as nodes.',
    link: { title: 'VPCs (Amazon VPC)', url: 'https://docs.aws.amazon.com/vpc/latest/userguide/configure-your-vpc.html' },
    triggers: [{ on: 'key', text: 'vpc', path: ['vpc'], rooted: true, docKinds: ['eksctl'] }, cfnType('AWS::EC2::VPC')],
    examples: [
      { file: `${CLUSTER}vpc:\n  cidr: 10.10.0.0/16\n  nat:\n    gateway: HighlyAvailable\n`, hover: 'vpc' },
      {
        file: `${CFN}  VPC:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n      EnableDnsSupport: true\n      EnableDnsHostnames: true\n`,
        hover: 'AWS::EC2::VPC',
      },
    ],
  },
  {
    id: 'vpc-dns-attributes',
    title: 'VPC DNS attributes — required by EKS',
    plane: 'network',
    text:
      '`EnableDnsSupport` turns on the Amazon-provided DNS resolver in the VPC, and `EnableDnsHostnames` gives instances DNS host names. ' +
      'EKS needs both: without them nodes cannot register with the cluster, and a private API endpoint cannot be resolved from inside the VPC. ' +
      'In CloudFormation `EnableDnsSupport` defaults to true but `EnableDnsHostnames` defaults to false for a VPC you create, so set it explicitly.',
    link: { title: 'DNS attributes for your VPC (Amazon VPC)', url: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html' },
    triggers: [cfnProperty('EnableDnsSupport'), cfnProperty('EnableDnsHostnames')],
    examples: [
      {
        file: `${CFN}  VPC:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n      EnableDnsSupport: true\n      EnableDnsHostnames: true\n`,
        hover: 'EnableDnsHostnames',
      },
      {
        file: `${CFN}  VPC:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n      EnableDnsSupport: true\n`,
        hover: 'EnableDnsSupport',
      },
    ],
  },
  {
    id: 'cidr-block',
    title: 'CIDR block — an IP address range',
    plane: 'network',
    text:
      'A CIDR block writes an address range as a base address and a prefix length: `10.0.0.0/16` holds 65,536 addresses, and each extra prefix bit halves that. ' +
      "AWS accepts IPv4 VPC and subnet blocks from /16 to /28, each subnet's block must lie inside the VPC's blocks without overlapping another subnet, and AWS keeps five addresses of every subnet for itself. " +
      'The private ranges of RFC 1918 (10.0.0.0/8, 172.16.0.0/12 and 192.168.0.0/16) are the usual choice; hover an address itself to see what kind of range it is in. ' +
      'A block cannot be resized later, but you can associate secondary blocks with the VPC (`AWS::EC2::VPCCidrBlock` in CloudFormation; eksctl creates its VPC with one block).',
    link: { title: 'VPC CIDR blocks (Amazon VPC)', url: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html' },
    triggers: [
      { on: 'key', text: 'cidr', path: ['vpc', 'cidr'], rooted: true, docKinds: ['eksctl'] },
      { on: 'key', text: 'cidr', path: ['vpc', 'subnets', '*', '*', 'cidr'], rooted: true, docKinds: ['eksctl'] },
      cfnProperty('CidrBlock'),
      cfnType('AWS::EC2::VPCCidrBlock'),
    ],
    examples: [
      { file: `${CLUSTER}vpc:\n  cidr: 10.10.0.0/16\n`, hover: 'cidr' },
      {
        file: `${CLUSTER}vpc:\n  id: vpc-0abc1234\n  subnets:\n    private:\n      us-west-2a: {id: subnet-0aaa1111, cidr: 10.0.0.0/19}\n`,
        hover: 'cidr',
      },
      {
        file: `${CFN}  VPC:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n`,
        hover: 'CidrBlock',
      },
      {
        file: `${CFN}  PodRange:\n    Type: AWS::EC2::VPCCidrBlock\n    Properties:\n      VpcId: !Ref VPC\n      CidrBlock: 100.64.0.0/16\n`,
        hover: 'AWS::EC2::VPCCidrBlock',
      },
    ],
  },
  {
    id: 'eksctl-extra-cidrs',
    title: 'extraCIDRs — networks allowed to reach the API endpoint inside the VPC',
    plane: 'network',
    text:
      'Despite the name, `vpc.extraCIDRs` (and `vpc.extraIPv6CIDRs`) adds no address block to the VPC. ' +
      "For each range listed, eksctl adds an inbound rule for TCP 443 to the control plane's security group, so that networks outside the VPC, such as an office network over VPN or a peered VPC, can reach the cluster's private API endpoint. " +
      'Subnets cannot be placed in these ranges; to give the VPC more addresses, associate a secondary CIDR block with it outside eksctl.',
    link: { title: 'Cluster access (eksctl)', url: 'https://eksctl.io/usage/vpc-cluster-access/' },
    triggers: [
      { on: 'key', text: 'extraCIDRs', path: ['vpc', 'extraCIDRs'], rooted: true, docKinds: ['eksctl'] },
      { on: 'key', text: 'extraIPv6CIDRs', path: ['vpc', 'extraIPv6CIDRs'], rooted: true, docKinds: ['eksctl'] },
    ],
    examples: [
      { file: `${CLUSTER}vpc:\n  cidr: 10.10.0.0/16\n  extraCIDRs: [172.31.0.0/16]\n`, hover: 'extraCIDRs' },
      { file: `${CLUSTER}vpc:\n  extraIPv6CIDRs: ['2001:db8::/56']\n`, hover: 'extraIPv6CIDRs' },
    ],
  },
  {
    id: 'subnet',
    title: 'Subnet — a slice of the VPC in one Availability Zone',
    plane: 'network',
    text:
      "A subnet is a range of the VPC's addresses that lies in exactly one Availability Zone; nodes, pods (with the VPC CNI), load balancers and the cluster's own network interfaces all take addresses from subnets. " +
      'Its route table makes it public (a route to an internet gateway), private (no such route, usually a NAT gateway instead) or VPN-only (a route to a virtual private gateway). ' +
      'EKS needs at least two subnets in different zones for the control plane, each with at least six free addresses and preferably 16. ' +
      'Every pod takes an address, so size node subnets for pods, not just instances. ' +
      'In eksctl, `vpc.subnets` lists existing subnets to use, keyed by zone name or by any name that has an `az` or `id`.',
    link: { title: 'Subnets for your VPC (Amazon VPC)', url: 'https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html' },
    triggers: [{ on: 'key', text: 'subnets', path: ['vpc', 'subnets'], rooted: true, docKinds: ['eksctl'] }, ...nodeGroupKey('subnets'), cfnType('AWS::EC2::Subnet')],
    examples: [
      {
        file: `${CLUSTER}vpc:\n  id: vpc-0abc1234\n  subnets:\n    private:\n      us-west-2a: {id: subnet-0aaa1111}\n      us-west-2b: {id: subnet-0bbb2222}\n`,
        hover: 'subnets',
      },
      {
        file: `${CLUSTER}nodeGroups:\n  - name: workers\n    instanceType: m6i.large\n    subnets: [private-one, private-two]\n`,
        hover: 'subnets',
      },
      {
        file: `${CFN}  SubnetA:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref VPC\n      CidrBlock: 10.0.0.0/20\n`,
        hover: 'AWS::EC2::Subnet',
      },
    ],
  },
  {
    id: 'public-subnet',
    title: 'Public subnet — routed to an internet gateway',
    plane: 'network',
    text:
      "A public subnet's route table sends internet-bound traffic (`0.0.0.0/0`) to an internet gateway, so resources in it that have a public IP can reach the internet and be reached from it. " +
      'Nodes placed here need the subnet to hand out public IPv4 addresses (`MapPublicIpOnLaunch: true`), or they have no way out and fail to join the cluster. ' +
      'Tag public subnets `kubernetes.io/role/elb: 1` so that internet-facing load balancers for Services and Ingresses are placed in them. ' +
      'AWS recommends keeping nodes in private subnets and using public ones for load balancers and NAT gateways.',
    link: { title: 'Amazon EKS VPC and subnet requirements', url: 'https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html' },
    triggers: [
      { on: 'key', text: 'public', path: ['vpc', 'subnets', 'public'], rooted: true, docKinds: ['eksctl'] },
      cfnProperty('MapPublicIpOnLaunch'),
      { on: 'value', text: 'kubernetes.io/role/elb', path: ['Resources', '*', 'Properties', 'Tags', '*', 'Key'], rooted: true, docKinds: ['cloudformation'] },
    ],
    examples: [
      {
        file: `${CLUSTER}vpc:\n  id: vpc-0abc1234\n  subnets:\n    public:\n      us-west-2a: {id: subnet-0ccc3333}\n      us-west-2b: {id: subnet-0ddd4444}\n`,
        hover: 'public',
      },
      {
        file: `${CFN}  PublicSubnetA:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref VPC\n      CidrBlock: 10.0.0.0/24\n      MapPublicIpOnLaunch: true\n      Tags:\n        - Key: kubernetes.io/role/elb\n          Value: "1"\n`,
        hover: 'MapPublicIpOnLaunch',
      },
      {
        file: `${CFN}  PublicSubnetA:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref VPC\n      CidrBlock: 10.0.0.0/24\n      Tags:\n        - Key: kubernetes.io/role/elb\n          Value: "1"\n`,
        hover: 'kubernetes.io/role/elb',
      },
    ],
  },
  {
    id: 'private-subnet',
    title: 'Private subnet — no direct route to the internet',
    plane: 'network',
    text:
      'A private subnet has no route to an internet gateway, so nothing on the internet can reach resources in it directly. ' +
      'Outbound access, which nodes need to pull images and call AWS APIs, goes through a NAT gateway (a zonal one placed in a public subnet, or a regional one that needs no subnet) or is replaced by VPC endpoints. ' +
      'AWS recommends private subnets for EKS nodes; in eksctl, `privateNetworking: true` puts a node group in them. ' +
      'Tag private subnets `kubernetes.io/role/internal-elb: 1` so that internal load balancers are placed in them.',
    link: { title: 'Amazon EKS VPC and subnet requirements', url: 'https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html' },
    triggers: [
      { on: 'key', text: 'private', path: ['vpc', 'subnets', 'private'], rooted: true, docKinds: ['eksctl'] },
      { on: 'value', text: 'kubernetes.io/role/internal-elb', path: ['Resources', '*', 'Properties', 'Tags', '*', 'Key'], rooted: true, docKinds: ['cloudformation'] },
    ],
    examples: [
      {
        file: `${CLUSTER}vpc:\n  id: vpc-0abc1234\n  subnets:\n    private:\n      us-west-2a: {id: subnet-0aaa1111}\n      us-west-2b: {id: subnet-0bbb2222}\n`,
        hover: 'private',
      },
      {
        file: `${CFN}  PrivateSubnetA:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref VPC\n      CidrBlock: 10.0.16.0/20\n      Tags:\n        - Key: kubernetes.io/role/internal-elb\n          Value: "1"\n`,
        hover: 'kubernetes.io/role/internal-elb',
      },
    ],
  },
  {
    id: 'route-table',
    title: 'Route table — where a subnet sends its traffic',
    plane: 'network',
    text:
      'A route table holds the routes for the subnets associated with it: each route sends a destination CIDR to a target such as an internet gateway, a NAT gateway, a peering connection or a transit gateway. ' +
      "Every subnet uses exactly one route table, the VPC's main table unless you associate another one (`AWS::EC2::SubnetRouteTableAssociation`). " +
      "Each table has a `local` route for the VPC's own blocks, and the most specific matching route wins. " +
      'The default route `0.0.0.0/0` decides what a subnet is: pointing at an internet gateway makes it public, pointing at a NAT gateway keeps it private with outbound access.',
    link: { title: 'Route tables (Amazon VPC)', url: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html' },
    triggers: [cfnType('AWS::EC2::RouteTable'), cfnType('AWS::EC2::Route'), cfnType('AWS::EC2::SubnetRouteTableAssociation'), cfnProperty('DestinationCidrBlock')],
    examples: [
      {
        file: `${CFN}  PrivateRoutes:\n    Type: AWS::EC2::RouteTable\n    Properties:\n      VpcId: !Ref VPC\n`,
        hover: 'AWS::EC2::RouteTable',
      },
      {
        file: `${CFN}  DefaultRoute:\n    Type: AWS::EC2::Route\n    Properties:\n      RouteTableId: !Ref PrivateRoutes\n      DestinationCidrBlock: 0.0.0.0/0\n      NatGatewayId: !Ref Nat\n`,
        hover: 'AWS::EC2::Route',
      },
      {
        file: `${CFN}  DefaultRoute:\n    Type: AWS::EC2::Route\n    Properties:\n      RouteTableId: !Ref PrivateRoutes\n      DestinationCidrBlock: 0.0.0.0/0\n      NatGatewayId: !Ref Nat\n`,
        hover: 'DestinationCidrBlock',
      },
      {
        file: `${CFN}  PrivateAssoc:\n    Type: AWS::EC2::SubnetRouteTableAssociation\n    Properties:\n      SubnetId: !Ref PrivateSubnetA\n      RouteTableId: !Ref PrivateRoutes\n`,
        hover: 'AWS::EC2::SubnetRouteTableAssociation',
      },
    ],
  },
  {
    id: 'internet-gateway',
    title: "Internet gateway — the VPC's door to the internet",
    plane: 'network',
    text:
      'An internet gateway connects a VPC to the internet in both directions; it is free, redundant and scales by itself, and a VPC can have only one. ' +
      'Attaching it to the VPC (`AWS::EC2::VPCGatewayAttachment`) is only the first of four things internet access needs. ' +
      "The subnet's route table must also send traffic to it, the instance must have a public IPv4 address (or an IPv6 address), and security groups and network ACLs must allow the traffic. " +
      "For IPv4 the gateway translates between the instance's private address and its public one.",
    link: { title: 'Internet gateways (Amazon VPC)', url: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Internet_Gateway.html' },
    triggers: [cfnType('AWS::EC2::InternetGateway'), cfnType('AWS::EC2::VPCGatewayAttachment'), cfnProperty('InternetGatewayId')],
    examples: [
      { file: `${CFN}  Igw:\n    Type: AWS::EC2::InternetGateway\n`, hover: 'AWS::EC2::InternetGateway' },
      {
        file: `${CFN}  IgwAttachment:\n    Type: AWS::EC2::VPCGatewayAttachment\n    Properties:\n      VpcId: !Ref VPC\n      InternetGatewayId: !Ref Igw\n`,
        hover: 'AWS::EC2::VPCGatewayAttachment',
      },
      {
        file: `${CFN}  IgwAttachment:\n    Type: AWS::EC2::VPCGatewayAttachment\n    Properties:\n      VpcId: !Ref VPC\n      InternetGatewayId: !Ref Igw\n`,
        hover: 'InternetGatewayId',
      },
    ],
  },
  {
    id: 'nat-gateway',
    title: 'NAT gateway — outbound-only internet access for private subnets',
    plane: 'network',
    text:
      'A NAT gateway lets resources in private subnets open connections to the internet while nothing outside can open connections to them. ' +
      'Private route tables point `0.0.0.0/0` at it, and it sends traffic out from its Elastic IP addresses. ' +
      'A zonal NAT gateway, the default, sits in a public subnet of one Availability Zone: with only one, private subnets in other zones lose internet access when its zone fails, and pay cross-zone data charges meanwhile. ' +
      'A regional NAT gateway (`AvailabilityMode: regional` with a `VpcId`, since November 2025) belongs to the VPC rather than to a subnet, needs no public subnet and follows your workloads into every zone, so one is enough. ' +
      'In eksctl, `vpc.nat.gateway` is `Single` by default, `HighlyAvailable` puts one in each zone and `Disable` leaves private subnets with no route out; it only applies when eksctl creates the VPC. ' +
      'NAT gateways are billed by the hour and by the gigabyte processed.',
    link: { title: 'NAT gateways (Amazon VPC)', url: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html' },
    triggers: [
      { on: 'key', text: 'nat', path: ['vpc', 'nat'], rooted: true, docKinds: ['eksctl'] },
      { on: 'key', text: 'gateway', path: ['vpc', 'nat', 'gateway'], rooted: true, docKinds: ['eksctl'] },
      ...['Single', 'HighlyAvailable', 'Disable'].map((mode): Trigger => ({ on: 'value', text: mode, path: ['vpc', 'nat', 'gateway'], rooted: true, docKinds: ['eksctl'] })),
      cfnType('AWS::EC2::NatGateway'),
      cfnProperty('NatGatewayId'),
      cfnProperty('AvailabilityMode'),
    ],
    examples: [
      { file: `${CLUSTER}vpc:\n  nat:\n    gateway: HighlyAvailable\n`, hover: 'nat' },
      { file: `${CLUSTER}vpc:\n  nat:\n    gateway: HighlyAvailable\n`, hover: 'gateway' },
      { file: `${CLUSTER}vpc:\n  nat:\n    gateway: HighlyAvailable\n`, hover: 'HighlyAvailable' },
      {
        file: `${CFN}  Nat:\n    Type: AWS::EC2::NatGateway\n    Properties:\n      SubnetId: !Ref PublicSubnetA\n      AllocationId: !GetAtt NatEip.AllocationId\n`,
        hover: 'AWS::EC2::NatGateway',
      },
      {
        file: `${CFN}  Nat:\n    Type: AWS::EC2::NatGateway\n    Properties:\n      AvailabilityMode: regional\n      VpcId: !Ref VPC\n`,
        hover: 'AvailabilityMode',
      },
      {
        file: `${CFN}  DefaultRoute:\n    Type: AWS::EC2::Route\n    Properties:\n      RouteTableId: !Ref PrivateRoutes\n      DestinationCidrBlock: 0.0.0.0/0\n      NatGatewayId: !Ref Nat\n`,
        hover: 'NatGatewayId',
      },
    ],
  },
  {
    id: 'security-group',
    title: 'Security group — a stateful firewall on network interfaces',
    plane: 'network',
    text:
      'A security group is a stateful firewall attached to network interfaces: its rules only allow traffic, and replies to allowed connections are let through automatically. ' +
      "EKS creates a cluster security group (`eks-cluster-sg-<cluster>-<id>`) that lets the control plane and nodes talk freely, and attaches it to the control plane's network interfaces and to managed node groups. " +
      "In eksctl, a node group's `securityGroups.attachIDs` adds groups of your own, while `withShared` and `withLocal` control the groups eksctl attaches for node-to-node and per-group traffic. " +
      'With the VPC CNI, pods can also get security groups of their own through a `SecurityGroupPolicy`.',
    link: { title: 'Amazon EKS security group requirements', url: 'https://docs.aws.amazon.com/eks/latest/userguide/sec-group-reqs.html' },
    triggers: [cfnType('AWS::EC2::SecurityGroup'), ...nodeGroupKey('securityGroups'), { on: 'key', text: 'securityGroup', path: ['vpc', 'securityGroup'], rooted: true, docKinds: ['eksctl'] }],
    examples: [
      {
        file: `${CFN}  NodeSg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: nodes\n      VpcId: !Ref VPC\n`,
        hover: 'AWS::EC2::SecurityGroup',
      },
      {
        file: `${CLUSTER}managedNodeGroups:\n  - name: workers\n    instanceType: m6i.large\n    securityGroups:\n      attachIDs: [sg-0123456789abcdef0]\n`,
        hover: 'securityGroups',
      },
      { file: `${CLUSTER}vpc:\n  id: vpc-0abc1234\n  securityGroup: sg-0fedcba9876543210\n`, hover: 'securityGroup' },
    ],
  },
  {
    id: 'ingress-traffic',
    title: 'Ingress rules — traffic coming in',
    plane: 'network',
    text:
      'Ingress here means traffic arriving at the selected pods or resources; it is not the `kind: Ingress` object that routes HTTP into the cluster. ' +
      'In a NetworkPolicy, `ingress` rules list the sources (`from`) and ports allowed in, and once any policy selects a pod for ingress, every connection no policy allows is dropped. ' +
      'Policies only add permissions, so you narrow access by narrowing the allowed sources, never with a deny rule. ' +
      'In a security group, inbound rules only allow, nothing is allowed in by default, and replies to allowed connections pass because the group is stateful.',
    link: { title: 'Network Policies (Kubernetes)', url: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/' },
    triggers: [
      { on: 'key', text: 'ingress', path: ['spec', 'ingress'], rooted: true, objectKinds: ['NetworkPolicy'] },
      { on: 'value', text: 'Ingress', path: ['spec', 'policyTypes', '*'], rooted: true, objectKinds: ['NetworkPolicy'] },
      cfnProperty('SecurityGroupIngress'),
      cfnType('AWS::EC2::SecurityGroupIngress'),
    ],
    examples: [
      {
        file: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api-from-web\nspec:\n  podSelector:\n    matchLabels: {app: api}\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels: {app: web}\n      ports:\n        - {protocol: TCP, port: 8080}\n',
        hover: 'ingress',
      },
      {
        file: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n',
        hover: 'Ingress',
      },
      {
        file: `${CFN}  NodeSg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: nodes\n      VpcId: !Ref VPC\n      SecurityGroupIngress:\n        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/16}\n`,
        hover: 'SecurityGroupIngress',
      },
      {
        file: `${CFN}  NodeFromLb:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: !Ref NodeSg\n      IpProtocol: tcp\n      FromPort: 8080\n      ToPort: 8080\n      SourceSecurityGroupId: !Ref LbSg\n`,
        hover: 'AWS::EC2::SecurityGroupIngress',
      },
    ],
  },
  {
    id: 'egress-traffic',
    title: 'Egress rules — traffic going out',
    plane: 'network',
    text:
      'Egress means traffic leaving the selected pods or resources. ' +
      'In a NetworkPolicy, `egress` rules list the destinations (`to`) and ports allowed out; once a policy selects a pod for egress, all other outbound traffic is dropped, including DNS unless you allow port 53 to CoreDNS. ' +
      'In CloudFormation, a security group created without `SecurityGroupEgress` gets a rule allowing all outbound traffic, and listing any egress rule replaces it. ' +
      'Nodes behind such a group then need explicit rules for the API server, image registries and AWS APIs.',
    link: { title: 'Network Policies (Kubernetes)', url: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/' },
    triggers: [
      { on: 'key', text: 'egress', path: ['spec', 'egress'], rooted: true, objectKinds: ['NetworkPolicy'] },
      { on: 'value', text: 'Egress', path: ['spec', 'policyTypes', '*'], rooted: true, objectKinds: ['NetworkPolicy'] },
      cfnProperty('SecurityGroupEgress'),
      cfnType('AWS::EC2::SecurityGroupEgress'),
    ],
    examples: [
      {
        file: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api-out\nspec:\n  podSelector:\n    matchLabels: {app: api}\n  policyTypes: [Egress]\n  egress:\n    - to:\n        - namespaceSelector:\n            matchLabels: {kubernetes.io/metadata.name: kube-system}\n      ports:\n        - {protocol: UDP, port: 53}\n',
        hover: 'egress',
      },
      {
        file: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: api-out\nspec:\n  podSelector:\n    matchLabels: {app: api}\n  policyTypes: [Egress]\n',
        hover: 'Egress',
      },
      {
        file: `${CFN}  NodeSg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: nodes\n      VpcId: !Ref VPC\n      SecurityGroupEgress:\n        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}\n`,
        hover: 'SecurityGroupEgress',
      },
      {
        file: `${CFN}  NodeToDb:\n    Type: AWS::EC2::SecurityGroupEgress\n    Properties:\n      GroupId: !Ref NodeSg\n      IpProtocol: tcp\n      FromPort: 5432\n      ToPort: 5432\n      DestinationSecurityGroupId: !Ref DbSg\n`,
        hover: 'AWS::EC2::SecurityGroupEgress',
      },
    ],
  },

  // ---- Network: Kubernetes objects and pod networking ------------------------------------
  {
    id: 'vpc-cni',
    title: 'Amazon VPC CNI — pods with VPC IP addresses',
    plane: 'network',
    text:
      'The Amazon VPC CNI plugin is the default pod network on EKS: its `aws-node` DaemonSet attaches extra network interfaces to each node and gives every pod a real IP address from the VPC. ' +
      'Pods are therefore reachable directly from anywhere in the VPC, but they use up subnet addresses, and the number of pods a node can hold is capped by how many interfaces and addresses its instance type allows. ' +
      'Prefix delegation (assigning /28 prefixes instead of single addresses) raises that cap, and custom networking takes pod addresses from other subnets. ' +
      'From version 1.14 it can also enforce NetworkPolicy once that is turned on in its configuration. ' +
      'It needs IAM permissions (`AmazonEKS_CNI_Policy` for IPv4 clusters), and EKS Auto Mode replaces it with built-in pod networking.',
    link: { title: 'Amazon VPC CNI (Amazon EKS)', url: 'https://docs.aws.amazon.com/eks/latest/userguide/managing-vpc-cni.html' },
    triggers: [
      { on: 'value', text: 'vpc-cni', path: ['addons', '*', 'name'], rooted: true, docKinds: ['eksctl'] },
      { on: 'value', text: 'vpc-cni', path: ['Resources', '*', 'Properties', 'AddonName'], rooted: true, docKinds: ['cloudformation'] },
      { on: 'value', pattern: /\bamazon-k8s-cni(?:-init)?\b/, path: ['image'], docKinds: ['kubernetes'] },
      { on: 'value', text: 'aws-node', path: ['metadata', 'name'], rooted: true, objectKinds: ['DaemonSet'] },
    ],
    examples: [
      { file: `${CLUSTER}addons:\n  - name: vpc-cni\n    version: latest\n`, hover: 'vpc-cni' },
      {
        file: `${CFN}  VpcCni:\n    Type: AWS::EKS::Addon\n    Properties:\n      ClusterName: prod\n      AddonName: vpc-cni\n`,
        hover: 'vpc-cni',
      },
      {
        file: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: aws-node\n  namespace: kube-system\nspec:\n  selector:\n    matchLabels: {k8s-app: aws-node}\n  template:\n    metadata:\n      labels: {k8s-app: aws-node}\n    spec:\n      hostNetwork: true\n      containers:\n        - name: aws-node\n          image: 602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.20.1-eksbuild.3\n',
        hover: 'amazon-k8s-cni',
      },
      {
        file: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: aws-node\n  namespace: kube-system\nspec:\n  selector:\n    matchLabels: {k8s-app: aws-node}\n  template:\n    metadata:\n      labels: {k8s-app: aws-node}\n    spec:\n      containers:\n        - name: aws-node\n          image: example/cni:1\n',
        hover: 'aws-node',
      },
    ],
  },
  {
    id: 'service-cidr',
    title: 'Service CIDR — where Service cluster IPs come from',
    plane: 'network',
    text:
      'The service CIDR is the range Kubernetes takes Service cluster IPs from; those addresses exist only inside the cluster, where kube-proxy translates them, and are never assigned in the VPC. ' +
      'EKS picks 10.100.0.0/16 or 172.20.0.0/16 when you do not set one. ' +
      'A custom range must lie in an RFC 1918 block, be between /24 and /12, and not overlap the VPC; it should not overlap networks connected to the VPC either, or pods may not reach them. ' +
      'It is fixed when the cluster is created: eksctl sets it with `kubernetesNetworkConfig.serviceIPv4CIDR`, next to `ipFamily`, which chooses an IPv4 or IPv6 cluster just as permanently.',
    link: { title: 'KubernetesNetworkConfigRequest (Amazon EKS API)', url: 'https://docs.aws.amazon.com/eks/latest/APIReference/API_KubernetesNetworkConfigRequest.html' },
    triggers: [
      { on: 'key', text: 'kubernetesNetworkConfig', path: ['kubernetesNetworkConfig'], rooted: true, docKinds: ['eksctl'] },
      { on: 'key', text: 'serviceIPv4CIDR', path: ['kubernetesNetworkConfig', 'serviceIPv4CIDR'], rooted: true, docKinds: ['eksctl'] },
      cfnProperty('KubernetesNetworkConfig'),
      {
        on: 'key',
        text: 'ServiceIpv4Cidr',
        path: ['Resources', '*', 'Properties', 'KubernetesNetworkConfig', 'ServiceIpv4Cidr'],
        rooted: true,
        docKinds: ['cloudformation'],
      },
    ],
    examples: [
      { file: `${CLUSTER}kubernetesNetworkConfig:\n  serviceIPv4CIDR: 172.20.0.0/16\n`, hover: 'serviceIPv4CIDR' },
      { file: `${CLUSTER}kubernetesNetworkConfig:\n  ipFamily: IPv4\n`, hover: 'kubernetesNetworkConfig' },
      {
        file: `${CFN}  Cluster:\n    Type: AWS::EKS::Cluster\n    Properties:\n      RoleArn: !GetAtt ClusterRole.Arn\n      ResourcesVpcConfig:\n        SubnetIds: [!Ref SubnetA, !Ref SubnetB]\n      KubernetesNetworkConfig:\n        ServiceIpv4Cidr: 172.20.0.0/16\n`,
        hover: 'ServiceIpv4Cidr',
      },
      {
        file: `${CFN}  Cluster:\n    Type: AWS::EKS::Cluster\n    Properties:\n      RoleArn: !GetAtt ClusterRole.Arn\n      ResourcesVpcConfig:\n        SubnetIds: [!Ref SubnetA, !Ref SubnetB]\n      KubernetesNetworkConfig:\n        IpFamily: ipv4\n`,
        hover: 'KubernetesNetworkConfig',
      },
    ],
  },
  {
    id: 'service',
    title: 'Service — a stable address in front of pods',
    plane: 'network',
    text:
      'A Service gives the pods its `selector` matches one stable virtual IP and a DNS name (`<name>.<namespace>.svc.cluster.local`). ' +
      'On every node kube-proxy programs packet rules that send traffic for that IP to a ready pod, which is why a cluster IP only works inside the cluster. ' +
      '`type: NodePort` also opens a port on every node, and `type: LoadBalancer` asks for a cloud load balancer: on EKS the AWS Load Balancer Controller (or EKS Auto Mode) creates a Network Load Balancer, while the legacy built-in controller creates a Classic Load Balancer. ' +
      'A Service without a selector can point at endpoints you manage yourself.',
    link: { title: 'Service (Kubernetes)', url: 'https://kubernetes.io/docs/concepts/services-networking/service/' },
    triggers: [kind('Service'), { on: 'value', text: 'LoadBalancer', path: ['spec', 'type'], rooted: true, objectKinds: ['Service'] }],
    examples: [
      {
        file: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n  ports:\n    - {port: 80, targetPort: 8080}\n',
        hover: 'Service',
      },
      {
        file: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: LoadBalancer\n  selector: {app: web}\n  ports:\n    - {port: 443, targetPort: 8443}\n',
        hover: 'LoadBalancer',
      },
    ],
  },
  {
    id: 'cluster-ip',
    title: "clusterIP — a Service's virtual address",
    plane: 'network',
    text:
      "`clusterIP` is the Service's virtual address, taken from the cluster's service CIDR. " +
      'Leave it out and Kubernetes picks a free one; if you set it, it must lie inside the service range and be unused, and it cannot be changed in place afterwards. ' +
      "`None` makes a headless Service: no virtual IP, and DNS answers with the ready pods' own addresses, which is what a StatefulSet's `serviceName` needs. " +
      'On EKS the cluster DNS Service (`kube-dns`) normally sits at the `.10` address of the service range, so leave that one free.',
    link: { title: 'Service ClusterIP allocation (Kubernetes)', url: 'https://kubernetes.io/docs/concepts/services-networking/cluster-ip-allocation/' },
    triggers: [
      { on: 'key', text: 'clusterIP', path: ['spec', 'clusterIP'], rooted: true, objectKinds: ['Service'] },
      { on: 'key', text: 'clusterIPs', path: ['spec', 'clusterIPs'], rooted: true, objectKinds: ['Service'] },
      { on: 'value', text: 'None', path: ['spec', 'clusterIP'], rooted: true, objectKinds: ['Service'] },
    ],
    examples: [
      {
        file: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: dns-cache\nspec:\n  clusterIP: 172.20.0.53\n  selector: {app: dns-cache}\n  ports:\n    - {port: 53, protocol: UDP}\n',
        hover: 'clusterIP',
      },
      {
        file: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: None\n  selector: {app: db}\n  ports:\n    - {port: 5432}\n',
        hover: 'None',
      },
      {
        file: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ipFamilyPolicy: SingleStack\n  clusterIPs: [172.20.14.2]\n  selector: {app: web}\n  ports:\n    - {port: 80}\n',
        hover: 'clusterIPs',
      },
    ],
  },
  {
    id: 'network-policy',
    title: 'NetworkPolicy — a firewall for pods',
    plane: 'network',
    text:
      'A NetworkPolicy selects pods by label (`podSelector`) and lists which traffic may reach them (`ingress`) or leave them (`egress`); pods that no policy selects accept everything. ' +
      'Policies only allow, and they add up: a pod selected by several policies accepts what any of them allows. ' +
      'Nothing enforces them unless the network plugin does: on EKS that is the VPC CNI, version 1.14 or later, with network policy turned on in its configuration (`enableNetworkPolicy`). ' +
      'Without that, the API accepts policies and silently ignores them. ' +
      'The VPC CNI enforces them for pods on EC2 nodes; pods on Fargate are not covered.',
    link: { title: 'Kubernetes network policies (Amazon EKS)', url: 'https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy.html' },
    triggers: [kind('NetworkPolicy')],
    examples: [
      {
        file: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n',
        hover: 'NetworkPolicy',
      },
    ],
  },
  {
    id: 'ip-block',
    title: 'ipBlock — allowing traffic by address range',
    plane: 'network',
    text:
      '`ipBlock` lets a NetworkPolicy rule match an address range (`cidr`), minus any ranges listed in `except`, instead of pods or namespaces chosen by label. ' +
      'Kubernetes intends it for addresses outside the cluster, because pod IPs change as pods come and go. ' +
      'On EKS pods take their addresses from the VPC, so a block covering the VPC range also covers pods and nodes; use selectors for peers inside the cluster. ' +
      "Traffic that passes through a load balancer or NAT may arrive with a rewritten source address, so a block may not see the client's real IP.",
    link: { title: 'Network Policies (Kubernetes)', url: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/' },
    triggers: [
      { on: 'key', text: 'ipBlock', path: ['ipBlock'], objectKinds: ['NetworkPolicy'] },
      { on: 'key', text: 'cidr', path: ['ipBlock', 'cidr'], objectKinds: ['NetworkPolicy'] },
      { on: 'key', text: 'except', path: ['ipBlock', 'except'], objectKinds: ['NetworkPolicy'] },
    ],
    examples: [
      {
        file: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: to-partner\nspec:\n  podSelector:\n    matchLabels: {app: billing}\n  policyTypes: [Egress]\n  egress:\n    - to:\n        - ipBlock:\n            cidr: 203.0.113.0/24\n            except: [203.0.113.128/25]\n',
        hover: 'ipBlock',
      },
      {
        file: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: to-partner\nspec:\n  podSelector:\n    matchLabels: {app: billing}\n  policyTypes: [Egress]\n  egress:\n    - to:\n        - ipBlock:\n            cidr: 203.0.113.0/24\n            except: [203.0.113.128/25]\n',
        hover: 'except',
      },
      {
        file: 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: from-office\nspec:\n  podSelector:\n    matchLabels: {app: admin}\n  ingress:\n    - from:\n        - ipBlock:\n            cidr: 198.51.100.0/24\n',
        hover: 'cidr',
      },
    ],
  },
  {
    id: 'ingress-resource',
    title: 'Ingress — HTTP routing into the cluster',
    plane: 'network',
    text:
      'An Ingress routes HTTP and HTTPS requests to Services by host name and path, and does nothing until an ingress controller implements it. ' +
      'On EKS the AWS Load Balancer Controller (or EKS Auto Mode) builds an Application Load Balancer for it, in subnets tagged `kubernetes.io/role/elb` when internet-facing or `kubernetes.io/role/internal-elb` when internal. ' +
      '`spec.ingressClassName` picks the controller that handles it. ' +
      'The Ingress API is frozen: it stays supported, but new features go into the Gateway API, which the Kubernetes project now recommends.',
    link: { title: 'Ingress (Kubernetes)', url: 'https://kubernetes.io/docs/concepts/services-networking/ingress/' },
    triggers: [kind('Ingress')],
    examples: [
      {
        file: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  ingressClassName: alb\n  rules:\n    - host: shop.example.com\n      http:\n        paths:\n          - path: /\n            pathType: Prefix\n            backend:\n              service:\n                name: web\n                port: {number: 80}\n',
        hover: 'Ingress',
      },
    ],
  },
  {
    id: 'ingress-class',
    title: 'IngressClass — which controller serves an Ingress',
    plane: 'network',
    text:
      'An IngressClass names the controller that implements Ingresses of that class in `spec.controller`, plus optional controller-specific `parameters`. ' +
      'The AWS Load Balancer Controller answers to `ingress.k8s.aws/alb` and EKS Auto Mode to `eks.amazonaws.com/alb`, each with an `IngressClassParams` object for load balancer settings such as the scheme. ' +
      'An Ingress chooses its class with `spec.ingressClassName`, which replaced the old `kubernetes.io/ingress.class` annotation; the class annotated `ingressclass.kubernetes.io/is-default-class: "true"` applies when an Ingress names none.',
    link: { title: 'Ingress: Ingress class (Kubernetes)', url: 'https://kubernetes.io/docs/concepts/services-networking/ingress/#ingress-class' },
    triggers: [
      kind('IngressClass'),
      { on: 'key', text: 'ingressClassName', path: ['spec', 'ingressClassName'], rooted: true, objectKinds: ['Ingress'] },
      { on: 'key', text: 'kubernetes.io/ingress.class', path: ['metadata', 'annotations', 'kubernetes.io/ingress.class'], rooted: true, objectKinds: ['Ingress'] },
      ...['ingress.k8s.aws/alb', 'eks.amazonaws.com/alb'].map((controller): Trigger => ({ on: 'value', text: controller, path: ['spec', 'controller'], rooted: true, objectKinds: ['IngressClass'] })),
    ],
    examples: [
      {
        file: 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: alb\nspec:\n  controller: ingress.k8s.aws/alb\n',
        hover: 'IngressClass',
      },
      {
        file: 'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: alb\nspec:\n  controller: eks.amazonaws.com/alb\n',
        hover: 'eks.amazonaws.com/alb',
      },
      {
        file: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  ingressClassName: alb\n  defaultBackend:\n    service:\n      name: web\n      port: {number: 80}\n',
        hover: 'ingressClassName',
      },
      {
        file: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    kubernetes.io/ingress.class: alb\nspec:\n  defaultBackend:\n    service:\n      name: web\n      port: {number: 80}\n',
        hover: 'kubernetes.io/ingress.class',
      },
    ],
  },
  {
    id: 'host-network',
    title: "hostNetwork — the pod uses its node's network",
    plane: 'network',
    text:
      "`hostNetwork: true` runs the pod in its node's network namespace: it uses the node's IP address and its ports are the node's ports, so two such pods cannot listen on the same port on one node. " +
      'The VPC CNI gives it no address of its own; node agents such as `aws-node` and `kube-proxy` run this way. ' +
      'Such a pod can reach whatever the node can, and how NetworkPolicy treats it depends on the network plugin, so keep it for system components. ' +
      'It usually needs `dnsPolicy: ClusterFirstWithHostNet` to resolve Service names.',
    link: { title: 'Pod spec reference (Kubernetes)', url: 'https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/' },
    triggers: [{ on: 'key', text: 'hostNetwork', path: ['spec', 'hostNetwork'], docKinds: ['kubernetes'] }],
    examples: [
      {
        file: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: node-exporter\nspec:\n  selector:\n    matchLabels: {app: node-exporter}\n  template:\n    metadata:\n      labels: {app: node-exporter}\n    spec:\n      hostNetwork: true\n      dnsPolicy: ClusterFirstWithHostNet\n      containers:\n        - name: exporter\n          image: quay.io/prometheus/node-exporter:v1.8.2\n',
        hover: 'hostNetwork',
      },
    ],
  },
  {
    id: 'private-networking',
    title: 'privateNetworking — node groups in private subnets only',
    plane: 'network',
    text:
      "`privateNetworking: true` places a node group's instances in the cluster's private subnets only, without public IP addresses. " +
      "Their outbound traffic then leaves through the NAT gateway's Elastic IP, or through VPC endpoints in a fully private cluster; with neither, the nodes cannot pull images or join the cluster. " +
      'Every node group of a fully private cluster (`privateCluster.enabled`) must set it, and so must node groups when `vpc.subnets` lists only private subnets.',
    link: { title: 'Subnet settings (eksctl)', url: 'https://docs.aws.amazon.com/eks/latest/eksctl/vpc-subnet-settings.html' },
    triggers: nodeGroupKey('privateNetworking'),
    examples: [
      {
        file: `${CLUSTER}managedNodeGroups:\n  - name: workers\n    instanceType: m6i.large\n    privateNetworking: true\n`,
        hover: 'privateNetworking',
      },
      {
        file: `${CLUSTER}nodeGroups:\n  - name: batch\n    instanceType: c6i.xlarge\n    privateNetworking: true\n`,
        hover: 'privateNetworking',
      },
    ],
  },
];
