/**
 * Numbers in a pasted e-mail that are not part of the deal: phone numbers in a signature, dates,
 * times, quote references, postcodes, list numbers, uptime figures. They are claimed first, so a
 * phone number's digits are never read as seats, and named in the reply as not used, with what
 * they were taken to be.
 */
import { type Claims, eachFree, type Unused } from "./claims.js";
import { rx } from "./patterns.js";

const MONTHS = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;

const RECOGNISERS: readonly (readonly [RegExp, string])[] = [
  [
    rx(String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?:\/\/\S+|www\.\S+`),
    "part of an e-mail address or link",
  ],
  // +44 20 7946 0958, 0044 20 7946 0958, (020) 7946 0958, 07700 900123, ext 214
  [
    rx(
      String.raw`(?:\+|\b00)\d{1,3}[\s.-]?(?:\(0\)\s?)?\d{1,5}(?:[\s.-]?\d{2,5}){1,4}\b|\(0\d{2,4}\)\s?\d{3,4}[\s-]?\d{3,4}\b|\b0\d{2,4}[\s-]\d{3,4}[\s-]?\d{3,4}\b|\b07\d{9}\b|\b0\d{9,10}\b|\bext\.?\s*\d{1,5}\b`,
    ),
    "a phone number",
  ],
  [
    rx(
      String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?${MONTHS}(?:,?\s+\d{4})?\b|\b${MONTHS}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?\b|\b${MONTHS}\s+\d{4}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\bQ[1-4]\s?(?:20)?\d{2}\b|\bFY\s?\d{2,4}\b`,
    ),
    "a date",
  ],
  [
    rx(
      String.raw`\b\d{1,2}:\d{2}(?:\s?[ap]m)?\b|\b(?:at|by|from|until|before|after)\s+\d{1,2}\s?[ap]m\b`,
    ),
    "a time",
  ],
  [
    rx(
      String.raw`\b(?:ref(?:erence)?|quote|order|invoice|PO|ticket|case|opportunity|VAT|company|registration)\s*(?:no\.?|number|#|ref)\s*:?\s*[\w/-]*\d[\w/-]*|\b(?:ref|PO|VAT)\s*:?\s*[\w/-]*\d[\w/-]*|#\d+\b`,
    ),
    "a reference number",
  ],
  // Upper case only: `Q-2026-0143` is a reference, `year-1` is not.
  [/\b[A-Z]{1,5}-\d[\dA-Z]*(?:-[\dA-Z]+)*\b/gu, "a reference number"],
  [/\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b/gu, "a postcode"],
  [
    rx(
      String.raw`\d+(?:\.\d+)?\s?%\s*(?:uptime|availability|SLA)\b|\b(?:uptime|availability|SLA)\s*(?:of\s*)?\d+(?:\.\d+)?\s?%`,
    ),
    "a service level, not a price",
  ],
  [rx(String.raw`\b24\s?[x/]\s?7\b|\b24\s?[x/]\s?365\b`), "service hours"],
  [
    rx(String.raw`\bISO\s?\d{4,5}(?::\d{4})?\b|\bITIL\s?v?\d\b|\bSOC\s?[12]\b`),
    "a standard's name",
  ],
  // `1.` or `2)` at the start of a line: a numbered list, not a figure.
  [/^[ \t]*\d{1,2}[.)](?=\s)/gmu, "a list number"],
];

/** Claims every non-deal number and says what each was taken to be. */
export function claimNotQuoteNumbers(text: string, claims: Claims): Unused[] {
  const found: { at: number; unused: Unused }[] = [];
  for (const [pattern, why] of RECOGNISERS) {
    eachFree(text, pattern, claims, (m) => {
      if (!/\d/.test(m[0])) return false;
      found.push({ at: m.index ?? 0, unused: { text: m[0].trim(), why } });
      return true;
    });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.unused);
}
