/**
 * The command context tests run with: what the terminal hands in (the disk for typed paths, the
 * HiGHS solver, the system clock), with no progress shown. Override any part per test.
 */

import { highsOnce } from "../../src/cli/context.js";
import { diskFiles } from "../../src/cli/disk.js";
import type { CommandContext } from "../../src/commands/context.js";
import { currency } from "../../src/core/money.js";

export function testContext(over: Partial<CommandContext> = {}): CommandContext {
  return {
    defaultCurrency: currency("GBP"),
    files: diskFiles,
    solver: highsOnce,
    now: () => new Date(),
    ...over,
  };
}
