#!/usr/bin/env node
// End-to-end benchmark of a file dropped into a channel: analyseUpload on a generated month of
// sessions (400 people, ≈5,600 sessions, CSV, from bench/generate-org.mjs), timed per stage — reading, concurrency, the split
// (HiGHS) and the reply. Build first: `npx tsc -p tsconfig.build.json`, then
// `node bench/file-analysis.mjs` (BENCH_USERS to change the size, BENCH_RUNS the repeats).
// Results are appended to bench/results/file-analysis.md with the date, machine and load average.
import { appendFileSync, existsSync, writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { serverContext } from "../dist/cli/context.js";
import { analyseUpload } from "../dist/commands/file-analysis/analyse.js";
import { currency, major } from "../dist/core/money.js";
import { organisation, sessionsCsv } from "./generate-org.mjs";

const USERS = Number(process.env.BENCH_USERS ?? 400);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SEED = 20260907;
const START = Date.UTC(2026, 8, 7); // Monday 7 Sep 2026, four weeks

const GBP = currency("GBP");
// The Slack server's context (the solver and the clock), with the channel's rates.
const ctx = {
  ...serverContext(GBP),
  deal: { currency: GBP, namedRate: major(70, GBP), concurrentRate: major(140, GBP) },
};
// The shared seeded organisation (bench/generate-org.mjs), four weeks, 2% of logouts missing.
const csv = sessionsCsv(organisation({ users: USERS, days: 28, seed: SEED, start: START }));
const bytes = new TextEncoder().encode(csv);
const rows = csv.trimEnd().split("\n").length - 1;
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
