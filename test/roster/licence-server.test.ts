import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { concurrencyCommand } from "../../src/commands/file-analysis/concurrency.js";
import { mapColumns } from "../../src/roster/columns.js";
import { detectKind } from "../../src/roster/detect-kind.js";
import { readRosterFile } from "../../src/roster/read-file.js";
import { gbp, tempDir } from "../commands/file-analysis/fixtures.js";
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

const LICENCE_NOTE =
  'read "OUT" as a licence checkout (a login) and "IN" as a licence checkin (a logout), as licence servers such as FlexLM and RLM write them';

describe("licence-server event logs: OUT is a checkout (login), IN a checkin (logout)", () => {
  it("reads a FlexLM report log the right way round, leaving out the DENIED request", async () => {
    const r = await readRosterFile(exportBytes("flexlm-report-log.csv"), "flexlm-report-log.csv");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.kind).toBe("events");
    expect(r.value.mapping).toEqual([
      { field: "user", header: "User" },
      { field: "timestamp", header: "Timestamp" },
      { field: "event", header: "Event" },
      { field: "device", header: "Host" },
      { field: "feature", header: "Feature" },
    ]);
    // Read the old way (IN a login), ann's 12:00 checkin opened a session and her 08:55 checkout
    // was "a logout with no login": the gaps between licences became sessions.
    expect(r.value.sessions).toEqual([
      { user: "ann.lee", start: utc(2026, 3, 2, 8, 55, 12), end: utc(2026, 3, 2, 12) },
      { user: "bo.chen", start: utc(2026, 3, 2, 9, 2, 40), end: utc(2026, 3, 2, 10, 30) },
      { user: "cy.diaz", start: utc(2026, 3, 2, 12, 5), end: utc(2026, 3, 2, 12, 45, 30) },
    ]);
    expect(r.value.rowErrors).toEqual([
      {
        row: 4,
        column: "Event",
        reason: '"DENIED" is a failed or refused attempt, not a login or logout',
      },
    ]);
    expect(r.value.summary).toMatchObject({
      rows: 7,
      used: 6,
      skipped: 1,
      users: 3,
      closedAtTimeout: 0,
      unpairedLogouts: 0,
    });
    expect(r.value.notes).toEqual([
      '1 row is a failed, refused or unconfirmed attempt ("DENIED"): left out, not counted as a login or logout',
      LICENCE_NOTE,
    ]);
  });

  it("reads an RLM report log, leaving out DENY, QUE and DEQUE", async () => {
    const r = await readRosterFile(exportBytes("rlm-events.csv"), "rlm-events.csv");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.mapping).toEqual([
      { field: "user", header: "user" },
      { field: "timestamp", header: "time" },
      { field: "event", header: "event" },
      { field: "device", header: "host" },
      { field: "feature", header: "product" },
    ]);
    expect(r.value.sessions).toEqual([
      { user: "ann.lee", start: utc(2026, 3, 3, 8), end: utc(2026, 3, 3, 11, 30) },
      { user: "bo.chen", start: utc(2026, 3, 3, 8, 30), end: utc(2026, 3, 3, 8, 45) },
      { user: "cy.diaz", start: utc(2026, 3, 3, 8, 45), end: utc(2026, 3, 3, 12, 15) },
    ]);
    expect(r.value.rowErrors).toEqual([
      {
        row: 4,
        column: "event",
        reason: '"DENY" is a failed or refused attempt, not a login or logout',
      },
      { row: 5, column: "event", reason: '"QUE" is a queued request, not a login or logout' },
      { row: 6, column: "event", reason: '"DEQUE" is a queued request, not a login or logout' },
    ]);
    expect(r.value.summary).toMatchObject({ rows: 9, used: 6, skipped: 3, users: 3 });
    expect(r.value.notes).toEqual([
      '3 rows are failed, refused or unconfirmed attempts ("DENY", "QUE", "DEQUE"): left out, not counted as logins or logouts',
      LICENCE_NOTE,
    ]);
  });

  it("pairs each feature's checkout with its own checkin, and says the features were counted together", async () => {
    const csv = [
      "Timestamp,Event,Feature,User,Host",
      "2026-03-02 09:00:00,OUT,halo_agent,ann.lee,WS-0101", //     row 2
      "2026-03-02 09:05:00,OUT,halo_reports,ann.lee,WS-0101", //   row 3
      "2026-03-02 10:00:00,IN,halo_agent,ann.lee,WS-0101", //      row 4
      "2026-03-02 11:00:00,IN,halo_reports,ann.lee,WS-0101", //    row 5
    ].join("\n");
    const r = await readRosterFile(new TextEncoder().encode(csv), "flexlm.csv");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // Paired by user and host alone, the 09:05 checkout cut the 09:00 one short, the 10:00 checkin
    // closed the wrong licence and the 11:00 one had "no login": ann was online 09:00–10:00.
    expect(r.value.sessions).toEqual([
      { user: "ann.lee", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 11) },
    ]);
    expect(r.value.summary).toMatchObject({
      closedAtTimeout: 0,
      unpairedLogouts: 0,
      overlapping: 1,
      merged: 1,
    });
    expect(r.value.notes).toEqual([
      '2 licence features in "Feature" (halo_agent, halo_reports): each paired on its own, and a person holding several at once counted once; send one feature\'s rows to count that feature alone',
      LICENCE_NOTE,
    ]);
  });

  it("says when a checkout's count is above 1: the count is not used, each person counts once", async () => {
    const csv = [
      "event,product,version,user,host,count,time",
      "OUT,halo_agent,1.0,ann.lee,ws-0101,2,2026-03-03 08:00:00", // row 2
      "IN,halo_agent,1.0,ann.lee,ws-0101,2,2026-03-03 09:00:00", //  row 3
      "OUT,halo_agent,1.0,bo.chen,ws-0102,1,2026-03-03 08:30:00",
      "IN,halo_agent,1.0,bo.chen,ws-0102,1,2026-03-03 08:45:00",
    ].join("\n");
    const r = await readRosterFile(new TextEncoder().encode(csv), "rlm.csv");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.sessions).toEqual([
      { user: "ann.lee", start: utc(2026, 3, 3, 8), end: utc(2026, 3, 3, 9) },
      { user: "bo.chen", start: utc(2026, 3, 3, 8, 30), end: utc(2026, 3, 3, 8, 45) },
    ]);
    expect(r.value.notes).toEqual([
      LICENCE_NOTE,
      '"count" is not used: 2 rows (rows 2, 3) give a count above 1, and each person online is counted once whatever the count',
    ]);
  });

  it("says the licence reading in the reply, with the peak it gives", async () => {
    const dir = tempDir();
    const path = join(dir, "flexlm-report-log.csv");
    writeFileSync(path, exportBytes("flexlm-report-log.csv"));
    const out = await concurrencyCommand.run(path, gbp);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    // ann 08:55–12:00 and bo 09:02–10:30 overlap; cy 12:05–12:45 is alone: a peak of 2.
    expect(out.reply.data.concurrency).toMatchObject({ peak: 2 });
    // The reader's notes lead the reply, with the assumptions of its read block.
    expect(out.reply.read?.assumed).toContain(`flexlm-report-log.csv: ${LICENCE_NOTE}.`);
    expect(out.reply.read?.assumed).toContain(
      'flexlm-report-log.csv: 1 row is a failed, refused or unconfirmed attempt ("DENIED"): left out, not counted as a login or logout.',
    );
  });
});
