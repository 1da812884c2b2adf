/**
 * Which stretches of the text the reader has understood. Every pattern claims the span it read, so
 * one number is never read twice, and whatever digits are left unclaimed at the end are named to
 * the user as not used — the "nothing silently dropped" rule for prose.
 */
import { NUMBER_WORDS_PATTERN } from "../../core/number-words.js";

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Unused {
  readonly text: string;
  /** Why it was left out, in the user's words: "not understood", "a phone number". */
  readonly why: string;
}

export class Claims {
  private readonly spans: Span[] = [];

  isFree(start: number, end: number): boolean {
    return this.spans.every((s) => end <= s.start || start >= s.end);
  }

  claim(start: number, end: number): void {
    this.spans.push({ start, end });
  }

  covers(start: number, end: number): boolean {
    return this.spans.some((s) => start >= s.start && end <= s.end);
  }
}

/**
 * Each pattern match that overlaps nothing already claimed, in text order; claims it before the
 * callback reads it. `match.index` is always set for matchAll results.
 */
export function eachFree(
  text: string,
  pattern: RegExp,
  claims: Claims,
  read: (m: RegExpMatchArray) => unknown,
): void {
  for (const m of text.matchAll(pattern)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (m[0].trim() === "" || !claims.isFree(start, end)) continue;
    // A callback returns false when the match turned out not to be what the pattern hoped.
    if (read(m) !== false) claims.claim(start, end);
  }
}

/** Words a number sits between, so "I did not use: 14" says which 14. */
function context(text: string, start: number, end: number): string {
  const before = text.slice(0, start).split(/\s+/).filter(Boolean).slice(-2).join(" ");
  const after = text.slice(end).split(/\s+/).filter(Boolean).slice(0, 2).join(" ");
  return `${before} ${text.slice(start, end)} ${after}`.replace(/\s+/g, " ").trim();
}

const MENTION = new RegExp(
  String.raw`\d+(?:[.,]\d+)*\s?(?:%|k\b|m\b)?|${NUMBER_WORDS_PATTERN}`,
  "giu",
);

/** Every number the patterns did not claim, with the words around it. */
export function unclaimedNumbers(text: string, claims: Claims): Unused[] {
  const out: Unused[] = [];
  for (const m of text.matchAll(MENTION)) {
    const start = m.index ?? 0;
    const raw = m[0].trimEnd();
    const end = start + raw.length;
    // A lone "one" is prose ("one-off", "no one", "one of our"), not a figure; "one year" is
    // still read, because the term pattern claims it first.
    if (/^(?:one|zero)$/i.test(raw) || claims.covers(start, end)) continue;
    const partOfName = /[\p{L}]/u.test(text[start - 1] ?? "") || /[\p{L}]/u.test(text[end] ?? "");
    out.push({
      text: raw,
      why: partOfName
        ? `part of a name or code, in "${context(text, start, end)}"`
        : `not understood, in "${context(text, start, end)}"`,
    });
  }
  return out;
}
