import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CNI_SETTING_NAMES, cniDefault, cniValues, defaultCniSettings, parseCniConfiguration, readCniVariable, settingValue, type CniSettingName, type CniSettings, type Setting } from './cni';

const AT = 'the string';
const WHERE = 'configurationValues';

/** A compact view of a setting: `=v` known, `=v!` known but invalid, `=v refused` refused, `?` unknown, `~v` absent. */
function show(s: Setting<unknown, unknown>): string {
  if (s.state === 'unknown') return '?';
  if (s.state === 'absent') return `~${String(s.value)}`;
  return `=${String(s.value)}${s.invalid ? '!' : ''}${s.refused ? ' refused' : ''}`;
}

/** The settings that differ from the shipped defaults, as `NAME=view`. */
function changed(settings: CniSettings<unknown>): string[] {
  return CNI_SETTING_NAMES.filter((n) => settings[n].state !== 'absent').map((n) => `${n}${show(settings[n])}`);
}

describe('VPC CNI settings: the add-on configurationValues parser', () => {
  const cases: Array<{ name: string; text: string; changed: string[] }> = [
    { name: 'a JSON string with a quoted boolean', text: '{"env":{"ENABLE_PREFIX_DELEGATION":"true"}}', changed: ['ENABLE_PREFIX_DELEGATION=true'] },
    {
      name: 'a YAML string, booleans and numbers written as strings as the CNI reads env vars',
      text: 'env:\n  ENABLE_PREFIX_DELEGATION: "true"\n  WARM_PREFIX_TARGET: "2"\n  WARM_IP_TARGET: "5"\n  MINIMUM_IP_TARGET: "10"\n',
      changed: ['ENABLE_PREFIX_DELEGATION=true', 'WARM_IP_TARGET=5', 'MINIMUM_IP_TARGET=10', 'WARM_PREFIX_TARGET=2'],
    },
    {
      name: 'every variable the model reads (custom networking, pods security groups, ENIConfig label, IPv6)',
      text: JSON.stringify({
        env: {
          AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true',
          ENABLE_POD_ENI: 'true',
          WARM_ENI_TARGET: '0',
          MAX_ENI: '3',
          ENI_CONFIG_LABEL_DEF: 'topology.kubernetes.io/zone',
          ENI_CONFIG_ANNOTATION_DEF: 'example.com/eni',
          ENABLE_IPv6: 'false',
          ENABLE_SUBNET_DISCOVERY: 'false',
        },
      }),
      changed: [
        'AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG=true',
        'ENABLE_POD_ENI=true',
        'WARM_ENI_TARGET=0',
        'MAX_ENI=3',
        'ENI_CONFIG_LABEL_DEF=topology.kubernetes.io/zone',
        'ENI_CONFIG_ANNOTATION_DEF=example.com/eni',
        'ENABLE_IPv6=false',
        'ENABLE_SUBNET_DISCOVERY=false',
      ],
    },
    // Go's strconv.ParseBool takes 1, t, T, TRUE, true, True (and the false forms); nothing else.
    {
      name: 'Go boolean spellings',
      text: '{"env":{"ENABLE_PREFIX_DELEGATION":"1","ENABLE_POD_ENI":"T","ENABLE_IPv6":"FALSE"}}',
      changed: ['ENABLE_PREFIX_DELEGATION=true', 'ENABLE_POD_ENI=true', 'ENABLE_IPv6=false'],
    },
    // ipamd logs the parse error and uses its default (utils.GetBoolAsStringEnvVar, getWarmENITarget).
    {
      name: 'values ipamd cannot parse fall back to its defaults',
      text: '{"env":{"ENABLE_PREFIX_DELEGATION":"yes","WARM_ENI_TARGET":"two","WARM_IP_TARGET":"1.5"}}',
      changed: ['ENABLE_PREFIX_DELEGATION=false!', 'WARM_ENI_TARGET=1!', 'WARM_IP_TARGET=undefined!'],
    },
    // README: a non-positive WARM_IP_TARGET/MINIMUM_IP_TARGET is "not set"; ipamd.go: a negative WARM_ENI_TARGET or WARM_PREFIX_TARGET is the default.
    {
      name: 'signs and zero',
      text: '{"env":{"WARM_IP_TARGET":"0","MINIMUM_IP_TARGET":"-3","WARM_ENI_TARGET":"-1","WARM_PREFIX_TARGET":"-1","MAX_ENI":"+2"}}',
      changed: ['WARM_ENI_TARGET=1', 'WARM_IP_TARGET=undefined', 'MINIMUM_IP_TARGET=undefined', 'WARM_PREFIX_TARGET=0', 'MAX_ENI=2'],
    },
    {
      name: 'unquoted YAML booleans and numbers: read, but the add-on schema refuses them',
      text: 'env:\n  ENABLE_POD_ENI: true\n  WARM_IP_TARGET: 5\n',
      changed: ['ENABLE_POD_ENI=true refused', 'WARM_IP_TARGET=5 refused'],
    },
    { name: 'invalid JSON makes every setting unknown', text: '{"env": {"ENABLE_PREFIX_DELEGATION": "true"', changed: CNI_SETTING_NAMES.map((n) => `${n}?`) },
    {
      name: 'a template variable in one value makes that one unknown',
      text: '{"env":{"WARM_IP_TARGET":"${WarmIpTarget}","ENABLE_PREFIX_DELEGATION":"true"}}',
      changed: ['ENABLE_PREFIX_DELEGATION=true', 'WARM_IP_TARGET?'],
    },
    { name: 'a Helm template value', text: 'env:\n  ENABLE_PREFIX_DELEGATION: "{{ .Values.prefixDelegation }}"\n', changed: ['ENABLE_PREFIX_DELEGATION?'] },
    { name: 'the whole string a Helm template', text: '{{ toJson .Values.vpcCni }}', changed: CNI_SETTING_NAMES.map((n) => `${n}?`) },
    { name: 'the whole string a substitution', text: '${cni_configuration}', changed: CNI_SETTING_NAMES.map((n) => `${n}?`) },
    { name: 'env itself a template', text: 'env: "{{ .Values.env }}"\n', changed: CNI_SETTING_NAMES.map((n) => `${n}?`) },
    { name: 'env not a mapping', text: '{"env": ["ENABLE_PREFIX_DELEGATION=true"]}', changed: CNI_SETTING_NAMES.map((n) => `${n}?`) },
    { name: 'no env: every setting keeps the shipped value', text: '{"enableNetworkPolicy":"true","nodeAgent":{"enablePolicyEventLogs":"true"}}', changed: [] },
    { name: 'an empty string', text: '', changed: [] },
    { name: 'env: null', text: 'env:\n', changed: [] },
    {
      name: 'names are case-sensitive, and variables the model does not read are skipped',
      text: '{"env":{"enable_prefix_delegation":"true","POD_SECURITY_GROUP_ENFORCING_MODE":"standard"}}',
      changed: [],
    },
    { name: 'a key written twice keeps its last value', text: 'env:\n  WARM_PREFIX_TARGET: "2"\n  WARM_PREFIX_TARGET: "4"\n', changed: ['WARM_PREFIX_TARGET=4'] },
    { name: 'aliases are followed', text: 'x: &on "true"\nenv:\n  ENABLE_PREFIX_DELEGATION: *on\n', changed: ['ENABLE_PREFIX_DELEGATION=true'] },
    { name: 'a mapping as a value is unknown', text: '{"env":{"WARM_IP_TARGET":{"value":"5"}}}', changed: ['WARM_IP_TARGET?'] },
    { name: 'nesting beyond the bound is not read', text: `{"env": ${'['.repeat(200)}${']'.repeat(200)}}`, changed: CNI_SETTING_NAMES.map((n) => `${n}?`) },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(changed(parseCniConfiguration(c.text, AT, WHERE)), c.changed);
    });
  }

  it('absent settings keep the add-on shipped values (WARM_PREFIX_TARGET 1, WARM_ENI_TARGET 1, prefix delegation off)', () => {
    const s = parseCniConfiguration('{"env":{"ENABLE_PREFIX_DELEGATION":"true"}}', AT, WHERE);
    assert.deepEqual(s.WARM_PREFIX_TARGET, { state: 'absent', value: 1 });
    assert.deepEqual(s.WARM_ENI_TARGET, { state: 'absent', value: 1 });
    assert.deepEqual(s.WARM_IP_TARGET, { state: 'absent', value: undefined });
    assert.deepEqual(s.ENI_CONFIG_LABEL_DEF, { state: 'absent', value: 'k8s.amazonaws.com/eniConfig' });
    assert.deepEqual(s.ENABLE_SUBNET_DISCOVERY, { state: 'absent', value: true });
  });

  it('reports each setting at the string that holds it, with its path and text', () => {
    const s = parseCniConfiguration('{"env":{"WARM_IP_TARGET":"7"}}', AT, WHERE);
    assert.deepEqual(s.WARM_IP_TARGET, { state: 'known', value: 7, text: '7', at: AT, where: 'configurationValues env.WARM_IP_TARGET' });
    const u = parseCniConfiguration('not: [valid', AT, WHERE).ENABLE_POD_ENI;
    assert.equal(u.state, 'unknown');
    assert.equal(u.state === 'unknown' && u.at, AT);
    assert.match(u.state === 'unknown' ? u.reason : '', /not valid JSON or YAML/);
  });
});

