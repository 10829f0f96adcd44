// How pods get their addresses, as the files declare it: the Amazon VPC CNI's settings (from an EKS
// add-on's `configurationValues`, or the `aws-node` DaemonSet's environment), EKS Auto Mode, and the
// kubelet's max pods from node classes. Format-free: each format reads its own keys (formats/*/cni.ts)
// into these shapes, and rules read only these.
//
// Every setting is in one of three states:
// - `known`: written as a literal the tool can read. `value` is what the CNI then uses; when the text
//   is not something the CNI accepts (`"yes"` for a boolean), `invalid` says why and `value` is the
//   CNI's fallback (its default, as ipamd does);
// - `unknown`: written, or possibly written, but not readable from the files: a template variable
//   (`${…}`, `{{ … }}`), a CloudFormation intrinsic, a `valueFrom`, configuration that does not parse.
//   Rules must not guess a value for it;
// - `absent`: not written; `value` is the default that then applies (undefined: the setting is off).
//
// Sources (aws/amazon-vpc-cni-k8s at b52188387f2e2f10bf289ace929d6a63b176a4fa, 2026-08-20):
// README.md, section "ENI Configuration Variables" (types and documented defaults);
// pkg/ipamd/ipamd.go (getWarmENITarget, getWarmPrefixTarget, getWarmIPTarget, getMinimumIPTarget,
// UseCustomNetworkCfg, parseBoolEnvVar), utils/utils.go (GetBoolAsStringEnvVar: Go's
// strconv.ParseBool, the default on a parse error), pkg/eniconfig/eniconfig.go (the ENIConfig
// label and annotation defaults); charts/aws-vpc-cni/values.yaml and config/master/aws-k8s-cni.yaml
// (what the shipped manifest sets, which the EKS add-on and the Helm chart install).
import { isMap, isScalar, parseDocument, type Node } from 'yaml';
import { nestingBeyond } from '../model/document';
import { AnchorTable, entries, get, scalarText } from '../model/nav';
import type { CniValues } from './podCapacity';

export type CniSettingType = 'boolean' | 'integer' | 'string';

interface SettingSpec {
  readonly type: CniSettingType;
  /** What ipamd uses when the variable is not set in the container at all (undefined: the feature is off). */
  readonly unset: boolean | number | string | undefined;
  /** What the VPC CNI's own manifest sets (the EKS add-on, the Helm chart, aws-k8s-cni.yaml), so what
   *  applies when an add-on's configuration does not mention the variable. */
  readonly shipped: boolean | number | string | undefined;
  /** How a negative integer is read: as the default (WARM_ENI_TARGET), or as "not set" (WARM_IP_TARGET). */
  readonly negative?: 'default' | 'unset';
}

/**
 * The VPC CNI settings the pod-capacity model reads, each with its type and defaults, in one place.
 * Defaults: README.md of aws/amazon-vpc-cni-k8s and pkg/ipamd/ipamd.go; shipped values:
 * charts/aws-vpc-cni/values.yaml `env:` and config/master/aws-k8s-cni.yaml (commit above).
 */
