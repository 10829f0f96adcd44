import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { defineRule, type Severity } from '../engine/rule';
import type { DocumentKind } from '../model/classify';

// What each reader does with a key written twice in one mapping (sources in the rule's page):
// - eksctl reads its config with sigs.k8s.io/yaml's UnmarshalStrict (pkg/eks/api.go, ParseConfig),
//   which refuses the file ("key … already set in map"): an error.
// - kubectl converts each manifest to JSON with sigs.k8s.io/yaml's non-strict YAMLToJSON
//   (apimachinery pkg/util/yaml/decoder.go), which keeps the last value without a word, so the API
//   server never sees the duplicate: a warning.
// - CloudFormation accepts the template and uses the last value, as PyYAML reads it (AWS calls a
//   repeated top-level section undefined behaviour; cfn-lint stops with E0000 on it): a warning.
const SEVERITY: Record<DocumentKind, Severity> = { eksctl: 'error', kubernetes: 'warning', cloudformation: 'warning', other: 'warning' };

const READER: Record<DocumentKind, string> = {
  eksctl: 'eksctl refuses the file (it reads its config strictly)',
  kubernetes: 'kubectl keeps the last value and drops the other without a word',
  cloudformation: 'CloudFormation accepts the template and uses one value, in practice the last, dropping the other without a word',
  other: 'most YAML readers keep the last value; strict ones refuse the file',
};

export default defineRule({
  meta: {
    code: 'yaml-duplicate-key',
    severity: 'warning',
    kinds: 'any',
    title: 'A key is written twice in one mapping',
    docs: 'docs/rules/yaml-duplicate-key.md',
  },
  check({ file, doc, report }) {
    // In a Helm/Go template the two occurrences are often in different branches of an `if`.
    if (file.templated) return;
    for (const dup of doc.duplicateKeys) {
      const line = file.lines.positionAt(doc.offset + (dup.previous.range?.[0] ?? 0)).line + 1;
      const isLast = dup.winner.key === dup.node;
      const wins = isLast ? `this one, ${describe(dup.winner)}` : `the last one, ${describe(dup.winner)}`;
      report({
        target: dup.node,
        severity: SEVERITY[doc.kind],
        message: `Key "${short(dup.key)}" is also written on line ${line} of the same mapping; YAML forbids that, and ${READER[doc.kind]}. The value that wins: ${wins}.`,
        related: [{ target: dup.previous, message: `"${short(dup.key)}" first written here.` }],
      });
    }
  },
});

/** The winning value in a few words: a short, escaped scalar, or what kind of collection it is. */
function describe(pair: Pair): string {
  const value = pair.value as Node | null;
  if (isMap(value)) return `a mapping of ${value.items.length} ${value.items.length === 1 ? 'key' : 'keys'}`;
  if (isSeq(value)) return `a list of ${value.items.length} ${value.items.length === 1 ? 'item' : 'items'}`;
  if (isScalar(value)) {
    if (value.value === null) return 'an empty value';
    const text = value.source ?? String(value.value);
    return `${value.tag && value.tag.startsWith('!') && !value.tag.startsWith('!!') ? `${value.tag} ` : ''}${JSON.stringify(short(text))}`;
  }
  if (value && 'source' in value) return `an alias *${String((value as { source: unknown }).source)}`;
  return 'an empty value';
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
