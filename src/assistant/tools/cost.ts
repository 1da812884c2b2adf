/** The `cost` calculator as a tool: plans of licence lines, the last plan the baseline. */
import { z } from "zod";
import { costCommand } from "../../commands/cost/command.js";
import { calculatorTool } from "./calculator.js";
import { amountSchema, currencyOption, currencySchema, plain } from "./tool.js";

const lineSchema = z
  .object({
    seats: z.number().int().positive().max(1_000_000),
    type: z.enum(["named", "concurrent"]),
    price: amountSchema.describe("price per user (per seat)"),
    period: z
      .enum(["month", "year"])
      .optional()
      .describe("what the price is per; omit when the question does not say (month is assumed)"),
  })
  .strict();

const planSchema = z
  .object({
    lines: z.array(lineSchema).min(1).max(6),
    usersCovered: z
      .number()
      .int()
      .positive()
      .max(1_000_000)
      .optional()
      .describe("how many people the plan serves, when the question says"),
  })
  .strict();

export const costArgs = z
  .object({
    plans: z
      .array(planSchema)
      .min(1)
      .max(4)
      .describe("the plans to cost; the LAST plan is the baseline the others are compared with"),
    years: z.number().int().min(1).max(10).optional().describe("term in years, flat"),
    currency: currencySchema.optional(),
  })
  .strict();

export type CostArgs = z.infer<typeof costArgs>;

function lineText(line: CostArgs["plans"][number]["lines"][number]): string {
  const period = line.period === "year" ? "/yr" : line.period === "month" ? "/mo" : "";
  return `${line.seats} ${line.type} @ ${plain(line.price)}${period}`;
}

/** `150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100 --years 3 --currency GBP` */
export function costText(args: CostArgs): string {
  const plans = args.plans.map((p) => {
    const users = p.usersCovered === undefined ? "" : ` for ${p.usersCovered} users`;
    return `${p.lines.map(lineText).join(" + ")}${users}`;
  });
  const years = args.years === undefined ? "" : ` --years ${args.years}`;
  return `${plans.join(" vs ")}${years}${currencyOption(args.currency)}`;
}

export const costTool = calculatorTool({
  command: costCommand,
  description:
    "Cost named/concurrent licensing plans per year (and over a term) and compare each with the last plan, the baseline, splitting the saving into users covered, rates and licensing model. Use for any question with seat counts and prices.",
  schema: costArgs,
  toText: costText,
});
