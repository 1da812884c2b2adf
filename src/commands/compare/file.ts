/**
 * Reading competing quotes from a small JSON file (`compare quotes.json`, CLI and console): the
 * same quote, usage and term as the typed grammar, checked with zod, each problem named by its
 * place in the file. Amounts are strings or numbers read like typed ones ("£70/mo", "12k", 70).
 */
import { z } from "zod";
import type { Ratio } from "../../core/ratio.js";
import { all, fail, failAll, type Issue, ok, type Result } from "../../core/result.js";
import type { TierMode } from "../../core/tiers.js";
import type { CommandContext } from "../context.js";
import { parseAmount, parsePercent, type TypedAmount } from "../grammar/amounts.js";
import { parseTierList, type TypedTier } from "../grammar/tier-list.js";
import { baseName } from "../typed-file.js";
import type { PriceWords, QuoteWords, UpliftWords } from "./quote-words.js";
import type { TypedUsage } from "./usage.js";

/** A quotes file is a few kilobytes; anything near this is not one. */
const MAX_QUOTES_BYTES = 1024 * 1024;

const amount = z.union([z.string(), z.number()]);
const tierObject = z.strictObject({
  from: z.number().int(),
  to: z.number().int().optional(),
  rate: amount,
});
const price = z.union([
  amount,
  z.strictObject({
    rate: amount.optional(),
    tiers: z.union([z.string(), z.array(tierObject)]).optional(),
    mode: z.enum(["all-units", "graduated"]).optional(),
  }),
]);
const vendor = z.strictObject({
  name: z.string().trim().min(1),
  model: z.enum(["named", "concurrent", "mixed"]).optional(),
  currency: z.string().optional(),
  named: price.optional(),
  concurrent: price.optional(),
  term: z.number().int().optional(),
  uplift: amount.optional(),
  cap: amount.optional(),
  cpi: z.union([z.string(), z.array(amount)]).optional(),
  lesserOf: amount.optional(),
  greaterOf: amount.optional(),
  floor: amount.optional(),
  implementation: amount.optional(),
  fees: z.array(z.strictObject({ label: z.string().trim().min(1), amount })).optional(),
});
const count = z.number().int();
const quotesFile = z.strictObject({
  currency: z.string().optional(),
  over: count.optional(),
  for: z.string().optional(),
  usage: z
    .strictObject({
      users: count.optional(),
      pool: count.optional(),
      split: z.strictObject({ named: count, pool: count }).optional(),
    })
    .optional(),
  vendors: z.array(vendor),
});

type VendorJson = z.infer<typeof vendor>;
type PriceJson = z.infer<typeof price>;

export interface QuotesFile {
  readonly quotes: readonly QuoteWords[];
  readonly usage: TypedUsage;
  readonly over?: string;
  readonly chosen?: string;
  readonly currency?: string;
  /** What was read from pasted prose, for the notes (typed quotes only). */
  readonly notes?: readonly string[];
}

const EXAMPLE_HINT = "see the README's \"Comparing competing quotes\" for the file's shape";

function where(file: string, path: readonly PropertyKey[]): string {
  return path.length === 0 ? file : `${file} at ${path.map(String).join(".")}`;
}

function typedAmount(value: string | number, label: string): Result<TypedAmount> {
  return parseAmount(String(value), label);
}

function tiersOf(
  vendorName: string,
  p: { tiers?: string | z.infer<typeof tierObject>[] | undefined },
) {
  if (p.tiers === undefined) return ok(undefined);
  if (typeof p.tiers === "string") return parseTierList(p.tiers);
  return all(
    p.tiers.map((t): Result<TypedTier> => {
      const rate = typedAmount(t.rate, `${vendorName}'s rate for ${t.from}`);
      if (!rate.ok) return rate;
      const text = `${t.from}${t.to === undefined ? "+" : `-${t.to}`} @ ${t.rate}`;
      return ok({
        from: t.from,
        ...(t.to === undefined ? {} : { to: t.to }),
        rate: rate.value,
        text,
      });
    }),
  );
}

function priceWords(
  name: string,
  type: string,
  p: PriceJson,
  modes: TierMode[],
): Result<PriceWords> {
  const label = `${name}'s ${type} price`;
  if (typeof p === "string" || typeof p === "number") {
    const a = typedAmount(p, label);
    return a.ok ? ok({ kind: "flat", amount: a.value }) : a;
  }
  if ((p.rate === undefined) === (p.tiers === undefined)) {
    return fail(
      "compare.file_price",
      `${label} needs a rate or tiers (one of them)`,
      '"named": "70" or "named": { "tiers": "1-99@75, 100+@70" }',
    );
  }
  if (p.mode) modes.push(p.mode);
  if (p.rate !== undefined) {
    const a = typedAmount(p.rate, label);
    return a.ok ? ok({ kind: "flat", amount: a.value }) : a;
  }
  const tiers = tiersOf(name, p);
  if (!tiers.ok) return tiers;
  return ok({ kind: "tiers", tiers: tiers.value ?? [] });
}

function percentOf(value: string | number | undefined, label: string): Result<Ratio | undefined> {
  return value === undefined ? ok(undefined) : parsePercent(String(value), label);
}

