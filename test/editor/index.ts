// Entry point of the in-editor suite, in the shape @vscode/test-electron (and VS Code's
// `extensionTestsPath`) expects: a module exporting `run()`, which resolves when every test
// passed and rejects otherwise. It runs inside the extension host with the real `vscode` API.
//
// When EKS_LENS_TEST_RESULTS names a file, the counts are also written there as JSON and the
// reporter's output to the same name with .log, so the runner outside the editor can print them
// (in the VS Code server the extension host's console goes to the browser, mixed with its logs).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const results = process.env.EKS_LENS_TEST_RESULTS;
  if (results) {
    const logFile = results.replace(/\.json$/, '') + '.log';
    fs.writeFileSync(logFile, '');
    const consoleLog = Mocha.reporters.Base.consoleLog;
    Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
      fs.appendFileSync(logFile, util.format(...args) + '\n');
      consoleLog(...args);
    };
  }
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 600_000, reporter: 'spec' });
  for (const file of fs.readdirSync(__dirname).sort()) {
    if (file.endsWith('.test.js')) mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const failedTests: Array<{ title: string; error: string }> = [];
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
      if (results) {
        fs.writeFileSync(results, JSON.stringify({ passed: stats.passes, failed: stats.failures, skipped: stats.pending, failures: failedTests }, null, 2));
      }
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
    runner.on('fail', (test, err: Error) => failedTests.push({ title: test.fullTitle(), error: String(err?.stack ?? err) }));
  });
}
