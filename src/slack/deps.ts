/**
 * What the handlers are given (bolt-ts starter style: handlers get their dependencies as
 * arguments, so tests and main.ts can swap any of them).
 */
import type { Logger } from "@slack/bolt";
import type { CommandContext, Progress, UploadedFile } from "../commands/context.js";
import type { ChannelDeal } from "../commands/deal/set.js";
import type { FileRequest } from "../commands/file-analysis/request.js";
import type { CommandOutcome } from "../commands/reply.js";
import type { JobQueue } from "../store/jobs.js";
import type { Store } from "../store/store.js";
import type { ActionBinder } from "./action-state/binder.js";
import type { DealContextStore, DealScope } from "./deal-context.js";
import type { SlackMemory } from "./memory.js";

/** The context a command or analysis gets in Slack: the channel's deal rides along. */
export interface SlackCommandContext extends CommandContext {
  readonly scope: DealScope;
  readonly userId: string;
  readonly deal?: ChannelDeal;
  /**
   * The channel's deal could not be read (the store was unavailable): the answer uses only what
   * was typed or shared, and says so (src/slack/answering/unread-deal.ts).
   */
  readonly dealUnread?: true;
}

export type { Progress, UploadedFile };

/** Analyses a roster, session log or event log; progress updates the file's thread in place. */
export type AnalyseUpload = (
  file: UploadedFile,
  ctx: SlackCommandContext,
  progress: Progress,
  /** How to read the file, when the user said (`dates dd/mm` after the day/month question). */
  request?: FileRequest,
) => Promise<CommandOutcome>;

/** The command layer's entry point (src/commands/dispatch.ts), injectable for tests. */
export type Dispatch = (text: string, ctx: CommandContext) => Promise<CommandOutcome>;

export interface FilePolicy {
  /** Bot token used only for downloads from the allowed hosts. Secret. */
  readonly botToken: string;
  /** Hosts (with an optional port) files may be downloaded from. */
  readonly allowedHosts: readonly string[];
  readonly maxBytes: number;
  /** Time limit of one download, headers and body, ms (default 60 s: uploads/download.ts). */
  readonly downloadTimeoutMs?: number;
}

export interface SlackDeps {
  /** Context of commands in channels without a deal (the configured default currency). */
  readonly baseContext: CommandContext;
  readonly deals: DealContextStore;
  readonly memory: SlackMemory;
  readonly dispatch: Dispatch;
  /** Whether a command word exists (buttons for draft/brief check before running them). */
  readonly hasCommand: (word: string) => boolean;
  readonly analyseUpload: AnalyseUpload;
  readonly files: FilePolicy;
  readonly logger: Logger;
  /**
   * The database (PostgreSQL or PGlite) when configured: uploads, analyses and `forget` use it.
   * Absent, dealdesk keeps only its bounded in-memory memory and stores nothing.
   */
  readonly store?: Store;
  /**
   * The job queue for file analyses (pg-boss on a PostgreSQL server, in-process on PGlite): a
   * shared file is then analysed by whichever replica takes the job. Absent, it runs inline.
   */
  readonly jobs?: JobQueue;
  /** The calculators' version saved with each analysis (package.json's version). */
  readonly calculatorVersion: string;
  /** The clock for stored records' timestamps. */
  readonly now: () => Date;
  /** Time limit of each Web API request, ms (default 15 s: app.ts). */
  readonly webApiTimeoutMs?: number;
  /** Seals what buttons and forms carry back, and opens it on a click (src/slack/action-state/). */
  readonly binder: ActionBinder;
}
