import { describe, expect, it } from "vitest";
import {
  parseAsOf,
  parseFileCommand,
  parseHeadroom,
  parseTimeout,
  parseUserList,
} from "../../../src/commands/file-analysis/request.js";
import { toDecimalString } from "../../../src/core/ratio.js";

const USAGE = "split PATH --named 70 --concurrent 140";

describe("file command options", () => {
  it("reads every shared option", () => {
    const r = parseFileCommand(
      'sessions.csv --named £70 --concurrent-rate=1680/yr --headroom 10% --force-named A@x.com,b@y.com --timeout 1.5h --count sessions --date-format DD/MM --tz Europe/London --map start="Login Time" --map end=Logout,user=Email --sheet Agents --time-limit 5 --roster roster.csv',
      USAGE,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { path, rosterPath, request } = r.value;
    expect(path).toBe("sessions.csv");
    expect(rosterPath).toBe("roster.csv");
    expect(request.named?.sign).toBe("£");
    expect(request.concurrent?.period).toBe("year");
    expect(toDecimalString(request.headroom?.percent ?? { num: 0n, den: 1n })).toBe("0.1");
    expect([...(request.forceNamed ?? [])]).toEqual(["a@x.com", "b@y.com"]);
    expect(request.read).toEqual({
      mapOverrides: { start: "Login Time", end: "Logout", user: "Email" },
      dateFormat: "dd/mm",
      timeZone: "Europe/London",
      sessionTimeoutMinutes: 90,
      countSessions: true,
      sheet: "Agents",
    });
    expect(request.timeLimitSeconds).toBe(5);
  });

  it("takes a bare currency code and a quoted path with spaces", () => {
    const r = parseFileCommand('"Agent sessions.csv" --named 70 --concurrent 140 EUR', USAGE);
    expect(r.ok && r.value.path).toBe("Agent sessions.csv");
    expect(r.ok && r.value.request.currencyCodes).toEqual(["EUR"]);
  });

  it("reads headroom as a share or as seats", () => {
    expect(parseHeadroom("+5")).toEqual({ ok: true, value: { seats: 5 } });
    expect(parseHeadroom("5")).toEqual({ ok: true, value: { seats: 5 } });
    expect(parseHeadroom("-5%").ok).toBe(false);
  });

  it("reads timeouts in minutes or hours", () => {
    expect(parseTimeout("30m")).toEqual({ ok: true, value: 30 });
    expect(parseTimeout("45")).toEqual({ ok: true, value: 45 });
    expect(parseTimeout("2h")).toEqual({ ok: true, value: 120 });
    expect(parseTimeout("soon")).toEqual({
      ok: false,
      issues: [
        {
          code: "options.timeout",
          message: '--timeout "soon" is not a length of time',
          hint: "--timeout 30m (a login with no logout ends 30 minutes later) or --timeout 2h",
        },
      ],
    });
  });

  it("rejects a bad user list entry, an impossible --as-of date and a bad --map", () => {
    expect(parseUserList("a@x.com,,b@x.com", "--force-concurrent").ok).toBe(false);
    expect(parseUserList("jo smith", "--force-named")).toMatchObject({
      ok: false,
      issues: [{ message: '--force-named entry "jo smith" is not a user e-mail or id' }],
    });
    expect(parseAsOf("2026-10-01")).toEqual({ ok: true, value: Date.UTC(2026, 9, 1) });
    expect(parseAsOf("2026-02-30")).toEqual({
      ok: false,
      issues: [
        {
          code: "options.as_of",
          message: '--as-of "2026-02-30" is not a date',
          hint: "--as-of 2026-10-01 (year-month-day), or --as-of today",
        },
      ],
    });
    const map = parseFileCommand('s.csv --map "Login Time"', USAGE);
    expect(map).toMatchObject({
      ok: false,
      issues: [{ code: "options.map", message: '--map "Login Time" is not field="Column name"' }],
    });
  });

  it("rejects --count other than sessions or users", () => {
    expect(parseFileCommand("s.csv --count logins", USAGE)).toMatchObject({
      ok: false,
      issues: [{ code: "options.count", message: '--count "logins" is not sessions or users' }],
    });
  });
});
