/**
 * IBANs: country letters, two check digits and up to 30 letters or digits, written solid or in
 * groups of four. A candidate is redacted only when its mod-97 check holds (ISO 13616), so a
 * product code that merely looks like one is left as it is.
 */

export const IBAN_PLACEHOLDER = "[iban]";

const CANDIDATE =
  /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])/g;

/** Moves the first four characters to the end, letters to numbers (A=10…Z=35), then mod 97. */
export function ibanChecksumHolds(candidate: string): boolean {
  const iban = candidate.replace(/ /g, "");
  if (iban.length < 15 || iban.length > 34) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = /\d/.test(char) ? Number(char) : char.charCodeAt(0) - 55;
    // Digit by digit (letters are two digits), so the running value stays far below 2^53.
    remainder = value > 9 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

export function redactIbans(text: string): string {
  return text.replace(CANDIDATE, (match) => (ibanChecksumHolds(match) ? IBAN_PLACEHOLDER : match));
}
