/**
 * The figures a `tiers` result offers the model: today's cost and rate, the next break, what
 * asking for the next rate is worth, and what buying up to the break costs or saves. Rates carry
 * their period (the price book's), so a yearly rate is never read as monthly.
 */
import {
  asMoney,
  countText,
  DOWNWARD,
  type FigureSpec,
  field,
  moneyText,
  numberField,
  UPWARD,
} from "./figure.js";

export function tiersFigures(data: unknown): FigureSpec[] {
  const period = field(data, "period") === "year" ? "year" : "month";
  const figures: FigureSpec[] = [];
  const push = (spec: FigureSpec | undefined) => {
    if (spec) figures.push(spec);
  };
  const quantity = numberField(data, "quantity");
  if (quantity !== undefined) {
    push({
      name: "seats",
      text: countText(quantity, "seat"),
      meaning: "the quantity priced",
      period: "none",
    });
  }
  const annual = asMoney(field(data, "annual"));
  if (annual) {
    push({
      name: "annualCost",
      text: `${moneyText(annual)} a year`,
      meaning: "today's cost",
      period: "year",
    });
  }
  const monthly = asMoney(field(data, "monthly"));
  if (monthly) {
    push({
      name: "monthlyCost",
      text: `${moneyText(monthly)} a month`,
      meaning: "today's cost",
      period: "month",
    });
  }
  const rate = asMoney(field(field(data, "current"), "rate"));
  if (rate) {
    push({
      name: "rate",
      text: `${moneyText(rate)} per seat a ${period}`,
      meaning: "the rate of the tier the quantity reaches",
      period,
    });
  }
  const next = field(data, "nextBreak");
  if (next === undefined) return figures;
  const from = numberField(next, "from");
  if (from !== undefined) {
    push({
      name: "nextBreak",
      text: countText(from, "seat"),
      meaning: "where the next tier starts",
      period: "none",
    });
  }
  const away = numberField(next, "seatsAway");
  if (away !== undefined) {
    push({
      name: "seatsAway",
      text: countText(away, "seat"),
      meaning: "how many more seats reach the next tier",
      period: "none",
    });
  }
  const nextRate = asMoney(field(next, "rate"));
  if (nextRate) {
    push({
      name: "nextRate",
      text: `${moneyText(nextRate)} per seat a ${period}`,
      meaning: "the next tier's rate, the one to ask for",
      period,
    });
  }
  const askSaving = asMoney(field(next, "askSavingAnnual"));
  if (askSaving && askSaving.minor > 0) {
    push({
      name: "askSaving",
      text: `${moneyText(askSaving)} a year`,
      meaning: "what getting the next tier's rate without buying more seats saves",
      period: "year",
      clashes: UPWARD,
    });
  }
  const buyUp = asMoney(field(next, "buyUpAnnual"));
  if (buyUp) {
    push({
      name: "buyUpCost",
      text: `${moneyText(buyUp)} a year`,
      meaning: "what buying up to the next break would cost in total",
      period: "year",
    });
  }
  const buyUpSaving = asMoney(field(next, "buyUpSavingAnnual"));
  if (buyUpSaving && buyUpSaving.minor !== 0) {
    const up = buyUpSaving.minor < 0;
    push({
      name: up ? "buyUpExtra" : "buyUpSaving",
      text: `${moneyText(buyUpSaving)} a year`,
      meaning: up
        ? "how much more buying up to the break costs than staying where you are"
        : "how much less buying up to the break costs than staying where you are",
      period: "year",
      clashes: up ? DOWNWARD : UPWARD,
    });
  }
  return figures;
}
