/**
 * Clause variables filled from the deal: a variable that declares `fromDeal` takes that figure
 * from deal.json when the deal has it, so the brief's clauses quote the deal's own term, renewal
 * date, benchmark and rates rather than the template's defaults. Values are produced as the text
 * a user would type ("3", "58.00", "3%"), then checked like any other value, so a deal figure that
 * does not fit the variable (a term of 12 years for a 1–10 variable) is reported, never bent.
 */
import { toDecimal } from "../core/money.js";
import { formatPercent } from "../core/percent.js";
import type { Deal } from "./deal-schema.js";
import type { DealField, TemplateMeta, VariableType } from "./template-meta.js";

/** The variable type each deal field gives; a template pairing it with another type fails to load. */
export const DEAL_FIELD_TYPES: Readonly<Record<DealField, VariableType>> = {
  renewalDate: "date",
  termYears: "integer",
  ratePeriod: "choice",
  askCap: "percent",
  benchmarkRate: "money",
  concurrentSeats: "integer",
  implementationPrice: "money",
  implementationDayRate: "money",
};

/** The deal's value for one field as typed text, or undefined when the deal does not say. */
export function dealFieldValue(deal: Deal, field: DealField): string | number | undefined {
  switch (field) {
    case "renewalDate":
      return deal.renewalDate;
    case "termYears":
      return deal.termYears;
    case "ratePeriod":
      return deal.offer.ratePeriod;
    case "askCap":
      // Twelve places: a percentage from deal.json is a short decimal, so this is exact.
      return formatPercent(deal.assumptions.askCap, 12);
    case "benchmarkRate":
      return deal.leverage.benchmarkRate && toDecimal(deal.leverage.benchmarkRate);
    case "concurrentSeats":
      return deal.offer.concurrent?.seats;
    case "implementationPrice": {
      const price = deal.offer.implementation?.fixedPrice;
      return price && toDecimal(price);
    }
    case "implementationDayRate": {
      const rate = deal.offer.implementation?.dayRate;
      return rate && toDecimal(rate);
    }
  }
}

/** The values the deal gives this template's variables, by variable name. */
export function dealValues(meta: TemplateMeta, deal: Deal): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [name, spec] of Object.entries(meta.variables)) {
    if (spec.fromDeal === undefined) continue;
    const value = dealFieldValue(deal, spec.fromDeal);
    if (value !== undefined) values[name] = value;
  }
  return values;
}
