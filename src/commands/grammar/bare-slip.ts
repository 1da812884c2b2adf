/**
 * A bare word that was meant as an option: `currancy GBP` (one letter off --currency) or
 * `as-of 2026-01-01` in a command whose --as-of needs its dashes. Left positional, such a word
 * gives a confusing error ("I expected one file, got … and as-of") or, worse, a value nobody
 * meant; named as the option it resembles, the user sees what to type.
 *
 * To never change the meaning of valid input, a word counts as a slip only when all hold:
 * - it is a word (letters and hyphens), not a number, amount or path;
 * - it is the exact name of a hyphenated option that must be dashed here (`as-of`, `time-limit`:
 *   words no sentence uses), or of a flag; or it is one edit from an option name, both five
 *   letters or more and not the name's singular or plural, so `vs`, `cap`, `GBP`, `seats`,
 *   `year` and `named` — words a quote or a plan line uses in its own sense
 *   (`240 seats 1-99 @ €75`) — are never taken for options;
 * - the next word reads as a value for it: a number, amount, percentage or date, a currency code
 *   for a currency option, a zone or mapping (`Europe/London`, `start=…`), or a file name.
 * A flag is matched only by its exact name (`json`), since no value follows to confirm it.
 */
import { editDistance } from "../../core/edit-distance.js";

/** What this check reads of an option's spec (options.ts's OptionSpec has these fields). */
export interface SlipSpec {
  readonly name: string;
  /** Accepted without dashes in this command: a bare word is then the option, not a slip. */
  readonly bare?: boolean;
  readonly flag?: boolean;
}

export interface BareSlip {
  /** The option's name as the user should type it (the alias nearest to what they wrote). */
  readonly option: string;
  /** The word is that option's exact name, written without the dashes it needs here. */
  readonly exact: boolean;
}

const WORD = /^[a-z][a-z-]*$/i;
const NUMBER_LIKE = /^[£$€+-]?\.?\d/;
const ZONE_OR_MAPPING = /[/=]/;
const FILE_NAME = /\.(?:csv|xlsx|json|docx|md|txt)$/i;
const CURRENCY_CODE = /^[a-z]{3}$/i;

function readsAsValue(spec: SlipSpec, next: string | undefined): boolean {
  if (next === undefined || /^--?[a-z]/i.test(next)) return false;
  if (NUMBER_LIKE.test(next) || ZONE_OR_MAPPING.test(next) || FILE_NAME.test(next)) return true;
  return spec.name === "currency" && CURRENCY_CODE.test(next);
}

export function bareSlip(
  word: string,
  next: string | undefined,
  byName: ReadonlyMap<string, SlipSpec>,
): BareSlip | undefined {
  if (!WORD.test(word)) return undefined;
  const key = word.toLowerCase();
  const exact = byName.get(key);
  if (exact && !exact.bare) {
    if (exact.flag) return { option: key, exact: true };
    if (key.includes("-") && readsAsValue(exact, next)) return { option: key, exact: true };
    return undefined;
  }
  if (exact || key.length < 5) return undefined;
  for (const [name, spec] of byName) {
    if (spec.flag || name.length < 5 || editDistance(key, name) !== 1) continue;
    if (name === `${key}s` || key === `${name}s`) continue;
    if (readsAsValue(spec, next)) return { option: name, exact: false };
  }
  return undefined;
}
