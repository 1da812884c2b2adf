#!/usr/bin/env node
// Slack acknowledgement benchmark: 50 correctly signed `/deal cost …` slash commands sent at once
// to the real Bolt HTTP receiver; time from sending each request to its HTTP 200 (the ack Slack
// needs within 3 s), and until every answer has reached the (local, fake) Web API.
// Build first: `npx tsc -p tsconfig.build.json && node bench/slack-ack.mjs`.
// Writes bench/results/slack-ack.md with the date and the machine.
import { createHmac } from "node:crypto";
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { serverContext } from "../dist/cli/context.js";
import { currency } from "../dist/core/money.js";
import { startSlackApp } from "../dist/slack/start.js";

const COUNT = Number(process.env.BENCH_COUNT ?? 50);
const SECRET = "0123456789abcdef0123456789abcdef";
const TEXT = "cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100 GBP";

// The stand-in Web API: answers like Slack and counts the answers posted.
let posted = 0;
let postedAll;
const allPosted = new Promise((resolve) => {
  postedAll = resolve;
});
const api = createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const method = (req.url ?? "").replace(/^\/api\//, "");
    const body =
      method === "auth.test"
        ? { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1" }
        : { ok: true, ts: `${Date.now() / 1000}` };
    if (method === "chat.postMessage" && ++posted === COUNT + 1) postedAll();
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  });
});
await new Promise((resolve) => api.listen(0, "127.0.0.1", resolve));
const apiUrl = `http://127.0.0.1:${api.address().port}/api/`;

const quiet = {
  debug() {},
  info() {},
  warn: console.warn,
  error: console.error,
  setLevel() {},
  getLevel: () => "error",
  setName() {},
};
const app = await startSlackApp({
  config: { botToken: "xoxb-bench", signingSecret: SECRET, apiUrl, extraFileHosts: [], port: 0 },
  context: serverContext(currency("GBP")),
  logger: quiet,
  logLevel: "error",
  retries: 0,
});
const url = `http://127.0.0.1:${app.port}/slack/events`;

function signedSlash(i) {
  const body = new URLSearchParams({
    team_id: "T1",
    channel_id: `C${i}`,
    user_id: "U1",
    command: "/deal",
    text: TEXT,
    response_url: `${apiUrl}respond`,
    trigger_id: `t.${i}`,
  }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const sig = `v0=${createHmac("sha256", SECRET).update(`v0:${ts}:${body}`).digest("hex")}`;
  return {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(ts),
      "x-slack-signature": sig,
    },
    body,
  };
}

async function ackTime(i) {
  const start = performance.now();
  const res = await fetch(url, signedSlash(i));
  await res.text();
  if (res.status !== 200) throw new Error(`request ${i}: HTTP ${res.status}`);
  return performance.now() - start;
}

const load = os.loadavg()[0];
// One request first: Bolt checks the token with auth.test on the first request only.
const cold = await ackTime(0);
const burstStart = performance.now();
const times = await Promise.all(Array.from({ length: COUNT }, (_, i) => ackTime(i + 1)));
const lastAck = performance.now() - burstStart;
await allPosted;
const allAnswered = performance.now() - burstStart;
await app.stop();
api.close();

const sorted = [...times].sort((a, b) => a - b);
const pct = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (v) => `${v.toFixed(1)} ms`;
const cpus = os.cpus();
const machine = `${cpus[0]?.model.trim() ?? "unknown CPU"} × ${cpus.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}, load average ${load.toFixed(1)} at the start`;
const within = times.filter((t) => t < 3000).length;

const report = `# Slack acknowledgement benchmark

Date: ${new Date().toISOString()}  
Machine: ${machine}  
Command: \`npx tsc -p tsconfig.build.json && node bench/slack-ack.mjs\`

${COUNT} correctly signed \`/deal ${TEXT}\` slash commands sent at once to the real Bolt HTTP
receiver on this machine (signature verification on); the Web API is a local stand-in. "Ack" is the
time from sending a request to its HTTP 200, which Slack needs within 3 s; the answer itself is
posted afterwards with chat.postMessage.

| measure | value |
|---|---:|
| first request alone (includes Bolt's one-off auth.test) | ${ms(cold)} |
| ack median | ${ms(pct(50))} |
| ack p99 | ${ms(pct(99))} |
| ack min / max | ${ms(sorted[0])} / ${ms(sorted[sorted.length - 1])} |
| acknowledged within 3 s | ${within} of ${COUNT} |
| last ack after the burst started | ${ms(lastAck)} |
| all ${COUNT} answers posted (chat.postMessage) after the burst started | ${ms(allAnswered)} |
`;
writeFileSync(new URL("./results/slack-ack.md", import.meta.url), report);
process.stdout.write(report);
if (within < COUNT) process.exitCode = 1;
