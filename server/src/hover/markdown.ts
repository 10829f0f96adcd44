// Workspace text in Markdown. Hover and completion documentation are rendered as Markdown by the
// editor, and a cloned repository chooses its own names, keys and values: a subnet named
// `[click](https://evil)` or `![x](https://evil/t.png)` must show as those characters, never as a
// link or a remote image. Every piece of workspace-derived text goes through one of these.

/** Every ASCII punctuation character CommonMark lets a backslash escape. Escaping all of them
 *  leaves no link, image, autolink, HTML, emphasis, heading, list or table syntax active; line
 *  breaks become spaces so that the text cannot start a block of its own. */
const PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/** Workspace text as literal Markdown inline text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(PUNCTUATION, (c) => `\\${c}`);
}

/** Workspace text as a Markdown code span: fenced by more backticks than the longest run inside,
 *  padded with a space when it starts or ends with a backtick (CommonMark strips one space each side). */
export function codeSpan(text: string): string {
  const flat = text.replace(/[\r\n\u2028\u2029]+/g, ' ');
  if (flat === '') return '';
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || (flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
