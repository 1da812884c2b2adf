import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { userKey } from "../../src/roster/cells.js";
import { type DateContext, readDateText } from "../../src/roster/dates.js";
import type { DayMonthOrder } from "../../src/roster/options.js";
import { readRosterFileWith } from "../../src/roster/read-file.js";
import { csvBytes, utc } from "./fixtures.js";

/*
 * The million-row reading path takes shortcuts: printable-ASCII ids skip Unicode normalising,
 * `dd/mm/yyyy hh:mm` times are read without the regular expression, and a quote-free CSV's
 * lines are read in place. Each shortcut must give exactly what the general path gives.
 */

const context = (timeZone: string, order?: DayMonthOrder): DateContext => ({
  order,
  timeZone,
  date1904: false,
});
const two = (n: number) => String(n).padStart(2, "0");

describe("userKey: printable-ASCII ids skip NFC and the invisible-character pass", () => {
  // The key as it was defined before the shortcut: NFC, invisible characters out, trimmed,
  // spaces collapsed, lower case.
  const slowKey = (text: string) => {
    const key = text
      .normalize("NFC")
      .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, "")
      .trim()
      .replace(/\s+/g, " ")
      .toLowerCase();
    return key === "" ? undefined : key;
  };

  it("keeps one person one key across spellings", () => {
    // "José" composed (é) and decomposed (e + U+0301) is one person; so is an id with a
    // zero-width space or soft hyphen pasted in.
    expect(userKey("Jos\u00e9@X.com")).toBe("jos\u00e9@x.com");
    expect(userKey("Jose\u0301@x.com")).toBe("jos\u00e9@x.com");
    expect(userKey("ann\u200b@x.com")).toBe("ann@x.com");
    expect(userKey("an\u00adn@x.com")).toBe("ann@x.com");
    expect(userKey("\ufeffann@x.com")).toBe("ann@x.com");
    // Fullwidth letters are other characters (NFC keeps them), only lower-cased.
    expect(userKey("\uff21nn@x.com")).toBe("\uff41nn@x.com");
    // ASCII: trimmed, inner runs of spaces and tabs one space, lower case.
    expect(userKey("  Ann   Lee\t ")).toBe("ann lee");
    expect(userKey("Ann\tLee")).toBe("ann lee");
    expect(userKey("   ")).toBeUndefined();
    expect(userKey(1042)).toBe("1042");
  });

  it("gives the key of the full pass for any text", () => {
    const tricky = fc.constantFrom(
      "a",
      "Z",
      " ",
      "\t",
      "@",
      "~",
      "\u007f",
      "\u00e9",
      "e\u0301",
      "\u0301",
      "\u200b",
      "\u200d",
      "\u2060",
      "\u00ad",
      "\ufeff",
      "\u00a0",
      "\u3000",
      "\uff21",
      "\u0130",
      "\u00df",
      "\u212b",
      "\ud83d\ude00",
    );
    const texts = fc.oneof(
      fc.array(tricky, { maxLength: 10 }).map((parts) => parts.join("")),
      fc.string({ unit: "binary", maxLength: 12 }),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(texts, (text) => {
        expect(userKey(text)).toBe(slowKey(text));
      }),
      { numRuns: 3000 },
    );
  });
});

/*
 * As in plain-iso.test.ts: a leading space makes the same text miss the day/month fast path
 * (it takes only text with nothing around it) and go through the general NUMERIC pattern
 * after trimming, so the two readings must be identical.
 */
