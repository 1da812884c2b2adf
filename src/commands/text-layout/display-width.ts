/**
 * How many terminal columns a string takes. Terminals draw East Asian wide characters (CJK) and
 * emoji two columns wide and combining marks not at all, so counting code points would misalign
 * a table of Japanese vendor names or a 👍 note. Measured per grapheme (what the eye sees as one
 * character), so a flag or a family emoji made of several code points counts once.
 */

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

/** Wide and fullwidth ranges of Unicode's East Asian Width property (the common ones). */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;
const EMOJI = /\p{Extended_Pictographic}/u;
/** Marks, zero-width joiners and variation selectors take no column of their own. */
const ZERO = /^(?:\p{M}|[\u200b-\u200f]|[\ufe00-\ufe0f])+$/u;

function graphemeWidth(g: string): number {
  if (ZERO.test(g)) return 0;
  // An emoji drawn as text (e.g. "©" or "™" without U+FE0F) is one column; with FE0F, two.
  if (EMOJI.test(g) && (g.codePointAt(0) ?? 0) > 0x2fff) return 2;
  if (g.includes("\ufe0f") && EMOJI.test(g)) return 2;
  return WIDE.test(g) ? 2 : 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of segmenter.segment(text)) width += graphemeWidth(segment);
  return width;
}

/** The graphemes of a string, each with its width: for cutting an unbreakable word safely. */
export function graphemes(text: string): { readonly text: string; readonly width: number }[] {
  return [...segmenter.segment(text)].map(({ segment }) => ({
    text: segment,
    width: graphemeWidth(segment),
  }));
}

/** Pads with spaces to `size` columns, on the right (left-aligned text) or the left (numbers). */
export function padTo(text: string, size: number, align: "left" | "right"): string {
  const gap = " ".repeat(Math.max(0, size - displayWidth(text)));
  return align === "right" ? gap + text : text + gap;
}
