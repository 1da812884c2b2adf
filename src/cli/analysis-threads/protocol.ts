/**
 * What the Slack server and an analysis thread say to each other. Functions don't cross threads,
 * so a request carries data only (the file's bytes, the channel's deal, the default currency and
 * "now") and the thread builds its own command context from it; the outcome comes back by
 * structured clone (plain objects, arrays and Uint8Array files all survive it).
 */
import type { CommandContext, DealRates } from "../../commands/context.js";
import type { CommandOutcome } from "../../commands/reply.js";
import type { CurrencyCode } from "../../core/money.js";
import type { SolveMip } from "../../core/split/solver.js";

export interface AnalysisRequest {
  /** A file to analyse by its kind (Slack's upload). */
  readonly kind: "file";
  /** Unique within the pool: every message back names it. */
  readonly id: number;
  readonly name: string;
  /** Its own ArrayBuffer, transferred (not copied) to the thread. */
  readonly bytes: Uint8Array;
  readonly defaultCurrency: CurrencyCode;
  readonly deal?: DealRates;
  /** The caller's clock when it asked, epoch ms: right-sizing counts days up to it. */
  readonly nowMs: number;
  /** The day/month order the user gave (`dates dd/mm` in Slack), when the file can't tell. */
  readonly dateFormat?: "dd/mm" | "mm/dd";
}

/**
 * A whole command line, run as typed in the console: its paths are read from this machine's disk
 * in the thread. Only the console sends one; Slack's requests carry the file's bytes instead.
 */
export interface CommandRequest {
  readonly kind: "command";
  readonly id: number;
  readonly line: string;
  readonly defaultCurrency: CurrencyCode;
  readonly deal?: DealRates;
  readonly nowMs: number;
  /** The largest file its paths may name (DEALDESK_MAX_FILE_MB), in bytes. */
  readonly maxFileBytes?: number;
}

export type ThreadRequest = AnalysisRequest | CommandRequest;

export type ThreadMessage =
  | { readonly type: "progress"; readonly id: number; readonly text: string }
  | { readonly type: "done"; readonly id: number; readonly outcome: CommandOutcome }
  /** The analysis threw. `error` is for the log: the error's class and stack frames, no message. */
  | { readonly type: "failed"; readonly id: number; readonly error: string };

/** The command context a thread analyses with, rebuilt from a request and the thread's solver. */
export function threadContext(
  request: ThreadRequest,
  solver: () => Promise<SolveMip>,
): CommandContext {
  return {
    defaultCurrency: request.defaultCurrency,
    ...(request.deal ? { deal: request.deal } : {}),
    ...(request.kind === "command" && request.maxFileBytes !== undefined
      ? { maxFileBytes: request.maxFileBytes }
      : {}),
    solver,
    now: () => new Date(request.nowMs),
  };
}
