// Expands the checker's PATH arguments into files: directories are walked for YAML and JSON,
// skipping dependency and VCS folders, never following links to folders (no cycles).
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

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
    if (stats.isDirectory()) walk(arg, targets, unreadable);
    else targets.push({ path: arg, explicit: true });
  }
  return { targets, unreadable };
}

function walk(dir: string, out: Target[], unreadable: string[]): void {
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
    if (stats.isDirectory()) {
      if (!SKIPPED_DIRS.has(name) && !isLink(full)) walk(full, out, unreadable);
    } else if (stats.isFile() && CHECKED_FILE.test(name)) {
      out.push({ path: full, explicit: false });
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

// ---------------------------------------------------------------------------------------------
// Globs for the language server's workspace scan: `eksLens.workspace.include` chooses the files,
// VS Code's `files.exclude` (and the same setting's style) leaves files and folders out. Paths are
// matched relative to the workspace folder, with `/` between segments, ignoring case.

/** The files the workspace scan reads when `eksLens.workspace.include` is not set. */
export const DEFAULT_INCLUDE: readonly string[] = ['**/*.{yaml,yml,json}'];

/**
 * A regular expression for a glob in the style of VS Code's settings: `*` and `?` stay inside one
 * path segment, `**` spans any number of segments (none included), `{a,b}` gives alternatives
 * (nested ones too), `[abc]`, `[a-z]` and `[!abc]` match one character. A pattern that names a
 * folder also matches everything below it, as `files.exclude` does.
 */
export function globToRegExp(glob: string): RegExp {
  let pattern = glob.trim().replace(/\\/g, '/');
  if (pattern.startsWith('./')) pattern = pattern.slice(2);
  // A trailing `/**` adds nothing to the folder rule below, and would require something under it.
  pattern = pattern.replace(/\/+$/, '').replace(/(?:\/\*\*)+$/, '');
  return new RegExp(`^${translate(pattern)}(?:/.*)?$`, 'i');
}

function translate(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**` as a whole segment: any run of segments. Inside a segment it is just `*`.
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atStart && atEnd) {
          if (i + 2 === glob.length) {
            out += '.*';
            i += 1;
          } else {
            out += '(?:[^/]*/)*';
            i += 2; // the `/` after `**` belongs to the group
          }
          continue;
        }
        i += 1;
      }
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '{') {
      const close = matchingBrace(glob, i);
      if (close < 0) {
        out += '\\{';
        continue;
      }
      out += `(?:${splitTopLevel(glob.slice(i + 1, close)).map(translate).join('|')})`;
      i = close;
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let body = glob.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      out += `[${negated ? '^/' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else {
      out += c.replace(/[.+^$()|\\\]]/g, '\\$&');
    }
  }
  return out;
}

function matchingBrace(glob: string, open: number): number {
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === '{') depth++;
    else if (glob[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

/** Which files of a workspace folder the scan reads. */
export interface FileFilter {
  readonly include: readonly RegExp[];
  readonly exclude: readonly RegExp[];
}

/** A filter from glob lists; an empty include list means the default one. */
export function fileFilter(include: readonly string[] = DEFAULT_INCLUDE, exclude: readonly string[] = []): FileFilter {
  const valid = (globs: readonly string[]) => globs.filter((g) => typeof g === 'string' && g.trim() !== '');
  const inc = valid(include);
  return { include: (inc.length ? inc : DEFAULT_INCLUDE).map(globToRegExp), exclude: valid(exclude).map(globToRegExp) };
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
 * entered, links to folders are not followed, and the walk stops (returning what it found) when
 * `signal` is aborted or `limit` files are found.
 */
export async function walkFolder(root: string, filter: FileFilter, options: { signal?: AbortSignal; limit?: number } = {}): Promise<string[]> {
  const out: string[] = [];
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
      } else if ((entry.isFile() || (entry.isSymbolicLink() && (await isFileBehindLink(full)))) && isIncludedFile(rel, filter)) {
        out.push(full);
        if (out.length >= limit) break;
      }
    }
    pending.unshift(...subdirs);
  }
  return out;
}

async function isFileBehindLink(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}
