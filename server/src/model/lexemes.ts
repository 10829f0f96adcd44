// Walking the `yaml` package's lexer tokens with their offsets in the text. The lexer marks a
// token that is a scalar's text with a zero-width token before it, and emits zero-width mode
// changes; the parser does not advance its offset for those, and neither does this walk.

/** Lexer tokens that take no room in the text. */
export const DOC_MODE = '\u0002';
export const SCALAR_MARK = '\u001f';
export const FLOW_ERROR_END = '\u0018';

/**
 * Calls `visit` for each token that takes room in the text, with its offset and whether it is a
 * scalar's text (which is never a comment, bracket or opening quote, whatever it holds).
 */
export function eachToken(lexemes: readonly string[], visit: (lexeme: string, offset: number, scalarText: boolean) => void): void {
  let offset = 0;
  let scalarNext = false;
  for (const lexeme of lexemes) {
    if (lexeme === DOC_MODE || lexeme === FLOW_ERROR_END) continue;
    if (lexeme === SCALAR_MARK) {
      scalarNext = true;
      continue;
    }
    visit(lexeme, offset, scalarNext);
    scalarNext = false;
    offset += lexeme.length;
  }
}
