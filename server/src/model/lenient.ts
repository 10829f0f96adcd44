// YAML that the readers of our files accept and YAML 1.2 refuses. The `yaml` package follows YAML
// 1.2 strictly; PyYAML (which cfn-lint uses, and whose reading the CloudFormation service matches)
// and go-yaml (kubectl, eksctl) do not check the indentation of the lines inside a quoted scalar or
// a flow collection. A template with such a line deploys, so refusing the whole document would
// switch every other check off for nothing. Here such lines are found from the lexer's tokens and
// indented (in a copy of the text) just enough for YAML 1.2; extra leading spaces on those lines
// change no value, since YAML drops the leading white space of a quoted scalar's continuation line
// and the white space between flow tokens. The offsets of the copy map back to the original.

/** One lenient construct: where to report it (chunk offsets) and what it is. */
import { DOC_MODE, eachToken, FLOW_ERROR_END, SCALAR_MARK } from './lexemes';
import { lineStart } from './offsets';

export interface LenientProblem {
  message: string;
  start: number;
  end: number;
  /** Where the quoted string or flow collection opens (chunk offset), and what it is. */
  opened: { start: number; end: number; message: string };
}

/** Spaces to add at `at` (an offset of the original text, at a line start). */
interface Insert {
  at: number;
  count: number;
}

export interface Repair {
  readonly text: string;
  readonly problems: readonly LenientProblem[];
  /** Maps an offset of the repaired text back to the original text. */
  toOriginal(offset: number): number;
  /** Maps an offset of the original text to the repaired text. */
  toRepaired(offset: number): number;
}

/**
 * Finds the under-indented lines of quoted scalars and flow collections in `text` from its lexer
 * tokens, and returns the inserts that indent them (in offsets of `text`), with one problem each.
 */
export function findLenientLines(text: string, lexemes: readonly string[]): { inserts: Insert[]; problems: LenientProblem[] } {
  const inserts: Insert[] = [];
  const problems: LenientProblem[] = [];
  // The searches for closing quotes and brackets share one budget, so that many unclosed ones
  // (each searching to the end of the text) cost a bounded multiple of the text, not its square.
  const budget = { left: 2 * text.length + 1024 };
  let offset = 0;
  let scalarNext = false;
  let flowDepth = 0;
  let flowOpen = -1;
  for (const lexeme of lexemes) {
    if (lexeme === DOC_MODE) continue;
    if (lexeme === FLOW_ERROR_END) {
      // The lexer left a flow collection because a line was not indented enough for YAML 1.2.
      if (flowDepth > 0 && flowOpen >= 0) {
        const close = closingBracket(text, offset, flowDepth, budget);
        const kind = text[flowOpen] === '[' ? 'flow sequence ([ … ])' : 'flow mapping ({ … })';
        if (close !== undefined)
          addLines(
            text,
            flowOpen,
            close,
            inserts,
            problems,
            `This line inside a ${kind} is not indented past the key that holds it. YAML 1.2 requires that indentation; PyYAML, go-yaml (kubectl, eksctl) and CloudFormation accept the line as written, and eks-lens reads it as they do.`,
            `The ${kind} starts here.`,
          );
      }
      flowDepth = 0;
      flowOpen = -1;
      continue;
    }
    if (lexeme === SCALAR_MARK) {
      scalarNext = true;
      continue;
    }
    const first = lexeme.charCodeAt(0);
    if (!scalarNext && (first === 34 /* " */ || first === 39) /* ' */ && !isClosedQuote(lexeme)) {
      const close = quotedEnd(text, offset, text.length, budget);
      if (close !== undefined)
        addLines(
          text,
          offset,
          close,
          inserts,
          problems,
          'This continuation line of a quoted string is not indented past the key that holds the string. YAML 1.2 requires that indentation; PyYAML, go-yaml (kubectl, eksctl) and CloudFormation accept the line as written, and eks-lens reads it as they do.',
          'The quoted string starts here.',
        );
    } else if (!scalarNext && lexeme.length === 1 && (first === 91 /* [ */ || first === 123) /* { */) {
      if (flowDepth++ === 0) flowOpen = offset;
    } else if (!scalarNext && lexeme.length === 1 && (first === 93 /* ] */ || first === 125) /* } */ && flowDepth > 0) {
      if (--flowDepth === 0) flowOpen = -1;
    }
    scalarNext = false;
    offset += lexeme.length;
  }
  return { inserts, problems };
}

/** Offsets of the quoted scalars that the lexer saw start but not end, in order. */
export function unclosedQuotes(lexemes: readonly string[]): number[] {
  const out: number[] = [];
  eachToken(lexemes, (lexeme, offset, scalarText) => {
    const first = lexeme.charCodeAt(0);
    if (!scalarText && (first === 34 || first === 39) && !isClosedQuote(lexeme)) out.push(offset);
  });
  return out;
}

