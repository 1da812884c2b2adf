#!/usr/bin/env node
// End-to-end benchmark of a file dropped into a channel: analyseUpload on a generated month of
// sessions (≈400 people, ≈7,000 sessions, CSV), timed per stage — reading, concurrency, the split
// (HiGHS) and the reply. Build first: `npx tsc -p tsconfig.build.json`, then
// `node bench/file-analysis.mjs` (BENCH_USERS to change the size, BENCH_RUNS the repeats).
// Results are appended to bench/results/file-analysis.md with the date, machine and load average.
import { appendFileSync, existsSync, writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { analyseUpload } from "../dist/commands/analyse-file.js";
import { currency, major } from "../dist/core/money.js";

const USERS = Number(process.env.BENCH_USERS ?? 400);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SEED = 20260907;
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const START = Date.UTC(2026, 8, 7); // Monday 7 Sep 2026, four weeks

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 30% agents on early/day/late shifts with a lunch break (two sessions a day), 10% leads (two
 * shorter sessions), 60% occasional users (a 20–120 minute session on 15% of days). Weekdays
 * only; 8% absence; 2% of logouts missing (closed at the 30-minute timeout).
 */
function sessionsCsv(users, seed) {
  const r = rng(seed);
  const iso = (ms) => new Date(Math.round(ms / MIN) * MIN).toISOString().replace(".000Z", "Z");
  const lines = ["Agent Email,Login Time,Logout Time"];
  const add = (user, start, minutes) => {
    const end = r() < 0.02 ? "" : iso(start + minutes * MIN);
    lines.push(`${user},${iso(start)},${end}`);
  };
  for (let i = 0; i < users; i++) {
    const user = `person${String(i).padStart(4, "0")}@example.com`;
    const role = i < users * 0.3 ? "agent" : i < users * 0.4 ? "lead" : "occasional";
    const shift = [7, 9, 9, 13][i % 4];
    for (let d = 0; d < 28; d++) {
      if (d % 7 >= 5) continue;
      const day = START + d * DAY;
      if (role === "occasional") {
        if (r() < 0.15) add(user, day + (8 + r() * 9) * 60 * MIN, 20 + r() * 100);
        continue;
      }
      if (r() < 0.08) continue;
      const begin = day + (shift + r() * 0.5) * 60 * MIN;
      const first = role === "agent" ? 240 + r() * 30 : 150 + r() * 60;
      add(user, begin, first);
      add(
        user,
        begin + (first + 30 + r() * 30) * MIN,
        role === "agent" ? 200 + r() * 40 : 120 + r() * 90,
      );
    }
  }
  return lines.join("\n");
}

const GBP = currency("GBP");
const ctx = {
  defaultCurrency: GBP,
  deal: { currency: GBP, namedRate: major(70, GBP), concurrentRate: major(140, GBP) },
};
const csv = sessionsCsv(USERS, SEED);
const bytes = new TextEncoder().encode(csv);
const rows = csv.split("\n").length - 1;
console.log(`${rows} session rows, ${(bytes.length / 1024).toFixed(0)} KB, ${USERS} people`);

const results = [];
for (let run = 0; run < RUNS; run++) {
  const marks = [];
  const t0 = performance.now();
  const out = await analyseUpload({ name: "sessions.csv", bytes }, ctx, async (text) => {
    marks.push(performance.now() - t0);
    void text;
  });
  const total = performance.now() - t0;
  if (!out.ok) throw new Error(JSON.stringify(out.issues));
  const [read = 0, concurrency = 0] = marks;
  results.push({
    read,
    concurrency: concurrency - read,
    split: total - concurrency,
    total,
    headline: out.reply.headline,
    solver: out.reply.data.split?.solver,
  });
  console.log(
    `run ${run + 1}: read ${read.toFixed(0)} ms, concurrency ${(concurrency - read).toFixed(0)} ms, split + reply ${(total - concurrency).toFixed(0)} ms, total ${total.toFixed(0)} ms`,
  );
}
const last = results[results.length - 1];
console.log(last.headline);

const cpus = os.cpus();
const file = "bench/results/file-analysis.md";
if (!existsSync(file)) {
  writeFileSync(
    file,
    "# File analysis benchmark (analyseUpload end to end)\n\n" +
      "`node bench/file-analysis.mjs` after `npx tsc -p tsconfig.build.json`. A generated month " +
      "(four weeks, weekdays) of sessions as CSV, read, measured, split with HiGHS and replied to, " +
      "at £70 named / £140 concurrent a month. Stage times come from the progress callbacks: " +
      "`read` is up to the first report (reading and validating the file), `concurrency` up to " +
      "the second, `split + reply` the rest (optimiser, refusal replays, reply and CSV files). " +
      "Run 1 includes loading HiGHS (WASM).\n",
  );
}
const fmt = (ms) => `${ms.toFixed(0)} ms`;
appendFileSync(
  file,
  [
    "",
    `## ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    "",
    `Machine: ${cpus[0]?.model ?? "unknown CPU"} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, ` +
      `Node ${process.version}, ${os.platform()} ${os.arch()}; load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" / ")} (1/5/15 min).`,
    "",
    `Input: ${USERS} people, ${rows} session rows, ${(bytes.length / 1024).toFixed(0)} KB CSV.`,
    "",
    "| run | read | concurrency | split + reply | total |",
    "|---:|---:|---:|---:|---:|",
    ...results.map(
      (r, i) =>
        `| ${i + 1} | ${fmt(r.read)} | ${fmt(r.concurrency)} | ${fmt(r.split)} | ${fmt(r.total)} |`,
    ),
    "",
    `Answer: ${last.headline} Solver: ${JSON.stringify(last.solver)}.`,
    "",
  ].join("\n"),
);
console.log(`appended to ${file}`);
