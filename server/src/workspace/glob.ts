// Globs in the style of VS Code's settings (`eksLens.workspace.include`, `files.exclude`), matched
// in time linear in the path for a given pattern. The patterns can come from a repository's own
// `.vscode/settings.json`, so a pattern is data from the attacker: it is compiled to a small
// nondeterministic automaton and run as a set of states (no backtracking), so matching a path of
// n characters against a pattern of m costs at most O(m × n) steps, whatever the pattern.
//
// Syntax: `*` and `?` stay inside one path segment, `**` as a whole segment spans any number of
// segments (none included; elsewhere it is `*`), `{a,b}` gives alternatives (nested ones too, and
// they may hold `/`), `[abc]`, `[a-z]` and `[!abc]` (or `[^abc]`) match one character. Case is
// ignored. A pattern that names a folder also matches everything below it, as `files.exclude`
// does. Backslashes are taken as `/`; a leading `./` and trailing `/` or `/**` add nothing.

/** Longer patterns are refused: no real include or exclude pattern comes near. */
export const MAX_GLOB_LENGTH = 1000;

export interface GlobMatcher {
  readonly glob: string;
  /** `rel`: a path relative to the workspace folder, `/`-separated. */
  test(rel: string): boolean;
}

export type CompiledGlob = { ok: true; matcher: GlobMatcher } | { ok: false; reason: string };

/** Work done by every matcher so far (state visits), for tests that bound it. */
export const globStats = { steps: 0 };

// The automaton: each state either consumes one character (and goes to `next`) or is a split
// (epsilon moves to `out`). A few kinds loop on themselves so `*` and `**` need no extra states.
enum Kind {
  /** One character equal to `ch` (compared in lower case). */
  Char,
  /** One character other than `/`. */
  NotSlash,
  /** One character in (or, negated, not in) a class. */
  Class,
  /** `*`: any run of non-`/` characters, then `next`. */
  Star,
  /** `**` at the end of a (sub-)pattern: any run of characters, then `next`. */
  Any,
  // `**` followed by `/`: any run of whole segments, each ending in `/` (none included), then `next`.
  Segments,
  /** Inside a segment of `Segments`: non-`/` characters, then `/` back to `back`. */
  SegmentBody,
  /** Epsilon moves to each of `out`. */
  Split,
  /** The end of the pattern: the path ends here, or goes on with `/` to `next` (Below). */
  Final,
  /** Below a matched folder: any characters, accepting. */
  Below,
}

interface State {
  kind: Kind;
  ch?: string;
  cls?: CharClass;
  next: number;
  out?: number[];
  /** For SegmentBody: the Segments state it returns to after `/`. */
  back?: number;
}

interface CharClass {
  negated: boolean;
  singles: string;
  ranges: Array<[number, number]>;
}

class InvalidGlob extends Error {}

/** Compiles a glob, or says why it is not a valid one. */
export function compileGlob(glob: string): CompiledGlob {
  if (typeof glob !== 'string') return { ok: false, reason: 'not a string' };
  if (glob.length > MAX_GLOB_LENGTH) return { ok: false, reason: `longer than ${MAX_GLOB_LENGTH} characters` };
  let pattern = glob.trim().replace(/\\/g, '/');
  if (pattern.startsWith('./')) pattern = pattern.slice(2);
  // A trailing `/**` adds nothing to the folder rule, and would require something under it.
  pattern = pattern.replace(/\/+$/, '').replace(/(?:\/\*\*)+$/, '');
  const states: State[] = [];
  try {
    const below = add(states, { kind: Kind.Below, next: -1 });
    const final = add(states, { kind: Kind.Final, next: below });
    const start = compileSeq(pattern, final, states);
    return { ok: true, matcher: new Matcher(glob, states, start) };
  } catch (error) {
    if (error instanceof InvalidGlob) return { ok: false, reason: error.message };
    throw error;
  }
}

/** A matcher for a glob; throws on an invalid one (use `compileGlob` to be told why instead). */
export function globMatcher(glob: string): GlobMatcher {
  const compiled = compileGlob(glob);
  if (!compiled.ok) throw new Error(`invalid glob "${glob}": ${compiled.reason}`);
  return compiled.matcher;
}

function add(states: State[], state: State): number {
  states.push(state);
  return states.length - 1;
}

/**
 * Compiles `glob` so that a match of it continues at state `next`; returns its first state. Built
 * back to front, so every state knows its successor when it is made.
 */
