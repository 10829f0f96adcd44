// The glossary as Markdown for docs/hover.md: every term, its plane, its link and where it
// triggers, written from the data so the page cannot drift from what the hover does.
import type { GlossaryEntry, Trigger } from './types';

function where(t: Trigger): string {
  const what = t.text !== undefined ? `\`${t.text}\`` : `containing \`${patternWord(t.pattern)}\``;
  const on = t.on === 'key' ? `key ${what}` : `value ${what}`;
  const path = t.path ? ` at \`${t.rooted ? '' : '…'}${t.path.join('.')}\`` : '';
  const kinds = t.objectKinds ? ` in ${t.objectKinds.join('/')}` : t.docKinds ? ` in ${t.docKinds.join('/')} files` : '';
  return `${on}${path}${kinds}`;
}

/** The name a pattern looks for, for readers: its first literal word once lookarounds and optional groups are set aside (`kube-proxy` in `(?<=/)kube-proxy(?=:)`). */
function patternWord(pattern: RegExp | undefined): string {
  const source = (pattern?.source ?? '')
    .replace(/\(\?<?[=!][^)]*\)/g, ' ')
    .replace(/\(\?:[^()]*\)\?/g, ' ')
    .replace(/\\b/g, ' ')
    .replace(/\\./g, (m) => (m === '\\.' || m === '\\-' ? m[1] : ' '));
  return source.match(/[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]/)?.[0] ?? pattern?.source ?? '';
}

export function glossaryMarkdown(entries: readonly GlossaryEntry[]): string {
  const planes = [...new Set(entries.map((e) => e.plane))];
  const out: string[] = [];
  for (const plane of planes) {
    out.push(`### ${plane[0].toUpperCase()}${plane.slice(1)}`, '', '| Term | Triggers | Learn more |', '|---|---|---|');
    for (const e of entries.filter((x) => x.plane === plane)) {
      const triggers = e.triggers.map(where).join('; ').replace(/\|/g, '\\|');
      out.push(`| **${e.title}** (\`${e.id}\`) | ${triggers} | [${e.link.title}](${e.link.url}) |`);
    }
    out.push('');
  }
  return out.join('\n');
}
