/**
 * How wide the terminal is, for fitting tables and wrapping prose. A terminal says its width;
 * piped output (a file, `less`, a CI log) has none, so it gets the width nearly every terminal
 * opens at.
 */

export const DEFAULT_TERMINAL_WIDTH = 80;

/** The part of a Node stream that tells its size: `process.stdout` and `process.stderr`. */
export interface SizedStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export function terminalWidth(stream: SizedStream): number {
  const { columns } = stream;
  const known = stream.isTTY === true && typeof columns === "number" && columns > 0;
  return known ? Math.floor(columns) : DEFAULT_TERMINAL_WIDTH;
}

/**
 * The widths a one-shot command writes at. Errors wrap only when a person reads stderr: piped,
 * each problem stays on one line, so a script or a log search sees one problem per line.
 */
export interface TerminalWidths {
  readonly reply: number;
  readonly errors?: number;
}

export function terminalWidths(stdout: SizedStream, stderr: SizedStream): TerminalWidths {
  return {
    reply: terminalWidth(stdout),
    ...(stderr.isTTY === true ? { errors: terminalWidth(stderr) } : {}),
  };
}
