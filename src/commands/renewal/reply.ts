/** The reply for `renewal`: headline, the per-year tables, notes, working and the JSON contract. */
import {
  formatMoney,
  type Money,
  minorDigits,
  moneyJson,
  sum,
  toDecimal,
  toRatio,
} from "../../core/money.js";
import { formatPercent, percentNumber } from "../../core/percent.js";
import {
  add,
  div,
  isInteger,
  isZero,
  mul,
  ONE,
  type Ratio,
  ratio,
  toDecimalString,
} from "../../core/ratio.js";
import type {
  RenewalComparison,
  RenewalProjection,
  RenewalYear,
  TermChargeTrap,
} from "../../core/renewal.js";
import { describePolicy, type UpliftPolicy } from "../../core/uplift.js";
import { column, type Reply, type Table } from "../reply.js";
import type { RenewalRequest } from "./grammar.js";

const pct = (r: Ratio): string => formatPercent(r, 2);
const money = (m: Money): string => formatMoney(m);
const factor = (r: Ratio): string => toDecimalString(add(ONE, r), 8);

/** "CPI alone" reads better than "CPI" when it is the thing compared against. */
function describeComparison(policy: UpliftPolicy): string {
  return policy.kind === "cpi" ? "CPI alone" : describePolicy(policy);
}

function yearsPhrase(years: number): string {
  return `${years} year${years === 1 ? "" : "s"}`;
}

function headline(p: RenewalProjection): string {
  const discount = isZero(p.discount) ? "" : ` after a ${pct(p.discount)} multi-year discount`;
  const start = `Over ${yearsPhrase(p.years)} at ${describePolicy(p.policy)} you pay ${money(p.total)}${discount}`;
  if (!p.uncapped) return `${start}.`;
  const { difference, policy } = p.uncapped;
  const other = describeComparison(policy);
  if (difference.minor === 0) return `${start} — the same as ${other}.`;
  const size = money({ ...difference, minor: Math.abs(difference.minor) });
  return `${start} — ${size} ${difference.minor > 0 ? "less" : "more"} than ${other}.`;
}

function upliftCell(row: RenewalYear): string {
  return row.uplift === undefined ? "—" : pct(row.uplift);
}

function mainTable(p: RenewalProjection): Table {
  const gross = sum(
    p.rows.map((r) => r.gross),
    p.base.currency,
  );
  const discount = sum(
    p.rows.map((r) => r.discount),
    p.base.currency,
  );
  return {
    title: `${describePolicy(p.policy)}, ${yearsPhrase(p.years)}`,
    columns: [
      column("year", "right"),
      column("uplift", "right"),
      column("why"),
      column("annual", "right"),
      column("discount", "right"),
      column("net", "right"),
    ],
    rows: [
      ...p.rows.map((r) => [
        String(r.year),
        upliftCell(r),
        r.reason,
        money(r.gross),
        money(r.discount),
        money(r.net),
      ]),
      ["total", "", "", money(gross), money(discount), money(p.total)],
    ],
  };
}

function comparisonTable(p: RenewalProjection, c: RenewalComparison): Table {
  return {
    title: `Uncapped: ${describeComparison(c.policy)}`,
    columns: [
      column("year", "right"),
      column("uplift", "right"),
      column("why"),
      column("net", "right"),
      column("more than this deal", "right"),
    ],
    rows: [
      ...c.rows.map((r, i) => {
        const ours = p.rows[i]?.net.minor ?? 0;
        return [
          String(r.year),
          upliftCell(r),
          r.reason,
          money(r.net),
          money({ ...r.net, minor: r.net.minor - ours }),
        ];
      }),
      ["total", "", "", money(c.total), money(c.difference)],
    ],
  };
}

/** The exact unrounded figure in major units, e.g. 101.505 for 10150.5 pence. */
function exactMajor(unrounded: Ratio, m: Money): string {
  const digits = minorDigits(m.currency);
  return toDecimalString(div(unrounded, ratio(10n ** BigInt(digits))), digits + 8);
}

function discountRounding(gross: Money, discount: Ratio): string {
  const exact = mul(toRatio(gross), discount);
  return isInteger(exact)
    ? ""
    : ` (exactly ${exactMajor(exact, gross)}, rounded half away from zero)`;
}

function yearWorking(rows: readonly RenewalYear[], label: string, discount: Ratio): string[] {
  const lines: string[] = [];
  rows.forEach((row, i) => {
    const previous = rows[i - 1];
    if (!previous || row.uplift === undefined) {
      lines.push(`${label}year ${row.year}: base ${money(row.gross)}`);
    } else {
      const rounding =
        row.unrounded === undefined
          ? ""
          : ` (exactly ${exactMajor(row.unrounded, row.gross)}, rounded half away from zero)`;
      lines.push(
        `${label}year ${row.year}: ${money(previous.gross)} × ${factor(row.uplift)} = ${money(row.gross)}${rounding} — ${row.reason}`,
      );
    }
    if (row.discount.minor !== 0) {
      lines.push(
        `${label}year ${row.year} discount: ${money(row.gross)} × ${pct(discount)} = ${money(row.discount)}${discountRounding(row.gross, discount)}; net ${money(row.gross)} − ${money(row.discount)} = ${money(row.net)}`,
      );
    }
  });
  return lines;
}

