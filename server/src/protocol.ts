// The custom messages between the EKS Lens client and its language server, declared once: method
// names, parameter and result shapes, and the typed message objects both ends register and send.
// Both the server and the client import this module, so it holds types and names only: no analysis
// code, no `vscode`, and no runtime import at all. The message objects are built by
// `eksLensProtocol()` from the classes each end passes in from its own package
// (`vscode-languageserver` or `vscode-languageclient`, which both re-export vscode-jsonrpc's), so
// neither bundle loads the other end's library.
import type { NotificationType, NotificationType0, RequestType, WorkspaceEdit } from 'vscode-languageserver';

/** The method names. */
export const METHODS = {
  status: 'eksLens/status',
  workspaceTrusted: 'eksLens/workspaceTrusted',
  addressMap: 'eksLens/addressMap',
  planDefaults: 'eksLens/planDefaults',
  planSubnets: 'eksLens/planSubnets',
} as const;

// ---- eksLens/status (server → client, after each publish of a document's diagnostics) ----

/** A format's title (`eksctl ClusterConfig`, `CloudFormation template`, `Kubernetes manifest`, the
 *  `title` of each format the server reads), or `Not checked`, `YAML file` or `JSON file`. */
export type StatusKind = string;

export interface DocumentStatus {
  readonly uri: string;
  readonly version: number;
  /** What the file was recognised as; undefined when eks-lens leaves it alone (nothing to show). */
  readonly kind?: StatusKind;
  /** A short form of `kind` for the status bar ("ClusterConfig", "CloudFormation", "Kubernetes"). */
  readonly label?: string;
  /** How many documents of the stream are of a kind eks-lens checks, when it recognised any. */
  readonly documents: number;
  /** Kinds of the other recognised documents of a mixed stream, besides `kind`. */
  readonly alsoContains: readonly StatusKind[];
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly hints: number;
}

// ---- eksLens/workspaceTrusted (client → server, no parameters: the user trusted the workspace) ----

// ---- eksLens/addressMap (client → server) ----

export interface AddressMapParams {
  readonly scope: 'workspace' | 'file';
  /** The document of a `file` map (open, or else as the index read it from disk); for a
   *  `workspace` map, the document whose settings apply (optional). */
  readonly uri?: string;
  /** The webview's `cspSource` and a fresh nonce for the page's script. */
  readonly cspSource: string;
  readonly nonce: string;
  /** The `version` of the map the client shows: when nothing it is drawn from has changed, the
   *  answer says `unchanged` and carries no page, so the client leaves the webview alone. */
  readonly knownVersion?: string;
}

/** A file and line (0-based) the address map page offers to open. */
export interface MapPlace {
  readonly uri: string;
  readonly line: number;
}

export interface AddressMapResult {
  readonly title: string;
  /** The page; empty when `unchanged`. */
  readonly html: string;
  readonly vpcCount: number;
  /** A digest of everything the map is drawn from (facts, settings, file labels, title). */
  readonly version: string;
  /** True when `version` is the `knownVersion` the client sent: keep the page shown. */
  readonly unchanged?: true;
  /** Every file and line the page offers to open, so the client can refuse any other. */
  readonly places?: readonly MapPlace[];
}

// ---- eksLens/planDefaults and eksLens/planSubnets (client → server, the "Plan subnets" command) ----

/** A subnet tier the planner lays out (the same set as the planner's `Tier`). */
export type SubnetTier = 'public' | 'private' | 'vpn';

/** The answer of either planner request when it cannot go on: said to the user as is. */
export interface PlanError {
  readonly error: string;
}

export interface PlanDefaultsParams {
  readonly uri: string;
  /** Where the cursor is; undefined: the first VPC of the file that can be planned. */
  readonly offset?: number;
}

export interface PlanDefaults {
  /** The offset of the VPC block planned, to send back with `eksLens/planSubnets`. */
  readonly offset: number;
  readonly vpc: string;
  readonly azs: readonly string[];
  readonly tiers: ReadonlyArray<{ readonly tier: SubnetTier; readonly label: string; readonly description: string; readonly picked: boolean }>;
  /** Prefix length per tier as the user edits it, e.g. `public=/24, private=/19`. */
  readonly sizes: string;
}

export interface PlanSubnetsParams {
  readonly uri: string;
  readonly offset: number;
  /** Availability Zones, separated by commas, as the user typed them. */
  readonly azs: string;
  readonly tiers: readonly SubnetTier[];
  readonly sizes: string;
}

export interface PlannedSubnets {
  readonly edit: WorkspaceEdit;
  readonly summary: string;
  readonly warning?: string;
}

// ---- the message objects ----

/** The message classes of vscode-jsonrpc, as `vscode-languageserver` and `vscode-languageclient`
 *  both re-export them. */
export interface MessageClasses {
  readonly RequestType: typeof RequestType;
  readonly NotificationType: typeof NotificationType;
  readonly NotificationType0: typeof NotificationType0;
}

/** The typed message objects, made from the classes of the calling end's own package. */
export function eksLensProtocol({ RequestType, NotificationType, NotificationType0 }: MessageClasses) {
  return {
    status: new NotificationType<DocumentStatus>(METHODS.status),
    workspaceTrusted: new NotificationType0(METHODS.workspaceTrusted),
    addressMap: new RequestType<AddressMapParams, AddressMapResult, void>(METHODS.addressMap),
    planDefaults: new RequestType<PlanDefaultsParams, PlanDefaults | PlanError, void>(METHODS.planDefaults),
    planSubnets: new RequestType<PlanSubnetsParams, PlannedSubnets | PlanError, void>(METHODS.planSubnets),
  } as const;
}

export type EksLensProtocol = ReturnType<typeof eksLensProtocol>;
