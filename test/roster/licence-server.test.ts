import { describe, expect, it } from "vitest";
import { mapColumns } from "../../src/roster/columns.js";
import { detectKind } from "../../src/roster/detect-kind.js";
import { readRosterFile } from "../../src/roster/read-file.js";
import { exportBytes } from "./exports.js";
import { utc } from "./fixtures.js";

describe("licence-server session columns", () => {
  it.each([
    [["User", "Checked Out", "Checked In"]],
    [["User", "Checkout", "Checkin"]],
    [["User", "Check-out Time", "Check-in Time"]],
    [["user", "checked_out_at", "checked_in_at"]],
    [["User", "Checkout Date", "Returned"]],
  ])("%j is a session log: checkout is the login, checkin the logout", (headers) => {
    expect(detectKind("usage.csv", headers, {})).toEqual({
      ok: true,
      value: { kind: "sessions", columns: { user: 0, start: 1, end: 2 } },
    });
  });

  it("maps a checkout report with host and feature columns", () => {
    const headers = ["User", "Host", "Feature", "Checked Out", "Checked In"];
    expect(mapColumns(headers, "sessions", {})).toEqual({ user: 0, start: 3, end: 4 });
  });

  it("reads a licence checkout report as sessions", async () => {
    const r = await readRosterFile(exportBytes("licence-checkouts.csv"), "licence-checkouts.csv");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.kind).toBe("sessions");
    expect(r.value.mapping).toEqual([
      { field: "user", header: "User" },
      { field: "start", header: "Checked Out" },
      { field: "end", header: "Checked In" },
    ]);
    expect(r.value.sessions).toEqual([
      { user: "ann.lee", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 12, 30) },
      { user: "bo.chen", start: utc(2026, 3, 2, 10), end: utc(2026, 3, 2, 11, 15) },
      { user: "ann.lee", start: utc(2026, 3, 2, 13), end: utc(2026, 3, 2, 17) },
    ]);
    expect(r.value.summary).toMatchObject({ rows: 3, used: 3, skipped: 0, users: 2 });
    expect(r.value.rowErrors).toEqual([]);
  });
});
