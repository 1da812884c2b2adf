/** Which figures each calculator tool offers; a tool not listed (knowledge search) offers none. */
import { costFigures } from "./cost.js";
import type { FigureSpec } from "./figure.js";
import { implFigures } from "./impl.js";
import { renewalFigures } from "./renewal.js";
import { tiersFigures } from "./tiers.js";

const EXTRACTORS: Readonly<Record<string, (data: unknown) => FigureSpec[]>> = {
  cost: costFigures,
  renewal: renewalFigures,
  tiers: tiersFigures,
  impl: implFigures,
};

export function figuresOf(tool: string, data: unknown): FigureSpec[] {
  return EXTRACTORS[tool]?.(data) ?? [];
}
