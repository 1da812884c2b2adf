/**
 * deal.json: one deal described for triage, the asks, the brief and the vendor e-mail. Amounts are
 * decimal strings in major units ("70", "1200.50") or plain JSON numbers, read exactly, never as
 * floats; percentages are "3%"; dates are "YYYY-MM-DD". Every field is checked with zod and every
 * problem names the field (e.g. `offer.named.seats`) and what is expected there.
 */
import { z } from "zod";
import { type CurrencyCode, fromMajorExact, type Money, parseCurrency } from "../core/money.js";
import { compare, mul, parseDecimal, type Ratio, ratio, ZERO } from "../core/ratio.js";
import { type Issue, ok, type Result } from "../core/result.js";
import { priceBook } from "../core/tiers.js";
import { isIsoDate } from "./dates.js";

const count = (what: string) =>
  z
    .number({ error: `expected ${what}: a whole number, like 212` })
    .int({ error: `expected ${what}: a whole number, like 212` })
    .min(0, { error: `expected ${what}: not negative` })
    .max(1_000_000, { error: `expected ${what}: at most 1,000,000` });

const positive = (what: string) => count(what).min(1, { error: `expected ${what}: at least 1` });

const amount = (what: string) =>
  z
    .union([z.string(), z.number()], { error: `expected ${what}: an amount like "70" or 70.5` })
    .refine((v) => {
      const r = parseDecimal(String(v));
      return r !== undefined && compare(r, ZERO) > 0;
    }, `expected ${what}: an amount above zero, like "70" or 70.5`);

const percentText = (what: string) =>
  z.string({ error: `expected ${what}: a percentage like "3%"` }).refine((v) => {
    const r = parseDecimal(v.replace(/%$/, ""));
    return r !== undefined && compare(r, ZERO) >= 0 && compare(r, ratio(100n)) <= 0;
  }, `expected ${what}: a percentage from "0%" to "100%", like "3%"`);

const isoDate = (what: string) =>
  z
    .string({ error: `expected ${what}: a date written "YYYY-MM-DD"` })
    .refine(isIsoDate, `expected ${what}: a real date written "YYYY-MM-DD", like "2027-03-31"`);

const line = (what: string) =>
  z.strictObject({ seats: count(`${what} seats`), rate: amount(`the ${what} rate per seat`) });

const uplift = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("none") }),
    z.strictObject({ kind: z.literal("cap"), cap: percentText("the yearly cap") }),
    z.strictObject({ kind: z.literal("lesser-of"), cap: percentText("the cap on CPI") }),
    z.strictObject({ kind: z.literal("greater-of"), minimum: percentText("the minimum rise") }),
    z.strictObject({ kind: z.literal("list"), uplift: percentText("the yearly list rise") }),
  ],
  { error: 'expected the renewal rise: kind "none", "cap", "lesser-of", "greater-of" or "list"' },
);

const tierBand = z.strictObject({
  from: positive("the first seat of the tier"),
  to: positive("the last seat of the tier").optional(),
  rate: amount("the tier's rate"),
});

