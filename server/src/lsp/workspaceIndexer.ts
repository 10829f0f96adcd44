// Keeps the workspace index current for the language server: a background scan of the workspace
// folders when the server starts, the live text of open documents as they are checked, and the
// files the client reports as changed on disk. Reading files is all it does: no code from the
// workspace runs, and nothing leaves the machine.
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildFileModelSteps, type FileModel } from '../model/document';
import { SLICE_MS } from './scheduler';
import { factsOf, NO_FACTS } from '../workspace/facts';
import { WorkspaceIndex } from '../workspace/index';
import { expandPaths } from '../workspace/walk';

/** Files over this size are not scanned (open documents are indexed whatever their size). */
const MAX_SCANNED_BYTES = 1024 * 1024;
/** A workspace with more YAML files than this is scanned only this far. */
const MAX_SCANNED_FILES = 5000;
/** Only files that may hold facts are parsed: eksctl configs, VPC templates, ServiceCIDRs and workloads. */
const MAY_HOLD_FACTS = /\bkind:\s*["']?(ClusterConfig|ServiceCIDR|Deployment|StatefulSet|ReplicaSet|ReplicationController)\b|AWS::EC2::VPC\b/;
const YAML_FILE = /\.ya?ml$/i;

export class WorkspaceIndexer {
  readonly index = new WorkspaceIndex();

  /** `onChange` runs when what the workspace declares has changed, so open files can be rechecked
   *  (all but `source`, the open file whose own edit changed it). */
  constructor(
    private readonly onChange: (source?: string) => void,
    private readonly log: (message: string) => void,
    /** True while the editor's own checks are running or due; the scan waits for them. */
    private readonly busy: () => boolean = () => false,
  ) {}

  /** Records the facts of an open document's current text. */
  fromModel(model: FileModel): void {
    if (this.index.set(model.uri, factsOf(model))) this.onChange(model.uri);
  }

  /**
   * Indexes the YAML files under the workspace folders. It starts after `delayMs`, so the files
   * opened with the editor are checked first, and gives way to other work every few milliseconds
   * (each file is parsed one document at a time).
   */
  async scan(folderUris: readonly string[], isOpen: (uri: string) => boolean, delayMs = 0): Promise<void> {
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const folders = folderUris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    const { targets } = expandPaths(folders);
    const files = targets.filter((t) => YAML_FILE.test(t.path));
    if (files.length > MAX_SCANNED_FILES) this.log(`workspace has ${files.length} YAML files; indexing the first ${MAX_SCANNED_FILES} for cross-file checks`);
    let changed = false;
    const started = Date.now();
    for (const file of files.slice(0, MAX_SCANNED_FILES)) {
      const uri = pathToFileURL(file.path).href;
      if (isOpen(uri)) continue;
      changed = (await this.readIntoIndex(uri, file.path)) || changed;
      await this.giveWay();
    }
    this.log(`indexed ${files.length} YAML files in ${Date.now() - started} ms: ${this.index.size} declare service CIDRs or workloads`);
    if (changed) this.onChange();
  }

  /** Re-reads a file that changed on disk (not open in the editor), or forgets a deleted one. */
  async refresh(uri: string): Promise<void> {
    if (!uri.startsWith('file:') || !YAML_FILE.test(uri)) return;
    if (await this.readIntoIndex(uri, fileURLToPath(uri))) this.onChange();
  }

  forget(uri: string): void {
    if (this.index.delete(uri)) this.onChange();
  }

  /** Parses a file a slice at a time, standing aside whenever the editor's checks need the thread. */
  private async parse(uri: string, text: string): Promise<FileModel> {
    const steps = buildFileModelSteps({ uri, text });
    let sliceStart = Date.now();
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (Date.now() - sliceStart >= SLICE_MS) {
        await this.giveWay();
        sliceStart = Date.now();
      }
    }
  }

  private async giveWay(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    while (this.busy()) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  private async readIntoIndex(uri: string, path: string): Promise<boolean> {
    try {
      const info = await stat(path);
      if (!info.isFile() || info.size > MAX_SCANNED_BYTES) return this.index.set(uri, NO_FACTS);
      const text = await readFile(path, 'utf8');
      if (!MAY_HOLD_FACTS.test(text)) return this.index.set(uri, NO_FACTS);
      return this.index.set(uri, factsOf(await this.parse(uri, text)));
    } catch {
      // Gone or unreadable: it declares nothing.
      return this.index.delete(uri);
    }
  }
}
