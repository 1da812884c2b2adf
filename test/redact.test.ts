import { describe, expect, it } from "vitest";
import { forModel, redactText } from "../src/redact.js";

describe("redactText", () => {
  it.each([
    ["mail jane.doe@acme.co.uk about it", "mail [email] about it"],
    ["cc ops+halo@example.com, it@x.io", "cc [email], [email]"],
    ["call +44 20 7946 0958 today", "call [phone] today"],
    ["call +1 (555) 123-4567", "call [phone]"],
    ["ring 020 7946 0958 or 07700 900123", "ring [phone] or [phone]"],
    ["mobile 07700900123", "mobile [phone]"],
    ["US office 555-123-4567 or (555) 123-4567", "US office [phone] or [phone]"],
  ])("scrubs %j", (text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it.each([
    "cost 150 named @ 70 + 100 concurrent @ 140 vs 500 named @ 100",
    "renew £294,000 at a 3% cap for 3 years, list 7%",
    'tiers 240 --tiers "1-99 @ 75, 100-249 @ 70, 250+ @ 62"',
    "impl fixed 45k days 60 rate 1,200 overrun 10-40%",
    "renewal 2000000 --cpi 4.1,3.2,2.8 --lesser-of 3%",
    "a deal of 1,250,000 over 36 months from 2026-04-01",
    "our 12 345 agents",
  ])("leaves the figures of a deal alone: %j", (text) => {
    expect(redactText(text)).toBe(text);
  });
});

describe("forModel", () => {
  it("drops personal keys, shows money as its text and redacts strings, keeping aggregates", () => {
    const data = {
      currency: "GBP",
      annual: { currency: "GBP", minor: 29400000, amount: "294000.00", text: "£294,000" },
      namedUsers: ["ann@acme.com", "bob@acme.com"],
      userIds: ["u1", "u2"],
      people: [{ name: "Ann", hours: 120 }],
      pool: { size: 33, peak: 41 },
      note: "ask ann@acme.com",
      rows: [{ year: 1, upliftPercent: null }],
    };
    expect(forModel(data)).toEqual({
      currency: "GBP",
      annual: "£294,000",
      pool: { size: 33, peak: 41 },
      note: "ask [email]",
      rows: [{ year: 1, upliftPercent: null }],
    });
  });

  it("drops snake_case and differently cased personal keys too", () => {
    expect(forModel({ user_id: "u1", Email: "a@b.co", Agent_Name: "Ann", seats: 3 })).toEqual({
      seats: 3,
    });
  });
});
