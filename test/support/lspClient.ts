// A minimal LSP client for tests: starts dist/server.js over stdio and collects what it publishes.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { WAIT_MS } from './limits';

export class TestClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly waiters: Array<() => void> = [];
  stderr = '';

  constructor(serverPath = path.resolve('dist/server.js')) {
    this.process = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk) => (this.stderr += String(chunk)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      for (const wake of this.waiters.splice(0)) wake();
    });
    // The server may ask for settings, register capabilities or show messages.
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/showMessageRequest', () => null);
    this.connection.onNotification('window/showMessage', () => undefined);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  settings: unknown = {};

  async initialize(options: { configuration?: boolean; workspaceFolder?: string } = {}): Promise<{ serverInfo?: { name: string }; capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: options.configuration ?? false }, textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } } },
      workspaceFolders: options.workspaceFolder ? [{ uri: `file://${options.workspaceFolder}`, name: 'ws' }] : null,
    });
    await this.connection.sendNotification('initialized', {});
    return result as { serverInfo?: { name: string }; capabilities: Record<string, unknown> };
  }

  open(uri: string, text: string, languageId = 'yaml', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Waits for diagnostics for `uri` published after `since` (an index from `mark()`), optionally for one version. */
  async diagnostics(uri: string, options: { since?: number; version?: number; timeoutMs?: number } = {}): Promise<Diagnostic[]> {
    const deadline = Date.now() + (options.timeoutMs ?? WAIT_MS);
    for (;;) {
      const found = this.published.slice(options.since ?? 0).find((p) => p.uri === uri && (options.version === undefined || p.version === options.version));
      if (found) return found.diagnostics;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no diagnostics for ${uri} within the time limit; stderr: ${this.stderr.slice(0, 500)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits until the newest diagnostics published for `uri` satisfy `accept` (later publications replace earlier ones). */
  async diagnosticsUntil(uri: string, accept: (diagnostics: Diagnostic[]) => boolean, timeoutMs = WAIT_MS): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const latest = this.published.filter((p) => p.uri === uri).pop();
      if (latest && accept(latest.diagnostics)) return latest.diagnostics;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`diagnostics for ${uri} never matched; last: ${JSON.stringify(latest?.diagnostics.map((d) => d.code))}; stderr: ${this.stderr.slice(0, 500)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  hover(uri: string, position: { line: number; character: number }): Promise<{ contents: unknown; range?: unknown } | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  codeActions(uri: string, range: unknown, diagnostics: unknown[] = []): Promise<Array<Record<string, any>>> {
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
  }

  completion(uri: string, position: { line: number; character: number }): Promise<Array<Record<string, any>>> {
    return this.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params);
  }

  watchedFilesChanged(changes: Array<{ uri: string; type: 1 | 2 | 3 }>): Promise<void> {
    return this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  mark(): number {
    return this.published.length;
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => (this.alive ? this.process.once('exit', () => resolve()) : resolve()));
    if (this.alive) {
      try {
        await within(this.connection.sendRequest('shutdown'), 2000);
        await this.connection.sendNotification('exit');
      } catch {
        // already gone
      }
    }
    this.connection.dispose();
    await within(exited, 50);
    if (this.alive) this.process.kill();
  }
}

/** Waits for `promise`, or `ms` at most. The timer is cleared as soon as either ends: a pending one
 * would keep the test file's process alive (every file that stopped a server used to end 2 s late). */
async function within(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
