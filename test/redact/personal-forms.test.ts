import { describe, expect, it } from "vitest";
import { redactText } from "../../src/redact.js";

/**
 * Each personal or payment detail in the context it arrives in: an e-mail signature, a pasted
 * vendor quote, a Slack message. The whole expected text is given, so a rule that takes too much
 * (a figure next to the detail) fails as surely as one that takes too little.
 */
describe("redactText replaces personal and payment details", () => {
  it.each([
    // IBANs: the published examples, whose mod-97 check holds.
    [
      "Please remit to IBAN GB29 NWBK 6016 1331 9268 19 within 30 days.",
      "Please remit to IBAN [iban] within 30 days.",
    ],
    [
      "Bank: Deutsche Bank, IBAN DE89370400440532013000, BIC DEUTDEFF",
      "Bank: Deutsche Bank, IBAN [iban], BIC DEUTDEFF",
    ],
    ["FR14 2004 1010 0505 0001 3M02 606 for the €48,000 deposit", "[iban] for the €48,000 deposit"],
    // Cards: Visa, Mastercard (dashed), Amex (4-6-5), solid; all Luhn-valid test numbers.
    [
      "pay the £4,500 setup fee on card 4111 1111 1111 1111 exp 09/28",
      "pay the £4,500 setup fee on card [card] exp 09/28",
    ],
    ["Mastercard 5555-5555-5555-4444 for 150 seats", "Mastercard [card] for 150 seats"],
    ["Amex 3782 822463 10005, billed annually", "Amex [card], billed annually"],
    ["card no. 4242424242424242", "card no. [card]"],
    // UK National Insurance numbers, solid and spaced.
    [
      "Employee NI number AB123456C, start date 2026-01-05",
      "Employee NI number [ni-number], start date 2026-01-05",
    ],
    ["NINO: JG 10 37 59 A", "NINO: [ni-number]"],
    ["ni AB 123456 D please", "ni [ni-number] please"],
    // UK sort code and account, in either order.
    [
      "Pay by BACS: sort code 12-34-56, account 12345678. Total £294,000.",
      "Pay by BACS: [bank-account]. Total £294,000.",
    ],
    ["Account number: 87654321 and sort code 40 11 62", "[bank-account]"],
    ["s/c 401162 a/c 87654321", "[bank-account]"],
    ["our sort code 12-34-56", "our [bank-account]"],
    // International phone forms, with the extension kept inside the redaction.
    ["Tel: 0044 20 7946 0958", "Tel: [phone]"],
    ["Tel: 00 44 20 7946 0958 ext 123", "Tel: [phone]"],
    [
      "Direct: +44 (0)20 7946 0958 x123 | Mobile: +44 7700 900123",
      "Direct: [phone] | Mobile: [phone]",
    ],
    ["call 020 7946 0958, ext. 4410 about the 3% cap", "call [phone] about the 3% cap"],
    ["+1 (555) 123-4567 x89", "[phone]"],
    ["+33 1 23 45 67 89", "[phone]"],
    // A figure after the number is not part of it: the UK number is full at 12 digits.
    ["+44 20 7946 0958 150 seats", "[phone] 150 seats"],
    // Internationalised e-mails.
    ["Reply to josé@exämple.de", "Reply to [email]"],
    ["联系 用户@例子.中国 获取报价", "联系 [email] 获取报价"],
    ["ops@xn--exmple-cua.de", "[email]"],
    ["Grüße, Jürgen Müller <jürgen.müller@firma.de>", "Grüße, Jürgen Müller <[email]>"],
    // Slack user ids: mentions (with and without a label) and bare ids.
    ["<@U012ABCDEF> asked about the renewal", "[slack-user] asked about the renewal"],
    ["cc <@W012A3CDE|jane> on the 294k quote", "cc [slack-user] on the 294k quote"],
    ["posted by U012ABCDEF in the deal channel", "posted by [slack-user] in the deal channel"],
    ["enterprise user W0123456789", "enterprise user [slack-user]"],
  ])("%j", (text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it("redacts a whole e-mail signature", () => {
    const signature = [
      "Kind regards,",
      "Sam Patel | Account Executive",
      "sam.patel@vendor.example.com | +44 20 7946 0958 ext 221",
      "Mobile 07700 900123",
      "Bank: sort code 20-00-00, account 55779911",
    ].join("\n");
    expect(redactText(signature)).toBe(
      [
        "Kind regards,",
        "Sam Patel | Account Executive",
        "[email] | [phone]",
        "Mobile [phone]",
        "Bank: [bank-account]",
      ].join("\n"),
    );
  });

  it("redacts a pasted vendor quote and keeps every figure of the deal", () => {
    const quote =
      "Quote Q-2026-114: 260 agents at £62 per agent per month, 3 year term, 5% annual uplift.\n" +
      "Tiers 1-99 @ 75, 100-249 @ 70. Valid until 2026-12-01.\n" +
      "Questions: jane.doe@vendor.co.uk or 0044 20 7946 0958.\n" +
      "Payment: IBAN GB29 NWBK 6016 1331 9268 19.";
    expect(redactText(quote)).toBe(
      "Quote Q-2026-114: 260 agents at £62 per agent per month, 3 year term, 5% annual uplift.\n" +
        "Tiers 1-99 @ 75, 100-249 @ 70. Valid until 2026-12-01.\n" +
        "Questions: [email] or [phone].\n" +
        "Payment: IBAN [iban].",
    );
  });
});

describe("redactText strips invisible characters", () => {
  it.each([
    ["a\u0000b\u0007c\u001Bd\u007Fe\u0085f\u009Fg", "abcdefg"],
    ["price\u202E27\u202C", "price27"],
    ["\u2066isolated\u2069 \u200Fmark", "isolated mark"],
    ["zero\u200Bwidth\u200C\u200D\u2060\uFEFF", "zerowidth"],
    ["carriage\r\nreturn", "carriage\nreturn"],
  ])("%j", (text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it("keeps newlines and tabs, which carry a pasted table's layout", () => {
    expect(redactText("seats\tprice\n150\t70")).toBe("seats\tprice\n150\t70");
  });

  it("cannot be dodged by splitting a detail with zero-width characters", () => {
    expect(redactText("jane\u200B@acme.com")).toBe("[email]");
    expect(redactText("4111\u200B 1111 1111 \u200D1111")).toBe("[card]");
    expect(redactText("+44 20\u2060 7946 0958")).toBe("[phone]");
  });
});

describe("near misses stay as written", () => {
  it.each([
    // The mod-97 check fails (last digit changed from 19 to 18).
    "IBAN GB29 NWBK 6016 1331 9268 18",
    // Luhn fails (last digit changed).
    "card 4111 1111 1111 1112",
    // Prefixes HMRC never issues: GB, QQ (Q is not a first letter), DA (D is not).
    "GB123456A",
    "QQ123456C",
    "DA123456A",
    // No suffix letter: a purchase-order or ticket number, not an NI number.
    "PO AB123456",
    // Capitalised words are not Slack ids, and an id needs a digit.
    "UNLIMITED WORKFLOWS for WORKSPACE",
    // Six digits in pairs without a sort-code label.
    "ranges 12-34-56",
  ])("%j", (text) => {
    expect(redactText(text)).toBe(text);
  });
});
