import { ruleTester, yaml } from '../../../test/support/ruleTester';
import rule from './eks-single-nat';
import { eksctl } from '../../../test/support/fixtures';

/** `vpc.nat.gateway` on line 6. */
const nat = (mode: string) => ['vpc:', '  nat:', `    gateway: ${mode}`];
const threeZones = [
  '  subnets:',
  '    private:',
  '      us-west-2a: { id: subnet-0aaaaaaaaaaaaaaaa }',
  '      us-west-2b: { id: subnet-0bbbbbbbbbbbbbbbb }',
  '      us-west-2c: { id: subnet-0cccccccccccccccc }',
];

ruleTester(rule, {
  valid: [
    { name: "NAT not written: Single is eksctl's default, and a hint on every file would be noise", text: eksctl('vpc:', '  cidr: 10.0.0.0/16') },
    { name: 'no vpc section at all', text: eksctl('nodeGroups:', '  - name: ng-1', '    privateNetworking: true') },
    { name: 'HighlyAvailable', text: eksctl(...nat('HighlyAvailable'), 'managedNodeGroups: [{name: mng-1, privateNetworking: true}]') },
    { name: 'Disable', text: eksctl(...nat('Disable')) },
    {
      name: 'an existing VPC (vpc.id) with flow-style subnets in three zones: eksctl creates no NAT gateway',
      text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  nat: {gateway: Single}', ...threeZones),
    },
    {
      name: 'an existing VPC with named subnets (az:): eksctl imports them and manages no NAT',
      text: eksctl(
        'vpc:',
        '  id: vpc-0123456789abcdef0',
        '  nat: {gateway: Single}',
        '  subnets:',
        '    private:',
        '      private-one: {id: subnet-0aaaaaaaaaaaaaaaa, az: us-west-2a}',
        '      private-two: {id: subnet-0bbbbbbbbbbbbbbbb, az: us-west-2b}',
      ),
    },
    { name: 'subnets listed without vpc.id are imported from an existing VPC: no NAT is created', text: eksctl(...nat('Single'), ...threeZones) },
    { name: 'a Helm value for the NAT mode', text: eksctl(...nat('"{{ .Values.natMode }}"')) },
    {
      name: 'multi-document: a Kubernetes object with a nat key is not a ClusterConfig',
      text: eksctl(...nat('HighlyAvailable')) + yaml('---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: nat}', 'data: {gateway: Single}'),
    },
  ],
  invalid: [
    {
      name: 'Single written, subnets left to eksctl',
      text: eksctl(...nat('Single')),
      errors: [
        {
          line: 6,
          severity: 'hint',
          message:
            /^One zonal NAT gateway serves the private subnets eksctl creates in each Availability Zone\. If its zone fails, nodes in every zone lose outbound access\. HighlyAvailable creates one NAT gateway per zone \(at extra cost\)\.$/,
        },
      ],
    },
    {
      name: 'flow-style NAT map with three zones listed for eksctl to build',
      text: eksctl('availabilityZones: [us-west-2a, us-west-2b, us-west-2c]', 'vpc: { cidr: 10.0.0.0/16, nat: { gateway: Single } }', 'managedNodeGroups: [{name: mng-1, privateNetworking: true}]'),
      errors: [{ line: 5, severity: 'hint', message: /^One zonal NAT gateway serves the private subnets eksctl creates in each Availability Zone\./ }],
    },
    {
      name: 'a NAT mode reached through an alias is reported at its anchor',
      text: yaml(
        'apiVersion: eksctl.io/v1alpha5',
        'kind: ClusterConfig',
        'metadata:',
        '  name: demo',
        '  region: us-west-2',
        '  annotations: {nat-mode: &natMode Single}',
        'vpc:',
        '  nat: {gateway: *natMode}',
      ),
      errors: [{ line: 6, message: /the private subnets eksctl creates in each Availability Zone/ }],
    },
    {
      name: 'multi-document: only the ClusterConfig that asks for Single is reported',
      text: eksctl(...nat('HighlyAvailable')) + yaml('---', 'apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata: {name: other, region: eu-west-1}', 'vpc: {nat: {gateway: Single}}'),
      errors: [{ line: 11, message: /^One zonal NAT gateway serves the private subnets eksctl creates/ }],
    },
  ],
});
