/**
 * What `help` and the registry know about the deal commands (triage, brief, email), without
 * loading the drafting code. The quote grammar's hints quote the same example as the help.
 */
import type { CommandInfo } from "../command.js";

export const QUOTE_EXAMPLE =
  'triage 260 @ 62 active 212 tiers "1-99 @ 75, 100-249 @ 70, 250+ @ 62" days 60 day-rate 1200 cap none GBP';
export const TRIAGE_USAGE =
  'triage PATH.json [--csv] | triage SEATS @ RATE [active N] [tiers "…"] [days N day-rate R] [cap none|5%|cpi-3%] …';
export const BRIEF_EXAMPLE = "brief examples/deal.json --format docx --out brief.docx";
export const EMAIL_EXAMPLE = 'email examples/deal.json --to "Sam Lee" --from "Alex Kim"';

export const TRIAGE_INFO: CommandInfo = {
  name: "triage",
  aliases: ["check"],
  summary:
    "The five moves checked against a vendor's offer: covered, missing or against us, with the money at stake.",
  usage: TRIAGE_USAGE,
  examples: [
    "triage examples/deal.json",
    QUOTE_EXAMPLE,
    "triage 260 @ 62 active 212 core 170 peak 20 pool-rate 124 fixed 45k acceptance cap 5% locked exit",
  ],
  help: [
    "triage deal.json reads a deal description (see examples/deal.json); --csv also saves the asks as asks.csv.",
    'Typed: SEATS @ RATE, then any of: active N, core N peak N pool-rate R (for the licensing model), tiers "1-99 @ 75, 100-249 @ 70, 250+ @ 62" [graduated], days N day-rate R overrun 40% (time and materials) or fixed PRICE [acceptance] [migration], cap none|5%|cpi-3%|min-3%|list-7% [locked] [exit], years N, renews YYYY-MM-DD, forecast N, bench RATE, vendor NAME, and a currency.',
    "Statuses: against us (the offer does the opposite), missing (it is silent), not checked (the data is missing), not needed, covered.",
    "Ranked by value over the term: a yearly saving counts once per year of the term, the renewal cap over the term, the implementation once.",
    "With no renewal cap, rises are assumed at 7% a year unless assumptions.listUplift says otherwise; the cap we ask for is 3% unless assumptions.askCap says otherwise.",
  ],
};

export const BRIEF_INFO: CommandInfo = {
  name: "brief",
  aliases: ["report"],
  summary:
    "The negotiation brief for a deal: facts, savings waterfall, asks, clauses, leverage and timing (DOCX, Markdown or Slack).",
  usage: "brief PATH.json [--format docx|md|slack] [--out FILE] [--today YYYY-MM-DD]",
  examples: [
    BRIEF_EXAMPLE,
    "brief examples/deal.json --format md --out brief.md",
    "brief examples/deal.json --format slack",
  ],
  help: [
    "--format docx (default) writes a Word file; md writes Markdown; slack writes Slack mrkdwn.",
    "--out FILE names the file: in the terminal a bare name is saved under ./out, a path (./brief.docx, /tmp/acme.docx) exactly there, and a folder (reports/) gets the file under its own name; missing folders are created and an existing file is replaced. In Slack the file is uploaded under that name. Markdown and Slack text are saved only with --out; otherwise they are in the --json output as text.",
    "--today YYYY-MM-DD sets the date the start-by countdown is measured from (default: today).",
    `The start-by date is the renewal date less the notice period less 90 days of runway.`,
    "The deal file format is described in README.md and shown in examples/deal.json.",
  ],
};

export const EMAIL_INFO: CommandInfo = {
  name: "email",
  aliases: ["e-mail", "counter"],
  summary: "A short counter-proposal e-mail to the vendor, built from the asks.",
  usage: "email PATH.json [--to NAME] [--from NAME] [--today YYYY-MM-DD]",
  examples: [EMAIL_EXAMPLE, "email examples/deal.json"],
  help: [
    "Lists the asks the offer misses or works against, the annual price they lead to, and the clauses chosen in the deal.",
    "It never shows our money-at-stake figures, fallbacks or walk-away positions.",
    "Asks for a revised proposal before the notice deadline (renewal date less the notice period) when that is still ahead.",
  ],
};
