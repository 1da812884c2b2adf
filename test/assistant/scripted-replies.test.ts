/**
 * The model path against a scripted OpenAI-compatible server (the real `openai` client over HTTP),
 * one row per scripted reply: invented figures in every written form, right values with the wrong
 * unit, currency, period or direction, swapped parts, figures laundered through tool arguments,
 * knowledge-base figures misapplied, too many tool calls, endless loops, Retry-After, hangs and
 * broken responses. Every row ends in one of two outcomes the user may see: an answer whose every
 * figure code rendered from a calculator (the exact text is asserted), or the deterministic
 * fallback (the reason is asserted, and no invented figure reaches the user).
 */
import { afterEach, describe, expect, it } from "vitest";
import { createAnswerer } from "../../src/assistant/answerer.js";
import { type Clock, systemClock } from "../../src/assistant/clock.js";
import type { FallbackReason, ModelAnswer } from "../../src/commands/ask/model-answer.js";
import type { DealRates } from "../../src/commands/context.js";
import { parseConfig } from "../../src/config.js";
import { currency, major } from "../../src/core/money.js";
import { createLogger } from "../../src/log.js";
import { testContext } from "../commands/context.js";
import { fakeClock } from "./fake-clock.js";
import {
  type FakeOpenAi,
  finalMessage,
  httpError,
  rawCompletion,
  type Scripted,
  startFakeOpenAi,
  toolCalls,
} from "./fake-openai.js";

const GBP = currency("GBP");

// --- The calculations the rows use, each figure worked by hand -------------------------------

const COST_Q =
  "What would 150 named at 70 and 100 concurrent at 140 cost against 500 named at 100?";
const COST_ARGS = {
  plans: [
    {
      lines: [
        { seats: 150, type: "named", price: 70 },
        { seats: 100, type: "concurrent", price: 140 },
      ],
    },
    { lines: [{ seats: 500, type: "named", price: 100 }] },
  ],
};
// option: 150 × 70 × 12 = 126,000 + 100 × 140 × 12 = 168,000 → £294,000 a year;
// baseline: 500 × 100 × 12 = £600,000 a year; saving 600,000 − 294,000 = £306,000 a year,
// 306,000 / 600,000 = 51%; parts: rate 500 × (100 − 70) × 12 = £180,000, model (mix)
// 500 × 70 × 12 − 294,000 = £126,000 (180,000 + 126,000 = 306,000).
const cost = (id = "c1") => toolCalls({ id, name: "cost", args: COST_ARGS });

const DEARER_Q = "What would 500 concurrent at 140 cost against 500 named at 100?";
const DEARER_ARGS = {
  plans: [
    { lines: [{ seats: 500, type: "concurrent", price: 140 }] },
    { lines: [{ seats: 500, type: "named", price: 100 }] },
  ],
};
// option 500 × 140 × 12 = 840,000 against 600,000: £240,000 a year MORE (an extra cost).
const dearer = toolCalls({ id: "d1", name: "cost", args: DEARER_ARGS });

const RENEWAL_Q =
  "Our renewal is £294,000 a year for 3 years with a 3% cap. What do we pay against a 7% list uplift?";
const RENEWAL_ARGS = { annualAmount: 294000, years: 3, capPercent: 3, listUpliftPercent: 7 };
// capped: 294,000; × 1.03 = 302,820; × 1.03 = 311,904.60; total £908,724.60 over 3 years.
// list 7%: 294,000; 314,580; 336,600.60; total £945,180.60; the cap saves 945,180.60 −
// 908,724.60 = £36,456 over 3 years.
const renewal = (args: unknown = RENEWAL_ARGS, id = "r1") =>
  toolCalls({ id, name: "renewal", args });

