/**
 * Options for chat and CLI alike. Each may be written `--years 3`, `--years=3` or, to save typing
 * during a call, bare: `years 3`. A command declares its options; other words are positional.
 */
import { didYouMean } from "../../core/did-you-mean.js";
import { type Failure, fail, ok, type Result } from "../../core/result.js";
import { bareSlip } from "./bare-slip.js";

export interface OptionSpec {
  /** Canonical name, used as the key of the parsed result. */
  readonly name: string;
  readonly aliases?: readonly string[];
  /** A flag takes no value (`--json`); otherwise the next word is the value. */
  readonly flag?: boolean;
  /** Whether the bare form (no dashes) is accepted; off for words that may appear in free text. */
  readonly bare?: boolean;
}

export interface ParsedOptions {
  readonly values: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
  readonly positional: readonly string[];
}

export function parseOptions(
  tokens: readonly string[],
  specs: readonly OptionSpec[],
  example: string,
): Result<ParsedOptions> {
  const byName = new Map<string, OptionSpec>();
  for (const s of specs) {
    for (const n of [s.name, ...(s.aliases ?? [])]) byName.set(n.toLowerCase(), s);
  }
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const dashed = /^--?([a-z][a-z0-9-]*)(?:=(.*))?$/i.exec(token);
    const key = (dashed ? dashed[1] : token)?.toLowerCase() ?? "";
    const spec = byName.get(key);
    if (!spec || (!dashed && !spec.bare)) {
      if (dashed && !/^-\d/.test(token)) return unknownOption(token, key, byName, example);
      const slip = dashed ? undefined : bareSlip(token, tokens[i + 1], byName);
      if (slip) return bareSlipFailure(token, slip.option, slip.exact, example);
      positional.push(token);
      continue;
    }
    if (spec.flag) {
      flags.add(spec.name);
      continue;
    }
    const inline = dashed?.[2];
    const value = inline ?? tokens[i + 1];
    if (inline === undefined) i++;
    if (value === undefined || value === "") {
      return fail("option.missing_value", `${token} needs a value`, example);
    }
    if (values.has(spec.name)) {
      return fail("option.repeated", `${spec.name} is given twice`, example);
    }
    values.set(spec.name, value);
  }
  return ok({ values, flags, positional });
}

/**
 * An option we don't know is an error, never ignored: a mistyped `--named-rat 70` dropped
 * silently would cost the plan at a rate nobody typed. The closest real option of this command is
 * offered; one edit for short names (`--tz`), two for longer ones, so a guess is a likely slip.
 */
function unknownOption(
  token: string,
  key: string,
  byName: ReadonlyMap<string, OptionSpec>,
  example: string,
): Failure {
  const guess = didYouMean(key, [...byName.keys()], { maxEdits: key.length <= 4 ? 1 : 2 });
  const suggestion = guess === undefined ? "" : ` — did you mean --${guess}?`;
  return fail("option.unknown", `I don't know the option ${token}${suggestion}`, example);
}

/** A bare word taken for a slip of an option (bare-slip.ts): named, with the option to type. */
function bareSlipFailure(token: string, option: string, exact: boolean, example: string): Failure {
  const message = exact
    ? `"${token}" is an option here only with its dashes — did you mean --${option}?`
    : `I don't know the word "${token}" — did you mean --${option}?`;
  return fail("option.bare_slip", message, example);
}
