// The real dealdesk server (`node dist/cli/main.js` with Slack tokens set) as a child process for
// the Slack benchmarks: started with a given environment, its HTTP port read from its start-up
// line on stderr, its output kept (Bolt's info lines go to stdout, ours to stderr), stopped with a signal and timed to its exit.
// Every wait is bounded.
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const MAIN = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));
const RUNNING = /Slack app running \(http:\/\/0\.0\.0\.0:(\d+)\/slack\/events\)/;

/**
 * Starts the server and resolves once it says it is running (or rejects after `startMs`, with the
 * last lines it wrote). `env` is added to a minimal environment: PATH and HOME only, so nothing
 * from the caller's shell (a DATABASE_URL, a model key) leaks into the bench.
 */
export async function startServer(name, env, { startMs = 60_000 } = {}) {
  // BENCH_NODE_ARGS: flags for the server's Node (e.g. --cpu-prof), to look into a figure.
  const flags = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...flags, MAIN], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines = [];
  const watchers = new Set();
  const partials = new Map();
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk) => {
      const parts = `${partials.get(stream) ?? ""}${chunk}`.split("\n");
      partials.set(stream, parts.pop() ?? "");
      for (const line of parts) {
        lines.push(line);
        for (const w of [...watchers]) if (w.test(line)) w.done(line);
      }
    });
  }
  // A bench that dies mid-run takes its servers with it rather than leaving them listening.
  const orphan = () => child.kill("SIGKILL");
  process.once("exit", orphan);
  child.once("exit", () => process.off("exit", orphan));
  const exited = new Promise((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal, at: performance.now() }));
  });

  /** Resolves with the first line (already written or to come) matching `re`; bounded by `ms`. */
  const waitLine = (re, what, ms = 30_000) => {
    const seen = lines.find((l) => re.test(l));
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const w = {
        test: (l) => re.test(l),
        done: (l) => {
          watchers.delete(w);
          clearTimeout(timer);
          resolve(l);
        },
      };
      const timer = setTimeout(() => {
        watchers.delete(w);
        reject(new Error(`${name}: timed out waiting for ${what}; last lines:\n${tail()}`));
      }, ms);
      watchers.add(w);
      exited.then(() => {
        if (!watchers.has(w)) return;
        watchers.delete(w);
        clearTimeout(timer);
        reject(new Error(`${name} exited while waiting for ${what}; last lines:\n${tail()}`));
      });
    });
  };
  const tail = (n = 12) => lines.slice(-n).join("\n");

  let shown = false;
  const started = performance.now();
  const line = await waitLine(RUNNING, "its start-up line", startMs);
  const port = Number(RUNNING.exec(line)?.[1]);
  const startedMs = performance.now() - started;

  return {
    name,
    port,
    startedMs,
    url: `http://127.0.0.1:${port}/slack/events`,
    lines,
    waitLine,
    tail,
    alive: () => child.exitCode === null && child.signalCode === null,
    /**
     * Sends `signal` and resolves with the exit code and the time from the signal to the exit;
     * after `ms` without an exit the process is killed and `timedOut` is set.
     */
    async stop(signal = "SIGTERM", ms = 60_000) {
      // BENCH_SHOW_LOGS=1 shows what the server logged (ids only, by design), after it stops.
      if (process.env.BENCH_SHOW_LOGS && !shown) {
        shown = true;
        exited.then(() => process.stderr.write(lines.map((l) => `[${name}] ${l}\n`).join("")));
      }
      if (child.exitCode !== null || child.signalCode !== null) {
        const e = await exited;
        return { code: e.code, signal: e.signal, ms: 0, timedOut: false };
      }
      const sent = performance.now();
      child.kill(signal);
      let timer;
      const late = new Promise((resolve) => {
        timer = setTimeout(() => resolve(undefined), ms);
      });
      const e = await Promise.race([exited, late]);
      clearTimeout(timer);
      if (e === undefined) {
        child.kill("SIGKILL");
        const k = await exited;
        return { code: k.code, signal: k.signal, ms: k.at - sent, timedOut: true };
      }
      return { code: e.code, signal: e.signal, ms: e.at - sent, timedOut: false };
    },
  };
}
