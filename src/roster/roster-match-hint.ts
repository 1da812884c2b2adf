/**
 * What to say when a session log's users are mostly not in the --roster given. Often the two
 * files name the same people differently: Citrix and Windows write `CONTOSO\ann.lee`, a roster
 * `ann.lee` or `ann.lee@contoso.com`. They are never matched here by dropping the domain, since
 * that could merge two people (a wrong number); the note says how many would match that way and
 * how to make both files use one id. Notes name the forms (`CONTOSO\name`), never a person.
 */

/** `CONTOSO\ann.lee` → `ann.lee`; `ann.lee@contoso.com` → `ann.lee`; else the key itself. */
export function bareName(key: string): string {
  const slash = key.lastIndexOf("\\");
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const at = name.indexOf("@");
  return at > 0 ? name.slice(0, at) : name;
}

/** How a key is written: `CONTOSO\name`, `name@contoso.com` or `name`. */
function form(key: string): string {
  const slash = key.lastIndexOf("\\");
  if (slash > 0) return `${key.slice(0, slash).toUpperCase()}\\name`;
  const at = key.indexOf("@");
  return at > 0 ? `name${key.slice(at)}` : "a bare name";
}

const ROSTER_KEY =
  'If the roster has a column holding the ids the log uses, name it with --roster-key "Column".';

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0] ?? "";
  for (const [v, n] of counts) if (n > (counts.get(best) ?? 0)) best = v;
  return best;
}

/**
 * The note for a log whose users (`logUsers`, distinct keys) are mostly missing from the roster
 * (`known`) while some would match by name alone, or when none is in it; otherwise undefined.
 */
export function unknownUsersNote(
  logUsers: readonly string[],
  known: ReadonlySet<string>,
): string | undefined {
  const users = logUsers.length;
  const unknown = logUsers.filter((u) => !known.has(u));
  if (users === 0 || unknown.length * 2 <= users) return undefined;
  const byBare = new Map<string, string>();
  for (const k of known) {
    const bare = bareName(k);
    if (!byBare.has(bare)) byBare.set(bare, k);
  }
  const pairs = unknown.flatMap((u) => {
    const match = byBare.get(bareName(u));
    return match === undefined ? [] : [[u, match] as const];
  });
  const missing =
    unknown.length === users
      ? `none of the ${users} users are in the roster`
      : `${unknown.length} of the ${users} users are not in the roster`;
  if (pairs.length === 0) {
    // Asked only when no one matches, as before: a few extra people in a log are common.
    if (unknown.length !== users) return undefined;
    return `${missing}: do both files use the same key (e-mail or id)? ${ROSTER_KEY}`;
  }
  const logForm = mostCommon(pairs.map(([u]) => form(u)));
  const rosterForm = mostCommon(pairs.map(([, r]) => form(r)));
  const would = pairs.length === 1 ? "1 of them matches" : `${pairs.length} of them match`;
  return `${missing}, but ${would} a roster user by the name alone: the log writes ${logForm} and the roster ${rosterForm}. I have not matched them, since that could merge two people; export both files with the same id (e.g. the e-mail address). ${ROSTER_KEY}`;
}
