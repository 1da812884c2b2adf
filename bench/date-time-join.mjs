#!/usr/bin/env node
// Benchmark of reading a session log that writes the date and the time in separate columns
// (`User,Date,Start Time,End Time`), which src/roster/date-time-join.ts joins before the rows are
// read (the fast line reader can't read such rows in place), against the same sessions written
// with one date-time per column. Each file is read in a fresh child process, so the peak RSS is
// that file's alone. Build first: `npx tsc -p tsconfig.build.json`, then
// `node bench/date-time-join.mjs`. Results are appended to bench/results/date-time-join.md.
import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { rng } from "./generate-org.mjs";

const pad = (n) => String(n).padStart(2, "0");
const day = (ms) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const hhmm = (ms) => {
  const d = new Date(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

/** `rows` sessions of 5,000 people from 1 March 2026, logging in 07:00–10:00 for 2–9 hours. */
function generate(rows, seed) {
  const random = rng(seed);
  const out = [];
  const day0 = Date.UTC(2026, 2, 1);
  for (let i = 0; out.length < rows; i++) {
    const d = Math.floor(i / 5000);
    const start = day0 + d * 86_400_000 + Math.floor((7 + random() * 3) * 60) * 60_000;
    out.push([
      `agent${i % 5000}@example.com`,
      start,
      start + Math.floor((2 + random() * 7) * 60) * 60_000,
    ]);
  }
  return out;
}

function split(rows) {
  const lines = ["User,Date,Start Time,End Time"];
  for (const [u, s, e] of rows) lines.push(`${u},${day(s)},${hhmm(s)},${hhmm(e)}`);
  return `${lines.join("\n")}\n`;
}

function joined(rows) {
  const lines = ["User,Start,End"];
  for (const [u, s, e] of rows) lines.push(`${u},${day(s)} ${hhmm(s)},${day(e)} ${hhmm(e)}`);
  return `${lines.join("\n")}\n`;
}

const CHILD = `
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
const { readRosterFile } = await import(process.argv[2]);
const bytes = new Uint8Array(readFileSync(process.argv[1]));
const t0 = performance.now();
const r = await readRosterFile(bytes, "bench.csv");
const ms = performance.now() - t0;
if (!r.ok) throw new Error(JSON.stringify(r.issues));
console.log(JSON.stringify({ ms, rss: process.resourceUsage().maxRSS / 1024, sessions: r.value.summary.sessions, notes: r.value.notes.length }));
`;

const dir = mkdtempSync(join(os.tmpdir(), "dealdesk-join-bench-"));
const reader = new URL("../dist/roster/read-file.js", import.meta.url).href;
const results = [];
for (const n of [200_000, 1_000_000]) {
  const rows = generate(n, 11);
  for (const [layout, text] of [
    ["Date, Start Time, End Time (joined)", split(rows)],
    ["Start, End (one column each)", joined(rows)],
  ]) {
    const path = join(dir, `${n}-${layout.length}.csv`);
    writeFileSync(path, text);
    const t0 = performance.now();
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", CHILD, path, reader], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    });
    const wall = performance.now() - t0;
    results.push({ n, layout, mb: text.length / 2 ** 20, wall, ...JSON.parse(out) });
  }
}

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const header = `\n## ${new Date().toISOString().slice(0, 10)} — ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os.loadavg()[0].toFixed(1)} at the end\n\n| rows | layout | size (MB) | read (ms) | peak RSS of the reading process (MB) | sessions |\n|---:|---|---:|---:|---:|---:|\n`;
const body = results
  .map(
    (r) =>
      `| ${r.n.toLocaleString("en-GB")} | ${r.layout} | ${r.mb.toFixed(1)} | ${r.ms.toFixed(0)} | ${r.rss.toFixed(0)} | ${r.sessions.toLocaleString("en-GB")} |`,
  )
  .join("\n");
const file = new URL("./results/date-time-join.md", import.meta.url);
if (!existsSync(file)) {
  writeFileSync(
    file,
    "# Reading logs with the date and the time in separate columns\n\nTime from the file's bytes to sessions for `User,Date,Start Time,End Time` (joined by\n`src/roster/date-time-join.ts`, read on the cell path) and for the same sessions written one\ndate-time per column (the fast line path). Each file is read in its own process; the RSS\nincludes the file's text. Written by `node bench/date-time-join.mjs` after\n`npx tsc -p tsconfig.build.json`.\n",
  );
}
appendFileSync(file, `${header}${body}\n`);
console.log(header + body);
