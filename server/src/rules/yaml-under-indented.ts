import { defineRule } from '../engine/rule';

// Lines that YAML 1.2 refuses but the files' real readers (PyYAML, which cfn-lint uses and the
// CloudFormation service matches; go-yaml, which kubectl and eksctl use) accept: the continuation
// line of a quoted string, or a line of a `[ … ]` / `{ … }` collection, not indented past its key.
// The model reads such a document as those readers do (model/lenient.ts), so every other rule
// still checks it; this rule says, once per string or collection, where the file is not portable.
export default defineRule({
  meta: {
    code: 'yaml-under-indented',
    severity: 'warning',
    kinds: 'any',
    title: 'A quoted string or flow collection continues on a line not indented past its key',
    docs: 'docs/rules/yaml-under-indented.md',
  },
  check({ file, doc, report }) {
    // Template files are reported once by not-checked instead: their syntax is Go's, not YAML's.
    if (file.templated) return;
    for (const problem of doc.lenient) {
      const start = doc.offset + problem.start;
      const opened = doc.offset + problem.opened.start;
      report({
        target: { start, end: Math.max(doc.offset + problem.end, start + 1) },
        message: problem.message,
        related: [{ target: { start: opened, end: opened + 1 }, message: problem.opened.message }],
      });
    }
  },
});
