// What the editor's status bar says about a checked document: which kind of file eks-lens took it
// for and how many findings of each severity it has. Sent as the `eksLens/status` notification
// right after the document's diagnostics, so the client only displays it.
import type { Finding } from '../engine/run';
import type { FileModel } from '../model/document';
import type { DocumentKind } from '../model/classify';
import type { DocumentStatus, StatusKind } from '../protocol';

const KIND: Record<Exclude<DocumentKind, 'other'>, { kind: StatusKind; label: string }> = {
  eksctl: { kind: 'eksctl ClusterConfig', label: 'ClusterConfig' },
  cloudformation: { kind: 'CloudFormation template', label: 'CloudFormation' },
  kubernetes: { kind: 'Kubernetes manifest', label: 'Kubernetes' },
};

/** The kind named in the status bar when a stream mixes kinds: the one whose network matters most. */
const PRIORITY: ReadonlyArray<Exclude<DocumentKind, 'other'>> = ['eksctl', 'cloudformation', 'kubernetes'];

/** The status of a checked document, from its model and the findings published for it. */
export function statusOf(model: FileModel, findings: readonly Finding[]): DocumentStatus {
  const counts = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else if (f.severity === 'information') counts.infos++;
    else counts.hints++;
  }
  const present = new Set<Exclude<DocumentKind, 'other'>>();
  let documents = 0;
  for (const doc of model.documents) {
    if (doc.kind === 'other') continue;
    present.add(doc.kind);
    documents++;
  }
  const base = { uri: model.uri, version: model.version, documents, ...counts };
  const kinds = PRIORITY.filter((k) => present.has(k));
  if (kinds.length) {
    const [main, ...rest] = kinds;
    return { ...base, ...KIND[main], alsoContains: rest.map((k) => KIND[k].kind) };
  }
  // Nothing recognised, yet something was said about the file (too large, binary, broken): still
  // worth showing, under a plain name.
  if (findings.length) {
    if (model.notParsed) return { ...base, kind: 'Not checked', label: 'not checked', alsoContains: [] };
    return model.format === 'json' ? { ...base, kind: 'JSON file', label: 'JSON', alsoContains: [] } : { ...base, kind: 'YAML file', label: 'YAML', alsoContains: [] };
  }
  return { ...base, alsoContains: [] };
}
