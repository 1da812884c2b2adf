#!/usr/bin/env node
// The yardstick for bench/concurrency-scale.mjs: the least a concurrency answer can cost. Reads a
// session CSV (user,login,logout; ISO times; a missing logout closes at 30 minutes), parses every
// login and logout, sorts them and sweeps for the peak number of sessions open at once. No merging
// of a user's overlaps, no row checks, no report: only parse and sweep.
//
//   node bench/lib/minimal-sweep.mjs FILE   → prints {"rows":…,"peak":…}
import { readFileSync } from "node:fs";

const TIMEOUT_MS = 30 * 60_000;
const text = readFileSync(process.argv[2], "utf8");
const lines = text.split("\n");
const starts = new Float64Array(lines.length);
const ends = new Float64Array(lines.length);
let n = 0;
for (let i = 1; i < lines.length; i++) {
  const cells = lines[i].split(",");
  if (cells.length < 3) continue;
  const start = Date.parse(cells[1]);
  const end = cells[2] === "" ? start + TIMEOUT_MS : Date.parse(cells[2]);
  if (!(end > start)) continue;
  starts[n] = start;
  ends[n] = end;
  n++;
}
const s = starts.subarray(0, n).sort();
const e = ends.subarray(0, n).sort();
let online = 0;
let peak = 0;
for (let i = 0, j = 0; i < n; ) {
  if ((e[j] ?? Number.POSITIVE_INFINITY) <= s[i]) {
    online--;
    j++;
  } else {
    online++;
    i++;
    if (online > peak) peak = online;
  }
}
process.stdout.write(`${JSON.stringify({ rows: n, peak })}\n`);
