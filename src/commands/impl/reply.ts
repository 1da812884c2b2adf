/**
 * The reply of `impl`: which is cheaper at the estimate, the worst case of the overrun, the
 * first-year total cost, the working and the JSON contract.
 */
import type { ImplementationComparison } from "../../core/implementation.js";
import { formatMoney, type Money, moneyJson, toDecimal } from "../../core/money.js";
import { formatPercent, percentNumber } from "../../core/percent.js";
import { add, ONE, type Ratio, toDecimalString, toNumber } from "../../core/ratio.js";
import { column, type Reply } from "../reply.js";
import type { ImplementationRequest } from "./grammar.js";
import { NAME } from "./info.js";

const pct = (r: Ratio): string => formatPercent(r, 2);
const money = (m: Money): string => formatMoney(m);

function upTo(tm: NonNullable<ImplementationComparison["timeAndMaterials"]>): string {
  return tm.high.minor > tm.estimate.minor
    ? ` and up to ${money(tm.high)} with a ${pct(tm.overrunHigh)} overrun`
    : "";
}

function headline(c: ImplementationComparison): string {
  const { fixed, timeAndMaterials: tm, firstYearTco: tco, annualSubscription } = c;
  if (fixed && tm) {
    if (c.cheaper === "fixed") {
      return `Fixed price ${money(fixed)} caps the work; time and materials is ${money(tm.estimate)} at estimate${upTo(tm)}.`;
    }
    if (c.cheaper === "equal") {
      return `Fixed price ${money(fixed)} matches time and materials at estimate and caps the work${tm.high.minor > fixed.minor ? `; time and materials could reach ${money(tm.high)} with a ${pct(tm.overrunHigh)} overrun` : ""}.`;
    }
    const breakEven = c.breakEvenOverrun ? pct(c.breakEvenOverrun) : "";
    if (tm.high.minor > fixed.minor) {
      return `Time and materials is ${money(tm.estimate)} at estimate against a ${money(fixed)} fixed price, but up to ${money(tm.high)} with a ${pct(tm.overrunHigh)} overrun: past a ${breakEven} overrun the fixed price is cheaper.`;
    }
    return `Time and materials is cheaper even with a ${pct(tm.overrunHigh)} overrun: ${money(tm.estimate)} at estimate and at most ${money(tm.high)}, against a ${money(fixed)} fixed price.`;
  }
  if (fixed) {
    return tco?.fixed && annualSubscription
      ? `Fixed price ${money(fixed)} caps the work; with the ${money(annualSubscription)} subscription the first year costs ${money(tco.fixed)}.`
      : `Fixed price ${money(fixed)} caps the work.`;
  }
  if (tm) {
    return `Time and materials is ${money(tm.estimate)} at estimate${upTo(tm)}.`;
  }
  return "Nothing to compare.";
}

function overrunLabel(r: Ratio): string {
  return `T&M + ${pct(r)} overrun`;
}

function table(c: ImplementationComparison) {
  const tm = c.timeAndMaterials;
  const tco = c.firstYearTco;
  const rows: string[][] = [];
  const withTco = (label: string, cost: Money, total: Money | undefined) =>
    tco ? [label, money(cost), total ? money(total) : ""] : [label, money(cost)];
  if (c.fixed) rows.push(withTco("fixed price", c.fixed, tco?.fixed));
  if (tm) {
    rows.push(
      withTco(
        `T&M at estimate (${toDecimalString(tm.days)} days × ${money(tm.dayRate)})`,
        tm.estimate,
        tco?.tmEstimate,
      ),
    );
    if (tm.high.minor !== tm.estimate.minor) {
      rows.push(withTco(overrunLabel(tm.overrunLow), tm.low, tco?.tmLow));
      rows.push(withTco(overrunLabel(tm.overrunHigh), tm.high, tco?.tmHigh));
    }
  }
  return {
    title: "Implementation",
    columns: [
      column("option"),
      column("implementation", "right"),
      ...(tco ? [column("first-year total", "right")] : []),
    ],
    rows,
  };
}

