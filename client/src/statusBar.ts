// The status bar item: for the active document, what the server last said about it (its kind and
// the count of findings). Shown only for documents the server reported a status for.
import { MarkdownString, StatusBarAlignment, window, workspace, type Disposable, type StatusBarItem, type TextEditor } from 'vscode';
import type { DocumentStatus } from '../../server/src/protocol';

export class StatusBar implements Disposable {
  private readonly item: StatusBarItem;
  private readonly statuses = new Map<string, DocumentStatus>();
  private readonly subscriptions: Disposable[];

  constructor() {
    this.item = window.createStatusBarItem('eksLens.status', StatusBarAlignment.Right, 100);
    this.item.name = 'EKS Lens';
    this.item.command = { title: 'Show Address Map', command: 'eksLens.showAddressMap' };
    this.subscriptions = [
      window.onDidChangeActiveTextEditor((editor) => this.show(editor)),
      workspace.onDidCloseTextDocument((document) => {
        this.statuses.delete(document.uri.toString());
        this.show(window.activeTextEditor);
      }),
    ];
    this.show(window.activeTextEditor);
  }

  /** Records what the server said about a document and updates the item if it is the active one. */
  update(status: DocumentStatus): void {
    if (status.kind) this.statuses.set(status.uri, status);
    else this.statuses.delete(status.uri);
    const active = window.activeTextEditor;
    if (active && active.document.uri.toString() === status.uri) this.show(active);
  }

  /** Forgets everything (the server restarts and will report again). */
  clear(): void {
    this.statuses.clear();
    this.show(window.activeTextEditor);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }

  private show(editor: TextEditor | undefined): void {
    const status = editor ? this.statuses.get(editor.document.uri.toString()) : undefined;
    if (!status?.kind) {
      this.item.hide();
      return;
    }
    const problems = [count(status.errors, 'error'), count(status.warnings, 'warning'), count(status.infos, 'info')].filter((p) => p !== undefined);
    this.item.text = `$(symbol-misc) EKS Lens: ${status.label ?? status.kind} · ${problems.length ? problems.join(', ') : 'no problems'}`;
    const tooltip = new MarkdownString(undefined, true);
    tooltip.appendMarkdown('**EKS Lens** · ');
    tooltip.appendText(status.kind);
    if (status.alsoContains.length) tooltip.appendText(` (also in this file: ${status.alsoContains.join(', ')})`);
    tooltip.appendMarkdown('\n\n');
    tooltip.appendMarkdown(`${count(status.errors, 'error') ?? 'no errors'}, ${count(status.warnings, 'warning') ?? 'no warnings'}, ${count(status.infos + status.hints, 'note') ?? 'no notes'}.\n\n`);
    tooltip.appendMarkdown('Click to show the address map.');
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = {
      label: `EKS Lens: ${status.kind}, ${problems.length ? problems.join(', ') : 'no problems'}. Activate to show the address map.`,
      role: 'button',
    };
    this.item.show();
  }
}

function count(n: number, noun: string): string | undefined {
  return n ? `${n} ${noun}${n === 1 ? '' : 's'}` : undefined;
}
