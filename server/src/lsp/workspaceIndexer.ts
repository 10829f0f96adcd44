// Keeps the workspace index current for the language server: a background scan of the workspace
// folders (the files `eksLens.workspace.include` names, less those `files.exclude` leaves out),
// the live text of open documents as they are checked, and the files the client reports as
// changed on disk. Only what other files' checks need is kept (service CIDRs, workloads, VPCs
// with their blocks, subnets and places), never the parsed files. Reading files is all it does:
// no code from the workspace runs, and nothing leaves the machine.
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type FileModel } from '../model/document';
import { SLICE_MS } from './scheduler';
import { NO_FACTS } from '../workspace/facts';
import { normalizeUri, WorkspaceIndex } from '../workspace/index';
import { fileFilter, isIncludedFile, isInsideRoot, relativeInside, walkFolder, type FileFilter } from '../workspace/walk';
import { buildFileModelSteps, factsOf } from '../formats';

/** Files over this size are not scanned (open documents are indexed whatever their size). */
const MAX_SCANNED_BYTES = 1024 * 1024;
/** A workspace with more matching files than this is scanned only this far. */
const MAX_SCANNED_FILES = 5000;
/** Only files that may hold facts are parsed: eksctl configs, VPC and EKS templates, ServiceCIDRs,
 *  workloads, DaemonSets (aws-node) and node classes, in YAML (`kind: X`) or JSON (`"kind": "X"`). */
