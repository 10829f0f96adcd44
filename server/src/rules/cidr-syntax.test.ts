import { ruleTester, yaml } from '../../../test/support/ruleTester';
import rule from './cidr-syntax';
import { eksctl } from '../../../test/support/fixtures';

ruleTester(rule, {
  valid: [
    {
      name: 'eksctl VPC, subnets, service CIDR',
      text: eksctl('vpc:', '  cidr: 10.10.0.0/16', '  subnets:', '    private:', '      us-west-2a: {cidr: 10.10.0.0/19}', 'kubernetesNetworkConfig:', '  serviceIPv4CIDR: 172.20.0.0/16'),
    },
    { name: 'publicAccessCIDRs may be IPv6 or IPv4', text: eksctl('vpc:', '  publicAccessCIDRs: ["203.0.113.0/24", "2001:db8::/32"]') },
    {
      name: 'CloudFormation intrinsics are not literals',
      text: yaml(
        'Resources:',
        '  Subnet:',
        '    Type: AWS::EC2::Subnet',
        '    Properties:',
        '      CidrBlock: !Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 4, 8]]',
        '  Vpc:',
        '    Type: AWS::EC2::VPC',
        '    Properties:',
        '      CidrBlock: !Ref VpcCidr',
      ),
    },
    { name: 'CloudFormation JSON long-form intrinsic', uri: 't.json', text: '{"Resources":{"Vpc":{"Type":"AWS::EC2::VPC","Properties":{"CidrBlock":{"Ref":"VpcCidr"}}}}}' },
    { name: 'dynamic reference', text: yaml('Resources:', '  Vpc:', '    Type: AWS::EC2::VPC', '    Properties:', "      CidrBlock: '{{resolve:ssm:/net/vpc-cidr}}'") },
    {
      name: 'IPv6 property with an IPv6 block',
      text: yaml('Resources:', '  Route:', '    Type: AWS::EC2::Route', '    Properties:', '      DestinationIpv6CidrBlock: ::/0', '      DestinationCidrBlock: 0.0.0.0/0'),
    },
    {
      name: 'NetworkPolicy ipBlock',
      text: yaml(
        'apiVersion: networking.k8s.io/v1',
        'kind: NetworkPolicy',
        'metadata: {name: np}',
        'spec:',
        '  egress:',
        '  - to:',
        '    - ipBlock:',
        '        cidr: 10.0.0.0/8',
        '        except: [10.1.0.0/16, "fd00::/8"]',
      ),
    },
    { name: 'an unrelated document with a cidr key', text: yaml('cidr: not-a-cidr', 'vpc: {cidr: nope}') },
    { name: 'Helm value in a CIDR field', text: yaml('apiVersion: v1', 'kind: Service', 'metadata: {name: s}', 'spec:', '  loadBalancerSourceRanges:', '  - "{{ .Values.allowed }}"') },
    { name: 'an empty value is absent, not wrong', text: eksctl('vpc:', '  cidr: ""') },
  ],
  invalid: [
    { name: 'bad octet', text: eksctl('vpc:', '  cidr: 10.0.256.0/16'), errors: [{ line: 5, severity: 'error', message: /octet 256/ }] },
    { name: 'prefix too long', text: eksctl('vpc:', '  cidr: 10.0.0.0/33'), errors: [{ line: 5, message: /larger than \/32/ }] },
    { name: 'missing prefix', text: eksctl('vpc:', '  subnets:', '    public:', '      us-west-2a:', '        cidr: 10.0.0.0'), errors: [{ line: 8, message: /no prefix length.*10\.0\.0\.0\/32/ }] },
    { name: 'junk', text: eksctl('kubernetesNetworkConfig:', '  serviceIPv4CIDR: ten-dot-zero/16'), errors: [{ line: 5, message: /not an IPv4 or IPv6/ }] },
    { name: 'a number is not a CIDR', text: eksctl('vpc:', '  extraCIDRs: [100]'), errors: [{ line: 5, message: /written as a string/ }] },
    { name: 'IPv6 in an IPv4 field', text: eksctl('vpc:', '  cidr: "2001:db8::/56"'), errors: [{ line: 5, message: /takes an IPv4 block/ }] },
    {
      name: 'security group rules, inline and standalone',
      text: yaml(
        'Resources:',
        '  Sg:',
        '    Type: AWS::EC2::SecurityGroup',
        '    Properties:',
        '      SecurityGroupIngress:',
        '      - CidrIp: 0.0.0.0',
        '      - CidrIpv6: 10.0.0.0/8',
        '  In:',
        '    Type: AWS::EC2::SecurityGroupIngress',
        '    Properties:',
        '      CidrIp: 10.0.0.0/40',
      ),
      errors: [
        { line: 6, message: /no prefix/ },
        { line: 7, message: /IPv6 block/ },
        { line: 11, message: /larger than/ },
      ],
    },
    {
      name: 'CloudFormation JSON',
      uri: 't.json',
      text: '{\n "Resources": {"S": {"Type": "AWS::EC2::Subnet",\n  "Properties": {"CidrBlock": "10.0.0.0/2x"}}}}',
      errors: [{ line: 3, message: /not a number/ }],
    },
    {
      name: 'NetworkPolicy except entry',
      text: yaml(
        'apiVersion: networking.k8s.io/v1',
        'kind: NetworkPolicy',
        'metadata: {name: np}',
        'spec:',
        '  ingress:',
        '  - from:',
        '    - ipBlock:',
        '        cidr: 10.0.0.0/8',
        '        except:',
        '        - 10.1.0/16',
      ),
      errors: [{ line: 10, message: /four numbers/ }],
    },
    {
      name: 'Service loadBalancerSourceRanges',
      text: yaml('apiVersion: v1', 'kind: Service', 'metadata: {name: s}', 'spec:', '  loadBalancerSourceRanges: ["203.0.113.0 /24"]'),
      errors: [{ line: 5, message: /has a space in it/ }],
    },
    {
      name: 'several blocks in one string',
      text: yaml('apiVersion: v1', 'kind: Service', 'metadata: {name: s}', 'spec:', '  loadBalancerSourceRanges: ["203.0.113.0/24,192.0.2.0/24"]'),
      errors: [{ line: 5, message: /separated by commas/ }],
    },
    { name: 'value reached through an alias is reported at the anchor', text: eksctl('x: &c 10.0.0.0/99', 'vpc:', '  cidr: *c', '  extraCIDRs: [*c]'), errors: [{ line: 4 }] },
    // Leading zeros: an error where the reader refuses them (eksctl's vpc.cidr and subnet cidr,
    // read by Go's net.ParseCIDR), a warning where it accepts them (the Kubernetes API server, with
    // a warning of its own) or is not documented (CloudFormation, other eksctl fields).
    {
      name: 'leading zeros in eksctl vpc.cidr: eksctl refuses them',
      text: eksctl('vpc:', '  cidr: 010.0.0.0/16'),
      errors: [{ line: 5, severity: 'error', message: /^vpc\.cidr is written with leading zeros \("010\.0\.0\.0\/16"\).*eksctl refuses it.*Write 10\.0\.0\.0\/16\.$/ }],
    },
    {
      name: 'leading zeros in an eksctl subnet',
      text: eksctl('vpc:', '  subnets:', '    private:', '      a: {cidr: 10.0.01.0/24}'),
      errors: [{ line: 7, severity: 'error', message: /Write 10\.0\.1\.0\/24\./ }],
    },
    {
      name: 'leading zeros in eksctl publicAccessCIDRs: not documented, a warning',
      text: eksctl('vpc:', '  publicAccessCIDRs: [203.0.113.07/32]'),
      errors: [{ line: 5, severity: 'warning', message: /How AWS reads it is not documented\. Write 203\.0\.113\.7\/32\./ }],
    },
    {
      name: 'leading zeros in CloudFormation: a warning',
      text: yaml('Resources:', '  Vpc:', '    Type: AWS::EC2::VPC', '    Properties:', '      CidrBlock: 10.0.0.0/016'),
      errors: [{ line: 5, severity: 'warning', message: /Write 10\.0\.0\.0\/16\./ }],
    },
    {
      name: 'leading zeros in a NetworkPolicy ipBlock: the API server accepts them with a warning',
      text: yaml('apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata: {name: np}', 'spec:', '  ingress:', '  - from:', '    - ipBlock: {cidr: 010.0.0.0/8}'),
      errors: [{ line: 7, severity: 'warning', message: /The API server accepts it today with a warning and reads it as decimal.*Write 10\.0\.0\.0\/8\./ }],
    },
    {
      name: 'leading zeros and another fault: an error as before',
      text: yaml('Resources:', '  Vpc:', '    Type: AWS::EC2::VPC', '    Properties:', '      CidrBlock: 010.0.0.0/33'),
      errors: [{ line: 5, severity: 'error', message: /is not a valid CIDR block/ }],
    },
    { name: 'merge keys are honoured', text: eksctl('base: &b {cidr: 10.0.0/16}', 'vpc:', '  <<: *b'), errors: [{ line: 4 }] },
  ],
});
