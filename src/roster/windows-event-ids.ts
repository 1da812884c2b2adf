/**
 * Windows Security event ids that say someone signed in, signed out or failed to: the Vista and
 * later ids (4624…) and the Windows 2003 ones they replaced (528…). One list, read both by the
 * event-word matcher (an "Event ID" column of an event log) and by the Windows export reader.
 */

/** 4624 "An account was successfully logged on"; 528 and 540 before Vista. */
export const LOGON_IDS: ReadonlySet<string> = new Set(["4624", "528", "540"]);

/** 4634 "An account was logged off"; 538 before Vista. */
export const LOGOFF_IDS: ReadonlySet<string> = new Set(["4634", "538"]);

/** 4647 "User initiated logoff" (interactive logons only; Windows still writes a 4634 after it). */
export const USER_LOGOFF_IDS: ReadonlySet<string> = new Set(["4647", "551"]);

/** 4625 "An account failed to log on"; 529–537 and 539 before Vista. */
export const FAILED_LOGON_IDS: ReadonlySet<string> = new Set([
  "4625",
  "529",
  "530",
  "531",
  "532",
  "533",
  "534",
  "535",
  "536",
  "537",
  "539",
]);
