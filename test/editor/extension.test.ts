// The extension as VS Code runs it: the packaged client starts the bundled language server, and
// diagnostics, hovers and quick fixes reach the editor through the real vscode API.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeOf, EXTENSION_ID, hoverText, open, positionOf, waitForDiagnostics, waitUntil } from './helpers';

const overlaps = (ds: readonly vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === 'subnet-overlap');

suite('EKS Lens in VS Code', () => {
  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
  });

  teardown(async () => {
    // Leave no edited buffer behind for the next test.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('contributes its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['eksLens.restartServer', 'eksLens.planSubnets']) {
      assert.ok(commands.includes(id), `command ${id} is not registered`);
    }
  });

  test('eksctl: reports the overlapping subnets on their lines, and nothing else', async () => {
    const editor = await open('cluster.yaml');
    const ds = await waitForDiagnostics(editor.document.uri, (d) => overlaps(d).length === 2, 'two subnet-overlap findings');
    assert.deepEqual(ds.map((d) => [codeOf(d), d.severity, d.range.start.line + 1, editor.document.getText(d.range)]).sort(), [
      ['subnet-overlap', vscode.DiagnosticSeverity.Error, 22, '10.0.0.0/19'],
      ['subnet-overlap', vscode.DiagnosticSeverity.Error, 25, '10.0.16.0/20'],
    ]);
    assert.match(ds[0].message, /overlaps/);
  });

  test('hover on a CIDR gives its address facts', async () => {
    const { document } = await open('cluster.yaml');
    const text = await hoverText(document.uri, positionOf(document, 'cidr: 10.0.0.0/16', 8));
    assert.match(text, /65,536 addresses/);
    assert.match(text, /65,531 usable/);
  });

  test('hover on managedNodeGroups explains the term', async () => {
    const { document } = await open('cluster.yaml');
    const text = await hoverText(document.uri, positionOf(document, 'managedNodeGroups:', 3));
    assert.match(text, /managed node groups/i);
  });

  test('eksctl: no "Move subnet" fix (the subnets exist), only suppression and documentation', async () => {
    const { document } = await open('cluster.yaml');
    const [finding] = await waitForDiagnostics(document.uri, (d) => overlaps(d).length === 2, 'two subnet-overlap findings');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, finding.range);
    const titles = (actions ?? []).map((a) => a.title);
    assert.ok(!titles.some((t) => /^Move subnet/.test(t)), `unexpected fix among ${JSON.stringify(titles)}`);
    assert.ok(
      titles.some((t) => /Disable .*subnet-overlap.* for this line/i.test(t)),
      `no suppression action among ${JSON.stringify(titles)}`,
    );
  });

  test('CloudFormation: the "Move subnet" quick fix clears the overlap', async () => {
    const { document } = await open('network.yaml');
    const uri = document.uri;
    await waitForDiagnostics(uri, (d) => overlaps(d).length === 2, 'two subnet-overlap findings');
    const at = positionOf(document, '10.0.16.0/20', 3);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(at, at), vscode.CodeActionKind.QuickFix.value);
    const titles = (actions ?? []).map((a) => a.title);
    const move = actions?.find((a) => /^Move subnet SubnetB to /.test(a.title));
    assert.ok(move?.edit, `no "Move subnet SubnetB" fix with an edit among ${JSON.stringify(titles)}`);
    assert.equal(move.title, 'Move subnet SubnetB to 10.0.32.0/20 (the first free /20 in the VPC)');
    assert.ok(await vscode.workspace.applyEdit(move.edit), 'workspace.applyEdit refused the fix');
    assert.match(document.getText(), /CidrBlock: 10\.0\.32\.0\/20/);
    await waitForDiagnostics(uri, (d) => overlaps(d).length === 0, 'the overlap to go');
  });

  test('restarting the server brings the diagnostics back', async () => {
    const { document } = await open('cluster.yaml');
    await waitForDiagnostics(document.uri, (d) => overlaps(d).length === 2, 'two subnet-overlap findings');
    await vscode.commands.executeCommand('eksLens.restartServer');
    await waitForDiagnostics(document.uri, (d) => overlaps(d).length === 2, 'the findings after the restart');
  });

  test('a server that crashes is restarted, and a later edit gets fresh diagnostics', async () => {
    const editor = await open('cluster.yaml');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => overlaps(d).length === 2, 'two subnet-overlap findings');
    const [before] = await waitForServers(1, [], 'the language server process');
    process.kill(before, 'SIGKILL');
    // The client notices the dead process and starts another one (its error handler's restart).
    await waitForServers(1, [before], 'a new language server process after the kill');
    // Only a live server can answer this edit: every finding moves down one line.
    assert.ok(await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# edited after the crash\n')));
    const ds = await waitForDiagnostics(uri, (d) => overlaps(d).length === 2 && overlaps(d).every((x) => x.range.start.line + 1 !== 22), 'the findings on their new lines');
    assert.deepEqual(
      overlaps(ds)
        .map((d) => d.range.start.line + 1)
        .sort((a, b) => a - b),
      [23, 26],
    );
  });
});

