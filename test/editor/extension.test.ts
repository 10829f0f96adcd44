// The extension as VS Code runs it: the packaged client starts the bundled language server, and
// diagnostics, hovers and quick fixes reach the editor through the real vscode API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, EXTENSION_ID, fixture, hoverText, open, positionOf, waitForDiagnostics } from './helpers';

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
    assert.deepEqual(
      ds.map((d) => [codeOf(d), d.severity, d.range.start.line + 1, editor.document.getText(d.range)]).sort(),
      [
        ['subnet-overlap', vscode.DiagnosticSeverity.Error, 22, '10.0.0.0/19'],
        ['subnet-overlap', vscode.DiagnosticSeverity.Error, 25, '10.0.16.0/20'],
      ],
    );
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
    assert.ok(titles.some((t) => /Disable .*subnet-overlap.* for this line/i.test(t)), `no suppression action among ${JSON.stringify(titles)}`);
  });

  test('CloudFormation: the "Move subnet" quick fix clears the overlap', async () => {
    const { document } = await open('network.yaml');
    const uri = document.uri;
    await waitForDiagnostics(uri, (d) => overlaps(d).length === 2, 'two subnet-overlap findings');
    const at = positionOf(document, '10.0.16.0/20', 3);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      new vscode.Range(at, at),
      vscode.CodeActionKind.QuickFix.value,
    );
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

  // Snippets do not exist yet (a later issue adds them). When they do: insert each one with
  // `editor.insertSnippet`/`editor.action.insertSnippet` into an empty YAML file and expect no
  // diagnostics.
  test.skip('snippets expand to files with no findings (no snippets yet)');
});
