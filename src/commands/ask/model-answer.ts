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
 * too slow (the whole answer, retries included, is bounded by OPENAI_TIMEOUT_MS), its response
 * could not be read (or it never gave a final answer, or asked for too many tool calls), or its
 * reply was not figure-free: it wrote a figure itself, cited one no calculator produced, or gave a
 * cited figure another unit, period, currency or meaning.
 */
export type FallbackReason = "endpoint" | "timeout" | "malformed" | "ungrounded";

export type ModelAnswer =
  | {
      readonly ok: true;
      /**
       * The model's reply with every figure rendered by code from a calculator's result: the
       * model's own words carry no numbers at all (src/assistant/figures/).
       */
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
      /**
       * Legacy: figures as the model wrote them. No longer filled — an invented figure is never
       * shown, not even as the reason for a fallback.
       */
      readonly figures?: readonly string[];
      /** For "ungrounded": what was wrong, as codes (`numeral`, `unknown-figure`, `unit-added`…). */
      readonly problems?: readonly string[];
    };
