/**
 * Event and session logs as real systems export them (issue 10, class 10, log side): Windows
 * Security events (Event Viewer's CSV, Get-WinEvent and Get-EventLog through Export-Csv), FreeRADIUS
 * radacct and the CERT insider-threat logon.csv. Each fixture's sessions and peak are worked out by
 * hand in the comments.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { concurrencyCommand } from "../../src/commands/file-analysis/concurrency.js";
import { readRosterFile, readRosterFileWith } from "../../src/roster/read-file.js";
import { gbp, tempDir } from "../commands/file-analysis/fixtures.js";
import { exportBytes } from "./exports.js";
import { csvBytes, utc } from "./fixtures.js";

async function read(name: string) {
  const r = await readRosterFile(exportBytes(name), name);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

async function peakOf(name: string): Promise<unknown> {
  const path = join(tempDir(), name);
  writeFileSync(path, exportBytes(name));
  const out = await concurrencyCommand.run(path, gbp);
  if (!out.ok) throw new Error(JSON.stringify(out));
  return (out.reply.data.concurrency as { peak: number }).peak;
}

const TYPE_3 =
  "Logon Type 3 (network) is not a person signing in: only types 2 (interactive), 10 (remote desktop) and 11 (cached interactive) are counted";
const PAIRED =
  "read as Windows Security events: 4624 logons paired with 4634 or 4647 logoffs of the same Logon ID; 4625 failed logons left out and reported";

describe("Windows Security events, Event Viewer's Save All Events As… CSV", () => {
  const FILE = "windows-event-viewer-security.csv";

  it("finds each person in the description, pairs by Logon ID and reports the rest", async () => {
    const v = await read(FILE);
    expect(v.kind).toBe("events");
    expect(v.mapping).toEqual([
      { field: "user", header: "Account Name" },
      { field: "timestamp", header: "Date and Time" },
      { field: "event", header: "Event ID" },
      { field: "device", header: "Logon ID" },
    ]);
    // Newest first, as Event Viewer saves. ann: 4624 type 2 at 08:58:02, her 4647 at 17:02:40
    // (the 4634 a second later repeats it); bo: 4625 at 09:10, then remote desktop 09:11:30–11:41:30;
    // cy: cached logon at 13:00 with no logoff, closed at the 30-minute timeout.
    expect(v.sessions).toEqual([
      { user: "ann.lee", start: utc(2026, 3, 13, 8, 58, 2), end: utc(2026, 3, 13, 17, 2, 40) },
      { user: "bo.chen", start: utc(2026, 3, 13, 9, 11, 30), end: utc(2026, 3, 13, 11, 41, 30) },
      {
        user: "cy.diaz",
        start: utc(2026, 3, 13, 13),
        end: utc(2026, 3, 13, 13, 30),
        closedAtTimeout: true,
      },
    ]);
    expect(v.rowErrors).toEqual([
      {
        row: 2,
        column: "Event ID",
        reason: "the logoff of row 3 (event 4647) written again by Windows: counted once",
      },
      { row: 6, column: "Description", reason: TYPE_3 },
      { row: 7, column: "Description", reason: TYPE_3 },
      {
        row: 9,
        column: "Event ID",
        reason: '"4625" is a failed or refused attempt, not a login or logout',
      },
      {
        row: 10,
        column: "Event ID",
        reason: "event 4672 (special privileges assigned to a new logon) is not a logon or logoff",
      },
      {
        row: 12,
        column: "Description",
        reason: '"DWM-1" is an account Windows itself uses, not a person',
      },
    ]);
    expect(v.notes).toEqual([
      `${PAIRED}; the account is the one logging on in "Description", without its domain`,
      "1 event is not a logon or logoff (4672 ×1): left out, listed in the skipped rows",
      "2 logons and logoffs are not a person signing in (type 3 network ×2): left out; only interactive (2), remote desktop (10) and cached interactive (11) logons are counted",
      "dates read as mm/dd/yyyy",
      '1 row is a failed, refused or unconfirmed attempt ("4625"): left out, not counted as a login or logout',
    ]);
    expect(v.summary).toMatchObject({ rows: 11, used: 5, skipped: 6, sessions: 3, users: 3 });
  });

  it("peaks at 2: ann with bo in the morning, ann with cy at 13:00", async () => {
    expect(await peakOf(FILE)).toBe(2);
  });
});

describe("Windows Security events through PowerShell's Export-Csv", () => {
  it("Get-WinEvent: skips the #TYPE line, reads Id and TimeCreated, leaves out network and computer logons", async () => {
    const v = await read("windows-get-winevent.csv");
    // dan: remote desktop 14:00–15:30 (his type 3 logon at 14:05 is a file share); eve: console
    // 14:30, 4647 at 16:00 (and its repeat 4634); SRV-DC01$ is a computer. Dates are en-GB.
    expect(v.sessions).toEqual([
      { user: "dan.evans", start: utc(2026, 3, 13, 14), end: utc(2026, 3, 13, 15, 30) },
      { user: "eve.ford", start: utc(2026, 3, 13, 14, 30), end: utc(2026, 3, 13, 16) },
    ]);
    expect(v.rowErrors).toEqual([
      {
        row: 3,
        column: "Id",
        reason: "the logoff of row 4 (event 4647) written again by Windows: counted once",
      },
      { row: 7, column: "Message", reason: TYPE_3 },
      { row: 8, column: "Message", reason: TYPE_3 },
      {
        row: 9,
        column: "Message",
        reason: '"SRV-DC01$" is a computer account (its name ends in $), not a person',
      },
    ]);
    expect(v.notes).toEqual([
      'row 1 "#TYPE System.Diagnostics.Eventing.Reader.EventLogRecord" is the type line PowerShell\'s Export-Csv writes, not a header: skipped',
      `${PAIRED}; the account is the one logging on in "Message", without its domain`,
      "2 logons and logoffs are not a person signing in (type 3 network ×2): left out; only interactive (2), remote desktop (10) and cached interactive (11) logons are counted",
      "dates read as dd/mm/yyyy",
    ]);
    // Header is row 2 (a spreadsheet shows the #TYPE line as row 1): 8 data rows, rows 3–10.
    expect(v.summary).toMatchObject({ rows: 8, used: 4, skipped: 4, sessions: 2, users: 2 });
    expect(await peakOf("windows-get-winevent.csv")).toBe(2);
  });

  it("Get-EventLog: the account from Message when UserName is empty, FailureAudit 4625 reported", async () => {
    const v = await read("windows-get-eventlog.csv");
    // fay 09:00–12:15; gus failed at 09:30, got in over remote desktop at 09:31, no logoff: closed
    // at the 30-minute timeout, 10:01.
    expect(v.sessions).toEqual([
      { user: "fay.grant", start: utc(2026, 3, 16, 9), end: utc(2026, 3, 16, 12, 15) },
      {
        user: "gus.hale",
        start: utc(2026, 3, 16, 9, 31),
        end: utc(2026, 3, 16, 10, 1),
        closedAtTimeout: true,
      },
    ]);
    expect(v.mapping.map((m) => m.header)).toEqual([
      "Account Name",
      "TimeGenerated",
      "EventID",
      "Logon ID",
    ]);
    expect(v.rowErrors).toEqual([
      {
        row: 4,
        column: "EventID",
        reason: '"4625" is a failed or refused attempt, not a login or logout',
      },
    ]);
    expect(v.notes[0]).toBe(
      'row 1 "#TYPE System.Diagnostics.EventLogEntry#Security/Microsoft-Windows-Security-Auditing/4624" is the type line PowerShell\'s Export-Csv writes, not a header: skipped',
    );
    expect(await peakOf("windows-get-eventlog.csv")).toBe(2);
  });

  it("a TargetUserName column with no Logon Type: paired by account, and the reply says types can't be told", async () => {
    const r = await readRosterFile(
      csvBytes(
        [
          "TimeCreated,Id,TargetUserName",
          "2026-03-13 09:00:00,4624,ann.lee",
          "2026-03-13 09:00:00,4624,-",
          "2026-03-13 10:00:00,4634,ann.lee",
        ].join("\n"),
      ),
      "logons.csv",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.sessions).toEqual([
      { user: "ann.lee", start: utc(2026, 3, 13, 9), end: utc(2026, 3, 13, 10) },
    ]);
    expect(r.value.rowErrors).toEqual([
      {
        row: 3,
        column: "TargetUserName",
        reason: "no Account Name in event 4624: whose logon it is can't be told",
      },
    ]);
    expect(r.value.notes).toEqual([
      "read as Windows Security events: 4624 logons paired with 4634 or 4647 logoffs of the same account; 4625 failed logons left out and reported",
      "logons.csv gives no Logon Type: every 4624 is counted as a person signing in (network and service logons, types 3 and 5, cannot be told apart)",
    ]);
  });

  it("with --map the file's own columns are read, not the Windows rewrite", async () => {
    const r = await readRosterFile(
      csvBytes(
        "TimeCreated,Id,TargetUserName\n2026-03-13 09:00:00,4624,ann\n2026-03-13 10:00:00,4634,ann\n",
      ),
      "logons.csv",
      { mapOverrides: { event: "Id" } },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.mapping).toEqual([
      { field: "user", header: "TargetUserName" },
      { field: "timestamp", header: "TimeCreated" },
      { field: "event", header: "Id" },
    ]);
    expect(r.value.sessions).toEqual([
      { user: "ann", start: utc(2026, 3, 13, 9), end: utc(2026, 3, 13, 10) },
    ]);
    expect(r.value.notes).toEqual([]);
  });

  it("reads the old (Windows 2003) message: User Name and a Logon ID pair", async () => {
    const msg = (first: string, type: string) =>
      `"${first}\n\n\tUser Name:\tann.lee\n\tDomain:\t\tCONTOSO\n\tLogon ID:\t\t(0x0,0x3E7A1)\n\tLogon Type:\t${type}"`;
    const r = await readRosterFile(
      csvBytes(
        [
          "EventID,TimeGenerated,Message",
          `528,2026-03-13 09:00:00,${msg("Successful Logon:", "2")}`,
          `538,2026-03-13 11:00:00,${msg("User Logoff:", "2")}`,
          `540,2026-03-13 09:30:00,${msg("Successful Network Logon:", "3")}`,
        ].join("\n"),
      ),
      "security-2003.csv",
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.sessions).toEqual([
      { user: "ann.lee", start: utc(2026, 3, 13, 9), end: utc(2026, 3, 13, 11) },
    ]);
    expect(r.value.rowErrors.map((e) => [e.row, e.reason])).toEqual([[4, TYPE_3]]);
  });

  it("a file whose only events are of other kinds is refused with the first reasons", async () => {
    const r = await readRosterFile(
      csvBytes("Id,TimeCreated,Message\n4672,2026-03-13 09:00:00,x\n4624,2026-03-13 09:00:00,y\n"),
      "privileges.csv",
    );
    expect(!r.ok && r.issues[0]?.message).toBe(
      'None of the 2 rows of privileges.csv could be used. First problems: row 2 "Id" event 4672 (special privileges assigned to a new logon) is not a logon or logoff; row 3 "Message" no Account Name in event 4624: whose logon it is can\'t be told.',
    );
  });
});

describe("FreeRADIUS radacct", () => {
  const FILE = "freeradius-radacct.csv";

  it("reads a NULL stop as still open: to the last interim update, or the timeout without one", async () => {
    const v = await read(FILE);
    expect(v.kind).toBe("sessions");
    expect(v.mapping).toEqual([
      { field: "user", header: "username" },
      { field: "start", header: "acctstarttime" },
      { field: "end", header: "acctstoptime" },
    ]);
    // ann 08:00–12:00 (stopped); bo 09:00, NULL stop, last interim update 10:30; dan 09:30–10:05;
    // cy 10:00, NULL stop, update time = start (no interim update): 10:00–10:30 at the timeout;
    // ann on 3 Mar, empty stop and update: 08:15–08:45. acctsessiontime (seconds) is not read as
    // minutes: ann's 14400 would otherwise be ten days.
    expect(v.sessions).toEqual([
      { user: "ann.lee", start: utc(2026, 3, 2, 8), end: utc(2026, 3, 2, 12) },
      { user: "bo.chen", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 10, 30) },
      { user: "dan.evans", start: utc(2026, 3, 2, 9, 30), end: utc(2026, 3, 2, 10, 5) },
      {
        user: "cy.diaz",
        start: utc(2026, 3, 2, 10),
        end: utc(2026, 3, 2, 10, 30),
        closedAtTimeout: true,
      },
      {
        user: "ann.lee",
        start: utc(2026, 3, 3, 8, 15),
        end: utc(2026, 3, 3, 8, 45),
        closedAtTimeout: true,
      },
    ]);
    expect(v.rowErrors).toEqual([]);
    expect(v.notes).toEqual([
      "read as FreeRADIUS accounting (radacct): each row one session from acctstarttime to acctstoptime; acctsessiontime (seconds) not used, the two times give the length",
      "1 session was still open when the table was exported (acctstoptime empty or NULL): read as ending at the last interim update (acctupdatetime), the latest time known online (row 3)",
      "2 sessions were still open with no interim update (acctstoptime empty or NULL): closed at the session timeout (rows 4, 6)",
    ]);
    expect(v.summary).toMatchObject({
      rows: 5,
      used: 5,
      sessions: 5,
      users: 4,
      closedAtTimeout: 2,
    });
  });

  it("peaks at 4 from 10:00 to 10:05 (ann, bo, dan and cy)", async () => {
    expect(await peakOf(FILE)).toBe(4);
  });

  it("reads MySQL's old 0000-00-00 stop time like NULL", async () => {
    const r = await readRosterFile(
      csvBytes(
        "username,acctstarttime,acctupdatetime,acctstoptime\nann,2026-03-02 08:00:00,2026-03-02 09:10:00,0000-00-00 00:00:00\n",
      ),
      "radacct.csv",
    );
    expect(r.ok && r.value.sessions).toEqual([
      { user: "ann", start: utc(2026, 3, 2, 8), end: utc(2026, 3, 2, 9, 10) },
    ]);
  });
});

describe("CERT insider-threat logon.csv", () => {
  it("is an event log paired per user and PC, month-first proven by 01/13/2010", async () => {
    const v = await read("cert-logon.csv");
    expect(v.kind).toBe("events");
    expect(v.notes).toEqual(["dates read as mm/dd/yyyy"]);
    // HSB0196 07:12:46–17:30:05 on PC-8001 and 12:30–13:05 on PC-3324 overlap: one person, one
    // session. LRR0148's 08:02 login has no logoff before the 09:00 one: closed at 08:32.
    expect(v.sessions).toEqual([
      { user: "dtaa/hsb0196", start: utc(2010, 1, 4, 7, 12, 46), end: utc(2010, 1, 4, 17, 30, 5) },
      { user: "dtaa/moh0273", start: utc(2010, 1, 4, 7, 59), end: utc(2010, 1, 4, 16, 48, 10) },
      {
        user: "dtaa/lrr0148",
        start: utc(2010, 1, 13, 8, 2),
        end: utc(2010, 1, 13, 8, 32),
        closedAtTimeout: true,
      },
      { user: "dtaa/lrr0148", start: utc(2010, 1, 13, 9), end: utc(2010, 1, 13, 10, 15) },
    ]);
    expect(v.summary).toMatchObject({ rows: 9, used: 9, overlapping: 1, merged: 1, users: 3 });
    expect(await peakOf("cert-logon.csv")).toBe(2);
  });
});

describe("PowerShell's #TYPE first line", () => {
  it("is skipped on both CSV paths, keeps spreadsheet row numbers and sets the delimiter by the header", async () => {
    const text =
      "#TYPE System.Management.Automation.PSCustomObject\r\nUser;Login;Logout\r\nann;2026-03-02 09:00;2026-03-02 10:00\r\nbo;2026-03-02 09:30;nope\r\n";
    for (const lines of [true, false]) {
      const r = await readRosterFileWith(csvBytes(text), "sessions.csv", {}, { lines });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.sessions).toEqual([
        { user: "ann", start: utc(2026, 3, 2, 9), end: utc(2026, 3, 2, 10) },
      ]);
      expect(r.value.rowErrors).toEqual([
        { row: 4, column: "Logout", reason: '"nope" is not a date' },
      ]);
      expect(r.value.notes).toEqual([
        'row 1 "#TYPE System.Management.Automation.PSCustomObject" is the type line PowerShell\'s Export-Csv writes, not a header: skipped',
        "semicolon-separated",
      ]);
    }
  });
});

describe("Citrix Director's Sessions export", () => {
  it("reads User Name, Logon Time and Logoff Time; an active session with no logoff ends after its duration so far", async () => {
    const v = await read("citrix-director-sessions.csv");
    expect(v.kind).toBe("sessions");
    expect(v.mapping.map((m) => [m.field, m.header])).toEqual([
      ["user", "User Name"],
      ["start", "Logon Time"],
      ["end", "Logoff Time"],
      ["duration", "Session Duration"],
    ]);
    // bo is still Active: no Logoff Time, 03:00:00 so far from 09:30. 16 Mar peaks at 2 (ann
    // 08:55:12–17:05:40 with bo 09:30–12:30, then with cy 13:15–14:45).
    expect(v.sessions).toEqual([
      {
        user: "contoso\\ann.lee",
        start: utc(2026, 3, 16, 8, 55, 12),
        end: utc(2026, 3, 16, 17, 5, 40),
      },
      { user: "contoso\\bo.chen", start: utc(2026, 3, 16, 9, 30), end: utc(2026, 3, 16, 12, 30) },
      { user: "contoso\\cy.diaz", start: utc(2026, 3, 16, 13, 15), end: utc(2026, 3, 16, 14, 45) },
      { user: "contoso\\ann.lee", start: utc(2026, 3, 17, 9), end: utc(2026, 3, 17, 12) },
    ]);
    expect(v.rowErrors).toEqual([]);
    // "Session Duration" names no unit, but "03:00:00" says its own: no minutes assumed.
    expect(v.notes).toEqual(["dates read as mm/dd/yyyy"]);
    expect(await peakOf("citrix-director-sessions.csv")).toBe(2);
  });
});

describe("RADIUS acctsessiontime is seconds", () => {
  it("is read as seconds when it is the duration (no stop column): 5400 s is 90 minutes", async () => {
    const r = await readRosterFile(
      csvBytes("username,acctstarttime,acctsessiontime\nann,2026-03-02 08:00:00,5400\n"),
      "radacct.csv",
      { mapOverrides: { duration: "acctsessiontime" } },
    );
    expect(r.ok && r.value.sessions).toEqual([
      { user: "ann", start: utc(2026, 3, 2, 8), end: utc(2026, 3, 2, 9, 30) },
    ]);
    expect(r.ok && r.value.notes).toEqual([]);
  });

  it("an open session's 0 seconds is not a zero-length session, even mapped as the duration", async () => {
    const r = await readRosterFile(
      csvBytes(
        "username,acctstarttime,acctupdatetime,acctstoptime,acctsessiontime\nann,2026-03-02 08:00:00,2026-03-02 08:00:00,NULL,0\n",
      ),
      "radacct.csv",
      { mapOverrides: { duration: "acctsessiontime" } },
    );
    expect(r.ok && r.value.sessions).toEqual([
      {
        user: "ann",
        start: utc(2026, 3, 2, 8),
        end: utc(2026, 3, 2, 8, 30),
        closedAtTimeout: true,
      },
    ]);
  });
});

/** The data records of a fixture (the header and any #TYPE line apart), so they can be shuffled. */
function records(text: string, startsRecord: RegExp): { head: string; rows: string[] } {
  const parts = text.split(startsRecord);
  return { head: parts[0] as string, rows: parts.slice(1) };
}

