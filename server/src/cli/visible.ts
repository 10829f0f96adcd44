// Text from the workspace (values quoted in messages, file names, project-file problems) is
// printed for people on terminals and in CI logs, which act on control characters: ESC and CSI
// sequences can clear the screen, move the cursor over earlier lines, retitle the window or set
// the clipboard (OSC 52), and a newline in a file name splits one finding over two lines. Such
// characters are written as visible escapes instead, so the text reads the same and does nothing.

/**
 * C0 controls other than tab, DEL, C1 controls (U+0080–U+009F: a lone U+009B is a CSI on many
 * terminals), the Unicode line and paragraph separators, and the bidirectional embedding, override
 * and isolate controls, which can make text display in an order other than the one it has.
 */
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, keeping line breaks: for whole documents (SVG, HTML) rather than one-line fields. */
const UNSAFE_KEEPING_LINES = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function escape(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of text with every control character shown as an escape (`\x1b`, `\n`, `\u202e`). */
export function visible(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** A document with its line breaks and tabs kept and every other control character escaped. */
export function visibleDocument(text: string): string {
  return text.replace(UNSAFE_KEEPING_LINES, escape);
}

/**
 * JSON text with DEL, C1 controls, line separators and bidirectional controls written as `\uXXXX`.
 * JSON.stringify already escapes C0 controls; these others it leaves raw. Outside strings JSON
 * holds only ASCII punctuation, digits and letters, so every such character is inside a string,
 * where the escape means the same character: parsers read the same value.
 */
export function terminalSafeJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
