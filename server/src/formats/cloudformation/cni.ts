// How the EKS clusters of a CloudFormation template give their pods addresses: the `vpc-cni`
// AWS::EKS::Addon and its `ConfigurationValues` (a JSON or YAML string), and EKS Auto Mode
// (AWS::EKS::Cluster `ComputeConfig.Enabled`). References:
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-eks-addon.html
// (AddonName, ClusterName, ConfigurationValues: String), and
// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-eks-cluster.html
// (ComputeConfig.Enabled; KubernetesNetworkConfig.IpFamily, `ipv4` or `ipv6`).
//
// Templates have no cluster model, so the result is a list (NetworkModel.podNetworking): one entry per
// AWS::EKS::Cluster, with the vpc-cni add-on whose ClusterName refers to it (`!Ref` to its logical ID,
// or its literal `Name`), then one per vpc-cni add-on for a cluster the template does not declare
// (its `cluster` is the literal ClusterName, or the parameter it refers to). A value the template
// alone does not decide (an intrinsic over a parameter without Default, `${AWS::Region}`) is unknown;
// a parameter's Default is taken, as for addresses (intrinsics.ts). A configuration written as an
// object under `Fn::ToJsonString` is read key by key, each value at its own node.
import { isMap, isScalar, type Node } from 'yaml';
import type { StreamDocument } from '../../model/document';
import { entries, get, literalString, scalarText, type AnchorTable } from '../../model/nav';
import { cniSettingName, defaultCniSettings, parseCniConfiguration, readCniVariable, unknownCniSettings, type CniSettings, type PodNetworking, type Setting } from '../../network/cni';
import { evaluatorOf, type Evaluator } from './intrinsics';

interface AddonDraft {
  readonly id: string;
  readonly node: Node;
  readonly clusterRef?: string;
  readonly clusterName?: string;
  readonly cni: CniSettings;
}

export function cloudFormationPodNetworking(doc: StreamDocument): PodNetworking[] | undefined {
  const a = doc.anchors;
  const ev = evaluatorOf(doc);
  const clusters: Array<{ id: string; node: Node; name?: string; properties: Node | undefined }> = [];
  const addons: AddonDraft[] = [];
  for (const [id, resource, pair] of entries(get(doc.root, 'Resources', a), a)) {
    const type = scalarText(get(resource, 'Type', a));
    const key = (pair.key as Node | null) ?? resource;
    if (!key) continue;
    const properties = get(resource, 'Properties', a);
    if (type === 'AWS::EKS::Cluster') {
      const name = ev.evaluate(get(properties, 'Name', a));
      clusters.push({ id, node: key, name: name.kind === 'string' ? name.value : undefined, properties });
    } else if (type === 'AWS::EKS::Addon') {
      const addonName = ev.evaluate(get(properties, 'AddonName', a));
      if (addonName.kind !== 'string' || addonName.value !== 'vpc-cni') continue;
      const clusterNode = get(properties, 'ClusterName', a);
      addons.push({ id, node: key, clusterRef: ev.refName(clusterNode), clusterName: literalString(clusterNode), cni: addonSettings(get(properties, 'ConfigurationValues', a), id, ev, a) });
    }
  }
  if (!clusters.length && !addons.length) return undefined;
  const out: PodNetworking[] = [];
  const used = new Set<AddonDraft>();
  for (const cluster of clusters) {
    const addon = addons.find((d) => !used.has(d) && (d.clusterRef === cluster.id || (d.clusterName !== undefined && d.clusterName === cluster.name)));
    if (addon) used.add(addon);
    const ipFamily = ev.evaluate(get(get(cluster.properties, 'KubernetesNetworkConfig', a), 'IpFamily', a));
    out.push({
      cluster: cluster.id,
      at: addon?.node ?? cluster.node,
      addonDeclared: addon !== undefined,
      cni: addon?.cni ?? clusterDefaults(get(cluster.properties, 'BootstrapSelfManagedAddons', a), `Resources.${cluster.id}.Properties.BootstrapSelfManagedAddons`, ev),
      autoMode: booleanProperty(get(get(cluster.properties, 'ComputeConfig', a), 'Enabled', a), `Resources.${cluster.id}.Properties.ComputeConfig.Enabled`, ev),
      ...(ipFamily.kind === 'string' && /^ipv[46]$/i.test(ipFamily.value) ? { ipFamily: ipFamily.value.toLowerCase() === 'ipv6' ? ('IPv6' as const) : ('IPv4' as const) } : {}),
    });
  }
  for (const addon of addons) {
    if (used.has(addon)) continue;
    // A cluster this template does not create: whether it runs Auto Mode is not in the file.
    out.push({
      cluster: addon.clusterName ?? addon.clusterRef,
      at: addon.node,
      addonDeclared: true,
      cni: addon.cni,
      autoMode: { state: 'unknown', reason: 'the cluster is not declared in this template', at: addon.node, where: `Resources.${addon.id}` },
    });
  }
  return out;
}

