/**
 * The transport-neutral reply every command returns. Front ends (CLI, console, Slack) only render
 * it: the headline first (the sentence a negotiator says out loud), then tables, then notes and the
 * working behind every figure. `data` is the stable JSON contract documented in the README.
 */
import type { Issue } from "../core/result.js";

export type Align = "left" | "right";

export interface Column {
  readonly header: string;
  readonly align: Align;
}

export interface Table {
  readonly title?: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly string[])[];
}

/** A file that goes with a reply: a DOCX brief, a CSV of named users, a PNG chart. */
export interface ReplyFile {
  readonly name: string;
  readonly mediaType: string;
  readonly content: Uint8Array;
  /** One line saying what the file is, shown next to its path or link. */
  readonly description: string;
  /**
   * Where the user asked for it (the `--out` typed): a file path or a folder. The terminal saves
   * it there (cli/save-plan.ts); Slack uploads it under `name`.
   */
  readonly saveTo?: string;
}

/**
 * What a file reply read (commands/file-analysis/read-summary.ts): rows, people, sessions, dates
 * and zone, the columns used, then every assumption made, each a short sentence.
 */
export interface ReadBlock {
  readonly lines: readonly string[];
  readonly assumed: readonly string[];
}

/** The read block as text lines, the same for every front end: the lines, then `Assumed:` bullets. */
export function readBlockLines(read: ReadBlock | undefined): string[] {
  if (!read) return [];
  const assumed =
    read.assumed.length > 0 ? ["Assumed:", ...read.assumed.map((a) => `  – ${a}`)] : [];
  return [...read.lines, ...assumed];
}

export interface Reply {
  readonly command: string;
  /** One sentence, the answer said out loud. */
  readonly headline: string;
  /** A file reply's "what I read" block, shown right after the headline. */
  readonly read?: ReadBlock;
  readonly tables: readonly Table[];
  /**
   * Text to paste, shown after the tables: a clause, an e-mail, a brief. Plain text, paragraphs
   * separated by blank lines; each front end escapes it for its own format.
   */
  readonly body?: string;
  /** Assumptions made, warnings and flags, each a short sentence. */
  readonly notes: readonly string[];
  /** The arithmetic behind each figure, one line per step ("Show working"). */
  readonly working: readonly string[];
  /** Follow-up commands worth trying next. */
  readonly next: readonly string[];
  /** Stable machine-readable output (the `--json` contract). */
  readonly data: Readonly<Record<string, unknown>>;
  /** Files the front end saves (console, CLI) or uploads (Slack). */
  readonly files?: readonly ReplyFile[];
}

export type CommandOutcome =
  | { readonly ok: true; readonly reply: Reply }
  | {
      readonly ok: false;
      readonly command: string;
      readonly issues: readonly Issue[];
      /** A correct example, so the error shows what to type instead. */
      readonly usage: string;
    };

export function replied(reply: Reply): CommandOutcome {
  return { ok: true, reply };
}

export function rejected(command: string, issues: readonly Issue[], usage: string): CommandOutcome {
  return { ok: false, command, issues, usage };
}

export function column(header: string, align: Align = "left"): Column {
  return { header, align };
}
