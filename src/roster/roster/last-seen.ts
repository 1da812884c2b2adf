/**
 * Atlassian's "Export users" writes one "Last seen in <product>" column per product (sometimes with
 * the site after a dash: "Last seen in Jira Service Management - acme.atlassian.net"). For an ITSM
 * licence the service-management one is the last login; the others are named as not used. With
 * several and none for service management, the file is not guessed at: the user is asked which.
 */
import { failAll, ok, type Result } from "../../core/result.js";
import { type ColumnMap, normaliseHeader, quoteList } from "../columns.js";
import type { DetectedKind } from "../detect-kind.js";

const LAST_SEEN = /^lastseenin/;
const SERVICE_MANAGEMENT = /servicemanagement|servicedesk|itsm/;

/**
 * The roster's columns with the last login read from the right "Last seen in" column (a note says
 * which, and which were left out); unchanged for other files, or when the user mapped it.
 */
export function pickLastSeen(
  fileName: string,
  headers: readonly string[],
  detected: DetectedKind,
  overrides: ColumnMap,
  notes: string[],
): Result<DetectedKind> {
  if (detected.kind !== "roster" || overrides.lastLogin !== undefined) return ok(detected);
  const used = new Set(Object.values(detected.columns));
  const seen = headers
    .map((header, index) => ({ header, index, norm: normaliseHeader(header) }))
    .filter(
      (h) =>
        LAST_SEEN.test(h.norm) && (!used.has(h.index) || h.index === detected.columns.lastLogin),
    );
  if (seen.length === 0) return ok(detected);
  const current = detected.columns.lastLogin;
  if (current !== undefined && !seen.some((h) => h.index === current)) return ok(detected);
  const chosen =
    seen.find((h) => h.index === current) ??
    seen.find((h) => SERVICE_MANAGEMENT.test(h.norm)) ??
    (seen.length === 1 ? seen[0] : undefined);
  if (chosen === undefined) {
    const first = seen[0]?.header ?? "";
    return failAll([
      {
        code: "roster.which_last_seen",
        message: `${fileName} has a "Last seen in" column for each product (${quoteList(seen.map((h) => h.header))}) and none for a service-management product: which product's licence are you sizing?`,
        hint: `--map lastLogin="${first}"`,
      },
    ]);
  }
  const others = seen.filter((h) => h !== chosen).map((h) => h.header);
  notes.push(
    others.length > 0
      ? `last login read from "${chosen.header}" (the service-management product); not used: ${quoteList(others)}; --map lastLogin="…" to size another product`
      : `last login read from "${chosen.header}"`,
  );
  return ok({ kind: detected.kind, columns: { ...detected.columns, lastLogin: chosen.index } });
}
