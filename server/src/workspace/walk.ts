// Expands the checker's PATH arguments into files: directories are walked for YAML and JSON,
// skipping dependency and VCS folders, never following links to folders (no cycles).
import { lstatSync, readdirSync, statSync } from 'node:fs';
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