function trapWorking(base: Money, t: TermChargeTrap): string[] {
  return [
    `Trap, simple: ${t.years} × ${pct(t.perYearCap)} = ${pct(t.simple)}; ${money(base)} × ${factor(t.simple)} = ${money(t.firstYearIfChargedForTerm)}`,
    `Trap, compounded: ${factor(t.perYearCap)}^${t.years} − 1 = ${formatPercent(t.compound, 4)}; ${money(base)} × ${factor(t.compound)} = ${money(t.firstYearIfCompounded)}`,
  ];
}

function working(r: RenewalRequest, p: RenewalProjection): string[] {
  const lines: string[] = [];
  if (r.monthlyBase) lines.push(`${money(r.monthlyBase)} × 12 = ${money(r.base)} a year`);
  lines.push(...yearWorking(p.rows, "", p.discount));
  lines.push(`Total: ${p.rows.map((row) => money(row.net)).join(" + ")} = ${money(p.total)}`);
  if (p.uncapped) {
    lines.push(...yearWorking(p.uncapped.rows, "Uncapped ", p.discount));
    lines.push(
      `Uncapped total: ${p.uncapped.rows.map((row) => money(row.net)).join(" + ")} = ${money(p.uncapped.total)}`,
      `Difference: ${money(p.uncapped.total)} − ${money(p.total)} = ${money(p.uncapped.difference)}`,
    );
  }
  if (p.trap) lines.push(...trapWorking(p.base, p.trap));
  return lines.map((l) => l.charAt(0).toUpperCase() + l.slice(1));
}

function notes(r: RenewalRequest, p: RenewalProjection): string[] {
  const list: string[] = [];
  if (r.currencyAssumed) list.push(`No currency given, so ${p.base.currency} was assumed.`);
  if (r.monthlyBase) {
    list.push(
      `The base was given per month (${money(r.monthlyBase)}), so the year is 12 times it.`,
    );
  }
  if (p.unusedCpi.length > 0) {
    const values = p.unusedCpi.map(pct).join(", ");
    list.push(
      `CPI value${p.unusedCpi.length === 1 ? "" : "s"} ${values} ${p.unusedCpi.length === 1 ? "is" : "are"} beyond year ${p.years} and ${p.unusedCpi.length === 1 ? "was" : "were"} ignored.`,
    );
  }
  if (p.policy.kind === "cap" && p.policy.floor !== undefined) {
    list.push(
      `The worst case under a fixed cap is the full cap every year, so the ${pct(p.policy.floor)} floor doesn't change these figures.`,
    );
  }
  if (!p.uncapped && p.policy.kind !== "list") {
    list.push(
      "No uncapped comparison: add --list 7% (or whatever list uplift the vendor would apply) to see what this rule saves.",
    );
  }
  if (!isZero(p.discount)) {
    list.push(
      `The ${pct(p.discount)} multi-year discount comes off every year's invoice${p.uncapped ? ", in the comparison too" : ""}.`,
    );
  }
  if ([...p.rows, ...(p.uncapped?.rows ?? [])].some((row) => row.unrounded !== undefined)) {
    list.push(
      "Each year is rounded to the minor unit (half away from zero) as its invoice would be, and the next year builds on the rounded price.",
    );
  }
  if (p.rows.some((row) => row.uplift !== undefined && row.uplift.num < 0n)) {
    list.push(
      "CPI is negative in at least one year, so the price falls that year; a floor would stop that.",
    );
  }
  if (p.trap) {
    const t = p.trap;
    list.push(
      `Watch the wording: if the ${pct(t.perYearCap)} per-year cap is charged for the whole ${t.years}-year term at renewal, ${pct(t.perYearCap)} a year becomes ${pct(t.simple)} (${pct(t.compound)} compounded), making the first year ${money(t.firstYearIfChargedForTerm)} (or ${money(t.firstYearIfCompounded)}) instead of ${money(p.base)}. Ask for the cap to apply once per 12 months.`,
    );
  }
  return list;
}

function baseWords(r: RenewalRequest): string {
  return `${toDecimal(r.base).replace(/\.0+$/, "")} ${r.base.currency}`;
}

