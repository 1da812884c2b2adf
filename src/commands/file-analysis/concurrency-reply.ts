/**
 * The concurrency part of a file reply: peak and when, time-weighted percentiles, time at or above
 * the levels that matter, and what a smaller pool would have refused.
 */
import type { ConcurrencyReport } from "../../core/concurrency.js";
import { onlinePercentiles } from "../../core/online-percentiles.js";
import { formatPercent, shareOf } from "../../core/percent.js";
import { column, type Table } from "../reply.js";
import { count, dateTime, duration, iso, plural, span } from "./format.js";

const MINUTE = 60_000;
const minutes = (ms: number): number => Math.round((ms / MINUTE) * 100) / 100;

/** `Peak: 141 people online at once, on Tue 15 Sep 10:30; 90% of the time 52 or fewer.` */
export function concurrencyHeadline(r: ConcurrencyReport, timeZone: string): string {
  if (r.peak === 0 || r.peakAt === undefined) return "Nobody was online in this log.";
  const p90 = r.percentiles.find((p) => p.p === 90)?.level ?? 0;
  return `Peak: ${plural(r.peak, "person", "people")} online at once, on ${dateTime(r.peakAt, timeZone)}; 90% of the time ${count(p90)} or fewer.`;
}

/**
 * Peak and P99…P50 in one small table: over the whole log (nights and weekends count as nobody
 * online, so an office log's P50 is often 0), and over only the time anyone is online.
 */
export function levelsTable(r: ConcurrencyReport): Table {
  const online = onlinePercentiles(r.atOrAbove).percentiles;
  const rows = [["peak", count(r.peak), count(r.peak)]];
  for (const p of [...r.percentiles].reverse()) {
    const o = online.find((x) => x.p === p.p)?.level ?? 0;
    rows.push([`P${p.p}`, count(p.level), count(o)]);
  }
  return {
    title: "People online at once (time-weighted)",
    columns: [
      column("measure"),
      column("whole log", "right"),
      column("while anyone is online", "right"),
    ],
    rows,
  };
}

/** Levels worth showing time for: the peak and each percentile level, highest first. */
function shownLevels(r: ConcurrencyReport): number[] {
  const levels = [r.peak, ...[...r.percentiles].reverse().map((p) => p.level)].filter((l) => l > 0);
  return [...new Set(levels)];
}

export function atOrAboveTable(r: ConcurrencyReport): Table | undefined {
  const total = r.window ? r.window.end - r.window.start : 0;
  const levels = shownLevels(r);
  if (levels.length === 0 || total <= 0) return undefined;
  return {
    title: "Time with at least this many online",
    columns: [column("at least", "right"), column("time", "right"), column("share", "right")],
    rows: levels.map((level) => {
      const ms = r.atOrAbove.find((a) => a.level === level)?.ms ?? 0;
      const share = shareOf(ms, total);
      return [count(level), duration(ms), share ? formatPercent(share) : "–"];
    }),
  };
}

/** Rows of the what-if table in chat; `data.concurrency.whatIf` keeps every size. */
export const WHAT_IF_ROWS_SHOWN = 8;

export function whatIfTable(r: ConcurrencyReport, logSpan: number): Table | undefined {
  if (r.whatIf.length === 0) return undefined;
  const step = Math.ceil(r.whatIf.length / WHAT_IF_ROWS_SHOWN);
  const shown = r.whatIf.filter((_, i) => i % step === 0);
  return {
    title: `If the pool had been smaller (logins refused ${span(logSpan)})`,
    columns: [
      column("pool", "right"),
      column("refused logins", "right"),
      column("people", "right"),
      column("time refused", "right"),
    ],
    rows: shown.map((w) => [
      count(w.poolSize),
      count(w.refusedLogins),
      count(w.usersAffected),
      duration(w.refusedMs),
    ]),
  };
}

