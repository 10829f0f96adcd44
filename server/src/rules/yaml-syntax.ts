import { visit } from 'yaml';
import { defineRule } from '../engine/rule';

// JSON files are ours only when they are CloudFormation templates; a broken JSON file that is
// not one belongs to other tools.
const LOOKS_LIKE_TEMPLATE = /"AWSTemplateFormatVersion"|"Type"\s*:\s*"AWS::/;

export default defineRule({
  meta: {
    code: 'yaml-syntax',
    severity: 'error',
    kinds: 'any',
    title: 'The file is not valid YAML (or JSON)',
    docs: 'docs/rules/yaml-syntax.md',
  },
  check({ file, doc, report }) {
    // Template files are reported once by not-checked instead: their syntax is Go's, not YAML's.
    if (file.templated) return;
    if (file.format === 'json' && !LOOKS_LIKE_TEMPLATE.test(file.text)) return;
    for (const problem of doc.syntaxErrors) {
      const start = doc.offset + problem.start;
      report({ target: { start, end: Math.max(doc.offset + problem.end, start + 1) }, message: problem.message });
    }
    // The parser accepts an alias to an anchor that does not exist (it fails only when the value
    // is read), so look for those here; most documents have no `*` at all and cost nothing.
    if (!file.text.slice(doc.start, doc.end).includes('*')) return;
    visit(doc.yaml, {
      Alias(_key, alias) {
        if (doc.anchors.resolve(alias) !== undefined) return;
        report({ target: alias, message: `Unresolved alias *${alias.source}: no anchor &${alias.source} comes before it in this document.` });
      },
    });
  },
});
