/**
 * The reply for `compare`: the line to say on the call, the totals side by side with the cheapest
 * marked, a year-by-year table per vendor, the notes (every assumption and every count not used),
 * the working behind each figure, and the JSON contract.
 */
import type { Comparison } from "../../core/compare/compare.js";
import type { LinePrice } from "../../core/compare/offer.js";
import type { VendorCost } from "../../core/compare/price.js";
import { formatMoney, type Money, moneyJson, sub, sum } from "../../core/money.js";
import { formatPercent, percentNumber } from "../../core/percent.js";
import { tierLabel } from "../../core/tiers.js";
import { describePolicy } from "../../core/uplift.js";
import { column, type Reply, type ReplyFile, type Table } from "../reply.js";

const money = (m: Money): string => formatMoney(m);
const yearsText = (n: number): string => `${n} year${n === 1 ? "" : "s"}`;
const abs = (m: Money): Money => ({ ...m, minor: Math.abs(m.minor) });

function headline(c: Comparison): string {
  const mine = c.vendors[c.chosen] as VendorCost;
  const theirs = c.vendors[c.rival] as VendorCost;
  const over = `over ${yearsText(c.years)}`;
  const them = `${theirs.offer.name}'s ${money(theirs.tco)}`;
  if (c.difference.minor > 0) {
    return `${mine.offer.name}'s offer is ${money(c.difference)} ${over} above the like-for-like competitor quote: ${money(mine.tco)} against ${them}.`;
  }
  if (c.difference.minor < 0) {
    return `${mine.offer.name}'s offer is the cheapest: ${money(abs(c.difference))} ${over} below the like-for-like competitor quote, ${money(mine.tco)} against ${them}.`;
  }
  return `${mine.offer.name}'s offer costs the same ${over} as the like-for-like competitor quote: ${money(mine.tco)}, like ${theirs.offer.name}.`;
}

function pricedOn(v: VendorCost): string {
  if (v.model === "named") return `${v.seats.named} named`;
  if (v.model === "concurrent") return `${v.seats.concurrent} pool`;
  return `${v.seats.named} named + ${v.seats.concurrent} pool`;
}

/** A quote's own uplift reads "5% a year"; the renewal words ("uncapped list uplift") are for caps. */
function upliftText(v: VendorCost): string {
  const u = v.offer.uplift;
  if (!u) return "no uplift stated";
  return u.kind === "list" ? `${formatPercent(u.uplift, 2)} uplift a year` : describePolicy(u);
}

function priceText(p: LinePrice): string {
  if (p.kind === "flat") return `${money(p.rate)}/${p.period === "month" ? "mo" : "yr"}`;
  const tiers = p.book.tiers.map((t) => `${tierLabel(t)} @ ${money(t.rate)}`).join(", ");
  return `${tiers}${p.book.period === "year" ? " /yr" : ""} (${p.book.mode})`;
}

function summaryTable(c: Comparison): Table {
  const lowest = (c.vendors[c.cheapest[0] as number] as VendorCost).tco;
  return {
    title: `Total cost of ownership over ${yearsText(c.years)}, on the same usage`,
    columns: [
      column("vendor"),
      column("licensing"),
      column("priced on"),
      column("year 1", "right"),
      column(`${c.years}-year total`, "right"),
      column("above cheapest", "right"),
    ],
    rows: c.vendors.map((v, i) => [
      v.offer.name,
      v.model,
      pricedOn(v),
      money((v.years[0] as { total: Money }).total),
      money(v.tco),
      c.cheapest.includes(i) ? "cheapest" : money(sub(v.tco, lowest)),
    ]),
  };
}

function vendorTitle(v: VendorCost): string {
  const prices = [
    v.offer.named ? `named ${priceText(v.offer.named)}` : "",
    v.offer.concurrent ? `concurrent ${priceText(v.offer.concurrent)}` : "",
  ].filter(Boolean);
  return `${v.offer.name}: ${prices.join(" + ")}, ${upliftText(v)}`;
}

function vendorTable(v: VendorCost): Table {
  const code = v.tco.currency;
  const subscription = sum(
    v.years.map((y) => y.subscription),
    code,
  );
  return {
    title: vendorTitle(v),
    columns: [
      column("year", "right"),
      column("uplift", "right"),
      column("subscription", "right"),
      column("one-off", "right"),
      column("total", "right"),
    ],
    rows: [
      ...v.years.map((y) => [
        `${y.year}${y.beyondTerm ? "*" : ""}`,
        y.uplift === undefined ? "—" : formatPercent(y.uplift, 2),
        money(y.subscription),
        y.oneOff.minor === 0 ? "—" : money(y.oneOff),
        money(y.total),
      ]),
      ["total", "", money(subscription), money(v.oneOff), money(v.tco)],
    ],
  };
}

