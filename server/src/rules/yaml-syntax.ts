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
    // One finding per broken document: the parser's first error. The parser goes on after it and
    // often describes the same problem several times (an unclosed quote or a stray `]` made four
    // or five errors on the lines after it), so the rest are counted, not listed; fixing the first
    // shows what is left.
    const first = doc.syntaxErrors[0];
    if (first) {
      const start = doc.offset + first.start;
      const more = doc.syntaxErrors.length - 1;
      const tail = more
        ? ` (The parser reports ${more} more ${more === 1 ? 'problem' : 'problems'} after this point in the document; ${more === 1 ? 'it' : 'they'} may follow from this one, so fix this first.)`
        : '';
      report({ target: { start, end: Math.max(doc.offset + first.end, start + 1) }, message: `${first.message}${tail}` });
    }
    // Lines YAML 1.2 refuses but the files' real readers accept are yaml-under-indented's: the
    // document is then read as those readers read it, and has no syntax error.
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
