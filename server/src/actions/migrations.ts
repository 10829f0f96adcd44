// Quick fixes that move a deprecated or removed apiVersion to its replacement, for k8s-removed-api
// and k8s-deprecated-api. A fix is offered only where the move is certainly right:
// - a plain apiVersion change, where the kind's schema is the same in both versions (the Deprecated
//   API Migration Guide lists "no notable changes"), or where the notable changes cannot touch
//   this object (checked on its body: apps/v1 needs spec.selector, policy/v1 reads an empty
//   selector differently);
// - Ingress, whose backends and paths are rewritten to the networking.k8s.io/v1 shape.
// Everything else (new required fields, renamed or moved fields, no replacement) gets no fix.
// https://kubernetes.io/docs/reference/using-api/deprecation-guide/
import { isMap, isScalar, isSeq, visit, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Fix, FixContext } from '../engine/fix';
import { replaceScalar, type TextEdit } from '../model/edits';
import { lineEnd as lineEndOf, lineStart as lineStartOf, offsetsOf } from '../model/offsets';
import type { FileModel, StreamDocument } from '../model/document';
import { get, keyText, ownPair } from '../model/nav';
import { compareMinor, lifecycleOf, type ApiLifecycle } from '../formats/kubernetes/apiLifecycle';
import { isEmptySelector, readSelector } from '../formats/kubernetes/selector';
import { targetVersion } from '../formats/kubernetes/targetVersion';

/** Whether changing only apiVersion keeps this object's meaning; per apiVersion+kind. */
type SameSchema = (doc: StreamDocument) => boolean;

const always: SameSchema = () => true;

const specOf = (doc: StreamDocument) => get(doc.root, 'spec', doc.anchors);

// apps/v1 requires spec.selector (older versions defaulted it from the template labels) and an
// empty one is invalid. The guide's other notable changes are removed fields (templateGeneration,
// rollbackTo: no fix when written) and new defaults, which are what any move to apps/v1 gets.
function appsWorkload(removedField?: string, mustWrite?: string): SameSchema {
  return (doc) => {
    const spec = specOf(doc);
    if (!isMap(spec)) return false;
    if (removedField && get(spec, removedField, doc.anchors) !== undefined) return false;
    if (mustWrite && get(spec, mustWrite, doc.anchors) === undefined) return false;
    const node = get(spec, 'selector', doc.anchors);
    if (!isMap(node)) return false;
    const selector = readSelector(node, doc.anchors);
    return selector !== undefined && !isEmptySelector(selector);
  };
}

// policy/v1: "an empty spec.selector ({}) written to a policy/v1 PodDisruptionBudget selects all
// pods in the namespace (in policy/v1beta1 an empty spec.selector selected no pods). An unset
// spec.selector selects no pods in either API version."
const pdb: SameSchema = (doc) => {
  const spec = specOf(doc);
  if (spec === undefined || (isScalar(spec) && spec.value === null)) return true;
  if (!isMap(spec)) return false;
  const node = get(spec, 'selector', doc.anchors);
  if (node === undefined || (isScalar(node) && node.value === null)) return true;
  if (!isMap(node)) return false;
  const selector = readSelector(node, doc.anchors);
  return selector !== undefined && !isEmptySelector(selector);
};

/**
 * The moves that are an apiVersion change, each checked against the guide. Not listed, so no fix:
 * PodSecurityPolicy (no replacement), autoscaling/v2beta1 HPA (metric targets restructured),
 * apiextensions CRD, admissionregistration webhooks (new required fields), events (renamed
 * fields), EndpointSlice v1beta1 (topology replaced), CSR (signerName, usages required),
 * authorization reviews (spec.group renamed), flowcontrol PriorityLevelConfiguration
 * (assuredConcurrencyShares renamed in v1beta3; an explicit 0 means 0 in v1), ControllerRevision
 * and the off-by-default betas the guide does not cover, v1 Endpoints (a different kind) and
 * resource.k8s.io.
 */
