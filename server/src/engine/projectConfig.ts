// Finding and reading `.eks-lens.yaml`, for the command-line checker (from the checked paths
// upwards, within the checked tree or its repository) and the server (at each workspace folder's
// root). The file comes with the repository, so it is read defensively: only a regular file (a
// named pipe or a device is refused before anything is read from it, so nothing can block), only
// inside the folder it belongs to (a symbolic link leading out of it is refused), and only up to
// MAX_PROJECT_FILE_BYTES.
import { constants, lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { describeNonRegular, readRegularFile } from '../workspace/readFile';
import { parseProjectFile, PROJECT_FILE, type PartialConfig } from './config';

/** A project file holds a few settings: anything over this is refused unread. */
export const MAX_PROJECT_FILE_BYTES = 1024 * 1024;

export interface LoadedProjectConfig {
  path: string;
  /** `read`: the file was read (its problems, if any, are about its content); `missing`: there is
   *  no such file; `refused`: it exists but was not read (the problem says why). */
  status: 'read' | 'missing' | 'refused';
  config: PartialConfig;
  problems: string[];
}

export interface ReadOptions {
  /** The folder the file must be in once symbolic links are followed (none: anywhere). */
  root?: string;
  /** What `root` is called in the message when a link leads out of it. */
  rootName?: string;
}

const CHUNK = 64 * 1024;

type Outcome = { text: string } | { missing: true } | { problem: string };

// Opening with O_NONBLOCK makes opening a named pipe return at once instead of waiting for a
// writer; the type is then checked on the open descriptor, before any read. O_NOFOLLOW: the path
// opened is the resolved one, so a link appearing there meanwhile is refused, not followed.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);

export function readProjectConfig(file: string, options: ReadOptions = {}): LoadedProjectConfig {
  return loaded(file, readCappedSync(file, options));
}

/** As `readProjectConfig`, without blocking the event loop (for the language server). */
export async function readProjectConfigAsync(file: string, options: ReadOptions = {}): Promise<LoadedProjectConfig> {
  return loaded(file, await readCapped(file, options));
}

function loaded(file: string, outcome: Outcome): LoadedProjectConfig {
  if ('missing' in outcome) return { path: file, status: 'missing', config: {}, problems: ['cannot be read: no such file'] };
  if ('problem' in outcome) return { path: file, status: 'refused', config: {}, problems: [outcome.problem] };
  const parsed = parseProjectFile(outcome.text);
  // connectedNetworks' globs are relative to the project file's folder.
  const networks = parsed.config.connectedNetworks;
  const config = networks ? { ...parsed.config, connectedNetworks: { ...networks, base: path.dirname(path.resolve(file)) } } : parsed.config;
  return { path: file, status: 'read', config, problems: parsed.problems };
}

function readCappedSync(file: string, options: ReadOptions): Outcome {
  let real: string;
  try {
    real = realpathSync(file);
  } catch (error) {
    return failure(error);
  }
  if (options.root !== undefined) {
    let root: string;
    try {
      root = realpathSync(options.root);
    } catch {
      root = path.resolve(options.root);
    }
    const outside = leavesRoot(root, real, options);
    if (outside) return { problem: outside };
  }
  // The checker's own reader of untrusted files: no blocking open, type checked on the descriptor.
  const read = readRegularFile(real, MAX_PROJECT_FILE_BYTES);
  if (read.kind === 'text') return { text: read.text };
  if (read.kind === 'notRegular') return { problem: `is ${read.what}, not a regular file; it is not read` };
  if (read.kind === 'tooLarge') return { problem: tooLarge(read.bytes) };
  return read.message === 'no such file or directory' ? { missing: true } : { problem: `cannot be read: ${read.message}` };
}

async function readCapped(file: string, options: ReadOptions): Promise<Outcome> {
  let real: string;
  try {
    real = await realpath(file);
  } catch (error) {
    return failure(error);
  }
  if (options.root !== undefined) {
    const root = await realpath(options.root).catch(() => path.resolve(options.root!));
    const outside = leavesRoot(root, real, options);
    if (outside) return { problem: outside };
  }
  let handle;
  try {
    handle = await open(real, OPEN_FLAGS);
  } catch (error) {
    return failure(error);
  }
  try {
    const info = await handle.stat();
    const refused = refusal(info);
    if (refused) return { problem: refused };
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.alloc(CHUNK);
      const { bytesRead } = await handle.read(chunk, 0, CHUNK, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > MAX_PROJECT_FILE_BYTES) return { problem: tooLarge() };
    }
    return { text: Buffer.concat(chunks, length).toString('utf8') };
  } catch (error) {
    return failure(error);
  } finally {
    await handle.close().catch(() => {});
  }
}

