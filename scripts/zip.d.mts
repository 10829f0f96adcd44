// Types of zip.mjs, for test/package.test.ts.
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** Uncompressed size in bytes. */
  size: number;
  localOffset: number;
}

export function listZip(zip: Buffer): ZipEntry[];
export function readEntry(zip: Buffer, entry: ZipEntry): Buffer;
