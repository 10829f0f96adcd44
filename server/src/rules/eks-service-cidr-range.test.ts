import { ruleTester, yaml } from '../../../test/support/ruleTester';
import rule from './eks-service-cidr-range';
import { eksctl } from '../../../test/support/fixtures';

/** A ClusterConfig whose service CIDR is on line 5. */
const service = (cidr: string) => eksctl('kubernetesNetworkConfig:', `  serviceIPv4CIDR: ${cidr}`);

ruleTester(rule, {
  valid: [
    { name: '172.20.0.0/16, one of the ranges EKS picks by default', text: service('172.20.0.0/16') },
    { name: '/12 is the largest size EKS accepts', text: service('10.96.0.0/12') },
    { name: '/24 is the smallest size EKS accepts', text: service('192.168.100.0/24') },
    { name: 'no service CIDR is written: EKS chooses one', text: eksctl('vpc:', '  cidr: 10.0.0.0/16') },
    { name: 'flow style', text: eksctl('kubernetesNetworkConfig: {serviceIPv4CIDR: 10.100.0.0/16}') },
    { name: 'a Helm value', text: service('"{{ .Values.serviceCidr }}"') },
    { name: "an invalid CIDR is cidr-syntax's finding, not this rule's", text: service('10.100.0.0/33') },
    { name: 'an IPv6 block is not an IPv4 service CIDR', text: service('"fd00:10:96::/112"') },
    {
      name: 'a value reached through an alias',
      text: yaml(
        'apiVersion: eksctl.io/v1alpha5',
        'kind: ClusterConfig',
        'metadata:',
        '  name: demo',
        '  region: us-west-2',
        '  annotations: {service-range: &svc 10.100.0.0/16}',
        'kubernetesNetworkConfig:',
        '  serviceIPv4CIDR: *svc',
      ),
    },
    {
      name: 'multi-document: a Kubernetes object with the same key is not checked',
      text: service('172.20.0.0/16') + yaml('---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: net}', 'data:', '  serviceIPv4CIDR: 100.64.0.0/10'),
    },
  ],
  invalid: [
    {
      name: 'a shared-address-space range (RFC 6598) is not private enough for services',
      text: service('100.64.0.0/16'),
      errors: [{ line: 5, severity: 'error', message: /^Service CIDR 100\.64\.0\.0\/16 is not inside 10\.0\.0\.0\/8, 172\.16\.0\.0\/12 or 192\.168\.0\.0\/16; EKS accepts/ }],
    },
    {
      name: 'a public range',
      text: service('203.0.113.0/24'),
      errors: [{ line: 5, message: /^Service CIDR 203\.0\.113\.0\/24 is not inside 10\.0\.0\.0\/8/ }],
    },
    {
      name: 'a /11 starting at 172.16.0.0 reaches beyond 172.16.0.0/12',
      text: service('172.0.0.0/11'),
      errors: [{ line: 5, message: /^Service CIDR 172\.0\.0\.0\/11 is not inside/ }],
    },
    {
      name: 'the whole of 10.0.0.0/8 is larger than /12',
      text: service('10.0.0.0/8'),
      errors: [{ line: 5, severity: 'error', message: /^Service CIDR 10\.0\.0\.0\/8 is larger than EKS allows: the prefix must be between \/12 and \/24\.$/ }],
    },
    {
      name: 'a /25 is smaller than /24',
      text: service('192.168.10.128/25'),
      errors: [{ line: 5, message: /^Service CIDR 192\.168\.10\.128\/25 is smaller than EKS allows: the prefix must be between \/12 and \/24\.$/ }],
    },
    {
      name: 'flow style in the second of two ClusterConfigs',
      text:
        service('172.20.0.0/16') +
        yaml('---', 'apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata: {name: other, region: eu-west-1}', 'kubernetesNetworkConfig: { serviceIPv4CIDR: 198.19.0.0/16 }'),
      errors: [{ line: 10, message: /^Service CIDR 198\.19\.0\.0\/16 is not inside 10\.0\.0\.0\/8, 172\.16\.0\.0\/12 or 192\.168\.0\.0\/16/ }],
    },
    {
      name: 'a value reached through an alias is reported at its anchor',
      text: yaml(
        'apiVersion: eksctl.io/v1alpha5',
        'kind: ClusterConfig',
        'metadata:',
        '  name: demo',
        '  region: us-west-2',
        '  annotations: {service-range: &svc 172.16.0.0/28}',
        'kubernetesNetworkConfig:',
        '  serviceIPv4CIDR: *svc',
      ),
      errors: [{ line: 6, message: /172\.16\.0\.0\/28 is smaller than EKS allows/ }],
    },
  ],
});
