import { describe, expect, it } from "vitest";
import { parseConfig } from "../src/config.js";

describe("parseConfig", () => {
  it("defaults to GBP with nothing set", () => {
    expect(parseConfig({})).toEqual({ ok: true, config: { defaultCurrency: "GBP" } });
  });

  it("accepts a lower-case code", () => {
    const r = parseConfig({ DEALDESK_CURRENCY: "usd" });
    expect(r.ok && r.config.defaultCurrency).toBe("USD");
  });

  it("names the variable and what it expects when the value is bad", () => {
    expect(parseConfig({ DEALDESK_CURRENCY: "POUNDS" })).toEqual({
      ok: false,
      message:
        'DEALDESK_CURRENCY must be an ISO 4217 currency code such as GBP, USD or EUR (got "POUNDS")',
    });
  });
});
