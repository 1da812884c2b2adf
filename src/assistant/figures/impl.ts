/**
 * The figures an `impl` result offers the model: the fixed price, the time-and-materials
 * estimate and its overrun range, the first-year totals and the break-even overrun. These are
 * one-off amounts ("once"), so a period written after one is refused.
 */
import {
  asMoney,
  countText,
  type FigureSpec,
  field,
  moneyText,
  numberField,
  percentText,
} from "./figure.js";

export function implFigures(data: unknown): FigureSpec[] {
  const figures: FigureSpec[] = [];
  const once = (name: string, value: unknown, meaning: string, clashes?: readonly string[]) => {
    const m = asMoney(value);
    if (m) {
      figures.push({
        name,
        text: moneyText(m),
        meaning,
        period: "once",
        ...(clashes ? { clashes } : {}),
      });
    }
  };
  const FIXED_WORDS = ["fixed"];
  const TM_WORDS = ["materials", "t&m", "estimate", "day rate"];
  once("fixedPrice", field(data, "fixed"), "the vendor's fixed price for the work", TM_WORDS);
  const tm = field(data, "timeAndMaterials");
  once(
    "tmEstimate",
    field(tm, "estimate"),
    "time and materials at the estimated days",
    FIXED_WORDS,
  );
  once("tmLow", field(tm, "low"), "time and materials at the low end of the overrun range");
  once("tmHigh", field(tm, "high"), "time and materials at the high end of the overrun range");
  const dayRate = asMoney(field(tm, "dayRate"));
  if (dayRate) {
    figures.push({
      name: "dayRate",
      text: `${moneyText(dayRate)} a day`,
      meaning: "the day rate",
      period: "none",
    });
  }
  const days = numberField(tm, "days");
  if (days !== undefined) {
    figures.push({
      name: "days",
      text: countText(days, "day"),
      meaning: "the estimated days",
      period: "none",
    });
  }
  const tco = field(data, "firstYearTco");
  once("firstYearFixed", field(tco, "fixed"), "first year total: fixed price plus subscription");
  once("firstYearTm", field(tco, "tmEstimate"), "first year total: T&M estimate plus subscription");
  const breakEven = numberField(data, "breakEvenOverrunPercent");
  if (breakEven !== undefined) {
    figures.push({
      name: "breakEvenOverrun",
      text: percentText(breakEven),
      meaning: "the overrun at which time and materials reaches the fixed price",
      period: "none",
    });
  }
  return figures;
}
