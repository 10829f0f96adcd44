import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { relatedLines, ruleTester, runRule } from '../../../test/support/ruleTester';
import { BOTH_ZONES, cluster, CUSTOM_BY_ZONE, eniConfig } from './customNetworking.fixtures';
import rule from './cni-eniconfig-missing';

const onlyA = eniConfig('us-west-2a', 'subnet-0a000000000000002');

ruleTester(rule, {
  valid: [
    { name: 'an ENIConfig for each zone, in another file', text: cluster(), workspace: [{ uri: 'eni.yaml', text: BOTH_ZONES }] },
    { name: 'an ENIConfig for each zone, in the same file', text: cluster() + '---\n' + BOTH_ZONES },
    { name: 'no ENIConfig in the workspace: they are kept elsewhere, nothing to compare', text: cluster() },
    { name: 'custom networking off', text: cluster({ env: '"ENI_CONFIG_LABEL_DEF":"topology.kubernetes.io/zone"' }), workspace: [{ uri: 'eni.yaml', text: onlyA }] },
    {
      name: 'custom networking unknown (a template variable)',
      text: cluster({ env: '"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG":"${CUSTOM}","ENI_CONFIG_LABEL_DEF":"topology.kubernetes.io/zone"' }),
      workspace: [{ uri: 'eni.yaml', text: onlyA }],
    },
    {
      name: 'ENIConfigs picked by the default annotation/label: the nodes say which, not the files',
      text: cluster({ env: '"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG":"true"' }),
      workspace: [{ uri: 'eni.yaml', text: onlyA }],
    },
    {
      name: 'another label names the ENIConfig',
      text: cluster({ env: '"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG":"true","ENI_CONFIG_LABEL_DEF":"example.com/pod-subnet"' }),
      workspace: [{ uri: 'eni.yaml', text: onlyA }],
    },
    {
      name: 'the node group is limited to the zone that has one',
      text: cluster({ nodeGroup: ['  - name: ng', '    availabilityZones: [us-west-2a]'] }),
      workspace: [{ uri: 'eni.yaml', text: onlyA }],
    },
    {
      name: 'a node group subnet reference the file does not resolve: zones unknown',
      text: cluster({ nodeGroup: ['  - name: ng', '    subnets: [subnet-0ffffffffffffffff]'] }),
      workspace: [{ uri: 'eni.yaml', text: onlyA }],
    },
    {
      name: "only ENIConfigs named after another Region's zones: another cluster's",
      text: cluster(),
      workspace: [{ uri: 'eni.yaml', text: eniConfig('eu-west-1a', 'subnet-0a000000000000002') }],
    },
    {
      name: 'zones that are placeholders',
      text: cluster({ subnets: [] })
        .replace(/ {2}id: vpc-\S+\n/, '')
        .replace(/ {2}subnets:\n {4}private:\n.*\n.*\n/, '')
        .replace('  region: us-west-2\n', '  region: us-west-2\navailabilityZones: ["${AWS_REGION}a", "${AWS_REGION}b"]\n'),
      workspace: [{ uri: 'eni.yaml', text: onlyA }],
    },
    {
      name: 'a node group labels its nodes with an ENIConfig that exists (the default label)',
      text: cluster({ env: '"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG":"true"', nodeGroup: ['  - name: ng', '    labels: {k8s.amazonaws.com/eniConfig: us-west-2a}'] }),
      workspace: [{ uri: 'eni.yaml', text: onlyA }],
    },
    {
      name: 'the external label wins over the zone: its ENIConfig exists, the zones are not judged',
      text: cluster({ nodeGroup: ['  - name: ng', '    labels: {vpc.amazonaws.com/externalEniConfig: us-west-2a}'] }),
      workspace: [{ uri: 'eni.yaml', text: onlyA }],
    },
    {
      name: 'a templated label value',
      text: cluster({ env: '"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG":"true"', nodeGroup: ['  - name: ng', '    labels: {k8s.amazonaws.com/eniConfig: "{{ .eni }}"}'] }),
      workspace: [{ uri: 'eni.yaml', text: onlyA }],
    },
    {
      name: 'a label that ENI_CONFIG_LABEL_DEF does not name',
      text: cluster({ env: '"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG":"true","ENI_CONFIG_LABEL_DEF":"example.com/eni"', nodeGroup: ['  - name: ng', '    labels: {k8s.amazonaws.com/eniConfig: nowhere}'] }),
      workspace: [{ uri: 'eni.yaml', text: onlyA }],
    },
  ],
  invalid: [
    {
      name: 'a node group labels its nodes with an ENIConfig the workspace does not have',
      text: cluster({ env: '"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG":"true"', nodeGroup: ['  - name: ng', '    labels:', '      k8s.amazonaws.com/eniConfig: pods-blue'] }),
      workspace: [{ uri: 'eni.yaml', text: onlyA }],
      errors: [
        {
          line: 21,
          severity: 'warning',
          message:
            /^Node group ng labels its nodes k8s\.amazonaws\.com\/eniConfig=pods-blue, so with custom networking on the VPC CNI looks for the ENIConfig named pods-blue, and none is in the workspace \(found: us-west-2a\)\./,
        },
      ],
    },
    {
      name: 'the label ENI_CONFIG_LABEL_DEF names',
      text: cluster({ env: '"AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG":"true","ENI_CONFIG_LABEL_DEF":"example.com/eni"', nodeGroup: ['  - name: ng', '    labels: {example.com/eni: pods-blue}'] }),
      workspace: [{ uri: 'eni.yaml', text: onlyA }],
      errors: [{ line: 20, message: /labels its nodes example\.com\/eni=pods-blue/ }],
    },
    {
      name: 'the external label, by zone: only the label is judged',
      text: cluster({ nodeGroup: ['  - name: ng', '    labels: {vpc.amazonaws.com/externalEniConfig: pods-blue}'] }),
      workspace: [{ uri: 'eni.yaml', text: onlyA }],
      errors: [{ line: 20, message: /labels its nodes vpc\.amazonaws\.com\/externalEniConfig=pods-blue/ }],
    },
    {
      name: 'zone 2b has none (the group runs in every private subnet)',
      text: cluster(),
      workspace: [{ uri: 'eni.yaml', text: onlyA }],
      errors: [{ line: 19, severity: 'warning', message: /^Node group ng runs nodes in us-west-2b, but no ENIConfig named us-west-2b is in the workspace \(found: us-west-2a\)\./ }],
    },
    {
      name: "an ENIConfig with a name that is not a zone counts as this cluster's",
      text: cluster(),
      workspace: [{ uri: 'eni.yaml', text: eniConfig('pods', 'subnet-0a000000000000002') }],
      errors: [
        {
          line: 19,
          message:
            /^Node group ng runs nodes in us-west-2a and us-west-2b, but no ENIConfig named after these zones is in the workspace \(found: pods\)\..* Add one ENIConfig per zone, named after it, whose subnet is in that zone\.$/,
        },
      ],
    },
    {
      name: 'at the zone a node group lists',
      text: cluster({ nodeGroup: ['  - name: ng', '    availabilityZones: [us-west-2a, us-west-2c]'] }),
      workspace: [{ uri: 'eni.yaml', text: BOTH_ZONES }],
      errors: [{ line: 20, message: /in us-west-2c, but no ENIConfig named us-west-2c/ }],
    },
    {
      name: 'at the subnet a node group lists, by name',
      text: cluster({ nodeGroup: ['  - name: ng', '    subnets:', '      - us-west-2a', '      - us-west-2b'] }),
      workspace: [{ uri: 'eni.yaml', text: onlyA }],
      errors: [{ line: 22, message: /in us-west-2b/ }],
    },
    {
      name: "a VPC eksctl creates: the cluster's availabilityZones",
      text: cluster({ subnets: [] })
        .replace(/ {2}id: vpc-\S+\n/, '')
        .replace(/ {2}subnets:\n {4}private:\n.*\n.*\n/, '')
        .replace('  region: us-west-2\n', '  region: us-west-2\navailabilityZones: [us-west-2a, us-west-2b]\n'),
      workspace: [{ uri: 'eni.yaml', text: onlyA }],
      errors: [{ line: 13, message: /in us-west-2b/ }],
    },
  ],
});

describe('cni-eniconfig-missing: details', () => {
  it('points at the ENI_CONFIG_LABEL_DEF that makes zones decide', () => {
    const [finding] = runRule(rule, { text: cluster(), workspace: [{ uri: 'eni.yaml', text: onlyA }] });
    assert.deepEqual(relatedLines(finding), [[17, 'ENI_CONFIG_LABEL_DEF=topology.kubernetes.io/zone']]);
    assert.match(CUSTOM_BY_ZONE, /ENI_CONFIG_LABEL_DEF/);
  });
});
