// npm run test:editor — every real-editor suite, one after the other (each runs even when one
// before it failed), then a table of their counts and one closing line with the counts added up.
import { runStages } from '../stages.mjs';

const npm = (script) => ['npm', 'run', '--silent', script];
process.exit(
  await runStages('test:editor', [
    { name: 'e2e', command: npm('test:e2e'), counted: true }, // VS Code UI driven in Chromium (code-server, the .vsix installed)
    { name: 'vscode', command: npm('test:vscode'), counted: true }, // the Mocha suite inside VS Code's extension host
    { name: 'nvim', command: npm('test:nvim'), counted: true }, // Neovim's built-in LSP client against the same server
  ]),
);