function failure(error: unknown): Outcome {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { missing: true };
  if (code === 'ELOOP') return { problem: 'cannot be read: too many levels of symbolic links, or a link where a file was expected; it is not read' };
  return { problem: `cannot be read: ${(error as Error).message}` };
}

function leavesRoot(root: string, real: string, options: ReadOptions): string | undefined {
  const rel = path.relative(root, real);
  const inside = rel !== '' && rel.split(path.sep)[0] !== '..' && !path.isAbsolute(rel);
  return inside ? undefined : `is a symbolic link to ${real}, outside the ${options.rootName ?? 'folder it belongs to'}; it is not read`;
}

function refusal(info: Stats): string | undefined {
  if (info.isFile()) return info.size > MAX_PROJECT_FILE_BYTES ? tooLarge(info.size) : undefined;
  return `is ${describeNonRegular(info)}, not a regular file; it is not read`;
}

function tooLarge(size?: number): string {
  const shown = size === undefined ? 'more than 1 MB' : `${(size / (1024 * 1024)).toFixed(1)} MB`;
  return `is larger than the 1 MB a project file may be (${shown}); it is not read`;
}

// ---------------------------------------------------------------------------------------------
// Where the checker looks for the project file without --config.

export interface ProjectFileSearch {
  /** The project file found, if any. */
  file?: string;
  /** The folder the file must stay inside (the repository root, else the checked tree's top). */
  root?: string;
  /** True when `root` is a repository root (a folder holding `.git`). */
  repository?: boolean;
  /** The folders looked in, nearest first. */
  searched: string[];
}

/**
 * The project file of the checked tree: the nearest `.eks-lens.yaml` in the deepest folder holding
 * every checked path or in a parent folder of it, up to and including the first folder holding
 * `.git` (the repository root). When no folder from there up holds `.git`, only that deepest
 * folder is looked in: a project file above the checked tree does not apply to it. A folder path
 * counts as itself, a file as its folder, `-` (standard input) as the working directory.
 */
export function findProjectConfig(paths: readonly string[], cwd: string = process.cwd()): ProjectFileSearch {
  const folders = paths.map((p) => {
    if (p === '-') return path.resolve(cwd);
    const full = path.resolve(cwd, p);
    return isDirectory(full) ? full : path.dirname(full);
  });
  const top = commonFolder(folders.length ? folders : [path.resolve(cwd)]);
  if (top === undefined) return { searched: [] };
  const chain: string[] = [];
  let repository: string | undefined;
  for (let dir = top; ;) {
    chain.push(dir);
    if (exists(path.join(dir, '.git'))) {
      repository = dir;
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const searched = repository ? chain : [top];
  const root = repository ?? top;
  for (const dir of searched) {
    const candidate = path.join(dir, PROJECT_FILE);
    // Anything by that name counts (a pipe or a link leading out is then refused with a message).
    if (exists(candidate)) return { file: candidate, root, repository: !!repository, searched: searched.slice(0, searched.indexOf(dir) + 1) };
  }
  return { root, repository: !!repository, searched };
}

/** The deepest folder holding all of `folders` (absolute); none across drives. */
function commonFolder(folders: readonly string[]): string | undefined {
  let common = folders[0];
  for (const folder of folders.slice(1)) {
    while (common !== folder) {
      const rel = path.relative(common, folder);
      if (rel !== '' && rel.split(path.sep)[0] !== '..' && !path.isAbsolute(rel)) break;
      const parent = path.dirname(common);
      if (parent === common) {
        if (path.isAbsolute(path.relative(common, folder))) return undefined;
        break;
      }
      common = parent;
    }
  }
  return common;
}

function exists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
