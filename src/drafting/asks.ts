/** The asks table: the five steps in playbook order, filled with the deal's numbers. */
import type { DocTable } from "./document.js";
import { byValue, type DealAnalysis, type Move, stakeText } from "./moves.js";

const column = (header: string, align: "left" | "right" = "left") => ({ header, align });

export function asksTable(a: DealAnalysis): DocTable {
  return {
    title: "The asks",
    columns: [column("step"), column("the ask"), column("offer"), column("worth", "right")],
    rows: a.moves.map((m) => [m.step, m.ask, m.status, stakeText(m, a.deal.termYears)]),
  };
}

/** Triage order: most valuable first, with the finding that explains each status. */
export function triageTable(a: DealAnalysis): DocTable {
  return {
    title: "The five moves, most valuable first",
    columns: [column("step"), column("offer"), column("at stake", "right"), column("the ask")],
    rows: byValue(a.moves).map((m: Move) => [
      m.step,
      m.status,
      stakeText(m, a.deal.termYears),
      m.ask,
    ]),
  };
}
