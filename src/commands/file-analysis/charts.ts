/**
 * The PNG charts of a session-log reply, so the answer can be seen at a glance: people online over time with the
 * plan's pool drawn, and the annual cost against the number of named seats. A chart that cannot be
 * drawn costs the reply its picture, never its answer: the failure becomes a note.
 */

import { concurrencySpec } from "../../charts/concurrency-chart.js";
import { costSpec } from "../../charts/cost-chart.js";
import { renderChart } from "../../charts/render.js";
import { costByNamedSeats, onlineOverTime, onlineSeriesOf } from "../../core/chart-data.js";
import type { SplitReport } from "../../core/split/optimise.js";
import type { Steps } from "../../core/timeline.js";
import type { Session } from "../../core/usage.js";
import type { ReplyFile } from "../reply.js";
import type { RateUse } from "./rates.js";
import type { Headroom } from "./request.js";

export const CONCURRENCY_PNG = "concurrency.png";
export const COST_PNG = "cost-by-named-seats.png";

export interface ChartTime {
  readonly utcOffsetMinutes: number;
  readonly timeZone: string;
}

export interface SplitChartInput extends ChartTime {
  readonly report: SplitReport;
  readonly named: RateUse;
  readonly concurrent: RateUse;
  readonly headroom?: Headroom;
  readonly forceNamed?: ReadonlySet<string>;
  readonly forceConcurrent?: ReadonlySet<string>;
}

export interface ChartFiles {
  readonly files: readonly ReplyFile[];
  readonly notes: readonly string[];
}

function png(name: string, content: Uint8Array, description: string): ReplyFile {
  return { name, mediaType: "image/png", content, description };
}

/** No charts: the front end shows only the reply's data (`--json`), which has no pictures. */
export const NO_CHARTS: ChartFiles = { files: [], notes: [] };

const FAILED = "The charts could not be drawn this time; every figure above stands without them.";

/**
 * People online over time, no pool: for a reply without a split. Drawn from the steps the
 * concurrency analysis already swept, so the log is not merged a second time.
 */
export async function concurrencyCharts(steps: Steps, time: ChartTime): Promise<ChartFiles> {
  try {
    const chart = await renderChart(concurrencySpec({ series: onlineSeriesOf(steps), ...time }));
    return { files: [png(CONCURRENCY_PNG, chart.png, "People online over time")], notes: [] };
  } catch {
    return { files: [], notes: [FAILED] };
  }
}

/** Both charts for a split: the pool drawn over the people it carries, and the cost curve. */
export async function splitCharts(
  sessions: readonly Session[],
  input: SplitChartInput,
): Promise<ChartFiles> {
  const { optimum } = input.report;
  try {
    const series = onlineOverTime(sessions, { named: new Set(optimum.named) });
    const curve = costByNamedSeats(sessions, {
      named: optimum.named,
      namedRate: input.named.annual,
      concurrentRate: input.concurrent.annual,
      ...(input.headroom ? { headroom: input.headroom } : {}),
      ...(input.forceNamed ? { forceNamed: input.forceNamed } : {}),
      ...(input.forceConcurrent ? { forceConcurrent: input.forceConcurrent } : {}),
    });
    const [online, cost] = await Promise.all([
      renderChart(
        concurrencySpec({
          series,
          pool: optimum.pool,
          utcOffsetMinutes: input.utcOffsetMinutes,
          timeZone: input.timeZone,
        }),
      ),
      renderChart(costSpec({ curve })),
    ]);
    return {
      files: [
        png(CONCURRENCY_PNG, online.png, "People online over time, with the pool"),
        png(COST_PNG, cost.png, "Annual cost against the number of named seats"),
      ],
      notes: [],
    };
  } catch {
    return { files: [], notes: [FAILED] };
  }
}
