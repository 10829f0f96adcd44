// CloudFormation templates (YAML with short-form intrinsics, or JSON): the EC2 network resources
// and EKS clusters they declare.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-anatomy.html
import { isMap, type Node } from 'yaml';
import { entries, get, literalString, scalarText, type AnchorTable } from '../../model/nav';
import { networkFacts } from '../networkFacts';
import type { Format } from '../types';
import { cloudFormationFields } from './fields';
import { cfnVpcIdentities, documentLinks } from './links';
import { cloudFormationNetwork } from './network';
import { templateOf } from './template';
import { cfnTier } from './tier';

export const cloudFormation: Format = {
  kind: 'cloudformation',
  title: 'CloudFormation template',
  label: 'CloudFormation',
  json: true,
  addressOrigin: 'aws',
  detect: (root, anchors) => (isCloudFormation(root, anchors) ? { kind: 'cloudformation' } : undefined),
  looksLike: (text) => /^(AWSTemplateFormatVersion|Resources):/m.test(text),
  network: cloudFormationNetwork,
  addressFields: cloudFormationFields,
  facts(file, doc, place, network) {
    return networkFacts(file, doc, place, network, {
      source: 'cloudformation',
      vpcKey: (_doc, vpc) => (vpc.node ? literalString(vpc.node) : undefined),
      identities: (f, d, _vpc, key) => (key ? cfnVpcIdentities(f, d, key) : []),
      subnetTier: (d, subnet) => cfnTier(templateOf(d), subnet.name),
      links: documentLinks,
    });
  },
};

// A template declares its format version, or has a Resources section whose entries carry an
// AWS resource type.
function isCloudFormation(root: Node, anchors: AnchorTable): boolean {
  if (get(root, 'AWSTemplateFormatVersion', anchors) !== undefined) return true;
  const resources = get(root, 'Resources', anchors);
  if (!isMap(resources)) return false;
  for (const [, resource] of entries(resources, anchors)) {
    const type = scalarText(get(resource, 'Type', anchors));
    if (type && /^(AWS|Alexa|Custom)::/.test(type)) return true;
  }
  return false;
}
