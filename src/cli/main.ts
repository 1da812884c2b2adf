#!/usr/bin/env node
/**
 * The `dealdesk` executable. With a command, answers it once (`dealdesk cost "…" --json`); with
 * none, starts the Slack app when SLACK_BOT_TOKEN is set, else opens the console chat (the
 * embedded default). `db` and `forget` administer the store.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import type { CommandContext } from "../commands/context.js";
import { type Config, parseConfig } from "../config.js";
import { slackRequested } from "../slack/config.js";
import { parseCliArgs } from "./args.js";
import { serverContext, terminalContext } from "./context.js";
import { terminalOfferBook } from "./offer-book.js";
import { DEFAULT_OUT_DIR } from "./save-files.js";

async function main(): Promise<number> {
  const args = parseCliArgs(process.argv.slice(2));
  if (args.version) {
    const pkg = createRequire(import.meta.url)("../../package.json") as { version: string };
    process.stdout.write(`dealdesk ${pkg.version}\n`);
    return 0;
  }
  const config = parseConfig(process.env);
  if (!config.ok) {
    process.stderr.write(`dealdesk: ${config.message}\n`);
    return 2;
  }
  // The openai package loads only when a model is configured: start-up stays fast without one.
  const answerer = config.config.openai
    ? (await import("../assistant/answerer.js")).createAnswerer(config.config)
    : undefined;
  // Slack gets no disk: a path typed in chat is never read from this machine.
  const ctx = {
    ...serverContext(config.config.defaultCurrency, answerer),
    maxFileBytes: config.config.maxFileBytes,
  };
  if (args.rest.length === 0 && !args.help && slackRequested(process.env)) {
    // Each front end loads only when chosen: the Slack app brings Bolt, pg and pg-boss, which a
    // one-shot command or the console never needs, so a typed calculation starts fast.
    const { serveSlack } = await import("./serve-slack.js");
    return serveSlack(process.env, config.config, ctx, (line) => process.stderr.write(`${line}\n`));
  }
  // The terminal's offer history (`offer`, `history`): its own database, opened on first use.
  const offers = terminalOfferBook(config.config, () => new Date());
  try {
    return await runTerminal(args, config.config, { ...ctx, offers });
  } finally {
    await offers.close();
  }
}

/** The console chat, a one-shot command, or `db` / `forget`: everything but the Slack app. */
async function runTerminal(
  args: ReturnType<typeof parseCliArgs>,
  config: Config,
  ctx: CommandContext,
): Promise<number> {
  if (args.rest.length === 0 && !args.help) {
    const { runConsole } = await import("./console.js");
    const { HISTORY_FILE_NAME } = await import("./console/history.js");
    const interactive = process.stdin.isTTY === true;
    // On a terminal, file analyses run in a thread, so Ctrl-C can stop one mid-solve.
    const threads = interactive
      ? (await import("./analysis-threads/pool.js")).openAnalysisPool({ threads: 1 })
      : undefined;
    await runConsole(
      {
        input: process.stdin,
        output: process.stdout,
        interactive,
        outDir: DEFAULT_OUT_DIR,
        historyFile: join(config.dataDir, HISTORY_FILE_NAME),
        ...(threads ? { fileAnalyses: threads.run } : {}),
      },
      terminalContext(ctx),
    );
    await threads?.close();
    return 0;
  }
  // Administration of the store is shell-only; everything else is the chat grammar.
  const adminWord = args.rest[0];
  const out =
    adminWord === "db" || adminWord === "forget"
      ? await (await import("./db.js")).runDbCli(args.rest, config)
      : await (await import("./one-shot.js")).runOneShot(
          args,
          terminalContext(ctx),
          DEFAULT_OUT_DIR,
        );
  process.stdout.write(out.stdout);
  process.stderr.write(out.stderr);
  return out.exitCode;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Internal failures: a short line for the user; the stack only when asked for, never secrets.
    process.stderr.write(`dealdesk: something went wrong inside dealdesk (${String(error)})\n`);
    if (process.env.DEALDESK_DEBUG) console.error(error);
    process.exitCode = 1;
  },
);
