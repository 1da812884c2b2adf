/**
 * A model as CPLEX LP text: for tests and debugging only (the solver is given the arrays). The
 * text solves to the same answer as the arrays, which test/solver/highs.test.ts checks.
 */
import type { LinearModel } from "./solver.js";

/** Pushes `terms` over several lines: LP readers limit line length. */
function pushWrapped(out: string[], terms: readonly string[], joiner: string): void {
  for (let i = 0; i < terms.length; i += 16) out.push(` ${terms.slice(i, i + 16).join(joiner)}`);
}

const term = (value: number, name: string): string => (value === 1 ? name : `${value} ${name}`);

export function lpText(
  m: LinearModel,
  kind: "mip" | "relaxation",
  names: readonly string[] = Array.from(m.cost, (_, c) => `c${c}`),
): string {
  const name = (c: number): string => names[c] ?? `c${c}`;
  const lines = ["Minimize", " obj:"];
  pushWrapped(
    lines,
    Array.from(m.cost, (v, c) => `${v} ${name(c)}`),
    " + ",
  );
  lines.push("Subject To");
  for (let r = 0; r + 1 < m.rowStarts.length; r++) {
    const terms: string[] = [];
    for (let i = m.rowStarts[r] as number; i < (m.rowStarts[r + 1] as number); i++) {
      terms.push(term(m.rowValues[i] as number, name(m.rowColumns[i] as number)));
    }
    lines.push(` r${r}:`);
    pushWrapped(lines, terms, " + ");
    lines.push(` >= ${m.rowLower[r]}`);
  }
  lines.push("Bounds");
  m.cost.forEach((_, c) => {
    const hi = m.upper[c] as number;
    const top = Number.isFinite(hi) ? ` <= ${hi}` : "";
    lines.push(` ${m.lower[c]} <= ${name(c)}${top}`);
  });
  if (kind === "mip") {
    const integers = Array.from(m.integer.keys()).filter((c) => m.integer[c] === 1);
    if (integers.length > 0) {
      lines.push("General");
      pushWrapped(lines, integers.map(name), " ");
    }
  }
  lines.push("End", "");
  return lines.join("\n");
}
