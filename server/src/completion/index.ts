// Completion as plain data: values from closed sets (eksctl enums, booleans, zones of the region,
// Kubernetes versions, the apiVersions a kind is served under at the target version, PDB fields),
// free CIDR blocks computed from the document, EKS's service ranges, and a planned vpc.subnets
// block. The server turns these into LSP CompletionItems.
import type { EffectiveConfig } from '../engine/config';
import { FORMATS, type FormatKind } from '../formats';
import type { FileModel, StreamDocument } from '../model/document';
import { cloudFormationCompletions } from './cloudformation';
import { typingContext, type TypingContext } from './context';
import { eksctlCompletions } from './eksctl';
import type { Completion, Item } from './items';
import { kubernetesCompletions } from './kubernetes';

export type { Completion } from './items';

export function completionsAt(file: FileModel, offset: number, config: EffectiveConfig): Completion[] {
  if (file.format !== 'yaml') return [];
  const ctx = typingContext(file.text, offset);
  if (!ctx) return [];
  const doc = file.documents.find((d) => offset >= d.start && offset <= d.end);
  const kind = providerKind(file.text, doc);
  const provider = kind === 'none' ? undefined : PROVIDERS[kind];
  const items = provider ? provider(ctx, doc, file.text, config) : [];
  return items.filter((i) => i.label.toLowerCase().startsWith(ctx.prefix.toLowerCase()) || i.kind === 'snippet').map((i) => ({ ...i, start: ctx.start, end: ctx.end }));
}

type Provider = (ctx: TypingContext, doc: StreamDocument | undefined, text: string, config: EffectiveConfig) => Item[];

/** What each format offers while its files are typed (completion is per format by nature). */
const PROVIDERS: { readonly [K in FormatKind]?: Provider } = {
  eksctl: (ctx, doc, text) => eksctlCompletions(ctx, doc, text),
  cloudformation: (ctx, doc) => (doc ? cloudFormationCompletions(ctx, doc) : []),
  kubernetes: kubernetesCompletions,
};

/**
 * Whose completions apply: the format of the document under the cursor; for text outside any
 * parsed document, the first format whose text it looks like; and for a document no format claims
 * yet but with a `kind:` key, Kubernetes (a manifest still missing its apiVersion).
 */
function providerKind(text: string, doc: StreamDocument | undefined): FormatKind | 'none' {
  if (!doc) return FORMATS.find((f) => f.looksLike(text))?.kind ?? 'none';
  if (doc.kind !== 'other') return doc.kind;
  return /^\s*kind:/m.test(text) ? 'kubernetes' : 'none';
}
