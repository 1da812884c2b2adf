/**
 * The event column of an event log → login, logout, or an attempt that is neither. Words are
 * matched as words ("Log on", "LogOn", "log_on" and "Logon" alike), never as substrings of a longer
 * text: "Login failed" and "Not logged in" contain "login" but are not logins, and counting them
 * would make a peak out of people who never got in. Failure words win over everything, then a
 * negation just before the word, then the word itself.
 *
 * Licence servers speak the other way round from a door or a time clock: in FlexLM and RLM logs
 * `OUT` is a checkout (the licence is taken: a login) and `IN` a checkin (it is returned: a
 * logout). Those readings are flagged `licence` so the reply can state the assumption.
 */
import { FAILED_LOGON_IDS, LOGOFF_IDS, LOGON_IDS, USER_LOGOFF_IDS } from "./windows-event-ids.js";

export type EventWord =
  | { readonly kind: "login" | "logout"; readonly licence: boolean }
  /** A failed, refused, queued or unconfirmed attempt: neither a login nor a logout. */
  | { readonly kind: "attempt"; readonly reason: string };

const LOGIN = new Set([
  "login",
  "logon",
  "loggedin",
  "loggedon",
  "signin",
  "signon",
  "signedin",
  "signedon",
  "connect",
  "connected",
  "reconnect",
  "reconnected",
  "reconnection",
  "connectionopened",
  "connectionestablished",
  "connectionaccepted",
  "sessionstart",
  "sessionstarted",
  "sessionopened",
  "sessionbegin",
  "sessioncreated",
]);
const LOGOUT = new Set([
  "logout",
  "logoff",
  "loggedout",
  "loggedoff",
  "signout",
  "signoff",
  "signedout",
  "signedoff",
  "disconnect",
  "disconnected",
  "connectionclosed",
  "connectionlost",
  "connectionended",
  "connectionterminated",
  "connectiondropped",
  "connectionreset",
  "sessionend",
  "sessionended",
  "sessionclosed",
  "sessionexpired",
  "sessionterminated",
  "sessiontimeout",
  "idletimeout",
  "timeout",
  "timedout",
]);
const CHECKOUT = new Set(["checkout", "checkedout"]);
const CHECKIN = new Set(["checkin", "checkedin"]);
/** Only as the whole text: "Logged out" must not read as a checkout because it ends in "out". */
const BARE: Readonly<Record<string, EventWord>> = {
  out: { kind: "login", licence: true },
  in: { kind: "logout", licence: true },
  start: { kind: "login", licence: false },
  started: { kind: "login", licence: false },
  begin: { kind: "login", licence: false },
  end: { kind: "logout", licence: false },
  ended: { kind: "logout", licence: false },
  stop: { kind: "logout", licence: false },
  stopped: { kind: "logout", licence: false },
};
/**
 * Stems of failure, matched anywhere in the text: leaving out a row that only looks like a failure
 * is reported, while counting a failure as a login would be a silent wrong figure.
 */
export const FAILURE_STEMS = [
  "fail",
  "unsuccess",
  "reject",
  "refus",
  "denied",
  "deny",
  "invalid",
  "incorrect",
  "wrongpassword",
  "badpassword",
  "lockedout",
  "lockout",
  "blocked",
  "unauthori",
  "forbidden",
  "error",
  "unsupported",
];
const QUEUED = new Set(["queued", "queue", "que", "dequeue", "deque", "dequeued"]);
const NEGATIONS = new Set([
  "not",
  "no",
  "never",
  "cannot",
  "cant",
  "unable",
  "didnt",
  "wasnt",
  "couldnt",
  "without",
]);
const ATTEMPT = new Set(["attempt", "attempted", "attempts", "attempting", "try", "tried"]);
const SUCCESS = new Set([
  "success",
  "successful",
  "successfully",
  "succeeded",
  "accepted",
  "granted",
]);
/** Windows Security logoff ids, either kind (event-words reads one row at a time). */
const LOGOUT_IDS: ReadonlySet<string> = new Set([...LOGOFF_IDS, ...USER_LOGOFF_IDS]);

/** "LogOn", "Log-on", "log_on" → ["log", "on"]; camel case splits so "LoginFailed" shows its failure. */
function words(text: string): string[] {
  return text
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
}

const failed = (text: string): EventWord => ({
  kind: "attempt",
  reason: `"${text}" is a failed or refused attempt, not a login or logout`,
});

interface Found {
  readonly kind: "login" | "logout";
  readonly licence: boolean;
  readonly at: number;
}

/** The login and logout words in the text, longest compound first ("session time out" is one). */
function findWords(ws: readonly string[]): Found[] {
  const found: Found[] = [];
  let i = 0;
  while (i < ws.length) {
    let matched = 0;
    for (let n = Math.min(3, ws.length - i); n >= 1 && matched === 0; n--) {
      const w = ws.slice(i, i + n).join("");
      const kind =
        LOGIN.has(w) || CHECKOUT.has(w)
          ? "login"
          : LOGOUT.has(w) || CHECKIN.has(w)
            ? "logout"
            : undefined;
      if (kind !== undefined) {
        found.push({ kind, licence: CHECKOUT.has(w) || CHECKIN.has(w), at: i });
        matched = n;
      }
    }
    if (matched === 0) {
      // A glued word such as "USERLOGIN" or "agent_logoff" ends in one of ours; only the ending
      // counts, since "signing" starts with "signin".
      const w = ws[i] as string;
      const logout = [...LOGOUT].find((v) => v.length >= 5 && w.endsWith(v));
      const login = logout ? undefined : [...LOGIN].find((v) => v.length >= 5 && w.endsWith(v));
      if (logout || login) found.push({ kind: logout ? "logout" : "login", licence: false, at: i });
    }
    i += Math.max(matched, 1);
  }
  return found;
}

/** What an event text means; undefined when it is neither a login, a logout nor an attempt. */
export function readEventWord(text: string): EventWord | undefined {
  const ws = words(text);
  const joined = ws.join("");
  if (joined === "") return undefined;
  if (LOGON_IDS.has(joined)) return { kind: "login", licence: false };
  if (LOGOUT_IDS.has(joined)) return { kind: "logout", licence: false };
  if (FAILED_LOGON_IDS.has(joined) || FAILURE_STEMS.some((s) => joined.includes(s)))
    return failed(text);
  if (ws.some((w) => QUEUED.has(w))) {
    return { kind: "attempt", reason: `"${text}" is a queued request, not a login or logout` };
  }
  // FlexLM debug lines keep the event first: `OUT: "halo_agent" ann@WS-0101`.
  const head = /^\s*(out|in)\s*:/i.exec(text)?.[1]?.toLowerCase();
  const bare = BARE[ws.length === 1 ? joined : (head ?? "")];
  if (bare) return bare;
  const found = findWords(ws);
  const first = found[0];
  if (first === undefined) return undefined;
  if (found.some((f) => f.kind !== first.kind)) return undefined;
  const negated = found.some((f) =>
    ws.slice(Math.max(0, f.at - 2), f.at).some((w) => NEGATIONS.has(w)),
  );
  if (negated) {
    return { kind: "attempt", reason: `"${text}" says it did not happen, not a login or logout` };
  }
  if (ws.some((w) => ATTEMPT.has(w)) && !ws.some((w) => SUCCESS.has(w))) {
    return { kind: "attempt", reason: `"${text}" doesn't say whether it succeeded` };
  }
  return { kind: first.kind, licence: found.some((f) => f.licence) };
}
