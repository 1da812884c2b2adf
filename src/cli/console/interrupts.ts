/**
 * What Ctrl-C means in the console. While a command runs it cancels THAT command: its signal is
 * aborted and the console goes back to the prompt, the chat still open. At the prompt it follows
 * the shells: with something typed, the line is dropped; on an empty line the first press says
 * how to leave and a second press in a row leaves (any line typed in between starts over).
 */

export type Press =
  /** A command was running: it is cancelled. */
  | "cancelled"
  /** A half-typed line is dropped. */
  | "line-dropped"
  /** First press at an empty prompt: say how to leave. */
  | "hint"
  /** Second press in a row at an empty prompt. */
  | "leave";

export const LEAVE_HINT = "(To leave, press Ctrl-C again or type quit.)";
export const CANCELLED = "Cancelled.";

export class Interrupts {
  private running: AbortController | undefined;
  private armed = false;

  /** A command starts: the signal Ctrl-C aborts. */
  start(): AbortSignal {
    this.armed = false;
    this.running = new AbortController();
    return this.running.signal;
  }

  /** The command is over (answered or cancelled): Ctrl-C is the prompt's again. */
  finish(): void {
    this.running = undefined;
  }

  /** A line was entered: a Ctrl-C before it no longer counts towards leaving. */
  typed(): void {
    this.armed = false;
  }

  press(lineSoFar: string): Press {
    if (this.running) {
      this.running.abort();
      this.running = undefined;
      return "cancelled";
    }
    if (lineSoFar !== "") {
      this.armed = false;
      return "line-dropped";
    }
    if (this.armed) return "leave";
    this.armed = true;
    return "hint";
  }
}

/** The work's result, or "cancelled" as soon as the signal is aborted (whichever comes first). */
export function untilCancelled<T>(
  work: Promise<T>,
  signal: AbortSignal,
): Promise<{ readonly cancelled: false; readonly value: T } | { readonly cancelled: true }> {
  if (signal.aborted) return Promise.resolve({ cancelled: true });
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve({ cancelled: true });
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve({ cancelled: false, value });
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
