import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { mergeConfig } from '../server/src/engine/config';
import { checkFile } from '../server/src/engine/run';
import { allRules } from '../server/src/rules/index';
import { aliasBomb, binaryJunk, deepNesting, hugeManifest, mergeKeyChain, truncatedManifest } from './support/hostile';
import { TestClient } from './support/lspClient';
import { HANG_MS, WAIT_MS } from './support/limits';
import { buildFileModel } from '../server/src/formats';

function check(text: string, uri = 'hostile.yaml') {
  const errors: string[] = [];
  const findings = checkFile(buildFileModel({ uri, text }), { rules: allRules, config: mergeConfig(), onRuleError: (code, e) => errors.push(`${code}: ${String(e)}`) });
  return { findings, ruleErrors: errors };
}

// Each case must finish (the test runner's timeout turns a hang into a failure) and say something
// sensible, or nothing; none may throw.
describe('hostile input, engine', { timeout: HANG_MS }, () => {
  it('truncated YAML gives a syntax error and no crash', () => {
    const { findings, ruleErrors } = check(truncatedManifest());
    assert.deepEqual(ruleErrors, []);
    assert.ok(findings.length >= 1);
    assert.ok(findings.every((f) => f.code === 'yaml-syntax'));
  });

  it('binary bytes are refused with an explanation', () => {
    const { findings } = check(binaryJunk());
    assert.deepEqual(
      findings.map((f) => f.code),
      ['not-checked'],
    );
    assert.match(findings[0].message, /binary/);
  });

  it('a 10 MB file is refused unparsed under the default limit', () => {
    const text = hugeManifest(10);
    const model = buildFileModel({ uri: 'hostile.yaml', text });
    // Refused before the parser: no document, no YAML node, nothing for a rule to walk.
    assert.ok(model.notParsed, 'the model says the file was not parsed');
    assert.deepEqual(model.documents, []);
    const { findings } = check(text);
    assert.deepEqual(
      findings.map((f) => f.code),
      ['not-checked'],
    );
    assert.match(findings[0].message, /10\.0 MB, above the 5\.0 MB limit/);
  });

  it('an alias bomb is walked without expanding it', () => {
    const { findings, ruleErrors } = check(aliasBomb());
    assert.deepEqual(ruleErrors, []);
    // extraCIDRs takes the first level: nine "lol" entries, each reported once where it is written.
    // publicAccessCIDRs takes the last level, whose entries are lists, not CIDR strings.
    assert.deepEqual(
      findings.map((f) => f.code),
      Array(9).fill('cidr-syntax'),
    );
    assert.ok(
      findings.every((f) => f.range.start.line === 3),
      'reported at the anchored list',
    );
  });

  it('a long merge-key chain resolves, up to the depth bound', () => {
    const { findings, ruleErrors } = check(mergeKeyChain());
    assert.deepEqual(ruleErrors, []);
    assert.deepEqual(
      findings.map((f) => f.code),
      ['cidr-host-bits'],
    );
  });

  it('deep nesting does not overflow the stack of the engine', () => {
    const { findings, ruleErrors } = check(deepNesting());
    assert.deepEqual(ruleErrors, []);
    assert.ok(findings.every((f) => f.code === 'yaml-syntax'));
  });
});

describe('hostile input, language server', { timeout: HANG_MS }, () => {
  it('survives every hostile file and still serves the next document', async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      const cases: Array<[string, string]> = [
        ['truncated', truncatedManifest()],
        ['binary', binaryJunk()],
        ['huge', hugeManifest(10)],
        ['bomb', aliasBomb()],
        ['merges', mergeKeyChain()],
        ['deep', deepNesting()],
      ];
      for (const [name, text] of cases) {
        const uri = `untitled:${name}.yaml`;
        await client.open(uri, text);
        await client.diagnostics(uri, { timeoutMs: WAIT_MS });
        assert.ok(client.alive, `server died on ${name}`);
      }
      const uri = 'untitled:after.yaml';
      await client.open(uri, 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  clusterIP: 10.0.0.300\n');
      assert.deepEqual(
        (await client.diagnostics(uri)).map((d) => d.code),
        ['ip-syntax'],
      );
    } finally {
      await client.stop();
    }
  });
});

describe('hostile files in the workspace, language server', { timeout: HANG_MS }, () => {
  it('scans a workspace full of hostile files without dying, and still finds the facts in good ones', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'eks-lens-hostile-ws-'));
    // Each file mentions a workload kind, so the scan parses it rather than skipping it.
    const workload = 'kind: Deployment\n';
    writeFileSync(path.join(folder, 'truncated.yaml'), workload + truncatedManifest());
    writeFileSync(path.join(folder, 'binary.yaml'), workload + binaryJunk());
    writeFileSync(path.join(folder, 'huge.yaml'), workload + hugeManifest(2));
    writeFileSync(path.join(folder, 'bomb.yaml'), workload + aliasBomb());
    writeFileSync(path.join(folder, 'merges.yaml'), workload + mergeKeyChain());
    writeFileSync(path.join(folder, 'deep.yaml'), workload + deepNesting());
    writeFileSync(path.join(folder, 'web.yaml'), 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 2, template: {metadata: {labels: {app: web}}}}\n');
    const client = new TestClient();
    try {
      await client.initialize({ workspaceFolder: folder });
      const uri = pathToFileURL(path.join(folder, 'pdb.yaml')).href;
      await client.open(uri, 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\nspec: {minAvailable: 2, selector: {matchLabels: {app: web}}}\n');
      const diagnostics = await client.diagnosticsUntil(uri, (ds) => ds.some((d) => d.code === 'k8s-pdb-blocks-eviction'), WAIT_MS);
      assert.equal(diagnostics.length, 1);
      assert.ok(client.alive);
    } finally {
      await client.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
