/**
 * The console's line history, kept in the data folder (`data/console-history` by default) so the
 * arrow keys bring back yesterday's commands too. One line per entry, newest last, at most
 * HISTORY_LIMIT kept; the file is created readable by its owner only (0600).
 *
 * What is NOT kept: a line that looks like it carries a secret (an API key or token, a password)
 * or an e-mail address. No command takes a secret today, but a pasted token must never land on
 * disk; and e-mail addresses in a line (`--force-named a@x.com`) are roster personal data, which
 * stays out of anything dealdesk writes for itself. Such a line still works; it is just not
 * remembered.
 *
 * Saving history is a convenience: a folder that cannot be written is reported once, as data,
 * and the console carries on without it.
 */
import { appendFileSync, chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export const HISTORY_LIMIT = 1000;
export const HISTORY_FILE_NAME = "console-history";

/** Secret-looking words and token shapes (Slack xox…/xapp-, OpenAI sk-…, bearer headers). */
const SECRET =
  /(?:token|secret|password|passwd|api[-_]?key|bearer\s)|\bxox[a-z]-|\bxapp-|\bsk-[\w-]{8,}/i;
const EMAIL = /[^\s@,;"']+@[^\s@,;"']+\.[a-z]{2,}/i;

/** Whether a typed line may be written to the history file (see the file comment for why not). */
export function keepsInHistory(line: string): boolean {
  return line.trim() !== "" && !SECRET.test(line) && !EMAIL.test(line);
}

export interface History {
  /** Loaded lines, newest FIRST: the order node:readline's `history` option takes. */
  readonly newestFirst: readonly string[];
  /** Appends a line the user entered (unless it must not be kept, or repeats the last one). */
  add(line: string): void;
  /** Why the history could not be read or saved, once, for the console to say. */
  readonly problem: () => string | undefined;
}

function errorCode(error: unknown): string {
  return typeof error === "object" && error !== null && "code" in error
    ? String((error as { code: unknown }).code)
    : "unknown error";
}

/** Opens (and trims to HISTORY_LIMIT) the history at `path`; missing, it starts empty. */
export function openHistory(path: string, limit = HISTORY_LIMIT): History {
  let problem: string | undefined;
  let broken = false;
  const fail = (what: string, error: unknown) => {
    broken = true;
    problem ??= `Console history is not saved (${what} ${path}: ${errorCode(error)}).`;
  };
  let lines: string[] = [];
  try {
    lines = readFileSync(path, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "");
    // Tighten a file made before 0600 (or by hand): it holds what the user typed.
    chmodSync(path, 0o600);
    if (lines.length > limit) {
      lines = lines.slice(-limit);
      writeFileSync(path, `${lines.join("\n")}\n`, { mode: 0o600 });
    }
  } catch (error) {
    if (errorCode(error) !== "ENOENT") fail("could not read", error);
  }
  let last = lines[lines.length - 1];
  return {
    newestFirst: [...lines].reverse(),
    add(raw: string) {
      const line = raw.trim();
      if (broken || line === last || !keepsInHistory(line)) return;
      try {
        mkdirSync(dirname(path), { recursive: true });
        appendFileSync(path, `${line}\n`, { mode: 0o600 });
        last = line;
      } catch (error) {
        fail("could not write", error);
      }
    },
    problem: () => problem,
  };
}
