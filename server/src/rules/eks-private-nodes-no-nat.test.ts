import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTester, runRule, yaml, relatedLines } from '../../../test/support/ruleTester';
import rule from './eks-private-nodes-no-nat';
import { eksctl } from '../../../test/support/fixtures';

/** `vpc.nat.gateway` on line 6. */
const nat = (mode: string) => ['vpc:', '  nat:', `    gateway: ${mode}`];
const privateGroup = (name: string) => ['nodeGroups:', `  - name: ${name}`, '    privateNetworking: true'];

ruleTester(rule, {
  valid: [
    { name: "NAT not written: eksctl's default is one NAT gateway", text: eksctl(...privateGroup('ng-1')) },
    { name: 'Single', text: eksctl(...nat('Single'), ...privateGroup('ng-1')) },
    { name: 'HighlyAvailable', text: eksctl(...nat('HighlyAvailable'), ...privateGroup('ng-1')) },
    { name: 'NAT disabled, but the node groups are in public subnets', text: eksctl(...nat('Disable'), 'nodeGroups:', '  - name: ng-1', '  - name: ng-2', '    privateNetworking: false') },
    {
      name: 'a fully private cluster reaches AWS through VPC endpoints',
      text: eksctl('privateCluster: {enabled: true}', ...nat('Disable'), 'managedNodeGroups:', '  - name: mng-1', '    privateNetworking: true'),
    },
    { name: 'an existing VPC (vpc.id) keeps its own routes', text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  nat: {gateway: Disable}', ...privateGroup('ng-1')) },
    {
      name: 'subnets listed by ID without vpc.id also mean an existing VPC',
      text: eksctl(
        'vpc:',
        '  nat: {gateway: Disable}',
        '  subnets:',
        '    private:',
        '      us-west-2a: {id: subnet-0aaaaaaaaaaaaaaaa}',
        '      us-west-2b: {id: subnet-0bbbbbbbbbbbbbbbb}',
        ...privateGroup('ng-1'),
      ),
    },
    {
      name: 'an existing VPC with flow-style and named (az:) private subnets',
      text: eksctl(
        'vpc:',
        '  id: vpc-0123456789abcdef0',
        '  nat: {gateway: Disable}',
        '  subnets:',
        '    private:',
        '      us-west-2a: { id: subnet-0aaaaaaaaaaaaaaaa }',
        '      private-two: {id: subnet-0bbbbbbbbbbbbbbbb, az: us-west-2b}',
        'nodeGroups:',
        '  - name: ng-1',
        '    subnets: [us-west-2a, private-two]',
        '    privateNetworking: true',
      ),
    },
    { name: 'a Helm value for the NAT mode', text: eksctl(...nat('"{{ .Values.natMode }}"'), ...privateGroup('ng-1')) },
    { name: 'a Helm value for privateNetworking', text: eksctl(...nat('Disable'), 'nodeGroups:', '  - name: ng-1', '    privateNetworking: "{{ .Values.private }}"') },
    {
      name: 'multi-document: the Kubernetes object after the ClusterConfig is not looked at',
      text:
        eksctl(...nat('HighlyAvailable'), ...privateGroup('ng-1')) + yaml('---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: nat}', 'data: {gateway: Disable, privateNetworking: "true"}'),
    },
  ],
  invalid: [
    {
      name: 'a self-managed node group in private subnets with NAT disabled',
      text: eksctl(...nat('Disable'), ...privateGroup('ng-1')),
      errors: [
        {
          line: 9,
          severity: 'warning',
          message:
            /^Node group ng-1 runs in private subnets, but vpc\.nat\.gateway is Disable and privateCluster is not enabled: .*Enable a NAT gateway \(Single or HighlyAvailable\) or make the cluster fully private\.$/,
        },
      ],
    },
    {
      name: 'a managed node group, flow style',
      text: eksctl('vpc: {nat: {gateway: Disable}}', 'managedNodeGroups: [{name: mng-1, privateNetworking: true}]'),
      errors: [{ line: 5, severity: 'warning', message: /^Node group mng-1 runs in private subnets/ }],
    },
    {
      name: 'each private node group is reported; the public one is not',
      text: eksctl(
        ...nat('Disable'),
        'nodeGroups:',
        '  - name: public-ng',
        '  - name: private-ng',
        '    privateNetworking: true',
        'managedNodeGroups:',
        '  - name: private-mng',
        '    privateNetworking: true',
      ),
      errors: [
        { line: 10, message: /^Node group private-ng / },
        { line: 13, message: /^Node group private-mng / },
      ],
    },
    {
      name: 'privateCluster.enabled: false is not a fully private cluster',
      text: eksctl('privateCluster:', '  enabled: false', ...nat('Disable'), ...privateGroup('ng-1')),
      errors: [{ line: 11, message: /^Node group ng-1 / }],
    },
    {
      name: 'a privateNetworking value shared through an alias is reported once, at the anchor',
      text: eksctl(...nat('Disable'), 'nodeGroups:', '  - name: ng-1', '    privateNetworking: &private true', '  - name: ng-2', '    privateNetworking: *private'),
      errors: [{ line: 9, message: /^Node group ng-1 / }],
    },
    {
      name: 'multi-document: only the ClusterConfig without NAT is reported',
      text:
        eksctl(...nat('Single'), ...privateGroup('ng-1')) +
        yaml('---', 'apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata: {name: other, region: eu-west-1}', ...nat('Disable'), ...privateGroup('ng-2')),
      errors: [{ line: 19, message: /^Node group ng-2 / }],
    },
  ],
});

describe('rule eks-private-nodes-no-nat: related information', () => {
  it('points at the NAT setting', () => {
    const [finding] = runRule(rule, { text: eksctl(...nat('Disable'), ...privateGroup('ng-1')) });
    assert.deepEqual(relatedLines(finding), [[6, 'NAT gateway disabled here']]);
  });
});
