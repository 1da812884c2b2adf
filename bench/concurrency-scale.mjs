#!/usr/bin/env node
// Concurrency on millions of sessions against the least it can cost. For each size it generates a
// session log from a seed (bench/generate-org.mjs: the same seed, the same file), then runs, each
// in its own child process, the minimal parse-and-sweep script (bench/lib/minimal-sweep.mjs) and
// `node dist/cli/main.js concurrency FILE --json`, measuring CPU time (user + system) and peak
// resident memory (VmHWM) of each. The table, with the ratios, is appended to
// bench/results/concurrency-scale.md with the date, machine and load.
//
//   npm run build && node bench/concurrency-scale.mjs [--sizes 1000000,2000000] [--seed 20260302] [--runs 1]
//
// The heap limit is Node's default (no --max-old-space-size). Files go to a temporary folder and
// are deleted afterwards.
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { machineLine } from "./lib/machine.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = join(here, "..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const SIZES = arg("sizes", "1000000,2000000,3000000,5000000").split(",").map(Number);
const SEED = Number(arg("seed", "20260302"));
const RUNS = Number(arg("runs", "1"));
const STATS = pathToFileURL(join(here, "lib", "child-stats.mjs")).href;
const RESULTS = join(root, "bench", "results", "concurrency-scale.md");

if (!existsSync(join(root, "dist", "cli", "main.js"))) {
  console.error("Build first: npm run build");
  process.exit(1);
}

const dir = mkdtempSync(join(os.tmpdir(), "dealdesk-conc-"));

/** Runs `node ARGS` with the stats preload; its CPU, peak memory, wall time and stdout. */
function measured(args, env = {}) {
  const statsFile = join(dir, "stats.json");
  rmSync(statsFile, { force: true });
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ["--import", STATS, ...args], {
    cwd: root,
    env: { ...process.env, ...env, BENCH_STATS_FILE: statsFile },
    maxBuffer: 64 * 1024 * 1024,
    encoding: "utf8",
  });
  const wallMs = performance.now() - t0;
  if (run.status !== 0) {
    throw new Error(`node ${args.join(" ")} exited ${run.status}: ${run.stderr.slice(0, 500)}`);
  }
  const stats = JSON.parse(readFileSync(statsFile, "utf8"));
  return {
    cpuMs: stats.userMs + stats.systemMs,
    peakMb: stats.peakKb / 1024,
    wallMs,
    stdout: run.stdout,
  };
}

const best = (runs, key) => Math.min(...runs.map((r) => r[key]));
const rows = [];
const loadBefore = os.loadavg()[0];
try {
  for (const size of SIZES) {
    const file = join(dir, `sessions-${size}.csv`);
    const gen = spawnSync(
      process.execPath,
      [
        join(here, "generate-org.mjs"),
        "--rows",
        String(size),
        "--seed",
        String(SEED),
        "--out",
        file,
      ],
      { encoding: "utf8" },
    );
    if (gen.status !== 0) throw new Error(`generate-org failed: ${gen.stderr}`);
    const bytes = statSync(file).size;
    const minimal = [];
    const dealdesk = [];
    let peak;
    let minimalPeak;
    for (let r = 0; r < RUNS; r++) {
      const m = measured([join(here, "lib", "minimal-sweep.mjs"), file]);
      minimalPeak = JSON.parse(m.stdout).peak;
      minimal.push(m);
      const d = measured([join(root, "dist", "cli", "main.js"), "concurrency", file, "--json"], {
        // A 5M-row log is ~320 MiB: inside the 400 MB default; 500 leaves room for larger seeds.
        DEALDESK_MAX_FILE_MB: "500",
      });
      const out = JSON.parse(d.stdout);
      if (out.ok !== true)
        throw new Error(`concurrency refused ${file}: ${d.stdout.slice(0, 300)}`);
      peak = out.concurrency.peak;
      dealdesk.push(d);
    }
    const row = {
      size,
      mb: bytes / 1e6,
      minimalCpu: best(minimal, "cpuMs"),
      minimalMem: best(minimal, "peakMb"),
      cpu: best(dealdesk, "cpuMs"),
      wall: best(dealdesk, "wallMs"),
      mem: best(dealdesk, "peakMb"),
      peak,
      minimalPeak,
      load: os.loadavg()[0],
    };
    rows.push(row);
    console.log(
      `${size} rows: minimal ${(row.minimalCpu / 1000).toFixed(2)} s CPU ${row.minimalMem.toFixed(0)} MB; ` +
        `dealdesk ${(row.cpu / 1000).toFixed(2)} s CPU (${(row.wall / 1000).toFixed(1)} s wall) ${row.mem.toFixed(0)} MB; ` +
        `ratio ${(row.cpu / row.minimalCpu).toFixed(2)}× CPU, ${(row.mem / row.minimalMem).toFixed(2)}× memory; load ${row.load.toFixed(2)}`,
    );
    rmSync(file, { force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const lines = [
  "",
  `## ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
  "",
  `Machine: ${machineLine()}. Load average (1 min) ${loadBefore.toFixed(2)} at the start. Seed ${SEED}, best of ${RUNS} run(s) each; CPU = user + system of the child process; memory = peak RSS (VmHWM).`,
  "",
  "| rows | file | minimal CPU | minimal memory | `concurrency --json` CPU (wall) | memory | CPU ratio | memory ratio | peak (merged) | load |",
  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...rows.map(
    (r) =>
      `| ${r.size.toLocaleString("en-GB")} | ${r.mb.toFixed(0)} MB | ${(r.minimalCpu / 1000).toFixed(2)} s | ${r.minimalMem.toFixed(0)} MB | ${(r.cpu / 1000).toFixed(2)} s (${(r.wall / 1000).toFixed(1)} s) | ${r.mem.toFixed(0)} MB | ${(r.cpu / r.minimalCpu).toFixed(2)}× | ${(r.mem / r.minimalMem).toFixed(2)}× | ${r.peak.toLocaleString("en-GB")} | ${r.load.toFixed(2)} |`,
  ),
  "",
  "The minimal script's own peak counts sessions, not people (it does not merge a person's overlapping sessions), so it is higher; it is the yardstick for cost, not for the answer.",
];
if (!existsSync(RESULTS)) {
  writeFileSync(
    RESULTS,
    "# Concurrency at scale: `concurrency FILE --json` against a minimal parse-and-sweep script\n\nWritten by `node bench/concurrency-scale.mjs`. Goal (issue 16): at most 2× the minimal script's CPU from 1M to 5M rows, and 5M rows in at most 700 MB.\n",
  );
}
appendFileSync(RESULTS, `${lines.join("\n")}\n`);
console.log(`appended to ${RESULTS}`);
