/**
 * VPN session exports (issue 10, class 10): Cisco ASA / AnyConnect (ASDM's VPN Sessions export,
 * `show vpn-sessiondb` fields) and FortiGate VPN events (FortiAnalyzer's Log View CSV). Each
 * fixture's sessions and peak are worked out by hand in the comments. Also: user ids written with a
 * Windows domain (`CONTOSO\ann.lee`) beside a roster that writes them without.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { concurrencyCommand } from "../../src/commands/file-analysis/concurrency.js";
import { readDateText } from "../../src/roster/dates.js";
import { readDuration } from "../../src/roster/durations.js";
import { readRosterFile, readRosterFileWith } from "../../src/roster/read-file.js";
import { bareName, unknownUsersNote } from "../../src/roster/roster-match-hint.js";
import { gbp, tempDir } from "../commands/file-analysis/fixtures.js";
import { exportBytes } from "./exports.js";
import { csvBytes, utc } from "./fixtures.js";

async function readBoth(name: string, bytes = exportBytes(name), options = {}) {
  const a = await readRosterFileWith(bytes, name, options, { lines: true });
  const b = await readRosterFileWith(bytes, name, options, { lines: false });
  expect(a).toEqual(b);
  if (!a.ok) throw new Error(JSON.stringify(a.issues));
  return a.value;
}

async function peakOf(name: string): Promise<unknown> {
  const path = join(tempDir(), name);
  writeFileSync(path, exportBytes(name));
  const out = await concurrencyCommand.run(path, gbp);
  if (!out.ok) throw new Error(JSON.stringify(out));
  return (out.reply.data.concurrency as { peak: number }).peak;
}

const UTC = { order: undefined, timeZone: "UTC", date1904: false } as const;

describe("Cisco ASA / AnyConnect VPN sessions (ASDM export)", () => {
  const FILE = "cisco-asa-vpn-sessions.csv";

  it("reads Login Time (time, zone, weekday, date) plus Duration (1h:05m:12s) as sessions", async () => {
    const v = await readBoth(FILE);
    expect(v.kind).toBe("sessions");
    expect(v.mapping).toEqual([
      { field: "user", header: "Username" },
      { field: "start", header: "Login Time" },
      { field: "duration", header: "Duration" },
    ]);
    // ann 09:15:23 + 1h05m12s = 10:20:35; bo 09:40:00 + 30m = 10:10:00;
    // cy 10:05:10 + 2h = 12:05:10; dan 2 Mar 23:50 + 1 day 10 min = 4 Mar 00:00.
    expect(v.sessions).toEqual([
      { user: "dan.oak", start: utc(2026, 3, 2, 23, 50), end: utc(2026, 3, 4) },
      { user: "ann.lee", start: utc(2026, 3, 3, 9, 15, 23), end: utc(2026, 3, 3, 10, 20, 35) },
      { user: "bo.ray", start: utc(2026, 3, 3, 9, 40), end: utc(2026, 3, 3, 10, 10) },
      { user: "cy.dee", start: utc(2026, 3, 3, 10, 5, 10), end: utc(2026, 3, 3, 12, 5, 10) },
    ]);
    expect(v.summary).toMatchObject({ rows: 4, used: 4, skipped: 0, users: 4, sessions: 4 });
    // Durations carry their units: no "read as minutes" assumption.
    expect(v.notes.some((n) => n.includes("minutes"))).toBe(false);
  });

  it("peaks at 4 from 10:05:10 to 10:10:00 (dan, ann, bo and cy)", async () => {
    expect(await peakOf(FILE)).toBe(4);
  });

  it("reads Cisco's date and duration forms exactly", () => {
    expect(readDateText("09:15:23 UTC Tue Mar 3 2026", UTC)).toEqual({
      ok: true,
      ms: utc(2026, 3, 3, 9, 15, 23),
    });
    expect(readDateText("23:50:00 GMT Monday March 2 2026", UTC)).toEqual({
      ok: true,
      ms: utc(2026, 3, 2, 23, 50),
    });
    expect(readDuration("1h:05m:12s", undefined)).toEqual({ ok: true, ms: 3_912_000 });
    expect(readDuration("0h:00m:09s", undefined)).toEqual({ ok: true, ms: 9_000 });
    // 2 days 3 h = 51 h.
    expect(readDuration("2d 3h:00m:00s", undefined)).toEqual({ ok: true, ms: 51 * 3_600_000 });
    expect(readDuration("1h:75m:00s", undefined)).toEqual({
      ok: false,
      reason: '"1h:75m:00s" is not a duration',
    });
  });

  it("refuses a login time in a named zone other than UTC, never guessing its offset", async () => {
    const text =
      "Username,Login Time,Duration\nann.lee,09:15:23 EST Tue Mar 3 2026,1h:05m:12s\nbo.ray,09:40:00 UTC Tue Mar 3 2026,0h:30m:00s\n";
    const v = await readBoth("asa.csv", csvBytes(text));
    expect(v.rowErrors).toEqual([
      {
        row: 2,
        column: "Login Time",
        reason:
          '"09:15:23 EST Tue Mar 3 2026" is in the time zone "EST", which names no offset I can trust: set the ASA\'s clock to UTC, or export the times with an offset',
      },
    ]);
    expect(v.sessions).toEqual([
      { user: "bo.ray", start: utc(2026, 3, 3, 9, 40), end: utc(2026, 3, 3, 10, 10) },
    ]);
  });

  it("refuses a weekday that is not the date's (3 March 2026 is a Tuesday)", () => {
    expect(readDateText("09:15:23 UTC Wed Mar 3 2026", UTC)).toEqual({
      ok: false,
      reason: '"09:15:23 UTC Wed Mar 3 2026" is not a date: Wed is not that date\'s weekday',
    });
  });
});

describe("FortiGate VPN events (FortiAnalyzer Log View CSV)", () => {
  const FILE = "fortigate-vpn-events.csv";

  it("reads tunnel-up as a login and tunnel-down as a logout, and reports the failed login", async () => {
    const v = await readBoth(FILE);
    expect(v.kind).toBe("events");
    expect(v.notes).toEqual(
      expect.arrayContaining([
        'read as FortiGate VPN events: action "tunnel-up" is a login and "tunnel-down" a logout; duration (seconds up, on tunnel-down) not used, the two times give the length',
        'joined "date" with "time": fortigate-vpn-events.csv writes the date and the time of day in separate columns',
      ]),
    );
    // ann up 09:00:05, down 10:00:05; bo up 09:10, down 09:40; cy up 09:30, down 11:30.
    // bo's 09:02:11 ssl-login-fail is not a login.
    expect(v.sessions).toEqual([
      { user: "ann.lee", start: utc(2026, 3, 3, 9, 0, 5), end: utc(2026, 3, 3, 10, 0, 5) },
      { user: "bo.ray", start: utc(2026, 3, 3, 9, 10), end: utc(2026, 3, 3, 9, 40) },
      { user: "cy.dee", start: utc(2026, 3, 3, 9, 30), end: utc(2026, 3, 3, 11, 30) },
    ]);
    expect(v.rowErrors).toEqual([
      {
        row: 3,
        column: "action",
        reason: '"ssl-login-fail" is a failed or refused attempt, not a login or logout',
      },
    ]);
    expect(v.summary).toMatchObject({ rows: 7, used: 6, skipped: 1, users: 3, sessions: 3 });
  });

  it("peaks at 3 from 09:30 to 09:40 (ann, bo and cy)", async () => {
    expect(await peakOf(FILE)).toBe(3);
  });

  it("outside FortiOS's own columns, tunnel-up is not taken for a login", async () => {
    const text =
      "User,Time,Event\nann,2026-03-03 09:00,tunnel-up\nann,2026-03-03 10:00,tunnel-down\n";
    const r = await readRosterFile(csvBytes(text), "vpn.csv");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]?.code).toBe("file.no_usable_rows");
    expect(r.issues[0]?.message).toContain('row 2 "Event" "tunnel-up" is not a login or logout');
  });
});

describe("Palo Alto GlobalProtect logs (Monitor → Logs → GlobalProtect, CSV export)", () => {
  const FILE = "paloalto-globalprotect.csv";

  it("reads gateway-connected to gateway-logout as a session, and reports the other steps", async () => {
    const v = await readBoth(FILE);
    expect(v.kind).toBe("events");
    expect(v.mapping).toEqual([
      { field: "user", header: "Source User" },
      { field: "timestamp", header: "Generated Time" },
      { field: "event", header: "Event ID" },
      { field: "outcome", header: "Status" },
    ]);
    expect(v.notes).toContain(
      'read as Palo Alto GlobalProtect logs: "gateway-connected" is a login and "gateway-logout" a logout of "Source User", at "Generated Time"; the other events are steps of connecting, not logins; "Login Duration" not used, the two times give the length',
    );
    // ann connected 09:00:05, logged out 10:30:05 (Login Duration 5400 s agrees);
    // bo connected 09:10:00, logged out 09:45:00 (2100 s agrees).
    expect(v.sessions).toEqual([
      { user: "ann.lee", start: utc(2026, 3, 3, 9, 0, 5), end: utc(2026, 3, 3, 10, 30, 5) },
      { user: "bo.ray", start: utc(2026, 3, 3, 9, 10), end: utc(2026, 3, 3, 9, 45) },
    ]);
    expect(v.rowErrors).toEqual([
      { row: 2, column: "Event ID", reason: '"portal-auth" is not a login or logout' },
      { row: 4, column: "Event ID", reason: '"gateway-auth" is not a login or logout' },
    ]);
    expect(v.summary).toMatchObject({ rows: 6, used: 4, skipped: 2, users: 2, sessions: 2 });
  });

  it("peaks at 2 from 09:10 to 09:45 (ann and bo)", async () => {
    expect(await peakOf(FILE)).toBe(2);
  });
});

describe("user ids with a Windows domain beside a roster without it", () => {
  const LOG =
    "User,Login Time,Logout Time\nCONTOSO\\ann.lee,2026-03-02 09:00,2026-03-02 10:00\nCONTOSO\\bo.ray,2026-03-02 09:30,2026-03-02 11:00\nCONTOSO\\cy.dee,2026-03-02 10:00,2026-03-02 12:00\n";

  it("says the log writes DOMAIN\\name and the roster name@domain, and does not merge them", async () => {
    const known = new Set(["ann.lee@contoso.com", "bo.ray@contoso.com", "zed@contoso.com"]);
    const v = await readBoth("citrix.csv", csvBytes(LOG), { knownUsers: known });
    expect(v.notes).toContain(
      'none of the 3 users are in the roster, but 2 of them match a roster user by the name alone: the log writes CONTOSO\\name and the roster name@contoso.com. I have not matched them, since that could merge two people; export both files with the same id (e.g. the e-mail address). If the roster has a column holding the ids the log uses, name it with --roster-key "Column".',
    );
    // Not silently stripped: the users stay as written, all three counted as not in the roster.
    expect(v.sessions?.map((s) => s.user)).toEqual([
      "contoso\\ann.lee",
      "contoso\\bo.ray",
      "contoso\\cy.dee",
    ]);
    expect(v.summary.unknownUsers).toBe(3);
  });

  it("names a roster of bare names, and speaks when most (not all) users are missing", async () => {
    const known = new Set(["ann.lee", "bo.ray", "cy.dee"]);
    const mixed = `${LOG}cy.dee,2026-03-02 13:00,2026-03-02 14:00\n`;
    const v = await readBoth("citrix.csv", csvBytes(mixed), { knownUsers: known });
    // Four distinct keys: three CONTOSO\… not in the roster, cy.dee in it.
    expect(v.notes).toContain(
      '3 of the 4 users are not in the roster, but 3 of them match a roster user by the name alone: the log writes CONTOSO\\name and the roster a bare name. I have not matched them, since that could merge two people; export both files with the same id (e.g. the e-mail address). If the roster has a column holding the ids the log uses, name it with --roster-key "Column".',
    );
  });

  it("says nothing when most users are in the roster, and asks as before when none match", () => {
    expect(unknownUsersNote(["ann", "bo", "contoso\\cy"], new Set(["ann", "bo", "cy"]))).toBe(
      undefined,
    );
    expect(unknownUsersNote(["ann", "bo"], new Set(["zed"]))).toBe(
      'none of the 2 users are in the roster: do both files use the same key (e-mail or id)? If the roster has a column holding the ids the log uses, name it with --roster-key "Column".',
    );
    // Most missing but no name in common: the usual extra people in a log, no note.
    expect(unknownUsersNote(["ann", "bo", "cy"], new Set(["ann", "zed"]))).toBe(undefined);
  });

  it("takes the name from DOMAIN\\name and from name@domain", () => {
    expect(bareName("contoso\\ann.lee")).toBe("ann.lee");
    expect(bareName("ann.lee@contoso.com")).toBe("ann.lee");
    expect(bareName("ann.lee")).toBe("ann.lee");
  });
});