/** Builds the repaired text for a set of inserts (in original offsets, any order, no duplicates). */
export function applyInserts(text: string, problems: readonly LenientProblem[], inserts: readonly Insert[]): Repair {
  const sorted = [...inserts].sort((a, b) => a.at - b.at);
  const parts: string[] = [];
  // For insert i: where it starts in the repaired text, and the spaces added before it.
  const repairedAt: number[] = [];
  const before: number[] = [];
  let last = 0;
  let added = 0;
  for (const insert of sorted) {
    parts.push(text.slice(last, insert.at), ' '.repeat(insert.count));
    repairedAt.push(insert.at + added);
    before.push(added);
    added += insert.count;
    last = insert.at;
  }
  parts.push(text.slice(last));
  const toOriginal = (offset: number): number => {
    // The last insert that starts at or before the offset.
    let low = 0;
    let high = repairedAt.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (repairedAt[mid] <= offset) low = mid + 1;
      else high = mid;
    }
    const i = low - 1;
    if (i < 0) return offset;
    const end = repairedAt[i] + sorted[i].count;
    return offset < end ? sorted[i].at : offset - before[i] - sorted[i].count;
  };
  const toRepaired = (offset: number): number => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid].at <= offset) low = mid + 1;
      else high = mid;
    }
    // Spaces inserted at the offset itself come before the original character there.
    return low === 0 ? offset : offset + before[low - 1] + sorted[low - 1].count;
  };
  return { text: parts.join(''), problems, toOriginal, toRepaired };
}

/** A quoted scalar token that ends with its own closing quote. */
function isClosedQuote(token: string): boolean {
  const end = quotedEnd(token, 0, token.length, { left: token.length });
  return end === token.length - 1;
}

/** Offset of the quote that closes the quoted scalar opened at `open`, within [open, limit). */
function quotedEnd(text: string, open: number, limit: number, budget: { left: number }): number | undefined {
  const quote = text[open];
  for (let i = open + 1; i < limit; i++) {
    if (--budget.left < 0) return undefined;
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    } else if (c === '\n' && isDocumentMarker(text, i + 1)) return undefined;
  }
  return undefined;
}

/** Offset of the bracket that closes `depth` open flow collections, reading from `from`. */
function closingBracket(text: string, from: number, depth: number, budget: { left: number }): number | undefined {
  for (let i = from; i < text.length; i++) {
    if (--budget.left < 0) return undefined;
    const c = text[i];
    if (c === '"' || c === "'") {
      // A quote starts a quoted scalar only where a token may start.
      if (i === 0 || /[\s[{,:]/.test(text[i - 1])) {
        const end = quotedEnd(text, i, text.length, budget);
        if (end === undefined) return undefined;
        i = end;
      }
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      while (i < text.length && text[i] !== '\n') i++;
      i--;
    } else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      if (--depth === 0) return i;
    } else if (c === '\n' && isDocumentMarker(text, i + 1)) return undefined;
  }
  return undefined;
}

function isDocumentMarker(text: string, at: number): boolean {
  const marker = text.slice(at, at + 3);
  return (marker === '---' || marker === '...') && (at + 3 >= text.length || /\s/.test(text[at + 3]));
}

/**
 * Indents every non-blank line after the one holding `open`, up to the line holding `close`, to one
 * column past `open` when it is indented less (extra spaces change no value there). One problem,
 * at the first line YAML 1.2 itself refuses: one indented no further than the key that holds the
 * value (the first column of the opening line's content, after any `- ` of sequence items). A line
 * between that key and `open` is valid YAML and is not reported.
 */
function addLines(text: string, open: number, close: number, inserts: Insert[], problems: LenientProblem[], message: string, openedMessage: string): void {
  const first = lineStart(text, open);
  const need = open - first + 1;
  let key = first;
  for (;;) {
    while (text[key] === ' ') key++;
    if (text[key] === '-' && text[key + 1] === ' ') key += 2;
    else break;
  }
  // A value alone on its line: its key is on a line above, indented less than the value.
  const strict = key === open ? need - 1 : key - first + 1;
  let reported = false;
  for (let nl = text.indexOf('\n', open); nl !== -1 && nl < close; nl = text.indexOf('\n', nl + 1)) {
    const start = nl + 1;
    let indent = 0;
    while (text[start + indent] === ' ') indent++;
    const next = text[start + indent];
    if (next === undefined || next === '\n' || next === '\r') continue;
    if (indent >= need) continue;
    inserts.push({ at: start, count: need - indent });
    if (!reported && indent < strict) {
      problems.push({ message, start: start + indent, end: start + indent + 1, opened: { start: open, end: open + 1, message: openedMessage } });
      reported = true;
    }
  }
}
