/**
 * The instants that matter for a pool: the online set only grows at logins and only shrinks at
 * logouts, so its local maxima (after a batch of logins, just before a logout) are the only sets
 * a pool must cover. Every other instant's set is a subset of one of them. O(n log n + output).
 */
import type { Presence } from "../timeline.js";

export interface OnlineSets {
  /** Members (user indices, ascending) of each locally maximal online set. */
  readonly sets: Int32Array[];
  /** The instant each set was online (epoch ms). */
  readonly at: number[];
}

/**
 * The times of the locally maximal instants only, without their members: one sorted sweep that
 * counts. At scale the members (thousands per instant, tens of thousands of instants) are far too
 * many to hold, so each interval is later mapped to the range of instants it covers instead.
 */
export function maximalInstants(presence: readonly Presence[]): number[] {
  const starts = Float64Array.from(presence, (p) => p.start).sort();
  const ends = Float64Array.from(presence, (p) => p.end).sort();
  const n = presence.length;
  const at: number[] = [];
  let i = 0;
  let e = 0;
  while (i < n) {
    const nextStart = starts[i] as number;
    const t = e < n ? Math.min(nextStart, ends[e] as number) : nextStart;
    while (e < n && ends[e] === t) e++; // logouts apply first at an instant
    const before = i;
    while (i < n && starts[i] === t) i++;
    // Locally maximal: logins here, and the next change is a logout.
    if (i > before && e < n && (ends[e] as number) <= (starts[i] ?? Number.POSITIVE_INFINITY)) {
      at.push(t);
    }
  }
  return at;
}

/** The same instants with their members: the reference the compact form is tested against. */
export function maximalOnlineSets(
  presence: readonly Presence[],
  indexOf: ReadonlyMap<string, number>,
): OnlineSets {
  // Event e: interval e >> 1, logout when even, login when odd; logouts first at an instant.
  const order: number[] = [];
  for (let i = 0; i < presence.length; i++) order.push(2 * i, 2 * i + 1);
  const time = (e: number): number => {
    const p = presence[e >> 1] as Presence;
    return e & 1 ? p.start : p.end;
  };
  order.sort((x, y) => time(x) - time(y) || (x & 1) - (y & 1));
  const userOf = presence.map((p) => indexOf.get(p.user) ?? -1);
  const members: number[] = [];
  const position = new Map<number, number>();
  const sets: Int32Array[] = [];
  const at: number[] = [];
  let i = 0;
  while (i < order.length) {
    const t = time(order[i] as number);
    let hadLogin = false;
    while (i < order.length && time(order[i] as number) === t) {
      const e = order[i] as number;
      const u = userOf[e >> 1] as number;
      if (e & 1) {
        hadLogin = true;
        position.set(u, members.length);
        members.push(u);
      } else {
        const pos = position.get(u) as number;
        const last = members.pop() as number;
        if (pos < members.length) {
          members[pos] = last;
          position.set(last, pos);
        }
        position.delete(u);
      }
      i++;
    }
    const next = order[i];
    const nextIsLogout = next !== undefined && (next & 1) === 0;
    if (hadLogin && nextIsLogout) {
      sets.push(Int32Array.from(members).sort());
      at.push(t);
    }
  }
  return { sets, at };
}
