/**
 * One line for a stored analysis in App Home, from what was stored (no headline is stored: the
 * figures are in `outputs`). A typed calculation shows what was typed; an upload's analysis shows
 * its kind, file and key figures. Anything unexpected in old records falls back to the kind.
 */
import type { Analysis } from "../../store/analyses.js";

type Json = Analysis["outputs"];

function at(value: Json | undefined, ...path: string[]): Json | undefined {
  let v = value;
  for (const key of path) {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
    v = v[key];
  }
  return v;
}

const num = (v: Json | undefined) => (typeof v === "number" ? v : undefined);
const str = (v: Json | undefined) => (typeof v === "string" ? v : undefined);

function figures(a: Analysis): string | undefined {
  const o = a.outputs;
  if (a.kind === "split") {
    const named = num(at(o, "split", "named"));
    const pool = num(at(o, "split", "concurrent"));
    const cost = str(at(o, "split", "annualCost", "text"));
    if (named !== undefined && pool !== undefined && cost !== undefined) {
      return `${named} named + a pool of ${pool}, ${cost} a year`;
    }
  }
  if (a.kind === "concurrency") {
    const peak = num(at(o, "concurrency", "peak"));
    const users = num(at(o, "concurrency", "users"));
    if (peak !== undefined && users !== undefined) return `peak ${peak} of ${users} people`;
  }
  if (a.kind === "rightsize") {
    const removable = num(at(o, "rightsize", "removable"));
    const provisioned = num(at(o, "rightsize", "provisioned"));
    if (removable !== undefined && provisioned !== undefined) {
      return `${removable} of ${provisioned} licences removable`;
    }
  }
  return undefined;
}

export function describeStoredAnalysis(a: Analysis): string {
  const typed = str(at(a.inputs, "text"));
  if (typed !== undefined) return `/deal ${typed}`;
  const file = str(at(a.inputs, "fileName"));
  const head = file ? `${a.kind} of ${file}` : a.kind;
  const f = figures(a);
  return f ? `${head}: ${f}` : head;
}
