// Reading a fetched git directory (bare or not, as the `fetch` tool gives them) for the generators
// of data tables (scripts/gen-api-lifecycle.mjs, scripts/gen-instance-types.mjs): git commands, and
// the repository's name for the header of what they write.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Runs a git command against `gitDir` and returns its output. */
export function git(gitDir, args) {
  return execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** `owner/name`: from the remote's GitHub URL, else from a mirror path `…/owner+name/repo`, else the path. */
export function repoName(gitDir) {
  let origin = '';
  try {
    origin = git(gitDir, ['config', '--get', 'remote.origin.url']).trim();
  } catch {
    origin = '';
  }
  return /github\.com[/:]([^/]+\/[^/.]+)/.exec(origin)?.[1] ?? /([^/+]+)\+([^/]+)\/repo\/?$/.exec(path.resolve(gitDir))?.slice(1).join('/') ?? gitDir;
}
