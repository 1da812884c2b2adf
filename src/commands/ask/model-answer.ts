/**
 * What a model answerer gives `ask` back. Declared by its consumer (the command layer); the
 * optional model in src/assistant/ implements it, so the deterministic path never loads `openai`.
 */
import type { Source } from "../../knowledge/answer.js";
import type { Reply } from "../reply.js";

/** A calculator the model ran through a tool: the command text (typeable as is) and its reply. */
export interface Calculation {
  readonly tool: string;
  readonly command: string;
  readonly reply: Reply;
}

/**
 * Why the model's answer was not used: the endpoint failed (HTTP error, connection refused), it was
 * too slow, its response could not be read (or it never gave a final answer), or its reply quoted
 * figures that no tool result or the question holds.
 */
export type FallbackReason = "endpoint" | "timeout" | "malformed" | "ungrounded";

export type ModelAnswer =
  | {
      readonly ok: true;
      /** The model's reply, every figure in it grounded. */
      readonly text: string;
      readonly model: string;
      /** Articles returned by knowledge searches the model made. */
      readonly sources: readonly Source[];
      readonly calculations: readonly Calculation[];
    }
  | {
      readonly ok: false;
      readonly reason: FallbackReason;
      /** One short phrase for the user, e.g. "the model endpoint answered HTTP 500". */
      readonly detail: string;
      /** For "ungrounded": the figures, as the model wrote them, that nothing supports. */
      readonly figures?: readonly string[];
    };