export const CNI_SETTINGS = {
  // README: "Boolean as a String", default false; ipamd.go usePrefixDelegation. Shipped "false".
  ENABLE_PREFIX_DELEGATION: { type: 'boolean', unset: false, shipped: false },
  // README: default false; ipamd.go UseCustomNetworkCfg. Shipped "false".
  AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: { type: 'boolean', unset: false, shipped: false },
  // Security groups for pods. README: default false; ipamd.go EnablePodENI. Shipped "false".
  ENABLE_POD_ENI: { type: 'boolean', unset: false, shipped: false },
  // README: default 1; ipamd.go defaultWarmENITarget = 1, a negative or unparsable value gives 1. Shipped "1".
  WARM_ENI_TARGET: { type: 'integer', unset: 1, shipped: 1, negative: 'default' },
  // README: default none (a non-positive value is the same as not setting it); ipamd.go noWarmIPTarget = 0. Not shipped.
  WARM_IP_TARGET: { type: 'integer', unset: undefined, shipped: undefined, negative: 'unset' },
  // README: default none; ipamd.go noMinimumIPTarget. Not shipped.
  MINIMUM_IP_TARGET: { type: 'integer', unset: undefined, shipped: undefined, negative: 'unset' },
  // README: default none; ipamd.go defaultWarmPrefixTarget = 0 (a negative value gives 0). Shipped "1".
  WARM_PREFIX_TARGET: { type: 'integer', unset: 0, shipped: 1, negative: 'default' },
  // README: default none (unset, 0 or lower: the instance type's maximum); ipamd.go getMaxENI. Not shipped.
  MAX_ENI: { type: 'integer', unset: undefined, shipped: undefined, negative: 'unset' },
  // The node label whose value names a node's ENIConfig. README and eniconfig.go: k8s.amazonaws.com/eniConfig.
  ENI_CONFIG_LABEL_DEF: { type: 'string', unset: 'k8s.amazonaws.com/eniConfig', shipped: 'k8s.amazonaws.com/eniConfig' },
  // The node annotation that names a node's ENIConfig (it wins over the label). Same default.
  ENI_CONFIG_ANNOTATION_DEF: { type: 'string', unset: 'k8s.amazonaws.com/eniConfig', shipped: 'k8s.amazonaws.com/eniConfig' },
  // README: default false; IPv6 mode needs prefix delegation. Shipped "false".
  ENABLE_IPv6: { type: 'boolean', unset: false, shipped: false },
  // README: default true (v1.18.0+): secondary ENIs may go to subnets tagged kubernetes.io/role/cni. Shipped "true".
  ENABLE_SUBNET_DISCOVERY: { type: 'boolean', unset: true, shipped: true },
} as const satisfies Record<string, SettingSpec>;

export type CniSettingName = keyof typeof CNI_SETTINGS;
export const CNI_SETTING_NAMES = Object.keys(CNI_SETTINGS) as CniSettingName[];

type TypeOf<K extends CniSettingName> = (typeof CNI_SETTINGS)[K]['type'] extends 'boolean' ? boolean : (typeof CNI_SETTINGS)[K]['type'] extends 'integer' ? number : string;

/** A setting as the files give it; `L` is where it is written: a YAML node while a document is read,
 *  a Place in workspace facts. */
export type Setting<T, L = Node> =
  | {
      readonly state: 'known';
      /** What the reader (the CNI, the kubelet) uses; undefined when that is "not set". */
      readonly value: T | undefined;
      /** The text as written. */
      readonly text: string;
      /** Why the text is not a value the reader accepts (it then falls back to `value`). */
      readonly invalid?: string;
      /** Why AWS refuses the configuration that holds it (`value` is then what it says, never applied). */
      readonly refused?: string;
      readonly at: L;
      /** Where it is, in the words of its schema, e.g. `addons[vpc-cni].configurationValues env.WARM_IP_TARGET`. */
      readonly where: string;
    }
  | { readonly state: 'unknown'; readonly reason: string; readonly at: L; readonly where: string }
  | { readonly state: 'absent'; readonly value: T | undefined };

export type CniSettings<L = Node> = { readonly [K in CniSettingName]: Setting<TypeOf<K>, L> };

/** Which defaults apply to a variable that is not written: an add-on's configuration leaves the shipped
 *  manifest's value in place; a DaemonSet written by hand gets ipamd's own default. */
export type CniDefaults = 'shipped' | 'unset';

/** The value a variable not written has. */
export function cniDefault<K extends CniSettingName>(name: K, defaults: CniDefaults): TypeOf<K> | undefined {
  const spec: SettingSpec = CNI_SETTINGS[name];
  return (defaults === 'shipped' ? spec.shipped : spec.unset) as TypeOf<K> | undefined;
}