const TIERS_Q = "We have 240 seats on 1-99 at 75, 100-249 at 70, 250+ at 62 a month. Buy up?";
const TIERS_ARGS = {
  seats: 240,
  tiers: [
    { from: 1, to: 99, rate: 75 },
    { from: 100, to: 249, rate: 70 },
    { from: 250, rate: 62 },
  ],
};
// today 240 × 70 = 16,800 a month = £201,600 a year; the next break is 250 at £62: asking for
// it on 240 seats saves 240 × (70 − 62) × 12 = £23,040 a year; buying up costs 250 × 62 × 12 =
// 186,000, £15,600 a year less than today.
const tiers = toolCalls({ id: "t1", name: "tiers", args: TIERS_ARGS });

const IMPL_Q = "Fixed price 45k, or 60 days at 1200 a day with up to 40% overrun?";
const IMPL_ARGS = { fixedPrice: 45000, days: 60, dayRate: 1200, overrunHighPercent: 40 };
// T&M estimate 60 × 1,200 = £72,000; at 40% over 72,000 × 1.4 = £100,800; fixed £45,000.
const impl = toolCalls({ id: "i1", name: "impl", args: IMPL_ARGS });

const CAP_Q = "What cap should we ask for on our £294,000 renewal over 3 years?";
const search = (query = "renewal caps") =>
  toolCalls({ id: "s1", name: "search_knowledge", args: { query } });

// --- One row per scripted reply --------------------------------------------------------------

type Expected =
  | { readonly model: string; readonly calculations?: number }
  | { readonly fallback: FallbackReason; readonly problem?: string };

interface Row {
  readonly name: string;
  readonly question: string;
  readonly script: readonly Scripted[];
  readonly expected: Expected;
  /** Requests the server must have seen; by default one per scripted reply. */
  readonly requests?: number;
  readonly deal?: DealRates;
  readonly timeoutMs?: number;
  readonly maxRetries?: number;
  /** Waits the answerer must have asked the clock for. */
  readonly waits?: readonly number[];
  /** Text a tool message sent back to the model must contain (a refusal, say). */
  readonly toldModel?: string;
  /**
   * Use the real clock: a hang needs real time to pass. The server's count is then an upper
   * bound, since a loaded machine may use the budget up before a later request is sent.
   */
  readonly realClock?: boolean;
}

const invented = (name: string, text: string, problem = "numeral"): Row => ({
  name: `invented figure: ${name}`,
  question: COST_Q,
  script: [cost(), finalMessage(text)],
  expected: { fallback: "ungrounded", problem },
});

const costReply = (name: string, text: string, problem: string): Row => ({
  name,
  question: COST_Q,
  script: [cost(), finalMessage(text)],
  expected: { fallback: "ungrounded", problem },
});

