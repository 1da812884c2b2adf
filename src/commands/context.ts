/**
 * The ports a front end hands the command layer (Hono's `c.env`): everything that is I/O or the
 * runtime — files named by path, progress, the solver, the clock — arrives here, so commands/
 * never reaches for the disk, stderr or the system clock itself.
 */
import type { CurrencyCode, Money } from "../core/money.js";
import type { OfferLedger, OfferPosition, OfferRound } from "../core/offer-terms.js";
import type { SolveMip } from "../core/split/solver.js";
import type { ModelAnswer } from "./ask/model-answer.js";
import type { ChannelReminders } from "./reminders/listing.js";

/** The channel's deal rates, when a front end knows them (Slack: `/deal set …`). */
export interface DealRates {
  readonly currency: CurrencyCode;
  /** Per user per month. */
  readonly namedRate?: Money;
  /** Per pool seat per month. */
  readonly concurrentRate?: Money;
}

/** A file to analyse: shared in Slack, or read from a path typed in the CLI or the console. */
export interface UploadedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** How a command names the file (the path typed on the CLI); the name when uploaded. */
  readonly ref?: string;
}

/** Why a typed path could not be read; commands word it for the user. */
export type FileReadFailure =
  | { readonly reason: "not_found" }
  | { readonly reason: "is_directory" }
  | { readonly reason: "too_large"; readonly bytes: number }
  | { readonly reason: "not_allowed" }
  | { readonly reason: "unreadable"; readonly code?: string };

export type FileRead =
  | { readonly ok: true; readonly file: UploadedFile }
  | { readonly ok: false; readonly failure: FileReadFailure };

/** Reads a path typed with a command. Only the CLI and the console hand one in. */
export interface FileSource {
  /** Refuses (too_large) a file over `maxBytes` before reading it. */
  read(path: string, maxBytes: number): Promise<FileRead>;
}

/** Reports a stage of long work: a line on a terminal's stderr, an updated message in Slack. */
export type Progress = (text: string) => Promise<void>;

export interface QuestionAnswerer {
  readonly model: string;
  /** Never throws: every failure is a fallback the caller answers deterministically. */
  answer(question: string, ctx: CommandContext): Promise<ModelAnswer>;
}

/**
 * A channel's offer history (`offer`, `history`), kept by the front end: the store in Slack, the
 * console's own database in the terminal (src/store/offers.ts implements it). Failures of the
 * database throw, as the store's do; the command layer words only what the user typed wrong.
 */
export interface OfferBook {
  /** Where the rounds are kept, for the reply: "this channel", "the embedded database in …". */
  readonly keptIn: string;
  ledger(): Promise<OfferLedger>;
  /** Records the next round; the book numbers it. */
  addRound(round: Omit<OfferRound, "round">): Promise<OfferRound>;
  /** Replaces our target or walk-away. */
  setPosition(kind: "target" | "walk-away", position: OfferPosition): Promise<OfferPosition>;
}

/** What every command may rely on besides its own text. Front ends build it from config. */
export interface CommandContext {
  /** Used when the text names no currency; the reply always says it was assumed. */
  readonly defaultCurrency: CurrencyCode;
  /** The channel's stored deal, so a file dropped in a channel can be priced without asking. */
  readonly deal?: DealRates;
  /**
   * Answers `ask` with a model that calls the calculators as tools (src/assistant/, set when
   * OPENAI_API_KEY is). Absent, `ask` answers from the knowledge base alone.
   */
  readonly answerer?: QuestionAnswerer;
  /**
   * Reads a path typed with a command. Absent (Slack), a typed path is answered "share the file
   * in the channel instead" and nothing is read from the server's disk.
   */
  readonly files?: FileSource;
  /** Largest file read from a typed path, in bytes (DEALDESK_MAX_FILE_MB); default 400 MiB. */
  readonly maxFileBytes?: number;
  /**
   * The front end shows only the reply's data (`--json`): files it would not show, such as
   * charts, are not made (drawing them was a fifth of a million-row analysis).
   */
  readonly dataOnly?: boolean;
  /** Stages of a file analysis; absent, they are not shown. */
  readonly progress?: Progress;
  /** The MIP solver for the split (the HiGHS adapter), loaded on first use. */
  readonly solver: () => Promise<SolveMip>;
  readonly now: () => Date;
  /**
   * Aborted when the user gives up on this command (Ctrl-C in the console). Long work that can
   * stop early (the analysis threads) stops; a front end drops whatever answer still arrives.
   */
  readonly signal?: AbortSignal;
  /**
   * The `data` of the channel's newest split or rightsize (its reply's, or the saved analysis's
   * outputs), for `compare` to price quotes on measured usage. Absent outside a channel.
   */
  readonly lastAnalysis?: () => Promise<unknown>;
  /**
   * The channel's renewal reminders (the Slack app, from its store). Absent (console, CLI),
   * `reminders` only lists what a typed renewal date would schedule.
   */
  readonly reminders?: ChannelReminders;
  /** The channel's offer history; absent (no database), `offer` records nothing and says so. */
  readonly offers?: OfferBook;
}
