#!/usr/bin/env node
// Benchmarks of typed calculations: how long each chat command takes from text to reply.
// Target: a typed calculation answers in well under a second. Run with `npm run bench`;
// results are appended to bench/results/typed-commands.md with the date and the machine.
import { appendFileSync, existsSync, writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { serverContext } from "../dist/cli/context.js";
import { dispatch } from "../dist/commands/dispatch.js";
import { currency } from "../dist/core/money.js";

const ctx = serverContext(currency("GBP"));
const cases = [
  ["cost, 2 plans", "cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100 GBP"],
  [
    "cost, 3 plans, 3 years",
    "cost 120 named @ 70 + 40 named @ 80 + 60 concurrent @ 140 vs 200 named @ 95 + 30 concurrent @ 150 vs 400 named @ 100 --years 3",
  ],
  [
    "tiers, graduated + forecast",
    'tiers 240 --tiers "1-99 @ 75, 100-249 @ 70, 250+ @ 62" --mode graduated --forecast 260 --within 6',
  ],
  [
    "renewal, 10 years CPI",
    "renewal 2000000 --currency USD --years 10 --cpi 4.1,3.2,2.8,2.5,2.4,2.3,2.2,2.1,2 --lesser-of 3% --list 7%",
  ],
  ["impl", "impl --fixed 45k --days 60 --day-rate 1200 --overrun 10-40% --annual 294k GBP"],
];
const iterations = Number(process.env.BENCH_ITERATIONS ?? 2000);

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const rows = [];
for (const [label, text] of cases) {
  const first = performance.now();
  const outcome = await dispatch(text, ctx);
  const cold = performance.now() - first;
  if (!outcome.ok)
    throw new Error(`benchmark case failed: ${text}: ${JSON.stringify(outcome.issues)}`);
  const times = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await dispatch(text, ctx);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  rows.push({
    command: label,
    cold,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: times[times.length - 1],
  });
}

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const note = process.env.BENCH_NOTE ? ` (${process.env.BENCH_NOTE})` : "";
const header = `\n## ${new Date().toISOString().slice(0, 10)} — ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${iterations} runs each${note}\n\n| command | first call (ms) | p50 (ms) | p99 (ms) | max (ms) |\n|---|---:|---:|---:|---:|\n`;
const body = rows
  .map(
    (r) =>
      `| ${r.command} | ${r.cold.toFixed(2)} | ${r.p50.toFixed(3)} | ${r.p99.toFixed(3)} | ${r.max.toFixed(2)} |`,
  )
  .join("\n");
const file = new URL("./results/typed-commands.md", import.meta.url);
if (!existsSync(file)) {
  writeFileSync(
    file,
    "# Typed command latency\n\nTime from the typed text to a finished reply (parsing, calculation, reply building), in-process.\nTarget: well under a second (DESIGN.md). Written by `npm run bench`.\n",
  );
}
appendFileSync(file, `${header}${body}\n`);
console.log(header + body);
