// Where each rule's page is: shipped with the extension and the checker under docs/rules/, so a
// diagnostic's link works offline. A base URL can replace the local folder (for SARIF uploads).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleMeta } from './rule';

let cachedRoot: string | null | undefined;

/** The folder holding docs/rules (the extension or package root), found from this module upwards. */
export function packageRoot(): string | undefined {
  if (cachedRoot !== undefined) return cachedRoot ?? undefined;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, 'docs', 'rules'))) return (cachedRoot = dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  cachedRoot = null;
  return undefined;
}

export function ruleDocUrl(meta: RuleMeta, baseUrl?: string): string {
  if (baseUrl) return `${baseUrl.replace(/\/+$/, '')}/${meta.code}.md`;
  const root = packageRoot();
  return root ? pathToFileURL(path.join(root, meta.docs)).href : meta.docs;
}

/** The Markdown text of a rule's page, when it is shipped. */
export function ruleDocText(meta: RuleMeta): string | undefined {
  const root = packageRoot();
  if (!root) return undefined;
  try {
    return readFileSync(path.join(root, meta.docs), 'utf8');
  } catch {
    return undefined;
  }
}
