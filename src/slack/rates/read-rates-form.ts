/**
 * The "Change rates" form's four fields read into a channel deal, or a message for each bad field
 * (Slack shows it under the field). The rates are read with `/deal set`'s own rules.
 */
import { type ChannelDeal, parseRate } from "../../commands/deal/set.js";
import { type CurrencyCode, type Money, parseCurrency } from "../../core/money.js";
import { ratesStateSchema } from "../blocks/rates-modal.js";

export type RatesForm =
  | { readonly ok: true; readonly deal: ChannelDeal }
  | { readonly ok: false; readonly errors: Record<string, string> };

/** Validates the four fields; every bad one gets its own message. */
export function readRatesForm(values: unknown): RatesForm {
  const parsed = ratesStateSchema.safeParse(values);
  if (!parsed.success)
    return { ok: false, errors: { vendor: "The form was incomplete: open it again." } };
  const v = parsed.data;
  const errors: Record<string, string> = {};
  const vendor = (v.vendor.vendor.value ?? "").trim();
  if (vendor === "") errors.vendor = "Enter the vendor, e.g. HaloITSM.";
  else if (vendor.length > 80) errors.vendor = "Keep the vendor name under 80 characters.";
  const currencyText = (v.currency.currency.value ?? "").trim();
  const code = parseCurrency(currencyText);
  if (!code.ok)
    errors.currency = `"${currencyText}" is not a currency I know: use an ISO code such as GBP, USD or EUR.`;
  const currency = code.ok ? code.value : ("GBP" as CurrencyCode);
  const rates: { namedRate?: Money; concurrentRate?: Money } = {};
  for (const [field, label] of [
    ["named", "The named rate"],
    ["concurrent", "The concurrent rate"],
  ] as const) {
    const text = (field === "named" ? v.named.named.value : v.concurrent.concurrent.value) ?? "";
    const r = parseRate(text.trim(), label, currency);
    if (!r.ok) errors[field] = `${r.issue.message}${r.issue.hint ? ` — e.g. ${r.issue.hint}` : ""}`;
    else rates[field === "named" ? "namedRate" : "concurrentRate"] = r.value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, deal: { vendor, currency, ...rates } };
}
