// Suppression comments:
//   # eks-lens-disable-next-line code-a, code-b   (findings that start on the next line)
//   # eks-lens-disable code-a                      (the whole file)
// Without codes, a comment suppresses every rule.
import type { LineIndex } from '../model/lineIndex';

const DIRECTIVE = /(?:^|\s)#\s*eks-lens-(disable-next-line|disable)\b([^#]*)/;

export interface Suppressions {
  /** Codes disabled for the whole file; `*` means all. */
  readonly file: ReadonlySet<string>;
  /** 0-based line → codes disabled on it. */
  readonly lines: ReadonlyMap<number, ReadonlySet<string>>;
}

export function findSuppressions(text: string, lines: LineIndex): Suppressions {
  const file = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  if (!text.includes('eks-lens-disable')) return { file, lines: byLine };
  for (let line = 0; line < lines.lineCount; line++) {
    const lineText = lines.lineText(line);
    if (!lineText.includes('eks-lens-disable')) continue;
    const match = DIRECTIVE.exec(lineText);
    if (!match) continue;
    const codes = match[2].split(/[\s,]+/).filter(Boolean);
    const target = match[1] === 'disable' ? file : getOrCreate(byLine, line + 1);
    if (codes.length === 0) target.add('*');
    for (const code of codes) target.add(code);
  }
  return { file, lines: byLine };
}

export function isSuppressed(s: Suppressions, code: string, line: number): boolean {
  if (s.file.has('*') || s.file.has(code)) return true;
  const codes = s.lines.get(line);
  return !!codes && (codes.has('*') || codes.has(code));
}

function getOrCreate(map: Map<number, Set<string>>, key: number): Set<string> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}
