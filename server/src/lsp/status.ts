// What the editor's status bar says about a checked document: which kind of file eks-lens took it
// for and how many findings of each severity it has. Sent as the `eksLens/status` notification
// right after the document's diagnostics, so the client only displays it.
import type { Finding } from '../engine/run';
import { FORMATS, type FormatKind } from '../formats';
import type { FileModel } from '../model/document';
import type { DocumentStatus } from '../protocol';

/** The status of a checked document, from its model and the findings published for it. */
export function statusOf(model: FileModel, findings: readonly Finding[]): DocumentStatus {
  const counts = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else if (f.severity === 'information') counts.infos++;
    else counts.hints++;
  }
  const present = new Set<FormatKind>();
  let documents = 0;
  for (const doc of model.documents) {
    if (doc.kind === 'other') continue;
    present.add(doc.kind);
    documents++;
  }
  const base = { uri: model.uri, version: model.version, documents, ...counts };
  // When a stream mixes kinds, the status bar names the format that comes first in the registry
  // (eksctl, CloudFormation, Kubernetes: the one whose network matters most).
  const formats = FORMATS.filter((f) => present.has(f.kind));
  if (formats.length) {
    const [main, ...rest] = formats;
    return { ...base, kind: main.title, label: main.label, alsoContains: rest.map((f) => f.title) };
  }
  // Nothing recognised, yet something was said about the file (too large, binary, broken): still
  // worth showing, under a plain name.
  if (findings.length) {
    if (model.notParsed) return { ...base, kind: 'Not checked', label: 'not checked', alsoContains: [] };
    return model.format === 'json' ? { ...base, kind: 'JSON file', label: 'JSON', alsoContains: [] } : { ...base, kind: 'YAML file', label: 'YAML', alsoContains: [] };
  }
  return { ...base, alsoContains: [] };
}
