import { fixTester } from '../../../test/support/fixTester';
import { yaml } from '../../../test/support/ruleTester';
import rule from './cidr-host-bits';

fixTester(rule, [
  {
    name: 'eksctl vpc.cidr: the network address, comment kept',
    text: yaml(
      'apiVersion: eksctl.io/v1alpha5',
      'kind: ClusterConfig',
      'metadata: {name: c, region: us-east-1}',
      'vpc:',
      '  cidr: 10.1.2.0/16   # main range',
      '  clusterEndpoints: {publicAccess: false, privateAccess: true}',
    ),
    title: /^Replace with 10\.1\.0\.0\/16$/,
    output: yaml(
      'apiVersion: eksctl.io/v1alpha5',
      'kind: ClusterConfig',
      'metadata: {name: c, region: us-east-1}',
      'vpc:',
      '  cidr: 10.1.0.0/16   # main range',
      '  clusterEndpoints: {publicAccess: false, privateAccess: true}',
    ),
  },
  {
    name: 'a double-quoted value in a JSON template keeps its quotes',
    uri: 't.json',
    text: '{"Resources": {"V": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.1/16"}}}}\n',
    title: /^Replace with 10\.0\.0\.0\/16$/,
    output: '{"Resources": {"V": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/16"}}}}\n',
  },
  {
    name: "a NetworkPolicy except entry in flow style, in a stream's second document",
    text:
      yaml('apiVersion: v1', 'kind: Namespace', 'metadata: {name: a}') +
      '---\n' +
      yaml('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: np}', "spec: {podSelector: {}, ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8, except: ['10.1.1.1/16']}}]}]}"),
    title: /^Replace with 10\.1\.0\.0\/16$/,
    output:
      yaml('apiVersion: v1', 'kind: Namespace', 'metadata: {name: a}') +
      '---\n' +
      yaml('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: np}', "spec: {podSelector: {}, ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8, except: ['10.1.0.0/16']}}]}]}"),
  },
]);
