// The shape of a glossary entry: the words it explains, where in a file they trigger it, and a
// short explanation with one official link. Entries are data; hover/terms.ts does the matching.
import type { DocumentKind } from '../../model/classify';

export type Plane = 'control plane' | 'data plane' | 'workloads' | 'availability' | 'storage' | 'network';

/**
 * Where a term triggers. The cursor must be on a mapping key (`on: 'key'`) or on a scalar value
 * (`on: 'value'`) whose text equals `text`, or contains a match of `pattern` under the cursor.
 * Every other field narrows where it applies; an entry with several triggers fires on any of them.
 */
export interface Trigger {
  readonly on: 'key' | 'value';
  /** The whole key or value, case-sensitive. */
  readonly text?: string;
  /** Part of a value (for component names inside images, endpoints, labels); the hover covers the match. */
  readonly pattern?: RegExp;
  /** File kinds where it applies (all when absent). */
  readonly docKinds?: readonly DocumentKind[];
  /** Kubernetes `kind`s of the document where it applies (any when absent). */
  readonly objectKinds?: readonly string[];
  /**
   * The key path that must end the hovered place's path: the keys from the document root down to
   * the hovered key (for `on: 'key'`) or to the key holding the hovered value (for `on: 'value'`).
   * `*` stands for any one key or list index. Example: `['spec', 'ingress']`, `['addons', '*', 'name']`.
   */
  readonly path?: readonly string[];
  /** `path` must match the whole path from the document root, not only its end. */
  readonly rooted?: boolean;
}

export interface GlossaryEntry {
  /** Stable identifier, e.g. `kube-apiserver`. */
  readonly id: string;
  /** Shown in bold as the hover's first line. */
  readonly title: string;
  readonly plane: Plane;
  /** Two to six sentences of Markdown, in our own words. */
  readonly text: string;
  /** The official page the "Learn more" link opens. */
  readonly link: { readonly title: string; readonly url: string };
  readonly triggers: readonly Trigger[];
  /**
   * At least one sample per entry, used by the tests and the docs page: a YAML file and the exact
   * text to hover in it (its first occurrence; the hover is tested at its middle character).
   */
  readonly examples: ReadonlyArray<{ readonly file: string; readonly hover: string }>;
}
