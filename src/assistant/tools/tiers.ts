/** The `tiers` calculator as a tool: a quantity priced on a volume price book. */
import { z } from "zod";
import { tiersCommand } from "../../commands/tiers/command.js";
import { calculatorTool } from "./calculator.js";
import { amountSchema, currencyOption, currencySchema, plain } from "./tool.js";

const count = z.number().int().positive().max(1_000_000);

const tierSchema = z
  .object({
    from: count,
    to: count.optional().describe("omit for the open-ended last tier (e.g. 250+)"),
    rate: amountSchema.describe("price per user in this tier"),
  })
  .strict();

export const tiersArgs = z
  .object({
    seats: count.describe("the quantity priced today"),
    tiers: z.array(tierSchema).min(1).max(12).describe("in order from the smallest quantity"),
    period: z.enum(["month", "year"]).optional().describe("what every rate is per; default month"),
    mode: z
      .enum(["all-units", "graduated"])
      .optional()
      .describe("all-units: every seat at the reached tier's rate (default); graduated: per band"),
    forecastSeats: count.optional().describe("seats expected later, if the question says"),
    forecastMonths: z.number().int().positive().max(120).optional(),
    currency: currencySchema.optional(),
  })
  .strict();

export type TiersArgs = z.infer<typeof tiersArgs>;

/** `240 --tiers "1-99 @ 75, 100-249 @ 70, 250+ @ 62" --mode graduated --currency GBP` */
export function tiersText(args: TiersArgs): string {
  const period = args.period === "year" ? "/yr" : "";
  const tiers = args.tiers
    .map(
      (t) =>
        `${t.to === undefined ? `${t.from}+` : `${t.from}-${t.to}`} @ ${plain(t.rate)}${period}`,
    )
    .join(", ");
  const mode = args.mode === undefined ? "" : ` --mode ${args.mode}`;
  const forecast =
    args.forecastSeats === undefined
      ? ""
      : ` --forecast ${args.forecastSeats}${args.forecastMonths === undefined ? "" : ` --within ${args.forecastMonths}`}`;
  return `${args.seats} --tiers "${tiers}"${mode}${forecast}${currencyOption(args.currency)}`;
}

export const tiersTool = calculatorTool({
  command: tiersCommand,
  description:
    "Price a seat count on a volume price book: cost at the tier reached, the next break, whether buying up to it is cheaper, and the rate to ask for.",
  schema: tiersArgs,
  toText: tiersText,
});
