// Completion over the protocol: each listed position offers its closed set or computed values.
// A `|` in a fixture marks the cursor; it is removed before the document is opened.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestClient } from './support/lspClient';

const HEAD = 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: demo\n  region: us-west-2\n';

describe('completion over the protocol', () => {
  let client: TestClient;
  let n = 0;
  before(async () => {
    client = new TestClient();
    const result = await client.initialize();
    assert.ok(result.capabilities.completionProvider);
  });
  after(() => client.stop());

  /** Opens `text` (with `|` as the cursor) and returns the completion items' labels, and the items. */
  async function complete(text: string) {
    const at = text.indexOf('|');
    const clean = text.slice(0, at) + text.slice(at + 1);
    const before = clean.slice(0, at).split('\n');
    const uri = `untitled:completion-${n++}.yaml`;
    await client.open(uri, clean);
    const items = await client.completion(uri, { line: before.length - 1, character: before[before.length - 1].length });
    return { labels: items.map((i) => i.label), items };
  }

  it('eksctl vpc.nat.gateway: the three modes', async () => {
    assert.deepEqual((await complete(HEAD + 'vpc:\n  nat:\n    gateway: |\n')).labels, ['HighlyAvailable', 'Single', 'Disable']);
    assert.deepEqual((await complete(HEAD + 'vpc:\n  nat:\n    gateway: Si|\n')).labels, ['Single']);
  });

  it('ipFamily and the endpoint booleans', async () => {
    assert.deepEqual((await complete(HEAD + 'kubernetesNetworkConfig:\n  ipFamily: |\n')).labels, ['IPv4', 'IPv6']);
    assert.deepEqual((await complete(HEAD + 'vpc:\n  clusterEndpoints:\n    publicAccess: |\n')).labels, ['true', 'false']);
  });

  it("zones of the config's region in availabilityZones, subnet keys and az values", async () => {
    assert.deepEqual((await complete(HEAD + 'availabilityZones:\n  - |\n')).labels, ['us-west-2a', 'us-west-2b', 'us-west-2c', 'us-west-2d']);
    const keys = await complete(HEAD + 'vpc:\n  id: vpc-1\n  subnets:\n    private:\n      |\n');
    assert.deepEqual(keys.labels, ['us-west-2a', 'us-west-2b', 'us-west-2c', 'us-west-2d']);
    assert.equal(keys.items[0].textEdit.newText, 'us-west-2a: { cidr: $1 }');
    assert.equal(keys.items[0].insertTextFormat, 2);
    assert.deepEqual((await complete(HEAD + 'vpc:\n  id: vpc-1\n  subnets:\n    private:\n      one:\n        az: us-west-2|\n')).labels.length, 4);
  });

  it('no zones for a region that is a placeholder; zones for GovCloud', async () => {
    for (const region of ['PLACEHOLDER_AWS_REGION', '${AWS_REGION}', '$AWS_REGION', '<region>', '"{{ .Region }}"', 'REGION', 'us-east-X']) {
      const head = `apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: demo\n  region: ${region}\n`;
      assert.deepEqual((await complete(head + 'availabilityZones:\n  - |\n')).labels, [], region);
      assert.deepEqual((await complete(head + 'vpc:\n  id: vpc-1\n  subnets:\n    private:\n      |\n')).labels, [], region);
    }
    const gov = 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: demo\n  region: us-gov-west-1\n';
    assert.deepEqual((await complete(gov + 'availabilityZones:\n  - |\n')).labels, ['us-gov-west-1a', 'us-gov-west-1b', 'us-gov-west-1c', 'us-gov-west-1d']);
  });

  it('Kubernetes versions for metadata.version', async () => {
    const { labels } = await complete('apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: demo\n  version: |\n');
    assert.equal(labels.length, 8);
    assert.match(labels[0], /^1\.\d+$/);
  });

  it('a subnet cidr: the next free aligned blocks of common sizes, for a VPC with two subnets', async () => {
    const text =
      HEAD +
      'vpc:\n  id: vpc-1\n  cidr: 10.0.0.0/16\n  subnets:\n    private:\n      us-west-2a: { id: subnet-a, cidr: 10.0.0.0/19 }\n      us-west-2b: { id: subnet-b, cidr: 10.0.32.0/19 }\n      us-west-2c:\n        cidr: |\n';
    const { labels, items } = await complete(text);
    assert.deepEqual(labels, ['10.0.64.0/18', '10.0.64.0/19', '10.0.64.0/20', '10.0.64.0/21', '10.0.64.0/22', '10.0.64.0/24', '10.0.64.0/26']);
    assert.equal(items[1].detail, 'first free /19: 8,187 usable');
  });

  it('a CloudFormation subnet CidrBlock: free blocks of its VPC', async () => {
    const text =
      'Resources:\n  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.1.0.0/20}}\n  A: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.1.0.0/22}}\n  B:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      CidrBlock: |\n';
    const { labels } = await complete(text);
    assert.deepEqual(labels, ['10.1.8.0/21', '10.1.4.0/22', '10.1.4.0/24', '10.1.4.0/26']);
  });

  it("serviceIPv4CIDR: EKS's ranges that do not collide with the VPC", async () => {
    assert.deepEqual((await complete(HEAD + 'vpc:\n  cidr: 10.0.0.0/16\nkubernetesNetworkConfig:\n  serviceIPv4CIDR: |\n')).labels, ['172.20.0.0/16', '10.100.0.0/16']);
    assert.deepEqual((await complete(HEAD + 'vpc:\n  cidr: 172.20.0.0/16\nkubernetesNetworkConfig:\n  serviceIPv4CIDR: |\n')).labels, ['10.100.0.0/16']);
  });

  it('a planned vpc.subnets block where the VPC has none', async () => {
    const { labels, items } = await complete(HEAD + 'availabilityZones: [us-west-2a, us-west-2b, us-west-2c]\nvpc:\n  cidr: 10.0.0.0/16\n  |\n');
    assert.deepEqual(labels, ['subnets']);
    assert.match(items[0].textEdit.newText, /^subnets:\n {4}public:\n {6}us-west-2a: \{ cidr: 10\.0\.\d+\.0\/\d+ \}/);
  });

  it('Kubernetes apiVersion: the versions the kind is served under at the target version', async () => {
    assert.deepEqual((await complete('apiVersion: |\nkind: Ingress\nmetadata: {name: web}\n')).labels, ['networking.k8s.io/v1']);
    assert.deepEqual((await complete('apiVersion: |\nkind: PodDisruptionBudget\nmetadata: {name: web}\n')).labels, ['policy/v1']);
    assert.deepEqual((await complete('apiVersion: |\nkind: CronJob\nmetadata: {name: j}\n')).labels, ['batch/v1']);
  });

  it('PodDisruptionBudget fields and the eviction policy values', async () => {
    assert.deepEqual((await complete('apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  |\n')).labels, [
      'maxUnavailable',
      'minAvailable',
      'selector',
      'unhealthyPodEvictionPolicy',
    ]);
    assert.deepEqual((await complete('apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec:\n  unhealthyPodEvictionPolicy: |\n')).labels, ['IfHealthyBudget', 'AlwaysAllow']);
  });

  it('nothing on unrelated keys and in comments', async () => {
    assert.deepEqual((await complete(HEAD + 'vpc:\n  nat:\n    # gateway: |\n')).labels, []);
    assert.deepEqual((await complete('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  gateway: |\n')).labels, []);
  });
});
