/**
 * Issue 10, class 13: text as real systems write it. The same person written two ways (composed
 * or decomposed accents, an invisible zero-width space) is one person; Excel's `sep=;` first
 * line, pipes and UTF-16 without a BOM read as the same table; a header of a million columns is
 * refused quickly with a short message. Both CSV paths (line by line, and rows) are checked.
 */
import { describe, expect, it } from "vitest";
import { userKey, userSpelling } from "../../src/roster/cells.js";
import { readRosterFileWith } from "../../src/roster/read-file.js";
import { csvBytes } from "./fixtures.js";

const PATHS = [{ lines: true }, { lines: false }] as const;

async function read(bytes: Uint8Array, name: string, lines: boolean) {
  const r = await readRosterFileWith(bytes, name, {}, { lines });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const COMPOSED = "Jos\u00e9@x.com"; // é as one code point (Windows, most exports)
const DECOMPOSED = "Jose\u0301@x.com"; // e + combining acute (macOS file names, some web forms)

describe.each(PATHS)("user ids in one form (lines: $lines)", ({ lines }) => {
  it('counts "José" composed and decomposed as one person, with one peak', async () => {
    // Two overlapping sessions: as two people the peak would be 2; as one (counted once) it is 1.
    const log = [
      "Agent Email,Login Time,Logout Time",
      `${COMPOSED},2026-03-02T09:00:00Z,2026-03-02T11:00:00Z`,
      `${DECOMPOSED},2026-03-02T10:00:00Z,2026-03-02T12:00:00Z`,
      "bo@x.com,2026-03-02T09:00:00Z,2026-03-02T10:00:00Z",
    ].join("\n");
    const r = await read(csvBytes(log), "sessions.csv", lines);
    expect(r.summary.users).toBe(2);
    expect(new Set(r.sessions?.map((s) => s.user))).toEqual(
      new Set(["jos\u00e9@x.com", "bo@x.com"]),
    );
    expect(r.userSpelling.get("jos\u00e9@x.com")).toBe(COMPOSED);
  });

  it('counts "ann\\u200b@x.com" and "ann@x.com" as one person, shown without the invisible space', async () => {
    const log = [
      "Agent Email,Login Time,Logout Time",
      "ann\u200b@x.com,2026-03-02T09:00:00Z,2026-03-02T10:00:00Z",
      "ann@x.com,2026-03-02T11:00:00Z,2026-03-02T12:00:00Z",
      "\u2060bo@x.com\ufeff,2026-03-02T09:00:00Z,2026-03-02T10:00:00Z",
      "bo@x.com,2026-03-02T11:00:00Z,2026-03-02T12:00:00Z",
    ].join("\n");
    const r = await read(csvBytes(log), "sessions.csv", lines);
    expect(r.summary.users).toBe(2);
    expect(r.summary.sessions).toBe(4);
    expect([...r.userSpelling]).toEqual([
      ["ann@x.com", "ann@x.com"],
      ["bo@x.com", "bo@x.com"],
    ]);
  });

  it("reports a user cell of only invisible characters as no user", async () => {
    const log = [
      "Agent Email,Login Time,Logout Time",
      "\u200b,2026-03-02T09:00:00Z,2026-03-02T10:00:00Z",
      "ann@x.com,2026-03-02T11:00:00Z,2026-03-02T12:00:00Z",
    ].join("\n");
    const r = await read(csvBytes(log), "sessions.csv", lines);
    expect(r.summary.users).toBe(1);
    expect(r.rowErrors).toEqual([{ row: 2, column: "Agent Email", reason: "no user" }]);
  });
});

describe("a roster with one person written two ways", () => {
  it("counts the second row as a duplicate of the first", async () => {
    const roster = ["Email,Name", `${COMPOSED},José`, `${DECOMPOSED},José`, "bo@x.com,Bo"].join(
      "\n",
    );
    const r = await read(csvBytes(roster), "roster.csv", true);
    expect(r.roster?.map((u) => u.user)).toEqual(["jos\u00e9@x.com", "bo@x.com"]);
    expect(r.summary.duplicates).toBe(1);
  });
});

const LOG_ROWS = [
  ["Agent Email", "Login Time", "Logout Time"],
  ["ann@x.com", "2026-03-02T09:00:00Z", "2026-03-02T11:00:00Z"],
  ["bo@x.com", "2026-03-02T10:00:00Z", "2026-03-02T12:00:00Z"],
];
const joined = (d: string, eol = "\r\n") => `${LOG_ROWS.map((r) => r.join(d)).join(eol)}${eol}`;

describe.each(PATHS)("delimiters (lines: $lines)", ({ lines }) => {
  it.each([
    [
      `sep=;\r\n${joined(";")}`,
      'semicolon-separated, as its first line "sep=;" says (that line is not counted as a row)',
    ],
    [
      `sep=,\n${joined(",", "\n")}`,
      'comma-separated, as its first line "sep=," says (that line is not counted as a row)',
    ],
    [
      `\uFEFFsep=|\r\n${joined("|")}`,
      'pipe-separated, as its first line "sep=|" says (that line is not counted as a row)',
    ],
    [
      `sep=\t\r\n${joined("\t")}`,
      'tab-separated, as its first line "sep=\\t" says (that line is not counted as a row)',
    ],
    [joined("|"), "pipe-separated"],
  ])("reads %j: 2 sessions, 2 people, the header is row 1", async (text, note) => {
    const r = await read(csvBytes(text), "sessions.csv", lines);
    expect(r.summary).toMatchObject({ rows: 2, used: 2, sessions: 2, users: 2 });
    expect(r.notes).toContain(note);
    expect(r.mapping.map((m) => m.header)).toEqual(["Agent Email", "Login Time", "Logout Time"]);
  });

  it("numbers rows after a sep= line as Excel shows them (header = row 1)", async () => {
    const text = `sep=;\n${joined(";", "\n")}bo@x.com;2026-03-02T13:00:00Z;2026-03-02T12:00:00Z\n`;
    const r = await read(csvBytes(text), "sessions.csv", lines);
    expect(r.rowErrors.map((e) => e.row)).toEqual([4]);
  });

  it("refuses a sep= line naming a delimiter it can't split on", async () => {
    const r = await readRosterFileWith(
      csvBytes(`sep=#\n${joined("#", "\n")}`),
      "s.csv",
      {},
      { lines },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({
      code: "file.csv_unknown_sep",
      message:
        's.csv starts with "sep=#", naming "#" as its delimiter; I read values separated by commas, semicolons, tabs or pipes.',
      hint: "Export it again with commas or semicolons between values",
    });
  });
});

describe.each(PATHS)("UTF-16 without a byte-order mark (lines: $lines)", ({ lines }) => {
  it.each([
    ["utf16le" as const, "little-endian"],
    ["utf16be" as const, "big-endian"],
  ])("reads %s text: 2 sessions, 2 people, with a note", async (encoding, order) => {
    const le = Buffer.from(joined(",").replace("ann@x.com", "zoë@x.com"), "utf16le");
    const bytes = encoding === "utf16le" ? le : Buffer.from(le).swap16();
    expect([bytes[0], bytes[1]]).not.toEqual([0xff, 0xfe]);
    const r = await read(new Uint8Array(bytes), "sessions.csv", lines);
    expect(r.summary).toMatchObject({ rows: 2, used: 2, sessions: 2, users: 2 });
    expect(r.userSpelling.get("zoë@x.com")).toBe("zoë@x.com");
    expect(r.notes).toContain(`read as UTF-16 text (${order}, without a byte-order mark)`);
  });
});

describe.each(PATHS)("a header of a million columns (lines: $lines)", ({ lines }) => {
  it.each([
    ["unquoted", (i: number) => `c${i}`],
    ["quoted", (i: number) => `"c${i}"`],
  ])("is refused with a short message (%s); bench/wide-header.mjs times it", async (_, header) => {
    const cols = Array.from({ length: 1_000_000 }, (_, i) => header(i)).join(",");
    const bytes = csvBytes(`${cols}\nann@x.com,2026-03-02T09:00:00Z\n`);
    const r = await readRosterFileWith(bytes, "wide.csv", {}, { lines });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      {
        code: "file.too_many_columns",
        message:
          "wide.csv's header has more than 16,384 columns, more than Excel allows, so it is not a roster or session log I can read.",
        hint: "Export only the columns you need (user, login, logout), with one header row",
      },
    ]);
  });

  it("reads a header of exactly 16,384 columns", async () => {
    const cols = ["Agent Email", "Login Time", "Logout Time"];
    for (let i = cols.length; i < 16_384; i++) cols.push(`c${i}`);
    const row = ["ann@x.com", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z"].join(",");
    const r = await read(csvBytes(`${cols.join(",")}\n${row}\n`), "wide.csv", lines);
    expect(r.summary).toMatchObject({ rows: 1, sessions: 1, users: 1 });
  });
});

describe("userKey and userSpelling", () => {
  it.each([
    [COMPOSED, "jos\u00e9@x.com", COMPOSED],
    [DECOMPOSED, "jos\u00e9@x.com", COMPOSED],
    ["Ann\u200b@X.com", "ann@x.com", "Ann@X.com"],
    ["\ufeffann\u200c\u200d\u2060\u00ad@x.com ", "ann@x.com", "ann@x.com"],
    [" Ann \u00a0 Lee ", "ann lee", "Ann \u00a0 Lee"],
  ])("%j → key %j, shown as %j", (cell, key, spelling) => {
    expect(userKey(cell)).toBe(key);
    expect(userSpelling(cell)).toBe(spelling);
  });

  it("has no key for a cell of only invisible characters", () => {
    expect(userKey("\u200b\u2060")).toBeUndefined();
  });
});
