// Expands the checker's PATH arguments into files: directories are walked for YAML and JSON,
// skipping dependency and VCS folders, never following links to folders (no cycles), and following
// links to files only when the file they lead to is inside the walked folder.
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { compileGlob, globMatcher, type GlobMatcher } from './glob';

const SKIPPED_DIRS = new Set(['node_modules', '.git']);
const CHECKED_FILE = /\.(ya?ml|json)$/i;

export interface Target {
  path: string;
  /** Named on the command line (checked whatever it holds) rather than found by walking. */
  explicit: boolean;
}

export function expandPaths(args: readonly string[]): { targets: Target[]; unreadable: string[] } {
  const targets: Target[] = [];
  const unreadable: string[] = [];
  for (const arg of args) {
    if (arg === '-') {
      targets.push({ path: '-', explicit: true });
      continue;
    }
    let stats;
    try {
      stats = statSync(arg);
    } catch (error) {
      unreadable.push(`${arg}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (error as Error).message}`);
      continue;
    }
    if (stats.isDirectory()) walk(arg, targets, unreadable, realRoot(arg));
    else targets.push({ path: arg, explicit: true });
  }
  return { targets, unreadable };
}

function walk(dir: string, out: Target[], unreadable: string[], root: string): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    unreadable.push(`${dir}: ${(error as Error).message}`);
    return;
  }
  for (const name of names) {
    const full = path.join(dir, name);
    let stats;
    try {
      stats = statSync(full);
    } catch {
      continue; // a dangling link: nothing to check
    }
    const link = isLink(full);
    if (stats.isDirectory()) {
      if (!SKIPPED_DIRS.has(name) && !link) walk(full, out, unreadable, root);
    } else if (stats.isFile() && CHECKED_FILE.test(name)) {
      // A link to a file is followed only when the file is inside the folder named on the command line.
      if (!link || isInside(root, realRoot(full))) out.push({ path: full, explicit: false });
    }
  }
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** `p` with every link resolved (as given when that fails). */
function realRoot(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** True when `file` (absolute, links resolved) is strictly inside `root`. */
function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && rel.split(path.sep)[0] !== '..' && !path.isAbsolute(rel);
}

/**
 * True when `file`, with every link resolved, is inside `root` (with its links resolved): a link
 * in the workspace to a file elsewhere is not read. False when it cannot be resolved.
 */
export async function isInsideRoot(root: string, file: string): Promise<boolean> {
  try {
    const [realRootPath, realFile] = await Promise.all([realpath(root).catch(() => path.resolve(root)), realpath(file)]);
    return isInside(realRootPath, realFile);
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Globs for the language server's workspace scan: `eksLens.workspace.include` chooses the files,
// VS Code's `files.exclude` (and the same setting's style) leaves files and folders out. Paths are
// matched relative to the workspace folder, with `/` between segments, ignoring case (`glob.ts`).

/** The files the workspace scan reads when `eksLens.workspace.include` is not set. */
export const DEFAULT_INCLUDE: readonly string[] = ['**/*.{yaml,yml,json}'];

/** Which files of a workspace folder the scan reads. */
export interface FileFilter {
  readonly include: readonly GlobMatcher[];
  readonly exclude: readonly GlobMatcher[];
}

/**
 * A filter from glob lists; an include list with no valid glob means the default one. Invalid
 * globs are left out (the others keep working) and passed to `onInvalid`.
 */
export function fileFilter(include: readonly string[] = DEFAULT_INCLUDE, exclude: readonly string[] = [], onInvalid: (glob: string, reason: string) => void = () => {}): FileFilter {
  const compile = (globs: readonly string[]) =>
    globs.flatMap((g) => {
      if (typeof g !== 'string' || g.trim() === '') return [];
      const compiled = compileGlob(g);
      if (compiled.ok) return [compiled.matcher];
      onInvalid(g, compiled.reason);
      return [];
    });
  const inc = compile(include);
  return { include: inc.length ? inc : DEFAULT_INCLUDE.map(globMatcher), exclude: compile(exclude) };
}

/** The globs of a `files.exclude` setting that are on (`true`); conditional entries (`{ when }`) are not followed. */
export function enabledGlobs(setting: unknown): string[] {
  if (!setting || typeof setting !== 'object' || Array.isArray(setting)) return [];
  return Object.entries(setting as Record<string, unknown>).flatMap(([glob, on]) => (on === true ? [glob] : []));
}

/** `rel`: a path relative to the folder, `/`-separated. */
export function isExcluded(rel: string, filter: FileFilter): boolean {
  return rel.split('/').some((segment) => SKIPPED_DIRS.has(segment)) || filter.exclude.some((re) => re.test(rel));
}

export function isIncludedFile(rel: string, filter: FileFilter): boolean {
  return !isExcluded(rel, filter) && filter.include.some((re) => re.test(rel));
}

/** `file` relative to `root` with `/` separators; undefined when it is not inside it. */
export function relativeInside(root: string, file: string): string | undefined {
  const rel = path.relative(root, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/**
 * The files under `root` the filter includes, in a stable order. Excluded folders are not
 * entered, links to folders are not followed, links to files only when the file is inside `root`,
 * and the walk stops (returning what it found) when `signal` is aborted or `limit` files are found.
 */
export async function walkFolder(root: string, filter: FileFilter, options: { signal?: AbortSignal; limit?: number } = {}): Promise<string[]> {
  const out: string[] = [];
  const realRootPath = await realpath(root).catch(() => path.resolve(root));
  const limit = options.limit ?? Infinity;
  const pending: string[] = [root];
  while (pending.length && out.length < limit && !options.signal?.aborted) {
    const dir = pending.shift()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      const rel = relativeInside(root, full);
      if (rel === undefined) continue;
      if (entry.isDirectory()) {
        if (!isExcluded(rel, filter)) subdirs.push(full);
      } else if ((entry.isFile() || (entry.isSymbolicLink() && (await isFileBehindLink(full, realRootPath)))) && isIncludedFile(rel, filter)) {
        out.push(full);
        if (out.length >= limit) break;
      }
    }
    pending.unshift(...subdirs);
  }
  return out;
}

/** True when the link `p` leads to a regular file inside `realRoot`. */
async function isFileBehindLink(p: string, realRootPath: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile() && isInside(realRootPath, await realpath(p));
  } catch {
    return false;
  }
}
