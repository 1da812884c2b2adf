// Preloaded into a measured child process (`node --import …/child-stats.mjs`): when the process
// exits it writes its own CPU time (user + system, all threads) and peak resident memory (VmHWM
// from /proc/self/status, read before the process is gone) to the file BENCH_STATS_FILE names.
import { readFileSync, writeFileSync } from "node:fs";

const out = process.env.BENCH_STATS_FILE;
if (out) {
  process.on("exit", () => {
    const cpu = process.cpuUsage();
    let peakKb = null;
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"));
      peakKb = m ? Number(m[1]) : null;
    } catch {
      // Not Linux: no /proc. The table then says "–" for memory.
    }
    writeFileSync(
      out,
      JSON.stringify({ userMs: cpu.user / 1000, systemMs: cpu.system / 1000, peakKb }),
    );
  });
}