function next(r: RenewalRequest, p: RenewalProjection): string[] {
  const base = baseWords(r);
  const suggestions: string[] = [];
  if (p.policy.kind === "cap" && r.list === undefined) {
    suggestions.push(`renewal ${base} years ${p.years} cap ${pct(p.policy.cap)} list 7%`);
  }
  if (p.policy.kind === "cap" && p.years > 1) {
    const cpi = ["4.1", "3.2", "2.8", "2.5", "2.4", "2.3", "2.2", "2.1", "2"].slice(0, p.years - 1);
    suggestions.push(
      `renewal ${base} years ${p.years} cpi ${cpi.join(",")} lesser-of ${pct(p.policy.cap)}`,
    );
  }
  const firstYear = p.rows[0]?.net ?? p.base;
  suggestions.push(
    `impl fixed 45k days 60 rate 1200 overrun 10-40% annual ${toDecimal(firstYear).replace(/\.0+$/, "")} ${r.base.currency}`,
  );
  return suggestions.slice(0, 3);
}

function rowJson(row: RenewalYear) {
  return {
    year: row.year,
    upliftPercent: row.uplift === undefined ? null : percentNumber(row.uplift),
    reason: row.reason,
    gross: moneyJson(row.gross),
    discount: moneyJson(row.discount),
    net: moneyJson(row.net),
  };
}

function policyJson(policy: UpliftPolicy, discount?: Ratio) {
  const json: Record<string, unknown> = { kind: policy.kind };
  if (policy.kind === "cap" || policy.kind === "lesser-of")
    json.capPercent = percentNumber(policy.cap);
  if (policy.kind === "greater-of") json.minimumPercent = percentNumber(policy.minimum);
  if (policy.kind === "list") json.listPercent = percentNumber(policy.uplift);
  if (policy.kind !== "cap" && policy.kind !== "list")
    json.cpiPercents = policy.cpi.map(percentNumber);
  if (policy.kind !== "list" && policy.floor !== undefined) {
    json.floorPercent = percentNumber(policy.floor);
  }
  if (discount !== undefined) json.discountPercent = percentNumber(discount);
  json.description = describePolicy(policy);
  return json;
}

/**
 * The `data` contract of `renewal`:
 * - `currency`: ISO code; `base`: year-1 annual cost (MoneyJson); `years`: term length.
 * - `policy`: `{ kind: "cap" | "lesser-of" | "greater-of" | "cpi" | "list", capPercent?,
 *   minimumPercent? (greater-of), listPercent? (list), cpiPercents? (CPI for years 2, 3, …, as
 *   given, unused ones included), floorPercent?, discountPercent, description }`.
 * - `rows`: `[{ year, upliftPercent (null in year 1), reason, gross, discount, net }]`.
 * - `total`: sum of the nets.
 * - `uncapped?`: `{ policy, total, rows, difference }`, difference = uncapped total − total
 *   (positive when this deal is cheaper). Absent for a fixed cap without --list, CPI alone without
 *   --list, and a list-uplift policy.
 * - `trap?`: `{ perYearCapPercent, years, simplePercent, compoundPercent,
 *   firstYearIfChargedForTerm, firstYearIfCompounded }` when a per-year cap meets a term > 1 year.
 * - `unusedCpiPercents`: CPI values beyond the term (empty when none).
 * Amounts are MoneyJson; percents are numbers (3 for 3%, 2 decimals).
 */
export function renewalData(p: RenewalProjection): Record<string, unknown> {
  return {
    currency: p.base.currency,
    base: moneyJson(p.base),
    years: p.years,
    policy: policyJson(p.policy, p.discount),
    rows: p.rows.map(rowJson),
    total: moneyJson(p.total),
    ...(p.uncapped
      ? {
          uncapped: {
            policy: policyJson(p.uncapped.policy),
            total: moneyJson(p.uncapped.total),
            rows: p.uncapped.rows.map(rowJson),
            difference: moneyJson(p.uncapped.difference),
          },
        }
      : {}),
    ...(p.trap
      ? {
          trap: {
            perYearCapPercent: percentNumber(p.trap.perYearCap),
            years: p.trap.years,
            simplePercent: percentNumber(p.trap.simple),
            compoundPercent: percentNumber(p.trap.compound),
            firstYearIfChargedForTerm: moneyJson(p.trap.firstYearIfChargedForTerm),
            firstYearIfCompounded: moneyJson(p.trap.firstYearIfCompounded),
          },
        }
      : {}),
    unusedCpiPercents: p.unusedCpi.map(percentNumber),
  };
}

export function renewalReply(r: RenewalRequest, p: RenewalProjection): Reply {
  return {
    command: "renewal",
    headline: headline(p),
    tables: [mainTable(p), ...(p.uncapped ? [comparisonTable(p, p.uncapped)] : [])],
    notes: notes(r, p),
    working: working(r, p),
    next: next(r, p),
    data: renewalData(p),
  };
}