const ROWS: readonly Row[] = [
  // Correct answers: figures cited, rendered by code.
  {
    name: "cost figures cited by reference",
    question: COST_Q,
    script: [
      cost(),
      finalMessage(
        "The mixed plan costs {{cost.optionAnnual}} against {{cost.baselineAnnual}}, saving {{cost.saving}} ({{cost.savingPercent}}).",
      ),
    ],
    expected: {
      model:
        "The mixed plan costs £294,000 a year against £600,000 a year, saving £306,000 a year (51%).",
      calculations: 1,
    },
  },
  {
    name: "the parts of the saving, each named for what it is",
    question: COST_Q,
    script: [
      cost(),
      finalMessage(
        "The lower rate saves {{cost.savingFromRate}} and the licensing model saves {{cost.savingFromModel}}.",
      ),
    ],
    expected: {
      model: "The lower rate saves £180,000 a year and the licensing model saves £126,000 a year.",
    },
  },
  {
    name: "renewal against the list uplift",
    question: RENEWAL_Q,
    script: [
      renewal(),
      finalMessage(
        "With the cap the term costs {{renewal.termTotal}}, saving {{renewal.capSaving}} against the list uplift.",
      ),
    ],
    expected: {
      model:
        "With the cap the term costs £908,724.60 over 3 years, saving £36,456 over 3 years against the list uplift.",
    },
  },
  {
    name: "a year's invoice names its year",
    question: RENEWAL_Q,
    script: [renewal(), finalMessage("The last invoice is {{renewal.year3}}.")],
    expected: { model: "The last invoice is £311,904.60 in year 3." },
  },
  {
    name: "tiers: the rate to ask for and buying up",
    question: TIERS_Q,
    script: [
      tiers,
      finalMessage(
        "Ask for {{tiers.nextRate}}, worth {{tiers.askSaving}}; buying up instead saves {{tiers.buyUpSaving}}.",
      ),
    ],
    expected: {
      model:
        "Ask for £62 per seat a month, worth £23,040 a year; buying up instead saves £15,600 a year.",
    },
  },
  {
    name: "impl: fixed price against time and materials",
    question: IMPL_Q,
    script: [
      impl,
      finalMessage(
        "The fixed price of {{impl.fixedPrice}} beats time and materials at {{impl.tmEstimate}}, up to {{impl.tmHigh}}.",
      ),
    ],
    expected: {
      model: "The fixed price of £45,000 beats time and materials at £72,000, up to £100,800.",
    },
  },
  {
    name: "an extra cost said the right way round",
    question: DEARER_Q,
    script: [dearer, finalMessage("The concurrent plan costs {{cost.extraCost}} more.")],
    expected: { model: "The concurrent plan costs £240,000 a year more." },
  },
  {
    name: "a second call of the same tool cited under its own label",
    question: COST_Q,
    script: [
      toolCalls(
        { id: "a", name: "cost", args: DEARER_ARGS },
        { id: "b", name: "cost", args: COST_ARGS },
      ),
      finalMessage("The mixed plan saves {{cost#2.saving}}."),
    ],
    // DEARER_ARGS' numbers 500, 140 and 100 are all in COST_Q, so both calls run.
    expected: { model: "The mixed plan saves £306,000 a year.", calculations: 2 },
  },
  {
    name: "dollars stay dollars: the figure is formatted in the calculation's currency",
    question: "In USD: 150 named at 70 and 100 concurrent at 140 against 500 named at 100?",
    script: [
      toolCalls({ id: "c1", name: "cost", args: { ...COST_ARGS, currency: "USD" } }),
      finalMessage("The mixed plan saves {{cost.saving}}."),
    ],
    // The same arithmetic as COST_Q: 600,000 − 294,000 = 306,000, in dollars.
    expected: { model: "The mixed plan saves $306,000 a year." },
  },
  {
    name: "a multi-year saving over the term",
    question: "150 named at 70 and 100 concurrent at 140 against 500 named at 100, over 3 years?",
    script: [
      toolCalls({ id: "c1", name: "cost", args: { ...COST_ARGS, years: 3 } }),
      finalMessage("Over the term the mix saves {{cost.termSaving}}."),
    ],
    // 306,000 × 3 = £918,000 over 3 years.
    expected: { model: "Over the term the mix saves £918,000 over 3 years." },
  },
  {
    name: "a number the model left out is named, never dropped silently",
    question: "Quote: 260 agents at £62 per agent per month, 3 year term, 5% annual uplift",
    script: [
      toolCalls({
        id: "c1",
        name: "cost",
        args: { plans: [{ lines: [{ seats: 260, type: "named", price: 62 }] }], years: 3 },
      }),
      finalMessage("Flat, the term costs {{cost.baselineTerm}}."),
    ],
    // 260 × 62 × 12 = 193,440 a year; × 3 = £580,320 over 3 years, flat: the 5% uplift was not
    // applied, and the answer says so.
    expected: {
      model: "Flat, the term costs £580,320 over 3 years. Not used in any calculation: 5%.",
    },
  },
  {
    name: "a rate from the channel's stored deal",
    question: "What would 200 named cost us?",
    deal: { currency: GBP, namedRate: major(70, GBP) },
    script: [
      toolCalls({
        id: "c1",
        name: "cost",
        args: { plans: [{ lines: [{ seats: 200, type: "named", price: 70 }] }] },
      }),
      finalMessage("Naming them costs {{cost.baselineAnnual}}."),
    ],
    // 200 × 70 × 12 = £168,000 a year.
    expected: { model: "Naming them costs £168,000 a year." },
  },
  {
    name: "the user's 294k passed as 294000",
    question: "294k renewal over 3 years at a 3% cap: the total?",
    script: [
      renewal({ annualAmount: 294000, years: 3, capPercent: 3 }),
      finalMessage("The term costs {{renewal.termTotal}}."),
    ],
    expected: { model: "The term costs £908,724.60 over 3 years." },
  },
  {
    name: "no figures at all, no tools",
    question: "Is concurrent licensing good for occasional users?",
    script: [finalMessage("Usually, yes: occasional users share a small pool well.")],
    expected: { model: "Usually, yes: occasional users share a small pool well.", calculations: 0 },
  },
  {
    name: "knowledge search answered in words",
    question: "What is a renewal cap?",
    script: [
      search(),
      finalMessage("A renewal cap limits how much the vendor may raise the price at renewal."),
    ],
    expected: {
      model: "A renewal cap limits how much the vendor may raise the price at renewal.",
    },
  },
  {
    name: "a fraction for a percent is refused, the model corrects it",
    question: "294000 over 3 years with a 3% cap: the total?",
    script: [
      renewal({ annualAmount: 294000, years: 3, capPercent: 0.03 }),
      renewal({ annualAmount: 294000, years: 3, capPercent: 3 }, "r2"),
      finalMessage("The term costs {{renewal.termTotal}}."),
    ],
    toldModel: "Percent fields take whole percents",
    expected: { model: "The term costs £908,724.60 over 3 years.", calculations: 1 },
  },
  {
    name: "an invented cap refused; the model asks instead, in words",
    question: CAP_Q,
    script: [
      renewal({ annualAmount: 294000, years: 3, capPercent: 7 }),
      finalMessage("Ask the vendor to cap the yearly uplift in writing, then tell me their offer."),
    ],
    toldModel: "refused",
    // Nothing was calculated, so the user's own numbers are named as unused.
    expected: {
      model:
        "Ask the vendor to cap the yearly uplift in writing, then tell me their offer. Not used in any calculation: £294,000, 3.",
      calculations: 0,
    },
  },

  // Invented figures in every written form.
  invented("digits with a currency", "The mix saves £306,000 a year."),
  invented("bare digits", "The mix saves 306000."),
  invented("a rounded figure", "The mix saves about £0.3m."),
  invented("a k suffix", "The mix saves roughly 300k."),
  invented("a percentage", "The mix saves {{cost.saving}}, or 51%."),
  invented("digits beside a correct reference", "It saves {{cost.saving}} (about 25,500 a month)."),
  invented("words", "The mix saves three hundred thousand pounds.", "number-word"),
  invented("twelve", "Ask for twelve months free.", "number-word"),
  invented("half", "Half the saving comes from the rate.", "number-word"),
  invented("a dozen", "A dozen seats sit idle.", "number-word"),
  invented("twice", "The baseline costs twice as much.", "number-word"),
  invented("double", "The baseline would double the bill.", "number-word"),
  invented("a couple of", "Drop a couple of named seats.", "number-word"),
  invented("per cent in words", "It saves fifty-one percent.", "number-word"),
  invented("an ordinal", "From the fifth year it pays off.", "number-word"),
  invented("fullwidth digits", "The mix saves £\uFF13\uFF10\uFF16,\uFF10\uFF10\uFF10."),
  invented("Arabic-Indic digits", "The mix saves \u0663\u0660\u0666 thousand.", "numeral"),
  invented("Devanagari digits", "The mix saves \u0969\u0966\u096C thousand.", "numeral"),
  invented("superscripts", "The mix saves \u00B3\u2070\u2076 thousand.", "numeral"),
  invented("a vulgar fraction", "About \u00BD of the saving is the rate.", "numeral"),
  invented("a roman numeral", "Option III is cheaper.", "numeral"),
  invented("keycap emoji", "It saves 3\uFE0F\u20E30\uFE0F\u20E36\uFE0F\u20E3 thousand."),
  invented("a markdown split", "The mix saves 3**0**6 thousand."),
  invented("an HTML comment split", "The mix saves 3<!-- -->06 thousand.", "markup"),
  invented("an HTML entity", "About &frac12; of the saving.", "markup"),
  invented("a zero-width split", "The mix saves three\u200Bhundred.", "hidden-characters"),
  invented("a bidi override", "It saves \u202Eeno\u202C.", "hidden-characters"),
  {
    name: "invented figure: no tool called at all",
    question: "Is concurrent cheaper for our HR team?",
    script: [finalMessage("Yes, you would save about £5,000 a year.")],
    expected: { fallback: "ungrounded", problem: "numeral" },
  },

  // Right value, wrong unit, currency, period or direction.
  costReply(
    "wrong period: a year's saving called monthly",
    "It saves {{cost.saving}} a month.",
    "unit-added",
  ),
  costReply("wrong unit: per agent", "It saves {{cost.saving}} per agent.", "unit-added"),
  costReply("wrong period: over the term", "It saves {{cost.saving}} over the term.", "unit-added"),
  costReply("wrong currency: a code before", "It saves USD {{cost.saving}}.", "unit-added"),
  costReply("wrong currency: named after", "It saves {{cost.saving}} in dollars.", "unit-added"),
  costReply("wrong currency: a sign", "It saves $" + "{{cost.saving}}.", "figure-symbol"),
  costReply("a per-cent sign added", "It saves {{cost.savingPercent}}% a year.", "figure-symbol"),
  {
    name: "wrong period: a term total called yearly",
    question: RENEWAL_Q,
    script: [renewal(), finalMessage("You pay {{renewal.termTotal}} a year.")],
    expected: { fallback: "ungrounded", problem: "unit-added" },
  },
  costReply(
    "wrong direction: a saving said to cost more",
    "The mixed plan costs {{cost.saving}} more than naming everyone.",
    "misattributed",
  ),
  {
    name: "wrong direction: an extra cost called a saving",
    question: DEARER_Q,
    script: [dearer, finalMessage("The concurrent plan saves {{cost.saving}}.")],
    expected: { fallback: "ungrounded", problem: "unknown-figure" },
  },
  {
    name: "wrong direction: an extra cost called cheaper",
    question: DEARER_Q,
    script: [dearer, finalMessage("The concurrent plan is cheaper by {{cost.extraCost}}.")],
    expected: { fallback: "ungrounded", problem: "misattributed" },
  },

  // Swapped parts.
  costReply(
    "swapped plans: the baseline's cost given to the mix",
    "The mixed plan costs {{cost.baselineAnnual}} against {{cost.optionAnnual}}.",
    "misattributed",
  ),
  costReply(
    "swapped parts: the rate part given to the licensing model",
    "The licensing model saves {{cost.savingFromRate}}.",
    "misattributed",
  ),
  costReply(
    "swapped parts: the model part given to the rate",
    "The lower rate saves {{cost.savingFromModel}}.",
    "misattributed",
  ),
  {
    name: "swapped totals: the uncapped total called capped",
    question: RENEWAL_Q,
    script: [renewal(), finalMessage("Under the cap you pay {{renewal.uncappedTotal}}.")],
    expected: { fallback: "ungrounded", problem: "misattributed" },
  },
  {
    name: "swapped years: year three's invoice called the first",
    question: RENEWAL_Q,
    script: [renewal(), finalMessage("The first invoice is {{renewal.year3}}.")],
    expected: { fallback: "ungrounded", problem: "misattributed" },
  },

  // References to figures that do not exist.
  costReply("an unknown figure name", "The total is {{cost.total}}.", "unknown-figure"),
  {
    name: "a figure from a tool that never ran",
    question: COST_Q,
    script: [cost(), finalMessage("Over the term you pay {{renewal.termTotal}}.")],
    expected: { fallback: "ungrounded", problem: "unknown-figure" },
  },
  costReply("a half-written reference", "It saves {cost.saving}.", "unknown-figure"),

  // Laundering an invented figure through a tool's arguments.
  {
    name: "laundering: an invented 'market standard' cap, then citing it",
    question: CAP_Q,
    script: [
      renewal({ annualAmount: 294000, years: 3, capPercent: 7 }),
      finalMessage("Ask for a {{renewal.capPercent}} cap; that is the market standard."),
    ],
    toldModel: "refused",
    expected: { fallback: "ungrounded", problem: "unknown-figure" },
  },
  {
    name: "laundering: refused, then the figure written in words",
    question: CAP_Q,
    script: [
      renewal({ annualAmount: 294000, years: 3, capPercent: 7 }),
      finalMessage("Ask for a seven percent cap; that is the market standard."),
    ],
    toldModel: "refused",
    expected: { fallback: "ungrounded", problem: "number-word" },
  },
  {
    name: "laundering: an invented price for seats the user counted",
    question: "What would 260 named agents cost a year?",
    script: [
      toolCalls({
        id: "c1",
        name: "cost",
        args: { plans: [{ lines: [{ seats: 260, type: "named", price: 62 }] }] },
      }),
      finalMessage("That is {{cost.baselineAnnual}}."),
    ],
    toldModel: "refused",
    expected: { fallback: "ungrounded", problem: "unknown-figure" },
  },
  {
    name: "laundering: a monthly price turned yearly by the model's own arithmetic",
    question: "260 agents at £62 per agent per month: the yearly cost?",
    script: [
      toolCalls({
        id: "c1",
        name: "cost",
        args: { plans: [{ lines: [{ seats: 260, type: "named", price: 744, period: "year" }] }] },
      }),
      finalMessage("That is {{cost.baselineAnnual}}."),
    ],
    toldModel: "refused",
    expected: { fallback: "ungrounded", problem: "unknown-figure" },
  },

  // Knowledge-base figures misapplied.
  {
    name: "knowledge figure: an article's cap passed as the user's",
    question: CAP_Q,
    script: [
      search(),
      renewal({ annualAmount: 294000, years: 3, lesserOfPercent: 5, cpiPercents: [4] }),
      finalMessage("The vendor's terms come to {{renewal.termTotal}}."),
    ],
    toldModel: "refused",
    expected: { fallback: "ungrounded", problem: "unknown-figure" },
  },
  {
    name: "knowledge figure: an article's figure restated as the vendor's terms",
    question: CAP_Q,
    script: [search(), finalMessage("The vendor's standard cap is five percent.")],
    expected: { fallback: "ungrounded", problem: "number-word" },
  },
  {
    name: "knowledge figure: a reference into a search result",
    question: CAP_Q,
    script: [search(), finalMessage("Caps are usually {{search_knowledge.cap}}.")],
    expected: { fallback: "ungrounded", problem: "unknown-figure" },
  },
  {
    name: "knowledge figure: a knowledge-base reference form",
    question: CAP_Q,
    script: [search(), finalMessage("Caps are usually {{kb:renewal-caps#1}}.")],
    expected: { fallback: "ungrounded", problem: "unknown-figure" },
  },

  // Too many tool calls, endless loops.
  {
    name: "fifty tool calls in one reply",
    question: COST_Q,
    script: [
      toolCalls(
        ...Array.from({ length: 50 }, (_, i) => ({ id: `c${i}`, name: "cost", args: COST_ARGS })),
      ),
    ],
    expected: { fallback: "malformed" },
  },
  {
    name: "more than eight tool calls across turns",
    question: COST_Q,
    script: [
      toolCalls(
        ...Array.from({ length: 5 }, (_, i) => ({ id: `a${i}`, name: "cost", args: COST_ARGS })),
      ),
      toolCalls(
        ...Array.from({ length: 5 }, (_, i) => ({ id: `b${i}`, name: "cost", args: COST_ARGS })),
      ),
    ],
    expected: { fallback: "malformed" },
  },
  {
    name: "an endless tool loop stops at the turn budget",
    question: COST_Q,
    script: Array.from({ length: 8 }, (_, i) =>
      toolCalls({ id: `s${i}`, name: "search_knowledge", args: { query: "pool sizing" } }),
    ),
    requests: 5,
    expected: { fallback: "malformed" },
  },

  // Transport: Retry-After, retries, hangs, broken responses.
  {
    name: "Retry-After: 200 with a 3 s budget gives up at once",
    question: COST_Q,
    timeoutMs: 3000,
    maxRetries: 2,
    script: [httpError(429, { "retry-after": "200" }), cost(), finalMessage("unused")],
    requests: 1,
    waits: [],
    expected: { fallback: "timeout" },
  },
  {
    name: "Retry-After: 1 within the budget is waited for, then answered",
    question: COST_Q,
    timeoutMs: 3000,
    maxRetries: 2,
    script: [
      httpError(429, { "retry-after": "1" }),
      cost(),
      finalMessage("It saves {{cost.saving}}."),
    ],
    waits: [1000],
    expected: { model: "It saves £306,000 a year." },
  },
  {
    name: "retry-after-ms is honoured",
    question: "Is concurrent cheaper for our HR team?",
    timeoutMs: 3000,
    maxRetries: 1,
    script: [
      httpError(503, { "retry-after-ms": "40" }),
      finalMessage("Concurrent suits occasional users."),
    ],
    waits: [40],
    expected: { model: "Concurrent suits occasional users." },
  },
  {
    name: "500s are retried with backoff inside the budget",
    question: "Is concurrent cheaper for our HR team?",
    timeoutMs: 10_000,
    maxRetries: 2,
    script: [httpError(500), httpError(500), finalMessage("Concurrent suits occasional users.")],
    // Backoff 500 ms, then 1,000 ms: 1,500 ms in all, inside 10 s.
    waits: [500, 1000],
    expected: { model: "Concurrent suits occasional users." },
  },
  {
    name: "a backoff that would pass the deadline is not started",
    question: COST_Q,
    timeoutMs: 400,
    maxRetries: 2,
    script: [httpError(500), finalMessage("unused")],
    // The first backoff is 500 ms, past a 400 ms budget.
    requests: 1,
    waits: [],
    expected: { fallback: "timeout" },
  },
  {
    name: "a Retry-After date past the deadline gives up at once",
    question: COST_Q,
    timeoutMs: 3000,
    maxRetries: 2,
    script: [
      httpError(503, { "retry-after": "Fri, 01 Jan 2100 00:00:00 GMT" }),
      finalMessage("unused"),
    ],
    requests: 1,
    waits: [],
    expected: { fallback: "timeout" },
  },
  {
    name: "a server that hangs on the second turn is cut off at the budget",
    question: COST_Q,
    timeoutMs: 3000,
    realClock: true,
    script: [cost(), { hang: true }],
    expected: { fallback: "timeout" },
  },
  {
    name: "a 400 is not retried",
    question: COST_Q,
    maxRetries: 2,
    script: [httpError(400), finalMessage("unused")],
    requests: 1,
    waits: [],
    expected: { fallback: "endpoint" },
  },
  {
    name: "a hanging server is cut off at the budget",
    question: COST_Q,
    timeoutMs: 1000,
    realClock: true,
    script: [{ hang: true }],
    expected: { fallback: "timeout" },
  },
  {
    name: "a body that is not JSON",
    question: COST_Q,
    script: [{ text: "{not json" }],
    expected: { fallback: "malformed" },
  },
  {
    name: "empty choices",
    question: COST_Q,
    script: [rawCompletion([])],
    expected: { fallback: "malformed" },
  },
  {
    name: "a message with neither content nor tool calls",
    question: COST_Q,
    script: [rawCompletion([{ index: 0, message: { role: "assistant", content: "" } }])],
    expected: { fallback: "malformed" },
  },
  {
    name: "a tool call of another kind",
    question: COST_Q,
    script: [
      rawCompletion([
        {
          index: 0,
          message: {
            role: "assistant",
            tool_calls: [{ id: "x", type: "custom", custom: { name: "cost", input: "" } }],
          },
        },
      ]),
    ],
    expected: { fallback: "malformed" },
  },
  {
    name: "tool arguments that are not JSON, then a final answer in words",
    question: COST_Q,
    script: [
      toolCalls({ id: "c1", name: "cost", args: "{plans:" }),
      finalMessage("Send me the plans again and I will cost them."),
    ],
    toldModel: "not valid JSON",
    expected: {
      model:
        "Send me the plans again and I will cost them. Not used in any calculation: 150, 70, 100, 140, 500.",
      calculations: 0,
    },
  },
];

