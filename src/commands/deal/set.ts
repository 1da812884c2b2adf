/**
 * The `/deal set` grammar: `set vendor HaloITSM currency GBP named 70 concurrent 140` read onto a
 * channel's current deal, and the reply that shows the deal. Pure: the Slack app keeps the deal
 * per channel (src/slack/deal-context.ts) and runs `set` against its store.
 */
import {
  type CurrencyCode,
  formatMoney,
  fromMajorExact,
  type Money,
  moneyJson,
  parseCurrency,
} from "../../core/money.js";
import type { Issue } from "../../core/result.js";
import type { DealRates } from "../context.js";
import { parseAmount, signCurrency } from "../grammar/amounts.js";
import { tokenize } from "../grammar/tokens.js";
import { type CommandOutcome, column, rejected, replied } from "../reply.js";
import { parseNoticeDays, parseRenewalDate, renewalNotes } from "./set-renewal.js";

/** The part of the store's DealFields the Slack app sets and reads; commands get it as ctx.deal. */
export interface ChannelDeal extends DealRates {
  readonly vendor: string;
  readonly currency: CurrencyCode;
  /** Per named user per month. */
  readonly namedRate?: Money;
  /** Per concurrent pool slot per month. */
  readonly concurrentRate?: Money;
  /** `YYYY-MM-DD` (set-renewal.ts); reminders are planned from it. */
  readonly renewalDate?: string;
  /** Days' notice of non-renewal before the renewal date. */
  readonly noticeDays?: number;
}

export const SET_USAGE = "set vendor HaloITSM currency GBP named 70 concurrent 140";
const KEYS = ["vendor", "currency", "named", "concurrent", "renews", "notice"] as const;
type Key = (typeof KEYS)[number];

function issue(code: string, message: string, hint = SET_USAGE): Issue {
  return { code, message, hint };
}

/** A per-month rate in the deal's currency: `70`, `£70`, `70.50`; a `/yr` rate is refused. */
export function parseRate(
  text: string,
  label: string,
  code: CurrencyCode,
): { ok: true; value: Money } | { ok: false; issue: Issue } {
  const amount = parseAmount(text, label);
  if (!amount.ok) {
    const first = amount.issues[0];
    return { ok: false, issue: issue(first?.code ?? "amount.not_a_number", first?.message ?? "") };
  }
  const a = amount.value;
  if (a.sign && a.sign !== "$" && signCurrency(a.sign) !== code) {
    return {
      ok: false,
      issue: issue("currency.conflict", `${label} ${text} is not in the deal's currency ${code}`),
    };
  }
  if (a.period === "year") {
    return {
      ok: false,
      issue: issue("rate.per_year", `${label} must be per month, not ${text}`, "named 70"),
    };
  }
  if (a.value.num <= 0n) {
    return {
      ok: false,
      issue: issue("rate.not_positive", `${label} must be more than 0`, "named 70"),
    };
  }
  const m = fromMajorExact(a.value, code);
  if (!m.ok) {
    const first = m.issues[0];
    return { ok: false, issue: issue(first?.code ?? "money.too_precise", first?.message ?? "") };
  }
  return { ok: true, value: m.value };
}

/**
 * Parses `set …` onto the channel's current deal: words given replace the stored ones, the rest
 * stay. The first `set` in a channel must name the vendor; the currency defaults to the context's.
 */
