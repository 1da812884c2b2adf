/** What `help` and the registry know about `impl`; the grammar's hints quote the same example. */
import type { CommandInfo } from "../command.js";

export const NAME = "impl";
export const EXAMPLE =
  "impl --fixed 45k --days 60 --day-rate 1200 --overrun 10-40% --annual 294k GBP";

export const IMPL_INFO: CommandInfo = {
  name: NAME,
  aliases: ["implementation"],
  summary: "Fixed-price implementation against time and materials, with the first-year total cost.",
  usage:
    "impl [--fixed PRICE] [--days N --day-rate RATE [--overrun LOW-HIGH%]] [--annual SUBSCRIPTION] [CURRENCY]",
  examples: [
    "impl fixed 45k days 60 rate 1200 overrun 10-40% annual 294k GBP",
    EXAMPLE,
    "impl days 40 rate $1,000 overrun 0-25%",
  ],
  help: [
    "--fixed PRICE: the vendor's fixed price for the implementation (45k, £45,000).",
    "--days N --day-rate RATE: time and materials; the estimate is days × day rate.",
    "--overrun LOW-HIGH%: how far T&M may run over the estimate, e.g. 10-40%; a single 30% means 0 to 30%.",
    "--annual AMOUNT: the first-year subscription (write /mo for a monthly figure), giving the first-year total cost of ownership.",
    "Which is cheaper is judged at the T&M estimate; the worst case is the high end of the overrun.",
    "Options work with or without dashes: `impl fixed 45k days 60 rate 1200 overrun 10-40%`. The currency comes from a £/$/€ sign, a code such as GBP, or --currency.",
  ],
};
