/**
 * Provenance of tool arguments: every number the model passes to a calculator must be one the
 * user gave — in their message, or in the channel's stored deal (its named and concurrent rates).
 * Without this a figure could be laundered: the model "calls renewal with a cap of seven" the
 * user never mentioned, and the calculator's honest arithmetic on an invented input comes back as
 * a code-rendered figure.
 *
 * Normalisation: the user's numbers are read as values (`294k` = `£294,000` = 294000, `£1.2m` =
 * 1200000, `three` = 3, `3%` = 3). Percent fields (names ending in `Percent`/`Percents`) take whole
 * percents, as the calculators expect: 3 for "3%", also accepted when the user wrote the fraction
 * (`0.03`). A fraction passed for a percent the user wrote whole (0.03 for "3%") is refused with
 * a hint — it would compute a 0.03% cap. Nothing is derived: a yearly price the user gave per
 * month (62 → 744) must be passed as the user's figure with its period.
 *
 * A few structural values need no provenance, listed in EXEMPT with why.
 */

import type { DealRates } from "../commands/context.js";
import { toDecimal } from "../core/money.js";
import { canonical, figuresIn } from "./grounding.js";

export type Provenance =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** The unsupported numbers as the model passed them, for the model's correction. */
      readonly numbers: readonly number[];
      /** True when at least one was a fraction given for a whole percent. */
      readonly fractionForPercent: boolean;
    };

type Path = readonly (string | number)[];

/** Every number in an argument value, with where it sits. */
function numbersIn(value: unknown, path: Path = []): { path: Path; value: number }[] {
  if (typeof value === "number") return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersIn(v, [...path, i]));
  if (value !== null && typeof value === "object") {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      numbersIn(v, [...path, k]),
    );
  }
  return [];
}

/** The canonical decimal of a JS number (`0.03` → "0.03", `294000` → "294000"). */
export function decimalOf(n: number): string {
  const text = Math.abs(n).toLocaleString("en-US", {
    useGrouping: false,
    maximumFractionDigits: 10,
  });
  const [whole = "0", fraction = ""] = text.split(".");
  return canonical(whole, fraction, 0);
}

/** The values the user gave: every figure in their message and the deal's rates. */
export function userNumbers(message: string, deal: DealRates | undefined): Set<string> {
  const values = new Set(figuresIn(message).map((f) => f.value));
  for (const rate of [deal?.namedRate, deal?.concurrentRate]) {
    if (!rate) continue;
    const [whole = "0", fraction = ""] = toDecimal(rate).split(".");
    values.add(canonical(whole, fraction, 0));
  }
  return values;
}

function lastKey(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const part = path[i];
    if (typeof part === "string") return part;
  }
  return "";
}

function at(root: unknown, path: Path): unknown {
  let node = root;
  for (const part of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

/** Values that carry no figure of the user's, so need none of the user's numbers. */
const EXEMPT: Readonly<Record<string, (path: Path, value: number, args: unknown) => boolean>> = {
  // Knowledge search runs no calculation; its only number is how many passages to return.
  search_knowledge: () => true,
  // A price book starts at seat 1 whether or not the user wrote it ("under 100 at £75"), and a
  // band ends one seat before the next starts ("100-249" then "250+").
  tiers: (path, value, args) => {
    const [top, index, key] = path;
    if (top !== "tiers" || typeof index !== "number") return false;
    if (key === "from") return index === 0 && value === 1;
    if (key === "to") {
      const next = at(args, ["tiers", index + 1, "from"]);
      return typeof next === "number" && value === next - 1;
    }
    return false;
  },
  // "up to 40% over" has an implicit low end of no overrun.
  impl: (path, value) => lastKey(path) === "overrunLowPercent" && value === 0,
};

/** A one-year term is every calculator's default: passing it changes nothing. */
function isDefaultTerm(path: Path, value: number): boolean {
  return path.length === 1 && path[0] === "years" && value === 1;
}

export function checkProvenance(
  tool: string,
  args: unknown,
  user: ReadonlySet<string>,
): Provenance {
  const unsupported: number[] = [];
  let fractionForPercent = false;
  for (const { path, value } of numbersIn(args)) {
    if (EXEMPT[tool]?.(path, value, args) || isDefaultTerm(path, value)) continue;
    if (user.has(decimalOf(value))) continue;
    if (/Percents?$/.test(lastKey(path))) {
      if (user.has(decimalOf(value / 100))) continue;
      if (user.has(decimalOf(value * 100))) fractionForPercent = true;
    }
    unsupported.push(value);
  }
  return unsupported.length === 0
    ? { ok: true }
    : { ok: false, numbers: unsupported, fractionForPercent };
}

/** The values a calculator call consumed, so the user's unused numbers can be named. */
export function consumedValues(args: unknown): string[] {
  // A user's fraction (0.03) passed as a whole percent (3) consumes the fraction too.
  return numbersIn(args).flatMap(({ path, value }) =>
    /Percents?$/.test(lastKey(path))
      ? [decimalOf(value), decimalOf(value / 100)]
      : [decimalOf(value)],
  );
}

/**
 * The numbers in the user's message that no calculator call used, as the user wrote them, each
 * once: the answer names them, so a dropped figure is never silent.
 */
export function unusedFigures(message: string, consumed: ReadonlySet<string>): string[] {
  const unused = figuresIn(message)
    .filter((f) => !consumed.has(f.value))
    .map((f) => f.text);
  return [...new Set(unused)];
}
