import { ruleTester, yaml } from '../../../test/support/ruleTester';
import rule from './cidr-host-bits';
import { eksctl } from '../../../test/support/fixtures';

const cfn = (type: string, ...properties: string[]) => yaml('Resources:', '  R:', `    Type: ${type}`, '    Properties:', ...properties.map((p) => `      ${p}`));

ruleTester(rule, {
  valid: [
    eksctl('vpc:', '  cidr: 10.1.0.0/16', '  extraCIDRs: [100.64.0.0/16]'),
    cfn('AWS::EC2::Subnet', 'CidrBlock: 10.0.32.0/19'),
    cfn('AWS::EC2::Route', 'DestinationCidrBlock: 0.0.0.0/0'),
    { name: 'a /32 single address has no host bits', text: cfn('AWS::EC2::SecurityGroupIngress', 'CidrIp: 198.51.100.7/32') },
    { name: 'invalid values are cidr-syntax findings, not this rule', text: eksctl('vpc:', '  cidr: 10.1.2.0/33') },
  ],
  invalid: [
    { name: 'eksctl VPC', text: eksctl('vpc:', '  cidr: 10.1.2.0/16'), errors: [{ line: 5, severity: 'warning', message: /AWS creates 10\.1\.0\.0\/16 instead.*Write 10\.1\.0\.0\/16/ }] },
    { name: 'eksctl subnet', text: eksctl('vpc:', '  subnets:', '    private:', '      a: {cidr: 10.1.64.1/19}'), errors: [{ line: 7, severity: 'warning', message: /10\.1\.64\.0\/19/ }] },
    { name: 'CloudFormation subnet', text: cfn('AWS::EC2::Subnet', 'CidrBlock: 10.0.1.0/22'), errors: [{ line: 5, severity: 'warning', message: /AWS creates 10\.0\.0\.0\/22 instead/ }] },
    { name: 'IPv6 subnet', text: cfn('AWS::EC2::Subnet', 'Ipv6CidrBlock: "2001:db8:0:1::1/64"'), errors: [{ line: 5, message: /2001:db8:0:1::\/64/ }] },
    {
      name: 'security group rule: accepted and widened, so a warning',
      text: cfn('AWS::EC2::SecurityGroup', 'SecurityGroupIngress:', '- {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 192.168.1.0/0}'),
      errors: [{ line: 6, severity: 'warning', message: /taken as 0\.0\.0\.0\/0, every address/ }],
    },
    { name: 'eksctl service CIDR is a warning', text: eksctl('kubernetesNetworkConfig:', '  serviceIPv4CIDR: 172.20.5.0/16'), errors: [{ line: 5, severity: 'warning' }] },
    {
      name: 'Kubernetes fields are warnings',
      text: yaml('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: np}', 'spec:', '  ingress:', '  - from:', '    - ipBlock: {cidr: 10.0.0.1/8, except: [10.1.0.0/16]}'),
      errors: [{ line: 7, severity: 'warning', message: /taken as 10\.0\.0\.0\/8/ }],
    },
    {
      name: 'user severity override wins',
      text: eksctl('vpc:', '  cidr: 10.1.2.0/16'),
      config: { rules: { 'cidr-host-bits': 'hint' } },
      errors: [{ line: 5, severity: 'hint' }],
    },
  ],
});