describe("property: shuffling rows, changing the delimiter or the encoding never changes a figure", () => {
  const cases: [string, RegExp, number][] = [
    ["windows-event-viewer-security.csv", /\r\n(?=Audit )/, 11],
    ["windows-get-eventlog.csv", /\r\n(?="4\d{3}",)/, 4],
    ["freeradius-radacct.csv", /\n(?=\d)/, 5],
    ["cert-logon.csv", /\r\n(?=\{)/, 9],
  ];
  for (const [name, startsRecord, count] of cases) {
    it(name, async () => {
      const text = new TextDecoder().decode(exportBytes(name)).replace(/\s+$/, "");
      const { head, rows } = records(text, startsRecord);
      expect(rows).toHaveLength(count);
      const eol = head.includes("\r\n") ? "\r\n" : "\n";
      const want = await readRosterFile(exportBytes(name), name);
      expect(want.ok).toBe(true);
      if (!want.ok) return;
      await fc.assert(
        fc.asyncProperty(
          fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
          fc.boolean(),
          async (shuffled, utf16) => {
            const body = [head, ...shuffled].join(eol) + eol;
            const bytes = utf16
              ? new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(body, "utf16le"))])
              : new TextEncoder().encode(body);
            const got = await readRosterFile(bytes, name);
            // Sessions come sorted by start, so only row numbers in the issues may move.
            expect(got.ok && sortSessions(got.value.sessions)).toEqual(
              sortSessions(want.value.sessions),
            );
            expect(got.ok && got.value.summary).toEqual(want.value.summary);
          },
        ),
        { numRuns: 15 },
      );
    });
  }

  it("a semicolon-separated radacct gives the same figures", async () => {
    const text = new TextDecoder().decode(exportBytes("freeradius-radacct.csv"));
    const want = await readRosterFile(exportBytes("freeradius-radacct.csv"), "r.csv");
    const got = await readRosterFile(csvBytes(text.replaceAll(",", ";")), "r.csv");
    expect(want.ok && got.ok).toBe(true);
    if (!want.ok || !got.ok) return;
    expect(got.value.sessions).toEqual(want.value.sessions);
    expect(got.value.summary).toEqual(want.value.summary);
  });
});

function sortSessions<T extends { user: string; start: number }>(s: readonly T[] | undefined): T[] {
  return [...(s ?? [])].sort((a, b) => a.start - b.start || a.user.localeCompare(b.user));
}
