/** What `help` and the registry know about `renewal`; the grammar's hints quote the same example. */
import type { CommandInfo } from "../command.js";

export const NAME = "renewal";
export const USAGE =
  "renewal BASE [CURRENCY] --years N (--cap X% | --cpi A,B,… [--lesser-of X% | --greater-of X%] | --list X%) [--floor X%] [--list X%] [--discount X%]";
export const EXAMPLE = "renewal 294000 --currency GBP --years 3 --cap 3%";

export const RENEWAL_INFO: CommandInfo = {
  name: NAME,
  aliases: ["renew", "term"],
  summary: "What a renewal term costs under a yearly cap or CPI rule, against an uncapped uplift.",
  usage: USAGE,
  examples: [
    "renewal $2m 3y cap 3% list 7%",
    "renewal 2000000 --currency USD --years 3 --cpi 4.1,3.2,2.8 --lesser-of 3%",
    "renewal 294k GBP years 3 cpi 4.1,3.2 greater-of 3% floor 1%",
    "renewal 294000 --currency GBP --years 3 --cap 3% --discount 5%",
  ],
  help: [
    "BASE is the year-1 annual cost: 294000, 294k, $2m, £1.2m; write /mo for a monthly figure (× 12).",
    "--years N (or 3y): the term, 1 to 10 years. Year 1 is the base; each later year is the previous year × (1 + uplift), rounded to the penny as an invoice would be.",
    "--cap X%: a fixed yearly cap; the worst case (the full cap every year) is shown.",
    "--cpi A,B,…: CPI for years 2, 3, … in order (a 3-year term needs 2 values; extra values are ignored and named in a note). Alone it means CPI uplift.",
    "--lesser-of X% (buyer friendly) or --greater-of X% (vendor friendly): with --cpi, the uplift is the lesser or greater of CPI and X%.",
    "--floor X%: the uplift is never below X% (at most the cap).",
    "--list X%: an uncapped list uplift to compare against; alone, it is the uplift. Without it, CPI rules compare with CPI alone.",
    "--discount X%: a multi-year discount off every year's invoice (the comparison gets it too).",
    "Options work with or without dashes: `renewal $2m 3y cap 3%`. The currency comes from a £/$/€ sign, a code such as GBP, or --currency.",
    "A per-year cap on a multi-year term gets a warning: a vendor charging it for the whole term at renewal turns 3% a year into 9%.",
  ],
};
