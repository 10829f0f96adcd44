// What a format is: the kinds of file eks-lens reads (an eksctl ClusterConfig, a CloudFormation
// template, Kubernetes manifests), each behind this one interface. A format says which documents
// are its own and reads them into the neutral shapes the rules and features are written against:
// the network model (network/model.ts), the address-valued fields, and the facts a file gives the
// checks of other files (workspace/facts.ts). Everything a format knows about its own keys stays
// in its folder; the registry (formats/index.ts) is the one list of formats.
import type { Node, Scalar } from 'yaml';
import type { Classification, DocumentKind } from '../model/classify';
import type { FileModel, StreamDocument } from '../model/document';
import type { AnchorTable } from '../model/nav';
import type { IpFamily } from '../net/cidr';
import type { NetworkModel } from '../network/model';
import type { FileFacts, Place } from '../workspace/facts';

/** The kind a format gives its documents (`other` is no format's). */
export type FormatKind = Exclude<DocumentKind, 'other'>;

export interface Format {
  readonly kind: FormatKind;
  /** For people, e.g. `eksctl ClusterConfig` (the status bar's tooltip names a file by it). */
  readonly title: string;
  /** A short form of the title for the status bar, e.g. `ClusterConfig`. */
  readonly label: string;
  /** Its documents may be written in JSON: a JSON file the CLI finds by walking a folder is checked
   *  only when one of its documents is of such a format (other JSON is not ours to judge). */
  readonly json?: boolean;
  /** Who validates the addresses its documents hold (see AddressField.origin). */
  readonly addressOrigin: AddressOrigin;
  /** The document is of this format (from its top-level keys); undefined when it is not. */
  detect(root: Node, anchors: AnchorTable): Classification | undefined;
  /** A file's text, which may not parse while it is typed, looks like this format. */
  looksLike(text: string): boolean;
  /** The network the document describes (VPCs, subnets, the cluster). A format without it has no
   *  network rules run on it; see `formatsWith` in formats/index.ts. */
  network?(doc: StreamDocument): NetworkModel;
  /** Calls `collect` for each field of the document that holds an address or a block. */
  addressFields?(doc: StreamDocument, collect: AddressCollector): void;
  /** What the document tells the checks of other files; `network` is its network() (read once per document). */
  facts?(file: FileModel, doc: StreamDocument, place: (node: Node) => Place, network: NetworkModel): FileFacts;
}

/** What a format can provide, by the name rules and features ask for it. */
export type Capability = 'network' | 'addressFields' | 'facts';

export type AddressType = 'cidr' | 'ip';
/** Who validates the value: AWS (eksctl, CloudFormation) or the Kubernetes API server. */
export type AddressOrigin = 'aws' | 'kubernetes';

export interface AddressField {
  readonly node: Scalar;
  /** The value as written, or undefined when it is not a string (a number, a boolean). */
  readonly value: string | undefined;
  readonly type: AddressType;
  readonly origin: AddressOrigin;
  /** Where the field is, in the words of its schema, e.g. `vpc.subnets.private.us-west-2a.cidr`. */
  readonly path: string;
  /** The address family the field takes, when it takes only one. */
  readonly family?: IpFamily;
  /** Literal values the field accepts besides addresses (Service `clusterIP: None`). */
  readonly alsoAllowed?: readonly string[];
  /**
   * The range filters traffic (security group rules, access lists, Kubernetes fields) or is taken as
   * its network by the service that reads it, rather than laying out the VPC (VPCs, subnets, routes,
   * ACLs). AWS stores both kinds as the network the written address falls in; cidr-host-bits words
   * its message by this (both are warnings).
   */
  readonly hostBitsWarning?: boolean;
  /** Its reader refuses IPv4 numbers with leading zeros (eksctl's CIDR fields, read by Go's net.ParseCIDR). */
  readonly leadingZerosRejected?: boolean;
}

export interface AddressFieldOptions {
  family?: IpFamily;
  alsoAllowed?: readonly string[];
  hostBitsWarning?: boolean;
  leadingZerosRejected?: boolean;
}

/** Takes a field's node (skipped unless it is a literal scalar), its type and its schema path. */
export type AddressCollector = (node: Node | undefined, type: AddressType, path: string, options?: AddressFieldOptions) => void;