let server: FakeOpenAi | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(row: Row): Promise<{ answer: ModelAnswer; waits: readonly number[] }> {
  server = await startFakeOpenAi(row.script);
  const config = parseConfig({
    OPENAI_API_KEY: "test-key-123",
    OPENAI_BASE_URL: server.url,
    OPENAI_MODEL: "test-model",
    // Generous by default: rows that test the budget set their own.
    OPENAI_TIMEOUT_MS: String(row.timeoutMs ?? 30_000),
  });
  if (!config.ok) throw new Error(config.message);
  const clock = row.realClock ? undefined : fakeClock();
  const answerer = createAnswerer(config.config, {
    maxRetries: row.maxRetries ?? 0,
    logger: createLogger(() => {}),
    clock: clock ?? (systemClock satisfies Clock),
  });
  if (!answerer) throw new Error("no answerer");
  const ctx = testContext(row.deal ? { deal: row.deal } : {});
  const answer = await answerer.answer(row.question, ctx);
  return { answer, waits: clock?.waits ?? [] };
}

/** Every digit run in the model's scripted final messages. */
function modelFigures(script: readonly Scripted[]): string[] {
  return script.flatMap((step) => {
    if (!("json" in step)) return [];
    const choices = (step.json as { choices?: { message?: { content?: unknown } }[] }).choices;
    const content = choices?.[0]?.message?.content;
    return typeof content === "string" ? (content.match(/\d[\d,.]*\d|\d/g) ?? []) : [];
  });
}

