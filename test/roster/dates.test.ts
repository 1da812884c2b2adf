import { describe, expect, it } from "vitest";
import { type DateContext, readDateCell, readDateText } from "../../src/roster/dates.js";
import { leadingPair, resolveDayMonthOrder } from "../../src/roster/day-month-order.js";
import { wallClockToInstant } from "../../src/roster/time-zone.js";
import { utc } from "./fixtures.js";

const UTC: DateContext = { order: undefined, timeZone: "UTC", date1904: false };
const DD: DateContext = { ...UTC, order: "dd/mm" };
const MM: DateContext = { ...UTC, order: "mm/dd" };

function ms(text: string, ctx: DateContext = UTC): number | string {
  const r = readDateText(text, ctx);
  return r.ok ? r.ms : r.reason;
}

describe("readDateText", () => {
  it.each([
    ["2026-03-05", utc(2026, 3, 5)],
    ["2026-03-05T09:07", utc(2026, 3, 5, 9, 7)],
    ["2026-03-05 09:07:30", utc(2026, 3, 5, 9, 7, 30)],
    ["2026-03-05T09:07:30.250Z", utc(2026, 3, 5, 9, 7, 30) + 250],
    // 09:00 at +01:00 is 08:00 UTC; at -05:00 it is 14:00 UTC.
    ["2026-03-05T09:00:00+01:00", utc(2026, 3, 5, 8)],
    ["2026-03-05T09:00:00-0500", utc(2026, 3, 5, 14)],
    ["2026-03-05 09:00 UTC", utc(2026, 3, 5, 9)],
    ["2026/03/05 9:00", utc(2026, 3, 5, 9)],
    ["5 Mar 2026 14:30", utc(2026, 3, 5, 14, 30)],
    ["05-March-2026", utc(2026, 3, 5)],
    ["Mar 5, 2026 2:30 PM", utc(2026, 3, 5, 14, 30)],
    ["March 5th 2026", utc(2026, 3, 5)],
  ])("%s", (text, expected) => {
    expect(ms(text)).toBe(expected);
  });

  it("reads nn/nn/yyyy in the file's order, with optional time and am/pm", () => {
    expect(ms("05/03/2026 09:00", DD)).toBe(utc(2026, 3, 5, 9));
    expect(ms("05/03/2026 09:00", MM)).toBe(utc(2026, 5, 3, 9));
    expect(ms("5.3.2026", DD)).toBe(utc(2026, 3, 5));
    expect(ms("03-25-2026 12:15 am", MM)).toBe(utc(2026, 3, 25, 0, 15));
    expect(ms("03/25/2026 12:15 PM", MM)).toBe(utc(2026, 3, 25, 12, 15));
    // With no order, only a value that reads one way is accepted: 25 can't be a month.
    expect(ms("25/03/2026")).toBe(utc(2026, 3, 25));
    expect(ms("03/25/2026")).toBe(utc(2026, 3, 25));
  });

  it.each([
    ["2026-13-01 09:00", '"2026-13-01 09:00" is not a date'],
    ["2026-02-29", '"2026-02-29" is not a date'],
    ["2026-03-05 24:00", '"2026-03-05 24:00" is not a date'],
    ["31/31/2026", '"31/31/2026" is not a date'],
    ["13:00 PM 2026", '"13:00 PM 2026" is not a date'],
    ["yesterday", '"yesterday" is not a date'],
    ["5 Foo 2026", '"5 Foo 2026" is not a date'],
  ])("rejects %s", (text, reason) => {
    expect(ms(text)).toBe(reason);
  });

  it("says when a value doesn't fit the order given", () => {
    expect(ms("25/03/2026", MM)).toBe('"25/03/2026" is not a date in mm/dd/yyyy order');
  });

  it("reads wall-clock times in the zone given; explicit offsets win", () => {
    const london: DateContext = { ...UTC, timeZone: "Europe/London" };
    const newYork: DateContext = { ...UTC, timeZone: "America/New_York" };
    const kolkata: DateContext = { ...UTC, timeZone: "Asia/Kolkata" };
    // London is UTC+0 in January and UTC+1 (BST) in July.
    expect(ms("2026-01-15 09:00", london)).toBe(utc(2026, 1, 15, 9));
    expect(ms("2026-07-01 09:00", london)).toBe(utc(2026, 7, 1, 8));
    // New York is UTC-4 (EDT) in July; Kolkata is UTC+5:30 all year.
    expect(ms("2026-07-01 09:00", newYork)).toBe(utc(2026, 7, 1, 13));
    expect(ms("2026-03-05 09:00", kolkata)).toBe(utc(2026, 3, 5, 3, 30));
    expect(ms("2026-07-01T09:00Z", london)).toBe(utc(2026, 7, 1, 9));
  });

  it("handles the hours clocks skip and repeat", () => {
    // London 2026: clocks go 01:00 → 02:00 on 29 March (01:30 doesn't exist: read as 02:30 BST =
    // 01:30 UTC) and 02:00 → 01:00 on 25 October (01:30 happens twice: the first, BST, = 00:30 UTC).
    expect(wallClockToInstant(utc(2026, 3, 29, 1, 30), "Europe/London")).toBe(
      utc(2026, 3, 29, 1, 30),
    );
    expect(wallClockToInstant(utc(2026, 10, 25, 1, 30), "Europe/London")).toBe(
      utc(2026, 10, 25, 0, 30),
    );
    expect(wallClockToInstant(utc(2026, 10, 25, 2, 30), "Europe/London")).toBe(
      utc(2026, 10, 25, 2, 30),
    );
  });
});

