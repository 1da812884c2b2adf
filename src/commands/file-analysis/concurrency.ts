/** `concurrency PATH`: how many people are online at once, and what a smaller pool would refuse. */
import type { Command } from "../command.js";
import { FILE_OPTIONS_HELP, fileCommand } from "./file-command.js";

export const concurrencyCommand: Command = fileCommand({
  name: "concurrency",
  aliases: ["peak", "conc"],
  summary: "Peak, percentiles and pool what-ifs of a session or event log.",
  usage: "concurrency PATH [--roster roster.csv] [--timeout 30m] [--tz Europe/London]",
  examples: [
    "concurrency examples/sessions.csv",
    "concurrency examples/sessions.csv --roster examples/roster.csv --timeout 45m",
    "concurrency examples/logon.csv --tz Europe/London --count sessions",
  ],
  help: [
    "Peak and when it happened; time-weighted P50/P90/P95/P99 from first login to last logout; time at or above those levels; and for pool sizes from the peak down, the logins a pool that size would have refused (a refused login gets no slot), the people affected and the time lost.",
    "With --roster, the peak of each group too.",
    ...FILE_OPTIONS_HELP,
  ],
  mode: "concurrency",
});
