// Finding and reading `.eks-lens.yaml`, for the command-line checker (from the working directory
// upwards) and the server (at each workspace folder's root).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseProjectFile, PROJECT_FILE, type PartialConfig } from './config';

export interface LoadedProjectConfig {
  path: string;
  config: PartialConfig;
  problems: string[];
}

export function readProjectConfig(file: string): LoadedProjectConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { path: file, config: {}, problems: [`cannot be read: ${(error as Error).message}`] };
  }
  return { path: file, ...parseProjectFile(text) };
}

/** The nearest `.eks-lens.yaml` in `start` or a parent folder, stopping at a repository root. */
export function findProjectConfig(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, PROJECT_FILE);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    if (existsSync(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