const RENAMES: ReadonlyMap<string, SameSchema> = new Map<string, SameSchema>([
  // v1.16: DaemonSet, Deployment, StatefulSet, ReplicaSet; NetworkPolicy (no notable changes listed).
  // A DaemonSet that leaves updateStrategy out would go from OnDelete (extensions/v1beta1) to
  // RollingUpdate (apps/v1): its pods would start being replaced on every change. Only when the
  // strategy is written does the move keep its behaviour.
  ['extensions/v1beta1 DaemonSet', appsWorkload('templateGeneration', 'updateStrategy')],
  ['apps/v1beta2 DaemonSet', appsWorkload('templateGeneration')],
  ['extensions/v1beta1 Deployment', appsWorkload('rollbackTo')],
  ['apps/v1beta1 Deployment', appsWorkload('rollbackTo')],
  ['apps/v1beta2 Deployment', appsWorkload('rollbackTo')],
  ['apps/v1beta1 StatefulSet', appsWorkload()],
  ['apps/v1beta2 StatefulSet', appsWorkload()],
  ['extensions/v1beta1 ReplicaSet', appsWorkload()],
  ['apps/v1beta1 ReplicaSet', appsWorkload()],
  ['apps/v1beta2 ReplicaSet', appsWorkload()],
  ['extensions/v1beta1 NetworkPolicy', always],
  // v1.22, "No notable changes": APIService, TokenReview, Lease, IngressClass, RBAC, PriorityClass, storage.
  ['apiregistration.k8s.io/v1beta1 APIService', always],
  ['authentication.k8s.io/v1beta1 TokenReview', always],
  ['coordination.k8s.io/v1beta1 Lease', always],
  ['networking.k8s.io/v1beta1 IngressClass', always],
  ['rbac.authorization.k8s.io/v1beta1 Role', always],
  ['rbac.authorization.k8s.io/v1beta1 ClusterRole', always],
  ['rbac.authorization.k8s.io/v1beta1 RoleBinding', always],
  ['rbac.authorization.k8s.io/v1beta1 ClusterRoleBinding', always],
  ['scheduling.k8s.io/v1beta1 PriorityClass', always],
  ['storage.k8s.io/v1beta1 CSIDriver', always],
  ['storage.k8s.io/v1beta1 CSINode', always],
  ['storage.k8s.io/v1beta1 StorageClass', always],
  ['storage.k8s.io/v1beta1 VolumeAttachment', always],
  // v1.25: CronJob and RuntimeClass "No notable changes"; PodDisruptionBudget: the empty selector.
  ['batch/v1beta1 CronJob', always],
  ['node.k8s.io/v1beta1 RuntimeClass', always],
  ['policy/v1beta1 PodDisruptionBudget', pdb],
  // v1.26: HPA v2beta2 and flowcontrol v1beta1 "No notable changes"; v1.29 and v1.32: the only
  // flowcontrol changes are PriorityLevelConfiguration's, so FlowSchema moves unchanged.
  ['autoscaling/v2beta2 HorizontalPodAutoscaler', always],
  ['flowcontrol.apiserver.k8s.io/v1beta1 FlowSchema', always],
  ['flowcontrol.apiserver.k8s.io/v1beta2 FlowSchema', always],
  ['flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema', always],
  // v1.27: CSIStorageCapacity "No notable changes".
  ['storage.k8s.io/v1beta1 CSIStorageCapacity', always],
]);

const INGRESS_FROM = new Set(['extensions/v1beta1', 'networking.k8s.io/v1beta1']);
const INGRESS_TO = 'networking.k8s.io/v1';

const servedAt = (entry: ApiLifecycle | undefined, target: string): boolean =>
  !entry || !((entry.deprecated && compareMinor(entry.deprecated, target) <= 0) || (entry.removed && compareMinor(entry.removed, target) <= 0));

/**
 * The apiVersion to move a document to by changing apiVersion alone: the replacement, followed on
 * while that is itself deprecated at the target and the next move is also a plain change
 * (flowcontrol v1beta1 → v1beta2 → v1beta3 → v1). Undefined when no such move is certainly right
 * or where it ends is not cleanly served at the target.
 */