export const dealSchema = z.strictObject({
  vendor: z.string({ error: "expected the vendor's name" }).min(1).max(200),
  product: z.string().min(1).max(200).default("HaloITSM"),
  currency: z
    .string({ error: 'expected an ISO currency code, like "GBP"' })
    .refine((c) => parseCurrency(c).ok, 'expected an ISO currency code, like "GBP"'),
  renewalDate: isoDate("the renewal date").optional(),
  termYears: positive("the term in years")
    .max(10, { error: "expected at most 10 years" })
    .default(3),
  noticeDays: count("the notice period in days").max(365).default(90),
  offer: z.strictObject(
    {
      /** Price per seat is per month unless ratePeriod says "year". */
      ratePeriod: z
        .enum(["month", "year"], { error: 'expected "month" or "year"' })
        .default("month"),
      named: line("named"),
      concurrent: line("concurrent").optional(),
      /** The concurrent rate on the vendor's price list, when the offer has no pool. */
      concurrentRate: amount("the concurrent rate per seat").optional(),
      tiers: z
        .strictObject({
          mode: z.enum(["all-units", "graduated"], {
            error: 'expected "all-units" or "graduated"',
          }),
          bands: z.array(tierBand).min(1, { error: "expected at least one tier" }),
        })
        .optional(),
      implementation: z
        .strictObject({
          kind: z.enum(["fixed", "time-and-materials"], {
            error: 'expected "fixed" or "time-and-materials"',
          }),
          fixedPrice: amount("the fixed price").optional(),
          days: z.number({ error: "expected the days of work as a number" }).positive().optional(),
          dayRate: amount("the day rate").optional(),
          overrunHigh: percentText("the worst-case overrun").optional(),
          acceptanceCriteria: z.boolean().default(false),
          migrationPlan: z.boolean().default(false),
        })
        .optional(),
      renewal: z
        .strictObject({
          uplift: uplift.default({ kind: "none" }),
          lockedForTerm: z.boolean().default(false),
          exitRights: z.boolean().default(false),
        })
        .default({ uplift: { kind: "none" }, lockedForTerm: false, exitRights: false }),
    },
    { error: 'expected the offer: at least { "named": { "seats": 260, "rate": "62" } }' },
  ),
  usage: z
    .strictObject({
      activeFulfillers: count("active fulfillers").optional(),
      fullTimeAgents: count("agents online most of the day").optional(),
      occasionalPeak: count("the peak of occasional users online at once").optional(),
    })
    .default({}),
  forecast: z
    .strictObject({
      seats: positive("the forecast seats"),
      withinMonths: positive("the forecast horizon in months").optional(),
    })
    .optional(),
  assumptions: z
    .strictObject({
      listUplift: percentText("the vendor's usual yearly rise").default("7%"),
      askCap: percentText("the renewal cap we ask for").default("3%"),
    })
    .default({ listUplift: "7%", askCap: "3%" }),
  leverage: z
    .strictObject({
      competitor: z.string().min(1).max(200).optional(),
      competitorAnnual: amount("the competitor's annual price").optional(),
      benchmarkRate: amount("the benchmark rate per seat").optional(),
    })
    .default({}),
  clauses: z
    .array(
      z.strictObject({
        id: z.string({ error: "expected a template id, like renewal-cap" }).min(1),
        position: z.string().default("preferred"),
        set: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
      }),
    )
    .default([]),
  notes: z.array(z.string().max(2000)).default([]),
});

export type DealInput = z.infer<typeof dealSchema>;

/** The deal with amounts as Money and percentages as exact fractions. */
export interface Deal extends Omit<DealInput, "currency" | "offer" | "assumptions" | "leverage"> {
  readonly currency: CurrencyCode;
  readonly offer: {
    readonly ratePeriod: "month" | "year";
    readonly named: { readonly seats: number; readonly rate: Money };
    readonly concurrent?: { readonly seats: number; readonly rate: Money };
    readonly concurrentRate?: Money;
    readonly tiers?: {
      readonly mode: "all-units" | "graduated";
      readonly bands: readonly { from: number; to?: number; rate: Money }[];
    };
    readonly implementation?: {
      readonly kind: "fixed" | "time-and-materials";
      readonly fixedPrice?: Money;
      readonly days?: number;
      readonly dayRate?: Money;
      readonly overrunHigh?: Ratio;
      readonly acceptanceCriteria: boolean;
      readonly migrationPlan: boolean;
    };
    readonly renewal: {
      readonly uplift:
        | { readonly kind: "none" }
        | { readonly kind: "cap" | "lesser-of"; readonly cap: Ratio }
        | { readonly kind: "greater-of"; readonly minimum: Ratio }
        | { readonly kind: "list"; readonly uplift: Ratio };
      readonly lockedForTerm: boolean;
      readonly exitRights: boolean;
    };
  };
  readonly assumptions: { readonly listUplift: Ratio; readonly askCap: Ratio };
  readonly leverage: {
    readonly competitor?: string;
    readonly competitorAnnual?: Money;
    readonly benchmarkRate?: Money;
  };
}

/** "3%" → 3/100; the schema has already checked it. */
export function percentOf(text: string): Ratio {
  return mul(parseDecimal(text.replace(/%$/, "")) ?? ZERO, ratio(1n, 100n));
}

