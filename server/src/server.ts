// The language server's wiring: the connection, open documents, capabilities, and routing of
// events to the modules that do the work. No analysis happens here.
import {
  CodeActionKind,
  CompletionItemKind,
  InsertTextFormat,
  LSPErrorCodes,
  NotificationType,
  NotificationType0,
  RequestType,
  ResponseError,
  createConnection,
  DidChangeConfigurationNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PROJECT_FILE } from './engine/config';
import { checkSteps } from './engine/run';
import { allRules } from './rules/index';
import { toDiagnostic } from './lsp/diagnostics';
import { hoverAt } from './hover/index';
import { completionsAt } from './completion/index';
import { codeActions } from './actions/index';
import { toCodeAction } from './lsp/codeActions';
import { planDefaults, planEdit } from './lsp/planner';
import { addressMap, AddressMapCancelled } from './lsp/addressMap';
import { statusOf } from './lsp/status';
import { eksLensProtocol } from './protocol';
import { checkFile, type Finding } from './engine/run';
import { drive, ValidationScheduler } from './lsp/scheduler';
import { SettingsStore } from './lsp/settings';
import { WorkspaceIndexer } from './lsp/workspaceIndexer';
import { newModelCache } from './formats';
import { Lifecycle } from './lsp/lifecycle';
import { VERSION } from './version';

// Requests before `initialize` and after `shutdown` are refused as the protocol says; see lifecycle.ts.
const lifecycle = new Lifecycle();
const connection = createConnection(ProposedFeatures.all, { messageStrategy: lifecycle });
lifecycle.register(connection);
// The custom eksLens/* messages, typed (declared in protocol.ts, shared with the client).
const protocol = eksLensProtocol({ RequestType, NotificationType, NotificationType0 });
const documents = new TextDocuments(TextDocument);
const models = newModelCache();
let pullConfiguration = false;
const reported = new Set<string>();

const settings = new SettingsStore(
  async (uri) => {
    if (!pullConfiguration) return pushedSettings;
    return connection.workspace.getConfiguration({ scopeUri: uri, section: 'eksLens' });
  },
  (message) => {
    if (reported.has(message)) return;
    reported.add(message);
    connection.console.warn(message);
    void connection.window.showWarningMessage(`EKS Lens: ${message}`);
  },
  async (uri, section) => (pullConfiguration ? connection.workspace.getConfiguration({ scopeUri: uri, section }) : section === 'files.exclude' ? pushedFilesExclude : undefined),
);
let pushedSettings: unknown = {};
let pushedFilesExclude: unknown;
let workspaceFolders: string[] = [];
const failedRules = new Set<string>();
/** The findings last published for each document, for the code actions that answer them. */
const lastFindings = new Map<string, { version: number; findings: Finding[] }>();

// What other files declare (service CIDRs, workloads) feeds some checks; when it changes, the open
// files are checked again, a moment later so that a burst of changes costs one pass.
let recheckTimer: NodeJS.Timeout | undefined;
const indexer = new WorkspaceIndexer(
  (source) => {
    clearTimeout(recheckTimer);
    recheckTimer = setTimeout(() => {
      for (const document of documents.all()) if (document.uri !== source) scheduler.request(document.uri, true);
    }, 150);
  },
  (message) => connection.console.info(message),
  () => scheduler.busy,
);

