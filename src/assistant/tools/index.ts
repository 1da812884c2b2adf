/** Every tool the model may call: one per calculator, and knowledge search. */
import { costTool } from "./cost.js";
import { implTool } from "./impl.js";
import { renewalTool } from "./renewal.js";
import { searchTool } from "./search.js";
import { tiersTool } from "./tiers.js";
import type { ModelTool } from "./tool.js";

export const modelTools: readonly ModelTool[] = [
  costTool,
  tiersTool,
  renewalTool,
  implTool,
  searchTool,
];

export function findTool(name: string): ModelTool | undefined {
  return modelTools.find((t) => t.name === name);
}
