/**
 * What-if replay of a concurrent pool: logins in time order, a login when every slot is taken is
 * refused and gets no slot at all (the user does not wait or retry), so a refused session never
 * holds a slot afterwards. Used both for "what would a smaller pool have cost us" and to verify
 * that a plan's pool really covers its users.
 */
import { compareText, type Presence } from "./timeline.js";

export interface ReplayOutcome {
  readonly poolSize: number;
  /** Presence intervals (merged sessions) refused at login. */
  readonly refusedLogins: number;
  readonly usersAffected: number;
  /** Total time those refused intervals would have been online, in ms. */
  readonly refusedMs: number;
}

/** O(n log n): one sort, one pass. At equal instants, logouts free their slot before logins. */
export function replayPool(presence: readonly Presence[], poolSize: number): ReplayOutcome {
  const order: number[] = [];
  for (let i = 0; i < presence.length; i++) order.push(2 * i, 2 * i + 1);
  const at = (e: number): number => {
    const p = presence[e >> 1] as Presence;
    return e & 1 ? p.start : p.end;
  };
  // Even event ids are logouts, odd are logins: logouts sort first at the same instant.
  order.sort(
    (x, y) =>
      at(x) - at(y) ||
      (x & 1) - (y & 1) ||
      compareText((presence[x >> 1] as Presence).user, (presence[y >> 1] as Presence).user),
  );
  const admitted = new Uint8Array(presence.length);
  const affected = new Set<string>();
  let inUse = 0;
  let refusedLogins = 0;
  let refusedMs = 0;
  for (const e of order) {
    const i = e >> 1;
    const p = presence[i] as Presence;
    if (e & 1) {
      if (inUse < poolSize) {
        admitted[i] = 1;
        inUse++;
      } else {
        refusedLogins++;
        refusedMs += p.end - p.start;
        affected.add(p.user);
      }
    } else if (admitted[i]) {
      inUse--;
    }
  }
  return { poolSize, refusedLogins, usersAffected: affected.size, refusedMs };
}