export function groupsTable(r: ConcurrencyReport, timeZone: string): Table | undefined {
  if (r.groups.length < 2) return undefined;
  return {
    title: "Peak by group (from the roster)",
    columns: [column("group"), column("people", "right"), column("peak", "right"), column("when")],
    rows: r.groups.map((g) => [
      g.group,
      count(g.users),
      count(g.peak),
      g.at === undefined ? "" : dateTime(g.at, timeZone),
    ]),
  };
}

export function concurrencyWorking(r: ConcurrencyReport): string[] {
  if (!r.window) return [];
  const total = r.window.end - r.window.start;
  const lines = [
    `window: first login to last logout = ${duration(total)}; each person counted once while online (overlapping sessions merged)`,
  ];
  for (const p of r.percentiles) {
    lines.push(
      `P${p.p} = ${count(p.level)}: ${count(p.level)} or fewer online for at least ${p.p}% of the ${duration(total)}`,
    );
  }
  const online = onlinePercentiles(r.atOrAbove);
  if (online.onlineMs > 0) {
    lines.push(
      `while anyone is online: ${duration(online.onlineMs)} of the ${duration(total)} (the rest, nobody online, left out)`,
    );
    for (const p of online.percentiles) {
      lines.push(
        `P${p.p} while anyone is online = ${count(p.level)}: ${count(p.level)} or fewer for at least ${p.p}% of the ${duration(online.onlineMs)}`,
      );
    }
  }
  for (const level of shownLevels(r)) {
    const ms = r.atOrAbove.find((a) => a.level === level)?.ms ?? 0;
    const share = shareOf(ms, total);
    if (share)
      lines.push(
        `at least ${count(level)} online: ${duration(ms)} ÷ ${duration(total)} = ${formatPercent(share)}`,
      );
  }
  return lines;
}

/**
 * The `concurrency` block of the JSON contract:
 * - `users`: people with a session; `peak`: most online at once; `peakAt`: first instant of the
 *   peak (ISO 8601, UTC); `peakMinutes`: total time at the peak;
 * - `window`: `{ start, end }` ISO, first login to last logout (null for an empty log);
 * - `percentiles`: `{ p50, p90, p95, p99 }` time-weighted levels over the window;
 * - `onlinePercentiles`: the same over only the time anyone is online, `onlineMinutes` long;
 * - `atOrAbove`: `[{ level, minutes }]` for every level 1..peak;
 * - `whatIf`: `[{ pool, refusedLogins, usersAffected, refusedMinutes }]` from the peak down;
 * - `groups`: `[{ group, users, peak, peakAt }]`, by the roster's groups (everyone is "(no group)"
 *   without a roster).
 */
export function concurrencyData(r: ConcurrencyReport): Record<string, unknown> {
  const pct = (p: number) => r.percentiles.find((x) => x.p === p)?.level ?? 0;
  const online = onlinePercentiles(r.atOrAbove);
  const onlinePct = (p: number) => online.percentiles.find((x) => x.p === p)?.level ?? 0;
  return {
    users: r.users,
    peak: r.peak,
    peakAt: iso(r.peakAt),
    peakMinutes: minutes(r.peakMs),
    window: r.window ? { start: iso(r.window.start), end: iso(r.window.end) } : null,
    percentiles: { p50: pct(50), p90: pct(90), p95: pct(95), p99: pct(99) },
    onlinePercentiles: {
      p50: onlinePct(50),
      p90: onlinePct(90),
      p95: onlinePct(95),
      p99: onlinePct(99),
    },
    onlineMinutes: minutes(online.onlineMs),
    atOrAbove: r.atOrAbove.map((a) => ({ level: a.level, minutes: minutes(a.ms) })),
    whatIf: r.whatIf.map((w) => ({
      pool: w.poolSize,
      refusedLogins: w.refusedLogins,
      usersAffected: w.usersAffected,
      refusedMinutes: minutes(w.refusedMs),
    })),
    groups: r.groups.map((g) => ({
      group: g.group,
      users: g.users,
      peak: g.peak,
      peakAt: iso(g.at),
    })),
  };
}
