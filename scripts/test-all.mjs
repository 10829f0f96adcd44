// npm test — every stage, each run even when one before it failed, then one table of their counts:
//   build, typecheck, lint (oxlint, configured in .oxlintrc.json), format (oxfmt --check, configured
//   in .oxfmtrc.json), unit (node's test runner over every *.test.ts), and the real-editor suites:
//   e2e (the .vsix in code-server driven through its UI), vscode (the Mocha suite in VS Code's
//   extension host) and nvim (Neovim's LSP client against the same server).
// The editor suites install what they need on first use (scripts/e2e/setup.sh: Debian packages
// through apt-get, Node 24 and code-server from npm into ~/.cache/eks-lens-e2e). A suite that cannot
// get its editor fails. To leave them out on purpose: EKS_LENS_SKIP_EDITOR=1 npm test, or
// npm run test:unit.
import { runStages } from './stages.mjs';

const skipEditor = process.env.EKS_LENS_SKIP_EDITOR && process.env.EKS_LENS_SKIP_EDITOR !== '0' ? 'EKS_LENS_SKIP_EDITOR is set' : undefined;
const npm = (script) => ['npm', 'run', '--silent', script];
process.exit(
  await runStages('npm test', [
    { name: 'build', command: npm('build') },
    { name: 'typecheck', command: npm('typecheck') },
    { name: 'lint', command: npm('lint') },
    { name: 'format', command: npm('format:check') },
    { name: 'unit', command: ['node', 'scripts/test.mjs'], counted: true },
    { name: 'editor: VS Code UI (e2e)', command: npm('test:e2e'), counted: true, skip: skipEditor },
    { name: 'editor: extension host (vscode)', command: npm('test:vscode'), counted: true, skip: skipEditor },
    { name: 'editor: Neovim (nvim)', command: npm('test:nvim'), counted: true, skip: skipEditor },
  ]),
);
