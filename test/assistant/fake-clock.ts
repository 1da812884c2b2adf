/**
 * A clock for answerer tests: time moves only when the answerer waits, and every wait asked for
 * is recorded, so a Retry-After or a backoff is tested without waiting real seconds.
 */
import type { Clock } from "../../src/assistant/clock.js";

export interface FakeClock extends Clock {
  readonly waits: number[];
}

export function fakeClock(start = 1_000_000): FakeClock {
  let now = start;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  };
}
