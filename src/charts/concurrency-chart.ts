/**
 * "People online over time, pool line at k", the first chart under a file's answer: the most
 * people online in each slot, the people outside the named set (what the pool must carry) and
 * the pool drawn as a labelled rule.
 */
import type { TopLevelSpec } from "vega-lite";
import type { OnlineSeries } from "../core/chart-data.js";
import { COLOURS, chartFrame } from "./theme.js";

export interface ConcurrencyChartInput {
  readonly series: OnlineSeries;
  /** The plan's pool; without it no pool or pooled line is drawn. */
  readonly pool?: number;
  /** Shown times are shifted by this fixed offset (the zone's offset at the first login). */
  readonly utcOffsetMinutes: number;
  /** The zone named on the time axis, e.g. "UTC" or "Europe/London". */
  readonly timeZone: string;
}

const EVERYONE = "everyone online";
const POOLED = "online and not named: what the pool must carry";

function slotText(bucketMs: number): string {
  const minutes = bucketMs / 60_000;
  if (minutes < 60) return `${minutes}-minute`;
  if (minutes % 1440 === 0) return minutes === 1440 ? "daily" : `${minutes / 1440}-day`;
  return minutes === 60 ? "hourly" : `${minutes / 60}-hour`;
}

export function poolLabel(pool: number): string {
  return pool === 0 ? "no pool" : `pool of ${pool}`;
}

export function concurrencySpec(input: ConcurrencyChartInput): TopLevelSpec {
  const { series, pool } = input;
  const shift = input.utcOffsetMinutes * 60_000;
  const withPool = pool !== undefined;
  const values = series.buckets.map((b) => ({
    t: b.start + shift,
    online: b.online,
    pooled: b.pooled ?? null,
  }));
  const lastBucket = series.buckets[series.buckets.length - 1];
  // A step is drawn up to the next point: close the last slot where everyone has left.
  if (lastBucket) {
    values.push({
      t: lastBucket.start + series.bucketMs + shift,
      online: 0,
      pooled: lastBucket.pooled === undefined ? null : 0,
    });
  }
  const first = series.buckets[0]?.start ?? 0;
  const last = series.buckets[series.buckets.length - 1]?.start ?? 0;
  // A log of a day or so reads by the clock; longer ones by the date.
  const oneDay = last - first + series.bucketMs <= 36 * 3_600_000;
  const x = {
    field: "t",
    type: "temporal" as const,
    scale: { type: "utc" as const },
    axis: oneDay
      ? { title: `time (${input.timeZone})`, format: "%H:%M", labelAngle: 0 }
      : { title: `date (${input.timeZone})`, format: "%-d %b", labelAngle: 0, tickCount: 10 },
  };
  const colour = {
    scale: {
      domain: withPool ? [EVERYONE, POOLED] : [EVERYONE],
      range: withPool ? [COLOURS.everyone, COLOURS.pooled] : [COLOURS.everyone],
    },
    legend: withPool
      ? {
          title: null,
          orient: "top" as const,
          direction: "horizontal" as const,
          labelLimit: 480,
        }
      : null,
  };
  const detail = `Most people online at once in each ${slotText(series.bucketMs)} slot · peak ${series.peak}`;
  const subtitle = withPool
    ? `${detail} · the people not named peak at ${series.pooledPeak ?? 0}${pool === series.pooledPeak ? ", so the pool is" : "; with headroom the pool is"} ${pool}`
    : detail;
  return {
    ...chartFrame,
    title: { text: "People online over time", subtitle },
    data: { values },
    layer: [
      {
        mark: { type: "area", interpolate: "step-after", opacity: 0.35, line: true },
        encoding: {
          x,
          y: {
            field: "online",
            type: "quantitative",
            axis: { title: "people online at once", tickMinStep: 1, format: "d" },
          },
          color: { datum: EVERYONE, ...colour },
        },
      },
      ...(withPool
        ? [
            {
              mark: { type: "line" as const, interpolate: "step-after" as const, strokeWidth: 1.5 },
              encoding: {
                x,
                y: { field: "pooled", type: "quantitative" as const },
                color: { datum: POOLED },
              },
            },
            {
              data: { values: [{ pool, label: poolLabel(pool) }] },
              mark: {
                type: "rule" as const,
                color: COLOURS.pool,
                strokeWidth: 2.5,
                strokeDash: [8, 4],
              },
              encoding: { y: { field: "pool", type: "quantitative" as const } },
            },
            {
              data: { values: [{ pool, label: poolLabel(pool) }] },
              mark: {
                type: "text" as const,
                align: "left" as const,
                baseline: "middle" as const,
                dx: 8,
                fontSize: 16,
                fontWeight: "bold" as const,
                color: COLOURS.pool,
              },
              encoding: {
                x: { value: "width" as const },
                y: { field: "pool", type: "quantitative" as const },
                text: { field: "label" },
              },
            },
          ]
        : []),
    ],
  } as TopLevelSpec;
}
