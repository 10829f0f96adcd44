// The only time limits tests use. Neither is a speed target (those live in `npm run bench`): a
// wait ends as soon as its condition holds, and these ceilings only end waits for things that
// never happen, so they are set far above what a loaded 2-core machine needs.

/** The ceiling of a wait for something the server or a child process should do (a publication). */
export const WAIT_MS = 120_000;
/** A hang watchdog for a whole child process or test: reaching it means something hung. */
export const HANG_MS = 600_000;
