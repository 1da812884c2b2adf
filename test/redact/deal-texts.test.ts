import { describe, expect, it } from "vitest";
import { redactText } from "../../src/redact.js";

/**
 * Deal text the bot must see exactly as typed: every figure here is one a calculator could use,
 * and a redaction rule that took any of them would change an answer.
 */
const DEAL_TEXTS: readonly string[] = [
  "cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100",
  "renew £294,000 at a 3% cap for 3 years, list 7%",
  'tiers 240 --tiers "1-99 @ 75, 100-249 @ 70, 250+ @ 62"',
  "impl fixed 45k days 60 rate 1,200 overrun 10-40%",
  "renewal 2000000 --cpi 4.1,3.2,2.8 --lesser-of 3%",
  "a deal of 1,250,000 over 36 months from 2026-04-01",
  "our 12 345 agents",
  "the vendor wants £1,200,000 for 3 years",
  "£1.2m for 3 years is a total, not a unit price",
  "dates 2026-12-01 and 12/01/2026 and 01/12/2026",
  "renewal on 2026-12-01, notice by 2026-09-01",
  "GBP 294000 or 294,000 GBP, gbp 70 per agent",
  "GB pounds, EUR, USD 1,500,000.00",
  "1000 licences, 850 active, 120 inactive for 90 days",
  "uplift 5% a year for 2026 2027 2028 2029",
  "years 2026-2027-2028-2029",
  "P50 12, P90 38, P95 41, peak 44 concurrent",
  "€1,250/mo or 840/yr or $6.50/user/mo",
  "+5% on renewal, -3% volume break, +10.5%",
  "+1200000 uplift cap",
  "quote 12345678 for 260 agents",
  "account for 150 seats at £62 pm",
  "ticket INC0012345 and CHG0045678",
  "SKU ITSM-PRO-2026 x 150",
  "150x at £70",
  "price 70 x 150 seats = 10,500 a month",
  "£609,819.60 over the term",
  "US$ 2,000,000 and A$ 1,000,000",
  "between 08:00-18:00 Mon-Fri",
  "benchmark 55-65 per agent per month, 10-15% discount",
  "order 1234 5678 9012 seats? no, 1,234 seats",
  "UK 0.5% CPI, 2.8% RPI, 3.2% for 2027",
  "12.5% off 1,000,000.50",
  "1 000 000 named, 250 000 concurrent",
  "phase 1 45 days, phase 2 60 days, 1,200 a day",
];

describe("redactText leaves deal text untouched", () => {
  it.each(DEAL_TEXTS)("%j", (text) => {
    expect(redactText(text)).toBe(text);
  });
});
