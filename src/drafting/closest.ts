/**
 * "Did you mean …?" for a mistyped template id. drafting/ may not import commands/, so it keeps
 * its own rule: a candidate containing the word, else the closest within three edits.
 */
import { editDistance } from "../core/edit-distance.js";

export function closestWord(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  if (w.length >= 3) {
    const containing = candidates.find((c) => c.includes(w));
    if (containing) return containing;
  }
  let best: string | undefined;
  let bestDistance = 4;
  for (const c of candidates) {
    const d = editDistance(w, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