function compileSeq(glob: string, next: number, states: State[]): number {
  // Split into items first (left to right, as the syntax reads), then chain them right to left.
  const items: Array<(next: number) => number> = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**` as a whole segment: any run of segments. Inside a segment it is just `*`.
        const atStart = i === 0 || glob[i - 1] === '/';
        const atEnd = i + 2 === glob.length || glob[i + 2] === '/';
        if (atStart && atEnd) {
          if (i + 2 === glob.length) {
            items.push((n) => add(states, { kind: Kind.Any, next: n }));
            i += 1;
          } else {
            items.push((n) => {
              const segments = add(states, { kind: Kind.Segments, next: n });
              add(states, { kind: Kind.SegmentBody, next: -1, back: segments });
              return segments;
            });
            i += 2; // the `/` after `**` belongs to it
          }
          continue;
        }
        i += 1;
      }
      items.push((n) => add(states, { kind: Kind.Star, next: n }));
    } else if (c === '?') {
      items.push((n) => add(states, { kind: Kind.NotSlash, next: n }));
    } else if (c === '{') {
      const close = matchingBrace(glob, i);
      if (close < 0) {
        items.push((n) => add(states, { kind: Kind.Char, ch: '{', next: n }));
        continue;
      }
      const alternatives = splitTopLevel(glob.slice(i + 1, close));
      items.push((n) => add(states, { kind: Kind.Split, next: -1, out: alternatives.map((alt) => compileSeq(alt, n, states)) }));
      i = close;
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        items.push((n) => add(states, { kind: Kind.Char, ch: '[', next: n }));
        continue;
      }
      const cls = parseClass(glob.slice(i + 1, close));
      items.push((n) => add(states, { kind: Kind.Class, cls, next: n }));
      i = close;
    } else {
      const ch = c.toLowerCase();
      items.push((n) => add(states, { kind: Kind.Char, ch, next: n }));
    }
  }
  let at = next;
  for (let k = items.length - 1; k >= 0; k--) at = items[k](at);
  return at;
}

function parseClass(body: string): CharClass {
  const negated = body.startsWith('!') || body.startsWith('^');
  if (negated) body = body.slice(1);
  let singles = '';
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const from = body.charCodeAt(i);
      const to = body.charCodeAt(i + 2);
      if (from > to) throw new InvalidGlob(`the range ${body[i]}-${body[i + 2]} is out of order`);
      ranges.push([from, to]);
      i += 2;
    } else singles += body[i];
  }
  return { negated, singles, ranges };
}

function inClass(cls: CharClass, c: string): boolean {
  // Case is ignored: the character, or its other case, is in the class.
  const variants = c === c.toLowerCase() ? [c, c.toUpperCase()] : [c, c.toLowerCase()];
  const hit = variants.some((v) => cls.singles.includes(v) || cls.ranges.some(([from, to]) => v.charCodeAt(0) >= from && v.charCodeAt(0) <= to));
  return cls.negated ? !hit && c !== '/' : hit;
}

function matchingBrace(glob: string, open: number): number {
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === '{') depth++;
    else if (glob[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

class Matcher implements GlobMatcher {
  /** Per state, the generation it was last added in (so a state is in a set at most once). */
  private readonly mark: Int32Array;
  private generation = 0;

  constructor(
    readonly glob: string,
    private readonly states: readonly State[],
    private readonly start: number,
  ) {
    this.mark = new Int32Array(states.length);
  }

  test(rel: string): boolean {
    let current: number[] = [];
    this.generation++;
    this.addState(current, this.start);
    for (let i = 0; i < rel.length && current.length; i++) {
      const c = rel[i];
      const lower = c.toLowerCase();
      const next: number[] = [];
      this.generation++;
      for (const s of current) {
        globStats.steps++;
        const state = this.states[s];
        switch (state.kind) {
          case Kind.Char:
            if (state.ch === lower) this.addState(next, state.next);
            break;
          case Kind.NotSlash:
            if (c !== '/') this.addState(next, state.next);
            break;
          case Kind.Class:
            if (inClass(state.cls!, c)) this.addState(next, state.next);
            break;
          case Kind.Star:
            if (c !== '/') this.addState(next, s);
            break;
          case Kind.Any:
          case Kind.Below:
            this.addState(next, s);
            break;
          case Kind.Segments:
            this.addState(next, c === '/' ? s : s + 1); // its SegmentBody is made right after it
            break;
          case Kind.SegmentBody:
            this.addState(next, c === '/' ? state.back! : s);
            break;
          case Kind.Final:
            if (c === '/') this.addState(next, state.next);
            break;
          case Kind.Split:
            break; // never in a set: expanded when added
        }
      }
      current = next;
    }
    return current.some((s) => ACCEPTING.has(this.states[s].kind));
  }

  /** Adds a state and everything reachable from it without reading a character. */
  private addState(set: number[], s: number): void {
    if (this.mark[s] === this.generation) return;
    this.mark[s] = this.generation;
    globStats.steps++;
    const state = this.states[s];
    if (state.kind === Kind.Split) {
      for (const o of state.out!) this.addState(set, o);
      return;
    }
    set.push(s);
    // Star, Any and Segments may match nothing: their successor is live at once.
    if (state.kind === Kind.Star || state.kind === Kind.Any || state.kind === Kind.Segments) this.addState(set, state.next);
  }
}

const ACCEPTING: ReadonlySet<Kind> = new Set([Kind.Final, Kind.Below]);
