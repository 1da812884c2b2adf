/**
 * UK bank details: a sort code (`12-34-56`, `12 34 56`, `123456`) named as such, with the
 * account number that goes with it in either order ("sort code 12-34-56, account 12345678",
 * "a/c 12345678 s/c 12-34-56"). The label is required: six digits in pairs are otherwise too
 * common in deal text (ranges, dates) to redact on shape alone.
 */

export const BANK_ACCOUNT_PLACEHOLDER = "[bank-account]";

const SORT_CODE = "(?:sort[ -]?code|s\\/c)[:\\s]*\\d{2}([ -]?)\\d{2}\\1\\d{2}";
const ACCOUNT = "(?:a\\/c|acc(?:oun)?t)(?:\\.|\\s+(?:no\\.?|number|#))?[:\\s]*\\d{8}";
const JOIN = "[\\s,;&]*(?:and\\s+)?";
const BEFORE = "(?<![A-Za-z0-9])";
const AFTER = "(?!\\d)";

const SORT_THEN_ACCOUNT = new RegExp(`${BEFORE}${SORT_CODE}(?:${JOIN}${ACCOUNT})?${AFTER}`, "gi");
const ACCOUNT_THEN_SORT = new RegExp(`${BEFORE}${ACCOUNT}${JOIN}${SORT_CODE}${AFTER}`, "gi");

export function redactUkBankDetails(text: string): string {
  return text
    .replace(ACCOUNT_THEN_SORT, BANK_ACCOUNT_PLACEHOLDER)
    .replace(SORT_THEN_ACCOUNT, BANK_ACCOUNT_PLACEHOLDER);
}
