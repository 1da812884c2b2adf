/**
 * Claims without a database: the same contract as the store's claims (src/store/claims.ts), for
 * one process only, and bounded so a long-running app's memory stays flat. Used when no store is
 * configured, and as the fallback when the store can't answer in time.
 */
import type { ClaimRepository } from "../../store/claims.js";
import type { Scope } from "../../store/scope.js";

const id = (scope: Scope, key: string) => `${scope.teamId}/${scope.channelId}/${key}`;

export function memoryClaims(capacity: number): ClaimRepository {
  /** Expiry (ms since the epoch) by key, oldest claim first (a Map keeps insertion order). */
  const expiries = new Map<string, number>();
  return {
    async take(scope, key, { now, holdForMs }) {
      if (!(holdForMs > 0)) throw new RangeError("a claim must be held for some time");
      const k = id(scope, key);
      const expires = expiries.get(k);
      if (expires !== undefined && expires > now.getTime()) return false;
      expiries.delete(k);
      expiries.set(k, now.getTime() + holdForMs);
      // Beyond capacity the oldest claims go first: by then Slack has long stopped retrying them.
      for (const oldest of expiries.keys()) {
        if (expiries.size <= capacity) break;
        expiries.delete(oldest);
      }
      return true;
    },
    async release(scope, key) {
      expiries.delete(id(scope, key));
    },
    async held(scope, key, now) {
      return (expiries.get(id(scope, key)) ?? 0) > now.getTime();
    },
    async sweep(now) {
      let swept = 0;
      for (const [k, expires] of expiries) {
        if (expires <= now.getTime()) {
          expiries.delete(k);
          swept++;
        }
      }
      return swept;
    },
  };
}
