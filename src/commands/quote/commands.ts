/**
 * A read quote as the calculator commands it needs, each text runnable as typed. Building command
 * text (rather than calling core functions) means the reply's "Worked out with" line is something
 * the user can paste, and every figure goes through the same grammar and checks as a typed command.
 */
import type { Quote, SeatLine } from "./quote.js";

function lineText(l: SeatLine, quantity = l.quantity): string {
  return `${quantity} ${l.type} @ ${l.price.amount}${l.period === "year" ? "/yr" : "/mo"}`;
}

const currencyOption = (q: Quote) => (q.currency ? ` --currency ${q.currency}` : "");

export function hasPolicy(q: Quote): boolean {
  return Boolean(q.list || q.cap || q.lesserOf || q.greaterOf || (q.cpi && q.cpi.length > 0));
}

/**
 * The cost command for the quoted seats; with an active count on one line, the right-sized plan
 * (the active seats at the same price) against the quote, so the saving is the calculator's.
 */
export function costCommand(q: Quote): string | undefined {
  if (q.lines.length === 0) return undefined;
  const quoted = q.lines.map((l) => lineText(l)).join(" + ");
  const [only] = q.lines;
  const rightSized =
    q.active !== undefined && q.lines.length === 1 && only ? `${lineText(only, q.active)} vs ` : "";
  // Flat years only when no renewal runs: the renewal calculator projects the term with uplift.
  const years = q.years !== undefined && !hasPolicy(q) && !q.discount ? ` --years ${q.years}` : "";
  return `cost ${rightSized}${quoted}${years}${currencyOption(q)}`;
}

export function tiersCommand(q: Quote): string | undefined {
  if (!q.tiers || !q.seats) return undefined;
  return `tiers ${q.seats.quantity} --tiers "${q.tiers.join(", ")}"${currencyOption(q)}`;
}

/** The renewal projection from the year-1 annual amount, when the quote has a term to project. */
export function renewalCommand(q: Quote, annual: string | undefined): string | undefined {
  if (annual === undefined || q.years === undefined) return undefined;
  if (!hasPolicy(q) && !q.discount && !(q.periodTotal && q.lines.length === 0)) return undefined;
  const options: string[] = [];
  if (q.cpi && q.cpi.length > 0) options.push(`--cpi ${q.cpi.join(",")}`);
  if (q.lesserOf && q.cpi && q.cpi.length > 0) options.push(`--lesser-of ${q.lesserOf}%`);
  // The lesser of CPI and X% without CPI figures: its worst case is X% every year (stated).
  if (q.lesserOf && !(q.cpi && q.cpi.length > 0)) options.push(`--cap ${q.lesserOf}%`);
  if (q.greaterOf) options.push(`--greater-of ${q.greaterOf}%`);
  if (q.cap) options.push(`--cap ${q.cap}%`);
  if (q.floor) options.push(`--floor ${q.floor}%`);
  if (q.list) options.push(`--list ${q.list}%`);
  // No uplift at all (a discount, or a yearly total over a term): flat years, said as 0%.
  if (!hasPolicy(q)) options.push("--list 0%");
  if (q.discount) options.push(`--discount ${q.discount}%`);
  return `renewal ${annual} --years ${q.years} ${options.join(" ")}${currencyOption(q)}`;
}

export function implementationCommand(q: Quote, annual: string | undefined): string | undefined {
  const i = q.implementation;
  if (!i || (i.fixed === undefined && i.dayRate === undefined)) return undefined;
  const parts: string[] = [];
  if (i.fixed) parts.push(`--fixed ${i.fixed.amount}`);
  if (i.days !== undefined && i.dayRate)
    parts.push(`--days ${i.days} --day-rate ${i.dayRate.amount}`);
  if (i.overrun) parts.push(`--overrun ${i.overrun}`);
  if (annual !== undefined) parts.push(`--annual ${annual}`);
  return `impl ${parts.join(" ")}${currencyOption(q)}`;
}

/** The year-1 annual amount as the renewal and impl commands read it, for a quote with no seats. */
export function periodTotalText(q: Quote): string | undefined {
  if (!q.periodTotal) return undefined;
  return `${q.periodTotal.money.amount}${q.periodTotal.period === "month" ? "/mo" : ""}`;
}
