/** The pieces of saving: outputs without personal data, raw rows and back, upload fields. */
import { describe, expect, it } from "vitest";
import { storableOutputs } from "../../src/slack/saving/outputs.js";
import { rawRowsToCsv, readRawRows, tableToRawRows } from "../../src/slack/saving/raw-rows.js";
import { isStoredUploadId, uploadFields } from "../../src/slack/saving/save.js";

describe("storableOutputs", () => {
  it("drops namedUsers at any depth, replaces e-mail-like strings and keeps plain JSON", () => {
    expect(
      storableOutputs({
        split: { named: 2, namedUsers: ["ann@example.com", "bob"] },
        note: "ask carol@example.com",
        missing: undefined,
        at: new Date("2026-09-07T09:00:00.000Z"),
        list: [1, undefined, "x"],
        infinite: Number.POSITIVE_INFINITY,
      }),
    ).toEqual({
      split: { named: 2 },
      note: "[removed: personal data]",
      at: "2026-09-07T09:00:00.000Z",
      list: [1, null, "x"],
      infinite: null,
    });
  });
});

describe("raw rows", () => {
  it("keeps the header order in row 1 and rebuilds the same CSV", () => {
    const rows = tableToRawRows({
      format: "csv",
      headers: ["user", "", "user", "login"],
      headerRow: 1,
      rows: [
        { row: 2, cells: ["ann", "x", 'Jo "JJ", Smith', new Date("2026-09-07T09:00:00.000Z")] },
        { row: 3, cells: ["bob", null, 3, true] },
      ],
      blankRows: 0,
      date1904: false,
      rejected: [],
      notes: [],
    });
    expect(rows).toEqual([
      { user: 1, "Column 2": 2, "user (2)": 3, login: 4 },
      { user: "ann", "Column 2": "x", "user (2)": 'Jo "JJ", Smith', login: "2026-09-07 09:00:00" },
      { user: "bob", "Column 2": null, "user (2)": 3, login: true },
    ]);
    expect(new TextDecoder().decode(rawRowsToCsv(rows))).toBe(
      'user,Column 2,user (2),login\nann,x,"Jo ""JJ"", Smith",2026-09-07 09:00:00\nbob,,3,true\n',
    );
  });

  it("reads a CSV file's rows, leaving out blank rows, and gives nothing for a file it can't read", async () => {
    const csv = new TextEncoder().encode(
      "user,start\nann,2026-09-07 09:00\n\nbob,2026-09-07 10:00\n",
    );
    expect(await readRawRows("s.csv", csv)).toEqual([
      { user: 1, start: 2 },
      { user: "ann", start: "2026-09-07 09:00" },
      { user: "bob", start: "2026-09-07 10:00" },
    ]);
    expect(await readRawRows("s.csv", new Uint8Array())).toBeUndefined();
    expect(rawRowsToCsv([])).toEqual(new Uint8Array());
  });
});

describe("uploadFields", () => {
  it("takes the kind and counts from the reply's data, with an error summary of counts only", () => {
    const bytes = new TextEncoder().encode("abc");
    const fields = uploadFields(
      "sessions.csv",
      bytes,
      {
        kind: "sessions",
        file: { rows: 10, used: 7, skipped: 3, duplicates: 2, blankRows: 1, endBeforeStart: 0 },
      },
      11,
    );
    expect(fields).toEqual({
      fileName: "sessions.csv",
      // sha256("abc"), the FIPS 180-2 test vector.
      sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
      kind: "sessions",
      rowsTotal: 10,
      rowsUsed: 7,
      rowsRejected: 3,
      errorSummary: [
        {
          code: "rows.skipped",
          count: 3,
          message: "rows not used (listed in the skipped-rows CSV in the thread)",
        },
        { code: "rows.duplicate", count: 2, message: "rows repeating an earlier row" },
        { code: "rows.blank", count: 1, message: "blank rows" },
      ],
    });
  });

  it("falls back to the rows read when the data has no counts (another analyser)", () => {
    expect(uploadFields("x.csv", new Uint8Array(), { rows: 2 }, 2)).toMatchObject({
      kind: "unknown",
      rowsTotal: 2,
      rowsUsed: 2,
      rowsRejected: 0,
      errorSummary: [],
    });
  });

  it("tells a stored upload id from a Slack file id", () => {
    expect(isStoredUploadId("0b0f6c1e-6d1a-4c8e-9a57-0d4b4f3c2a10")).toBe(true);
    expect(isStoredUploadId("F0123ABCD")).toBe(false);
    expect(isStoredUploadId(undefined)).toBe(false);
  });
});
