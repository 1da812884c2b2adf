/**
 * The figures a `cost` result offers the model: each plan's annual (and term) cost, the first
 * option's saving or extra cost against the baseline, and the parts of that difference. A saving
 * and an extra cost have different names, so the direction is decided by code, never by prose.
 */
import type { Money } from "../../core/money.js";
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

/** Words naming the option plan or the baseline: each clashes with the other's cost. */
const OPTION_WORDS = ["mix", "mixed", "option", "proposed", "new", "concurrent-only"];
const BASELINE_WORDS = ["baseline", "current", "today", "existing", "named-only"];

/** The three parts of a difference, each with words that name the other parts. */
const PARTS = [
  {
    key: "quantity",
    name: "Seats",
    about: "fewer or more users covered",
    clashes: ["rate", "rates", "price", "prices", "model", "mix", "pool", "concurrent"],
  },
  {
    key: "rate",
    name: "Rate",
    about: "the change in price per seat",
    clashes: ["seat", "seats", "users", "headcount", "model", "mix", "pool", "concurrent"],
  },
  {
    key: "mix",
    name: "Model",
    about: "the licensing model (named against concurrent)",
    clashes: ["rate", "rates", "price", "prices", "headcount"],
  },
] as const;

function scenario(data: unknown, role: "option" | "baseline"): unknown {
  const list = field(data, "scenarios");
  return Array.isArray(list) ? list.find((s) => field(s, "role") === role) : undefined;
}

function planFigures(
  prefix: "option" | "baseline",
  plan: unknown,
  years: number,
  clashes: readonly string[],
): FigureSpec[] {
  const out: FigureSpec[] = [];
  const annual = asMoney(field(plan, "annual"));
  const term = asMoney(field(plan, "term"));
  const which = prefix === "option" ? "the option plan" : "the baseline plan";
  if (annual) {
    out.push({
      name: `${prefix}Annual`,
      text: `${moneyText(annual)} a year`,
      meaning: `${which}'s cost per year`,
      period: "year",
      clashes,
    });
  }
  if (term && years > 1) {
    out.push({
      name: `${prefix}Term`,
      text: `${moneyText(term)} ${termPhrase(years)}`,
      meaning: `${which}'s cost over the whole term`,
      period: "term",
      clashes,
    });
  }
  return out;
}

/** Saving when positive, extra cost when negative, nothing when zero. */
function signed(
  amount: Money | undefined,
  names: { saving: string; extra: string },
  render: (m: Money) => string,
  meaning: { saving: string; extra: string },
  period: FigureSpec["period"],
  clashes: readonly string[] = [],
): FigureSpec[] {
  if (!amount || amount.minor === 0) return [];
  const up = amount.minor < 0;
  return [
    {
      name: up ? names.extra : names.saving,
      text: render(amount),
      meaning: up ? meaning.extra : meaning.saving,
      period,
      clashes: [...(up ? DOWNWARD : UPWARD), ...clashes],
    },
  ];
}

export function costFigures(data: unknown): FigureSpec[] {
  const years = numberField(data, "years") ?? 1;
  const option = scenario(data, "option");
  const baseline = scenario(data, "baseline");
  const figures: FigureSpec[] = [
    ...planFigures("option", option, years, BASELINE_WORDS),
    ...planFigures("baseline", baseline, years, OPTION_WORDS),
  ];
  const comparisons = field(data, "comparisons");
  const first: unknown = Array.isArray(comparisons) ? comparisons[0] : undefined;
  if (first === undefined) return figures;
  const saving = field(first, "saving");
  const annual = asMoney(field(saving, "annual"));
  const percent = numberField(saving, "percent");
  const names = { saving: "saving", extra: "extraCost" };
  figures.push(
    ...signed(
      annual,
      names,
      (m) => `${moneyText(m)} a year`,
      {
        saving: "how much less the option costs than the baseline per year",
        extra: "how much more the option costs than the baseline per year",
      },
      "year",
    ),
  );
  if (annual && percent !== undefined && annual.minor !== 0) {
    const up = annual.minor < 0;
    figures.push({
      name: up ? "extraPercent" : "savingPercent",
      text: percentText(Math.abs(percent)),
      meaning: `the ${up ? "extra cost" : "saving"} as a share of the baseline's annual cost`,
      period: "none",
      clashes: up ? DOWNWARD : UPWARD,
    });
  }
  if (years > 1) {
    figures.push(
      ...signed(
        asMoney(field(saving, "term")),
        { saving: "termSaving", extra: "termExtraCost" },
        (m) => `${moneyText(m)} ${termPhrase(years)}`,
        {
          saving: "the saving over the whole term",
          extra: "the extra cost over the whole term",
        },
        "term",
      ),
    );
  }
  const attribution = field(first, "attribution");
  for (const part of PARTS) {
    figures.push(
      ...signed(
        asMoney(field(attribution, part.key)),
        { saving: `savingFrom${part.name}`, extra: `extraFrom${part.name}` },
        (m) => `${moneyText(m)} a year`,
        {
          saving: `the part of the yearly saving that comes from ${part.about}`,
          extra: `the part of the yearly extra cost that comes from ${part.about}`,
        },
        "year",
        part.clashes,
      ),
    );
  }
  return figures;
}
