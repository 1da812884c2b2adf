/**
 * The figures a `renewal` result offers the model: the term total under the deal's rule, the
 * year-one cost, each year's invoice, the uncapped comparison and what the cap saves, and the
 * rule's own percentages. Each year's figure names its year, so "the first year" cannot be given
 * year three's invoice without the rendered text saying "in year 3".
 */
import {
  asMoney,
  DOWNWARD,
  type FigureSpec,
  field,
  moneyText,
  numberField,
  percentText,
  termPhrase,
  UPWARD,
} from "./figure.js";

const UNCAPPED_WORDS = ["uncapped", "without", "list", "no cap"];
const FIRST_YEAR_WORDS = ["first", "opening", "initial"];
const LAST_YEAR_WORDS = ["last", "final"];
const CAPPED_WORDS = ["capped", "with the cap", "under the cap", "cap applied"];

export function renewalFigures(data: unknown): FigureSpec[] {
  const years = numberField(data, "years") ?? 1;
  const figures: FigureSpec[] = [];
  const total = asMoney(field(data, "total"));
  if (total) {
    figures.push({
      name: "termTotal",
      text: `${moneyText(total)} ${termPhrase(years)}`,
      meaning: "what the whole term costs under this deal's uplift rule",
      period: "term",
      clashes: UNCAPPED_WORDS,
    });
  }
  const base = asMoney(field(data, "base"));
  if (base) {
    figures.push({
      name: "firstYear",
      text: `${moneyText(base)} a year`,
      meaning: "the year-one annual cost the projection starts from",
      period: "year",
    });
  }
  const rows = field(data, "rows");
  for (const row of Array.isArray(rows) ? rows : []) {
    const year = numberField(row, "year");
    const net = asMoney(field(row, "net"));
    if (year === undefined || !net) continue;
    figures.push({
      name: `year${year}`,
      text: `${moneyText(net)} in year ${year}`,
      meaning: `the invoice for year ${year} of the term`,
      period: "year",
      // Later ordinals are number words, refused anyway; "first" and "last" are not.
      clashes: [
        ...(year === 1 ? [] : FIRST_YEAR_WORDS),
        ...(year === years ? [] : LAST_YEAR_WORDS),
      ],
    });
  }
  const uncapped = field(data, "uncapped");
  const uncappedTotal = asMoney(field(uncapped, "total"));
  if (uncappedTotal) {
    figures.push({
      name: "uncappedTotal",
      text: `${moneyText(uncappedTotal)} ${termPhrase(years)}`,
      meaning: "what the term would cost under the uncapped comparison rule",
      period: "term",
      clashes: CAPPED_WORDS,
    });
  }
  const difference = asMoney(field(uncapped, "difference"));
  if (difference && difference.minor !== 0) {
    const up = difference.minor < 0;
    figures.push({
      name: up ? "capExtra" : "capSaving",
      text: `${moneyText(difference)} ${termPhrase(years)}`,
      meaning: up
        ? "how much more this deal's rule costs than the uncapped comparison over the term"
        : "how much this deal's rule saves against the uncapped comparison over the term",
      period: "term",
      clashes: up ? DOWNWARD : UPWARD,
    });
  }
  const policy = field(data, "policy");
  const cap = numberField(policy, "capPercent");
  if (cap !== undefined) {
    figures.push({
      name: "capPercent",
      text: `${percentText(cap)} a year`,
      meaning: "the yearly cap (or the cap in a lesser/greater-of rule) the user gave",
      period: "year",
    });
  }
  const discount = numberField(policy, "discountPercent");
  if (discount !== undefined && discount > 0) {
    figures.push({
      name: "discountPercent",
      text: `${percentText(discount)} off every invoice`,
      meaning: "the multi-year discount the user gave",
      period: "none",
    });
  }
  return figures;
}
