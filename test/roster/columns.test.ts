import { describe, expect, it } from "vitest";
import { mapColumns, normaliseHeader, resolveOverrides } from "../../src/roster/columns.js";
import { detectKind } from "../../src/roster/detect-kind.js";

describe("normaliseHeader", () => {
  it("ignores case, spacing and punctuation", () => {
    expect(normaliseHeader(" E-mail Address ")).toBe("emailaddress");
    expect(normaliseHeader("Duration (mins)")).toBe("durationmins");
    expect(normaliseHeader("last_login_at")).toBe("lastloginat");
  });
});

describe("mapColumns", () => {
  it("maps a HaloITSM-style session export", () => {
    const headers = ["Agent Name", "Agent Email", "Login Time", "Logout Time"];
    // The e-mail is preferred to the name as the user key.
    expect(mapColumns(headers, "sessions", {})).toEqual({ user: 1, start: 2, end: 3 });
  });

  it("maps durations whatever the unit in the header", () => {
    expect(mapColumns(["user", "start", "Duration (mins)"], "sessions", {})).toEqual({
      user: 0,
      start: 1,
      duration: 2,
    });
    expect(mapColumns(["user", "start", "Minutes"], "sessions", {}).duration).toBe(2);
  });

  it("maps the insider-threat logon.csv, where id is the event id and user is the user", () => {
    expect(mapColumns(["id", "date", "user", "pc", "activity"], "events", {})).toEqual({
      user: 2,
      timestamp: 1,
      event: 4,
      device: 3,
    });
  });

  it("maps a roster; a header serves one field only", () => {
    const headers = [
      "E-mail Address",
      "Agent Name",
      "Department",
      "Job Title",
      "Account Status",
      "Licence Type",
      "Last Login",
      "Created On",
      "Tickets Worked",
      "VIP",
    ];
    expect(mapColumns(headers, "roster", {})).toEqual({
      user: 0,
      name: 1,
      group: 2,
      role: 3,
      status: 4,
      licence: 5,
      lastLogin: 6,
      created: 7,
      activity: 8,
      vip: 9,
    });
    // With only a name column, the name is the user key and isn't reused as the name.
    expect(mapColumns(["Agent Name", "Status"], "roster", {})).toEqual({ user: 0, status: 1 });
  });

  it("lets overrides win", () => {
    const headers = ["Who", "Login Time", "Began"];
    const o = resolveOverrides(headers, { user: "who", start: "Began" });
    expect(o).toEqual({ ok: true, value: { user: 0, start: 2 } });
    if (!o.ok) return;
    expect(mapColumns(headers, "sessions", o.value)).toEqual({ user: 0, start: 2 });
  });
});

describe("resolveOverrides", () => {
  it("names the columns found when an override names none of them", () => {
    expect(resolveOverrides(["Agent", "Login"], { start: "Login Time" })).toEqual({
      ok: false,
      issues: [
        {
          code: "map.unknown_column",
          message:
            '--map start="Login Time" names no column in the file. Columns found: "Agent", "Login".',
          hint: '--map start="<one of the columns above>"',
        },
      ],
    });
  });

  it("lists the fields when an override names an unknown one", () => {
    const r = resolveOverrides(["Agent"], { begin: "Agent" });
    expect(!r.ok && r.issues[0]).toEqual({
      code: "map.unknown_field",
      message:
        "--map begin= is not a field I read. Fields: user, name, group, role, status, licence, lastLogin, created, activity, vip, start, end, duration, timestamp, event, device, outcome, feature.",
      hint: '--map start="Login Time"',
    });
  });
});

describe("detectKind", () => {
  it.each([
    [["Agent Email", "Login Time", "Logout Time"], "sessions"],
    [["user", "start", "duration"], "sessions"],
    [["id", "date", "user", "pc", "activity"], "events"],
    [["Email", "Status", "Activity", "Last Login"], "roster"],
    [["Email"], "roster"],
  ])("%j is a %s file", (headers, kind) => {
    const r = detectKind("f.csv", headers, {});
    expect(r.ok && r.value.kind).toBe(kind);
  });

  it("names the missing columns and the columns found", () => {
    expect(detectKind("sessions.csv", ["Agent", "Login Time"], {})).toEqual({
      ok: false,
      issues: [
        {
          code: "file.missing_column",
          message:
            'sessions.csv looks like a session log but has no column for the logout time or duration. Columns found: "Agent", "Login Time".',
          hint: '--map end="Column name" or --map duration="Column name"',
        },
      ],
    });
    const r = detectKind("s.csv", ["Login Time", "Logout Time"], {});
    expect(!r.ok && r.issues.map((i) => i.message)).toEqual([
      's.csv looks like a session log but has no column for the user (e-mail or id). Columns found: "Login Time", "Logout Time".',
    ]);
    const e = detectKind("logon.csv", ["id", "date", "activity"], {});
    expect(!e.ok && e.issues.map((i) => i.message)).toEqual([
      'logon.csv looks like an event log but has no column for the user (e-mail or id). Columns found: "id", "date", "activity".',
    ]);
  });

  it("says when the first row is data, not a header", () => {
    expect(
      detectKind("s.csv", ["ann@example.com", "2026-03-05 09:00", "2026-03-05 10:00"], {}),
    ).toEqual({
      ok: false,
      issues: [
        {
          code: "file.no_header",
          message: "The first row of s.csv looks like data, not column names.",
          hint: 'Add a header row first, e.g. "Agent Email,Login Time,Logout Time" for a session log',
        },
      ],
    });
  });

  it("says when it can't tell what the file holds", () => {
    const r = detectKind("s.csv", ["Foo", "Bar", ""], {});
    expect(!r.ok && r.issues[0]).toEqual({
      code: "file.unrecognised",
      message:
        'I couldn\'t tell what s.csv holds: no column for the user (e-mail or id), login time or event. Columns found: "Foo", "Bar".',
      hint: '--map user="Agent Email" --map start="Login Time" --map end="Logout Time"',
    });
  });

  it("follows the kind the overrides imply, and refuses a mix", () => {
    const r = detectKind("s.csv", ["Who", "A", "B"], { user: 0, start: 1, end: 2 });
    expect(r).toEqual({
      ok: true,
      value: { kind: "sessions", columns: { user: 0, start: 1, end: 2 } },
    });
    const mixed = detectKind("s.csv", ["Who", "A", "B"], { start: 1, status: 2 });
    expect(!mixed.ok && mixed.issues[0]?.message).toBe(
      "The --map fields belong to different kinds of file (a session log and a roster).",
    );
  });
});
