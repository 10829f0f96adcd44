// The `eksLens/addressMap` request: the address map of the workspace (or of one document) as the
// HTML page the client shows in a webview. The server gathers the VPC facts, the reserved ranges
// of the effective configuration and the service CIDRs; drawing is `map/`'s job.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { EffectiveConfig } from '../engine/config';
import { buildAddressMapSteps, type AddressMap } from '../map/model';
import { renderHtml } from '../map/html';
import type { FileModel } from '../model/document';
import { parseCidr } from '../net/cidr';
import { type FileFacts, type ServiceCidrFact, type VpcFact } from '../workspace/facts';
import { normalizeUri } from '../workspace/index';
import type { AddressMapParams, AddressMapResult, MapPlace } from '../protocol';
import { SLICE_MS } from './scheduler';
import { factsOf } from '../formats';

/** Thrown when the request was cancelled while the map was being built. */
export class AddressMapCancelled extends Error {
  constructor() {
    super('the address map request was cancelled');
  }
}

/** What the handler reads from the server: kept as functions so that it can be tested alone. */
export interface AddressMapSources {
  /** Facts of every file of the workspace index (scanned from disk, or open documents as last checked). */
  indexed(): readonly FileFacts[];
  /** URIs of the open documents. */
  openUris(): readonly string[];
  /** The model of an open document's current text; undefined when it is not open. */
  model(uri: string): Promise<FileModel | undefined>;
  /** The effective configuration for a document or a workspace folder; undefined: the defaults. */
  config(uri: string | undefined): Promise<EffectiveConfig>;
  /** The workspace folders' URIs, so that files are shown by their path inside one. */
  folders?(): readonly string[];
}

export async function addressMap(params: AddressMapParams, sources: AddressMapSources, isCancelled: () => boolean = () => false): Promise<AddressMapResult> {
  const vpcs: VpcFact[] = [];
  const serviceCidrs: ServiceCidrFact[] = [];
  const take = (facts: FileFacts, keep: (uri: string) => boolean = () => true): void => {
    for (const vpc of facts.vpcs ?? []) if (keep(vpc.uri)) vpcs.push(vpc);
    for (const service of facts.serviceCidrs) if (keep(service.uri)) serviceCidrs.push(service);
  };
  let title: string;
  if (params.scope === 'file') {
    if (typeof params.uri !== 'string') throw new Error('a file address map needs the document uri');
    const model = await sources.model(params.uri);
    if (model) take(factsOf(model));
    else {
      // Not open: what the index read from disk, if anything.
      const wanted = normalizeUri(params.uri);
      for (const facts of sources.indexed()) take(facts, (uri) => normalizeUri(uri) === wanted);
    }
    title = `Address map: ${displayName(params.uri)}`;
  } else {
    // Open documents count with their current text (edits not yet checked or saved included);
    // the index supplies every other file.
    const open = new Set<string>();
    for (const uri of sources.openUris()) {
      const model = await sources.model(uri);
      if (!model) continue;
      open.add(normalizeUri(uri));
      take(factsOf(model));
    }
    for (const facts of sources.indexed()) take(facts, (uri) => !open.has(normalizeUri(uri)));
    title = 'Address map: workspace';
  }
  const config = await sources.config(params.uri);
  const reserved = reservedRanges(config);
  // Files first, then position: the same workspace always gives the same picture.
  vpcs.sort(byPlace);
  serviceCidrs.sort(byPlace);
  const folders = sources.folders?.() ?? [];
  const version = digest({ title, vpcs, serviceCidrs, reserved, folders, cspSource: params.cspSource });
  if (params.knownVersion === version) return { title, html: '', vpcCount: vpcs.length, version, unchanged: true };
  if (isCancelled()) throw new AddressMapCancelled();
  // Built a VPC at a time; the event loop gets a turn every few milliseconds, so a
  // $/cancelRequest (or an edit) is read while a large workspace is drawn.
  const steps = buildAddressMapSteps({ vpcs, reserved, serviceCidrs, fileLabel: (uri) => fileLabel(uri, folders) });
  let map: AddressMap;
  let sliceStart = Date.now();
  for (;;) {
    const step = steps.next();
    if (step.done) {
      map = step.value;
      break;
    }
    if (isCancelled()) throw new AddressMapCancelled();
    if (Date.now() - sliceStart >= SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = Date.now();
    }
  }
  if (isCancelled()) throw new AddressMapCancelled();
  const html = renderHtml(map, { title, webview: { cspSource: params.cspSource, nonce: params.nonce } });
  return { title, html, vpcCount: vpcs.length, version, places: placesOf(map) };
}

/** A digest of what a map is drawn from (CIDRs hold bigints, which JSON cannot write as such). */
function digest(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return createHash('sha256').update(text).digest('base64url');
}

/** Every file and line a map names, once each: what its page may ask to open. */
export function placesOf(map: AddressMap): MapPlace[] {
  const seen = new Map<string, { uri: string; line: number }>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) for (const item of value) walk(item);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.uri === 'string' && typeof record.line === 'number') seen.set(`${record.line} ${record.uri}`, { uri: record.uri, line: record.line });
      for (const key of Object.keys(record)) walk(record[key]);
    }
  };
  walk(map);
  return [...seen.values()];
}

/** The configuration's reserved ranges that parse; a bad one is already reported as a setting problem. */
function reservedRanges(config: EffectiveConfig): Array<{ cidr: string; label: string }> {
  return config.reservedCidrs.filter((text) => parseCidr(text).ok).map((cidr) => ({ cidr, label: 'reserved range' }));
}

function byPlace(a: { uri: string; range: { start: { line: number; character: number } } }, b: typeof a): number {
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** A file's path inside its workspace folder (with the folder's name when there are several). */
export function fileLabel(uri: string, folders: readonly string[]): string {
  const normal = normalizeUri(uri);
  for (const folder of folders) {
    const base = normalizeUri(folder).replace(/\/?$/, '/');
    if (!normal.startsWith(base)) continue;
    const inside = safeDecode(normal.slice(base.length));
    return folders.length > 1 ? `${displayName(folder)}/${inside}` : inside;
  }
  return normal.startsWith('file:') ? safeDecode(new URL(normal).pathname) : displayName(uri);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function displayName(uri: string): string {
  if (uri.startsWith('untitled:')) return uri.slice('untitled:'.length);
  try {
    return path.posix.basename(decodeURIComponent(new URL(uri).pathname)) || uri;
  } catch {
    return uri;
  }
}
