/**
 * What never leaves the machine for a model: personal and payment details in every message are
 * replaced by placeholders, and values that identify people (roster names, e-mails, ids) are
 * dropped from tool results, so the model sees aggregates only. Each rule is written to leave
 * the figures of a deal alone: `294,000`, `£1,200,000`, `1-99 @ 75`, `10-40%`, `2000000`,
 * `2026-12-01` and `12/01/2026` are not phones, cards or account numbers.
 */
import { redactCards } from "./redact/card.js";
import { stripInvisible } from "./redact/control.js";
import { redactEmails } from "./redact/email.js";
import { redactIbans } from "./redact/iban.js";
import { redactNiNumbers } from "./redact/ni-number.js";
import { redactPhones } from "./redact/phone.js";
import { redactSlackUserIds } from "./redact/slack-id.js";
import { redactUkBankDetails } from "./redact/uk-bank.js";

export { CARD_PLACEHOLDER } from "./redact/card.js";
export { EMAIL_PLACEHOLDER } from "./redact/email.js";
export { IBAN_PLACEHOLDER } from "./redact/iban.js";
export { NI_NUMBER_PLACEHOLDER } from "./redact/ni-number.js";
export { PHONE_PLACEHOLDER } from "./redact/phone.js";
export { SLACK_USER_PLACEHOLDER } from "./redact/slack-id.js";
export { BANK_ACCOUNT_PLACEHOLDER } from "./redact/uk-bank.js";

/**
 * The rules in the order they must run: invisible characters first, so a zero-width space cannot
 * split a number past the patterns; e-mails before phones, so digits in an address are not read
 * as a number; labelled and checksummed forms (IBAN, bank details, NI, cards) before the looser
 * phone shapes that could take a piece of them.
 */
const RULES: readonly ((text: string) => string)[] = [
  stripInvisible,
  redactEmails,
  redactSlackUserIds,
  redactIbans,
  redactUkBankDetails,
  redactNiNumbers,
  redactCards,
  redactPhones,
];

/** The text with personal and payment details replaced by placeholders. */
export function redactText(text: string): string {
  return RULES.reduce((out, rule) => rule(out), text);
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