function working(r: ImplementationRequest, c: ImplementationComparison): string[] {
  const lines: string[] = [];
  const tm = c.timeAndMaterials;
  if (tm) {
    lines.push(`${toDecimalString(tm.days)} days × ${money(tm.dayRate)} = ${money(tm.estimate)}`);
    if (tm.high.minor !== tm.estimate.minor) {
      for (const [rate, cost] of [
        [tm.overrunLow, tm.low],
        [tm.overrunHigh, tm.high],
      ] as const) {
        lines.push(
          `${money(tm.estimate)} × ${toDecimalString(add(ONE, rate), 8)} = ${money(cost)}`,
        );
      }
    }
  }
  if (c.breakEvenOverrun && c.fixed && tm) {
    lines.push(
      `Break-even overrun: ${money(c.fixed)} ÷ ${money(tm.estimate)} − 1 = ${pct(c.breakEvenOverrun)}`,
    );
  }
  if (r.monthlySubscription && c.annualSubscription) {
    lines.push(`${money(r.monthlySubscription)} × 12 = ${money(c.annualSubscription)} a year`);
  }
  const annual = c.annualSubscription;
  const tco = c.firstYearTco;
  if (annual && tco) {
    const pairs: [string, Money | undefined, Money | undefined][] = [
      ["fixed", c.fixed, tco.fixed],
      ["T&M at estimate", tm?.estimate, tco.tmEstimate],
      ["T&M low", tm?.low, tco.tmLow],
      ["T&M high", tm?.high, tco.tmHigh],
    ];
    for (const [label, cost, total] of pairs) {
      if (cost && total) {
        lines.push(`First year, ${label}: ${money(annual)} + ${money(cost)} = ${money(total)}`);
      }
    }
  }
  return lines;
}

function notes(r: ImplementationRequest, c: ImplementationComparison): string[] {
  const list: string[] = [];
  const currency = (c.fixed ?? c.timeAndMaterials?.dayRate ?? c.annualSubscription)?.currency;
  if (r.currencyAssumed && currency) list.push(`No currency given, so ${currency} was assumed.`);
  if (c.timeAndMaterials && r.overrunGiven === "none") {
    list.push("No overrun range given, so T&M is shown at estimate only; add --overrun 10-40%.");
  }
  if (c.timeAndMaterials && r.overrunGiven === "single") {
    list.push(
      `A single overrun was read as a range from 0% to ${pct(c.timeAndMaterials.overrunHigh)}.`,
    );
  }
  if (r.monthlySubscription) {
    list.push("The subscription was given per month, so the year is 12 times it.");
  }
  if (!c.annualSubscription) {
    list.push("Add --annual with the first-year subscription to see the first-year total cost.");
  }
  if (c.fixed) {
    list.push(
      "A fixed price caps the work only for the agreed scope: check the change-request day rate.",
    );
  }
  return list;
}

/**
 * The `data` contract of `impl`:
 * `{ currency, fixed?, timeAndMaterials?: { days (number), dayRate, estimate, low, high,
 * overrunLowPercent, overrunHighPercent }, annualSubscription?, firstYearTco?: { fixed?,
 * tmEstimate?, tmLow?, tmHigh? }, cheaper: "fixed" | "time-and-materials" | "equal" | null (null
 * when only one quote was given; compared at the T&M estimate), breakEvenOverrunPercent? (the
 * overrun at which T&M reaches the fixed price, when T&M is cheaper at estimate) }`.
 * Amounts are MoneyJson; percents are numbers (40 for 40%).
 */
export function implementationData(c: ImplementationComparison, currency: string) {
  const tm = c.timeAndMaterials;
  const tco = c.firstYearTco;
  const optional = (key: string, m: Money | undefined) => (m ? { [key]: moneyJson(m) } : {});
  return {
    currency,
    ...optional("fixed", c.fixed),
    ...(tm
      ? {
          timeAndMaterials: {
            days: toNumber(tm.days),
            dayRate: moneyJson(tm.dayRate),
            estimate: moneyJson(tm.estimate),
            low: moneyJson(tm.low),
            high: moneyJson(tm.high),
            overrunLowPercent: percentNumber(tm.overrunLow),
            overrunHighPercent: percentNumber(tm.overrunHigh),
          },
        }
      : {}),
    ...optional("annualSubscription", c.annualSubscription),
    ...(tco
      ? {
          firstYearTco: {
            ...optional("fixed", tco.fixed),
            ...optional("tmEstimate", tco.tmEstimate),
            ...optional("tmLow", tco.tmLow),
            ...optional("tmHigh", tco.tmHigh),
          },
        }
      : {}),
    cheaper: c.cheaper ?? null,
    ...(c.breakEvenOverrun ? { breakEvenOverrunPercent: percentNumber(c.breakEvenOverrun) } : {}),
  };
}

function next(text: string, c: ImplementationComparison): string[] {
  const annual = c.annualSubscription;
  const list: string[] = [];
  if (annual) {
    const base = toDecimal(annual).replace(/\.0+$/, "");
    list.push(`renewal ${base} ${annual.currency} years 3 cap 3% list 7%`);
  } else {
    list.push(`impl ${text.trim()} annual 294k`);
  }
  if (c.timeAndMaterials && !c.fixed) list.push(`impl ${text.trim()} fixed 45k`);
  return list;
}

export function reply(text: string, r: ImplementationRequest, c: ImplementationComparison): Reply {
  const currency = (c.fixed ?? c.timeAndMaterials?.dayRate ?? c.annualSubscription)?.currency ?? "";
  return {
    command: NAME,
    headline: headline(c),
    tables: [table(c)],
    notes: notes(r, c),
    working: working(r, c),
    next: next(text, c),
    data: implementationData(c, currency),
  };
}
