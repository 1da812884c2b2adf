/**
 * Payment card numbers: 13 to 19 digits, never starting with 0 (that is a phone's trunk or exit code), solid or in the printed groups (4-4-4-4, 4-4-4-4-3,
 * Amex 4-6-5, Diners 4-6-4) separated by spaces or dashes, and only when the Luhn check holds.
 * Two exclusions keep deal text readable: a number glued to a decimal point or thousands comma is
 * an amount, and a run of four-digit years (`2026 2027 2028 2029`) is a list of years.
 */

export const CARD_PLACEHOLDER = "[card]";

const BEFORE = "(?<![\\d.,])";
const AFTER = "(?![\\d]|[.,]\\d)";
const CARD = new RegExp(
  `${BEFORE}(?:[1-9]\\d{12,18}|[1-9]\\d{3}([ -])\\d{4}\\1\\d{4}\\1\\d{1,4}(?:\\1\\d{1,3})?|[1-9]\\d{3}([ -])\\d{6}\\2\\d{4,5})${AFTER}`,
  "g",
);

export function luhnHolds(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let digit = Number(digits[i]);
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

function isListOfYears(match: string): boolean {
  const groups = match.split(/[ -]/);
  return groups.length > 1 && groups.every((g) => /^(?:19|20|21)\d\d$/.test(g));
}

export function redactCards(text: string): string {
  return text.replace(CARD, (match) => {
    const digits = match.replace(/\D/g, "");
    const isCard = digits.length >= 13 && digits.length <= 19 && luhnHolds(digits);
    return isCard && !isListOfYears(match) ? CARD_PLACEHOLDER : match;
  });
}
