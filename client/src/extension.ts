// The EKS Lens client: starts the bundled language server and wires its commands. It holds no
// analysis logic; everything it shows comes from the server.
import * as path from 'node:path';
import { commands, env, Uri, window, workspace, type ExtensionContext } from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, State, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { AddressMapPanel, type AddressMapArgs } from './addressMapPanel';
import { protocol } from './protocol';
import { StatusBar } from './statusBar';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const outputChannel = window.createOutputChannel('EKS Lens', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'json' },
    ],
    synchronize: {
      configurationSection: ['eksLens', 'files.exclude'],
      // .eks-lens.yaml changes the settings; other YAML and JSON files may declare what cross-file
      // checks need (a VPC, an eksctl service CIDR, a workload's replicas).
      fileEvents: workspace.createFileSystemWatcher('**/*.{yaml,yml,json}'),
    },
    // In Restricted Mode the server does not let .eks-lens.yaml raise the file size limit (the
    // setting itself is a restrictedConfiguration). Read at each start, so a restart sees trust.
    initializationOptions: () => ({ workspaceTrusted: workspace.isTrusted }),
    outputChannel,
    errorHandler: restartingErrorHandler(),
    // `eksLens.trace.server` is read by the client library from this id.
  };
  client = new LanguageClient('eksLens', 'EKS Lens', serverOptions, clientOptions);
  const statusBar = new StatusBar();
  const addressMap = new AddressMapPanel(() => client);
  // After each check the server says what the document is and how many findings it has; the
  // status bar shows it and an open address map asks for a fresh picture.
  client.onNotification(protocol.status, (status) => {
    statusBar.update(status);
    addressMap.refreshSoon();
  });
  // A new server process reports every open document again.
  client.onDidChangeState((e) => {
    if (e.newState === State.Stopped) statusBar.clear();
  });
  context.subscriptions.push(
    workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification(protocol.workspaceTrusted)),
    outputChannel,
    statusBar,
    addressMap,
    commands.registerCommand('eksLens.showAddressMap', (args?: AddressMapArgs) => addressMap.show(args)),
    commands.registerCommand('eksLens.restartServer', async () => {
      outputChannel.appendLine('Restarting the EKS Lens language server…');
      await client?.restart();
    }),
    // A rule's page: shipped Markdown opens in the preview, a web page in the browser.
    commands.registerCommand('eksLens.showDocumentation', async (url: string) => {
      const uri = Uri.parse(url);
      if (uri.scheme === 'file') await commands.executeCommand('markdown.showPreview', uri);
      else await env.openExternal(uri);
    }),
    commands.registerCommand('eksLens.planSubnets', (args?: { uri: string; offset?: number }) => planSubnets(args)),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

// The subnet planner: the server proposes defaults and computes the layout; the client only asks
// the user and applies the edit it gets back.
async function planSubnets(args?: { uri: string; offset?: number }): Promise<void> {
  const editor = window.activeTextEditor;
  const uri = args?.uri ?? editor?.document.uri.toString();
  if (!uri || !client) return;
  const offset = args?.offset ?? (editor ? editor.document.offsetAt(editor.selection.active) : undefined);
  const defaults = await client.sendRequest(protocol.planDefaults, { uri, offset });
  if ('error' in defaults) {
    void window.showWarningMessage(`EKS Lens: ${defaults.error}`);
    return;
  }
  const azs = await window.showInputBox({ title: `Plan subnets in ${defaults.vpc}`, prompt: 'Availability Zones, separated by commas', value: defaults.azs.join(', ') });
  if (azs === undefined) return;
  const picked = await window.showQuickPick(
    defaults.tiers.map((t) => ({ label: t.label, description: t.description, picked: t.picked, tier: t.tier })),
    { title: 'Subnet tiers', canPickMany: true },
  );
  if (!picked?.length) return;
  const sizes = await window.showInputBox({ title: 'Subnet sizes', prompt: 'Prefix length per tier', value: defaults.sizes });
  if (sizes === undefined) return;
  const result = await client.sendRequest(protocol.planSubnets, {
    uri,
    offset: defaults.offset,
    azs,
    tiers: picked.map((p) => p.tier),
    sizes,
  });
  if ('error' in result) {
    void window.showWarningMessage(`EKS Lens: ${result.error}`);
    return;
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
  if (!edit) return;
  if (!(await workspace.applyEdit(edit))) return;
  void window.showInformationMessage(`EKS Lens: ${result.summary}`);
  if (result.warning) void window.showWarningMessage(`EKS Lens: ${result.warning}`);
}

/**
 * Restarts a server that stopped unexpectedly, telling the user the first time; after five stops
 * in three minutes it gives up, says so, and points at the log.
 */
function restartingErrorHandler(): ErrorHandler {
  const stops: number[] = [];
  let told = false;
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const now = Date.now();
      stops.push(now);
      while (stops.length && now - stops[0] > 3 * 60_000) stops.shift();
      if (stops.length >= 5) {
        return {
          action: CloseAction.DoNotRestart,
          message: 'EKS Lens: the language server stopped five times in three minutes and will not be restarted. See the EKS Lens output channel, then run "EKS Lens: Restart Language Server".',
        };
      }
      if (!told) {
        told = true;
        return { action: CloseAction.Restart, message: 'EKS Lens: the language server stopped unexpectedly and was restarted. Its log is in the EKS Lens output channel.' };
      }
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
