/**
 * rowsToSessions over a quote-free CSV's lines, without building its rows: a line whose user is
 * plain (printable ASCII with no capitals or spaces, so it is its own key and spelling) and whose
 * login and logout are plain ISO or `dd/mm/yyyy hh:mm` times in order is read in place; any other line is split into
 * its row and read by the general SessionRowReader, so every answer and every message is the one
 * rowsToSessions gives.
 */

import type { Result } from "../core/result.js";
import { type CsvLines, fieldBounds, type LinesTable } from "./csv-lines.js";
import { type DateContext, plainDayMonthMsAt, plainIsoMsAt } from "./dates.js";
import { resolveDayMonthOrderOf } from "./day-month-order.js";
import type { DayMonthOrder } from "./options.js";
import {
  SessionRowReader,
  type SessionRowsContext,
  type SessionRowsResult,
} from "./rows-to-sessions.js";
import type { SessionCandidates } from "./session-candidates.js";

/** True when text[from, to) is non-empty printable ASCII without capitals: userKey gives it back. */
function plainUser(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c >= 127 || (c >= 65 && c <= 90)) return false;
  }
  return true;
}

/**
 * Candidate user ids of plain user cells found by their place in the text, so the million-row
 * path neither allocates a string per row nor hashes one: an open-addressing table over the
 * cells' characters, each entry checked against its key. Misses ask the candidates, which decide
 * the id, so the ids are the ones the general path gives.
 */
class RangeInterner {
  /** Per slot: the user id (−1 when empty), the hash, and where the user was first met in text. */
  private ids = new Int32Array(1 << 16).fill(-1);
  private hashes = new Int32Array(1 << 16);
  private froms = new Int32Array(1 << 16);
  private lengths = new Int32Array(1 << 16);
  private used = 0;

  constructor(
    private readonly text: string,
    private readonly candidates: SessionCandidates,
  ) {}

  idOf(from: number, to: number): number {
    const { text } = this;
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const mask = this.ids.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const id = this.ids[s] as number;
      if (id < 0) break;
      if (this.hashes[s] === h && this.matches(s, from, to)) return id;
    }
    const key = text.slice(from, to);
    const id = this.candidates.userId(key, key);
    if (2 * (this.used + 1) > this.ids.length) this.grow();
    this.place(h, id, from, to - from);
    return id;
  }

  private matches(slot: number, from: number, to: number): boolean {
    const length = this.lengths[slot] as number;
    if (length !== to - from) return false;
    const { text } = this;
    const first = this.froms[slot] as number;
    for (let i = 0; i < length; i++) {
      if (text.charCodeAt(first + i) !== text.charCodeAt(from + i)) return false;
    }
    return true;
  }

  private grow(): void {
    const { ids, hashes, froms, lengths } = this;
    const size = ids.length * 2;
    this.ids = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(size);
    this.froms = new Int32Array(size);
    this.lengths = new Int32Array(size);
    this.used = 0;
    for (let s = 0; s < ids.length; s++) {
      const id = ids[s] as number;
      if (id >= 0) this.place(hashes[s] as number, id, froms[s] as number, lengths[s] as number);
    }
  }

  private place(h: number, id: number, from: number, length: number): void {
    const mask = this.ids.length - 1;
    let s = h & mask;
    while ((this.ids[s] as number) >= 0) s = (s + 1) & mask;
    this.ids[s] = id;
    this.hashes[s] = h;
    this.froms[s] = from;
    this.lengths[s] = length;
    this.used++;
  }
}

/** A plain ISO or day/month date-time of text[from, to), or NaN (see plainIsoMsAt). */
function plainMsAt(text: string, from: number, to: number, dates: DateContext): number {
  const iso = plainIsoMsAt(text, from, to, dates);
  return Number.isNaN(iso) ? plainDayMonthMsAt(text, from, to, dates) : iso;
}

export function linesToSessions(table: LinesTable, ctx: SessionRowsContext): SessionRowsResult {
  const reader = new SessionRowReader(ctx);
  const { lines } = table;
  const { text } = lines;
  const { user, start, end } = ctx.columns;
  const bounds = new Int32Array(6);
  const users = new RangeInterner(text, reader.candidates);
  for (let k = 0; k < lines.count; k++) {
    if (
      user !== undefined &&
      start !== undefined &&
      end !== undefined &&
      fieldBounds(lines, k, user, bounds, 0) &&
      fieldBounds(lines, k, start, bounds, 2) &&
      fieldBounds(lines, k, end, bounds, 4)
    ) {
      const userFrom = bounds[0] as number;
      const userTo = bounds[1] as number;
      const startMs = plainMsAt(text, bounds[2] as number, bounds[3] as number, ctx.dates);
      const endMs = plainMsAt(text, bounds[4] as number, bounds[5] as number, ctx.dates);
      if (
        !Number.isNaN(startMs) &&
        !Number.isNaN(endMs) &&
        endMs >= startMs &&
        plainUser(text, userFrom, userTo)
      ) {
        const id = users.idOf(userFrom, userTo);
        reader.candidates.addById(lines.rowNumbers[k] as number, id, startMs, endMs, false);
        continue;
      }
    }
    reader.add(table.row(k));
  }
  return reader.result();
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isSeparator = (c: number) => c === 47 || c === 46 || c === 45;

/**
 * The leading `a/b/` pair of text[from, to) as leadingPair reads the sliced cell (a × 100 + b,
 * or -1: one or two digits, a separator, one or two digits, a separator, then four digits and no
 * fifth), read in place.
 */
function leadingPairAt(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && text.charCodeAt(i) === 32) i++;
  let a = 0;
  const aStart = i;
  while (i < to && isDigit(text.charCodeAt(i)) && i - aStart < 3) {
    a = a * 10 + text.charCodeAt(i++) - 48;
  }
  if (i === aStart || i - aStart > 2 || i >= to || !isSeparator(text.charCodeAt(i))) return -1;
  const bStart = ++i;
  let b = 0;
  while (i < to && isDigit(text.charCodeAt(i)) && i - bStart < 3) {
    b = b * 10 + text.charCodeAt(i++) - 48;
  }
  if (i === bStart || i - bStart > 2 || i >= to || !isSeparator(text.charCodeAt(i))) return -1;
  const yStart = ++i;
  while (i < to && isDigit(text.charCodeAt(i))) i++;
  return i - yStart === 4 ? a * 100 + b : -1;
}

/**
 * resolveDayMonthOrder over the lines, slicing only the first cell of each leading pair: the
 * order is decided by the pairs alone (the first cell of each kind is the one quoted), so a
 * later cell with a pair already seen changes nothing and a million-row log slices a few
 * hundred cells instead of two million.
 */
export function linesDayMonthOrder(
  lines: CsvLines,
  dateColumns: readonly number[],
  given: DayMonthOrder | undefined,
): Result<DayMonthOrder | undefined> {
  const { text } = lines;
  const bounds = new Int32Array(2);
  const seen = new Uint8Array(100 * 100);
  return resolveDayMonthOrderOf((visit) => {
    for (let k = 0; k < lines.count; k++) {
      for (const column of dateColumns) {
        if (!fieldBounds(lines, k, column, bounds, 0)) continue;
        const pair = leadingPairAt(text, bounds[0] as number, bounds[1] as number);
        if (pair < 0 || seen[pair] === 1) continue;
        seen[pair] = 1;
        visit(lines.rowNumbers[k] as number, text.slice(bounds[0], bounds[1]));
      }
    }
  }, given);
}
