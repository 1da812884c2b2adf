/**
 * Whether an error means the database can't be reached right now (down, restarting, unreachable,
 * or a dropped connection) rather than a bug or bad data. The Slack app answers those with
 * "storage is unavailable" and goes on answering typed calculations; the pool reconnects by
 * itself on the next query, so recovery needs nothing from anyone.
 */

/** Node's network errors for a server that is not there or went away. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "EAI_AGAIN",
]);

/**
 * PostgreSQL's SQLSTATEs for the same: class 08 (connection exception), and 57P01–57P03
 * (terminated by an administrator, crash shutdown, cannot connect now — a starting server).
 */
function isUnavailableState(code: string): boolean {
  return code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03";
}

/** What `pg` throws, in its own words, when a connection ends or can't be made in time. */
const PG_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Client has encountered a connection error/,
  /^Query read timeout/,
];

export function isStorageUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (NETWORK_CODES.has(code) || isUnavailableState(code)))
      return true;
    if (PG_MESSAGES.some((m) => m.test(e instanceof Error ? e.message : ""))) return true;
    // AggregateError (a host with several addresses) and wrapped causes.
    const inner = (e as { errors?: unknown[] }).errors?.[0] ?? (e as { cause?: unknown }).cause;
    e = inner;
  }
  return false;
}
