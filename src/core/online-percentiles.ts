/**
 * Concurrency percentiles over the time anyone is online. The log-wide percentiles weigh nights
 * and weekends with nobody online, so in an office log P50 is 0; these leave that time out and say
 * how many are online at once while the service is in use.
 */
import { type LevelTime, PERCENTILES } from "./concurrency.js";

export interface OnlinePercentiles {
  /** Time with at least one person online, ms (the percentiles' whole). */
  readonly onlineMs: number;
  /**
   * Smallest level L ≥ 1 with time(1 ≤ online ≤ L) ≥ p% of `onlineMs`; 0 for all when nobody was
   * ever online.
   */
  readonly percentiles: readonly {
    readonly p: (typeof PERCENTILES)[number];
    readonly level: number;
  }[];
}

/**
 * From the time at or above each level (1..peak, as ConcurrencyReport.atOrAbove): time at exactly
 * L is atOrAbove(L) − atOrAbove(L + 1). Integer ms throughout, compared exactly.
 */
export function onlinePercentiles(atOrAbove: readonly LevelTime[]): OnlinePercentiles {
  const byLevel = [...atOrAbove].sort((a, b) => a.level - b.level);
  const onlineMs = byLevel[0]?.level === 1 ? byLevel[0].ms : 0;
  const msAtOrAbove = new Map(byLevel.map((x) => [x.level, x.ms]));
  const percentiles = PERCENTILES.map((p) => ({
    p,
    level: levelFor(byLevel, msAtOrAbove, onlineMs, p),
  }));
  return { onlineMs, percentiles };
}

function levelFor(
  byLevel: readonly LevelTime[],
  msAtOrAbove: ReadonlyMap<number, number>,
  onlineMs: number,
  p: number,
): number {
  if (onlineMs <= 0) return 0;
  for (const { level } of byLevel) {
    const above = msAtOrAbove.get(level + 1) ?? 0;
    // Time with 1..level online = online time − time above level.
    if ((onlineMs - above) * 100 >= p * onlineMs) return level;
  }
  return byLevel.at(-1)?.level ?? 0;
}
