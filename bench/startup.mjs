#!/usr/bin/env node
// Start-up benchmark (budget: a one-shot typed calculation within 4× `node -e 0`): how long a
// fresh Node process takes for
//   (a) `node -e 0`, the floor no command can beat;
//   (b) importing dist/commands/registry.js, what every front end pays before its first command;
//   (c) a one-shot `node dist/cli/main.js cost "…" --currency GBP`, from exec to exit.
// Each is the median of BENCH_RUNS child processes (default 15), run in interleaved rounds so a
// burst of load on this shared machine hits all three alike; one warm-up round is not counted.
// The budget is c ≤ 4 × a. It also lists which heavy packages importing the registry loads, and
// which command modules (there should be none of either: the registry holds each command's info.ts
// and imports the command itself on its first run). Build first:
// `npm run build && node bench/startup.mjs`. Appends the results, with the date and the machine,
// to bench/results/startup.md.
import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const BUDGET = 4;
const root = fileURLToPath(new URL("..", import.meta.url));
const registry = pathToFileURL(join(root, "dist/commands/registry.js")).href;
const main = join(root, "dist/cli/main.js");
const COST = "150 named @ 70 vs 500 named @ 100";
/** Packages that must not load until a command needs them. */
const HEAVY = [
  "exceljs",
  "vega",
  "vega-lite",
  "@resvg/resvg-js",
  "docx",
  "@electric-sql/pglite",
  "highs",
  "openai",
  "@slack/bolt",
  "pg",
  "pg-boss",
];

if (!existsSync(main)) {
  console.error("bench/startup.mjs: dist/ is missing; run `npm run build` first");
  process.exit(1);
}

const cases = [
  { key: "a", label: "`node -e 0`", args: ["-e", "0"] },
  {
    key: "b",
    label: "import dist/commands/registry.js",
    args: ["--input-type=module", "-e", `await import(${JSON.stringify(registry)})`],
  },
  {
    key: "c",
    label: `\`node dist/cli/main.js cost "${COST}" --currency GBP\``,
    args: [main, "cost", COST, "--currency", "GBP"],
    expect: "£",
  },
];

// No model key, no Slack tokens: the one-shot path a user with nothing configured takes.
const env = { ...process.env };
for (const name of ["OPENAI_API_KEY", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "DATABASE_URL"]) {
  delete env[name];
}

function runOnce(c) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, c.args, { cwd: root, env, encoding: "utf8" });
  const ms = performance.now() - t0;
  if (r.status !== 0 || (c.expect && !r.stdout.includes(c.expect))) {
    throw new Error(`${c.label} failed (exit ${r.status}): ${r.stderr || r.stdout}`);
  }
  return ms;
}

function median(xs) {
  const s = [...xs].sort((x, y) => x - y);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The heavy packages a process loads by importing the registry, seen by a module load hook. */
function heavyLoadedByRegistry() {
  const dir = mkdtempSync(join(os.tmpdir(), "dealdesk-startup-"));
  const log = join(dir, "loaded.txt");
  const hooks = `import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  appendFileSync(${JSON.stringify(log)}, url + "\\n");
  return next(url, context);
}`;
  const register = `import { register } from "node:module";
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
  writeFileSync(log, "");
  try {
    const r = spawnSync(
      process.execPath,
      [
        "--import",
        `data:text/javascript,${encodeURIComponent(register)}`,
        "--input-type=module",
        "-e",
        `await import(${JSON.stringify(registry)})`,
      ],
      { cwd: root, env, encoding: "utf8" },
    );
    if (r.status !== 0) throw new Error(`import of the registry failed: ${r.stderr}`);
    const urls = readFileSync(log, "utf8").split("\n").filter(Boolean);
    const packages = new Set();
    for (const url of urls) {
      const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
      if (m?.[1]) packages.add(m[1]);
    }
    // Anything under dist/commands/ but the registry and the info modules is command code loaded
    // before any command runs.
    const eager = urls
      .map((url) => /\/dist\/(commands\/.+)\.js$/.exec(url)?.[1])
      .filter((m) => m !== undefined && m !== "commands/registry" && !m.endsWith("/info"));
    return { modules: urls.length, packages: [...packages].sort(), eager: eager.sort() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const load = (l) => l.map((x) => x.toFixed(2)).join(" / ");
const loadBefore = os.loadavg();
for (const c of cases) runOnce(c); // warm-up: the disk cache, not the measure
const times = Object.fromEntries(cases.map((c) => [c.key, []]));
for (let i = 0; i < RUNS; i++) for (const c of cases) times[c.key].push(runOnce(c));
const loadAfter = os.loadavg();
const loaded = heavyLoadedByRegistry();
const heavy = loaded.packages.filter((p) => HEAVY.includes(p));

const med = Object.fromEntries(cases.map((c) => [c.key, median(times[c.key])]));
const ratio = med.c / med.a;
const cpus = os.cpus();
const when = new Date().toISOString().replace("T", " ").slice(0, 16);
const rows = cases.map((c) => {
  const s = [...times[c.key]].sort((x, y) => x - y);
  const vsA = c.key === "a" ? "1.0×" : `${(med[c.key] / med.a).toFixed(1)}×`;
  return `| (${c.key}) ${c.label} | ${med[c.key].toFixed(0)} ms | ${s[0].toFixed(0)}–${s[s.length - 1].toFixed(0)} ms | ${vsA} |`;
});
const note = process.env.BENCH_NOTE ? ` ${process.env.BENCH_NOTE}` : "";
const text = `
## ${when} UTC

Machine: ${cpus[0]?.model ?? "unknown CPU"} × ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform} ${process.arch}. Load average before ${load(loadBefore)}, after ${load(loadAfter)} (1/5/15 min). ${RUNS} runs each, interleaved.${note}

| process | median | min–max | vs (a) |
|---|---:|---:|---:|
${rows.join("\n")}

Budget c ≤ ${BUDGET} × a: ${ratio <= BUDGET ? "met" : "NOT met"} (${ratio.toFixed(1)}×).
Importing the registry loads ${loaded.modules} modules from ${loaded.packages.length} packages (${loaded.packages.join(", ") || "none"}); heavy packages among them: ${heavy.join(", ") || "none"}; command modules loaded before they run: ${loaded.eager.join(", ") || "none"}.
`;

const file = new URL("./results/startup.md", import.meta.url);
if (!existsSync(file)) {
  writeFileSync(
    file,
    '# Start-up\n\n`npm run build && node bench/startup.mjs`. Wall time of fresh Node processes, from spawn to exit, measured by the parent: (a) `node -e 0`, (b) importing the command registry, (c) a one-shot `cost`. Each row is the median of interleaved runs; the budget (ARCHITECTURE.md, "Fast to start") is c ≤ 4 × a. The machine is shared: the load average is recorded with every run.\n',
  );
}
appendFileSync(file, text);
console.log(text);
if (heavy.length > 0 || loaded.eager.length > 0) process.exitCode = 1;
