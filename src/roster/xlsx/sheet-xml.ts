/**
 * A sheet part's XML (`xl/worksheets/sheetN.xml`) → rows of cell values, as it inflates. Only the
 * `<sheetData>` grammar is read: `<row r>` holding `<c r s t>` with `<v>`, `<f>` and `<is>`.
 * Values take the shapes exceljs gives (a shared string, a `{ formula, result }`, `{ error }`, a
 * Date for a date-formatted number), so xlsx/cell-value.ts reads both alike.
 *
 * Written for speed and for what exceljs's streaming sheet reader gets wrong: it was most of the
 * time of a large read (a general XML parser and a Row and Cell object per value); it loses a
 * formula's error result and reads ISO dates (`t="d"`) as numbers; it fails on rows or cells
 * written without their `r` reference (allowed by the format) and on prefixed element names
 * (`<x:row>`, as some .NET writers produce). Those are all read here.
 */

/** A streamed row: its sheet row number and its cells by column (1-based). */
export interface StreamedRow {
  readonly number: number;
  eachCell(
    options: { includeEmpty: boolean },
    visit: (cell: StreamedCell, column: number) => void,
  ): void;
}
export interface StreamedCell {
  readonly value: unknown;
  readonly numFmt: string | undefined;
  readonly address: string;
}

export interface SheetContext {
  /** Shared strings, as exceljs caches them: text, or `{ richText }`. */
  readonly sharedStrings: readonly unknown[];
  /** The number format of cell style `s`. */
  formatOf(style: number): string | undefined;
  readonly date1904: boolean;
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (_, hex: string, dec: string, name: string) => {
    if (name !== undefined) return NAMED[name] ?? "";
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

/** Element names may carry a namespace prefix: `<x:c>`. */
const P = "(?:[A-Za-z_][\\w.-]*:)?";
const ROW_START = new RegExp(`<(${P}row)(?=[\\s/>])`, "g");
const CELL = new RegExp(`<(${P}c)(?=[\\s/>])([^>]*?)(/?)>`, "g");
const V = new RegExp(`<${P}v(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${P}v>)`);
const F = new RegExp(`<${P}f(?:\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${P}f>)`);
const IS = new RegExp(`<${P}is(?:\\s[^>]*)?>([\\s\\S]*?)</${P}is>`);
const T = new RegExp(`<${P}t(?:\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${P}t>)`, "g");
const PHONETIC = new RegExp(`<${P}rPh[\\s>][\\s\\S]*?</${P}rPh>`, "g");
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r";
}

/**
 * One attribute of a start tag's text (` r="A2" s="1" t="s"`). Scanned for `name="` first, as
 * every writer spells it: this runs for every cell, and a regex and a map per cell were most of
 * the read's time. `name = 'x'` with spaces falls back to the general pattern.
 */
function attr(text: string, key: AttributeKey): string | undefined {
  for (let i = text.indexOf(key); i !== -1; i = text.indexOf(key, i + 1)) {
    if (i > 0 && !isSpace(text[i - 1])) continue;
    const quote = text[i + key.length];
    if (quote !== '"' && quote !== "'") break;
    const end = text.indexOf(quote, i + key.length + 1);
    return end === -1 ? undefined : text.slice(i + key.length + 1, end);
  }
  const name = key.slice(0, -1);
  if (!text.includes(name)) return undefined;
  for (const m of text.matchAll(ATTRIBUTE)) if (m[1] === name) return m[2] ?? m[3] ?? "";
  return undefined;
}

/** The attributes read, spelled as they are searched for. */
type AttributeKey = "r=" | "s=" | "t=";

/** `B12` → column 2; undefined for anything that is not a cell reference. */
function columnOf(ref: string): number | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return i === 0 ? undefined : col;
}

function columnLetters(col: number): string {
  let out = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  }
  return out;
}

/** The same test exceljs makes for a date format (`utils.isDateFmt`). */
const dateFormats = new Map<string, boolean>();
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  let known = dateFormats.get(format);
  if (known === undefined) {
    known = /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
    dateFormats.set(format, known);
  }
  return known;
}

function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** An ISO date cell (`t="d"`), read as the wall-clock time written, like a date serial. */
function isoDate(text: string): Date | string {
  const t = text.trim();
  const parts =
    /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(Z|[+-]\d{2}:?\d{2})?$/i.exec(
      t,
    );
  if (parts === null) return t;
  // Without a zone, JavaScript would read the time as the server's local time: pin it to UTC.
  const ms = Date.parse(`${parts[1]}T${parts[2] ?? "00:00"}${parts[3] ?? "Z"}`);
  return Number.isNaN(ms) ? t : new Date(ms);
}

interface ParsedCell extends StreamedCell {
  readonly column: number;
}

class Row implements StreamedRow {
  constructor(
    readonly number: number,
    private readonly cells: readonly ParsedCell[],
  ) {}
  eachCell(_options: unknown, visit: (cell: StreamedCell, column: number) => void): void {
    for (const c of this.cells) visit(c, c.column);
  }
}

