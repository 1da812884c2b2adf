// The machine a benchmark ran on, in one line, as every results file records it.
import os from "node:os";

export function machineLine() {
  const cpus = os.cpus();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ");
  return `${cpus[0]?.model.trim() ?? "unknown CPU"} × ${cpus.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}; load average ${load} (1/5/15 min)`;
}