describe("readDateCell", () => {
  it("reads Excel serials in the 1900 and 1904 systems", () => {
    // Serial 25569 is 1 Jan 1970; 46000 is 20,431 days later = 9 Dec 2025; .375 of a day = 09:00.
    expect(readDateCell(46000.375, UTC)).toEqual({ ok: true, ms: utc(2025, 12, 9, 9) });
    // The 1904 system starts 1,462 days later: 9 Dec 2025 + 1,462 days = 10 Dec 2029.
    expect(readDateCell(46000, { ...UTC, date1904: true })).toEqual({
      ok: true,
      ms: utc(2029, 12, 10),
    });
    expect(readDateCell(-3, UTC)).toEqual({ ok: false, reason: '"-3" is not a date' });
  });

  it("treats a Date cell's UTC fields as the wall clock in the chosen zone", () => {
    const cell = new Date(utc(2026, 7, 1, 9));
    expect(readDateCell(cell, { ...UTC, timeZone: "Europe/London" })).toEqual({
      ok: true,
      ms: utc(2026, 7, 1, 8),
    });
    expect(readDateCell(true, UTC)).toEqual({ ok: false, reason: '"true" is not a date' });
  });
});

describe("resolveDayMonthOrder", () => {
  // One date column; the first data row is row 2.
  const samples = (...cells: string[]) => cells.map((cell, i) => ({ row: i + 2, cells: [cell] }));

  it("uses the order a value proves", () => {
    expect(resolveDayMonthOrder(samples("03/04/2026", "25/03/2026"), [0], undefined)).toEqual({
      ok: true,
      value: "dd/mm",
    });
    expect(resolveDayMonthOrder(samples("03/04/2026", "03/25/2026 10:00"), [0], undefined)).toEqual(
      {
        ok: true,
        value: "mm/dd",
      },
    );
  });

  it("needs no order when no value reads two ways", () => {
    expect(resolveDayMonthOrder(samples("2026-03-04", "04/04/2026"), [0], undefined)).toEqual({
      ok: true,
      value: undefined,
    });
  });

  it("asks, rather than guesses, when the file is ambiguous", () => {
    expect(resolveDayMonthOrder(samples("03/04/2026 09:00", "01/02/2026"), [0], undefined)).toEqual(
      {
        ok: false,
        issues: [
          {
            code: "dates.ambiguous",
            message:
              "Is 03/04/2026 the 3rd of April or the 4th of March? No date in the file settles it. Add --date-format dd/mm or --date-format mm/dd.",
            hint: "--date-format dd/mm (25/03/2026 is 25 March) or --date-format mm/dd (03/25/2026)",
          },
        ],
      },
    );
    const r = resolveDayMonthOrder(samples("11/12/2026"), [0], undefined);
    expect(!r.ok && r.issues[0]?.message).toContain(
      "Is 11/12/2026 the 11th of December or the 12th of November?",
    );
  });

  it("refuses a file that mixes both orders unless told which to use", () => {
    const mixed = samples("25/03/2026", "x", "03/25/2026");
    expect(resolveDayMonthOrder(mixed, [0], undefined)).toEqual({
      ok: false,
      issues: [
        {
          code: "dates.mixed_order",
          message:
            'Some dates are day-first ("25/03/2026" on row 2) and some month-first ("03/25/2026" on row 4). Say which order the file uses; rows that don\'t fit will be listed.',
          hint: "--date-format dd/mm (25/03/2026 is 25 March) or --date-format mm/dd (03/25/2026)",
        },
      ],
    });
    expect(resolveDayMonthOrder(mixed, [0], "mm/dd")).toEqual({ ok: true, value: "mm/dd" });
  });
});

describe("leadingPair", () => {
  it.each([
    ["25/03/2026 09:00", 2503],
    [" 3.4.2026", 304],
    ["03-25-2026", 325],
    ["2026-03-25", -1],
    ["123/03/2026", -1],
    ["03/25/26", -1],
    ["03/25/20261", -1],
    ["/03/2026", -1],
  ])("%j → %d", (text, pair) => {
    expect(leadingPair(text)).toBe(pair);
  });
});

describe("placeholders and old years", () => {
  it("refuses placeholder dates with their kind, so each column can read its meaning", () => {
    expect(readDateCell("9999-12-31 23:59:59", UTC)).toEqual({
      ok: false,
      reason: '"9999-12-31 23:59:59" is a placeholder date (year 9999), not a real time',
      placeholder: "far-future",
    });
    expect(readDateCell("0000-00-00", UTC)).toEqual({
      ok: false,
      reason: '"0000-00-00" is a placeholder date (a zero date), not a real time',
      placeholder: "zero",
    });
    expect(readDateCell(new Date(0), UTC)).toEqual({
      ok: false,
      reason: '"1970-01-01T00:00:00.000Z" is a placeholder date (epoch zero), not a real time',
      placeholder: "epoch",
    });
  });

  it("reads years below 100 as written, not as 19xx (Date.UTC's two-digit rule)", () => {
    const read = readDateText("0050-06-01", UTC);
    expect(read.ok && new Date(read.ms).getUTCFullYear()).toBe(50);
    expect(readDateText("1985-03-02 09:00", UTC)).toEqual({ ok: true, ms: utc(1985, 3, 2, 9) });
  });
});