// The snippets package.json contributes for YAML, inserted the way VS Code inserts them.
suite('EKS Lens snippets', () => {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  const contributed: Array<{ language: string; path: string }> = extension?.packageJSON.contributes?.snippets ?? [];
  const file = contributed.find((s) => s.language === 'yaml');
  const snippets: Snippet[] = extension && file ? Object.values<Snippet>(JSON.parse(fs.readFileSync(path.join(extension.extensionPath, file.path), 'utf8'))) : [];

  suiteSetup(async () => {
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
  });

  teardown(async () => {
    // The untitled buffers are dirty: revert them so that closing asks nothing.
    for (let i = 0; i < 5 && vscode.window.activeTextEditor; i++) await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('contributes its snippets for YAML, eksctl (eks-), Kubernetes (k8s-) and CloudFormation (cfn-)', () => {
    assert.deepEqual(contributed, [{ language: 'yaml', path: './snippets/eks-lens.json' }]);
    assert.ok(snippets.length >= 15, `${snippets.length} snippets in ${file?.path}`);
    for (const prefix of ['eks-', 'k8s-', 'cfn-'])
      assert.ok(
        snippets.some((s) => s.prefix.startsWith(prefix)),
        `no ${prefix} snippet`,
      );
    for (const s of snippets) {
      assert.match(s.prefix, /^(eks|k8s|cfn)-/);
      assert.ok(s.description, `${s.prefix} has no description`);
    }
  });

  // Blocks for the inside of a file go where they belong: resources under the Resources of the VPC
  // template (VS Code indents the snippet's lines like the line it is inserted on), top-level keys
  // at the end of the cluster. The node group block replaces the cluster's own, so it goes alone.
  const HOSTS: Record<string, { host: string; under?: string }> = {
    'cfn-subnet': { host: 'cfn-eks-vpc', under: 'Resources:' },
    'cfn-security-group': { host: 'cfn-eks-vpc', under: 'Resources:' },
    'eks-addons': { host: 'eks-cluster' },
    'eks-network-config': { host: 'eks-cluster' },
  };

  for (const snippet of snippets) {
    const where = HOSTS[snippet.prefix];
    test(`${snippet.prefix}: inserted ${where ? `into ${where.host}` : 'into an empty YAML file'}, no diagnostics`, async () => {
      // The file starts with a line the server reports (a YAML syntax error), so that "no
      // diagnostics" below is the server's answer to the inserted text, not the state before it.
      // Each test's untitled document has a name of its own: VS Code reuses "Untitled-1" once the
      // last one is gone, and on a loaded machine the close of the previous test's document and
      // the open of this one can reach the language server in either order.
      const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: `/snippet-test-${snippet.prefix}-${Date.now().toString(36)}.yaml` }));
      const editor = await vscode.window.showTextDocument(document);
      assert.equal(document.languageId, 'yaml');
      assert.ok(await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'placeholder: [\n')), 'typing the placeholder failed');
      await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'yaml-syntax'), 'the yaml-syntax finding on the placeholder line');
      const whole = () => new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
      if (where) {
        const host = snippets.find((s) => s.prefix === where.host);
        assert.ok(host, `no snippet ${where.host}`);
        assert.ok(await editor.insertSnippet(new vscode.SnippetString(host.body.join('\n')), whole()), `inserting ${where.host} failed`);
        await vscode.commands.executeCommand('leaveSnippet');
        const text = document.getText();
        const at = where.under ? document.positionAt(text.indexOf(`\n${where.under}\n`) + where.under.length + 1) : document.positionAt(text.length);
        // A new line, indented as the host's entries there are: the snippet's lines follow it.
        const line = where.under ? '\n  ' : '\n';
        await editor.edit((e) => e.insert(at, line));
        const cursor = document.positionAt(document.offsetAt(at) + line.length);
        assert.ok(await editor.insertSnippet(new vscode.SnippetString(snippet.body.join('\n')), cursor), `inserting ${snippet.prefix} failed`);
      } else {
        assert.ok(await editor.insertSnippet(new vscode.SnippetString(snippet.body.join('\n')), whole()), `inserting ${snippet.prefix} failed`);
      }
      const text = document.getText();
      assert.doesNotMatch(text, /placeholder: \[|\$\{?\d/, 'the snippet was not expanded in place of the text');
      const first = snippet.body.find((l) => l.trim() && !l.trim().startsWith('#'))!.replace(/\$\{\d+:([^}]*)\}/g, '$1');
      assert.ok(text.includes(first.trim()), `"${first.trim()}" is not in the document:\n${text}`);
      // Every finding counts but one: the fixture workspace's network.yaml has a VPC of
      // 10.0.0.0/16, the block the VPC snippets default to. Nothing connects the two VPCs, so
      // vpc-cidr-overlap should say nothing; a finding of it that points at network.yaml would be
      // about the workspace, not the snippet (the snippets test checks each one alone).
      const own = (d: readonly vscode.Diagnostic[]) => d.filter((x) => !(codeOf(x) === 'vpc-cidr-overlap' && x.relatedInformation?.some((r) => r.location.uri.path.endsWith('/network.yaml'))));
      await waitForDiagnostics(document.uri, (d) => own(d).length === 0, `${snippet.prefix} to leave no diagnostics of its own`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
  }
});

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

