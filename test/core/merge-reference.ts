/**
 * The straightforward merge of each person's overlapping sessions (a Map of lists, comparator
 * sorts) that the fast sweeps replaced: tests compare the fast versions' answers with it.
 */
import { compareText, type Presence } from "../../src/core/timeline.js";
import type { Session } from "../../src/core/usage.js";

export function mergeReference(sessions: readonly Session[]): Presence[] {
  const byUser = new Map<string, Session[]>();
  for (const s of sessions) {
    if (!(s.end > s.start)) continue;
    const list = byUser.get(s.user);
    if (list) list.push(s);
    else byUser.set(s.user, [s]);
  }
  const merged: Presence[] = [];
  for (const [user, list] of byUser) {
    list.sort((a, b) => a.start - b.start);
    let start = list[0]?.start ?? 0;
    let end = list[0]?.end ?? 0;
    for (const s of list.slice(1)) {
      if (s.start <= end) end = Math.max(end, s.end);
      else {
        merged.push({ user, start, end });
        start = s.start;
        end = s.end;
      }
    }
    merged.push({ user, start, end });
  }
  return merged.sort((a, b) => a.start - b.start || compareText(a.user, b.user));
}
