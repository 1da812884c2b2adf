/**
 * Words a roster uses for status, licence type and the VIP flag, mapped to the fixed vocabulary.
 * Matching ignores case and punctuation ("Left", "De-activated", "Named User").
 */
import type { LicenceKind, UserStatus } from "../core/usage.js";

/**
 * What a status word means. `invited`: the account exists and holds a seat (Atlassian, Freshservice,
 * Zendesk and HaloITSM all count an invited or pending agent), but nobody has logged in with it.
 */
export interface StatusMeaning {
  readonly status: UserStatus;
  readonly invited?: true;
}

const STATUS_WORDS: Record<string, UserStatus> = {};
for (const w of [
  "active",
  "enabled",
  "yes",
  "y",
  "true",
  "1",
  "live",
  "current",
  "ok",
  "licensed",
  "licenced",
]) {
  STATUS_WORDS[w] = "active";
}
for (const w of [
  "disabled",
  "inactive",
  "suspended",
  "locked",
  "lockedout",
  "deactivated",
  "no",
  "n",
  "false",
  "0",
  "blocked",
  "onhold",
  "expired",
  "accesssuspended",
  "accessrevoked",
  "revoked",
  "notactive",
]) {
  STATUS_WORDS[w] = "disabled";
}
for (const w of [
  "departed",
  "left",
  "leaver",
  "terminated",
  "deleted",
  "removed",
  "archived",
  "former",
  "exited",
  "resigned",
  "offboarded",
]) {
  STATUS_WORDS[w] = "departed";
}

/** Invitation sent, not yet accepted: a seat is taken, no login has happened. */
const INVITED_WORDS = new Set([
  "invited",
  "invitationsent",
  "invitesent",
  "invitationpending",
  "invitepending",
  "pending",
  "pendinginvite",
  "pendinginvitation",
  "pendingactivation",
  "pendingverification",
  "awaitingactivation",
  "notactivated",
  "notyetactivated",
  "unverified",
]);

function norm(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

export function statusOf(text: string): StatusMeaning | undefined {
  const word = norm(text);
  if (INVITED_WORDS.has(word)) return { status: "active", invited: true };
  const status = STATUS_WORDS[word];
  return status === undefined ? undefined : { status };
}

/** The words statusOf knows, for a message when a cell holds another. */
export const STATUS_HINT = "use active, invited, disabled or departed";

/**
 * Columns whose yes means the account is NOT usable ("Is Disabled", ServiceNow's `locked_out`),
 * in normalised form, with what a yes means. Read as status they must be inverted: "True" in
 * "Is Disabled" is a disabled account, not an active one.
 */
const NEGATIVE_FLAG_HEADERS: Record<string, UserStatus> = {
  isdisabled: "disabled",
  disabled: "disabled",
  accountdisabled: "disabled",
  lockedout: "disabled",
  islockedout: "disabled",
  islocked: "disabled",
  accountlocked: "disabled",
  issuspended: "disabled",
  isdeactivated: "disabled",
  inactive: "disabled",
  isinactive: "disabled",
  isdeleted: "departed",
  isarchived: "departed",
};
// Bare "Suspended", "Deactivated" or "Deleted" columns often hold the date it happened, not yes or
// no, so they are not read as flags.

/** What a yes in this column means, when the column is a "not usable" flag. */
export function negativeFlagOf(header: string): UserStatus | undefined {
  return NEGATIVE_FLAG_HEADERS[header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "")];
}

/** "Named", "Named agent", "Concurrent user", "Floating" … → the licence kind. */
export function licenceOf(text: string): LicenceKind | undefined {
  const t = norm(text);
  // Freshservice's occasional agents share day passes: no seat of their own.
  if (/concurrent|floating|shared|pool|occasional|daypass/.test(t)) return "concurrent";
  if (/named|fixed|dedicated|full/.test(t)) return "named";
  return undefined;
}

const YES = new Set(["yes", "y", "true", "1", "x", "vip", "✓", "✔"]);
const NO = new Set(["no", "n", "false", "0", "", "-"]);

export function flagOf(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

/** Words meaning "never" in a last-login column (Atlassian writes "Never accessed"). */
const NEVER_WORDS = new Set([
  "never",
  "neveraccessed",
  "neverloggedin",
  "neverlogged",
  "neversignedin",
  "neverseen",
  "neverused",
  "notloggedin",
  "notyetloggedin",
  "nologin",
  "nologins",
  "na",
  "none",
  "null",
  "nil",
  "",
]);

/** Whether a last-login text means "never" ("Never accessed", "-", "N/A"). */
export function meansNever(text: string): boolean {
  const t = text.trim();
  if (t === "") return false;
  return NEVER_WORDS.has(norm(t));
}

/**
 * Roles some vendors give without a paid agent seat (Zendesk's light agents and contributors,
 * Atlassian's collaborators, viewers). Counted as licences all the same; the reply says so.
 */
export function mayBeFreeSeat(role: string): boolean {
  return /^(light ?agents?|contributors?|collaborators?|viewers?|read ?only|requesters?|end ?users?|customers?)$/.test(
    role.trim().toLowerCase().replace(/[-_]+/g, " "),
  );
}
