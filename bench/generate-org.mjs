#!/usr/bin/env node
// A seeded generator of realistic organisations' session logs, shared by the benchmarks
// (bench/split.mjs, bench/file-analysis.mjs, bench/targets.mjs). Any size; the same seed gives the
// same file. As a command it writes CSV:
//
//   node bench/generate-org.mjs --users 500 [--days 30] [--seed 20260302] [--rows N] [--out FILE]
//
// (--rows stops at exactly N session rows, for a file of a given size; without --out the CSV goes
// to stdout.) Columns: "Agent Email,Login Time,Logout Time", ISO 8601 UTC to the minute, rows in
// login order as a service desk exports them; a missing logout is an empty cell.
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Monday 2 March 2026: the default first day. */
export const DEFAULT_START = Date.UTC(2026, 2, 2);

/** mulberry32: small, fast, seeded. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The mix, in the order users are numbered (shares of the head count). */
export const MIX = [
  { role: "agent", share: 0.2 },
  { role: "lead", share: 0.06 },
  { role: "hr", share: 0.22 },
  { role: "finance", share: 0.18 },
  { role: "facilities", share: 0.25 },
  { role: "all-staff", share: 0.09 },
];

export const DESCRIPTION =
  "20% service-desk agents on early (06:00), day (09:00, twice as common) and late (14:00) shifts, " +
  "two sessions a day around a staggered 30–60 minute lunch (the lunch dip), a fifth of them also " +
  "on weekends with a weekday off, 10% of days absent; 6% leads and managers in 1–3 sessions a " +
  "weekday; 22% HR users (2–8 short visits a month), 18% finance (1–5 visits, more on Mondays, " +
  "plus month-end close in the last three weekdays), 25% facilities (1–5 morning visits); 9% rare " +
  "all-staff users (one visit in the month, half of them on an all-staff Wednesday); 2% of logouts " +
  "missing (closed at the 30-minute timeout) and 2% of agents' days with a second, overlapping " +
  "session (merged).";

/**
 * Roles are interleaved (a low-discrepancy sequence over the shares), so any prefix of the users —
 * a file cut at --rows — keeps the mix.
 */
function roleOf(i) {
  const x = (i * 0.6180339887498949) % 1;
  let edge = 0;
  for (const m of MIX) {
    edge += m.share;
    if (x < edge) return m.role;
  }
  return MIX[MIX.length - 1].role;
}

/**
 * Sessions of an organisation of `users` people over `days` days from `start` (epoch ms of a
 * midnight UTC, a Monday by default): `{ user, role, start, end }`, `end` undefined for a missing
 * logout, sorted by start. `maxRows` stops at exactly that many sessions.
 */