const MAY_HOLD_FACTS =
  /\bkind["']?\s*:\s*["']?(ClusterConfig|ServiceCIDR|Deployment|StatefulSet|ReplicaSet|ReplicationController|DaemonSet|EC2NodeClass|NodeClass|NodePool)\b|AWS::EC2::(VPC|VPCPeeringConnection|TransitGateway(Vpc)?Attachment|VPNConnection)\b|AWS::DirectConnect::DirectConnectGatewayAssociation\b|AWS::EKS::(Cluster|Addon)\b/;
/** Files a change event may concern when no folder filter is known (a file outside the folders). */
const INDEXED_FILE = /\.(ya?ml|json)$/i;

/** The globs that choose a folder's files (see `eksLens.workspace.include` and `files.exclude`). */
export interface ScanFilters {
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
}

/** What a scan reports as it goes, for `window/workDoneProgress`. */
export type ScanProgress =
  | { readonly kind: 'begin'; readonly total: number }
  | { readonly kind: 'report'; readonly done: number; readonly total: number; readonly percentage: number }
  | { readonly kind: 'end'; readonly indexed: number; readonly cancelled: boolean };

export interface ScanOptions {
  /** Wait this long before starting, so the files open with the editor are checked first. */
  readonly delayMs?: number;
  /** The include and exclude globs of one workspace folder (default: every YAML and JSON file). */
  readonly filters?: (folderUri: string) => ScanFilters | Promise<ScanFilters>;
  readonly onProgress?: (progress: ScanProgress) => void;
  /** Stops the scan from outside (a newer scan stops the older one by itself). */
  readonly signal?: AbortSignal;
}

export interface ScanResult {
  /** Files read (or found unchanged) by this scan. */
  readonly scanned: number;
  readonly cancelled: boolean;
}

interface Folder {
  readonly root: string;
  readonly filter: FileFilter;
}

export class WorkspaceIndexer {
  readonly index = new WorkspaceIndex();
  private current?: AbortController;
  private folders: Folder[] = [];
  /** Files the last complete scan indexed from disk, to forget those a new scan no longer reads. */
  private fromDisk = new Set<string>();

  /** `onChange` runs when what the workspace declares has changed, so open files can be rechecked
   *  (all but `source`, the open file whose own edit changed it). */
  constructor(
    private readonly onChange: (source?: string) => void,
    private readonly log: (message: string) => void,
    /** True while the editor's own checks are running or due; the scan waits for them. */
    private readonly busy: () => boolean = () => false,
  ) {}

  /** Records the facts of an open document's current text (whatever the filters say: it is open). */
  fromModel(model: FileModel): void {
    if (this.index.set(model.uri, factsOf(model))) this.onChange(model.uri);
  }

  /**
   * Indexes the files of the workspace folders that the filters choose. A scan started while
   * another runs cancels the older one. The scan gives way to other work every few milliseconds
   * (each file is parsed one document at a time) and skips open files, which are indexed from
   * their live text.
   */
  async scan(folderUris: readonly string[], isOpen: (uri: string) => boolean, opts: ScanOptions = {}): Promise<ScanResult> {
    this.current?.abort();
    const controller = new AbortController();
    this.current = controller;
    const outside = opts.signal;
    if (outside) {
      if (outside.aborted) controller.abort();
      else outside.addEventListener('abort', () => controller.abort(), { once: true });
    }
    const signal = controller.signal;
    const progress = opts.onProgress ?? (() => {});
    let began = false;
    let done = 0;
    const finish = (cancelled: boolean): ScanResult => {
      if (began) progress({ kind: 'end', indexed: this.index.size, cancelled });
      if (this.current === controller) this.current = undefined;
      return { scanned: done, cancelled };
    };
    try {
      if (opts.delayMs) await abortableDelay(opts.delayMs, signal);
      if (signal.aborted) return finish(true);

      const folders: Folder[] = [];
      for (const uri of folderUris.filter((u) => u.startsWith('file:'))) {
        let filters: ScanFilters = {};
        try {
          filters = (await opts.filters?.(uri)) ?? {};
        } catch (error) {
          this.log(`workspace scan: cannot read the file filters of ${uri}: ${String(error)}`);
        }
        const filter = fileFilter(filters.include, filters.exclude, (glob, reason) => this.log(`workspace scan: glob "${glob}" of ${uri} is not valid (${reason}) and is ignored`));
        folders.push({ root: fileURLToPath(uri), filter });
      }
      if (signal.aborted) return finish(true);
      // The longest root first, so a nested folder's filters win for its files.
      this.folders = folders.sort((a, b) => b.root.length - a.root.length);

      const files: string[] = [];
      const seen = new Set<string>();
      for (const folder of folders) {
        for (const file of await walkFolder(folder.root, folder.filter, { signal, limit: MAX_SCANNED_FILES + 1 })) {
          // A file of a nested folder is read under the nested folder's filters only.
          if (seen.has(file) || this.folderOf(file) !== folder) continue;
          seen.add(file);
          files.push(file);
        }
        if (signal.aborted) return finish(true);
      }
      if (files.length > MAX_SCANNED_FILES) this.log(`workspace has more than ${MAX_SCANNED_FILES} files to index; indexing the first ${MAX_SCANNED_FILES} for cross-file checks`);
      const chosen = files.slice(0, MAX_SCANNED_FILES);

      began = true;
      progress({ kind: 'begin', total: chosen.length });
      let changed = false;
      let lastPercentage = 0;
      const started = Date.now();
      const indexed = new Set<string>();
      for (const file of chosen) {
        if (signal.aborted) break;
        const uri = pathToFileURL(file).href;
        if (!isOpen(uri)) {
          changed = (await this.readIntoIndex(uri, file)) || changed;
          indexed.add(normalizeUri(uri));
        }
        done++;
        const percentage = Math.floor((done * 100) / chosen.length);
        if (percentage !== lastPercentage) {
          lastPercentage = percentage;
          progress({ kind: 'report', done, total: chosen.length, percentage });
        }
        await this.giveWay(signal);
      }
      if (signal.aborted) {
        // What was read stays (it is true); what the scan did not reach stays as it was.
        if (changed) this.onChange();
        return finish(true);
      }
      // Files a previous scan read that this one no longer includes (a new filter, gone from disk).
      for (const uri of this.fromDisk) if (!indexed.has(uri) && !isOpen(uri) && this.index.delete(uri)) changed = true;
      this.fromDisk = indexed;
      this.log(`indexed ${chosen.length} files in ${Date.now() - started} ms: ${this.index.size} declare service CIDRs, workloads or VPCs`);
      if (changed) this.onChange();
      return finish(false);
    } catch (error) {
      finish(true);
      throw error;
    }
  }

  /** Stops the running scan, if any. */
  cancel(): void {
    this.current?.abort();
  }

  /** True when the last scan's filters (or, outside the folders, the file's extension) choose `uri`. */
  includes(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    let file: string;
    try {
      file = fileURLToPath(uri);
    } catch {
      return false;
    }
    const folder = this.folderOf(file);
    if (!folder) return INDEXED_FILE.test(file);
    return isIncludedFile(relativeInside(folder.root, file)!, folder.filter);
  }

  /** Re-reads a file that changed on disk (not open in the editor), or forgets a deleted or excluded
   *  one, or a document that has no file (a closed `untitled:` document). */
  async refresh(uri: string): Promise<void> {
    if (!this.includes(uri)) {
      this.forget(uri);
      return;
    }
    const file = fileURLToPath(uri);
    // A link leading out of its workspace folder is not read (the scan leaves it out too).
    const folder = this.folderOf(file);
    if (folder && !(await isInsideRoot(folder.root, file))) {
      this.forget(uri);
      return;
    }
    const changed = await this.readIntoIndex(uri, file);
    this.fromDisk.add(normalizeUri(uri));
    if (changed) this.onChange();
  }

  forget(uri: string): void {
    this.fromDisk.delete(normalizeUri(uri));
    if (this.index.delete(uri)) this.onChange();
  }

  private folderOf(file: string): Folder | undefined {
    return this.folders.find((f) => relativeInside(f.root, file) !== undefined);
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

  private async giveWay(signal?: AbortSignal): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    while (this.busy() && !signal?.aborted) await new Promise((resolve) => setTimeout(resolve, 20));
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

function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
