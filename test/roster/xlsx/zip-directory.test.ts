import { describe, expect, it } from "vitest";
import { leadingEntryNames, readZipDirectory } from "../../../src/roster/xlsx/zip-directory.js";
import { text, zipBytes } from "./zip.js";

describe("readZipDirectory", () => {
  it("lists each part with its method, declared sizes and offset", () => {
    const bytes = zipBytes([
      { name: "a.xml", data: text("<a/>"), stored: true },
      { name: "b.xml", data: text("bbbbbbbbbbbbbbbbbbbb"), declaredSize: 99 },
    ]);
    const entries = readZipDirectory(bytes);
    expect(entries?.map((e) => [e.name, e.method, e.uncompressedSize, e.localOffset])).toEqual([
      ["a.xml", 0, 4, 0],
      ["b.xml", 8, 99, 30 + 5 + 4],
    ]);
  });

  it("reads ZIP64 sizes from the extra field when the 32-bit ones are 0xFFFFFFFF", () => {
    const bytes = Buffer.from(zipBytes([{ name: "big.xml", data: text("x"), stored: true }]));
    // Rewrite the central entry: sizes 0xFFFFFFFF and a ZIP64 extra field saying 5 GiB and 1 byte.
    const at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const extra = Buffer.alloc(20);
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(16, 2);
    extra.writeUInt32LE(0, 4);
    extra.writeUInt32LE(5, 8); // 5 × 2^32 bytes uncompressed
    extra.writeUInt32LE(1, 12);
    extra.writeUInt32LE(0, 16);
    const entry = Buffer.from(bytes.subarray(at, at + 46 + 7));
    entry.writeUInt32LE(0xffffffff, 20);
    entry.writeUInt32LE(0xffffffff, 24);
    entry.writeUInt16LE(extra.length, 30);
    const end = Buffer.from(bytes.subarray(bytes.length - 22));
    end.writeUInt32LE(entry.length + extra.length, 12);
    const rebuilt = new Uint8Array(Buffer.concat([bytes.subarray(0, at), entry, extra, end]));
    expect(readZipDirectory(rebuilt)?.[0]).toMatchObject({
      name: "big.xml",
      uncompressedSize: 5 * 2 ** 32,
      compressedSize: 1,
    });
  });

  it("finds no directory in the start of an archive, but the local headers still name parts", () => {
    const bytes = zipBytes([
      { name: "mimetype", data: text("application/x"), stored: true },
      { name: "content.xml", data: text("<c/>") },
    ]);
    expect(readZipDirectory(bytes.subarray(0, 95))).toBeUndefined();
    expect(leadingEntryNames(bytes.subarray(0, 95))).toEqual(["mimetype", "content.xml"]);
    expect(readZipDirectory(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});