describe('VPC CNI settings: one variable, as ipamd reads it', () => {
  const cases: Array<[CniSettingName, string, string]> = [
    ['ENABLE_PREFIX_DELEGATION', 'true', '=true'],
    ['ENABLE_PREFIX_DELEGATION', 'True', '=true'],
    ['ENABLE_PREFIX_DELEGATION', 'f', '=false'],
    ['ENABLE_PREFIX_DELEGATION', ' true', '=false!'],
    ['ENABLE_PREFIX_DELEGATION', '', '=false!'],
    ['ENABLE_SUBNET_DISCOVERY', 'nope', '=true!'],
    ['WARM_ENI_TARGET', '3', '=3'],
    ['WARM_PREFIX_TARGET', '0', '=0'],
    ['WARM_IP_TARGET', '-1', '=undefined'],
    ['MAX_ENI', '0', '=undefined'],
    ['ENI_CONFIG_LABEL_DEF', 'topology.kubernetes.io/zone', '=topology.kubernetes.io/zone'],
    ['WARM_IP_TARGET', '$(FROM_ELSEWHERE)', '?'],
    ['WARM_IP_TARGET', '$$(ESCAPED)', '=undefined!'],
    ['WARM_IP_TARGET', '${X}', '?'],
  ];
  for (const [name, text, expected] of cases) {
    it(`${name}=${JSON.stringify(text)} reads as ${expected}`, () => {
      assert.equal(show(readCniVariable(name, text, AT, WHERE)), expected);
    });
  }

  it('keeps one default per setting, with the unset and shipped values the CNI documents', () => {
    assert.equal(cniDefault('WARM_PREFIX_TARGET', 'unset'), 0);
    assert.equal(cniDefault('WARM_PREFIX_TARGET', 'shipped'), 1);
    assert.equal(cniDefault('WARM_ENI_TARGET', 'unset'), 1);
    assert.equal(cniDefault('ENABLE_PREFIX_DELEGATION', 'shipped'), false);
    assert.equal(settingValue({ state: 'unknown', reason: 'x', at: AT, where: WHERE }), undefined);
    assert.equal(settingValue({ state: 'absent', value: 1 }), 1);
  });
});

describe('cniValues: the settings as the capacity formulas take them', () => {
  it('gives the shipped defaults when nothing is written', () => {
    const { values, unknown } = cniValues(defaultCniSettings('shipped'));
    assert.deepEqual(unknown, []);
    assert.equal(values.warmEniTarget, 1);
    assert.equal(values.warmPrefixTarget, 1);
    assert.equal(values.prefixDelegation, false);
    assert.equal(values.customNetworking, false);
    assert.equal(values.maxEni, undefined);
  });

  it('takes what is written, and names what cannot be read instead of guessing it', () => {
    const settings = parseCniConfiguration('{"env":{"ENABLE_PREFIX_DELEGATION":"true","WARM_PREFIX_TARGET":"2","WARM_IP_TARGET":"${WARM}"}}', 'at', 'configurationValues');
    const { values, unknown } = cniValues(settings);
    assert.equal(values.prefixDelegation, true);
    assert.equal(values.warmPrefixTarget, 2);
    assert.equal(values.warmIpTarget, undefined);
    assert.deepEqual(unknown, ['WARM_IP_TARGET']);
  });
});
