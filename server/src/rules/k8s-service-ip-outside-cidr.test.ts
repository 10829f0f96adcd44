import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { relatedLines, ruleTester, runRule, yaml } from '../../../test/support/ruleTester';
import { eksctl } from '../../../test/support/fixtures';
import rule from './k8s-service-ip-outside-cidr';

/** A Service whose spec lines start at line 5. */
const service = (...spec: string[]) => yaml('apiVersion: v1', 'kind: Service', 'metadata: {name: dns}', 'spec:', ...spec.map((l) => `  ${l}`), '  ports: [{port: 53}]');
/** A ClusterConfig that writes no service range, with the given VPC lines. */
const unwritten = (name: string, ...vpc: string[]) => eksctl(...vpc).replace('name: demo', `name: ${name}`);
const cluster = (cidr: string, name = 'demo') => eksctl('kubernetesNetworkConfig:', `  serviceIPv4CIDR: ${cidr}`).replace('name: demo', `name: ${name}`);

ruleTester(rule, {
  valid: [
    { name: 'inside the range from settings', text: service('clusterIP: 172.20.0.10'), config: { serviceCidr: '172.20.0.0/16' } },
    { name: 'no service range known: no finding', text: service('clusterIP: 10.96.0.10') },
    { name: 'headless and automatic values', text: service('clusterIP: None') + '---\n' + service('clusterIP: ""'), config: { serviceCidr: '172.20.0.0/16' } },
    { name: 'an IPv6 address when only an IPv4 range is known (dual stack)', text: service('clusterIPs: [172.20.0.10, "fd00::a"]'), config: { serviceCidr: '172.20.0.0/16' } },
    {
      name: 'inside an eksctl range in another file (flow style)',
      text: yaml('apiVersion: v1', 'kind: Service', 'metadata: {name: dns}', 'spec: {clusterIP: 10.100.0.10}'),
      workspace: [{ uri: 'cluster.yaml', text: cluster('10.100.0.0/16') }],
    },
    {
      name: 'inside one of two clusters known in the workspace',
      text: service('clusterIP: 10.100.0.10'),
      workspace: [
        { uri: 'a.yaml', text: cluster('172.20.0.0/16', 'a') },
        { uri: 'b.yaml', text: cluster('10.100.0.0/16', 'b') },
      ],
    },
    {
      name: 'inside a range a ServiceCIDR object adds to the cluster, besides the setting',
      text: yaml('apiVersion: networking.k8s.io/v1', 'kind: ServiceCIDR', 'metadata: {name: extra}', 'spec: {cidrs: [10.97.0.0/16]}') + '---\n' + service('clusterIP: 10.97.3.4'),
      config: { serviceCidr: '172.20.0.0/16' },
    },
    {
      name: "EKS's default for the one cluster known: 172.20.0.0/16 for a VPC in 10.0.0.0/8",
      text: service('clusterIP: 172.20.0.10'),
      workspace: [{ uri: 'cluster.yaml', text: unwritten('prod', 'vpc: {cidr: 10.0.0.0/16}') }],
    },
    { name: "EKS's default for eksctl's own VPC 192.168.0.0/16 is 10.100.0.0/16", text: service('clusterIP: 10.100.0.10'), workspace: [{ uri: 'cluster.yaml', text: unwritten('prod') }] },
    {
      name: 'no default when two clusters are known: the manifest may be meant for either',
      text: service('clusterIP: 10.96.0.10'),
      workspace: [
        { uri: 'a.yaml', text: unwritten('a', 'vpc: {cidr: 10.0.0.0/16}') },
        { uri: 'b.yaml', text: unwritten('b') },
      ],
    },
    {
      name: 'no default for an existing VPC whose other blocks are unknown and whose written block is outside 10.0.0.0/8',
      text: service('clusterIP: 172.20.0.10'),
      workspace: [{ uri: 'cluster.yaml', text: unwritten('prod', 'vpc:', '  id: vpc-0123456789abcdef0', '  cidr: 192.168.0.0/16') }],
    },
    { name: 'the setting replaces the default', text: service('clusterIP: 10.96.0.10'), config: { serviceCidr: '10.96.0.0/16' }, workspace: [{ uri: 'cluster.yaml', text: unwritten('prod') }] },
    { name: 'invalid addresses are ip-syntax findings', text: service('clusterIP: 172.20.0.256'), config: { serviceCidr: '10.100.0.0/16' } },
  ],
  invalid: [
    {
      name: "outside EKS's default for the one cluster known: a warning, since no range is written",
      text: service('clusterIP: 10.100.0.10'),
      workspace: [{ uri: 'infra/cluster.yaml', text: unwritten('prod', 'vpc: {cidr: 10.0.0.0/16}') }],
      errors: [
        {
          line: 5,
          severity: 'warning',
          message: /^spec\.clusterIP 10\.100\.0\.10 is outside the cluster's service CIDR 172\.20\.0\.0\/16 \(EKS's default for cluster prod in cluster\.yaml, which writes no serviceIPv4CIDR\)\./,
        },
      ],
    },
    {
      name: 'an existing VPC whose written block is in 10.0.0.0/8 settles the default even if it has other blocks',
      text: service('clusterIP: 10.100.0.10'),
      workspace: [{ uri: 'cluster.yaml', text: unwritten('prod', 'vpc:', '  id: vpc-0123456789abcdef0', '  cidr: 10.20.0.0/16') }],
      errors: [{ line: 5, severity: 'warning', message: /outside the cluster's service CIDR 172\.20\.0\.0\/16 \(EKS's default/ }],
    },
    {
      name: 'a default in the same file as the Service',
      text: unwritten('prod', 'vpc: {cidr: 10.0.0.0/16}') + '---\n' + service('clusterIP: 10.100.0.10'),
      errors: [{ line: 10, severity: 'warning', message: /\(EKS's default for cluster prod in this file, which writes no serviceIPv4CIDR\)/ }],
    },
    {
      name: 'outside the range from settings',
      text: service('clusterIP: 10.96.0.10'),
      config: { serviceCidr: '172.20.0.0/16' },
      errors: [
        {
          line: 5,
          severity: 'error',
          message: /^spec\.clusterIP 10\.96\.0\.10 is outside the cluster's service CIDR 172\.20\.0\.0\/16 \(serviceCidr setting\)\. The API server only accepts cluster IPs from that range/,
        },
      ],
    },
    {
      name: 'a clusterIPs entry outside the eksctl range in the same stream',
      text: cluster('172.20.0.0/16') + '---\n' + service('clusterIPs: [172.20.0.10, 172.21.0.10]'),
      errors: [{ line: 11, message: /^spec\.clusterIPs\[1\] 172\.21\.0\.10 is outside the cluster's service CIDR 172\.20\.0\.0\/16 \(serviceIPv4CIDR of cluster demo in this file\)/ }],
    },
    {
      name: 'outside every range known in the workspace',
      text: service('clusterIP: 192.168.0.10'),
      workspace: [
        { uri: 'infra/a.yaml', text: cluster('172.20.0.0/16', 'a') },
        { uri: 'infra/b.yaml', text: cluster('10.100.0.0/16', 'b') },
      ],
      errors: [
        {
          line: 5,
          message:
            /is outside every service CIDR known in the workspace: 172\.20\.0\.0\/16 \(serviceIPv4CIDR of cluster a in a\.yaml\); 10\.100\.0\.0\/16 \(serviceIPv4CIDR of cluster b in b\.yaml\)\. The API server/,
        },
      ],
    },
    {
      name: 'the setting wins over the workspace',
      text: service('clusterIP: 10.100.0.10'),
      config: { serviceCidr: '172.20.0.0/16' },
      workspace: [{ uri: 'cluster.yaml', text: cluster('10.100.0.0/16') }],
      errors: [{ line: 5, message: /172\.20\.0\.0\/16 \(serviceCidr setting\)/ }],
    },
  ],
});

describe('rule k8s-service-ip-outside-cidr: related information', () => {
  it("points at the eksctl config's serviceIPv4CIDR in the other file", () => {
    const [finding] = runRule(rule, { text: service('clusterIP: 10.96.0.10'), workspace: [{ uri: 'infra/cluster.yaml', text: cluster('172.20.0.0/16', 'prod') }] });
    assert.deepEqual(relatedLines(finding), [[5, 'serviceIPv4CIDR 172.20.0.0/16 of cluster prod']]);
    assert.equal(finding.related?.[0].uri, 'infra/cluster.yaml');
  });
});
