import { ruleTester } from '../../../test/support/ruleTester';
import rule from './cfn-sg-open-admin-port';

const sg = (...rules: string[]) =>
  ['Resources:', '  Sg:', '    Type: AWS::EC2::SecurityGroup', '    Properties:', '      GroupDescription: nodes', '      SecurityGroupIngress:', ...rules.map((r) => `        - ${r}`), ''].join('\n');

ruleTester(rule, {
  valid: [
    { name: 'SSH from an office range', text: sg('{IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 203.0.113.0/24}') },
    { name: 'HTTPS from anywhere', text: sg('{IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}') },
    { name: 'UDP from anywhere is not an admin port here', text: sg('{IpProtocol: udp, FromPort: 0, ToPort: 65535, CidrIp: 0.0.0.0/0}') },
    { name: 'a source security group, not an address range', text: sg('{IpProtocol: "-1", SourceSecurityGroupId: !Ref Other}') },
    { name: 'a source from a parameter without a default is unknown', text: 'Parameters:\n  Admin: {Type: String}\n' + sg('{IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref Admin}') },
  ],
  invalid: [
    {
      name: 'SSH from anywhere',
      text: sg('{IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}'),
      errors: [{ line: 7, severity: 'warning', message: /^This ingress rule admits SSH \(22\) from 0\.0\.0\.0\/0, every IPv4 address\./ }],
    },
    {
      name: 'RDP from every IPv6 address',
      text: sg('{IpProtocol: tcp, FromPort: 3389, ToPort: 3389, CidrIpv6: "::/0"}'),
      errors: [{ line: 7, message: /RDP \(3389\) from ::\/0, every IPv6 address/ }],
    },
    {
      name: 'a /0 written with host bits is still every address',
      text: sg('{IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 192.168.1.0/0}'),
      errors: [{ line: 7, message: /SSH \(22\) from 192\.168\.1\.0\/0, that is 0\.0\.0\.0\/0, every IPv4 address/ }],
    },
    { name: 'all traffic', text: sg('{IpProtocol: -1, CidrIp: 0.0.0.0/0}'), errors: [{ line: 7, message: /admits all traffic on every port/ }] },
    { name: 'a port range that includes 22', text: sg('{IpProtocol: "6", FromPort: 20, ToPort: 30, CidrIp: 0.0.0.0/0}'), errors: [{ line: 7, message: /SSH \(22\)/ }] },
    {
      name: 'a separate ingress resource whose source is a parameter default',
      text: 'Parameters:\n  SSHLocation: {Type: String, Default: 0.0.0.0/0}\nResources:\n  In:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties: {GroupId: !Ref Sg, IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref SSHLocation}\n',
      errors: [{ line: 6, message: /SSH \(22\) from 0\.0\.0\.0\/0 \(the Default of parameter SSHLocation\)/ }],
    },
  ],
});
