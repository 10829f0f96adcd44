// The configuration that applies to one document: `eksLens.*` settings for its resource, then
// the `.eks-lens.yaml` of its workspace folder (the project file wins, as it does in CI).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFromSettings, mergeConfig, PROJECT_FILE, type EffectiveConfig, type PartialConfig } from '../engine/config';
import { readProjectConfigAsync, type LoadedProjectConfig } from '../engine/projectConfig';
import { compileGlob } from '../workspace/glob';
import { DEFAULT_MAX_FILE_BYTES } from '../model/document';
import { enabledGlobs } from '../workspace/walk';

/** The globs choosing a workspace folder's files for the cross-file index. */
export interface WorkspaceFilters {
  /** `eksLens.workspace.include`; undefined when not set (the indexer's default applies). */
  readonly include?: readonly string[];
  /** The globs `files.exclude` turns on. */
  readonly exclude: readonly string[];
}

export class SettingsStore {
  private folders: string[] = [];
  /** False in VS Code's Restricted Mode: the project file may then not raise the file size limit. */
  private trusted = true;
  /** The project file of each workspace folder, read once (asynchronously) until invalidated. */
  private readonly projectFiles = new Map<string, Promise<LoadedProjectConfig | undefined>>();
  private readonly settings = new Map<string, Promise<PartialConfig>>();

  constructor(
    private readonly fetchSettings: (uri: string) => Promise<unknown>,
    private readonly onProblem: (message: string) => void,
    /** Another section of the editor's settings for a resource (`files.exclude`); none when absent. */
    private readonly fetchSection: (uri: string, section: string) => Promise<unknown> = async () => undefined,
  ) {}

  /**
   * The include and exclude globs of a workspace folder: `eksLens.workspace.include` (a list of
   * globs relative to the folder) and the globs `files.exclude` turns on. Not cached: read once
   * per scan. An invalid glob is reported (naming the setting and the pattern) and left out; the
   * others keep working.
   */
  async workspaceFilters(folderUri: string): Promise<WorkspaceFilters> {
    const [raw, excluded] = await Promise.all([this.fetchSettings(folderUri).catch(() => undefined), this.fetchSection(folderUri, 'files.exclude').catch(() => undefined)]);
    const exclude = this.validGlobs('files.exclude', enabledGlobs(excluded), 'it is ignored by EKS Lens');
    const setting = (raw as { workspace?: { include?: unknown } } | undefined)?.workspace?.include;
    if (setting === undefined || setting === null) return { exclude };
    if (!Array.isArray(setting) || setting.some((g) => typeof g !== 'string')) {
      this.onProblem('Setting eksLens.workspace.include: expected a list of glob patterns such as "**/*.{yaml,yml,json}"; the default is used');
      return { exclude };
    }
    const given = (setting as string[]).filter((g) => g.trim() !== '');
    const include = this.validGlobs('eksLens.workspace.include', given, 'it is ignored');
    if (given.length && !include.length) this.onProblem('Setting eksLens.workspace.include: no valid glob pattern is left; the default "**/*.{yaml,yml,json}" is used');
    return include.length ? { include, exclude } : { exclude };
  }

  private validGlobs(setting: string, globs: readonly string[], consequence: string): string[] {
    return globs.filter((glob) => {
      const compiled = compileGlob(glob);
      if (!compiled.ok) this.onProblem(`Setting ${setting}: "${glob.length > 80 ? `${glob.slice(0, 80)}…` : glob}" is not a valid glob pattern (${compiled.reason}); ${consequence}`);
      return compiled.ok;
    });
  }

  /** Whether the workspace is trusted (VS Code's Workspace Trust); trusted unless told otherwise. */
  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
  }

  setWorkspaceFolders(uris: readonly string[]): void {
    this.folders = uris
      .filter((u) => u.startsWith('file:'))
      .map((u) => fileURLToPath(u))
      .sort((a, b) => b.length - a.length);
    this.projectFiles.clear();
  }

  /** Forget everything read, after a settings change or a project file change. */
  invalidate(): void {
    this.projectFiles.clear();
    this.settings.clear();
  }

  async configFor(uri: string): Promise<EffectiveConfig> {
    let fromSettings = this.settings.get(uri);
    if (!fromSettings) {
      fromSettings = this.fetchSettings(uri).then(
        (raw) => {
          const { config, problems } = configFromSettings(raw);
          for (const p of problems) this.onProblem(`Setting eksLens.${p}`);
          return config;
        },
        () => ({}),
      );
      this.settings.set(uri, fromSettings);
    }
    const [settings, project] = await Promise.all([fromSettings, this.projectConfigFor(uri)]);
    let fromProject = project?.config;
    // eksLens.maxFileSizeMB is a restricted setting: in an untrusted workspace VS Code gives only
    // the user's value. The repository's project file must not raise it either (lowering is harmless).
    const limit = settings.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    if (!this.trusted && fromProject?.maxFileBytes !== undefined && fromProject.maxFileBytes > limit) {
      this.onProblem(`${project!.path}: maxFileSizeMB is ignored in Restricted Mode, where it may only lower the limit of your settings (${limit / (1024 * 1024)} MB); trust the workspace to use it`);
      fromProject = { ...fromProject, maxFileBytes: undefined };
    }
    return mergeConfig(settings, fromProject);
  }

  private async projectConfigFor(uri: string): Promise<LoadedProjectConfig | undefined> {
    if (!uri.startsWith('file:')) return this.folders.length ? this.projectFileIn(this.folders[this.folders.length - 1]) : undefined;
    const file = fileURLToPath(uri);
    const folder = this.folders.find((f) => file === f || file.startsWith(f + path.sep));
    return folder ? this.projectFileIn(folder) : undefined;
  }

  /**
   * The folder's `.eks-lens.yaml`, read without blocking: a named pipe, a device, a file over
   * 1 MB or a link leading out of the folder is refused with a problem, never read.
   */
  private projectFileIn(folder: string): Promise<LoadedProjectConfig | undefined> {
    let pending = this.projectFiles.get(folder);
    if (!pending) {
      const file = path.join(folder, PROJECT_FILE);
      pending = readProjectConfigAsync(file, { root: folder, rootName: 'workspace folder' }).then(
        (loaded) => {
          if (loaded.status !== 'missing') for (const p of loaded.problems) this.onProblem(`${file}: ${p}`);
          return loaded.status === 'read' ? loaded : undefined;
        },
        () => undefined,
      );
      this.projectFiles.set(folder, pending);
    }
    return pending;
  }
}
