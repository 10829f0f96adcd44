// The EKS Lens client: starts the bundled language server and wires its commands. It holds no
// analysis logic; everything it shows comes from the server.
import * as path from 'node:path';
import { commands, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

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
      configurationSection: 'eksLens',
      // .eks-lens.yaml changes the settings; other YAML files may declare what cross-file checks
      // need (an eksctl service CIDR, a workload's replicas).
      fileEvents: workspace.createFileSystemWatcher('**/*.{yaml,yml}'),
    },
    outputChannel,
    // `eksLens.trace.server` is read by the client library from this id.
  };
  client = new LanguageClient('eksLens', 'EKS Lens', serverOptions, clientOptions);
  context.subscriptions.push(
    outputChannel,
    commands.registerCommand('eksLens.restartServer', async () => {
      outputChannel.appendLine('Restarting the EKS Lens language server…');
      await client?.restart();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
