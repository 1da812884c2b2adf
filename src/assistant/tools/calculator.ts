/**
 * A calculator as a tool: the model's validated arguments become the command's own text grammar
 * (so the command text is shown to the user and can be typed again), the calculator runs locally,
 * and the model gets the headline, notes, working and data — aggregates computed by code — plus
 * the named figures it may cite in its answer.
 */
import type { z } from "zod";
import type { SyncCommand } from "../../commands/command.js";
import { figuresOf } from "../figures/catalog.js";
import { defineTool, type ModelTool, toolContent } from "./tool.js";

export interface CalculatorToolSpec<Args> {
  readonly command: SyncCommand;
  readonly description: string;
  readonly schema: z.ZodType<Args>;
  /** The text after the command word, e.g. `150 named @ 70 vs 500 named @ 100 --years 3`. */
  toText(args: Args): string;
}

export function calculatorTool<Args>(spec: CalculatorToolSpec<Args>): ModelTool {
  const name = spec.command.name;
  return defineTool({
    name,
    description: spec.description,
    schema: spec.schema,
    run(args, ctx) {
      const text = spec.toText(args).trim();
      const command = `${name} ${text}`;
      const outcome = spec.command.run(text, ctx);
      if (!outcome.ok) {
        return {
          content: toolContent({ ok: false, command, issues: outcome.issues }),
        };
      }
      const { headline, notes, working, data } = outcome.reply;
      return {
        content: toolContent({ ok: true, command, headline, notes, working, data }),
        calculation: { tool: name, command, reply: outcome.reply },
        figures: figuresOf(name, data),
      };
    },
  });
}
