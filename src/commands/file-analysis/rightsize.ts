/** `rightsize PATH`: how many licences a roster really needs, and what the rest cost a year. */
import type { Command } from "../command.js";
import { FILE_OPTIONS_HELP, fileCommand } from "./file-command.js";

export const rightsizeCommand: Command = fileCommand({
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
  mode: "rightsize",
});
