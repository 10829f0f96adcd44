// Finding and reading `.eks-lens.yaml`, for the command-line checker (from the working directory
// upwards) and the server (at each workspace folder's root).
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_MAX_FILE_BYTES } from '../model/document';
import { readRegularFile } from '../workspace/readFile';
import { parseProjectFile, PROJECT_FILE, type PartialConfig } from './config';

export interface LoadedProjectConfig {
  path: string;
  config: PartialConfig;
  problems: string[];
}

/** Reads and parses a project file; a FIFO, device or oversized file is refused, not read (it could hang or fill memory). */
export function readProjectConfig(file: string): LoadedProjectConfig {
  const read = readRegularFile(file, DEFAULT_MAX_FILE_BYTES);
  if (read.kind !== 'text') {
    const why =
      read.kind === 'notRegular'
        ? `it is ${read.what}, not a regular file`
        : read.kind === 'tooLarge'
          ? `it is ${read.bytes} bytes, more than the ${DEFAULT_MAX_FILE_BYTES} a project file may have`
          : read.message;
    return { path: file, config: {}, problems: [`cannot be read: ${why}`] };
  }
  return { path: file, ...parseProjectFile(read.text) };
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
