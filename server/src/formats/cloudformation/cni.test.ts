import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildFileModel, factsOf, networkOf } from '..';
import { offsetsOf } from '../../model/offsets';
import type { PodNetworking, Setting } from '../../network/cni';

function read(text: string, uri = 'file:///stack.yaml'): { pods: readonly PodNetworking[]; at: (s: Setting<unknown>) => string | undefined } {
  const doc = buildFileModel({ uri, text }).documents[0];
  assert.equal(doc.kind, 'cloudformation');
  const at = (s: Setting<unknown>) => {
    if (s.state === 'absent') return undefined;
    const { start, end } = offsetsOf(s.at, doc);
    return text.slice(start, end);
  };
  return { pods: networkOf(doc).podNetworking ?? [], at };
}

/** `NAME=value` for each setting that is not absent, `NAME?` for unknown ones. */
function written(pods: PodNetworking): string[] {
  return Object.entries(pods.cni).flatMap(([name, s]) => (s.state === 'known' ? [`${name}=${String(s.value)}`] : s.state === 'unknown' ? [`${name}?`] : []));
}

const CLUSTER = `  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      Name: prod
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a1b2c3d4e5f60718, subnet-0a1b2c3d4e5f60719]
`;

describe('CloudFormation: how pods get addresses', () => {
  it('reads a vpc-cni AWS::EKS::Addon ConfigurationValues and attaches it to the cluster it refers to', () => {
    const { pods, at } = read(`AWSTemplateFormatVersion: "2010-09-09"
Resources:
${CLUSTER}  VpcCni:
    Type: AWS::EKS::Addon
    Properties:
      AddonName: vpc-cni
      ClusterName: !Ref Cluster
      ResolveConflicts: OVERWRITE
      ConfigurationValues: '{"env":{"ENABLE_PREFIX_DELEGATION":"true","WARM_PREFIX_TARGET":"1"}}'
`);
    assert.equal(pods.length, 1);
    assert.equal(pods[0].cluster, 'Cluster');
    assert.equal(pods[0].addonDeclared, true);
    assert.deepEqual(written(pods[0]), ['ENABLE_PREFIX_DELEGATION=true', 'WARM_PREFIX_TARGET=1']);
    assert.equal(at(pods[0].cni.ENABLE_PREFIX_DELEGATION), `'{"env":{"ENABLE_PREFIX_DELEGATION":"true","WARM_PREFIX_TARGET":"1"}}'`);
    assert.deepEqual(pods[0].autoMode, { state: 'absent', value: false });
  });

  it('reads JSON templates, Auto Mode (ComputeConfig.Enabled) and the IP family, matching an add-on by the literal cluster name', () => {
    const template = {
      Resources: {
        Cluster: {
          Type: 'AWS::EKS::Cluster',
          Properties: { Name: 'prod', RoleArn: 'arn:aws:iam::111122223333:role/eks', ComputeConfig: { Enabled: true }, KubernetesNetworkConfig: { IpFamily: 'ipv6' } },
        },
        Cni: { Type: 'AWS::EKS::Addon', Properties: { AddonName: 'vpc-cni', ClusterName: 'prod', ConfigurationValues: 'env:\n  ENABLE_POD_ENI: "true"\n' } },
      },
    };
    const { pods, at } = read(JSON.stringify(template, null, 2), 'file:///stack.json');
    assert.equal(pods.length, 1);
    assert.deepEqual(written(pods[0]), ['ENABLE_POD_ENI=true']);
    assert.equal(pods[0].autoMode.state === 'known' && pods[0].autoMode.value, true);
    assert.equal(at(pods[0].autoMode), 'true');
    assert.equal(pods[0].ipFamily, 'IPv6');
  });

  it('takes ConfigurationValues through a parameter Default, and is unknown when the template alone does not decide it', () => {
    const withDefault = read(`Parameters:
  Cni:
    Type: String
    Default: '{"env":{"WARM_IP_TARGET":"5","MINIMUM_IP_TARGET":"30"}}'
  NoDefault:
    Type: String
Resources:
${CLUSTER}  A:
    Type: AWS::EKS::Addon
    Properties:
      AddonName: vpc-cni
      ClusterName: !Ref Cluster
      ConfigurationValues: !Ref Cni
`).pods;
    assert.deepEqual(written(withDefault[0]), ['WARM_IP_TARGET=5', 'MINIMUM_IP_TARGET=30']);
    for (const value of ['!Ref NoDefault', '!Sub \'{"env":{"WARM_IP_TARGET":"${AWS::Region}"}}\'', '!GetAtt Other.Config']) {
      const pods = read(
        `Parameters:\n  NoDefault:\n    Type: String\nResources:\n${CLUSTER}  A:\n    Type: AWS::EKS::Addon\n    Properties:\n      AddonName: vpc-cni\n      ClusterName: !Ref Cluster\n      ConfigurationValues: ${value}\n`,
      ).pods;
      assert.equal(pods[0].cni.WARM_IP_TARGET.state, 'unknown', value);
      assert.equal(pods[0].cni.ENABLE_PREFIX_DELEGATION.state, 'unknown', value);
    }
    // A substitution the evaluator resolves is read.
    const sub = read(
      `Parameters:\n  Warm:\n    Type: String\n    Default: "3"\nResources:\n${CLUSTER}  A:\n    Type: AWS::EKS::Addon\n    Properties:\n      AddonName: vpc-cni\n      ClusterName: !Ref Cluster\n      ConfigurationValues: !Sub '{"env":{"WARM_IP_TARGET":"\${Warm}"}}'\n`,
    ).pods;
    assert.deepEqual(written(sub[0]), ['WARM_IP_TARGET=3']);
  });

  it('reads an object under Fn::ToJsonString (AWS::LanguageExtensions) key by key, each at its own value', () => {
    const { pods, at } = read(`Transform: AWS::LanguageExtensions
Parameters:
  Warm:
    Type: String
    Default: "2"
  Free:
    Type: String
Resources:
${CLUSTER}  Cni:
    Type: AWS::EKS::Addon
    Properties:
      AddonName: vpc-cni
      ClusterName: !Ref Cluster
      ConfigurationValues:
        Fn::ToJsonString:
          env:
            ENABLE_PREFIX_DELEGATION: "true"
            WARM_PREFIX_TARGET: !Ref Warm
            WARM_IP_TARGET: !Ref Free
            ENABLE_POD_ENI: true
`);
    assert.deepEqual(written(pods[0]), ['ENABLE_PREFIX_DELEGATION=true', 'ENABLE_POD_ENI=true', 'WARM_IP_TARGET?', 'WARM_PREFIX_TARGET=2']);
    assert.equal(at(pods[0].cni.ENABLE_PREFIX_DELEGATION), '"true"');
    assert.equal(at(pods[0].cni.WARM_PREFIX_TARGET), 'Warm');
    const pod = pods[0].cni.ENABLE_POD_ENI;
    assert.match(pod.state === 'known' ? (pod.refused ?? '') : '', /not a string/);
    const json = read(
      JSON.stringify({ Resources: { C: { Type: 'AWS::EKS::Addon', Properties: { AddonName: 'vpc-cni', ClusterName: 'x', ConfigurationValues: { 'Fn::ToJsonString': { env: { MAX_ENI: '2' } } } } } } }),
      'file:///s.json',
    );
    assert.deepEqual(written(json.pods[0]), ['MAX_ENI=2']);
  });

  it('a cluster without a vpc-cni add-on gets the defaults; other add-ons are not the CNI', () => {
    const { pods } = read(
      `Resources:\n${CLUSTER}  Dns:\n    Type: AWS::EKS::Addon\n    Properties:\n      AddonName: coredns\n      ClusterName: !Ref Cluster\n      ConfigurationValues: '{"replicaCount": 3}'\n`,
    );
    assert.equal(pods.length, 1);
    assert.equal(pods[0].addonDeclared, false);
    assert.deepEqual(written(pods[0]), []);
  });

  it('a cluster that bootstraps no self-managed add-ons and declares no vpc-cni add-on gets its CNI elsewhere: unknown', () => {
    const cluster = CLUSTER.replace('      Name: prod\n', '      Name: prod\n      BootstrapSelfManagedAddons: false\n');
    assert.equal(read(`Resources:\n${cluster}`).pods[0].cni.WARM_PREFIX_TARGET.state, 'unknown');
    const withAddon = read(`Resources:\n${cluster}  Cni:\n    Type: AWS::EKS::Addon\n    Properties:\n      AddonName: vpc-cni\n      ClusterName: !Ref Cluster\n`).pods[0];
    assert.deepEqual(withAddon.cni.WARM_PREFIX_TARGET, { state: 'absent', value: 1 });
    const on = CLUSTER.replace('      Name: prod\n', '      Name: prod\n      BootstrapSelfManagedAddons: "true"\n');
    assert.equal(read(`Resources:\n${on}`).pods[0].cni.WARM_PREFIX_TARGET.state, 'absent');
  });

  it('an add-on for a cluster the template does not declare stands alone, with Auto Mode unknown', () => {
    const { pods } = read(
      `Parameters:\n  ClusterName:\n    Type: String\nResources:\n  Cni:\n    Type: AWS::EKS::Addon\n    Properties:\n      AddonName: vpc-cni\n      ClusterName: !Ref ClusterName\n      ConfigurationValues: '{"env":{"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG":"true"}}'\n`,
    );
    assert.equal(pods.length, 1);
    assert.equal(pods[0].cluster, 'ClusterName');
    assert.deepEqual(written(pods[0]), ['AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true']);
    assert.equal(pods[0].autoMode.state, 'unknown');
  });

  it('a template with no EKS cluster or add-on has none, and its facts do not change', () => {
    const text = 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n';
    assert.equal(read(text).pods.length, 0);
    assert.equal(factsOf(buildFileModel({ uri: 'file:///v.yaml', text })).cniSettings, undefined);
  });

  it('gives each cluster to the workspace as a fact', () => {
    const facts = factsOf(buildFileModel({ uri: 'file:///s.yaml', text: `Resources:\n${CLUSTER}` }));
    assert.deepEqual(
      facts.cniSettings?.map((f) => [f.source, f.cluster, f.declared, f.cni.WARM_PREFIX_TARGET]),
      [['cloudformation', 'Cluster', false, { state: 'absent', value: 1 }]],
    );
  });
});
