// Where the cursor is in a YAML file that is being typed, read from the text itself (the file may
// not parse while a value is half written): the key path down to the line, the line's own key,
// the partial word, and whether the cursor is on a key or a value.
import { lineStart } from '../model/offsets';

export interface TypingContext {
  /** Keys from the document root to the key of this line (list items as `*`), this line's key last when on a value. */
  readonly path: readonly string[];
  /** On a value (`key: par|`) or a list item (`- par|`), or on a new key (`  par|`). */
  readonly on: 'value' | 'key' | 'item';
  /** The partial text before the cursor, and the file offsets it spans (to be replaced). */
  readonly prefix: string;
  readonly start: number;
  readonly end: number;
  /** The indentation of the line. */
  readonly indent: string;
}

const KEY_LINE = /^(\s*)(?:-\s+)?("[^"]*"|'[^']*'|[^\s#:'"][^:#]*?)\s*:(?:\s|$)/;

export function typingContext(text: string, offset: number): TypingContext | undefined {
  const start = lineStart(text, offset);
  const before = text.slice(start, offset);
  if (before.includes('#')) return undefined; // in a comment
  const indent = /^\s*/.exec(before)![0];
  let on: TypingContext['on'];
  let prefix: string;
  let ownKey: string | undefined;
  const valueMatch = /^(\s*)(?:-\s+)?("[^"]*"|'[^']*'|[^\s#:'"][^:#]*?)\s*:\s+(\S*)$/.exec(before);
  const itemMatch = /^(\s*)-\s+(\S*)$/.exec(before);
  const keyMatch = /^(\s*)(\S*)$/.exec(before);
  if (valueMatch) {
    on = 'value';
    ownKey = unquote(valueMatch[2]);
    prefix = valueMatch[3];
  } else if (itemMatch) {
    on = 'item';
    prefix = itemMatch[2];
  } else if (keyMatch) {
    on = 'key';
    prefix = keyMatch[2];
  } else return undefined;
  // The key path: walk up to lines indented less than this one (a list item counts as one deeper).
  const dash = /^(\s*-\s+)/.exec(before);
  const path = parents(text, start, indent.length, !!dash);
  if (on === 'value') path.push(ownKey!);
  return { path, on, prefix, start: offset - prefix.length, end: offset, indent };
}

function unquote(key: string): string {
  return /^(["']).*\1$/.test(key) ? key.slice(1, -1) : key;
}

/** Keys of the enclosing mappings, outermost first, for a line starting at `from` with `column` indentation. */
function parents(text: string, from: number, column: number, inItem: boolean): string[] {
  const out: string[] = inItem ? ['*'] : [];
  let limit = column;
  let end = from - 1;
  while (end > 0 && limit > 0) {
    const start = lineStart(text, end);
    const line = text.slice(start, end);
    end = start - 1;
    if (!line.trim() || /^\s*#/.test(line)) continue;
    if (/^---\s*$/.test(line)) break;
    const indent = /^\s*/.exec(line)![0].length;
    if (indent >= limit) continue;
    const m = KEY_LINE.exec(line);
    const dash = /^(\s*-\s+)/.exec(line);
    if (dash) {
      // `- key: …` opens a list item whose first key sits after the dash: deeper lines belong to
      // that key's value, lines at the key's column are its siblings in the item.
      const keyColumn = dash[1].length;
      if (m && limit > keyColumn) out.unshift(unquote(m[2]));
      out.unshift('*');
    } else if (m) out.unshift(unquote(m[2]));
    limit = indent;
  }
  return out;
}
