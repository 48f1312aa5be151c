/**
 * Opening an .xlsx workbook (a zip of XML parts) under a bound on what it inflates to. A 3.3 MB
 * workbook can inflate to 3.2 GB, so the parts are inflated here with node:zlib's output limit,
 * stopping at the limit, and the readers (read-excel-file, the merged-range reader) get only those
 * parts, re-packed without compression: they never inflate the original themselves.
 */
import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { formatBytes } from '../../text/bytes.js';

/** The most a workbook's XML parts may inflate to, together: 200 MiB. Real list exports inflate to a few MB. */
export const MAX_WORKBOOK_INFLATED_BYTES = 200 * 1024 * 1024;

/** A workbook that would inflate past the limit: refused, unread. */
export class WorkbookTooLargeError extends Error {
  constructor(
    readonly file: string,
    readonly limit: number,
  ) {
    super(`${file} inflates to more than ${formatBytes(limit)} (the limit for a workbook); it was not read.`);
    this.name = 'WorkbookTooLargeError';
  }
}

/** The parts read-excel-file and the merged-range reader use. */
function wanted(name: string): boolean {
  return name.endsWith('.xml') || name.endsWith('.rels');
}

/**
 * The XML parts of a zip, inflated under `limit` bytes in all (sizes as inflated, not as the zip
 * claims them). Throws WorkbookTooLargeError past the limit, and an Error for what is not a zip.
 */
export function unzipParts(bytes: Uint8Array, file: string, limit = MAX_WORKBOOK_INFLATED_BYTES): Map<string, Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end of central directory record: in the last 22 bytes plus at most a 65,535-byte comment.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip archive (no central directory)');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new Error('a zip64 archive, which a workbook never needs');
  const parts = new Map<string, Uint8Array>();
  let total = 0;
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new Error('a damaged zip central directory');
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (!wanted(name) || name.endsWith('/')) continue;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw new Error(`a damaged zip entry (${name})`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + compressed);
    const room = limit - total;
    let inflated: Uint8Array;
    if (method === 0) {
      if (data.length > room) throw new WorkbookTooLargeError(file, limit);
      inflated = data;
    } else if (method === 8) {
      try {
        // Stops as soon as the output would pass what is left of the limit: memory stays bounded.
        inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, room) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new WorkbookTooLargeError(file, limit);
        throw new Error(`a damaged zip entry (${name}): ${(error as Error).message}`);
      }
      if (inflated.length > room) throw new WorkbookTooLargeError(file, limit);
    } else throw new Error(`zip compression method ${method} (${name}), which a workbook does not use`);
    total += inflated.length;
    parts.set(name, inflated);
  }
  return parts;
}

/** A workbook read under the inflation limit: its parts, and the same parts as a zip for read-excel-file. */
export async function openWorkbook(file: string, limit = MAX_WORKBOOK_INFLATED_BYTES): Promise<{ parts: Map<string, Uint8Array>; zip: Buffer }> {
  const parts = unzipParts(await readFile(file), file, limit);
  const zip = zipSync(Object.fromEntries(parts), { level: 0 });
  return { parts, zip: Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength) };
}
