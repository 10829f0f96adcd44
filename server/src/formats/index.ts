// The registry of formats, and what every feature asks of a document through it: what it is
// (classifyDocument, and the model built with it), its network model, its address fields and its
// workspace facts. Adding a format is a folder beside this file, its kind in model/classify.ts and one
// entry in FORMATS (ARCHITECTURE.md, "Adding a format").
import { isMap, isScalar, type Node } from 'yaml';
import type { Classification, DocumentKind } from '../model/classify';
import { memo, ModelCache, parseFileModel, parseFileModelSteps, type FileInput, type FileModel, type StreamDocument } from '../model/document';
import { isTemplated, type AnchorTable } from '../model/nav';
import { offsetsOf } from '../model/offsets';
import type { NetworkModel } from '../network/model';
import {
  NO_FACTS,
  type CniSettingsFact,
  type EniConfigFact,
  type FileFacts,
  type LinkFact,
  type NodeClassFact,
  type Place,
  type ServiceCidrFact,
  type VpcFact,
  type WorkloadFact,
} from '../workspace/facts';
import { cloudFormation } from './cloudformation';
import { eksctl } from './eksctl';
import { kubernetes } from './kubernetes';
import type { AddressCollector, AddressField, Capability, Format, FormatKind } from './types';

export type { AddressField, AddressOrigin, AddressType, Format, FormatKind } from './types';

/** Every format, in the order they are asked whether a document is theirs (the first claim wins:
 *  a ClusterConfig has an apiVersion and a kind too, but is eksctl's, not a Kubernetes object). */
export const FORMATS: readonly Format[] = [eksctl, cloudFormation, kubernetes];

const BY_KIND = new Map<DocumentKind, Format>(FORMATS.map((f) => [f.kind, f]));

/** The format of a document kind (none for `other`). */
export function formatFor(kind: DocumentKind): Format | undefined {
  return BY_KIND.get(kind);
}

/** The kinds whose format provides a capability: what a rule that reads it declares in `kinds`. */
export function formatsWith(capability: Capability): FormatKind[] {
  return FORMATS.filter((f) => f[capability] !== undefined).map((f) => f.kind);
}

/** What a parsed document is: the first format that claims it, or `other`. */
export function classifyDocument(root: Node | null | undefined, anchors: AnchorTable): Classification {
  if (isMap(root)) {
    for (const format of FORMATS) {
      const found = format.detect(root, anchors);
      if (found) return found;
    }
  }
  return { kind: 'other' };
}

/** The model of a file, its documents classified by the formats (see model/document.ts). */
export function buildFileModel(input: FileInput, previous?: FileModel): FileModel {
  return parseFileModel(input, previous, classifyDocument);
}

export function buildFileModelSteps(input: FileInput, previous?: FileModel): Generator<void, FileModel> {
  return parseFileModelSteps(input, previous, classifyDocument);
}

/** A cache of file models (one version per file) whose documents the formats classify. */
export function newModelCache(): ModelCache {
  return new ModelCache(classifyDocument);
}

const NO_NETWORK: NetworkModel = { vpcs: [] };

/** The network a document describes, read once per parsed document. */
export function networkOf(doc: StreamDocument): NetworkModel {
  return memo(doc, 'network', () => formatFor(doc.kind)?.network?.(doc) ?? NO_NETWORK);
}

/** Every address-valued field of a document with a literal value (intrinsics and templates are skipped). */
export function addressFields(doc: StreamDocument): readonly AddressField[] {
  return memo(doc, 'addressFields', () => {
    const format = formatFor(doc.kind);
    const out: AddressField[] = [];
    if (!format?.addressFields) return out;
    const origin = format.addressOrigin;
    const collect: AddressCollector = (node, type, path, options) => {
      if (!isScalar(node) || isIntrinsic(node) || node.value === null || node.value === '') return;
      const value = typeof node.value === 'string' ? node.value : undefined;
      if (value !== undefined && isTemplated(value)) return;
      out.push({ node, value, type, origin, path, ...options, hostBitsWarning: origin === 'kubernetes' || options?.hostBitsWarning });
    };
    format.addressFields(doc, collect);
    return out;
  });
}

/** A node with an application tag such as `!Ref` (YAML's own `!!str` and friends do not count). */
function isIntrinsic(node: { tag?: string }): boolean {
  return !!node.tag && !node.tag.startsWith('tag:yaml.org,2002:');
}

/** The facts a parsed file contributes. */
export function factsOf(file: FileModel): FileFacts {
  const serviceCidrs: ServiceCidrFact[] = [];
  const workloads: WorkloadFact[] = [];
  const vpcs: VpcFact[] = [];
  const links: LinkFact[] = [];
  const cniSettings: CniSettingsFact[] = [];
  const nodeClasses: NodeClassFact[] = [];
  const eniConfigs: EniConfigFact[] = [];
  for (const doc of file.documents) {
    if (doc.syntaxErrors.length) continue;
    const facts = documentFacts(file, doc);
    serviceCidrs.push(...facts.serviceCidrs);
    workloads.push(...facts.workloads);
    vpcs.push(...(facts.vpcs ?? []));
    links.push(...(facts.links ?? []));
    cniSettings.push(...(facts.cniSettings ?? []));
    nodeClasses.push(...(facts.nodeClasses ?? []));
    eniConfigs.push(...(facts.eniConfigs ?? []));
  }
  if (!serviceCidrs.length && !workloads.length && !vpcs.length && !links.length && !cniSettings.length && !nodeClasses.length && !eniConfigs.length) return NO_FACTS;
  return {
    serviceCidrs,
    workloads,
    ...(vpcs.length ? { vpcs } : {}),
    ...(links.length ? { links } : {}),
    ...(cniSettings.length ? { cniSettings } : {}),
    ...(nodeClasses.length ? { nodeClasses } : {}),
    ...(eniConfigs.length ? { eniConfigs } : {}),
  };
}

/** The facts of one document, computed once per parsed document. */
export function documentFacts(file: FileModel, doc: StreamDocument): FileFacts {
  return memo(doc, 'workspaceFacts', () => {
    const format = formatFor(doc.kind);
    if (!format?.facts) return NO_FACTS;
    const place = (node: Node): Place => {
      const { start, end } = offsetsOf(node, doc);
      return { uri: file.uri, range: file.lines.rangeOf(start, Math.max(start, end)) };
    };
    return format.facts(file, doc, place, networkOf(doc));
  });
}
