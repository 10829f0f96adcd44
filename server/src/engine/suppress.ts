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

/**
 * Reads the suppression comments of a file. With `comments` (the offsets of the file's real YAML
 * comments, from the parser's tokens) only those count, so a line of a block or quoted scalar that
 * looks like a directive (a shell script in a ConfigMap) silences nothing. Without them (a file that
 * was not parsed) every line is read as text.
 */
export function findSuppressions(text: string, lines: LineIndex, comments?: readonly number[]): Suppressions {
  const file = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  if (!text.includes('eks-lens-disable')) return { file, lines: byLine };
  const add = (line: number, commentText: string) => {
    if (!commentText.includes('eks-lens-disable')) return;
    const match = DIRECTIVE.exec(commentText);
    if (!match) return;
    const codes = match[2].split(/[\s,]+/).filter(Boolean);
    const target = match[1] === 'disable' ? file : getOrCreate(byLine, line + 1);
    if (codes.length === 0) target.add('*');
    for (const code of codes) target.add(code);
  };
  if (comments) {
    for (const offset of comments) {
      const { line, character } = lines.positionAt(offset);
      add(line, lines.lineText(line).slice(character));
    }
  } else {
    for (let line = 0; line < lines.lineCount; line++) add(line, lines.lineText(line));
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
