#!/usr/bin/env node
// Benchmark of the split's starting-plan heuristic (src/core/split/heuristic.ts) alone, before and
// after a change, on seeded organisations from bench/generate-org.mjs (regenerated every run).
//
//   npx tsc -p tsconfig.build.json && node bench/heuristic.mjs
//
// BENCH_SIZES (default 400,5000,20000 users), BENCH_DAYS (30), BENCH_SEED (20260302).
// "Before" is the commit BENCH_BEFORE (default fab548f, the heuristic as it was before it was made
// fast), exported with `git archive` into a temporary folder and built there; BENCH_BEFORE=none
// skips it. Each measurement runs in a child process of its own, so one cannot warm or burden the
// other. The machine is shared, so CPU time (user + system, process.cpuUsage) is the figure to
// compare; wall time is shown beside it with the load average.
//
// The heuristic gets the seeds the optimiser gives it except the LP rounding (that needs HiGHS and
// a solve whose time limit is wall-clock): named-only, all-concurrent, the rule of thumb and the
// hours ranking. Results are appended to bench/results/heuristic.md.
import { execFileSync, spawnSync } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { machineLine } from "./lib/machine.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

if (process.argv[2] === "--child") {
  process.stdout.write(JSON.stringify(await measure(process.argv[3], Number(process.argv[4]))));
  process.exit(0);
}

const SIZES = (process.env.BENCH_SIZES ?? "400,5000,20000").split(",").map(Number);
const DAYS = Number(process.env.BENCH_DAYS ?? 30);
const SEED = Number(process.env.BENCH_SEED ?? 20260302);
const BEFORE = process.env.BENCH_BEFORE ?? "fab548f";

/** Runs the heuristic of the build in `dist` on one organisation; CPU and wall time of it alone. */
async function measure(dist, users) {
  const { organisation } = await import(pathToFileURL(join(ROOT, "bench/generate-org.mjs")).href);
  const load = (m) => import(pathToFileURL(join(dist, "core/split", m)).href);
  const { buildProblem } = await load("problem.js");
  const B = await load("baselines.js");
  const { heuristicPlan } = await load("heuristic.js");
  const { pricing } = await load("pricing.js");
  const days = Number(process.env.BENCH_DAYS ?? 30);
  const seed = Number(process.env.BENCH_SEED ?? 20260302);
  const sessions = organisation({ users, days, seed, missingLogouts: 0 });
  const pr = pricing(70 * 12 * 100, 140 * 12 * 100); // £70 named, £140 concurrent a month, annual
  const problem = buildProblem(sessions, new Set(), new Set());
  const t = B.tracker(problem);
  const seeds = [
    B.namedOnly(problem),
    B.allConcurrent(problem),
    B.ruleOfThumb(problem, pr),
    B.hoursRanking(problem, pr, t),
  ];
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  const plan = heuristicPlan(problem, pr, t, seeds);
  const wall = performance.now() - w0;
  const cpu = process.cpuUsage(c0);
  // FNV-1a over the named flags: equal hashes, the same plan (user for user).
  let hash = 0x811c9dc5;
  for (const x of plan.named) hash = Math.imul(hash ^ x, 0x01000193) >>> 0;
  return {
    users: problem.users.length,
    sessions: sessions.length,
    instants: problem.at.length,
    intervals: problem.intervalUser.length,
    cpuMs: (cpu.user + cpu.system) / 1000,
    wallMs: wall,
    cost: plan.cost,
    named: plan.namedCount,
    pool: plan.pool,
    hash: hash.toString(16).padStart(8, "0"),
  };
}

function child(dist, users) {
  const r = spawnSync(
    process.execPath,
    [fileURLToPath(import.meta.url), "--child", dist, String(users)],
    {
      encoding: "utf8",
      env: { ...process.env, BENCH_DAYS: String(DAYS), BENCH_SEED: String(SEED) },
      maxBuffer: 1 << 20,
    },
  );
  if (r.status !== 0) throw new Error(`heuristic bench child failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** The build of an older commit, in a temporary folder (node_modules shared). */
function buildCommit(commit) {
  const dir = mkdtempSync(join(os.tmpdir(), "dealdesk-heuristic-before-"));
  const files = ["src", "tsconfig.json", "tsconfig.build.json", "package.json"];
  const archive = execFileSync("git", ["archive", commit, ...files], {
    cwd: ROOT,
    maxBuffer: 1 << 28,
  });
  execFileSync("tar", ["-x", "-C", dir], { input: archive });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  execFileSync(
    process.execPath,
    [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
    {
      cwd: dir,
      stdio: "inherit",
    },
  );
  return dir;
}

const gbp = (minor) => `£${(minor / 100).toLocaleString("en-GB")}`;
const seconds = (ms) => (ms / 1000).toFixed(2);
const beforeDir = BEFORE === "none" ? undefined : buildCommit(BEFORE);
const loads = [];
const rows = [];
try {
  for (const users of SIZES) {
    const load = os.loadavg()[0];
    const after = child(join(ROOT, "dist"), users);
    const before = beforeDir ? child(join(beforeDir, "dist"), users) : undefined;
    loads.push(`${users}: ${load.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}`);
    rows.push([
      String(after.users),
      String(after.sessions),
      String(after.instants),
      before ? seconds(before.cpuMs) : "—",
      before ? seconds(before.wallMs) : "—",
      seconds(after.cpuMs),
      seconds(after.wallMs),
      before ? gbp(before.cost) : "—",
      `${gbp(after.cost)} (${after.named} + ${after.pool})`,
      before ? (before.hash === after.hash ? "yes" : "NO") : "—",
    ]);
    process.stderr.write(`${users} users: ${JSON.stringify({ before, after })}\n`);
  }
} finally {
  if (beforeDir) rmSync(beforeDir, { recursive: true, force: true });
}

let commit = "unknown";
try {
  commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
    cwd: ROOT,
    encoding: "utf8",
  }).trim();
} catch {}
const md = [
  `## ${new Date().toISOString()}`,
  "",
  `Machine: ${machineLine()}  `,
  `Load average (1 min) at the start → end of each size: ${loads.join("; ")}  `,
  `After: working tree at ${commit}; before: ${BEFORE === "none" ? "not measured" : `commit ${BEFORE}`}.  `,
  `Command: \`npx tsc -p tsconfig.build.json && BENCH_SIZES=${SIZES.join(",")} BENCH_DAYS=${DAYS} BENCH_SEED=${SEED} node bench/heuristic.mjs\``,
  "",
  `Organisations from bench/generate-org.mjs (seed ${SEED}, ${DAYS} days, every logout present); rates £70 named,`,
  "£140 concurrent a month (annual costs). Seeds: named-only, all-concurrent, rule of thumb, hours ranking (no LP rounding).",
  "",
  "| users | sessions | instants | CPU before (s) | wall before (s) | CPU after (s) | wall after (s) | cost before | cost after (named + pool) | same plan |",
  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|",
  ...rows.map((r) => `| ${r.join(" | ")} |`),
  "",
].join("\n");
const out = new URL("./results/heuristic.md", import.meta.url);
if (!existsSync(out))
  writeFileSync(
    out,
    "# Starting-plan heuristic benchmark\n\nRun by `node bench/heuristic.mjs` (see its header). CPU time is the figure to compare: the machine is shared.\n",
  );
appendFileSync(out, `\n${md}`);
process.stdout.write(md);
