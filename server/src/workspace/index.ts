// The facts of every file the checker knows about, kept by URI. Only files that contribute
// something are stored, so a view of "the rest of the workspace" stays short.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { NO_FACTS, type FileFacts, type WorkspaceView } from './facts';

/** One spelling per file: editors and file walks may encode the same file: URI differently. */
export function normalizeUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

/** A comparable text of a file's facts (CIDRs hold bigints, which JSON cannot write as such). */
function fingerprint(facts: FileFacts): string {
  return JSON.stringify(facts, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

export class WorkspaceIndex {
  private readonly files = new Map<string, FileFacts>();

  /** Records a file's facts; true when they differ from what was known about it. */
  set(uri: string, facts: FileFacts): boolean {
    uri = normalizeUri(uri);
    const before = this.files.get(uri) ?? NO_FACTS;
    if (!facts.serviceCidrs.length && !facts.workloads.length && !facts.vpcs?.length && !facts.links?.length && !facts.cniSettings?.length && !facts.nodeClasses?.length && !facts.eniConfigs?.length)
      this.files.delete(uri);
    else this.files.set(uri, facts);
    return fingerprint(before) !== fingerprint(facts);
  }

  /** Forgets a file; true when it contributed something. */
  delete(uri: string): boolean {
    return this.files.delete(normalizeUri(uri));
  }

  /** The workspace as seen from `uri`: every other file's facts. */
  viewFrom(uri: string): WorkspaceView {
    uri = normalizeUri(uri);
    const others: FileFacts[] = [];
    for (const [other, facts] of this.files) if (other !== uri) others.push(facts);
    return { others };
  }

  /** The facts of every file. */
  all(): FileFacts[] {
    return [...this.files.values()];
  }

  get size(): number {
    return this.files.size;
  }
}
