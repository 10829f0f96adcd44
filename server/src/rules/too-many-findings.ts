import { defineRule } from '../engine/rule';
import { TOO_MANY_FINDINGS } from '../engine/run';

// Reported by the engine itself (engine/run.ts), after every other rule, when a file has more
// findings than the per-file limit; this entry gives the note its settings entry and page, with the
// code and severity the engine uses.
export default defineRule({
  meta: {
    code: TOO_MANY_FINDINGS.code,
    scope: 'file',
    severity: TOO_MANY_FINDINGS.severity,
    kinds: 'any',
    title: 'A file has more findings than are shown',
    docs: 'docs/rules/too-many-findings.md',
  },
});
