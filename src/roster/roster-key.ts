/**
 * `--roster-key COLUMN`: the roster's column that holds the ids the session log uses, when it is
 * not the one the headers would pick (a roster keyed by "Employee ID" whose "Email" would win,
 * beside a log keyed by employee id). It becomes the roster's user column; a column the roster
 * doesn't have is an issue that names the option, lists the columns and offers the nearest one.
 */
import { didYouMean } from "../core/did-you-mean.js";
import { failAll, ok, type Result } from "../core/result.js";
import { normaliseHeader, quoteList, resolveOverrides } from "./columns.js";

/** The header --roster-key names, as written in the roster. */
export function resolveRosterKey(
  headers: readonly string[],
  wanted: string,
  fileName: string,
): Result<string> {
  const found = resolveOverrides(headers, { user: wanted });
  const index = found.ok ? found.value.user : undefined;
  if (index !== undefined) return ok(headers[index] ?? wanted);
  const named = headers.filter((h) => h.trim() !== "");
  const byNorm = new Map(named.map((h): [string, string] => [normaliseHeader(h), h]));
  const word = normaliseHeader(wanted);
  // A third of the word may be mistyped ("Employe Id"); "Badge" is not a misspelt "Name".
  const near = didYouMean(word, [...byNorm.keys()], {
    maxEdits: Math.min(3, Math.floor(word.length / 3)),
    byContaining: true,
  });
  const suggestion = near === undefined ? undefined : byNorm.get(near);
  const guess = suggestion === undefined ? "" : ` Did you mean "${suggestion}"?`;
  return failAll([
    {
      code: "options.roster_key",
      message: `--roster-key "${wanted}" names no column in ${fileName}.${guess} Columns found: ${quoteList(headers)}.`,
      hint: `--roster-key "${suggestion ?? named[0] ?? "Employee ID"}" (the roster's column holding the ids the log uses)`,
    },
  ]);
}
