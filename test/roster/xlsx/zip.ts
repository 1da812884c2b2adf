/**
 * Hand-built ZIP archives for the hostile-workbook tests: any entries, deflated or stored, with
 * the sizes the central directory declares chosen by the test (so it can lie), and the parts of a
 * real exceljs workbook taken apart to be rebuilt with one part changed.
 */
import { deflateRawSync } from "node:zlib";
import { inflatePart } from "../../../src/roster/xlsx/inflate.js";
import { readZipDirectory } from "../../../src/roster/xlsx/zip-directory.js";

export interface ZipPart {
  readonly name: string;
  readonly data: Uint8Array;
  /** Stored (0) instead of deflated (8). */
  readonly stored?: boolean;
  /** The uncompressed size written in the headers, when it should not be the real one. */
  readonly declaredSize?: number;
}

export function zipBytes(parts: readonly ZipPart[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const body = part.stored ? Buffer.from(part.data) : deflateRawSync(part.data);
    const size = part.declaredSize ?? part.data.byteLength;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.stored ? 0 : 8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, body);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(part.stored ? 0 : 8, 10);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, directory, end]));
}

/** The parts of a workbook, inflated, in archive order. */
export function zipParts(bytes: Uint8Array): { name: string; data: Uint8Array }[] {
  const entries = readZipDirectory(bytes);
  if (entries === undefined) throw new Error("not a zip");
  return entries.map((e) => ({ name: e.name, data: new Uint8Array(inflatePart(bytes, e)) }));
}

/** A workbook rebuilt with some parts replaced (by name) and the rest kept as they were. */
export function withParts(
  bytes: Uint8Array,
  change: (part: { name: string; data: Uint8Array }) => ZipPart,
): Uint8Array {
  return zipBytes(zipParts(bytes).map(change));
}

export const text = (s: string) => new TextEncoder().encode(s);
export const textOf = (b: Uint8Array) => new TextDecoder().decode(b);
