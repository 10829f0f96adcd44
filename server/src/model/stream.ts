// Splits a YAML stream into the text of its documents without parsing it, so each document can be
// parsed (and re-parsed after an edit) on its own. A line that starts with `---` followed by a
// space, a tab or the line end is a document marker wherever it appears, even inside a block or
// quoted scalar (YAML 1.2, section 9.1.3: "c-forbidden"), so cutting there agrees with the parser.
// Directive lines (`%YAML`, `%TAG`) directly above a marker belong to the document it opens.

function isMarkerAt(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== 45 || text.charCodeAt(i + 1) !== 45 || text.charCodeAt(i + 2) !== 45) return false;
  const next = text.charCodeAt(i + 3);
  return Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13;
}

/** Offsets at which each chunk of the stream starts; the first is always 0. */
export function chunkStarts(text: string): number[] {
  const starts = [0];
  let lineStart = 0;
  while (lineStart < text.length) {
    if (lineStart > 0 && isMarkerAt(text, lineStart)) starts.push(withDirectivesAbove(text, lineStart, starts[starts.length - 1]));
    const newline = text.indexOf('\n', lineStart);
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return starts;
}

function withDirectivesAbove(text: string, marker: number, floor: number): number {
  let start = marker;
  while (start > floor) {
    const previousLineStart = text.lastIndexOf('\n', start - 2) + 1;
    if (previousLineStart < floor || text.charCodeAt(previousLineStart) !== 37 /* % */) break;
    start = previousLineStart;
  }
  return start;
}
