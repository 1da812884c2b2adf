/**
 * What `help` and the registry know about the file commands (split, concurrency, rightsize,
 * upload), without loading the file readers, csv-parse or the analysis.
 */
import type { CommandInfo } from "../command.js";

/** The options every file command accepts, for `help COMMAND`. */
export const FILE_OPTIONS_HELP: readonly string[] = [
  "--named 70 --concurrent 140: rates per user / pool seat per month (write 840/yr for a yearly rate); else the channel's deal; without them you get the usage part and a one-line ask.",
  "--currency GBP (or a bare GBP, or a £/$/€ sign on a rate).",
  "--headroom 10% (pool on top of the peak, rounded up) or --headroom +5 (seats).",
  "--force-named a@x.com,b@y.com and --force-concurrent …: people whose licence type is decided by policy (someone typed in --force-named with no sessions still takes a seat).",
  '--force-named-groups "Service Desk,Managers" and --force-concurrent-groups HR,Finance (need --roster): everyone in those groups who is in the log; a name matches the roster\'s group column, else its role column, ignoring case and spaces.',
  "Roster VIPs are named by default (--no-vip-policy to plan them like anyone else). Someone forced both named and concurrent is an error; the reply counts each policy: Forced named: 12 (VIP 3, group Service Desk 9).",
  "--roster roster.csv: a roster alongside a session log (users not in it are flagged; groups give a per-group peak and an agents-and-leads rule of thumb).",
  '--roster-key "Employee ID": the roster\'s column holding the ids the log uses, when it is not the one it would pick (e.g. its Email) (needs --roster).',
  "--timeout 30m: a login with no logout ends this long after it (default 30m). --count sessions: overlapping sessions of one person each take a slot (default: counted once).",
  '--date-format dd/mm | mm/dd when the file can\'t tell; --tz Europe/London for times without a zone (default UTC); --map start="Login Time" (repeat, or a comma list) to name columns; --sheet "Agents" for an XLSX sheet.',
  "--time-limit 10: the solver's budget, about that many seconds of work on an idle machine, counted in LP iterations so a busy machine gives the same answer (the clock stops it at 10× that); the reply says when it bound, with the gap.",
  "Right-sizing: --rate 70 (the licence price), --inactive 60 (days), --occasional 5 (activity below which a user is occasional), --as-of 2026-10-01 or --as-of today (the newest date in the file otherwise).",
  "Skipped rows are listed (first few) and saved in skipped-rows.csv; named-users.csv and flagged-users.csv hold the people — personal data stays in the files.",
];

export const SPLIT_INFO: CommandInfo = {
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
};

export const CONCURRENCY_INFO: CommandInfo = {
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
};

export const RIGHTSIZE_INFO: CommandInfo = {
  name: "rightsize",
  aliases: ["right-size", "roster"],
  summary: "Count the licences a roster really uses and what the unused ones cost a year.",
  usage: "rightsize PATH [--rate 70] [--inactive 60] [--occasional 5] [--as-of 2026-10-01]",
  examples: [
    "rightsize examples/roster.csv --rate 70 --currency GBP",
    "rightsize examples/roster.xlsx --rate £840/yr --inactive 90 --sheet Agents",
    "rightsize examples/roster.csv --rate 70 --as-of 2026-10-05",
  ],
  help: [
    "Flags departed and disabled accounts, people who never logged in, and people with no login for --inactive days (default 60; accounts created within that time are not called inactive) — all to remove — and occasional users (activity below --occasional, default 5), who keep access as candidates for a concurrent pool.",
    "The saving is the licences to remove × the rate × 12 (or × 1 for a yearly rate). Without a rate the counts are given and the reply asks for one.",
    ...FILE_OPTIONS_HELP,
  ],
};

export const UPLOAD_INFO: CommandInfo = {
  name: "upload",
  aliases: ["file", "analyse", "analyze"],
  summary: "Analyse a roster, session log or event log, whichever it is (like a Slack upload).",
  usage: "upload PATH [--named 70 --concurrent 140] [--rate 70] [--roster roster.csv]",
  examples: [
    "upload examples/sessions.csv --named 70 --concurrent 140",
    "upload examples/roster.csv --rate 70",
    "upload examples/logon.csv",
  ],
  help: [
    "Detects the kind of file from its columns: a roster (one row per user) is right-sized; a session or event log gets its concurrency and, when rates are known, the cheapest named/concurrent split.",
    ...FILE_OPTIONS_HELP,
  ],
};
