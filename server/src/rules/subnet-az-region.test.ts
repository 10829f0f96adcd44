import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ruleTester, runRule, yaml, relatedLines } from '../../../test/support/ruleTester';
import rule from './subnet-az-region';

/** An eksctl ClusterConfig in `region`; the first line given is line 4. */
const inRegion = (region: string, ...lines: string[]) => yaml('apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', `metadata: {name: demo, region: ${region}}`, ...lines);
const eksctl = (...lines: string[]) => inRegion('us-west-2', ...lines);
/** A ClusterConfig whose region is written in block style (placeholders with braces need it); the first line given is line 6. */
const withRegion = (region: string, ...lines: string[]) => yaml('apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata:', '  name: demo', `  region: ${region}`, ...lines);

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
      text: eksctl(
        'vpc:',
        '  id: vpc-0123456789abcdef0',
        '  subnets:',
        '    private:',
        '      private-one: {id: subnet-0aaaaaaaaaaaaaaaa, az: usw2-az1}',
        '      private-two: {id: subnet-0bbbbbbbbbbbbbbbb, az: use1-az4}',
      ),
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
    {
      name: 'no region is written, so there is nothing to compare with',
      text: yaml('apiVersion: eksctl.io/v1alpha5', 'kind: ClusterConfig', 'metadata: {name: demo}', 'availabilityZones: [eu-west-1a, eu-west-1b]'),
    },
    {
      name: 'Helm values in zone lists are skipped',
      text: eksctl('availabilityZones: ["{{ .Values.zoneA }}", us-west-2b]', 'nodeGroups:', '  - name: ng-1', '    availabilityZones: ["{{ .Values.ngZone }}"]'),
    },
    {
      name: 'a zone name that merely starts like another region is still compared correctly',
      text: inRegion('us-east-1', 'availabilityZones: [us-east-1a, us-east-1f]'),
    },
    // Placeholders are not regions: a template's region says nothing the zones can be compared with.
    ...[
      ['PLACEHOLDER_AWS_REGION', 'PLACEHOLDER_AWS_REGIONa'],
      ['$AWS_REGION', '${AWS_REGION}a'],
      ['${AWS_REGION}', '${AWS_REGION}b'],
      ['"${AWS::Region}"', 'us-west-2a'],
      ['<region>', '<region>a'],
      ['"{{ .Region }}"', '"{{ .Region }}a"'],
      ['REGION', 'REGIONa'],
      ['us-east-X', 'us-east-1a'],
      ['us-west-9', 'eu-west-1a'],
      ['"%AWS_REGION%"', 'us-west-2a'],
    ].map(([region, zone]) => ({
      name: `placeholder region ${region} with zone ${zone}`,
      text: withRegion(region, 'availabilityZones:', `  - ${zone}`, '  - us-east-1b', 'nodeGroups:', '  - name: ng-1', '    availabilityZones:', `      - ${zone}`),
    })),
    // Zones written with a placeholder are not judged, even in a real region.
    ...['${AWS_REGION}a', '$AZ_1', '<az-1>', '"{{ .Values.az }}"', 'us-east-Xa', 'REGIONa', '"${AWS_REGION}-az1"'].map((zone) => ({
      name: `placeholder zone ${zone} in us-west-2`,
      text: eksctl(
        'availabilityZones:',
        `  - ${zone}`,
        '  - us-west-2b',
        'vpc:',
        '  id: vpc-0123456789abcdef0',
        '  subnets:',
        '    private:',
        '      private-one:',
        `        az: ${zone}`,
        '        cidr: 192.168.0.0/19',
      ),
    })),
    { name: 'a name that starts with no real region is a placeholder or a typo, not judged', text: eksctl('availabilityZones: [us-west-2a, regiona, my-zone-1]') },
    {
      name: 'zones of the China, GovCloud, ISO and new regions are in their regions',
      text:
        inRegion('cn-north-1', 'availabilityZones: [cn-north-1a, cn-north-1b]') +
        yaml('---') +
        inRegion('us-gov-west-1', 'availabilityZones: [us-gov-west-1a, us-gov-west-1b]') +
        yaml('---') +
        inRegion('us-isob-east-1', 'availabilityZones: [us-isob-east-1a, us-isob-east-1b]') +
        yaml('---') +
        inRegion('mx-central-1', 'availabilityZones: [mx-central-1a, mx-central-1b]'),
    },
    { name: 'a Kubernetes object is not a ClusterConfig', text: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: zones, namespace: default}', 'data: {region: us-west-2, az: eu-west-1a}') },
  ],
  invalid: [
    {
      name: 'top-level availabilityZones with a zone of another region',
      text: eksctl('availabilityZones: [us-west-2a, us-east-1b]'),
      errors: [
        { line: 4, severity: 'error', message: /^Availability Zone us-east-1b is not in us-west-2, the cluster's region \(metadata\.region\)\. Zones of us-west-2 are named us-west-2a, us-west-2b/ },
      ],
    },
    {
      name: 'a flow-style subnet keyed by a zone of another region',
      text: eksctl('vpc:', '  id: vpc-0123456789abcdef0', '  subnets:', '    public:', '      us-west-2a: { cidr: 192.168.0.0/19 }', '      eu-west-1a: { cidr: 192.168.32.0/19 }'),
      errors: [{ line: 9, message: /^Subnet zone eu-west-1a is not in us-west-2,/ }],
    },
    {
      name: 'a named subnet whose az: is in another region',
      text: eksctl(
        'vpc:',
        '  id: vpc-0123456789abcdef0',
        '  subnets:',
        '    private:',
        '      private-one: {az: us-west-2a, cidr: 192.168.0.0/19}',
        '      private-two: {az: us-east-2b, cidr: 192.168.32.0/19}',
      ),
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
      name: 'a GovCloud cluster with a commercial zone',
      text: inRegion('us-gov-west-1', 'availabilityZones: [us-gov-west-1a, us-west-1b]'),
      errors: [{ line: 4, message: /^Availability Zone us-west-1b is not in us-gov-west-1,/ }],
    },
    {
      name: 'a China cluster with a zone of the other China region',
      text: inRegion('cn-northwest-1', 'availabilityZones: [cn-northwest-1a, cn-north-1b]'),
      errors: [{ line: 4, message: /^Availability Zone cn-north-1b is not in cn-northwest-1,/ }],
    },
    {
      name: 'a real region in block style, a placeholder zone beside a wrong one: only the wrong one',
      text: withRegion('eu-central-1', 'availabilityZones:', '  - ${AWS_REGION}a', '  - eu-west-1b'),
      errors: [{ line: 8, message: /^Availability Zone eu-west-1b is not in eu-central-1,/ }],
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