export function applySet(
  text: string,
  current: ChannelDeal | undefined,
  fallbackCurrency: CurrencyCode,
): { ok: true; deal: ChannelDeal; currencyAssumed: boolean } | { ok: false; issues: Issue[] } {
  const tokens = tokenize(text);
  const values = new Map<Key, string>();
  const issues: Issue[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = (tokens[i] ?? "").toLowerCase().replace(/^--?/, "");
    const key = KEYS.find((k) => k === word);
    if (!key) {
      issues.push(
        issue("set.unknown_word", `I don't know "${tokens[i]}" here: set takes ${KEYS.join(", ")}`),
      );
      continue;
    }
    // One word per value; a vendor of several words is quoted: vendor "Halo ITSM".
    const next = tokens[i + 1];
    if (next === undefined || KEYS.some((k) => k === next.toLowerCase())) {
      issues.push(issue("set.missing_value", `${key} needs a value`));
      continue;
    }
    i++;
    if (values.has(key)) issues.push(issue("set.repeated", `${key} is given twice`));
    else values.set(key, next.trim());
  }
  if (issues.length > 0) return { ok: false, issues };

  const vendor = values.get("vendor") ?? current?.vendor;
  if (vendor === undefined) {
    return {
      ok: false,
      issues: [issue("set.no_vendor", "the first set in a channel must name the vendor")],
    };
  }
  let code = current?.currency ?? fallbackCurrency;
  const currencyText = values.get("currency");
  if (currencyText !== undefined) {
    const parsed = parseCurrency(currencyText);
    if (!parsed.ok) return { ok: false, issues: [...parsed.issues] };
    code = parsed.value;
  }
  const currencyAssumed = currencyText === undefined && current === undefined;
  // Stored rates in another currency no longer apply once the currency changes.
  const keep = (m: Money | undefined) => (m && m.currency === code ? m : undefined);
  let namedRate = keep(current?.namedRate);
  let concurrentRate = keep(current?.concurrentRate);
  for (const [key, label] of [
    ["named", "the named rate"],
    ["concurrent", "the concurrent rate"],
  ] as const) {
    const t = values.get(key);
    if (t === undefined) continue;
    const r = parseRate(t, label, code);
    if (!r.ok) issues.push(r.issue);
    else if (key === "named") namedRate = r.value;
    else concurrentRate = r.value;
  }
  let renewalDate = current?.renewalDate;
  let noticeDays = current?.noticeDays;
  const renewsText = values.get("renews");
  if (renewsText !== undefined) {
    const r = parseRenewalDate(renewsText);
    if (r.ok) renewalDate = r.value;
    else issues.push(r.issue);
  }
  const noticeText = values.get("notice");
  if (noticeText !== undefined) {
    const r = parseNoticeDays(noticeText);
    if (r.ok) noticeDays = r.value;
    else issues.push(r.issue);
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    currencyAssumed,
    deal: {
      vendor,
      currency: code,
      ...(namedRate ? { namedRate } : {}),
      ...(concurrentRate ? { concurrentRate } : {}),
      ...(renewalDate === undefined ? {} : { renewalDate }),
      ...(noticeDays === undefined ? {} : { noticeDays }),
    },
  };
}

/** One line describing a deal, used by the reply, App Home and the rates form. */
export function describeDeal(deal: ChannelDeal): string {
  const rates = [
    deal.namedRate ? `named ${formatMoney(deal.namedRate)}/mo` : "named rate not set",
    deal.concurrentRate
      ? `concurrent ${formatMoney(deal.concurrentRate)}/mo`
      : "concurrent rate not set",
  ];
  return `${deal.vendor} in ${deal.currency}: ${rates.join(", ")}`;
}

/**
 * The reply to `set`. `data` contract: `vendor` (string), `currency` (ISO code), `namedRate` and
 * `concurrentRate` (MoneyJson per user per month, or null when not set), `currencyAssumed`.
 */
export function dealReply(deal: ChannelDeal, currencyAssumed: boolean): CommandOutcome {
  const row = (label: string, m: Money | undefined) => [label, m ? `${formatMoney(m)}/mo` : "—"];
  return replied({
    command: "set",
    headline: `This channel's deal is ${describeDeal(deal)}.`,
    tables: [
      {
        columns: [column("licence"), column("rate", "right")],
        rows: [row("named", deal.namedRate), row("concurrent", deal.concurrentRate)],
      },
    ],
    notes: [
      ...(currencyAssumed ? [`No currency given, so I assumed ${deal.currency}.`] : []),
      `Commands in this channel now default to ${deal.currency}.`,
      ...renewalNotes(deal.renewalDate, deal.noticeDays),
    ],
    working: [],
    next: ["cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100"],
    data: {
      vendor: deal.vendor,
      currency: deal.currency,
      namedRate: deal.namedRate ? moneyJson(deal.namedRate) : null,
      concurrentRate: deal.concurrentRate ? moneyJson(deal.concurrentRate) : null,
      currencyAssumed,
      renewalDate: deal.renewalDate ?? null,
      noticeDays: deal.noticeDays ?? null,
    },
  });
}

/** The reply to a bare `set`: the channel's deal, or a refusal when it has none yet. */
export function showDeal(current: ChannelDeal | undefined): CommandOutcome {
  if (current) return dealReply(current, false);
  return rejected("set", [issue("set.no_deal", "this channel has no deal yet")], SET_USAGE);
}
