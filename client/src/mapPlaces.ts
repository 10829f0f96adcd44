// Which files and lines the address map page may ask the editor to open: exactly the places the
// server's last map named. The page runs in a webview and its messages are only requests, so a
// message naming anything else (another file, another scheme, a line the map never showed) is
// refused. Bookkeeping only: no analysis happens here.
import type { MapPlace } from '../../server/src/protocol';

export type { MapPlace };

/** Schemes a place may have: the ones the language server is given documents from. */
const OPENABLE = /^(file|untitled):/i;

export class MapPlaces {
  private keys = new Set<string>();

  /** Replaces the places with those of a newly shown map (none: nothing may be opened). */
  replace(places: readonly MapPlace[] | undefined): void {
    this.keys = new Set((places ?? []).filter((p) => typeof p?.uri === 'string' && Number.isInteger(p.line)).map((p) => key(p.uri, p.line)));
  }

  clear(): void {
    this.keys.clear();
  }

  /** The place a page message names, when it is one the map showed; undefined otherwise. */
  accept(message: unknown): MapPlace | undefined {
    if (!message || typeof message !== 'object') return undefined;
    const { type, uri, line } = message as { type?: unknown; uri?: unknown; line?: unknown };
    if (type !== 'open' || typeof uri !== 'string' || typeof line !== 'number' || !Number.isInteger(line) || line < 0) return undefined;
    if (!OPENABLE.test(uri) || !this.keys.has(key(uri, line))) return undefined;
    return { uri, line };
  }

  get size(): number {
    return this.keys.size;
  }
}

const key = (uri: string, line: number) => `${line} ${uri}`;
