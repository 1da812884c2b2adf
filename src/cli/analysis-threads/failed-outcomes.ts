/** What the uploader is told when the pool, not the analysis, is why a file has no answer. */
import type { CommandOutcome } from "../../commands/reply.js";

type Failed = Extract<CommandOutcome, { ok: false }>;

function failed(code: string, message: string, hint: string): Failed {
  return { ok: false, command: "upload", issues: [{ code, message, hint }], usage: "help" };
}

/** The analysis threw, or its thread died (crash, out of memory): logged by thread id. */
export function analysisFailed(name: string): Failed {
  return failed(
    "upload.analysis_failed",
    `I couldn't finish analysing ${name} because something went wrong inside dealdesk (the details are in its log)`,
    "share the file again to retry",
  );
}

/** The analysis ran past the pool's time limit; its thread was stopped. */
export function tookTooLong(name: string, limitMs: number): Failed {
  const minutes = Math.round(limitMs / 60_000);
  const limit = minutes >= 1 ? `${minutes} minute${minutes === 1 ? "" : "s"}` : `${limitMs} ms`;
  return failed(
    "upload.too_long",
    `I stopped analysing ${name} after ${limit}, which is longer than any file should take`,
    "share a shorter period, or fewer people, and I'll try again",
  );
}

/** The pool is closed: dealdesk is stopping. */
export function shuttingDown(name: string): Failed {
  return failed(
    "upload.shutting_down",
    `dealdesk is restarting, so I didn't analyse ${name}`,
    "share it again in a minute",
  );
}

/**
 * The user gave up on the analysis (Ctrl-C in the console): its thread was stopped. The console
 * says "Cancelled." itself and drops this outcome; it exists so the pool's promise still settles.
 */
export function cancelled(name: string): Failed {
  return failed(
    "upload.cancelled",
    `You cancelled the analysis of ${name}, so it was stopped before it finished`,
    "run the command again when you want the answer",
  );
}
