import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTester, runRule, yaml, relatedLines } from '../../../test/support/ruleTester';
import rule, { zoneInRegion } from './subnet-az-region';

/** An eksctl ClusterConfig in `region`; the first line given is line 4. */
const inRegion = (region: string, ...lines: string[]) => yaml('apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', `metadata: {name: demo, region: ${region}}`, ...lines);
const eksctl = (...lines: string[]) => inRegion('us-west-2', ...lines);

ruleTester(rule, {
  valid: [
    {
      name: 'zones of the region in subnets and node groups',
      text: eksctl(
        'vpc:',
        '  id: vpc-0123456789abcdef0',
        '  subnets:',
        '    public:',
        '      us-west-2a: { cidr: 192.168.0.0/19 }',
        '    private:',
        '      private-one: {az: us-west-2b, cidr: 192.168.32.0/19}',
        'nodeGroups:',
        '  - name: ng-1',
        '    availabilityZones: [us-west-2a]',
      ),
    },
    {
      name: 'zone IDs are not compared with the region, even one of another region',
      text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  subnets:', '    private:', '      private-one: {id: subnet-0aaaaaaaaaaaaaaaa, az: usw2-az1}', '      private-two: {id: subnet-0bbbbbbbbbbbbbbbb, az: use1-az4}'),
    },
    { name: 'a Local Zone ID is not compared either', text: eksctl('nodeGroups:', '  - name: lax', '    availabilityZones: [usw2-lax1-az1]') },
    {
      name: 'a Local Zone name is in its parent region',
      text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  subnets:', '    private:', '      us-west-2a: {cidr: 192.168.0.0/19}', '      lax-one: {az: us-west-2-lax-1a, cidr: 192.168.32.0/19}'),
    },
    {
      name: 'multi-document: Local Zone and Wavelength Zone names of us-east-1',
      text:
        eksctl('availabilityZones: [us-west-2a, us-west-2-lax-1b]') +
        yaml('---') +
        inRegion('us-east-1', 'nodeGroups:', '  - name: edge', '    availabilityZones: [us-east-1-bos-1a, us-east-1-wl1-bos-wlz-1]'),
    },
    { name: 'no region is written, so there is nothing to compare with', text: yaml('apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata: {name: demo}', 'availabilityZones: [eu-west-1a, eu-west-1b]') },
    { name: 'Helm values in zone lists are skipped', text: eksctl('availabilityZones: ["{{ .Values.zoneA }}", us-west-2b]', 'nodeGroups:', '  - name: ng-1', '    availabilityZones: ["{{ .Values.ngZone }}"]') },
    {
      name: 'a zone name that merely starts like another region is still compared correctly',
      text: inRegion('us-east-1', 'availabilityZones: [us-east-1a, us-east-1f]'),
    },
    { name: 'a Kubernetes object is not a ClusterConfig', text: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: zones, namespace: default}', 'data: {region: us-west-2, az: eu-west-1a}') },
  ],
  invalid: [
    {
      name: 'top-level availabilityZones with a zone of another region',
      text: eksctl('availabilityZones: [us-west-2a, us-east-1b]'),
      errors: [{ line: 4, severity: 'error', message: /^Availability Zone us-east-1b is not in us-west-2, the cluster's region \(metadata\.region\)\. Zones of us-west-2 are named us-west-2a, us-west-2b/ }],
    },
    {
      name: 'a flow-style subnet keyed by a zone of another region',
      text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  subnets:', '    public:', '      us-west-2a: { cidr: 192.168.0.0/19 }', '      eu-west-1a: { cidr: 192.168.32.0/19 }'),
      errors: [{ line: 9, message: /^Subnet zone eu-west-1a is not in us-west-2,/ }],
    },
    {
      name: 'a named subnet whose az: is in another region',
      text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  subnets:', '    private:', '      private-one: {az: us-west-2a, cidr: 192.168.0.0/19}', '      private-two: {az: us-east-2b, cidr: 192.168.32.0/19}'),
      errors: [{ line: 9, message: /^Zone of subnet private-two, us-east-2b is not in us-west-2,/ }],
    },
    {
      name: "a node group's availabilityZones",
      text: eksctl('managedNodeGroups:', '  - name: ng-1', '    availabilityZones:', '      - us-west-2a', '      - us-west-1b'),
      errors: [{ line: 8, message: /^Availability Zone of node group ng-1, us-west-1b is not in us-west-2,/ }],
    },
    {
      name: 'a Local Zone of another parent region',
      text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  subnets:', '    private:', '      bos-one: {az: us-east-1-bos-1a, cidr: 192.168.0.0/19}'),
      errors: [{ line: 8, message: /us-east-1-bos-1a is not in us-west-2/ }],
    },
    {
      name: 'every zone of another region is reported, one finding each',
      text: inRegion('eu-central-1', 'availabilityZones:', '  - eu-west-1a', '  - eu-west-1b'),
      errors: [
        { line: 5, message: /eu-west-1a is not in eu-central-1, the cluster's region \(metadata\.region\)\. Zones of eu-central-1 are named eu-central-1a, eu-central-1b/ },
        { line: 6, message: /eu-west-1b is not in eu-central-1/ },
      ],
    },
    {
      name: 'a zone list shared through an alias is reported once per zone, at the anchor',
      text: eksctl('availabilityZones: &zones [us-east-1a, us-east-1b]', 'nodeGroups:', '  - name: ng-1', '    availabilityZones: *zones'),
      errors: [
        { line: 4, message: /^Availability Zone us-east-1a is not in us-west-2/ },
        { line: 4, message: /^Availability Zone us-east-1b is not in us-west-2/ },
      ],
    },
    {
      name: 'multi-document: each ClusterConfig is compared with its own region',
      text: eksctl('availabilityZones: [us-west-2a, us-west-2b]') + yaml('---') + inRegion('eu-west-1', 'availabilityZones: [eu-west-1a, us-west-2b]'),
      errors: [{ line: 9, message: /^Availability Zone us-west-2b is not in eu-west-1,/ }],
    },
  ],
});

describe('rule subnet-az-region: related information', () => {
  it("points at the cluster's region", () => {
    const [finding] = runRule(rule, { text: eksctl('availabilityZones: [us-west-2a, us-east-1b]') });
    assert.deepEqual(relatedLines(finding), [[3, 'metadata.region us-west-2']]);
  });
});

describe('zoneInRegion', () => {
  it('takes a letter after the region, or a Local or Wavelength Zone suffix', () => {
    assert.equal(zoneInRegion('us-west-2a', 'us-west-2'), true);
    assert.equal(zoneInRegion('us-west-2-lax-1a', 'us-west-2'), true);
    assert.equal(zoneInRegion('us-east-1-wl1-bos-wlz-1', 'us-east-1'), true);
    assert.equal(zoneInRegion('us-west-2a', 'us-west-1'), false);
    assert.equal(zoneInRegion('us-west-2', 'us-west-2'), false);
    assert.equal(zoneInRegion('us-west-2ab', 'us-west-2'), false);
  });
});
