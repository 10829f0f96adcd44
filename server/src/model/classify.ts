// What a YAML document is. The model records each document's kind when it parses it, but does not
// decide it: the formats (formats/index.ts) do, and hand their classifier to the parse.
import type { Node } from 'yaml';
import type { AnchorTable } from './nav';

/** One per format of formats/index.ts, and `other` for a document no format claims. */
export type DocumentKind = 'eksctl' | 'cloudformation' | 'kubernetes' | 'other';

export interface Classification {
  kind: DocumentKind;
  /** `apiVersion` and `kind` for eksctl and Kubernetes documents. */
  apiVersion?: string;
  objectKind?: string;
}

/** Says what a parsed document is, from its root node. */
export type Classifier = (root: Node | null | undefined, anchors: AnchorTable) => Classification;