function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
    .join("")
    .slice(1);
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = json;
  for (const key of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** zod's issues in our words: the field's path, what is expected there, and what was found. */
function dealIssues(error: z.ZodError, json: unknown): Issue[] {
  return error.issues.map((i) => {
    const where = pathText(i.path) || "the deal";
    const found = valueAt(json, i.path);
    const message =
      i.code === "unrecognized_keys"
        ? `${where} has a field I don't know: ${i.keys.join(", ")}`
        : found === undefined
          ? `${where} is missing: ${i.message}`
          : `${where}: ${i.message}, not ${JSON.stringify(found)}`;
    return { code: "deal.invalid", message, hint: "see examples/deal.json for every field" };
  });
}

/** Checks a parsed JSON value and converts it to a Deal, or lists every problem. */
export function parseDeal(json: unknown): Result<Deal> {
  const parsed = dealSchema.safeParse(json);
  if (!parsed.success) return { ok: false, issues: dealIssues(parsed.error, json) };
  const d = parsed.data;
  const code = parseCurrency(d.currency);
  if (!code.ok) return code;
  const issues: Issue[] = [];
  const money = (v: string | number, where: string): Money => {
    const m = fromMajorExact(parseDecimal(String(v)) ?? ZERO, code.value);
    if (!m.ok) {
      issues.push({
        code: "deal.invalid",
        message: `${where}: ${m.issues[0]?.message ?? "not an amount"}`,
        hint: "see examples/deal.json for every field",
      });
      return { minor: 0, currency: code.value };
    }
    return m.value;
  };
  const o = d.offer;
  const impl = o.implementation;
  const up = o.renewal.uplift;
  const deal: Deal = {
    ...d,
    currency: code.value,
    offer: {
      ratePeriod: o.ratePeriod,
      named: { seats: o.named.seats, rate: money(o.named.rate, "offer.named.rate") },
      ...(o.concurrent
        ? {
            concurrent: {
              seats: o.concurrent.seats,
              rate: money(o.concurrent.rate, "offer.concurrent.rate"),
            },
          }
        : {}),
      ...(o.concurrentRate !== undefined
        ? { concurrentRate: money(o.concurrentRate, "offer.concurrentRate") }
        : {}),
      ...(o.tiers
        ? {
            tiers: {
              mode: o.tiers.mode,
              bands: o.tiers.bands.map((b, i) => ({
                from: b.from,
                ...(b.to === undefined ? {} : { to: b.to }),
                rate: money(b.rate, `offer.tiers.bands[${i}].rate`),
              })),
            },
          }
        : {}),
      ...(impl
        ? {
            implementation: {
              kind: impl.kind,
              ...(impl.fixedPrice !== undefined
                ? { fixedPrice: money(impl.fixedPrice, "offer.implementation.fixedPrice") }
                : {}),
              ...(impl.days !== undefined ? { days: impl.days } : {}),
              ...(impl.dayRate !== undefined
                ? { dayRate: money(impl.dayRate, "offer.implementation.dayRate") }
                : {}),
              ...(impl.overrunHigh !== undefined
                ? { overrunHigh: percentOf(impl.overrunHigh) }
                : {}),
              acceptanceCriteria: impl.acceptanceCriteria,
              migrationPlan: impl.migrationPlan,
            },
          }
        : {}),
      renewal: {
        uplift:
          up.kind === "none"
            ? { kind: "none" }
            : up.kind === "greater-of"
              ? { kind: "greater-of", minimum: percentOf(up.minimum) }
              : up.kind === "list"
                ? { kind: "list", uplift: percentOf(up.uplift) }
                : { kind: up.kind, cap: percentOf(up.cap) },
        lockedForTerm: o.renewal.lockedForTerm,
        exitRights: o.renewal.exitRights,
      },
    },
    assumptions: {
      listUplift: percentOf(d.assumptions.listUplift),
      askCap: percentOf(d.assumptions.askCap),
    },
    leverage: {
      ...(d.leverage.competitor !== undefined ? { competitor: d.leverage.competitor } : {}),
      ...(d.leverage.competitorAnnual !== undefined
        ? { competitorAnnual: money(d.leverage.competitorAnnual, "leverage.competitorAnnual") }
        : {}),
      ...(d.leverage.benchmarkRate !== undefined
        ? { benchmarkRate: money(d.leverage.benchmarkRate, "leverage.benchmarkRate") }
        : {}),
    },
  };
  if (
    impl?.kind === "time-and-materials" &&
    (impl.days === undefined || impl.dayRate === undefined)
  ) {
    issues.push({
      code: "deal.invalid",
      message: "offer.implementation: time and materials needs days and dayRate",
      hint: 'add "days": 60, "dayRate": "1200"',
    });
  }
  if (impl?.kind === "fixed" && impl.fixedPrice === undefined) {
    issues.push({
      code: "deal.invalid",
      message: "offer.implementation: a fixed-price implementation needs fixedPrice",
      hint: 'add "fixedPrice": "45000"',
    });
  }
  const tiers = deal.offer.tiers;
  if (tiers) {
    // The price book's own checks (order, gaps, overlaps, open tiers) from the tiers calculator.
    const book = priceBook(tiers.bands, tiers.mode, deal.offer.ratePeriod, deal.currency);
    if (!book.ok) {
      issues.push(...book.issues.map((i) => ({ ...i, message: `offer.tiers: ${i.message}` })));
    }
  }
  const u = d.usage;
  if (
    u.activeFulfillers !== undefined &&
    u.fullTimeAgents !== undefined &&
    u.fullTimeAgents > u.activeFulfillers
  ) {
    issues.push({
      code: "deal.invalid",
      message: `usage.fullTimeAgents (${u.fullTimeAgents}) is more than usage.activeFulfillers (${u.activeFulfillers})`,
      hint: "full-time agents are some of the active fulfillers",
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  return ok(deal);
}
