import { describe, expect, it } from "vitest";
import { sessionsOfColumns } from "../../src/core/usage.js";
import { countDateOnly, countDateOnlyColumns } from "../../src/roster/date-only-sessions.js";
import { readRosterFileWith } from "../../src/roster/read-file.js";
import { csvBytes, utc } from "./fixtures.js";

const LOG = [
  "Agent Email,Login Time,Logout Time",
  "ann@x.com,2026-03-02 09:00,2026-03-02 10:00", // row 2
  "ann@x.com,2026-03-02 09:30,2026-03-02 11:00", // row 3: overlaps row 2
  "Bob@X.com,2026-03-02 09:00,", //                 row 4: no logout, closed at 09:30
  "cat@x.com,2026-03-03 00:00,2026-03-04 00:00", // row 5: midnight to midnight
  "ann@x.com,2026-03-02 09:00,2026-03-02 10:00", // row 6: repeats row 2
  "dan@x.com,2026-03-02 25:00,soon", //             row 7: two bad dates
].join("\n");

async function read(sessionObjects: boolean) {
  const r = await readRosterFileWith(
    csvBytes(LOG),
    "sessions.csv",
    {},
    { lines: true, sessionObjects },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe("a session log read as flat columns only", () => {
  it("gives no Session objects, the same columns, summary and row errors", async () => {
    const objects = await read(true);
    const columns = await read(false);
    expect(columns.sessions).toBeUndefined();
    expect(columns.sessionColumns).toEqual(objects.sessionColumns);
    expect(columns.summary).toEqual(objects.summary);
    expect(columns.rowErrors).toEqual(objects.rowErrors);
    expect(columns.notes).toEqual(objects.notes);
    // The columns turn back into exactly the objects the reader makes.
    const back = sessionsOfColumns(
      columns.sessionColumns ?? {
        users: new Int32Array(0),
        starts: new Float64Array(0),
        ends: new Float64Array(0),
        names: [],
      },
    );
    expect(back).toEqual(objects.sessions);
    // ann 09:00–11:00 (rows 2–3 merged), bob 09:00–09:30 at the timeout, cat a whole day.
    expect(back).toEqual([
      { user: "ann@x.com", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 11) },
      {
        user: "bob@x.com",
        start: utc(2026, 3, 2, 9),
        end: utc(2026, 3, 2, 9, 30),
        closedAtTimeout: true,
      },
      { user: "cat@x.com", start: utc(2026, 3, 3), end: utc(2026, 3, 4) },
    ]);
    expect(columns.summary.sessions).toBe(3);
  });

  it("counts date-only sessions the same from columns as from objects", async () => {
    const objects = await read(true);
    const columns = await read(false);
    const log = columns.sessionColumns;
    if (!log || !objects.sessions) throw new Error("no sessions");
    // cat's 00:00–00:00 is the one session with no time of day.
    expect(countDateOnlyColumns(log, "UTC")).toEqual({ sessions: 3, midnight: 1, zeroLength: 0 });
    expect(countDateOnlyColumns(log, "UTC")).toEqual(countDateOnly(objects.sessions, "UTC"));
    expect(countDateOnlyColumns(log, "Europe/Paris")).toEqual(
      countDateOnly(objects.sessions, "Europe/Paris"),
    );
  });
});