describe("scripted model replies", () => {
  it("has at least sixty rows", () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(ROWS.map((r) => [r.name, r] as const))("%s", async (_name, row) => {
    const { answer, waits } = await run(row);
    const expected = row.expected;
    if ("model" in expected) {
      expect(answer).toMatchObject({ ok: true, text: expected.model });
      if (answer.ok && expected.calculations !== undefined) {
        expect(answer.calculations).toHaveLength(expected.calculations);
      }
    } else {
      expect(answer).toMatchObject({ ok: false, reason: expected.fallback });
      if (expected.problem !== undefined) {
        expect(answer.ok ? [] : answer.problems).toContain(expected.problem);
      }
      // The fallback's wording never repeats a figure the model wrote.
      const detail = answer.ok ? "" : answer.detail;
      for (const figure of modelFigures(row.script)) expect(detail).not.toContain(figure);
    }
    const requests = row.requests ?? row.script.length;
    if (row.realClock) expect(server?.received.length).toBeLessThanOrEqual(requests);
    else expect(server?.received.length).toBe(requests);
    if (row.waits !== undefined) expect(waits).toEqual(row.waits);
    if (row.toldModel !== undefined) {
      const told = (server?.received ?? []).flatMap((r) =>
        (r.body.messages ?? []).filter((m) => m.role === "tool").map((m) => m.content ?? ""),
      );
      expect(told.some((t) => t.includes(row.toldModel ?? ""))).toBe(true);
    }
  });
});
