// The address map webview: the server computes and renders the page; this panel only asks for it,
// shows it, and opens a file at a line when the page says a block was chosen.
import { randomBytes } from 'node:crypto';
import { Range, Selection, TextEditorRevealType, Uri, ViewColumn, window, workspace, type Disposable, type WebviewPanel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { MapPlaces } from './mapPlaces';
import { protocol } from './protocol';

export const ADDRESS_MAP_VIEW_TYPE = 'eksLens.addressMap';

export interface AddressMapArgs {
  readonly scope?: 'workspace' | 'file';
  readonly uri?: string;
}

/** Schemes a block may open: the ones the language server is given documents from. */
const OPENABLE = new Set(['file', 'untitled']);

export class AddressMapPanel implements Disposable {
  private panel: WebviewPanel | undefined;
  private request: Required<Pick<AddressMapArgs, 'scope'>> & AddressMapArgs = { scope: 'workspace' };
  private refreshTimer: NodeJS.Timeout | undefined;
  /** Bumped for every request, so that a slow answer never replaces a newer one. */
  private generation = 0;
  /** Something was checked while the panel was hidden. */
  private stale = false;
  /** The server's version of the map shown (undefined: a message, or nothing, is shown). */
  private shown: string | undefined;
  /** The places the shown map offers to open; the page may ask for no other. */
  private readonly places = new MapPlaces();

  constructor(private readonly client: () => LanguageClient | undefined) {}

  /** Opens the panel (or brings it forward) and fills it with a fresh map. */
  async show(args?: AddressMapArgs): Promise<void> {
    // Called from the palette, the status bar, or with arguments by other commands and tests.
    const given = args && typeof args === 'object' ? args : {};
    const scope = given.scope === 'file' ? 'file' : 'workspace';
    const uri = typeof given.uri === 'string' ? given.uri : window.activeTextEditor?.document.uri.toString();
    if (scope === 'file' && !uri) {
      void window.showWarningMessage('EKS Lens: open a YAML or JSON file to see its address map.');
      return;
    }
    this.request = { scope, uri };
    if (this.panel) this.panel.reveal(undefined, true);
    else this.panel = this.create();
    await this.refresh();
  }

  /** Asks for the map again soon, when the panel is open (the server says a document was checked). */
  refreshSoon(): void {
    if (!this.panel) return;
    // A hidden panel is brought up to date when it is shown again.
    if (!this.panel.visible) {
      this.stale = true;
      return;
    }
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), 400);
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.panel?.dispose();
  }

  private create(): WebviewPanel {
    const panel = window.createWebviewPanel(
      ADDRESS_MAP_VIEW_TYPE,
      'EKS Lens: Address Map',
      { viewColumn: ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        // The page is self-contained: it loads nothing, from the extension or the workspace.
        localResourceRoots: [],
        enableFindWidget: true,
      },
    );
    this.shown = undefined;
    this.places.clear();
    panel.webview.html = message('Reading the workspace…');
    panel.webview.onDidReceiveMessage((m: unknown) => void this.open(m));
    panel.onDidChangeViewState(() => {
      if (panel.visible && this.stale) void this.refresh();
    });
    panel.onDidDispose(() => {
      clearTimeout(this.refreshTimer);
      if (this.panel === panel) this.panel = undefined;
    });
    return panel;
  }

  private async refresh(): Promise<void> {
    const panel = this.panel;
    const client = this.client();
    if (!panel) return;
    this.stale = false;
    const generation = ++this.generation;
    if (!client?.isRunning()) {
      this.shown = undefined;
      this.places.clear();
      panel.webview.html = message('The EKS Lens language server is not running.');
      return;
    }
    try {
      const nonce = randomBytes(16).toString('base64');
      const result = await client.sendRequest(protocol.addressMap, {
        scope: this.request.scope,
        uri: this.request.uri,
        cspSource: panel.webview.cspSource,
        nonce,
        knownVersion: this.shown,
      });
      if (generation !== this.generation || this.panel !== panel) return;
      panel.title = result.title;
      // An edit that changed no address leaves the page (and where the reader scrolled to) alone:
      // the server says so without sending the page again.
      // (The server says `unchanged` only for the version we sent, which is the page shown.)
      if (result.unchanged) return;
      this.shown = result.version;
      this.places.replace(result.places);
      panel.webview.html = result.html;
    } catch (error) {
      if (generation !== this.generation || this.panel !== panel) return;
      this.shown = undefined;
      this.places.clear();
      panel.webview.html = message(`The address map could not be made: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** `{ type: 'open', uri, line }` from the page: the file at that line, beside the map, when the
   *  map showed that place (a page message naming any other is ignored). */
  private async open(m: unknown): Promise<void> {
    const place = this.places.accept(m);
    if (!place) return;
    const { uri, line } = place;
    let target: Uri;
    try {
      target = Uri.parse(uri, true);
    } catch {
      return;
    }
    if (!OPENABLE.has(target.scheme)) return;
    try {
      const document = await workspace.openTextDocument(target);
      const at = Math.min(line, Math.max(0, document.lineCount - 1));
      const range = new Range(at, 0, at, 0);
      const column = this.panel?.viewColumn === ViewColumn.One ? ViewColumn.Two : ViewColumn.One;
      const editor = await window.showTextDocument(document, { viewColumn: column, selection: range, preview: false });
      editor.selection = new Selection(range.start, range.start);
      editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (error) {
      void window.showWarningMessage(`EKS Lens: cannot open ${uri}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** A page with one sentence, for the moments before or instead of a map. */
function message(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>EKS Lens: Address Map</title></head><body style="font-family: var(--vscode-font-family); color: var(--vscode-foreground)"><p role="status">${escaped}</p></body></html>`;
}