export function renameTarget(doc: StreamDocument, target: string): string | undefined {
  if (!doc.apiVersion || !doc.objectKind) return undefined;
  const kind = doc.objectKind;
  let entry = lifecycleOf(doc.apiVersion, kind);
  let to: string | undefined;
  while (entry) {
    const next = entry.replacement;
    if (!next || next.kind !== kind || compareMinor(next.since, target) > 0) break;
    const same = RENAMES.get(`${entry.apiVersion} ${kind}`);
    if (!same || !same(doc)) break;
    to = next.apiVersion;
    const after = lifecycleOf(to, kind);
    if (servedAt(after, target)) return to;
    entry = after;
  }
  return to !== undefined && servedAt(lifecycleOf(to, kind), target) ? to : undefined;
}

/** The fixes for a k8s-removed-api or k8s-deprecated-api finding. */
export function apiMigrationFixes({ file, doc, config }: FixContext): Fix[] {
  const scalar = apiVersionScalar(doc);
  if (!scalar || !doc.apiVersion || !doc.objectKind) return [];
  const target = targetVersion(config).version;
  if (doc.objectKind === 'Ingress' && INGRESS_FROM.has(doc.apiVersion)) {
    const entry = lifecycleOf(doc.apiVersion, 'Ingress');
    if (entry?.replacement && compareMinor(entry.replacement.since, target) > 0) return [];
    const body = ingressBody(doc, file);
    if (!body) return [];
    const edits = [replaceScalar(scalar, doc, INGRESS_TO), ...body.edits];
    const what = body.backends && body.pathTypes ? 'backends and pathType rewritten' : body.backends ? 'backends rewritten' : body.pathTypes ? 'pathType added' : undefined;
    const title = what ? `Migrate Ingress to ${INGRESS_TO} (${what})` : `Change apiVersion to ${INGRESS_TO}`;
    return [{ title, isPreferred: true, edits }];
  }
  const to = renameTarget(doc, target);
  if (!to) return [];
  return [{ title: `Change apiVersion to ${to}`, isPreferred: true, edits: [replaceScalar(scalar, doc, to)] }];
}

/** The document's own `apiVersion` value, written in the document as a one-line literal. */
function apiVersionScalar(doc: StreamDocument): Scalar | undefined {
  if (!isMap(doc.root)) return undefined;
  // The last apiVersion, if it is written twice: the one kubectl keeps.
  const value = ownPair(doc.root, 'apiVersion')?.value;
  if (!isScalar(value) || value.tag || value.value !== doc.apiVersion) return undefined;
  return value.type === 'PLAIN' || value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE' ? value : undefined;
}

// ---- Ingress ----
//
// The guide's notes for Ingress (v1.22), https://kubernetes.io/docs/reference/using-api/deprecation-guide/#ingress-v122:
//   * spec.backend is renamed to spec.defaultBackend
//   * The backend serviceName field is renamed to service.name
//   * Numeric backend servicePort fields are renamed to service.port.number
//   * String backend servicePort fields are renamed to service.port.name
//   * pathType is now required for each specified path. Options are Prefix, Exact, and
//     ImplementationSpecific. To match the undefined v1beta1 behavior, use ImplementationSpecific.
// The body is edited in place, only in block style and only where its layout is the usual one
// (one pair per line); anything else (flow style, aliases, merge keys, templates) gets no fix.

interface IngressBody {
  readonly edits: TextEdit[];
  readonly backends: boolean;
  readonly pathTypes: boolean;
}

class NotExpected extends Error {}

function expect(condition: unknown): asserts condition {
  if (!condition) throw new NotExpected();
}

/** A mapping's own pairs by key; no merge keys, no duplicate or non-text keys. */
function ownPairs(map: YAMLMap): Map<string, Pair> {
  const out = new Map<string, Pair>();
  for (const pair of map.items) {
    const key = keyText(pair);
    expect(key !== undefined && key !== '<<' && !out.has(key));
    out.set(key, pair);
  }
  return out;
}

