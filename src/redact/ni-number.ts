/**
 * UK National Insurance numbers: two prefix letters, six digits, a suffix letter A–D, written
 * solid (`AB123456C`) or spaced (`AB 12 34 56 C`). Only prefixes HMRC can issue are matched:
 * the first letter is not D, F, I, Q, U or V; the second not D, F, I, O, Q, U or V; and BG, GB,
 * KN, NK, NT, TN and ZZ are never used. The suffix is required, because two letters and six
 * digits alone are also the shape of purchase-order and ticket numbers.
 */

export const NI_NUMBER_PLACEHOLDER = "[ni-number]";

const FIRST = "[A-CEGHJ-PR-TW-Z]";
const SECOND = "[A-CEGHJ-NPR-TW-Z]";
const NEVER_ISSUED = "(?!BG|GB|KN|NK|NT|TN|ZZ)";
const NI = new RegExp(
  `(?<![A-Za-z0-9])${NEVER_ISSUED}${FIRST}${SECOND} ?\\d{2}( ?)\\d{2}\\1\\d{2} ?[A-D](?![A-Za-z0-9])`,
  "g",
);

export function redactNiNumbers(text: string): string {
  return text.replace(NI, NI_NUMBER_PLACEHOLDER);
}
