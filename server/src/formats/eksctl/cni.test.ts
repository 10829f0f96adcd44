import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildFileModel, factsOf, networkOf } from '..';
import { CNI_SETTING_NAMES, type PodNetworking, type Setting } from '../../network/cni';
import { offsetsOf } from '../../model/offsets';

function read(text: string): { pods: PodNetworking; text: string; offsetOf: (s: Setting<unknown>) => string | undefined } {
  const file = buildFileModel({ uri: 'file:///cluster.yaml', text });
  const doc = file.documents[0];
  assert.equal(doc.kind, 'eksctl');
  const pods = networkOf(doc).podNetworking ?? [];
  assert.equal(pods.length, 1, 'one entry for the one cluster');
  // The text a setting is reported at.
  const offsetOf = (s: Setting<unknown>) => {
    if (s.state === 'absent') return undefined;
    const { start, end } = offsetsOf(s.at, doc);
    return text.slice(start, end);
  };
  return { pods: pods[0], text, offsetOf };
}

const HEAD = 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: prod\n  region: us-west-2\n';

describe('eksctl: how pods get addresses', () => {
  it('reads the vpc-cni add-on configurationValues (a JSON string), at the string that holds it', () => {
    const { pods, offsetOf } = read(`${HEAD}addons:\n  - name: coredns\n  - name: vpc-cni\n    configurationValues: '{"env":{"ENABLE_PREFIX_DELEGATION":"true"}}'\n`);
    assert.equal(pods.cluster, 'prod');
    assert.equal(pods.addonDeclared, true);
    assert.deepEqual(
      { ...pods.cni.ENABLE_PREFIX_DELEGATION, at: undefined },
      { state: 'known', value: true, text: 'true', at: undefined, where: 'addons[vpc-cni].configurationValues env.ENABLE_PREFIX_DELEGATION' },
    );
    assert.equal(offsetOf(pods.cni.ENABLE_PREFIX_DELEGATION), `'{"env":{"ENABLE_PREFIX_DELEGATION":"true"}}'`);
    assert.deepEqual(pods.cni.WARM_PREFIX_TARGET, { state: 'absent', value: 1 });
    assert.deepEqual(pods.autoMode, { state: 'absent', value: false });
    assert.equal(pods.ipFamily, 'IPv4');
  });

  it('reads a block scalar of YAML, and a name written in capitals as eksctl does', () => {
    const { pods } = read(
      `${HEAD}addons:\n  - name: VPC-CNI\n    configurationValues: |\n      env:\n        AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: "true"\n        ENI_CONFIG_LABEL_DEF: topology.kubernetes.io/zone\n        WARM_IP_TARGET: "4"\n`,
    );
    assert.equal(pods.cni.AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG.state === 'known' && pods.cni.AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG.value, true);
    assert.equal(pods.cni.ENI_CONFIG_LABEL_DEF.state === 'known' && pods.cni.ENI_CONFIG_LABEL_DEF.value, 'topology.kubernetes.io/zone');
    assert.equal(pods.cni.WARM_IP_TARGET.state === 'known' && pods.cni.WARM_IP_TARGET.value, 4);
  });

  it('without a vpc-cni entry, or without configurationValues, every setting is the add-on default', () => {
    for (const extra of ['', 'addons:\n  - name: coredns\n', 'addons:\n  - name: vpc-cni\n    version: latest\n']) {
      const { pods } = read(HEAD + extra);
      assert.equal(pods.addonDeclared, extra.includes('vpc-cni'));
      assert.deepEqual(
        CNI_SETTING_NAMES.filter((n) => pods.cni[n].state !== 'absent'),
        [],
      );
    }
  });

  it('with the default add-ons disabled and no vpc-cni entry, the CNI comes from elsewhere: unknown', () => {
    const off = read(`${HEAD}addonsConfig:\n  disableDefaultAddons: true\n`).pods;
    assert.equal(off.cni.ENABLE_PREFIX_DELEGATION.state, 'unknown');
    const listed = read(`${HEAD}addonsConfig:\n  disableDefaultAddons: true\naddons:\n  - name: vpc-cni\n`).pods;
    assert.equal(listed.cni.ENABLE_PREFIX_DELEGATION.state, 'absent');
    assert.equal(read(`${HEAD}addonsConfig:\n  disableDefaultAddons: false\n`).pods.cni.ENABLE_PREFIX_DELEGATION.state, 'absent');
  });

  it('a templated or non-string configurationValues is unknown, never a guess', () => {
    const templated = read(`${HEAD}addons:\n  - name: vpc-cni\n    configurationValues: "{{ .Values.cni }}"\n`).pods;
    assert.equal(templated.cni.ENABLE_PREFIX_DELEGATION.state, 'unknown');
    const mapping = read(`${HEAD}addons:\n  - name: vpc-cni\n    configurationValues:\n      env:\n        ENABLE_PREFIX_DELEGATION: "true"\n`).pods;
    assert.equal(mapping.cni.ENABLE_PREFIX_DELEGATION.state, 'unknown');
  });

  it('reads Auto Mode and the IP family', () => {
    const on = read(`${HEAD}autoModeConfig:\n  enabled: true\n  nodePools: [general-purpose]\nkubernetesNetworkConfig:\n  ipFamily: IPv6\n`);
    assert.deepEqual({ ...on.pods.autoMode, at: undefined }, { state: 'known', value: true, text: 'true', at: undefined, where: 'autoModeConfig.enabled' });
    assert.equal(on.offsetOf(on.pods.autoMode), 'true');
    assert.equal(on.pods.ipFamily, 'IPv6');
    assert.deepEqual(read(`${HEAD}autoModeConfig:\n  enabled: false\n`).pods.autoMode.state, 'known');
    assert.equal(read(`${HEAD}autoModeConfig:\n  enabled: \${AUTO}\n`).pods.autoMode.state, 'unknown');
  });

  it('keeps where maxPodsPerNode is written, for node groups and managed node groups', () => {
    const text = `${HEAD}nodeGroups:\n  - name: ng\n    maxPodsPerNode: 123\nmanagedNodeGroups:\n  - name: mng\n    maxPodsPerNode: 58\n  - name: plain\n`;
    const doc = buildFileModel({ uri: 'file:///c.yaml', text }).documents[0];
    const groups = networkOf(doc).cluster!.nodeGroups;
    assert.deepEqual(
      groups.map((g) => [g.name, g.maxPodsPerNode, g.maxPodsPerNodeNode ? text.slice(...Object.values(offsetsOf(g.maxPodsPerNodeNode, doc))) : undefined]),
      [
        ['ng', 123, '123'],
        ['mng', 58, '58'],
        ['plain', undefined, undefined],
      ],
    );
  });

  it('gives the settings to the workspace as facts with places', () => {
    const facts = factsOf(buildFileModel({ uri: 'file:///c.yaml', text: `${HEAD}addons:\n  - name: vpc-cni\n    configurationValues: '{"env":{"WARM_PREFIX_TARGET":"2"}}'\n` }));
    assert.equal(facts.cniSettings?.length, 1);
    const fact = facts.cniSettings![0];
    assert.equal(fact.source, 'eksctl');
    assert.equal(fact.cluster, 'prod');
    assert.equal(fact.declared, true);
    const warm = fact.cni.WARM_PREFIX_TARGET;
    assert.equal(warm.state, 'known');
    assert.deepEqual(warm.state === 'known' && warm.at, { uri: 'file:///c.yaml', range: { start: { line: 7, character: 25 }, end: { line: 7, character: 61 } } });
    // Plain data (no YAML nodes): only objects, arrays and primitives.
    assert.equal(plain(fact), true);
  });
});

function plain(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(plain);
  return typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && Object.values(value as object).every(plain);
}
