/**
 * Reading a price book typed mid-call: `1-99 @ 75, 100-249 @ 70, 250+ @ 62`, also squeezed
 * (`1-99@75,100-249@70,250+@62`), with words (`1 to 99 at £75`), thousands (`1,000-2,499 @ 40`),
 * en dashes from phones, `;` or plain spaces between tiers, and `/yr` or `/mo` on a rate.
 * Only reading happens here; whether the tiers make a valid book is decided in core/tiers.
 */
import { fail, ok, type Result } from "../../core/result.js";
import { parseAmount, type TypedAmount } from "./amounts.js";

export interface TypedTier {
  readonly from: number;
  /** Undefined for an open tier (`250+`). */
  readonly to?: number;
  readonly rate: TypedAmount;
  /** The tier as typed, for messages. */
  readonly text: string;
}

const COUNT = String.raw`\d{1,3}(?:,\d{3})+|\d+`;
const RANGE = String.raw`(?<from>${COUNT})\s*(?:(?:-|–|—|to\b)\s*(?<to>${COUNT})|(?<open>\+|\s+and\s+(?:up|over|above)\b|\s+or\s+more\b))?`;
const AT = String.raw`\s*(?:@|\bat\b|:|=)\s*`;
// The rate, in the shapes parseAmount reads; thousands commas only when followed by three digits,
// so `75,100-249` is read as 75 then the next tier.
const RATE = String.raw`(?<rate>[£$€]?[+-]?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?[km]?(?:\/(?:user|seat|agent|u))?(?:\/(?:mo|month|yr|year|m|y)\b|pm\b|pa\b)?)`;
const TIER = new RegExp(String.raw`${RANGE}${AT}${RATE}(?=\s|[,;]|$)`, "iy");
const SEPARATOR = /\s*(?:[,;]|\band\b)?\s*/y;

const EXAMPLE = "write each tier like 100-249 @ 70, with 250+ @ 62 for an open last tier";

function count(text: string): number {
  return Number(text.replace(/,/g, ""));
}

/** The rest of the entry that failed, up to the next separator, for the error message. */
function entryAt(text: string, at: number): string {
  const rest = text.slice(at);
  const end = rest.search(/,\s|;|,(?=\s*\d+\s*(?:-|–|\+))/);
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}

export function parseTierList(text: string): Result<TypedTier[]> {
  const tiers: TypedTier[] = [];
  let at = 0;
  const skip = (): void => {
    SEPARATOR.lastIndex = at;
    if (SEPARATOR.exec(text)) at = SEPARATOR.lastIndex;
  };
  skip();
  while (at < text.length) {
    TIER.lastIndex = at;
    const m = TIER.exec(text);
    const g = m?.groups;
    if (!m || !g?.from || !g.rate) {
      const entry = entryAt(text, at);
      return fail("tiers.unreadable", `I couldn't read the tier "${entry}"`, EXAMPLE);
    }
    const rangeText = m[0].replace(new RegExp(`${AT}.*$`, "s"), "").trim();
    const rate = parseAmount(g.rate, `the rate for ${rangeText}`);
    if (!rate.ok) return rate;
    const open = g.open !== undefined;
    if (!open && g.to === undefined) {
      return fail(
        "tiers.not_a_band",
        `the tier "${m[0].trim()}" needs a range of seats`,
        `write ${g.from}-TO @ ${g.rate} for a band ending at TO, or ${g.from}+ @ ${g.rate} for everything from ${g.from}`,
      );
    }
    tiers.push({
      from: count(g.from),
      ...(g.to === undefined ? {} : { to: count(g.to) }),
      rate: rate.value,
      text: m[0].trim(),
    });
    at = TIER.lastIndex;
    skip();
  }
  return ok(tiers);
}
