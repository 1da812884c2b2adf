/**
 * The chart font, loaded once per process. resvg draws only the fonts it is given (system fonts are
 * off, so a PNG looks the same on every machine and never loses its text), and vega, with no
 * canvas to measure text, would guess every string at 0.8 em a character — a third too wide for
 * DejaVu Sans, which shrinks plots and cuts legend labels short. So the font's own advance widths
 * are read from the TTF files and given to vega as its text measure.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export const CHART_FONT = "DejaVu Sans";

export interface ChartFont {
  /** Absolute paths of the regular and bold TTF files, for resvg. */
  readonly files: readonly string[];
  readonly regular: AdvanceWidths;
  readonly bold: AdvanceWidths;
}

/** Advance width of each character in em (1 = the font size); `fallback` for unmapped ones. */
export interface AdvanceWidths {
  readonly em: ReadonlyMap<number, number>;
  readonly fallback: number;
}

let loaded: ChartFont | undefined;

export function chartFont(): ChartFont {
  if (loaded) return loaded;
  const pkg = createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json");
  const regular = join(dirname(pkg), "ttf", "DejaVuSans.ttf");
  const bold = join(dirname(pkg), "ttf", "DejaVuSans-Bold.ttf");
  loaded = {
    files: [regular, bold],
    regular: advanceWidths(readFileSync(regular)),
    bold: advanceWidths(readFileSync(bold)),
  };
  return loaded;
}

/** Width of one line of text in pixels at `size` px. */
export function textWidth(widths: AdvanceWidths, text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += widths.em.get(ch.codePointAt(0) ?? 0) ?? widths.fallback;
  return em * size;
}

/**
 * Reads a TrueType font's horizontal advances for the Basic Multilingual Plane: `head` (units
 * per em), `hhea` + `hmtx` (advance per glyph) and the Unicode `cmap` subtable (format 4).
 */
export function advanceWidths(ttf: Uint8Array): AdvanceWidths {
  const view = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const tables = new Map<string, number>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(...ttf.subarray(at, at + 4));
    tables.set(tag, view.getUint32(at + 8));
  }
  const table = (tag: string): number => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`charts: font has no ${tag} table`);
    return at;
  };
  const unitsPerEm = view.getUint16(table("head") + 18);
  const hMetrics = view.getUint16(table("hhea") + 34);
  const hmtx = table("hmtx");
  const advance = (glyph: number): number =>
    view.getUint16(hmtx + 4 * Math.min(glyph, hMetrics - 1)) / unitsPerEm;
  const cmap = table("cmap");
  let sub: number | undefined;
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const at = cmap + 4 + 8 * i;
    const platform = view.getUint16(at);
    const encoding = view.getUint16(at + 2);
    const offset = cmap + view.getUint32(at + 4);
    if (platform === 3 && encoding === 1 && view.getUint16(offset) === 4) sub = offset;
  }
  if (sub === undefined) throw new Error("charts: font has no Unicode BMP cmap");
  const segments = view.getUint16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  const em = new Map<number, number>();
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(ends + 2 * s);
    const start = view.getUint16(starts + 2 * s);
    const delta = view.getUint16(deltas + 2 * s);
    const rangeAt = rangeOffsets + 2 * s;
    const rangeOffset = view.getUint16(rangeAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const raw = view.getUint16(rangeAt + rangeOffset + 2 * (c - start));
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) em.set(c, advance(glyph));
    }
  }
  return { em, fallback: advance(0) };
}