/** Every setting absent: the defaults of the CNI as installed. */
export function defaultCniSettings(defaults: CniDefaults): CniSettings<never> {
  const out: Record<string, Setting<unknown, never>> = {};
  for (const name of CNI_SETTING_NAMES) out[name] = { state: 'absent', value: cniDefault(name, defaults) };
  return out as unknown as CniSettings<never>;
}

/** Every setting unknown (configuration written but unreadable as a whole). */
export function unknownCniSettings<L>(reason: string, at: L, where: string): CniSettings<L> {
  const out: Record<string, Setting<unknown, L>> = {};
  for (const name of CNI_SETTING_NAMES) out[name] = { state: 'unknown', reason, at, where: `${where} ${name}` };
  return out as unknown as CniSettings<L>;
}

/** True when the text holds a template variable that something else fills in before AWS or the
 *  cluster sees it: Helm/Go `{{ … }}`, a CloudFormation `Fn::Sub`/Terraform/shell `${…}`. */
export function isTemplateText(text: string): boolean {
  return text.includes('{{') || /\$\{[^}]*\}/.test(text);
}

// Go's strconv.ParseBool, which ipamd uses for every "Boolean as a String" setting.
const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const GO_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/**
 * One environment variable's value read as ipamd reads it. `text` is the string the container sees.
 * Booleans follow Go's strconv.ParseBool (`"true"`, `"1"`, `"T"`…); integers strconv.Atoi (an
 * optional sign and decimal digits). A value ipamd cannot parse falls back to its default, as
 * GetBoolAsStringEnvVar and getWarmENITarget do; a negative integer is the default or "not set", per
 * setting. An empty string counts as unparsable, as in ipamd.
 */
export function readCniVariable<K extends CniSettingName, L>(name: K, text: string, at: L, where: string): Setting<TypeOf<K>, L> {
  if (isTemplateText(text)) return { state: 'unknown', reason: `a template variable (${text.trim().slice(0, 60)})`, at, where };
  // The kubelet expands `$(OTHER)` from the container's other variables before ipamd sees it; `$$(`
  // escapes it (https://kubernetes.io/docs/tasks/inject-data-application/define-interdependent-environment-variables/).
  if (/(^|[^$])\$\([A-Za-z_][A-Za-z0-9_]*\)/.test(text)) return { state: 'unknown', reason: `refers to another variable (${text.trim().slice(0, 60)})`, at, where };
  const spec: SettingSpec = CNI_SETTINGS[name];
  // A value that cannot be read falls back to ipamd's own default: the variable is set, so the
  // manifest's shipped value is gone.
  const fallback = cniDefault(name, 'unset');
  const known = (value: unknown, invalid?: string): Setting<TypeOf<K>, L> => ({ state: 'known', value: value as TypeOf<K> | undefined, text, at, where, ...(invalid ? { invalid } : {}) });
  if (spec.type === 'boolean') {
    if (GO_TRUE.has(text)) return known(true);
    if (GO_FALSE.has(text)) return known(false);
    return known(fallback, `"${text}" is not a boolean the VPC CNI reads (true or false); it uses its default, ${String(fallback)}`);
  }
  if (spec.type === 'integer') {
    if (!/^[+-]?\d+$/.test(text)) return known(fallback, `"${text}" is not an integer; the VPC CNI uses its default${fallback === undefined ? ' (not set)' : `, ${fallback}`}`);
    const n = Number(text);
    // A non-positive WARM_IP_TARGET, MINIMUM_IP_TARGET or MAX_ENI is the same as not setting it
    // (README); a negative WARM_ENI_TARGET or WARM_PREFIX_TARGET gives the default (ipamd.go).
    if (spec.negative === 'unset' && n <= 0) return known(undefined);
    if (n < 0) return known(fallback);
    return known(n);
  }
  return known(text);
}

/** A variable's name as the CNI knows it (names are case-sensitive), or undefined when it is not one we read. */
export function cniSettingName(name: string): CniSettingName | undefined {
  return Object.hasOwn(CNI_SETTINGS, name) ? (name as CniSettingName) : undefined;
}

