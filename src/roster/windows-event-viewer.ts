/**
 * Event Viewer's "Save All Events As… CSV" writes a header of five names (`Level` — `Keywords` in
 * the Security log — `Date and Time`, `Source`, `Event ID`, `Task Category`) and then six values a
 * row: the sixth, unnamed, is the event's description ("An account was successfully logged on. …
 * Account Name: ann.lee …"). Read as written, every row has one value too many and is refused; the
 * missing name is added so the description is read, and the user found in it.
 */
import { normaliseHeader } from "./columns.js";

const EVENT_VIEWER = ["dateandtime", "source", "eventid", "taskcategory"];

/** The name given to Event Viewer's unnamed sixth column. */
export const EVENT_VIEWER_DESCRIPTION = "Description";

export function isEventViewerHeader(headers: readonly string[]): boolean {
  if (headers.length !== 5) return false;
  const first = normaliseHeader(headers[0] ?? "");
  return (
    (first === "level" || first === "keywords") &&
    headers.slice(1).every((h, i) => normaliseHeader(h) === EVENT_VIEWER[i])
  );
}

/** The header with Event Viewer's description column named, or unchanged for any other file. */
export function withEventViewerDescription(headers: string[]): string[] {
  return isEventViewerHeader(headers) ? [...headers, EVENT_VIEWER_DESCRIPTION] : headers;
}
