/**
 * The table of contents of a ZIP archive (an XLSX workbook is one), read from its central
 * directory without inflating anything: each entry's name, method, sizes and where its data
 * starts. The sizes are what the archive declares; they can lie, so the inflater also counts.
 * ZIP64 sizes and offsets are read. Pure: works over bytes already in memory.
 */

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; anything else is not something an XLSX writer uses. */
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Offset of the entry's local header. */
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535 bytes. */
const EOCD_SEARCH = 22 + 65_535;
const MAX32 = 0xffffffff;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function u64(v: DataView, at: number): number {
  // Sizes past 2^53 are no workbook; Number keeps every size a real archive can have exactly.
  return v.getUint32(at, true) + v.getUint32(at + 4, true) * 2 ** 32;
}

function findEndRecord(v: DataView): number | undefined {
  const stop = Math.max(0, v.byteLength - EOCD_SEARCH);
  for (let at = v.byteLength - 22; at >= stop; at--) {
    if (v.getUint32(at, true) === EOCD) return at;
  }
  return undefined;
}

/** Where the central directory starts and how many entries it has, ZIP64 records included. */
function directoryBounds(v: DataView, end: number): { start: number; count: number } | undefined {
  let count = v.getUint16(end + 10, true);
  let start = v.getUint32(end + 16, true);
  if ((count === 0xffff || start === MAX32) && end >= 20) {
    const locator = end - 20;
    if (v.getUint32(locator, true) === ZIP64_LOCATOR) {
      const record = u64(v, locator + 8);
      if (record + 56 <= v.byteLength && v.getUint32(record, true) === ZIP64_EOCD) {
        count = u64(v, record + 32);
        start = u64(v, record + 48);
      }
    }
  }
  return start < v.byteLength ? { start, count } : undefined;
}

/** ZIP64 extra field (id 1): the 64-bit values for the fields that were 0xFFFFFFFF, in order. */
function zip64Values(
  v: DataView,
  extraStart: number,
  extraLength: number,
  wanted: { uncompressed: boolean; compressed: boolean; offset: boolean },
): { uncompressed?: number; compressed?: number; offset?: number } {
  let at = extraStart;
  const stop = extraStart + extraLength;
  while (at + 4 <= stop) {
    const id = v.getUint16(at, true);
    const size = v.getUint16(at + 2, true);
    if (id === 1) {
      const out: { uncompressed?: number; compressed?: number; offset?: number } = {};
      let p = at + 4;
      if (wanted.uncompressed && p + 8 <= stop) {
        out.uncompressed = u64(v, p);
        p += 8;
      }
      if (wanted.compressed && p + 8 <= stop) {
        out.compressed = u64(v, p);
        p += 8;
      }
      if (wanted.offset && p + 8 <= stop) out.offset = u64(v, p);
      return out;
    }
    at += 4 + size;
  }
  return {};
}

const decoder = new TextDecoder("utf-8");

/**
 * The entries of the archive's central directory, or undefined when there is none to read (not
 * a ZIP, or only the start of one, as when a front end sniffs the first 64 KiB).
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | undefined {
  if (bytes.byteLength < 22) return undefined;
  const v = view(bytes);
  const end = findEndRecord(v);
  if (end === undefined) return undefined;
  const bounds = directoryBounds(v, end);
  if (bounds === undefined) return undefined;
  const entries: ZipEntry[] = [];
  let at = bounds.start;
  for (let i = 0; i < bounds.count; i++) {
    if (at + 46 > v.byteLength || v.getUint32(at, true) !== CENTRAL) return undefined;
    const nameLength = v.getUint16(at + 28, true);
    const extraLength = v.getUint16(at + 30, true);
    const commentLength = v.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > v.byteLength) return undefined;
    let compressedSize = v.getUint32(at + 20, true);
    let uncompressedSize = v.getUint32(at + 24, true);
    let localOffset = v.getUint32(at + 42, true);
    if (compressedSize === MAX32 || uncompressedSize === MAX32 || localOffset === MAX32) {
      const big = zip64Values(v, at + 46 + nameLength, extraLength, {
        uncompressed: uncompressedSize === MAX32,
        compressed: compressedSize === MAX32,
        offset: localOffset === MAX32,
      });
      uncompressedSize = big.uncompressed ?? uncompressedSize;
      compressedSize = big.compressed ?? compressedSize;
      localOffset = big.offset ?? localOffset;
    }
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: v.getUint16(at + 10, true),
      flags: v.getUint16(at + 8, true),
      compressedSize,
      uncompressedSize,
      localOffset,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Entry names from the local headers at the start of the bytes, for when only the start of the
 * archive is at hand (no central directory). Stops at the first entry whose size is not in its
 * header (written with a data descriptor) or that runs past the bytes.
 */
export function leadingEntryNames(bytes: Uint8Array): string[] {
  const v = view(bytes);
  const names: string[] = [];
  let at = 0;
  while (at + 30 <= v.byteLength && v.getUint32(at, true) === LOCAL) {
    const flags = v.getUint16(at + 6, true);
    const compressed = v.getUint32(at + 18, true);
    const nameLength = v.getUint16(at + 26, true);
    const extraLength = v.getUint16(at + 28, true);
    if (at + 30 + nameLength > v.byteLength) break;
    names.push(decoder.decode(bytes.subarray(at + 30, at + 30 + nameLength)));
    if ((flags & 0x08) !== 0 || compressed === MAX32) break;
    at += 30 + nameLength + extraLength + compressed;
  }
  return names;
}

/** Where an entry's compressed data starts: after its local header, whose lengths may differ. */
export function entryDataStart(bytes: Uint8Array, entry: ZipEntry): number | undefined {
  const v = view(bytes);
  const at = entry.localOffset;
  if (at + 30 > v.byteLength || v.getUint32(at, true) !== LOCAL) return undefined;
  const start = at + 30 + v.getUint16(at + 26, true) + v.getUint16(at + 28, true);
  return start + entry.compressedSize <= v.byteLength ? start : undefined;
}