/** Add-on configuration strings longer than this, or nested deeper, are not read (unknown). */
const MAX_CONFIGURATION_CHARS = 100_000;
const MAX_CONFIGURATION_NESTING = 64;

/**
 * Reads an EKS add-on's `configurationValues` for the `vpc-cni` add-on: a JSON or YAML string whose
 * `env` mapping sets the aws-node container's variables (the add-on's configuration schema, from
 * `aws eks describe-addon-configuration --addon-name vpc-cni`, mirrors the Helm chart's values:
 * charts/aws-vpc-cni/values.yaml `env:`). Every value there is a string, so booleans and numbers
 * are written quoted (`"true"`, `"1"`); an unquoted YAML or JSON boolean or number is read by its
 * text and marked `refused`, since the schema does not take it.
 *
 * The string is parsed with the `yaml` package (YAML 1.2 reads JSON too), never evaluated; aliases
 * are followed with bounds. `at` is the node that holds the string: every setting found in it is
 * reported there. A variable the configuration does not mention keeps the add-on's shipped value.
 */
export function parseCniConfiguration<L>(text: string, at: L, where: string): CniSettings<L> {
  const absent = defaultCniSettings('shipped') as CniSettings<L>;
  if (text.trim() === '') return absent;
  if (text.length > MAX_CONFIGURATION_CHARS) return unknownCniSettings('the configuration is too long to read', at, where);
  if (nestingBeyond(text, MAX_CONFIGURATION_NESTING) !== undefined) return unknownCniSettings('the configuration is nested too deeply to read', at, where);
  const templated = isTemplateText(text);
  let doc;
  try {
    doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  } catch {
    return unknownCniSettings('the configuration does not parse', at, where);
  }
  if (doc.errors.length) return unknownCniSettings(templated ? 'the configuration is a template' : 'the configuration is not valid JSON or YAML', at, where);
  const anchors = new AnchorTable(doc);
  const root = doc.contents as Node | null;
  if (!isMap(root)) {
    if (isScalar(root) && root.value === null) return absent;
    return unknownCniSettings(templated ? 'the configuration is a template' : 'the configuration is not a mapping', at, where);
  }
  // A key that is not plain text (`{{ .Values }}` reads as a mapping key) means the text is a template.
  for (const pair of root.items) {
    if (!isScalar(pair.key)) return unknownCniSettings('the configuration is a template', at, where);
  }
  const env = get(root, 'env', anchors);
  if (env === undefined) return absent;
  if (!isMap(env)) {
    if (isScalar(env) && env.value === null) return absent;
    return unknownCniSettings(templated ? 'env is a template' : 'env is not a mapping', at, `${where} env`);
  }
  const out: Record<string, Setting<unknown, L>> = { ...absent };
  for (const [key, value] of entries(env, anchors)) {
    const name = cniSettingName(key);
    if (!name) continue;
    const w = `${where} env.${key}`;
    const scalar = isScalar(value) && value.value !== null && typeof value.value !== 'object' ? value.value : undefined;
    if (scalar === undefined) {
      out[name] = { state: 'unknown', reason: 'not a single value', at, where: w };
      continue;
    }
    const setting = readCniVariable(name, scalarText(value) ?? String(scalar), at, w);
    // The add-on's configuration schema types every env value as a string (with a boolean or integer
    // format), so EKS refuses `true` or `5` unquoted. Schema as printed in "Amazon EKS add-ons:
    // Advanced configuration", https://aws.amazon.com/blogs/containers/amazon-eks-add-ons-advanced-configuration/
    out[name] =
      typeof scalar !== 'string' && setting.state === 'known'
        ? { ...setting, refused: `${name} is not a string ("${String(scalar)}"): the add-on's configuration schema takes every env value as a string` }
        : setting;
  }
  // A template marker that is not inside one variable's value may stand for more variables.
  for (const pair of env.items) if (!isScalar(pair.key)) return unknownCniSettings('env is a template', at, `${where} env`);
  return out as unknown as CniSettings<L>;
}

