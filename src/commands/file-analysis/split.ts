/** `split PATH`: the cost-optimal named/concurrent split of a session or event log. */
import type { Command } from "../command.js";
import { FILE_OPTIONS_HELP, fileCommand } from "./file-command.js";

export const splitCommand: Command = fileCommand({
  name: "split",
  aliases: ["optimise", "optimize"],
  summary: "Find the cheapest mix of named seats and a concurrent pool from a session log.",
  usage:
    "split PATH --named 70 --concurrent 140 [--currency GBP] [--headroom 10%] [--roster roster.csv]",
  examples: [
    "split examples/sessions.csv --named 70 --concurrent 140 --currency GBP",
    "split examples/sessions.csv --named 70 --concurrent 140 --headroom 10% --roster examples/roster.csv",
    "split examples/logon.csv --named 840/yr --concurrent 1680/yr --force-named person0039@example.com --tz Europe/London",
    'split examples/sessions.csv --named 70 --concurrent 140 --roster examples/roster.csv --force-named-groups "Service Desk" --force-concurrent-groups HR,Finance',
  ],
  help: [
    "Reads a session log (user, login, logout or duration) or an event log (user, time, login/logout), CSV or XLSX, and chooses who to name and how big a pool to buy so that at every instant the pooled people online fit in the pool, at the least annual cost.",
    "Solved exactly as an integer program (HiGHS) within a time limit; the reply always says whether the plan is proven optimal or how close it is to the proven minimum.",
    "Compared side by side: naming everyone, pooling everyone (pool = peak), the rule of thumb (name whoever is online more than named ÷ concurrent of the peak time), ranking by hours online, and the optimum.",
    "Policies decide some people's licence before the optimiser chooses: --force-named / --force-concurrent (people), --force-named-groups / --force-concurrent-groups (roster groups or roles), and roster VIPs named unless --no-vip-policy; the reply counts each.",
    ...FILE_OPTIONS_HELP,
  ],
  mode: "split",
});
