/**
 * A separate success-or-failure column beside an event log's event ("Result", "Outcome", Windows'
 * "Keywords" = Audit Failure, Get-EventLog's "EntryType" = FailureAudit). A "Sign-in" row whose
 * result is "Failure" is a failed attempt: reading the event alone would count it as a login.
 */
import { normaliseHeader } from "./columns.js";
import { FAILURE_STEMS } from "./event-words.js";

export type Outcome = "success" | "failure" | "other";

const SUCCESS_STEMS = ["success", "succeeded", "allowed", "granted", "accepted", "passed"];
const SUCCESS_WORDS = new Set(["ok", "pass", "approved"]);
/** Headers whose values are yes/no answers to "did it succeed?". */
const YES_NO_HEADERS = new Set(["success", "succeeded", "successful", "issuccess", "issuccessful"]);
const YES = new Set(["true", "yes", "y", "1"]);
const NO = new Set(["false", "no", "n", "0"]);

/** The outcome a cell states; undefined when it is blank (the event alone then decides). */
export function readOutcome(text: string, header: string): Outcome | undefined {
  const t = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  if (t === "") return undefined;
  if (YES_NO_HEADERS.has(normaliseHeader(header))) {
    if (YES.has(t)) return "success";
    if (NO.has(t)) return "failure";
  }
  // Failure first: "Unsuccessful" contains "success".
  if (FAILURE_STEMS.some((s) => t.includes(s))) return "failure";
  if (SUCCESS_WORDS.has(t) || SUCCESS_STEMS.some((s) => t.includes(s))) return "success";
  return "other";
}
