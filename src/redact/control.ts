/**
 * Invisible characters removed before any other rule runs. They matter twice over: a zero-width
 * space inside an e-mail or card number would let it slip past the patterns below, and bidi
 * overrides or C0/C1 controls can make text read differently to a model than to the person who
 * wrote it. Newline and tab are kept because they carry the layout of pasted quotes.
 */

/** C0 controls except \t (09) and \n (0A), DEL, and the C1 block. */
const C0_C1 = "\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F";
/** Bidi embeddings, overrides and isolates, and the directional marks. */
const BIDI = "\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069";
/** Zero-width space/joiners, word joiner, invisible operators, BOM, soft hyphen, Mongolian separator. */
const ZERO_WIDTH = "\\u00AD\\u180E\\u200B-\\u200D\\u2060-\\u2064\\uFEFF";

const INVISIBLE = new RegExp(`[${C0_C1}${BIDI}${ZERO_WIDTH}]`, "g");

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}
