#!/usr/bin/env node
// How long the charts of a file reply take: the chart data (people online per 15 minutes, the
// exact cost curve) and the two PNGs (vega-lite → SVG → resvg), on the same generated month as
// bench/file-analysis.mjs (400 people, four weeks). Build first: `npx tsc -p tsconfig.build.json`,
// then `node bench/charts.mjs` (BENCH_USERS, BENCH_RUNS). Run 1 is cold: it loads vega, the font
// and parses the font's widths. Then analyseUpload end to end, charts included. A dated line per
// run is appended to bench/results/file-analysis.md with the machine and load average.
import { appendFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { serverContext } from "../dist/cli/context.js";
import { analyseUpload } from "../dist/commands/file-analysis/analyse.js";
import { splitCharts } from "../dist/commands/file-analysis/charts.js";
import { costByNamedSeats, onlineOverTime } from "../dist/core/chart-data.js";
import { currency, major, times } from "../dist/core/money.js";
import { optimiseSplit } from "../dist/core/split/optimise.js";
import { readRosterFile } from "../dist/roster/read-file.js";
import { createHighsSolver } from "../dist/solver/highs.js";
import { organisation, sessionsCsv } from "./generate-org.mjs";

const USERS = Number(process.env.BENCH_USERS ?? 400);
const RUNS = Number(process.env.BENCH_RUNS ?? 4);
const GBP = currency("GBP");
const named = major(70, GBP);
const concurrent = major(140, GBP);
const rate = (m) => ({ given: m, period: "month", annual: times(m, 12), source: "request" });

const csv = sessionsCsv(
  organisation({ users: USERS, days: 28, seed: 20260907, start: Date.UTC(2026, 8, 7) }),
);
const bytes = new TextEncoder().encode(csv);
const read = await readRosterFile(bytes, "sessions.csv");
if (!read.ok) throw new Error(JSON.stringify(read.issues));
const sessions = read.value.sessions ?? [];
const split = optimiseSplit(
  sessions,
  { namedRate: times(named, 12), concurrentRate: times(concurrent, 12) },
  await createHighsSolver(),
);
if (!split.ok) throw new Error(JSON.stringify(split.issues));
const report = split.value;
console.log(
  `${sessions.length} sessions, ${USERS} people; optimum ${report.optimum.namedCount} named + pool ${report.optimum.pool}`,
);

const rows = [];
for (let run = 0; run < RUNS; run++) {
  const t0 = performance.now();
  const series = onlineOverTime(sessions, { named: new Set(report.optimum.named) });
  const t1 = performance.now();
  costByNamedSeats(sessions, {
    named: report.optimum.named,
    namedRate: times(named, 12),
    concurrentRate: times(concurrent, 12),
  });
  const t2 = performance.now();
  const charts = await splitCharts(sessions, {
    report,
    named: rate(named),
    concurrent: rate(concurrent),
    utcOffsetMinutes: 0,
    timeZone: "UTC",
  });
  const t3 = performance.now();
  if (charts.files.length !== 2) throw new Error(`charts failed: ${charts.notes.join(" ")}`);
  rows.push({ series: t1 - t0, curve: t2 - t1, both: t3 - t2, points: series.buckets.length });
  console.log(
    `run ${run + 1}: series ${(t1 - t0).toFixed(0)} ms (${series.buckets.length} buckets), cost curve ${(t2 - t1).toFixed(0)} ms, splitCharts (data + 2 PNGs) ${(t3 - t2).toFixed(0)} ms`,
  );
}
const ctx = {
  ...serverContext(GBP),
  deal: { currency: GBP, namedRate: named, concurrentRate: concurrent },
};
const totals = [];
for (let run = 0; run < 3; run++) {
  const t0 = performance.now();
  const out = await analyseUpload({ name: "sessions.csv", bytes }, ctx, async () => {});
  totals.push(performance.now() - t0);
  if (!out.ok) throw new Error("analyseUpload failed");
}
console.log(`analyseUpload with charts: ${totals.map((t) => t.toFixed(0)).join(", ")} ms`);

const cpus = os.cpus();
const ms = (x) => `${x.toFixed(0)} ms`;
appendFileSync(
  "bench/results/file-analysis.md",
  `\n${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC · charts (\`node bench/charts.mjs\`): ` +
    `${cpus[0]?.model ?? "unknown CPU"} × ${cpus.length}, Node ${process.version}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(
        " / ",
      )} · ${USERS} people, ${sessions.length} sessions · both PNGs (chart data + render) ` +
    `${rows.map((r) => ms(r.both)).join(", ")} (run 1 cold) · of which series ${ms(rows[rows.length - 1].series)}, ` +
    `cost curve ${ms(rows[rows.length - 1].curve)} · analyseUpload end to end with charts ${totals.map(ms).join(", ")}.\n`,
);
console.log("appended to bench/results/file-analysis.md");
