import { ruleTester, yaml } from '../../../test/support/ruleTester';
import rule from './eks-public-endpoint-open';
import { eksctl } from '../../../test/support/fixtures';

ruleTester(rule, {
  valid: [
    { name: 'public access limited to two ranges', text: eksctl('vpc:', '  publicAccessCIDRs: ["203.0.113.0/24", "198.51.100.7/32"]') },
    {
      name: 'limited ranges with private access on, block style',
      text: eksctl('vpc:', '  clusterEndpoints:', '    publicAccess: true', '    privateAccess: true', '  publicAccessCIDRs:', '    - 203.0.113.0/24'),
    },
    { name: 'a fully private cluster has no public endpoint', text: eksctl('privateCluster:', '  enabled: true') },
    { name: 'a fully private cluster, even with 0.0.0.0/0 left in the file', text: eksctl('privateCluster: {enabled: true}', 'vpc: {publicAccessCIDRs: [0.0.0.0/0]}') },
    { name: 'public access turned off', text: eksctl('vpc:', '  clusterEndpoints: {publicAccess: false, privateAccess: true}') },
    {
      name: 'an AWS Outposts local cluster: eksctl makes its endpoint private-only',
      text: eksctl('outpost:', '  controlPlaneOutpostARN: "arn:aws:outposts:us-west-2:111122223333:outpost/op-0123456789abcdef0"', '  controlPlaneInstanceType: m5d.large'),
    },
    { name: 'a Helm value in the CIDR list is unknown, not empty', text: eksctl('vpc:', '  publicAccessCIDRs: ["{{ .Values.adminCidr }}"]') },
    {
      name: 'limited ranges reached through an alias',
      text: yaml('apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata:', '  name: demo', '  region: us-west-2', '  annotations: {office: &office 203.0.113.0/24}', 'vpc:', '  publicAccessCIDRs: [*office]'),
    },
    {
      name: 'multi-document: a Kubernetes Service open to 0.0.0.0/0 is not the API endpoint',
      text: eksctl('vpc: {publicAccessCIDRs: [203.0.113.0/24]}') + yaml('---', 'apiVersion: v1', 'kind: Service', 'metadata: {name: web}', 'spec:', '  type: LoadBalancer', '  loadBalancerSourceRanges: [0.0.0.0/0]'),
    },
  ],
  invalid: [
    {
      name: 'nothing written: the endpoint is public and open to every address, reported at metadata.name',
      text: eksctl('vpc:', '  cidr: 10.0.0.0/16'),
      errors: [{ line: 3, severity: 'information', message: /^The API endpoint is public and vpc\.publicAccessCIDRs is not set, so it admits 0\.0\.0\.0\/0\. Anyone can reach the Kubernetes API \(credentials are still required\)\./ }],
    },
    {
      name: 'publicAccess: true written with no CIDRs is reported at publicAccess',
      text: eksctl('vpc:', '  clusterEndpoints:', '    publicAccess: true', '    privateAccess: true'),
      errors: [{ line: 6, severity: 'information', message: /is not set, so it admits 0\.0\.0\.0\/0/ }],
    },
    {
      name: 'an explicit 0.0.0.0/0 among other ranges is reported at that entry',
      text: eksctl('vpc:', '  publicAccessCIDRs:', '    - 203.0.113.0/24', '    - 0.0.0.0/0'),
      errors: [{ line: 7, severity: 'information', message: /^The API endpoint is public and vpc\.publicAccessCIDRs includes 0\.0\.0\.0\/0\./ }],
    },
    {
      name: 'an empty list means every address',
      text: eksctl('vpc:', '  publicAccessCIDRs: []'),
      errors: [{ line: 5, message: /^The API endpoint is public and vpc\.publicAccessCIDRs is empty, which means 0\.0\.0\.0\/0\./ }],
    },
    {
      name: 'privateCluster.enabled: false keeps the public endpoint',
      text: eksctl('privateCluster: {enabled: false}', 'vpc: {publicAccessCIDRs: ["0.0.0.0/0"]}'),
      errors: [{ line: 5, message: /includes 0\.0\.0\.0\/0/ }],
    },
    {
      name: '0.0.0.0/0 reached through an alias is reported at its anchor',
      text: yaml('apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata:', '  name: demo', '  region: us-west-2', '  annotations: {anywhere: &anywhere 0.0.0.0/0}', 'vpc:', '  publicAccessCIDRs: [*anywhere]'),
      errors: [{ line: 6, message: /includes 0\.0\.0\.0\/0/ }],
    },
    {
      name: 'multi-document: only the open ClusterConfig is reported',
      text: eksctl('vpc: {publicAccessCIDRs: [203.0.113.0/24]}') + yaml('---', 'apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata: {name: other, region: eu-west-1}', 'vpc: {publicAccessCIDRs: [0.0.0.0/0]}'),
      errors: [{ line: 9, message: /includes 0\.0\.0\.0\/0/ }],
    },
    {
      name: 'a user severity override wins',
      text: eksctl('vpc: {publicAccessCIDRs: [0.0.0.0/0]}'),
      config: { rules: { 'eks-public-endpoint-open': 'warning' } },
      errors: [{ line: 4, severity: 'warning' }],
    },
  ],
});
