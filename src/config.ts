/**
 * The environment, parsed once at start-up with zod. A bad value stops start-up with one line that
 * names the variable and what it expects. Only variables that something reads are listed here.
 */
import { z } from "zod";
import { type CurrencyCode, parseCurrency } from "./core/money.js";

const currencySchema = z
  .string()
  .trim()
  .transform((value, ctx): CurrencyCode => {
    const r = parseCurrency(value);
    if (!r.ok) {
      ctx.addIssue({
        code: "custom",
        message: "an ISO 4217 currency code such as GBP, USD or EUR",
      });
      return z.NEVER;
    }
    return r.value;
  });

const envSchema = z.object({
  /** The currency a calculation uses when the typed text names none. */
  DEALDESK_CURRENCY: currencySchema.prefault("GBP"),
});

export interface Config {
  readonly defaultCurrency: CurrencyCode;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

export function parseConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const name = String(first?.path[0] ?? "environment");
    const got = env[name];
    const shown = got === undefined ? "" : ` (got "${got}")`;
    return { ok: false, message: `${name} must be ${first?.message ?? "valid"}${shown}` };
  }
  return { ok: true, config: { defaultCurrency: parsed.data.DEALDESK_CURRENCY } };
}
