import { ruleTester, yaml } from '../../../test/support/ruleTester';
import rule from './subnet-prefix';
import { eksctl } from '../../../test/support/fixtures';

/** `vpc.subnets` with the given lines under it; the first subnet line is line 8. */
const subnets = (...lines: string[]) => eksctl('vpc:', '  cidr: 10.0.0.0/8', '  subnets:', ...lines);

ruleTester(rule, {
  valid: [
    {
      name: 'the limits themselves: /16 and /28, flow style and named with az',
      text: subnets('    public:', '      us-west-2a: { cidr: 10.1.0.0/16 }', '    private:', '      private-one: {az: us-west-2a, cidr: 10.2.0.0/28}'),
    },
    { name: "host bits are cidr-host-bits' finding; the size is fine", text: subnets('    private:', '      us-west-2a: {cidr: 10.0.32.5/19}') },
    { name: 'invalid CIDRs are cidr-syntax findings', text: subnets('    private:', '      us-west-2a: {cidr: 10.0.0.0/33}', '      us-west-2b: {cidr: 10.0.0.0}') },
    { name: 'templated CIDRs are unknown', text: subnets('    private:', '      us-west-2a: {cidr: "{{ .Values.subnetA }}"}') },
    { name: 'subnets given by ID only', text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  subnets:', '    private:', '      private-one: {id: subnet-0123456789abcdef0}') },
    { name: "the VPC CIDR itself is vpc-cidr-prefix's business", text: eksctl('vpc:', '  cidr: 10.0.0.0/8') },
    { name: 'not an eksctl document', text: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: x}', 'data:', '  cidr: 10.0.0.0/30') },
  ],
  invalid: [
    {
      name: 'larger than /16',
      text: subnets('    private:', '      us-west-2a: {cidr: 10.0.0.0/15}'),
      errors: [{ line: 8, severity: 'error', message: /^Subnet us-west-2a \(10\.0\.0\.0\/15\) is larger than AWS allows \(\/16 at most, 65,536 addresses\); it has 131,072 addresses\.$/ }],
    },
    {
      name: 'smaller than /28, public and named',
      text: subnets('    public:', '      us-west-2a: { cidr: 10.0.0.0/29 }', '    private:', '      private-one: {az: us-west-2a, cidr: 10.0.1.0/30}'),
      errors: [
        { line: 8, severity: 'error', message: /^Subnet us-west-2a \(10\.0\.0\.0\/29\) is smaller than AWS allows \(\/28 at least, 16 addresses, 11 usable\); it has 8 addresses\.$/ },
        { line: 10, message: /^Subnet private-one \(10\.0\.1\.0\/30\) .*; it has 4 addresses\.$/ },
      ],
    },
    {
      name: 'a single address',
      text: subnets('    private:', '      us-west-2a: {cidr: 10.0.0.7/32}'),
      errors: [{ line: 8, message: /\(10\.0\.0\.7\/32\) is smaller than AWS allows .*; it has 1 address\.$/ }],
    },
    {
      name: 'a whole /8',
      text: subnets('    private:', '      us-west-2a: {cidr: 10.0.0.0/8}'),
      errors: [{ line: 8, message: /is larger than AWS allows \(\/16 at most, 65,536 addresses\); it has 16,777,216 addresses\./ }],
    },
    {
      name: 'existing VPC: written subnet CIDRs are still checked',
      text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  subnets:', '    private:', '      private-one: {id: subnet-0123456789abcdef0, cidr: 172.31.0.0/29}'),
      errors: [{ line: 8, message: /Subnet private-one \(172\.31\.0\.0\/29\) is smaller/ }],
    },
    {
      name: 'a CIDR reached through an alias is reported once, at the anchor',
      text: subnets('    private:', '      us-west-2a: {cidr: &tiny 10.0.0.0/29}', '      us-west-2b: {cidr: *tiny}'),
      errors: [{ line: 8, message: /Subnet us-west-2a \(10\.0\.0\.0\/29\)/ }],
    },
    {
      name: 'second ClusterConfig of a stream, after a Kubernetes object',
      text: yaml('apiVersion: v1', 'kind: Namespace', 'metadata: {name: apps}') + '---\n' + subnets('    private:', '      us-west-2a: {cidr: 10.0.0.0/12}'),
      errors: [{ line: 12, message: /\(10\.0\.0\.0\/12\) is larger than AWS allows .*; it has 1,048,576 addresses\./ }],
    },
  ],
});