function plainValue(
  type: string | undefined,
  raw: string,
  format: string | undefined,
  ctx: SheetContext,
): unknown {
  switch (type) {
    case "s":
      return ctx.sharedStrings[Number.parseInt(raw, 10)] ?? null;
    case "str":
    case "inlineStr":
      return decode(raw);
    case "b":
      return raw.trim() === "1" || raw.trim().toLowerCase() === "true";
    case "e":
      return { error: decode(raw) };
    case "d":
      return isoDate(decode(raw));
    default: {
      if (raw.trim() === "") return null;
      const n = Number(raw);
      if (Number.isNaN(n)) return decode(raw);
      return isDateFormat(format) ? excelDate(n, ctx.date1904) : n;
    }
  }
}

function inlineText(inner: string): string {
  const runs = inner.replace(PHONETIC, "");
  let text = "";
  for (const m of runs.matchAll(T)) text += decode(m[1] ?? "");
  return text;
}

function cellValue(
  type: string | undefined,
  inner: string,
  format: string | undefined,
  ctx: SheetContext,
): unknown {
  const f = F.exec(inner);
  const is = type === "inlineStr" ? IS.exec(inner) : null;
  const v = V.exec(inner);
  const raw = is !== null ? undefined : v === null ? undefined : (v[1] ?? "");
  if (f !== null) {
    const formula = decode(f[1] ?? "");
    if (raw === undefined && is === null) return { formula };
    const result =
      is !== null
        ? inlineText(is[1] ?? "")
        : type === "str" || type === "e" || type === "b" || type === "d"
          ? plainValue(type, raw ?? "", format, ctx)
          : raw?.trim() === ""
            ? undefined
            : Number(raw);
    return result === undefined ? { formula } : { formula, result };
  }
  if (is !== null) return inlineText(is[1] ?? "");
  return raw === undefined ? null : plainValue(type, raw, format, ctx);
}

function parseRow(rowNumber: number, content: string, ctx: SheetContext): Row {
  const cells: ParsedCell[] = [];
  let lastColumn = 0;
  CELL.lastIndex = 0;
  for (let m = CELL.exec(content); m !== null; m = CELL.exec(content)) {
    const attrs = m[2] ?? "";
    let inner = "";
    if (m[3] !== "/") {
      const close = `</${m[1]}>`;
      const end = content.indexOf(close, CELL.lastIndex);
      const stop = end === -1 ? content.length : end;
      inner = content.slice(CELL.lastIndex, stop);
      CELL.lastIndex = end === -1 ? content.length : end + close.length;
    }
    const ref = attr(attrs, "r=");
    const column = (ref === undefined ? undefined : columnOf(ref)) ?? lastColumn + 1;
    lastColumn = column;
    const style = Number.parseInt(attr(attrs, "s=") ?? "0", 10);
    const numFmt = ctx.formatOf(Number.isNaN(style) ? 0 : style);
    const value = cellValue(attr(attrs, "t="), inner, numFmt, ctx);
    if (value === null) continue;
    // The cell's own reference when it has one (no new string per cell), else one made up.
    const address = ref ?? `${columnLetters(column)}${rowNumber}`;
    cells.push({ column, value, numFmt, address });
  }
  return new Row(rowNumber, cells);
}

/** Rows as they arrive; the XML need not be complete in any chunk. */
export async function* sheetXmlRows(
  chunks: AsyncIterable<Buffer>,
  ctx: SheetContext,
): AsyncGenerator<StreamedRow> {
  const decoder = new TextDecoder("utf-8");
  let pending = "";
  let lastRow = 0;
  const take = function* (final: boolean): Generator<StreamedRow> {
    let at = 0;
    for (;;) {
      ROW_START.lastIndex = at;
      const start = ROW_START.exec(pending);
      if (start === null) {
        // Keep a tail that could be the start of a "<row" cut by the chunk boundary.
        at = Math.max(at, pending.length - 64);
        break;
      }
      const tagEnd = pending.indexOf(">", ROW_START.lastIndex);
      if (tagEnd === -1) {
        at = start.index;
        break;
      }
      const rowAttrs = pending.slice(ROW_START.lastIndex, tagEnd);
      const selfClosing = pending[tagEnd - 1] === "/";
      let content = "";
      let next = tagEnd + 1;
      if (!selfClosing) {
        const close = `</${start[1]}>`;
        const end = pending.indexOf(close, tagEnd + 1);
        if (end === -1) {
          at = start.index;
          if (final) throw new Error(`row ${lastRow + 1} of the sheet is cut off`);
          break;
        }
        content = pending.slice(tagEnd + 1, end);
        next = end + close.length;
      }
      const r = Number.parseInt(attr(rowAttrs, "r=") ?? "", 10);
      lastRow = Number.isNaN(r) ? lastRow + 1 : r;
      at = next;
      yield parseRow(lastRow, content, ctx);
    }
    pending = pending.slice(at);
  };
  for await (const chunk of chunks) {
    pending += decoder.decode(chunk, { stream: true });
    yield* take(false);
  }
  pending += decoder.decode();
  yield* take(true);
}
