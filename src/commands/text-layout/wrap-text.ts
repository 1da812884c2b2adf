/**
 * Word wrapping for the terminal. Lines break only at spaces, so a figure such as £1,234,567.89 or
 * a command option is never split across lines. Only a single word wider than the whole line (a
 * long URL, a file path) is cut, as a last resort, because the alternative is a line the terminal
 * would cut anyway, somewhere worse.
 */
import { displayWidth, graphemes } from "./display-width.js";

/** The words of a text: runs of non-space characters, in order. */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== "");
}

/** The widest word of a text: the narrowest a column can be without cutting a word. */
export function longestWord(text: string): number {
  return Math.max(0, ...wordsOf(text).map(displayWidth));
}

/** Cuts a word wider than `width` into pieces that fit, at grapheme boundaries. */
function cutWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  let used = 0;
  for (const g of graphemes(word)) {
    if (used + g.width > width && piece !== "") {
      pieces.push(piece);
      piece = "";
      used = 0;
    }
    piece += g.text;
    used += g.width;
  }
  if (piece !== "") pieces.push(piece);
  return pieces;
}

/**
 * The text's words packed greedily into lines of at most `width` columns (one space between
 * words). An empty text is one empty line, so a blank cell still takes its row.
 */
export function wrapWords(text: string, width: number): string[] {
  return wrapHanging(text, width, width);
}

/**
 * Like wrapWords, but the lines after the first have `restWidth` columns (the caller indents
 * them): a "Header: value" field whose value continues under it.
 */
export function wrapHanging(text: string, firstWidth: number, restWidth: number): string[] {
  const first = Math.max(1, firstWidth);
  const rest = Math.max(1, restWidth);
  const lines: string[] = [];
  let line = "";
  const room = () => (lines.length === 0 ? first : rest);
  for (const word of wordsOf(text)) {
    // A word too wide even for a line of its own is cut; it starts on a fresh line.
    const pieces = displayWidth(word) > Math.min(first, rest) ? cutWord(word, rest) : [word];
    for (const piece of pieces) {
      if (line === "" && displayWidth(piece) <= room()) line = piece;
      else if (line !== "" && displayWidth(line) + 1 + displayWidth(piece) <= room()) {
        line += ` ${piece}`;
      } else {
        if (line !== "" || lines.length === 0) lines.push(line);
        line = piece;
      }
    }
  }
  lines.push(line);
  return lines;
}

/** A line's leading spaces plus a bullet or dash and the space after it. */
const LEAD = /^\s*(?:[•–\-*]\s+|\d+[.)]\s+)?/;

/**
 * Wraps each line of a block of prose to `width`, keeping its indentation and hanging a bullet's
 * continuation under its first word. Lines already short enough are left exactly as written.
 */
export function wrapProse(text: string, width: number): string {
  return text
    .split("\n")
    .flatMap((line) => {
      if (displayWidth(line) <= width) return [line];
      const lead = LEAD.exec(line)?.[0] ?? "";
      const hang = displayWidth(lead);
      // Too little room after a deep indent: wrap flush left rather than one word a line.
      if (hang > width / 2) return wrapWords(line, width);
      const pad = " ".repeat(hang);
      return wrapWords(line.slice(lead.length), width - hang).map((w, i) =>
        i === 0 ? `${lead}${w}` : `${pad}${w}`,
      );
    })
    .join("\n");
}