function upliftWords(v: VendorJson): Result<UpliftWords> {
  const parts: [keyof UpliftWords, string | number | undefined, string][] = [
    ["list", v.uplift, "uplift"],
    ["cap", v.cap, "cap"],
    ["lesser", v.lesserOf, "lesserOf"],
    ["greater", v.greaterOf, "greaterOf"],
    ["floor", v.floor, "floor"],
  ];
  const out: Record<string, Ratio | readonly Ratio[]> = {};
  for (const [key, value, label] of parts) {
    const r = percentOf(value, `${v.name}'s ${label}`);
    if (!r.ok) return r;
    if (r.value !== undefined) out[key] = r.value;
  }
  if (v.cpi !== undefined) {
    const list = typeof v.cpi === "string" ? v.cpi.split(",") : v.cpi;
    const cpi = all(list.map((c) => parsePercent(String(c), `${v.name}'s CPI value`)));
    if (!cpi.ok) return cpi;
    out.cpi = cpi.value;
  }
  return ok(out as UpliftWords);
}

function checkModel(v: VendorJson): Issue[] {
  if (!v.model) return [];
  const has =
    v.named && v.concurrent ? "mixed" : v.named ? "named" : v.concurrent ? "concurrent" : "none";
  if (has === v.model) return [];
  return [
    {
      code: "compare.model_mismatch",
      message: `${v.name} says model "${v.model}" but prices ${has === "none" ? "nothing" : has === "mixed" ? "named seats and a pool" : `${has} only`}`,
      hint: 'named needs "named", concurrent needs "concurrent", mixed needs both',
    },
  ];
}

function quoteWords(v: VendorJson): Result<QuoteWords> {
  const model = checkModel(v);
  if (model.length > 0) return failAll(model);
  const modes: TierMode[] = [];
  const named = v.named === undefined ? ok(undefined) : priceWords(v.name, "named", v.named, modes);
  if (!named.ok) return named;
  const concurrent =
    v.concurrent === undefined
      ? ok(undefined)
      : priceWords(v.name, "concurrent", v.concurrent, modes);
  if (!concurrent.ok) return concurrent;
  const uplift = upliftWords(v);
  if (!uplift.ok) return uplift;
  const impl =
    v.implementation === undefined
      ? ok(undefined)
      : typedAmount(v.implementation, `${v.name}'s implementation`);
  if (!impl.ok) return impl;
  const fees = all(
    (v.fees ?? []).map((f) => {
      const a = typedAmount(f.amount, `${v.name}'s ${f.label}`);
      return a.ok ? ok({ label: f.label, amount: a.value }) : a;
    }),
  );
  if (!fees.ok) return fees;
  return ok({
    name: v.name,
    ...(named.value ? { named: named.value } : {}),
    ...(concurrent.value ? { concurrent: concurrent.value } : {}),
    ...(v.term !== undefined ? { term: v.term } : {}),
    uplift: uplift.value,
    ...(impl.value ? { implementation: impl.value } : {}),
    fees: fees.value,
    codes: v.currency ? [v.currency] : [],
    modes: [...new Set(modes)],
  });
}

/** Parses a quotes file's text; `file` names it in messages. */
export function parseQuotesFile(file: string, text: string): Result<QuotesFile> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return fail("compare.file_not_json", `${file} is not valid JSON: ${why}`, EXAMPLE_HINT);
  }
  const parsed = quotesFile.safeParse(json);
  if (!parsed.success) {
    return failAll(
      parsed.error.issues.slice(0, 5).map((i) => ({
        code: "compare.file_invalid",
        message: `${where(file, i.path)}: ${i.message}`,
        hint: EXAMPLE_HINT,
      })),
    );
  }
  const f = parsed.data;
  const quotes = all(f.vendors.map(quoteWords));
  if (!quotes.ok) return quotes;
  const u = f.usage;
  return ok({
    quotes: quotes.value,
    usage: {
      ...(u?.users !== undefined ? { users: String(u.users) } : {}),
      ...(u?.pool !== undefined ? { pool: String(u.pool) } : {}),
      ...(u?.split ? { split: `${u.split.named}+${u.split.pool}` } : {}),
    },
    ...(f.over !== undefined ? { over: String(f.over) } : {}),
    ...(f.for !== undefined ? { chosen: f.for } : {}),
    ...(f.currency !== undefined ? { currency: f.currency } : {}),
  });
}

/** Reads the typed path through the front end; Slack reads nothing by path. */
export async function readQuotesFile(
  ctx: Pick<CommandContext, "files">,
  path: string,
): Promise<Result<QuotesFile>> {
  if (!ctx.files) {
    return fail(
      "file.paths_not_read_here",
      `I don't open files by path here (${path})`,
      "type the quotes instead: compare HaloITSM: named £70 3y; Rival: concurrent £140 3y --users 240 --pool 60",
    );
  }
  const read = await ctx.files.read(path, MAX_QUOTES_BYTES);
  if (!read.ok) {
    const why: Record<typeof read.failure.reason, string> = {
      not_found: "there is no file there",
      is_directory: "it is a folder",
      too_large: "it is far too large for a quotes file",
      not_allowed: "I'm not allowed to read it",
      unreadable: "the file could not be read",
    };
    return fail(
      "compare.file_unreadable",
      `I couldn't read ${path}: ${why[read.failure.reason]}`,
      "check the path, e.g. examples/quotes.json",
    );
  }
  return parseQuotesFile(baseName(path), new TextDecoder().decode(read.file.bytes));
}
