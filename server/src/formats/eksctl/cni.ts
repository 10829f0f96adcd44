// How an eksctl ClusterConfig's pods get addresses: the `vpc-cni` entry of `addons` and its
// `configurationValues`, and EKS Auto Mode (`autoModeConfig.enabled`). Keys from eksctl's schema
// (https://eksctl.io/usage/schema/; eksctl-io/eksctl at 99984adb6164ece593c0728523b7f497ea61d60e:
// pkg/apis/eksctl.io/v1alpha5/addon.go `Addon.Name`, `Addon.ConfigurationValues` (a string),
// auto_mode.go `AutoModeConfig.Enabled`). eksctl installs the VPC CNI as an EKS add-on whether or not
// it is listed (addon.go: "By default, all default addons are installed as EKS addons"), so a config
// without a vpc-cni entry gets the add-on's shipped settings, unless `addonsConfig.disableDefaultAddons`.
import { isScalar, type Node } from 'yaml';
import type { StreamDocument } from '../../model/document';
import { get, getIn, items, literalString } from '../../model/nav';
import { defaultCniSettings, parseCniConfiguration, unknownCniSettings, type CniSettings, type PodNetworking, type Setting } from '../../network/cni';

export function eksctlPodNetworking(doc: StreamDocument, ipFamily: 'IPv4' | 'IPv6'): PodNetworking {
  const a = doc.anchors;
  const root = doc.root;
  let addon: Node | undefined;
  for (const entry of items(get(root, 'addons', a), a)) {
    // eksctl compares add-on names in lower case (Addon.CanonicalName).
    if (literalString(get(entry, 'name', a))?.toLowerCase() === 'vpc-cni') addon = entry;
  }
  // `addonsConfig.disableDefaultAddons: true` creates the cluster without the default networking
  // add-ons (AddonsConfig in addon.go): without a vpc-cni entry, the CNI comes from elsewhere.
  const noDefaults = getIn(root, ['addonsConfig', 'disableDefaultAddons'], a);
  const defaults =
    isScalar(noDefaults) && noDefaults.value === true
      ? unknownCniSettings('default add-ons are disabled, so the CNI is installed some other way', noDefaults, 'addonsConfig.disableDefaultAddons')
      : (defaultCniSettings('shipped') as CniSettings);
  return {
    cluster: literalString(getIn(root, ['metadata', 'name'], a)),
    at: addon,
    addonDeclared: addon !== undefined,
    cni: addon ? addonSettings(addon, doc) : defaults,
    autoMode: autoMode(getIn(root, ['autoModeConfig', 'enabled'], a)),
    ipFamily,
  };
}

function addonSettings(addon: Node, doc: StreamDocument): CniSettings {
  const node = get(addon, 'configurationValues', doc.anchors);
  const where = 'addons[vpc-cni].configurationValues';
  if (node === undefined || (isScalar(node) && node.value === null)) return defaultCniSettings('shipped') as CniSettings;
  const text = literalString(node);
  if (text === undefined) return unknownCniSettings('configurationValues is not a string', node, where);
  return parseCniConfiguration(text, node, where);
}

/** A boolean field: absent is off; anything but a literal boolean is unknown. */
export function booleanSetting(node: Node | undefined, where: string): Setting<boolean> {
  if (node === undefined || (isScalar(node) && node.value === null)) return { state: 'absent', value: false };
  if (isScalar(node) && typeof node.value === 'boolean' && !node.tag?.startsWith('!')) return { state: 'known', value: node.value, text: node.source ?? String(node.value), at: node, where };
  return { state: 'unknown', reason: 'not a literal boolean', at: node, where };
}

function autoMode(node: Node | undefined): Setting<boolean> {
  return booleanSetting(node, 'autoModeConfig.enabled');
}