describe("dd/mm/yyyy hh:mm: the fast path reads exactly what the general pattern reads", () => {
  it("reads hand-picked values to hand-computed instants and the same messages", () => {
    const ddmm = context("UTC", "dd/mm");
    const mmdd = context("UTC", "mm/dd");
    const none = context("UTC");
    const cases: [string, DateContext, number | string][] = [
      ["25/03/2026 09:30", ddmm, utc(2026, 3, 25, 9, 30)],
      ["25/03/2026 09:30", none, utc(2026, 3, 25, 9, 30)], // 25 can only be a day
      ["03/25/2026 09:30", none, utc(2026, 3, 25, 9, 30)],
      ["3/5/2026 7:05:09", mmdd, utc(2026, 3, 5, 7, 5, 9)],
      ["3/5/2026 7:05:09", ddmm, utc(2026, 5, 3, 7, 5, 9)],
      ["25.03.2026 23:59:59", ddmm, utc(2026, 3, 25, 23, 59, 59)],
      ["25-03-2026 00:00", ddmm, utc(2026, 3, 25)],
      ["29/02/2024 12:00", ddmm, utc(2024, 2, 29, 12)],
      ["29/02/2026 12:00", ddmm, '"29/02/2026 12:00" is not a date'],
      ["13/02/2026 10:00", mmdd, '"13/02/2026 10:00" is not a date in mm/dd/yyyy order'],
      ["25/03/2026 24:00", ddmm, '"25/03/2026 24:00" is not a date'],
      ["25/03/2026 09:60", ddmm, '"25/03/2026 09:60" is not a date'],
      ["25/03/26 09:30", ddmm, '"25/03/26 09:30" is not a date'],
    ];
    for (const [text, ctx, want] of cases) {
      const read = readDateText(text, ctx);
      expect(read, text).toEqual(
        typeof want === "number" ? { ok: true, ms: want } : { ok: false, reason: want },
      );
      expect(readDateText(` ${text}`, ctx), text).toEqual(read);
    }
    // The forms the fast path leaves to the general one still read right.
    expect(readDateText("25/03/2026 9:30 pm", ddmm)).toEqual({
      ok: true,
      ms: utc(2026, 3, 25, 21, 30),
    });
    expect(readDateText("25/03/2026T09:30", ddmm)).toEqual({
      ok: true,
      ms: utc(2026, 3, 25, 9, 30),
    });
    expect(readDateText("25/03/2026 09:30:15.250", ddmm)).toEqual({
      ok: true,
      ms: utc(2026, 3, 25, 9, 30, 15) + 250,
    });
  });

  it("leaves wall times near a clock change to the DST-aware path (--tz Europe/London)", () => {
    const london = context("Europe/London", "dd/mm");
    // Summer time: 10:00 BST is 09:00 UTC.
    expect(readDateText("01/07/2026 10:00", london)).toEqual({
      ok: true,
      ms: utc(2026, 7, 1, 9),
    });
    // The day before the spring change is still GMT.
    expect(readDateText("28/03/2026 12:00", london)).toEqual({
      ok: true,
      ms: utc(2026, 3, 28, 12),
    });
    // 29 Mar 2026: clocks go from 01:00 to 02:00, so 01:30 never happened; it is read with the
    // offset before the change (GMT) and the change is named.
    expect(readDateText("29/03/2026 01:30", london)).toEqual({
      ok: true,
      ms: utc(2026, 3, 29, 1, 30),
      clock: { kind: "skipped", shiftMs: 3_600_000 },
    });
    // 25 Oct 2026: clocks go back from 02:00 to 01:00, so 01:30 happened at 00:30 UTC (BST)
    // and again at 01:30 UTC (GMT).
    expect(readDateText("25/10/2026 01:30", london)).toEqual({
      ok: true,
      ms: utc(2026, 10, 25, 0, 30),
      clock: { kind: "repeated", later: utc(2026, 10, 25, 1, 30), shiftMs: 3_600_000 },
    });
  });

  it("agrees on any digits in the plain shapes, in UTC and in London, in either order", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.option(fc.integer({ min: 0, max: 99 })),
        fc.boolean(),
        fc.constantFrom("/", ".", "-"),
        fc.constantFrom<DayMonthOrder | undefined>("dd/mm", "mm/dd", undefined),
        fc.boolean(),
        (a, b, y, h, mi, s, padded, sep, order, inLondon) => {
          const n = (v: number) => (padded ? two(v) : String(v));
          const text = `${n(a)}${sep}${n(b)}${sep}${String(y).padStart(4, "0")} ${n(h)}:${two(mi)}${s === null ? "" : `:${two(s)}`}`;
          const ctx = context(inLondon ? "Europe/London" : "UTC", order);
          expect(readDateText(text, ctx)).toEqual(readDateText(` ${text}`, ctx));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

/*
 * A quote-free CSV is read line by line in place; the same file read as rows of cells (the path
 * every other CSV takes) must give the identical answer: figures, row messages, notes.
 */
describe("a quote-free session log read in place reads as the same file read as rows", () => {
  const HEADER = "Agent Email,Login Time,Logout Time";
  const both = async (lines: readonly string[], options = {}) => {
    const bytes = csvBytes([HEADER, ...lines].join("\r\n"));
    const inPlace = await readRosterFileWith(bytes, "log.csv", options, { lines: true });
    const asRows = await readRosterFileWith(bytes, "log.csv", options, { lines: false });
    expect(inPlace).toEqual(asRows);
    return inPlace;
  };

  it("reads dd/mm/yyyy sessions to hand-computed figures", async () => {
    const r = await both([
      "ann@x.com,25/03/2026 09:00,25/03/2026 17:30", // row 2
      "bob@x.com,25/03/2026 08:15,25/03/2026 12:00", // row 3
      "Ann@X.com,26/03/2026 09:00,26/03/2026 10:00", // row 4: same person as row 2
      "ann@x.com,26/03/2026 09:30,26/03/2026 11:00", // row 5: overlaps row 4, merged
      "bob@x.com,26/03/2026 09:00,", //                  row 6: no logout, closed at 30 min
    ]);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.sessions).toEqual([
      { user: "bob@x.com", start: utc(2026, 3, 25, 8, 15), end: utc(2026, 3, 25, 12) },
      { user: "ann@x.com", start: utc(2026, 3, 25, 9), end: utc(2026, 3, 25, 17, 30) },
      { user: "ann@x.com", start: utc(2026, 3, 26, 9), end: utc(2026, 3, 26, 11) },
      {
        user: "bob@x.com",
        start: utc(2026, 3, 26, 9),
        end: utc(2026, 3, 26, 9, 30),
        closedAtTimeout: true,
      },
    ]);
    expect(r.value.summary).toMatchObject({ rows: 5, users: 2, merged: 1, closedAtTimeout: 1 });
  });

  it("gives the DST readings and the pre-1990 message of the general path", async () => {
    // 25 Oct 2026 in London: 01:30 is first 00:30 UTC; the logout 01:10 is then before the
    // login at its first reading (00:10 UTC), so its second (01:10 UTC) is the one meant.
    const london = await both(
      [
        "ann@x.com,25/10/2026 01:30,25/10/2026 01:10",
        "bob@x.com,01/07/2026 10:00,01/07/2026 11:00",
      ],
      { timeZone: "Europe/London", dateFormat: "dd/mm" },
    );
    if (!london.ok) throw new Error(JSON.stringify(london.issues));
    expect(london.value.sessions).toEqual([
      { user: "bob@x.com", start: utc(2026, 7, 1, 9), end: utc(2026, 7, 1, 10) },
      { user: "ann@x.com", start: utc(2026, 10, 25, 0, 30), end: utc(2026, 10, 25, 1, 10) },
    ]);
    // Midnight-thirty on 1 Jan 1990 in Paris (UTC+1) is 23:30 on 31 Dec 1989.
    const paris = await both(
      [
        "ann@x.com,01/01/1990 00:30,01/01/1990 02:00",
        "bob@x.com,02/01/2026 09:00,02/01/2026 10:00",
      ],
      { timeZone: "Europe/Paris", dateFormat: "dd/mm" },
    );
    if (!paris.ok) throw new Error(JSON.stringify(paris.issues));
    expect(paris.value.rowErrors).toContainEqual({
      row: 2,
      column: "Login Time",
      reason: '"01/01/1990 00:30" is before 1990: not a real session time',
    });
  });

  it("quotes the first day-first and month-first cells when a file mixes both orders", async () => {
    const r = await both([
      "ann@x.com,01/03/2026 09:00,01/03/2026 10:00", // row 2: reads either way
      "ann@x.com,25/03/2026 09:00,25/03/2026 10:00", // row 3: first day-first
      "bob@x.com,25/03/2026 11:00,25/03/2026 12:00", // row 4: the same pair again
      "bob@x.com,03/25/2026 10:00,03/25/2026 11:00", // row 5: first month-first
      "cat@x.com,03/26/2026 10:00,03/26/2026 11:00", // row 6
    ]);
    expect(r).toMatchObject({
      ok: false,
      issues: [
        {
          code: "dates.mixed_order",
          message:
            'Some dates are day-first ("25/03/2026 09:00" on row 3) and some month-first ("03/25/2026 10:00" on row 5). Say which order the file uses; rows that don\'t fit will be listed.',
        },
      ],
    });
  });

  it("asks about the first ambiguous date when nothing settles the order", async () => {
    const r = await both([
      "ann@x.com,01/03/2026 09:00,01/03/2026 10:00",
      "bob@x.com,03/01/2026 09:00,03/01/2026 10:00",
      "bob@x.com,01/03/2026 11:00,01/03/2026 12:00",
    ]);
    expect(r).toMatchObject({
      ok: false,
      issues: [
        {
          code: "dates.ambiguous",
          message:
            "Is 01/03/2026 the 1st of March or the 3rd of January? No date in the file settles it. Add --date-format dd/mm or --date-format mm/dd.",
        },
      ],
    });
  });

  it("agrees on random day/month cells, users and zones", async () => {
    const cell = fc
      .tuple(
        fc.integer({ min: 0, max: 35 }),
        fc.integer({ min: 0, max: 35 }),
        fc.constantFrom(1989, 1990, 1991, 2026, 9998, 9999),
        fc.integer({ min: 0, max: 25 }),
        fc.constantFrom("/", "-", "."),
        fc.constantFrom("", ":00", ":7", " pm", " "),
        fc.boolean(),
      )
      .map(([a, b, y, h, sep, tail, blank]) =>
        blank ? "" : `${a}${sep}${two(b)}${sep}${y} ${h}:30${tail}`,
      );
    const user = fc.constantFrom("ann@x.com", "Ann@x.com", "bob", "b\u00f6b", "bo\u0308b", "");
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(user, cell, cell), { minLength: 1, maxLength: 8 }),
        fc.constantFrom<DayMonthOrder | undefined>("dd/mm", "mm/dd", undefined),
        fc.constantFrom("UTC", "Europe/London", "America/New_York", "Europe/Paris"),
        async (rows, dateFormat, timeZone) => {
          await both(
            rows.map((cells) => cells.join(",")),
            { dateFormat, timeZone },
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