const COUNT_WORDS = {
  people: (c: Comparison) => `${c.usage.people} users (no vendor licenses named seats only)`,
  pool: (c: Comparison) =>
    `the pool of ${c.usage.pool} (no vendor licenses a concurrent pool only)`,
  split: (c: Comparison) =>
    `the split ${c.usage.split?.named}+${c.usage.split?.pool} (no vendor licenses both)`,
} as const;

function notes(c: Comparison, extra: readonly string[]): string[] {
  const out: string[] = [];
  const cheapest = c.cheapest.map((i) => (c.vendors[i] as VendorCost).offer.name);
  out.push(
    cheapest.length > 1
      ? `${cheapest.join(" and ")} cost the same, the least.`
      : `Cheapest over ${yearsText(c.years)}: ${cheapest[0]}.`,
  );
  out.push(...extra, ...c.assumptions);
  if (c.vendors.some((v) => v.years.some((y) => y.beyondTerm))) {
    out.push("* a year after that quote's own term.");
  }
  const flat = c.vendors.filter((v) => !v.offer.uplift).map((v) => v.offer.name);
  if (flat.length > 0) {
    out.push(
      `${flat.join(", ")} states no yearly uplift, so every year is priced at the year-1 price; ask whether the price is fixed for the term.`,
    );
  }
  if (c.unused.length > 0) {
    out.push(`Not used: ${c.unused.map((u) => COUNT_WORDS[u](c)).join("; ")}.`);
  }
  for (const v of c.vendors) {
    if (v.unusedCpi.length > 0) {
      out.push(
        `${v.offer.name}: CPI ${v.unusedCpi.map((r) => formatPercent(r, 2)).join(", ")} not used (beyond the ${yearsText(c.years)} compared).`,
      );
    }
  }
  return out;
}

function working(c: Comparison): string[] {
  const mine = c.vendors[c.chosen] as VendorCost;
  const theirs = c.vendors[c.rival] as VendorCost;
  return [
    ...c.vendors.flatMap((v) => v.working),
    `${mine.offer.name} − ${theirs.offer.name} (the cheapest other quote): ${money(mine.tco)} − ${money(theirs.tco)} = ${money(c.difference)}`,
  ];
}

function vendorData(c: Comparison, v: VendorCost, i: number) {
  return {
    name: v.offer.name,
    model: v.model,
    seats: v.seats,
    term: v.offer.term ?? null,
    uplift: v.offer.uplift ? upliftText(v) : null,
    lines: v.lines.map((l) => ({
      type: l.type,
      seats: l.seats,
      tier: l.tier ?? null,
      annual: moneyJson(l.annual),
    })),
    years: v.years.map((y) => ({
      year: y.year,
      uplift: y.uplift === undefined ? null : percentNumber(y.uplift),
      reason: y.reason,
      subscription: moneyJson(y.subscription),
      oneOff: moneyJson(y.oneOff),
      total: moneyJson(y.total),
      beyondTerm: y.beyondTerm,
    })),
    oneOff: moneyJson(v.oneOff),
    tco: moneyJson(v.tco),
    cheapest: c.cheapest.includes(i),
  };
}

export function compareData(c: Comparison, chart: string | null) {
  return {
    currency: c.currency,
    years: c.years,
    usage: {
      users: c.usage.people ?? null,
      pool: c.usage.pool ?? null,
      split: c.usage.split ?? null,
    },
    vendors: c.vendors.map((v, i) => vendorData(c, v, i)),
    cheapest: c.cheapest.map((i) => (c.vendors[i] as VendorCost).offer.name),
    chosen: (c.vendors[c.chosen] as VendorCost).offer.name,
    rival: (c.vendors[c.rival] as VendorCost).offer.name,
    difference: moneyJson(c.difference),
    chart,
  };
}

export function compareReply(
  c: Comparison,
  extraNotes: readonly string[],
  chart: { readonly files: readonly ReplyFile[]; readonly notes: readonly string[] },
): Reply {
  const file = chart.files[0];
  return {
    command: "compare",
    headline: headline(c),
    tables: [summaryTable(c), ...c.vendors.map(vendorTable)],
    notes: [...notes(c, extraNotes), ...chart.notes],
    working: working(c),
    next: [],
    data: compareData(c, file?.name ?? null),
    ...(chart.files.length > 0 ? { files: chart.files } : {}),
  };
}