// Without a vpc-cni add-on, EKS installs its self-managed VPC CNI with the shipped settings, unless
// `BootstrapSelfManagedAddons` is false: then the CNI comes from elsewhere, or there is none
// (https://docs.aws.amazon.com/eks/latest/userguide/eks-networking-add-ons.html; CreateCluster's
// bootstrapSelfManagedAddons in the EKS API reference).
function clusterDefaults(node: Node | undefined, where: string, ev: Evaluator): CniSettings {
  const bootstrap = booleanProperty(node, where, ev);
  if (bootstrap.state === 'absent' || (bootstrap.state === 'known' && bootstrap.value)) return defaultCniSettings('shipped') as CniSettings;
  return unknownCniSettings(bootstrap.state === 'known' ? 'EKS installs no CNI (BootstrapSelfManagedAddons is false)' : 'whether EKS installs its CNI is not decided by the template', node!, where);
}

function addonSettings(node: Node | undefined, id: string, ev: Evaluator, a: AnchorTable): CniSettings {
  const where = `Resources.${id}.Properties.ConfigurationValues`;
  if (node === undefined) return defaultCniSettings('shipped') as CniSettings;
  const json = toJsonStringArgument(node, a);
  if (json !== undefined) return jsonObjectSettings(json, node, where, ev, a);
  const value = ev.evaluate(node);
  if (value.kind !== 'string') return unknownCniSettings('a value the template alone does not decide', node, where);
  return parseCniConfiguration(value.value, node, where);
}

/**
 * The object `Fn::ToJsonString` turns into the string (the AWS::LanguageExtensions transform:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-ToJsonString.html),
 * for `!ToJsonString {env: …}` and `{"Fn::ToJsonString": {…}}`; undefined for anything else.
 */
function toJsonStringArgument(node: Node, a: AnchorTable): Node | undefined {
  if ((node as { tag?: string }).tag === '!ToJsonString') return node;
  if (isMap(node) && node.items.length === 1) {
    const [first] = entries(node, a);
    if (first?.[0] === 'Fn::ToJsonString') return first[1] ?? node;
  }
  return undefined;
}

/** The settings of a configuration written as a template object: each value at its own node, read
 *  through the evaluator (a `!Ref` to a parameter's Default is taken). */
function jsonObjectSettings(object: Node, property: Node, where: string, ev: Evaluator, a: AnchorTable): CniSettings {
  if (!isMap(object)) return unknownCniSettings('Fn::ToJsonString of something the template alone does not decide', property, where);
  const env = get(object, 'env', a);
  if (env === undefined) return defaultCniSettings('shipped') as CniSettings;
  if (!isMap(env) || (env as { tag?: string }).tag) return unknownCniSettings('env is not a mapping the template decides', env, `${where} env`);
  const out: Record<string, unknown> = { ...defaultCniSettings('shipped') };
  for (const [key, valueNode, pair] of entries(env, a)) {
    const name = cniSettingName(key);
    if (!name) continue;
    const at = valueNode ?? (pair.key as Node);
    const value = ev.evaluate(valueNode);
    const setting =
      value.kind === 'string'
        ? readCniVariable(name, value.value, at, `${where} env.${key}`)
        : { state: 'unknown' as const, reason: 'a value the template alone does not decide', at, where: `${where} env.${key}` };
    // An unquoted boolean or number stays one in the JSON, which the add-on's schema refuses (see
    // parseCniConfiguration in network/cni.ts).
    const typed = isScalar(valueNode) && !(valueNode as { tag?: string }).tag && (typeof valueNode.value === 'boolean' || typeof valueNode.value === 'number');
    out[name] =
      typed && setting.state === 'known'
        ? { ...setting, refused: `${name} is not a string (${String(valueNode.value)}): the add-on's configuration schema takes every env value as a string` }
        : setting;
  }
  return out as unknown as CniSettings;
}

/** A CloudFormation boolean: `true`, `"true"` (any case), or what an intrinsic resolves to; absent is off. */
function booleanProperty(node: Node | undefined, where: string, ev: Evaluator): Setting<boolean> {
  if (node === undefined) return { state: 'absent', value: false };
  const value = ev.evaluate(node);
  if (value.kind === 'string' && /^(true|false)$/i.test(value.value)) return { state: 'known', value: value.value.toLowerCase() === 'true', text: value.value, at: node, where };
  return { state: 'unknown', reason: 'a value the template alone does not decide', at: node, where };
}
