import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTester, runRule, yaml, relatedLines } from '../../../test/support/ruleTester';
import rule from './eks-service-cidr-overlap';
import { eksctl } from '../../../test/support/fixtures';

const network = (cidr: string) => ['kubernetesNetworkConfig:', `  serviceIPv4CIDR: ${cidr}`];

ruleTester(rule, {
  valid: [
    { name: 'service range outside the VPC', text: eksctl('vpc:', '  cidr: 10.0.0.0/16', ...network('172.20.0.0/16')) },
    { name: "10.100.0.0/16 beside eksctl's default VPC 192.168.0.0/16", text: eksctl(...network('10.100.0.0/16')) },
    { name: 'adjacent ranges do not overlap', text: eksctl('vpc: {cidr: 10.0.0.0/16}', ...network('10.1.0.0/16')) },
    {
      name: 'an existing VPC with its CIDRs and a flow-style subnet written, all outside the service range',
      text: eksctl(
        'vpc:',
        '  id: vpc-0123456789abcdef0',
        '  cidr: 10.0.0.0/16',
        '  extraCIDRs: [100.64.0.0/16]',
        '  subnets:',
        '    private:',
        '      us-west-2a: { cidr: 10.0.0.0/19 }',
        ...network('10.200.0.0/16'),
      ),
    },
    { name: "an existing VPC (vpc.id): its range is not in the file, so eksctl's default is not assumed", text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', ...network('192.168.0.0/16')) },
    { name: 'no service CIDR is written', text: eksctl('vpc:', '  cidr: 10.100.0.0/16') },
    {
      name: "vpc.extraCIDRs are not VPC blocks: eksctl only opens the control plane's security group to them",
      text: eksctl('vpc:', '  cidr: 10.0.0.0/16', '  extraCIDRs: [172.20.0.0/16]', ...network('172.20.0.0/16')),
    },
    {
      name: "subnets listed by ID without vpc.id belong to an existing VPC, so eksctl's default range is not assumed",
      text: eksctl('vpc:', '  subnets:', '    private:', '      us-west-2a: {id: subnet-0aaaaaaaaaaaaaaaa}', '      us-west-2b: {id: subnet-0bbbbbbbbbbbbbbbb}', ...network('192.168.0.0/16')),
    },
    { name: 'a Helm value for the VPC CIDR', text: eksctl('vpc:', '  cidr: "{{ .Values.vpcCidr }}"', ...network('192.168.0.0/16')) },
    { name: 'a Helm value for the service CIDR', text: eksctl('vpc:', '  cidr: 10.0.0.0/16', ...network('"{{ .Values.serviceCidr }}"')) },
    { name: "an invalid VPC CIDR is cidr-syntax's finding", text: eksctl('vpc:', '  cidr: 10.0.0.0/33', ...network('10.0.0.0/16')) },
    {
      name: 'multi-document: a Kubernetes Service in the VPC range is not a service CIDR',
      text: eksctl('vpc:', '  cidr: 10.0.0.0/16', ...network('172.20.0.0/16')) + yaml('---', 'apiVersion: v1', 'kind: Service', 'metadata: {name: dns}', 'spec:', '  clusterIP: 10.0.0.10'),
    },
  ],
  invalid: [
    {
      name: 'service range inside the VPC CIDR',
      text: eksctl('vpc:', '  cidr: 10.0.0.0/16', ...network('10.0.128.0/20')),
      errors: [{ line: 7, severity: 'error', message: /^Service CIDR 10\.0\.128\.0\/20 overlaps the VPC CIDR 10\.0\.0\.0\/16\. Service addresses must not collide/ }],
    },
    {
      name: "eksctl's default VPC 192.168.0.0/16 when no vpc.cidr is written",
      text: eksctl(...network('192.168.0.0/16')),
      errors: [{ line: 5, message: /^Service CIDR 192\.168\.0\.0\/16 overlaps the VPC CIDR 192\.168\.0\.0\/16 \(eksctl's default\)\./ }],
    },
    {
      name: 'a service range larger than the VPC and containing it',
      text: eksctl('vpc: {cidr: 172.20.0.0/16}', 'kubernetesNetworkConfig: {serviceIPv4CIDR: 172.16.0.0/12}'),
      errors: [{ line: 5, message: /^Service CIDR 172\.16\.0\.0\/12 overlaps the VPC CIDR 172\.20\.0\.0\/16\./ }],
    },
    {
      name: "an existing VPC: a subnet's CIDR written in the file",
      text: eksctl(
        'vpc:',
        '  id: vpc-0123456789abcdef0',
        '  subnets:',
        '    private:',
        '      private-one: {id: subnet-0aaaaaaaaaaaaaaaa, az: us-west-2a, cidr: 10.0.0.0/19}',
        ...network('10.0.0.0/16'),
      ),
      errors: [{ line: 10, message: /^Service CIDR 10\.0\.0\.0\/16 overlaps subnet private-one \(10\.0\.0\.0\/19\)\./ }],
    },
    {
      name: 'multi-document: only the overlapping ClusterConfig is reported',
      text:
        eksctl('vpc:', '  cidr: 10.0.0.0/16', ...network('172.20.0.0/16')) +
        yaml('---', 'apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata: {name: other, region: eu-west-1}', 'vpc: {cidr: 10.20.0.0/16}', ...network('10.20.0.0/20')),
      errors: [{ line: 14, message: /^Service CIDR 10\.20\.0\.0\/20 overlaps the VPC CIDR 10\.20\.0\.0\/16\./ }],
    },
    {
      name: 'a service range reached through an alias is reported at its anchor',
      text: yaml(
        'apiVersion: eksctl.io/v1alpha5',
        'kind: ClusterConfig',
        'metadata:',
        '  name: demo',
        '  region: us-west-2',
        '  annotations: {service-range: &svc 10.0.0.0/20}',
        'vpc: {cidr: 10.0.0.0/16}',
        'kubernetesNetworkConfig:',
        '  serviceIPv4CIDR: *svc',
      ),
      errors: [{ line: 6, message: /^Service CIDR 10\.0\.0\.0\/20 overlaps the VPC CIDR 10\.0\.0\.0\/16\./ }],
    },
  ],
});

describe('rule eks-service-cidr-overlap: related information', () => {
  it('points at the written VPC CIDR', () => {
    const [finding] = runRule(rule, { text: eksctl('vpc:', '  cidr: 10.0.0.0/16', ...network('10.0.128.0/20')) });
    assert.deepEqual(relatedLines(finding), [[5, 'the VPC CIDR 10.0.0.0/16']]);
  });

  it('points at the subnet CIDR it overlaps', () => {
    const [finding] = runRule(rule, {
      text: eksctl(
        'vpc:',
        '  id: vpc-0123456789abcdef0',
        '  subnets:',
        '    private:',
        '      private-one: {id: subnet-0aaaaaaaaaaaaaaaa, az: us-west-2a, cidr: 10.0.0.0/19}',
        ...network('10.0.0.0/16'),
      ),
    });
    assert.deepEqual(relatedLines(finding), [[8, 'subnet private-one (10.0.0.0/19)']]);
  });

  it("has nothing to point at when the VPC range is eksctl's default", () => {
    const [finding] = runRule(rule, { text: eksctl(...network('192.168.0.0/16')) });
    assert.equal(finding.related, undefined);
  });
});
