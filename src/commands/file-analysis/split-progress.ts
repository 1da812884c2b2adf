/**
 * Progress while the split runs: which stage it is in and, once known, the best plan, the proven
 * minimum and the gap between them. Reports go out at most about once a second (a new stage
 * always goes out), so a Slack message is not updated on every round.
 */
import { type CurrencyCode, formatMoney, money } from "../../core/money.js";
import { ratio } from "../../core/ratio.js";
import type { SplitProgress, SplitStage } from "../../core/split/optimise.js";
import { gapWithin } from "./split-reply.js";

const STAGE_TEXT: Record<SplitStage, string> = {
  reducing: "reducing the log to its busiest instants",
  baselines: "costing the comparison plans",
  relaxation: "solving the LP relaxation",
  heuristic: "searching for a starting plan",
  integer_program: "solving the integer program",
  verifying: "checking every plan against the log",
};

/** `Finding the cheapest split … solving the integer program (round 2): best £7,104,720, …` */
export function splitProgressText(p: SplitProgress, code: CurrencyCode): string {
  const round = p.round !== undefined && p.round > 1 ? ` (round ${p.round})` : "";
  const figures: string[] = [];
  if (p.best !== undefined) figures.push(`best plan so far ${formatMoney(money(p.best, code))}`);
  if (p.bound !== undefined) {
    figures.push(`proven minimum ${formatMoney(money(p.bound, code))}`);
    if (p.best !== undefined && p.best > 0) {
      const gap = ratio(Math.max(0, p.best - p.bound), p.best);
      figures.push(gap.num === 0n ? "gap closed" : `gap ${gapWithin(gap)}`);
    }
  }
  const tail = figures.length > 0 ? `: ${figures.join(", ")}` : "";
  return `Finding the cheapest split … ${STAGE_TEXT[p.stage]}${round}${tail}`;
}

/**
 * A progress listener for optimiseSplit, which runs synchronously: each report is handed to
 * `post` without waiting (in an analysis thread it goes straight to the main thread). Reports
 * within one stage are spaced by the solver's own seconds: the context's clock is fixed for an
 * analysis in a thread, and the stages between solves are few.
 */
export function splitProgress(
  post: (text: string) => void,
  code: CurrencyCode,
  everySeconds = 1,
): (p: SplitProgress) => void {
  let lastStage: SplitStage | undefined;
  let lastAt = Number.NEGATIVE_INFINITY;
  return (p) => {
    if (p.stage === lastStage && p.solverSeconds - lastAt < everySeconds) return;
    lastStage = p.stage;
    lastAt = p.solverSeconds;
    post(splitProgressText(p, code));
  };
}
