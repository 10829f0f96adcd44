import { defineRule } from '../engine/rule';

// Reported by the engine itself (engine/run.ts), after every other rule, when a file has more
// findings than the per-file limit; this entry gives the note its code, severity and page.
export default defineRule({
  meta: {
    code: 'too-many-findings',
    scope: 'file',
    severity: 'information',
    kinds: 'any',
    title: 'A file has more findings than are shown',
    docs: 'docs/rules/too-many-findings.md',
  },
});
