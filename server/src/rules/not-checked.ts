import { defineRule } from '../engine/rule';

export default defineRule({
  meta: {
    code: 'not-checked',
    scope: 'file',
    severity: 'information',
    kinds: 'any',
    title: 'A file or document was skipped, and why',
    docs: 'docs/rules/not-checked.md',
  },
  checkFile({ file, report }) {
    if (file.notParsed) {
      report({ target: { start: 0, end: 0 }, message: `eks-lens did not check this file: ${file.notParsed}.` });
      return;
    }
    if (!file.templated) return;
    for (const doc of file.documents) {
      if (!doc.syntaxErrors.length) continue;
      report({
        target: { start: doc.offset + doc.syntaxErrors[0].start, end: doc.offset + doc.syntaxErrors[0].end },
        message:
          'eks-lens skipped this document: it holds Go/Helm template actions ({{ … }}) that are not plain YAML. ' +
          'Check the rendered output instead (for example `helm template . | eks-lens check -`).',
      });
    }
  },
});
