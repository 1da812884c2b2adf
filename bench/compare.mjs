#!/usr/bin/env node
// Benchmark of `compare`: three typed quotes priced on one usage, from text to reply, with and
// without its PNG (the chart is most of the time). Target: a typed calculation answers in well
// under a second. Reports wall and CPU time and the load average (the machine is shared);
// results are appended to bench/results/compare.md. Run after a build: `node bench/compare.mjs`.
import { appendFileSync, existsSync, writeFileSync } from "node:fs";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { serverContext } from "../dist/cli/context.js";
import { buildOffers } from "../dist/commands/compare/build.js";
import { parseQuotes } from "../dist/commands/compare/grammar.js";
import { dispatch } from "../dist/commands/dispatch.js";
import { tokenize } from "../dist/commands/grammar/tokens.js";
import { compareOffers } from "../dist/core/compare/compare.js";
import { currency } from "../dist/core/money.js";

const GBP = currency("GBP");
const ctx = serverContext(GBP);
const QUOTES =
  "HaloITSM: named £70 5y uplift 5% impl £12,000; Rival: concurrent £140 5y cap 3% impl £20,000; Ivanti: named 1-99@75, 100-249@65, 250+@60 graduated concurrent £130 5y cpi 4.1,3.2,2.8,2.5 lesser-of 3% impl £15,000";
const TEXT = `compare ${QUOTES} --users 240 --pool 60 --split 150+25`;
const iterations = Number(process.env.BENCH_ITERATIONS ?? 20);

function timed(fn) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  return Promise.resolve(fn()).then(() => {
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { wall, cpu: (cpu.user + cpu.system) / 1000 };
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(label, fn, n) {
  const first = await timed(fn);
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(await timed(fn));
  return {
    label,
    first,
    wall: median(runs.map((r) => r.wall)),
    cpu: median(runs.map((r) => r.cpu)),
  };
}

const load = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(" ");
const pricing = () => {
  const quotes = parseQuotes(tokenize(QUOTES));
  if (!quotes.ok) throw new Error("quotes");
  const built = buildOffers(quotes.value.quotes, undefined, GBP);
  if (!built.ok) throw new Error("offers");
  const r = compareOffers({
    offers: built.value.offers,
    usage: { people: 240, pool: 60, split: { named: 150, pool: 25 } },
  });
  if (!r.ok) throw new Error("compare");
};
const full = async () => {
  const out = await dispatch(TEXT, ctx);
  if (!out.ok) throw new Error(JSON.stringify(out.issues));
};
const rows = [
  await measure("parse + price 3 quotes × 5 years (no chart)", pricing, iterations * 50),
  await measure("compare command, with its PNG chart", full, iterations),
];
const loadAfter = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(" ");

const file = new URL("./results/compare.md", import.meta.url);
if (!existsSync(file)) {
  writeFileSync(
    file,
    "# compare benchmark\n\nMedian wall and CPU time per run (ms); `first` is the first run in the process (loads vega/resvg for the chart).\n",
  );
}
const cpuModel = os.cpus()[0]?.model ?? "unknown CPU";
const lines = [
  "",
  `## ${new Date().toISOString()} — ${cpuModel} × ${os.cpus().length}, Node ${process.version}, load ${load} → ${loadAfter}`,
  "",
  "| case | first wall | first CPU | median wall | median CPU |",
  "|---|---|---|---|---|",
  ...rows.map(
    (r) =>
      `| ${r.label} | ${r.first.wall.toFixed(1)} | ${r.first.cpu.toFixed(1)} | ${r.wall.toFixed(2)} | ${r.cpu.toFixed(2)} |`,
  ),
  "",
];
appendFileSync(file, lines.join("\n"));
console.log(lines.join("\n"));
