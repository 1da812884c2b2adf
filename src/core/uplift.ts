/**
 * Yearly uplift rules for a renewal: which percentage applies in year 2, 3, … and why, in words a
 * negotiator can repeat ("CPI 4.1% capped at 3%"). Percentages are exact fractions (3% is 3/100).
 */
import { formatPercent } from "./percent.js";
import { compare, type Ratio } from "./ratio.js";

/**
 * - `cap`: a fixed yearly cap; the worst case (the vendor applies the full cap every year) is used.
 * - `lesser-of`: the lesser of CPI and the cap (buyer friendly).
 * - `greater-of`: the greater of CPI and the minimum (vendor friendly).
 * - `cpi`: CPI alone.
 * - `list`: an uncapped, assumed list uplift every year.
 * `cpi` holds the CPI for years 2, 3, … in order. `floor` lifts any smaller uplift up to it.
 */
export type UpliftPolicy =
  | { readonly kind: "cap"; readonly cap: Ratio; readonly floor?: Ratio }
  | {
      readonly kind: "lesser-of";
      readonly cpi: readonly Ratio[];
      readonly cap: Ratio;
      readonly floor?: Ratio;
    }
  | {
      readonly kind: "greater-of";
      readonly cpi: readonly Ratio[];
      readonly minimum: Ratio;
      readonly floor?: Ratio;
    }
  | { readonly kind: "cpi"; readonly cpi: readonly Ratio[]; readonly floor?: Ratio }
  | { readonly kind: "list"; readonly uplift: Ratio };

export interface YearUplift {
  readonly rate: Ratio;
  /** Why this rate, e.g. "CPI 4.1% capped at 3%". */
  readonly reason: string;
}

function max(a: Ratio, b: Ratio): Ratio {
  return compare(a, b) >= 0 ? a : b;
}

function min(a: Ratio, b: Ratio): Ratio {
  return compare(a, b) <= 0 ? a : b;
}

const pct = (r: Ratio): string => formatPercent(r, 2);

/** The per-year cap a policy promises, if it has one (a `greater-of` minimum is not a cap). */
export function perYearCap(policy: UpliftPolicy): Ratio | undefined {
  return policy.kind === "cap" || policy.kind === "lesser-of" ? policy.cap : undefined;
}

/** CPI values the policy reads, empty when it reads none. */
export function cpiSeries(policy: UpliftPolicy): readonly Ratio[] {
  return policy.kind === "lesser-of" || policy.kind === "greater-of" || policy.kind === "cpi"
    ? policy.cpi
    : [];
}

/** Applies a floor, saying so in the reason only when the floor changed the rate. */
function floored(rate: Ratio, reason: string, floor: Ratio | undefined): YearUplift {
  if (floor !== undefined && compare(rate, floor) < 0) {
    return { rate: floor, reason: `${reason}, raised to the ${pct(floor)} floor` };
  }
  return { rate, reason };
}

/**
 * The uplift for `year` (2 for the first rise). The caller has checked that the CPI series is long
 * enough; a missing value is a programming error, so it throws rather than guessing.
 */
export function upliftForYear(policy: UpliftPolicy, year: number): YearUplift {
  if (policy.kind === "cap") {
    return { rate: policy.cap, reason: `full ${pct(policy.cap)} cap (worst case)` };
  }
  if (policy.kind === "list") {
    return { rate: policy.uplift, reason: `list uplift ${pct(policy.uplift)}` };
  }
  const cpi = policy.cpi[year - 2];
  if (cpi === undefined) throw new RangeError(`no CPI value for year ${year}`);
  const cpiText = `CPI ${pct(cpi)}`;
  switch (policy.kind) {
    case "cpi":
      return floored(cpi, cpiText, policy.floor);
    case "lesser-of": {
      const capped = compare(cpi, policy.cap) > 0;
      const reason = capped
        ? `${cpiText} capped at ${pct(policy.cap)}`
        : `${cpiText}, under the cap`;
      return floored(min(cpi, policy.cap), reason, policy.floor);
    }
    case "greater-of": {
      const raised = compare(cpi, policy.minimum) < 0;
      const reason = raised
        ? `${cpiText} raised to the ${pct(policy.minimum)} minimum`
        : `${cpiText}, over the ${pct(policy.minimum)} minimum`;
      return floored(max(cpi, policy.minimum), reason, policy.floor);
    }
  }
}

/** How the policy reads in a sentence: "a 3% cap", "the lesser of CPI and 3%". */
export function describePolicy(policy: UpliftPolicy): string {
  const floor =
    "floor" in policy && policy.floor !== undefined ? ` with a ${pct(policy.floor)} floor` : "";
  switch (policy.kind) {
    case "cap":
      return `a ${pct(policy.cap)} cap${floor}`;
    case "lesser-of":
      return `the lesser of CPI and ${pct(policy.cap)}${floor}`;
    case "greater-of":
      return `the greater of CPI and ${pct(policy.minimum)}${floor}`;
    case "cpi":
      return `CPI${floor}`;
    case "list":
      return `an uncapped ${pct(policy.uplift)} list uplift`;
  }
}
