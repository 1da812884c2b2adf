/**
 * What never leaves the machine for a model: e-mail addresses and phone numbers are replaced by
 * placeholders in every message, and values that identify people (roster names, e-mails, ids) are
 * dropped from tool results, so the model sees aggregates only. The phone patterns are written to
 * leave the figures of a deal alone: `294,000`, `1-99 @ 75`, `10-40%` and `2000000` are not phones.
 */

export const EMAIL_PLACEHOLDER = "[email]";
export const PHONE_PLACEHOLDER = "[phone]";

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/**
 * International (+44 20 7946 0958, +1 (555) 123-4567), national with a trunk zero
 * (020 7946 0958, 07700 900123, 07700900123) and North American (555-123-4567, (555) 123-4567)
 * forms. Each candidate must hold 9 to 15 digits, which money amounts written with thousands
 * separators never match in these shapes.
 */
const PHONE_PATTERNS: readonly RegExp[] = [
  /\+\d[\d\s().-]{6,}\d/g,
  /(?<![\w.,])\(?0\d{2,4}\)?[\s.-]?\d{3,4}[\s.-]?\d{3,4}(?!\d|[,.]\d)/g,
  /(?<![\w.,])\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}(?!\d|[,.]\d)/g,
];

function digitCount(text: string): number {
  return text.replace(/\D/g, "").length;
}

/** The text with e-mail addresses and phone numbers replaced by placeholders. */
export function redactText(text: string): string {
  let out = text.replace(EMAIL, EMAIL_PLACEHOLDER);
  for (const pattern of PHONE_PATTERNS) {
    out = out.replace(pattern, (match) => {
      const digits = digitCount(match);
      return digits >= 9 && digits <= 15 ? PHONE_PLACEHOLDER : match;
    });
  }
  return out;
}

/**
 * Keys whose values identify people in roster and session data. Tools that read a roster must
 * report counts, hours and costs; anything under these keys is dropped before the model sees it.
 */
const PERSONAL_KEYS: ReadonlySet<string> = new Set(
  [
    "email",
    "emails",
    "e-mail",
    "user",
    "userid",
    "userids",
    "username",
    "usernames",
    "person",
    "people",
    "personname",
    "fullname",
    "firstname",
    "lastname",
    "agent",
    "agentid",
    "agentname",
    "namedusers",
    "members",
    "phone",
    "phones",
  ].map((k) => k.toLowerCase()),
);

function isPersonalKey(key: string): boolean {
  return PERSONAL_KEYS.has(key.toLowerCase().replace(/[_\s]/g, ""));
}

/** A MoneyJson (`{ currency, minor, amount, text }`) reads best to a model as its text: `£294,000`. */
function moneyText(value: Record<string, unknown>): string | undefined {
  const keys = Object.keys(value).sort().join(",");
  return keys === "amount,currency,minor,text" && typeof value.text === "string"
    ? value.text
    : undefined;
}

/**
 * A value made fit for a model: strings redacted, personal keys dropped, money shown as its text.
 * The result is plain JSON data.
 */
export function forModel(value: unknown): unknown {
  if (typeof value === "string") return redactText(value);
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(forModel);
  const record = value as Record<string, unknown>;
  const money = moneyText(record);
  if (money !== undefined) return money;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(record)) {
    if (!isPersonalKey(key)) out[key] = forModel(inner);
  }
  return out;
}