const scheduler = new ValidationScheduler(async (uri, isStale) => {
  const document = documents.get(uri);
  if (!document) return;
  const config = await settings.configFor(uri);
  if (isStale()) return;
  const input = { uri, version: document.version, text: document.getText(), languageId: document.languageId, maxBytes: config.maxFileBytes };
  // A rule that throws is skipped (the others' findings are still published) and logged once.
  const onRuleError = (code: string, error: unknown) => {
    if (failedRules.has(code)) return;
    failedRules.add(code);
    connection.console.error(`rule ${code} failed on ${uri} and is skipped where it fails: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  };
  const result = await drive(
    (function* () {
      const model = yield* models.build(input);
      // A document closed meanwhile must not come back into the index.
      if (documents.get(uri)) indexer.fromModel(model);
      return { model, findings: yield* checkSteps(model, { rules: allRules, config, workspace: indexer.index.viewFrom(uri), onRuleError }) };
    })(),
    isStale,
  );
  if (result === undefined || isStale() || documents.get(uri)?.version !== result.model.version) return;
  lastFindings.set(uri, { version: result.model.version, findings: result.findings });
  const diagnostics = result.findings.map((f) => toDiagnostic(f, uri));
  await connection.sendDiagnostics({ uri, version: result.model.version, diagnostics });
  // What the client's status bar shows for this document: its kind and the counts just published.
  await connection.sendNotification(protocol.status, statusOf(result.model, result.findings));
});

connection.onInitialize((params) => {
  pullConfiguration = !!params.capabilities.workspace?.configuration;
  workspaceFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  settings.setWorkspaceFolders(workspaceFolders);
  // Only VS Code's client says; other editors have no Restricted Mode (trusted, as before).
  settings.setTrusted((params.initializationOptions as { workspaceTrusted?: unknown } | undefined)?.workspaceTrusted !== false);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: [' ', '-'] },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor] },
    },
    serverInfo: { name: 'eks-lens', version: VERSION },
  };
});

connection.onInitialized(() => {
  if (pullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: ['eksLens', 'files'] });
  // A second's grace: the files the editor restores are checked before the scan competes with them.
  void scanWorkspace(1000);
});

/** Indexes the workspace in the background with a progress the user can cancel; a new scan cancels the last. */
async function scanWorkspace(delayMs: number): Promise<void> {
  try {
    const reporter = await connection.window.createWorkDoneProgress();
    const controller = new AbortController();
    reporter.token?.onCancellationRequested(() => controller.abort());
    await indexer.scan(workspaceFolders, (uri) => documents.get(uri) !== undefined, {
      delayMs,
      signal: controller.signal,
      filters: (folder) => settings.workspaceFilters(folder),
      onProgress: (p) => {
        if (p.kind === 'begin') reporter.begin('EKS Lens: indexing the workspace', 0, `${p.total} files`, true);
        else if (p.kind === 'report') reporter.report(p.percentage, `${p.done} of ${p.total} files`);
        else reporter.done();
      },
    });
  } catch (error) {
    connection.console.error(`workspace scan failed: ${String(error)}`);
  }
}

function recheckAll(): void {
  settings.invalidate();
  reported.clear();
  for (const document of documents.all()) scheduler.request(document.uri, true);
}

// The user trusted the workspace: .eks-lens.yaml may now raise the file size limit.
connection.onNotification(protocol.workspaceTrusted, () => {
  settings.setTrusted(true);
  recheckAll();
});

connection.onDidChangeConfiguration((change) => {
  const section = (change.settings as { eksLens?: unknown } | undefined)?.eksLens;
  if (section !== undefined) pushedSettings = section;
  const files = (change.settings as { files?: { exclude?: unknown } } | undefined)?.files;
  if (files?.exclude !== undefined) pushedFilesExclude = files.exclude;
  recheckAll();
  // What is included or excluded may have changed.
  void scanWorkspace(0);
});

connection.onDidChangeWatchedFiles((change) => {
  if (change.changes.some((c) => c.uri.endsWith(`/${PROJECT_FILE}`))) recheckAll();
  for (const c of change.changes) {
    // An open file is indexed from its live text; the others from disk.
    if (c.uri.endsWith(`/${PROJECT_FILE}`) || documents.get(c.uri)) continue;
    if (c.type === FileChangeType.Deleted) indexer.forget(c.uri);
    else void indexer.refresh(c.uri);
  }
});

// Fired for an open as well as for each change; a newly opened document is checked at once.
const opened = new Set<string>();
documents.onDidChangeContent((e) => {
  const { uri } = e.document;
  scheduler.request(uri, !opened.has(uri));
  opened.add(uri);
});
documents.onDidClose((e) => {
  opened.delete(e.document.uri);
  scheduler.cancel(e.document.uri);
  lastFindings.delete(e.document.uri);
  models.delete(e.document.uri);
  // Unsaved edits are gone with the editor: index what the file on disk says, if the workspace
  // includes it; an untitled document (or a file gone or excluded) declares nothing any more.
  void indexer.refresh(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

// Hover reads the model of the document's current version (the one its diagnostics came from, or
// a fresh parse when an edit has not been checked yet).
connection.onHover(async (params) => {
  const document = documents.get(params.textDocument.uri);
  const model = await currentModel(params.textDocument.uri);
  if (!document || !model) return null;
  const hover = hoverAt(model, document.offsetAt(params.position), indexer.index.viewFrom(params.textDocument.uri));
  return hover ? { contents: { kind: 'markdown', value: hover.markdown }, range: hover.range } : null;
});

// Code actions answer the findings of the document's current version: the published ones, or a
// fresh check when an edit has not been checked yet.
connection.onCodeAction(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  const uri = document.uri;
  const config = await settings.configFor(uri);
  const model = models.get({ uri, version: document.version, text: document.getText(), languageId: document.languageId, maxBytes: config.maxFileBytes });
  const workspace = indexer.index.viewFrom(uri);
  const cached = lastFindings.get(uri);
  const findings = cached?.version === document.version ? cached.findings : checkFile(model, { rules: allRules, config, workspace });
  const actions = codeActions(model, findings, params.range.start.line, params.range.end.line, { config, workspace, rules: allRules });
  return actions.map((a) => toCodeAction(a, model, uri, params.context.diagnostics));
});

const COMPLETION_KIND = { value: CompletionItemKind.Value, keyword: CompletionItemKind.Keyword, snippet: CompletionItemKind.Snippet, property: CompletionItemKind.Property } as const;

connection.onCompletion(async (params) => {
  const document = documents.get(params.textDocument.uri);
  const model = await currentModel(params.textDocument.uri);
  if (!document || !model) return [];
  const config = await settings.configFor(document.uri);
  return completionsAt(model, document.offsetAt(params.position), config).map((c, i) => ({
    label: c.label,
    kind: COMPLETION_KIND[c.kind],
    detail: c.detail,
    documentation: c.documentation ? { kind: 'markdown' as const, value: c.documentation } : undefined,
    sortText: String(c.order ?? i).padStart(4, '0'),
    textEdit: { range: model.lines.rangeOf(c.start, c.end), newText: c.insertText },
    insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  }));
});

// The subnet planner's two requests (the client's eksLens.planSubnets command asks the user in between).
async function currentModel(uri: string) {
  const document = documents.get(uri);
  if (!document) return undefined;
  let model = models.peek(uri);
  if (model?.version !== document.version) {
    const config = await settings.configFor(uri);
    model = models.get({ uri, version: document.version, text: document.getText(), languageId: document.languageId, maxBytes: config.maxFileBytes });
  }
  return model;
}
connection.onRequest(protocol.planDefaults, async (params) => {
  const model = await currentModel(params.uri);
  return model ? planDefaults(model, params.offset) : { error: 'the document is not open' };
});
connection.onRequest(protocol.planSubnets, async (params) => {
  const model = await currentModel(params.uri);
  return model ? planEdit(model, params.uri, params) : { error: 'the document is not open' };
});

// The address map the client's eksLens.showAddressMap command shows in a webview.
// It honours cancellation: the map is built a VPC at a time and stops when the client cancels.
connection.onRequest(protocol.addressMap, async (params, token) => {
  try {
    return await addressMap(
      params,
      {
        indexed: () => indexer.index.all(),
        openUris: () => documents.all().map((d) => d.uri),
        model: currentModel,
        config: (uri) => settings.configFor(uri ?? workspaceFolders[0] ?? ''),
        folders: () => workspaceFolders,
      },
      () => token.isCancellationRequested,
    );
  } catch (error) {
    if (error instanceof AddressMapCancelled) return new ResponseError(LSPErrorCodes.RequestCancelled, error.message);
    throw error;
  }
});

connection.onShutdown(() => {
  clearTimeout(recheckTimer);
  scheduler.dispose();
});

documents.listen(connection);
connection.listen();