/** The same settings with each place mapped (YAML nodes to workspace places). */
export function mapCniSettings<A, B>(settings: CniSettings<A>, map: (at: A) => B): CniSettings<B> {
  const out: Record<string, Setting<unknown, B>> = {};
  for (const name of CNI_SETTING_NAMES) out[name] = mapSetting(settings[name] as Setting<unknown, A>, map);
  return out as unknown as CniSettings<B>;
}

export function mapSetting<T, A, B>(setting: Setting<T, A>, map: (at: A) => B): Setting<T, B> {
  return setting.state === 'absent' ? setting : { ...setting, at: map(setting.at) };
}

/** A setting's value when the files decide it: known or defaulted; undefined when unknown (or "not set"). */
export function settingValue<T, L>(setting: Setting<T, L>): T | undefined {
  return setting.state === 'unknown' ? undefined : setting.value;
}

/** How one cluster's pods get their addresses, as one document declares it. */
export interface PodNetworking<L = Node> {
  /** The cluster it is for, as the document names it: an eksctl `metadata.name`; in a template the
   *  logical ID of the AWS::EKS::Cluster (or the add-on's literal `ClusterName`). */
  readonly cluster?: string;
  /** Where to report about it as a whole: the vpc-cni add-on, else the cluster. */
  readonly at?: L;
  /** The vpc-cni add-on is declared in the document (eksctl `addons`, AWS::EKS::Addon). Without it the
   *  cluster gets the VPC CNI EKS installs by default, with its shipped settings. */
  readonly addonDeclared: boolean;
  readonly cni: CniSettings<L>;
  /** EKS Auto Mode: nodes whose networking AWS manages (prefix delegation by default, falling back to
   *  secondary IPs; the VPC CNI's settings do not apply). Absent means off. */
  readonly autoMode: Setting<boolean, L>;
  /** The cluster's IP family when the document says it (IPv6 clusters hand out IPv6 prefixes). */
  readonly ipFamily?: 'IPv4' | 'IPv6';
}

export function mapPodNetworking<A, B>(pods: PodNetworking<A>, map: (at: A) => B): PodNetworking<B> {
  return {
    ...pods,
    at: pods.at === undefined ? undefined : map(pods.at),
    cni: mapCniSettings(pods.cni, map),
    autoMode: mapSetting(pods.autoMode, map),
  };
}

/** The settings the capacity formulas (podCapacity.ts) take, by the name each has there. */
const CAPACITY_FIELDS = {
  prefixDelegation: 'ENABLE_PREFIX_DELEGATION',
  customNetworking: 'AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG',
  podEni: 'ENABLE_POD_ENI',
  maxEni: 'MAX_ENI',
  warmEniTarget: 'WARM_ENI_TARGET',
  warmIpTarget: 'WARM_IP_TARGET',
  minimumIpTarget: 'MINIMUM_IP_TARGET',
  warmPrefixTarget: 'WARM_PREFIX_TARGET',
} as const satisfies Record<keyof CniValues, CniSettingName>;

/**
 * The values the capacity formulas take, from settings read from the files (absent ones carry
 * their default), and the names of the settings that could not be read: a caller must not present
 * a result that depends on one of those as a fact.
 */
export function cniValues<L>(settings: CniSettings<L>): { values: CniValues; unknown: CniSettingName[] } {
  const values: Record<string, unknown> = {};
  const unknown: CniSettingName[] = [];
  for (const [field, name] of Object.entries(CAPACITY_FIELDS) as Array<[keyof CniValues, CniSettingName]>) {
    const setting = settings[name] as Setting<unknown, L>;
    if (setting.state === 'unknown') unknown.push(name);
    else if (setting.value !== undefined) values[field] = setting.value;
  }
  return { values: values as CniValues, unknown };
}