export function organisation({
  users,
  days = 30,
  seed = 20260302,
  start = DEFAULT_START,
  missingLogouts = 0.02,
  maxRows = Number.POSITIVE_INFINITY,
  userId = (i) => `person${String(i).padStart(users > 99_999 ? 6 : 5, "0")}@example.com`,
}) {
  const r = rng(seed);
  const between = (lo, hi) => lo + r() * (hi - lo);
  const sessions = [];
  const add = (user, role, startMs, minutes) => {
    if (minutes < 2 || sessions.length >= maxRows) return;
    const from = Math.round(startMs / MIN) * MIN;
    const end = r() < missingLogouts ? undefined : from + Math.round(minutes) * MIN;
    sessions.push({ user, role, start: from, end });
  };
  const weekday = (d) => new Date(start + d * DAY).getUTCDay(); // 0 Sunday … 6 Saturday
  const isWeekday = (d) => weekday(d) >= 1 && weekday(d) <= 5;
  const weekdays = [...Array(days).keys()].filter(isWeekday);
  const monthEnd = new Set(weekdays.slice(-3));
  const wednesdays = weekdays.filter((d) => weekday(d) === 3);
  const allStaffDay = wednesdays[Math.floor(wednesdays.length / 2)] ?? weekdays[0] ?? 0;
  const shifts = [6, 9, 9, 14];

  for (let i = 0; i < users && sessions.length < maxRows; i++) {
    const user = userId(i);
    const role = roleOf(i);
    if (role === "agent") {
      const shift = shifts[i % shifts.length];
      const weekends = r() < 0.2;
      const dayOff = 1 + (i % 5);
      for (let d = 0; d < days; d++) {
        const work = isWeekday(d) ? !(weekends && weekday(d) === dayOff) : weekends;
        if (!work || r() < 0.1) continue;
        const begin = start + d * DAY + (shift + between(-0.25, 0.5)) * HOUR;
        const morning = between(3.5, 4.5) * 60;
        add(user, role, begin, morning);
        const back = begin + morning * MIN + between(30, 60) * MIN;
        add(user, role, back, between(3, 4) * 60);
        if (r() < 0.02) add(user, role, back + between(10, 60) * MIN, between(10, 45));
      }
    } else if (role === "lead") {
      for (const d of weekdays) {
        if (r() < 0.12) continue;
        let t = start + d * DAY + between(8, 9.5) * HOUR;
        const count = 1 + Math.floor(r() * 3);
        for (let k = 0; k < count; k++) {
          const length = between(40, 150);
          add(user, role, t, length);
          t += (length + between(15, 90)) * MIN;
        }
      }
    } else if (role === "all-staff") {
      const d = r() < 0.5 ? allStaffDay : (weekdays[Math.floor(r() * weekdays.length)] ?? 0);
      add(user, role, start + d * DAY + between(10, 11.5) * HOUR, between(15, 45));
    } else {
      // Occasional HR, finance and facilities users: a few short visits in business hours.
      const visits =
        role === "hr"
          ? 2 + Math.floor(r() * 7)
          : 1 + Math.floor(r() * 5) + (role === "finance" ? monthEnd.size : 0);
      for (let v = 0; v < visits && weekdays.length > 0; v++) {
        let d = weekdays[Math.floor(r() * weekdays.length)];
        if (role === "finance" && v >= visits - monthEnd.size) d = [...monthEnd][visits - v - 1];
        else if (role === "finance" && r() < 0.3) d = d - ((weekday(d) + 6) % 7); // a Monday
        const hours = role === "facilities" ? between(7.5, 11) : between(9, 16.5);
        add(user, role, start + d * DAY + hours * HOUR, between(10, 90));
      }
    }
  }
  sessions.sort((a, b) => a.start - b.start);
  return sessions;
}

const iso = (ms) => new Date(ms).toISOString().replace(".000Z", "Z");

/** The session log as CSV text (LF line ends). */
export function sessionsCsv(sessions) {
  const lines = new Array(sessions.length + 1);
  lines[0] = "Agent Email,Login Time,Logout Time";
  for (let i = 0; i < sessions.length; i++) {
    const s = sessions[i];
    lines[i + 1] = `${s.user},${iso(s.start)},${s.end === undefined ? "" : iso(s.end)}`;
  }
  return `${lines.join("\n")}\n`;
}

/** Users for about `rows` sessions in `days` days (≈ 0.46 sessions per person per day). */
export function usersForRows(rows, days = 30) {
  return Math.ceil(rows / days / 0.46);
}

function args(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i].replace(/^--/, "").split("=");
    out[key] = inline ?? argv[++i];
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const a = args(process.argv.slice(2));
  const days = Number(a.days ?? 30);
  const rows = a.rows === undefined ? undefined : Number(a.rows);
  const users = Number(a.users ?? (rows ? usersForRows(rows, days) * 1.1 : 500));
  const sessions = organisation({
    users: Math.ceil(users),
    days,
    seed: Number(a.seed ?? 20260302),
    ...(rows ? { maxRows: rows } : {}),
  });
  const csv = sessionsCsv(sessions);
  if (a.out) {
    writeFileSync(a.out, csv);
    process.stderr.write(`${a.out}: ${sessions.length} sessions, ${csv.length} bytes\n`);
  } else process.stdout.write(csv);
}
