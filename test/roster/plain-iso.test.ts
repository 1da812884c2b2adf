import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DateContext, readDateText } from "../../src/roster/dates.js";

const utc: DateContext = { order: undefined, timeZone: "UTC", date1904: false };
const london: DateContext = { order: undefined, timeZone: "Europe/London", date1904: false };
const two = (n: number) => String(n).padStart(2, "0");

/*
 * Plain ISO timestamps (yyyy-mm-ddThh:mm[:ss][Z]) are read by a fast path without the regular
 * expression. A leading space makes the same text miss the fast path (it only takes text with
 * nothing around it) and go through the general ISO pattern after trimming, so the two readings
 * of every such text, valid or not, must be identical.
 */
describe("plain ISO timestamps: the fast path reads exactly what the general pattern reads", () => {
  it("agrees on hand-picked values, invalid ones included", () => {
    const cases: [string, number | string][] = [
      ["2026-03-02T09:30:00Z", Date.UTC(2026, 2, 2, 9, 30, 0)],
      ["2026-03-02 09:30", Date.UTC(2026, 2, 2, 9, 30)],
      ["2024-02-29T23:59:59Z", Date.UTC(2024, 1, 29, 23, 59, 59)],
      ["2026-02-29T09:00:00Z", '"2026-02-29T09:00:00Z" is not a date'],
      ["2026-13-01T09:00Z", '"2026-13-01T09:00Z" is not a date'],
      ["2026-03-02T24:00:00", '"2026-03-02T24:00:00" is not a date'],
    ];
    for (const [text, want] of cases) {
      const read = readDateText(text, utc);
      expect(read).toEqual(
        typeof want === "number" ? { ok: true, ms: want } : { ok: false, reason: want },
      );
      expect(readDateText(` ${text}`, utc)).toEqual(read);
    }
    // No zone: wall-clock time in the chosen zone (BST on 1 Jul: 10:00 is 09:00 UTC).
    expect(readDateText("2026-07-01T10:00:00", london)).toEqual({
      ok: true,
      ms: Date.UTC(2026, 6, 1, 9),
    });
  });

  it("agrees on any digits in the plain shapes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.option(fc.integer({ min: 0, max: 99 })),
        fc.constantFrom("T", " "),
        fc.boolean(),
        fc.boolean(),
        (y, mo, d, h, mi, s, sep, zoned, inLondon) => {
          const text = `${String(y).padStart(4, "0")}-${two(mo)}-${two(d)}${sep}${two(h)}:${two(mi)}${s === null ? "" : `:${two(s)}`}${zoned ? "Z" : ""}`;
          const ctx = inLondon ? london : utc;
          expect(readDateText(text, ctx)).toEqual(readDateText(` ${text}`, ctx));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
