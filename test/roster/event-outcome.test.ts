import { describe, expect, it } from "vitest";
import { detectKind } from "../../src/roster/detect-kind.js";
import { readOutcome } from "../../src/roster/event-outcome.js";
import { readRosterFile } from "../../src/roster/read-file.js";
import { exportBytes } from "./exports.js";
import { utc } from "./fixtures.js";

describe("readOutcome", () => {
  it.each([
    ["Success", "Result", "success"],
    ["Failure", "Result", "failure"],
    ["Unsuccessful", "Outcome", "failure"],
    ["SUCCESS", "outcome.result", "success"],
    ["FAILURE", "outcome.result", "failure"],
    ["Audit Success", "Keywords", "success"],
    ["Audit Failure", "Keywords", "failure"],
    ["SuccessAudit", "EntryType", "success"],
    ["FailureAudit", "EntryType", "failure"],
    ["false", "Success", "failure"],
    ["TRUE", "Success", "success"],
    ["Denied", "Status", "failure"],
    ["Interrupted", "Status", "other"],
    ["", "Result", undefined],
  ])("%s under %s → %s", (text, header, outcome) => {
    expect(readOutcome(text, header)).toBe(outcome);
  });
});

describe("an event log with a result column", () => {
  it("maps the result column as the outcome of an event log", () => {
    expect(detectKind("e.csv", ["Time", "User", "Action", "Result"], {})).toEqual({
      ok: true,
      value: { kind: "events", columns: { user: 1, timestamp: 0, event: 2, outcome: 3 } },
    });
  });

  it("leaves out a sign-in whose result is a failure, and says so", async () => {
    const r = await readRosterFile(exportBytes("sign-in-results.csv"), "sign-in-results.csv");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.mapping).toEqual([
      { field: "user", header: "User" },
      { field: "timestamp", header: "Time" },
      { field: "event", header: "Action" },
      { field: "outcome", header: "Result" },
    ]);
    // Read by the action alone, ann's failed 08:59 sign-in opened her session a minute early and
    // bo's two failures were sessions of their own (closed at his next sign-in).
    expect(r.value.sessions).toEqual([
      { user: "ann.lee", start: utc(2026, 3, 5, 9), end: utc(2026, 3, 5, 11) },
      { user: "bo.chen", start: utc(2026, 3, 5, 9, 30), end: utc(2026, 3, 5, 10) },
    ]);
    const failed = '"Sign-in" with "Failure" is a failed attempt, not a login or logout';
    expect(r.value.rowErrors).toEqual([
      { row: 2, column: "Result", reason: failed },
      { row: 4, column: "Result", reason: failed },
      { row: 5, column: "Result", reason: failed },
    ]);
    expect(r.value.summary).toMatchObject({ rows: 7, used: 4, skipped: 3, closedAtTimeout: 0 });
    expect(r.value.notes).toEqual([
      '3 rows are failed, refused or unconfirmed attempts ("Sign-in (Failure)"): left out, not counted as logins or logouts',
      '"Result" said "Interrupted" in 1 row, neither a success nor a failure: read by the event alone',
    ]);
  });
});
