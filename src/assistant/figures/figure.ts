/**
 * A figure the model may cite by name: code renders it from a calculator's result, with its
 * unit, period and currency, so the model's own text never carries a number.
 *
 * The scheme (also given to the model in the system prompt): every successful calculator call
 * gets a label — the tool's name for its first result (`cost`), then `cost#2`, `cost#3` for later
 * calls of the same tool — and each figure a name. The model writes `{{cost.saving}}`; code
 * replaces it with e.g. "£306,000 a year". Knowledge-base passages get no figure names on
 * purpose: a figure from an article is context, never the user's deal, so the model cannot quote
 * one at all (the deterministic answer quotes articles with their source instead).
 */
import { formatMoney, type Money, money, parseCurrency } from "../../core/money.js";

/** What the rendered text already states about time, so words added after it are refused. */
export type FigurePeriod = "year" | "month" | "term" | "once" | "none";

export interface FigureSpec {
  /** The name after the label: `saving`, `termTotal`, `year2`. */
  readonly name: string;
  /** Exactly what the user sees, e.g. "£306,000 a year". */
  readonly text: string;
  /** One phrase for the model saying what the figure is. */
  readonly meaning: string;
  readonly period: FigurePeriod;
  /**
   * Words that must not lead up to or follow the figure in its clause: they would say the figure
   * is something else (the wrong direction, the other plan, another part of the saving).
   */
  readonly clashes?: readonly string[];
}

/** A figure with the label of the tool result it came from: `{{cost#2.saving}}`. */
export interface LabelledFigure extends FigureSpec {
  readonly ref: string;
}

/** Words saying a difference goes up: they clash with a saving. */
export const UPWARD = [
  "more",
  "extra",
  "dearer",
  "higher",
  "increase",
  "increases",
  "premium",
  "costlier",
  "expensive",
  "overspend",
  "rise",
  "rises",
];

/** Words saying a difference goes down: they clash with an extra cost. */
export const DOWNWARD = [
  "less",
  "saving",
  "savings",
  "save",
  "saves",
  "saved",
  "cheaper",
  "lower",
  "reduction",
  "reduce",
  "reduces",
  "cut",
];

/** The shape every calculator uses for an amount in its `data` (MoneyJson). */
export interface MoneyLike {
  readonly currency: string;
  readonly minor: number;
}

export function isMoneyLike(value: unknown): value is MoneyLike {
  if (value === null || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return typeof v.currency === "string" && typeof v.minor === "number" && Number.isInteger(v.minor);
}

/** The amount as Money, or undefined when the data does not hold a valid one. */
export function asMoney(value: unknown): Money | undefined {
  if (!isMoneyLike(value)) return undefined;
  const code = parseCurrency(value.currency);
  return code.ok ? money(value.minor, code.value) : undefined;
}

/** `£306,000` — the project's money formatting; a difference is shown without its sign. */
export function moneyText(m: Money): string {
  return formatMoney(money(Math.abs(m.minor), m.currency));
}

/** `51%`, `3.25%` — percents arrive as numbers (51 for 51%). */
export function percentText(n: number): string {
  return `${n.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 2 })}%`;
}

/** `240 seats`, `1 seat`. */
export function countText(n: number, unit: string): string {
  return `${n.toLocaleString("en-US")} ${unit}${n === 1 ? "" : "s"}`;
}

export function termPhrase(years: number): string {
  return years === 1 ? "over 1 year" : `over ${years} years`;
}

/** A record field of unknown JSON, for the extractors. */
export function field(value: unknown, key: string): unknown {
  if (value === null || typeof value !== "object") return undefined;
  return (value as Record<string, unknown>)[key];
}

export function numberField(value: unknown, key: string): number | undefined {
  const v = field(value, key);
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}
