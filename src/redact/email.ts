/**
 * E-mail addresses, including internationalised ones: a Unicode local part (`josé@…`, `用户@…`)
 * and IDN domains written in their own script (`exämple.de`, `例子.中国`) or as punycode
 * (`xn--…`). The fullwidth at sign is accepted because CJK keyboards produce it.
 *
 * The letter classes are code-point ranges rather than `\p{L}`: a Unicode-property pattern costs
 * V8 tens of milliseconds to compile on first use, which every model request would wait for. The
 * ranges are Latin-1 and Latin Extended, Greek to the Indic scripts, and the CJK and Hangul
 * blocks (with surrogate pairs for the rarer ideographs); at worst a neighbouring CJK word is
 * redacted with the address, which loses no figure.
 */

export const EMAIL_PLACEHOLDER = "[email]";

const LETTER =
  "A-Za-z0-9\\u00C0-\\u024F\\u0370-\\u1FFF\\u2C00-\\uD7FF\\uF900-\\uFDCF\\uFE70-\\uFEFE\\uD800-\\uDFFF";
const LOCAL = `[${LETTER}._%+'-]+`;
const LABEL = `[${LETTER}](?:[${LETTER}-]*[${LETTER}])?`;
const TOP_LEVEL =
  "(?:[xX][nN]--[a-zA-Z0-9-]+|[A-Za-z\\u00C0-\\u024F\\u0370-\\u1FFF\\u2C00-\\uD7FF\\uD800-\\uDFFF]{2,})";
const EMAIL = new RegExp(`(?<![${LETTER}._%+'-])${LOCAL}[@＠](?:${LABEL}\\.)+${TOP_LEVEL}`, "g");

/** Most text holds no at sign; the scan is skipped for it. */
const AT_SIGN = /[@＠]/;

export function redactEmails(text: string): string {
  if (!AT_SIGN.test(text)) return text;
  return text.replace(EMAIL, EMAIL_PLACEHOLDER);
}
