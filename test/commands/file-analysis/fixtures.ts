/** Small files written to a temp folder for the file commands' tests. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testContext } from "../context.js";

export const gbp = testContext();

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "dealdesk-files-"));
}

export function writeFixture(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/**
 * Six people on Monday 7 Sep 2026 (UTC): a and b all day (09:00–17:00), c, d, e and f one hour
 * each, never at the same time (09–10, 11–12, 13–14, 15–16).
 */
export const SIX_PEOPLE_CSV = [
  "Agent Email,Login Time,Logout Time",
  "a@x.com,2026-09-07T09:00:00Z,2026-09-07T17:00:00Z",
  "b@x.com,2026-09-07T09:00:00Z,2026-09-07T17:00:00Z",
  "c@x.com,2026-09-07T09:00:00Z,2026-09-07T10:00:00Z",
  "d@x.com,2026-09-07T11:00:00Z,2026-09-07T12:00:00Z",
  "e@x.com,2026-09-07T13:00:00Z,2026-09-07T14:00:00Z",
  "f@x.com,2026-09-07T15:00:00Z,2026-09-07T16:00:00Z",
].join("\n");

/**
 * A roster judged on 1 Oct 2026 with the defaults (inactive after 60 days, occasional below 5):
 * a, b active; c left (departed); d disabled; e never logged in; f last seen 1 May (153 days:
 * inactive); g 2 tickets (occasional: keeps access); h created 10 Sep, no login yet (new: not
 * flagged); i left (departed), with a name a spreadsheet would run as a formula.
 */
export const ROSTER_CSV = [
  "Email,Name,Status,Last Login,Created,Tickets Worked",
  "a@x.com,Ann,Active,2026-09-30,2024-01-01,40",
  "b@x.com,Bob,Active,2026-09-15,2024-01-01,25",
  "c@x.com,Cat,Left,2026-03-01,2023-01-01,0",
  "d@x.com,Dan,Disabled,2026-06-01,2023-01-01,0",
  "e@x.com,Eve,Active,,2024-01-01,0",
  "f@x.com,Fay,Active,2026-05-01,2024-01-01,12",
  "g@x.com,Gus,Active,2026-09-20,2024-01-01,2",
  "h@x.com,Hal,Active,,2026-09-10,0",
  'i@x.com,"=HYPERLINK(""http://evil.example"")",Left,2026-02-01,2023-01-01,0',
].join("\n");

/** Text of a reply file (CSV files start with a byte-order mark for Excel). */
export function fileText(content: Uint8Array): string {
  return new TextDecoder().decode(content).replace(/^\uFEFF/, "");
}
