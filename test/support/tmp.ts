// Temporary folders for tests, removed when the test file's run ends (whatever its outcome).
// scripts/test.mjs fails a run that leaves anything in the temporary folder: use this instead of a
// bare mkdtempSync.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';

const made: string[] = [];
// Registered when the first test module imports this one, at the top level: runs once, last.
after(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder under the system's temporary folder, named `<prefix>XXXXXX`. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A new temporary folder holding `files` ({ 'a/b.yaml': 'text' }). */
export function tempTree(prefix: string, files: Record<string, string>): string {
  const root = tempDir(prefix);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}
