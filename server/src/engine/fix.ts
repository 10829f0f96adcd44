// What a fix is, independent of the protocol: a title and minimal edits to the user's text. Part of
// the rule API (a rule's fix() returns these); actions/ and the LSP layer turn them into actions.
import type { EffectiveConfig } from './config';
import type { Finding } from './run';
import type { FileModel, StreamDocument } from '../model/document';
import type { TextEdit } from '../model/edits';
import type { WorkspaceView } from '../workspace/facts';

export interface Fix {
  readonly title: string;
  /** The fix to apply when there is one obvious choice. */
  readonly isPreferred?: boolean;
  readonly edits: readonly TextEdit[];
}

export interface FixContext {
  readonly file: FileModel;
  /** The document the finding is in. */
  readonly doc: StreamDocument;
  readonly finding: Finding;
  /** File offset of the finding's start. */
  readonly offset: number;
  readonly config: EffectiveConfig;
  readonly workspace: WorkspaceView;
}
