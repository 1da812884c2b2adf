/**
 * Phone numbers, written so the figures of a deal are left alone (`294,000`, `1-99 @ 75`,
 * `10-40%`, `2000000` are not phones). International forms with `+` or the `00` exit code
 * (`+44 20 7946 0958`, `0044 20 7946 0958`, `00 44 …`), national forms with a trunk zero
 * (`020 7946 0958`, `07700900123`) and North American ones (`(555) 123-4567`). An extension
 * (`ext 123`, `x123`) belongs to the number and is redacted with it.
 */

export const PHONE_PLACEHOLDER = "[phone]";

const EXTENSION = "(?<ext>\\s*,?\\s*(?:ext\\.?|extn\\.?|extension|x)\\s*\\d{1,6}(?!\\d))?";

const INTERNATIONAL = new RegExp(
  `(?<![\\w+])(?<exit>\\+|00 ?)(?<core>[1-9]\\d{0,2}(?:[\\s.-]?\\(?\\d{1,5}\\)?){1,6})${EXTENSION}`,
  "g",
);

const NATIONAL: readonly RegExp[] = [
  new RegExp(
    `(?<![\\w.,+])(?<core>\\(?0\\d{2,4}\\)?[\\s.-]?\\d{3,4}[\\s.-]?\\d{3,4})(?!\\d|[,.]\\d)${EXTENSION}`,
    "g",
  ),
  new RegExp(
    `(?<![\\w.,+])(?<core>\\(?\\d{3}\\)?[\\s.-]\\d{3}[\\s.-]\\d{4})(?!\\d|[,.]\\d)${EXTENSION}`,
    "g",
  ),
];

function digitCount(text: string): number {
  return text.replace(/\D/g, "").length;
}

/**
 * The most digits a number under this country code can have: the UK's are 12 with the code,
 * North America's 11, anything else E.164's 15. A trunk `(0)` doesn't count.
 */
function maxDigits(core: string): number {
  if (core.startsWith("44")) return 12;
  if (core.startsWith("1")) return 11;
  return 15;
}

/**
 * The greedy pattern may have taken figures that follow the number ("+44 20 7946 0958 150
 * seats"): drop trailing digit groups until the number fits its country's length, and give the
 * dropped text back untouched.
 */
function splitNumber(core: string): { number: string; rest: string } {
  const limit = maxDigits(core);
  let number = core;
  const counted = (text: string) => digitCount(text.replace(/\(0\)/g, ""));
  while (counted(number) > limit) {
    const shorter = number.replace(/[\s.-]?\(?\d+\)?$/, "");
    if (shorter === number) break;
    number = shorter;
  }
  return { number, rest: core.slice(number.length) };
}

function redactInternational(text: string): string {
  return text.replace(INTERNATIONAL, (match, ...args) => {
    const groups = args.at(-1) as { core: string; ext?: string };
    const { number, rest } = splitNumber(groups.core);
    const digits = digitCount(number.replace(/\(0\)/g, ""));
    if (digits < 9 || digits > 15) return match;
    // An extension only belongs to the number when nothing was given back between them.
    return rest === "" ? PHONE_PLACEHOLDER : `${PHONE_PLACEHOLDER}${rest}${groups.ext ?? ""}`;
  });
}

export function redactPhones(text: string): string {
  let out = redactInternational(text);
  for (const pattern of NATIONAL) {
    out = out.replace(pattern, (match, ...args) => {
      const groups = args.at(-1) as { core: string };
      const digits = digitCount(groups.core);
      return digits >= 9 && digits <= 15 ? PHONE_PLACEHOLDER : match;
    });
  }
  return out;
}
