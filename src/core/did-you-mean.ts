/**
 * "Did you mean …?" for a mistyped name (a command word, a template id): the closest candidate
 * within `maxEdits` edits. Long ids are easier to half-remember than to misspell, so with
 * `byContaining` a candidate that contains the word (three letters or more) wins first.
 */
import { editDistance } from "./edit-distance.js";

export interface DidYouMeanOptions {
  /** The most edits a guess may be away; further than this, no guess. */
  readonly maxEdits: number;
  readonly byContaining?: boolean;
}

export function didYouMean(
  word: string,
  candidates: readonly string[],
  options: DidYouMeanOptions,
): string | undefined {
  const w = word.toLowerCase();
  if (options.byContaining && w.length >= 3) {
    const containing = candidates.find((c) => c.includes(w));
    if (containing) return containing;
  }
  let best: string | undefined;
  let bestDistance = options.maxEdits + 1;
  for (const c of candidates) {
    const d = editDistance(w, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
