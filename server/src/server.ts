// The language server's wiring: the connection, open documents, capabilities, and routing of
// events to the modules that do the work. No analysis happens here.
import { createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PROJECT_FILE } from './engine/config';
import { checkSteps } from './engine/run';
import { toDiagnostic } from './lsp/diagnostics';
import { drive, ValidationScheduler } from './lsp/scheduler';
import { SettingsStore } from './lsp/settings';
import { ModelCache } from './model/document';
import { VERSION } from './version';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const models = new ModelCache();
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
);
let pushedSettings: unknown = {};

const scheduler = new ValidationScheduler(async (uri, isStale) => {
  const document = documents.get(uri);
  if (!document) return;
  const config = await settings.configFor(uri);
  if (isStale()) return;
  const input = { uri, version: document.version, text: document.getText(), languageId: document.languageId, maxBytes: config.maxFileBytes };
  const onRuleError = (code: string, error: unknown) => connection.console.error(`rule ${code} failed on ${uri}: ${String(error)}`);
  const result = await drive(
    (function* () {
      const model = yield* models.build(input);
      return { model, findings: yield* checkSteps(model, { config, onRuleError }) };
    })(),
    isStale,
  );
  if (result === undefined || isStale() || documents.get(uri)?.version !== result.model.version) return;
  const diagnostics = result.findings.map((f) => toDiagnostic(f, uri));
  await connection.sendDiagnostics({ uri, version: result.model.version, diagnostics });
});

connection.onInitialize((params) => {
  pullConfiguration = !!params.capabilities.workspace?.configuration;
  settings.setWorkspaceFolders(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
  return {
    capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental },
    serverInfo: { name: 'eks-lens', version: VERSION },
  };
});

connection.onInitialized(() => {
  if (pullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'eksLens' });
});

function recheckAll(): void {
  settings.invalidate();
  reported.clear();
  for (const document of documents.all()) scheduler.request(document.uri, true);
}

connection.onDidChangeConfiguration((change) => {
  const section = (change.settings as { eksLens?: unknown } | undefined)?.eksLens;
  if (section !== undefined) pushedSettings = section;
  recheckAll();
});

connection.onDidChangeWatchedFiles((change) => {
  if (change.changes.some((c) => c.uri.endsWith(`/${PROJECT_FILE}`))) recheckAll();
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
  models.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onShutdown(() => scheduler.dispose());

documents.listen(connection);
connection.listen();
