/** The `impl` calculator as a tool: fixed-price implementation against time and materials. */
import { z } from "zod";
import { implementationCommand } from "../../commands/impl/command.js";
import { calculatorTool } from "./calculator.js";
import { amountSchema, currencyOption, currencySchema, percentSchema, plain } from "./tool.js";

export const implArgs = z
  .object({
    fixedPrice: amountSchema.optional().describe("the vendor's fixed price for the work"),
    days: z.number().positive().max(10_000).optional().describe("time and materials: days"),
    dayRate: amountSchema.optional(),
    overrunLowPercent: percentSchema.optional(),
    overrunHighPercent: percentSchema.optional().describe("how far T&M may run over the estimate"),
    annualSubscription: amountSchema.optional().describe("first-year subscription, for the TCO"),
    currency: currencySchema.optional(),
  })
  .strict();

export type ImplArgs = z.infer<typeof implArgs>;

function option(name: string, value: number | undefined): string {
  return value === undefined ? "" : ` --${name} ${plain(value)}`;
}

/** `--fixed 45000 --days 60 --day-rate 1200 --overrun 10-40% --currency GBP` */
export function implText(args: ImplArgs): string {
  const high = args.overrunHighPercent;
  const overrun =
    high === undefined ? "" : ` --overrun ${plain(args.overrunLowPercent ?? 0)}-${plain(high)}%`;
  return [
    option("fixed", args.fixedPrice),
    option("days", args.days),
    option("day-rate", args.dayRate),
    overrun,
    option("annual", args.annualSubscription),
    currencyOption(args.currency),
  ].join("");
}

export const implTool = calculatorTool({
  command: implementationCommand,
  description:
    "Compare a fixed-price implementation with time and materials (days × day rate, with an overrun range), optionally with the first-year subscription for the first-year total.",
  schema: implArgs,
  toText: implText,
});
