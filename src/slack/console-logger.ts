/** Bolt's logger shape over the console, honouring the level it is set to. */
import { type Logger, LogLevel } from "@slack/bolt";

const ORDER: readonly LogLevel[] = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

export function consoleLogger(initial: LogLevel = LogLevel.INFO): Logger {
  let level = initial;
  let name = "dealdesk";
  const on = (l: LogLevel) => ORDER.indexOf(l) >= ORDER.indexOf(level);
  return {
    debug: (...m: unknown[]) => (on(LogLevel.DEBUG) ? console.debug(`[${name}]`, ...m) : undefined),
    info: (...m: unknown[]) => (on(LogLevel.INFO) ? console.info(`[${name}]`, ...m) : undefined),
    warn: (...m: unknown[]) => (on(LogLevel.WARN) ? console.warn(`[${name}]`, ...m) : undefined),
    error: (...m: unknown[]) => console.error(`[${name}]`, ...m),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n: string) => {
      name = n;
    },
  };
}
