// Helpers for the in-editor suite: open fixtures, wait for what the language server publishes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'eks-lens.eks-lens';

/**
 * The ceiling of every wait in this suite. Waits are conditions that end as soon as they hold; the
 * ceiling only ends a wait for something that never happens, so it is long: a loaded 2-core
 * machine can take many seconds to start a server or publish a check.
 */
export const WAIT_MS = Number(process.env.EKS_LENS_EDITOR_WAIT_MS ?? 180_000);

/** Polls `probe` until it returns a value other than undefined, or fails after WAIT_MS naming `what`. */
export async function waitUntil<T>(probe: () => T | undefined, what: string, describe: () => string = () => ''): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${WAIT_MS / 1000} s waiting for ${what}${describe() ? `; ${describe()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The fixture workspace the editor was opened on (a fresh copy of test/e2e/workspace). */
export function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the editor was opened without the fixture workspace');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixture(name));
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/**
 * Resolves with the diagnostics of `uri` as soon as `accept` holds for them (checked now and on
 * every change), or fails after `timeoutMs` with what was there.
 */
export function waitForDiagnostics(uri: vscode.Uri, accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean, what: string, timeoutMs = WAIT_MS): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = vscode.languages.getDiagnostics(uri);
      if (!accept(current)) return false;
      cleanup();
      resolve(current);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line + 1}: ${codeOf(d)} ${d.message}`);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; diagnostics: ${JSON.stringify(seen)}`));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      listener.dispose();
    };
    check();
  });
}

/** The position of the `occurrence`-th `needle` in the document, `into` characters in. */
export function positionOf(doc: vscode.TextDocument, needle: string, into = 1, occurrence = 1): vscode.Position {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = doc.getText().indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (occurrence ${occurrence}) is not in ${doc.uri.path}`);
  }
  return doc.positionAt(at + into);
}

/** The plain text of every hover VS Code's hover providers give at `position`. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}
