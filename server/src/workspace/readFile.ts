// Reading a file named by a hostile workspace without hanging or filling memory. A FIFO named
// `x.yaml` blocks a plain open until something writes to it; a character device such as
// /dev/zero never ends; a file of 10 GB should be refused, not read whole first. So files are
// opened without blocking, checked with fstat on the open descriptor (no window between a check
// and the read for the file to be swapped), and read only when regular and within the limit.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

export type ReadResult =
  | { kind: 'text'; text: string }
  /** Over the limit: not read (or read only up to the limit). `bytes` is the size, or a lower bound for a stream. */
  | { kind: 'tooLarge'; bytes: number }
  /** A FIFO, device, socket or folder: not read. */
  | { kind: 'notRegular'; what: string }
  | { kind: 'error'; message: string };

// O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer; O_NOCTTY keeps
// a terminal device from becoming the process's controlling terminal. Neither exists on Windows.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const CHUNK = 64 * 1024;

export function describeNonRegular(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a folder';
  return 'a special file';
}

/** Reads a regular file as UTF-8 if it is at most `maxBytes` long. Never throws. */
export function readRegularFile(file: string, maxBytes: number): ReadResult {
  // Look before opening: opening some devices acts (a tape rewinds, a watchdog starts).
  try {
    const stats = statSync(file);
    if (!stats.isFile()) return { kind: 'notRegular', what: describeNonRegular(stats) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'error', message: 'no such file or directory' };
    return { kind: 'error', message: (error as Error).message };
  }
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'error', message: 'no such file or directory' };
    // Opening a Unix socket fails with ENXIO.
    if (code === 'ENXIO') return { kind: 'notRegular', what: 'a socket' };
    return { kind: 'error', message: (error as Error).message };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { kind: 'notRegular', what: describeNonRegular(stats) };
    if (stats.size > maxBytes) return { kind: 'tooLarge', bytes: stats.size };
    return readDescriptor(fd, maxBytes);
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads an open descriptor (standard input, or a file checked above) to its end, keeping at most
 * `maxBytes`: past that, the rest is read into one reused buffer and only counted, so memory stays
 * bounded, the size reported is the real one, and a program writing into the pipe is not cut off
 * with EPIPE (which would fail a `set -o pipefail` script for a reason that is not its own).
 */
export function readDescriptor(fd: number, maxBytes: number): ReadResult {
  const chunks: Buffer[] = [];
  let total = 0;
  let spare: Buffer | undefined;
  for (;;) {
    const buffer = total > maxBytes ? (spare ??= Buffer.allocUnsafe(CHUNK)) : Buffer.allocUnsafe(CHUNK);
    let n: number;
    try {
      n = readSync(fd, buffer, 0, CHUNK, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        // A non-blocking pipe with nothing in it yet (standard input inherited that way): wait a little.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (code === 'EOF') break; // Windows: the other end of a pipe closed
      return { kind: 'error', message: (error as Error).message };
    }
    if (n === 0) break;
    if (total <= maxBytes) chunks.push(n === CHUNK ? buffer : buffer.subarray(0, n));
    total += n;
    if (total > maxBytes) chunks.length = 0;
  }
  if (total > maxBytes) return { kind: 'tooLarge', bytes: total };
  return { kind: 'text', text: Buffer.concat(chunks, total).toString('utf8') };
}