const isNull = (node: unknown) => node === null || node === undefined || (isScalar(node) && node.value === null);

/** End of a line's content, before its `\r\n` or `\n`. */
function contentEndOf(text: string, offset: number): number {
  const end = lineEndOf(text, offset);
  return end > 0 && text[end - 1] === '\r' && end < text.length ? end - 1 : end;
}

function rangeOf(node: Node, doc: StreamDocument): { start: number; end: number } {
  expect(node.range);
  return offsetsOf(node, doc);
}

/** A `key: scalar  # comment` pair that is a whole line to itself in block style. */
interface PairLine {
  readonly lineStart: number;
  /** Past the line's end of line (or the end of the text). */
  readonly next: number;
  readonly contentEnd: number;
  readonly indent: number;
  /** The value as written, with any comment after it. */
  readonly tail: string;
}

function pairLine(pair: Pair, doc: StreamDocument, file: FileModel, opening: RegExp = /^ *$/): PairLine {
  const text = file.text;
  expect(isScalar(pair.key) && isScalar(pair.value));
  const key = rangeOf(pair.key as Scalar, doc);
  const value = rangeOf(pair.value as Scalar, doc);
  const lineStart = lineStartOf(text, key.start);
  expect(opening.test(text.slice(lineStart, key.start)));
  const contentEnd = contentEndOf(text, key.start);
  expect(/^[ \t]*:[ \t]+$/.test(text.slice(key.end, value.start)) && value.end <= contentEnd);
  expect(/^[ \t]*(#.*)?$/.test(text.slice(value.end, contentEnd)));
  const end = lineEndOf(text, key.start);
  return { lineStart, next: Math.min(text.length, end + 1), contentEnd, indent: key.start - lineStart, tail: text.slice(value.start, contentEnd) };
}

function columnOf(node: Node, doc: StreamDocument, file: FileModel): number {
  const { start } = rangeOf(node, doc);
  return start - lineStartOf(file.text, start);
}

// A Service port name is an IANA_SVC_NAME: at most 15 lowercase letters, digits and inner hyphens, with a letter.
const PORT_NAME = /^(?=.*[a-z])(?!.*--)[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/;

/** Edits turning one backend from serviceName/servicePort into service.name/service.port; none when already v1. */
function backendEdits(parentKey: Node, node: unknown, doc: StreamDocument, file: FileModel, eol: string): TextEdit[] {
  expect(isMap(node));
  const pairs = ownPairs(node);
  const name = pairs.get('serviceName');
  const port = pairs.get('servicePort');
  if (!name && !port) {
    expect(pairs.has('service') || pairs.has('resource'));
    return [];
  }
  expect(name && port && !pairs.has('service') && !node.flow);
  const nameValue = name.value;
  const portValue = port.value;
  expect(isScalar(nameValue) && !nameValue.tag && typeof nameValue.value === 'string' && nameValue.value !== '');
  expect(isScalar(portValue) && !portValue.tag);
  let portKey: 'number' | 'name';
  if (typeof portValue.value === 'number') {
    expect(portValue.type === 'PLAIN' && /^\d+$/.test(portValue.source ?? '') && portValue.value >= 1 && portValue.value <= 65535);
    portKey = 'number';
  } else {
    expect(typeof portValue.value === 'string' && PORT_NAME.test(portValue.value));
    portKey = 'name';
  }
  const nameLine = pairLine(name, doc, file);
  const portLine = pairLine(port, doc, file);
  expect(nameLine.indent === portLine.indent && nameLine.lineStart !== portLine.lineStart);
  const unit = nameLine.indent - columnOf(parentKey, doc, file);
  expect(unit > 0);
  const pad = (n: number) => ' '.repeat(nameLine.indent + n * unit);
  const block = [`${pad(0)}service:`, `${pad(1)}name: ${nameLine.tail}`, `${pad(1)}port:`, `${pad(2)}${portKey}: ${portLine.tail}`].join(eol);
  const [first, second] = nameLine.lineStart < portLine.lineStart ? [nameLine, portLine] : [portLine, nameLine];
  return [
    { start: first.lineStart, end: first.contentEnd, newText: block },
    { start: second.lineStart, end: second.next, newText: '' },
  ];
}

/** A line `pathType: ImplementationSpecific` in a paths item that has none. */
function pathTypeEdit(item: YAMLMap, doc: StreamDocument, file: FileModel, eol: string): TextEdit {
  expect(!item.flow && item.items.length > 0);
  const text = file.text;
  const first = item.items[0];
  expect(first.key && (first.key as Node).range);
  const firstKey = rangeOf(first.key as Node, doc);
  const lineStart = lineStartOf(text, firstKey.start);
  expect(/^ *(- +)?$/.test(text.slice(lineStart, firstKey.start)));
  const column = firstKey.start - lineStart;
  const line = `${' '.repeat(column)}pathType: ImplementationSpecific`;
  // After a first pair that is one line (`- path: /foo`), else before the next pair's line.
  if (isScalar(first.value)) {
    try {
      const at = pairLine(first, doc, file, /^ *(- +)?$/);
      return at.next === text.length && !text.endsWith('\n') ? { start: text.length, end: text.length, newText: `${eol}${line}` } : { start: at.next, end: at.next, newText: `${line}${eol}` };
    } catch (error) {
      if (!(error instanceof NotExpected)) throw error;
    }
  }
  for (const pair of item.items.slice(1)) {
    expect(pair.key && (pair.key as Node).range);
    const start = rangeOf(pair.key as Node, doc).start;
    const from = lineStartOf(text, start);
    if (text.slice(from, start) === ' '.repeat(column)) return { start: from, end: from, newText: `${line}${eol}` };
  }
  throw new NotExpected();
}

function hasAlias(doc: StreamDocument): boolean {
  let found = false;
  visit(doc.yaml, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

/** The edits that give an Ingress's body the networking.k8s.io/v1 shape; undefined when not certain. */
function ingressBody(doc: StreamDocument, file: FileModel): IngressBody | undefined {
  const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
  const edits: TextEdit[] = [];
  let backends = false;
  let pathTypes = false;
  try {
    expect(isMap(doc.root));
    const spec = ownPairs(doc.root).get('spec')?.value;
    if (!isNull(spec)) {
      expect(isMap(spec));
      const specPairs = ownPairs(spec);
      const defaultBackend = specPairs.get('backend');
      if (defaultBackend) {
        expect(!specPairs.has('defaultBackend') && isScalar(defaultBackend.key));
        edits.push(replaceScalar(defaultBackend.key, doc, 'defaultBackend'));
        edits.push(...backendEdits(defaultBackend.key, defaultBackend.value, doc, file, eol));
        backends = true;
      }
      const rules = specPairs.get('rules')?.value;
      if (!isNull(rules)) {
        expect(isSeq(rules));
        for (const rule of rules.items) {
          expect(isMap(rule));
          const http = ownPairs(rule).get('http')?.value;
          if (isNull(http)) continue;
          expect(isMap(http));
          const paths = ownPairs(http).get('paths')?.value;
          if (isNull(paths)) continue;
          expect(isSeq(paths));
          for (const path of paths.items) {
            expect(isMap(path));
            const pathPairs = ownPairs(path);
            const backend = pathPairs.get('backend');
            expect(backend && isScalar(backend.key));
            const changed = backendEdits(backend.key, backend.value, doc, file, eol);
            if (changed.length) backends = true;
            edits.push(...changed);
            if (!pathPairs.has('pathType')) {
              edits.push(pathTypeEdit(path, doc, file, eol));
              pathTypes = true;
            }
          }
        }
      }
    }
    // An edited node could be shared through an anchor, and a template's output is not this text.
    if (edits.length) expect(!hasAlias(doc) && !file.templated);
  } catch (error) {
    if (error instanceof NotExpected) return undefined;
    throw error;
  }
  return { edits, backends, pathTypes };
}
