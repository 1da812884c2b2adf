/**
 * One part of a ZIP archive, inflated: small parts (workbook, styles, shared strings) in one go,
 * the sheet as a stream of chunks. Neither ever produces more than the part declared, so a
 * table of contents that lies about sizes cannot get past the caps checked on it.
 */
import { createInflateRaw, inflateRawSync } from "node:zlib";
import { entryDataStart, type ZipEntry } from "./zip-directory.js";

/** Thrown while streaming when a part inflates past its declared size. */
export class ExpandedPastDeclared extends Error {
  constructor(readonly entry: ZipEntry) {
    super(`${entry.name} expands past its declared ${entry.uncompressedSize} bytes`);
  }
}

/** Thrown for a part that is not stored or deflated, or whose data is cut off. */
export class UnreadablePart extends Error {
  constructor(readonly entry: ZipEntry) {
    super(`${entry.name} cannot be read`);
  }
}

function compressed(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const start = entryDataStart(bytes, entry);
  if (start === undefined || (entry.method !== 0 && entry.method !== 8)) {
    throw new UnreadablePart(entry);
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, entry.compressedSize);
}

export function inflatePart(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const data = compressed(bytes, entry);
  if (entry.method === 0) return data;
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    if (error instanceof RangeError) throw new ExpandedPastDeclared(entry);
    throw new UnreadablePart(entry);
  }
}

/** Chunks of 64 KiB: fewer hand-offs to the XML parser than zlib's default 16 KiB. */
const CHUNK = 64 * 1024;

export async function* streamPart(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<Buffer> {
  const data = compressed(bytes, entry);
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += CHUNK) yield data.subarray(at, at + CHUNK);
    return;
  }
  const inflater = createInflateRaw({ chunkSize: CHUNK });
  inflater.end(data);
  let produced = 0;
  try {
    for await (const chunk of inflater) {
      produced += (chunk as Buffer).length;
      if (produced > entry.uncompressedSize) throw new ExpandedPastDeclared(entry);
      yield chunk as Buffer;
    }
  } catch (error) {
    if (error instanceof ExpandedPastDeclared) throw error;
    throw new UnreadablePart(entry);
  } finally {
    inflater.destroy();
  }
}
