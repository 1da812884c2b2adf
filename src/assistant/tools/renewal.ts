/** The `renewal` calculator as a tool: a term's cost under a yearly cap or CPI rule. */
import { z } from "zod";
import { renewalCommand } from "../../commands/renewal/command.js";
import { calculatorTool } from "./calculator.js";
import { amountSchema, currencyOption, currencySchema, percentSchema, plain } from "./tool.js";

export const renewalArgs = z
  .object({
    annualAmount: amountSchema.describe("the year-1 annual cost"),
    years: z.number().int().min(1).max(10),
    capPercent: percentSchema.optional().describe("a fixed yearly cap"),
    cpiPercents: z
      .array(percentSchema)
      .min(1)
      .max(9)
      .optional()
      .describe("CPI for years 2, 3, … in order"),
    lesserOfPercent: percentSchema.optional().describe("uplift = the lesser of CPI and this"),
    greaterOfPercent: percentSchema.optional().describe("uplift = the greater of CPI and this"),
    floorPercent: percentSchema.optional(),
    listUpliftPercent: percentSchema
      .optional()
      .describe("an uncapped list uplift to compare against"),
    discountPercent: percentSchema.optional().describe("a multi-year discount off every invoice"),
    currency: currencySchema.optional(),
  })
  .strict();

export type RenewalArgs = z.infer<typeof renewalArgs>;

function percentOption(option: string, value: number | undefined): string {
  return value === undefined ? "" : ` --${option} ${plain(value)}%`;
}

/** `294000 --years 3 --cap 3% --currency GBP` */
export function renewalText(args: RenewalArgs): string {
  const cpi =
    args.cpiPercents === undefined ? "" : ` --cpi ${args.cpiPercents.map(plain).join(",")}`;
  return [
    `${plain(args.annualAmount)} --years ${args.years}`,
    percentOption("cap", args.capPercent),
    cpi,
    percentOption("lesser-of", args.lesserOfPercent),
    percentOption("greater-of", args.greaterOfPercent),
    percentOption("floor", args.floorPercent),
    percentOption("list", args.listUpliftPercent),
    percentOption("discount", args.discountPercent),
    currencyOption(args.currency),
  ].join("");
}

export const renewalTool = calculatorTool({
  command: renewalCommand,
  description:
    "Project a renewal term year by year under a fixed cap, CPI, the lesser/greater of CPI and a cap, a floor or a list uplift, with an optional multi-year discount.",
  schema: renewalArgs,
  toText: renewalText,
});