/** Process ids of this extension host's children running the bundled server (Linux /proc). */
function serverProcesses(): number[] {
  const found: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // The second field may contain spaces; the parent id is the second field after its ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (/dist[\\/]server\.js/.test(cmdline)) found.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

async function waitForServers(count: number, not: readonly number[], what: string): Promise<number[]> {
  return waitUntil(
    () => {
      const live = serverProcesses().filter((p) => !not.includes(p));
      return live.length >= count ? live : undefined;
    },
    what,
    () => `server processes now: ${JSON.stringify(serverProcesses())}`,
  );
}

// The address map webview and the status bar's server side (the item itself cannot be read
// through the API; test/protocol.test.ts checks the eksLens/status notification it shows).
suite('EKS Lens address map', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('contributes eksLens.showAddressMap', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('eksLens.showAddressMap'), 'eksLens.showAddressMap is not registered');
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: Array<{ command: string; title: string; category: string }> } }).contributes.commands;
    const entry = contributed.find((c) => c.command === 'eksLens.showAddressMap');
    assert.deepEqual(entry && `${entry.category}: ${entry.title}`, 'EKS Lens: Show Address Map');
  });

  test('opens a webview panel with the workspace map', async () => {
    const { document } = await open('cluster.yaml');
    await waitForDiagnostics(document.uri, (d) => overlaps(d).length === 2, 'the first check');
    await vscode.commands.executeCommand('eksLens.showAddressMap');
    // The panel is titled by the server's answer once the map arrived.
    const tab = await waitForMapTab((t) => /workspace/i.test(t.label), 'the workspace map');
    assert.ok(tab.input instanceof vscode.TabInputWebview);
    // Running it again reuses the panel.
    await vscode.commands.executeCommand('eksLens.showAddressMap');
    assert.equal(mapTabs().length, 1, 'one address map panel');
  });

  test('shows the map of one file when asked for the file scope', async () => {
    await open('network.yaml');
    await vscode.commands.executeCommand('eksLens.showAddressMap', { scope: 'file' });
    await waitForMapTab((t) => t.label.includes('network.yaml'), 'the map of network.yaml');
  });
});

function mapTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('eksLens.addressMap'));
}

async function waitForMapTab(accept: (tab: vscode.Tab) => boolean, what: string): Promise<vscode.Tab> {
  return waitUntil(
    () => mapTabs().find(accept),
    what,
    () => `webview tabs: ${JSON.stringify(vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => [t.label, t.input instanceof vscode.TabInputWebview ? t.input.viewType : undefined]))}`,
  );
}
