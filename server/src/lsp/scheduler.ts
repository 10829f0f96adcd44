// When to check a document: at once when it opens or after a pause in typing, at most once per
// burst of edits (a short trailing debounce), and never finishing a run for a version that is
// no longer current.

export const DEBOUNCE_MS = 100;
/** A run gives way to the event loop after this much work, so newer edits can cancel it. */
export const SLICE_MS = 8;

export type Run = (isStale: () => boolean) => Promise<void>;

export class ValidationScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastStart = new Map<string, number>();
  private readonly generation = new Map<string, number>();
  private running = 0;

  constructor(private readonly run: (uri: string, isStale: () => boolean) => Promise<void>) {}

  /** Schedules a check; `urgent` (open, configuration change) skips the debounce. */
  request(uri: string, urgent = false): void {
    const next = (this.generation.get(uri) ?? 0) + 1;
    this.generation.set(uri, next);
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    const sinceLast = Date.now() - (this.lastStart.get(uri) ?? 0);
    const delay = urgent || (!pending && sinceLast >= DEBOUNCE_MS) ? 0 : DEBOUNCE_MS;
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      this.lastStart.set(uri, Date.now());
      const isStale = () => this.generation.get(uri) !== next;
      this.running++;
      this.run(uri, isStale)
        .catch(() => undefined)
        .finally(() => this.running--);
    }, delay);
    this.timers.set(uri, timer);
  }

  /** True while a check is waiting for its debounce or running: background work should wait. */
  get busy(): boolean {
    return this.running > 0 || this.timers.size > 0;
  }

  cancel(uri: string): void {
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    this.timers.delete(uri);
    this.lastStart.delete(uri);
    this.generation.set(uri, (this.generation.get(uri) ?? 0) + 1);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

/** Drives a generator, yielding to the event loop every SLICE_MS; returns undefined when stale. */
export async function drive<T>(steps: Generator<void, T>, isStale: () => boolean): Promise<T | undefined> {
  let sliceStart = Date.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (Date.now() - sliceStart >= SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      if (isStale()) return undefined;
      sliceStart = Date.now();
    }
  }
}
