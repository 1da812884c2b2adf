import { describe, expect, it } from "vitest";
import { parseConfig } from "../src/config.js";

describe("parseConfig", () => {
  it("defaults to GBP, the ./data folder, 30 days' retention and no PostgreSQL server", () => {
    expect(parseConfig({})).toEqual({
      ok: true,
      config: { defaultCurrency: "GBP", dataDir: "./data", retentionDays: 30 },
    });
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

  it("reads DATABASE_URL, DEALDESK_DATA_DIR and DEALDESK_RETENTION_DAYS", () => {
    const r = parseConfig({
      DATABASE_URL: "postgres://app:s3cret@db.internal:5432/dealdesk",
      DEALDESK_DATA_DIR: "/var/lib/dealdesk",
      DEALDESK_RETENTION_DAYS: "7",
    });
    expect(r).toEqual({
      ok: true,
      config: {
        defaultCurrency: "GBP",
        databaseUrl: "postgres://app:s3cret@db.internal:5432/dealdesk",
        dataDir: "/var/lib/dealdesk",
        retentionDays: 7,
      },
    });
  });

  it("treats an empty DATABASE_URL as unset (the embedded database)", () => {
    const r = parseConfig({ DATABASE_URL: "" });
    expect(r.ok && r.config.databaseUrl).toBeUndefined();
  });

  it("rejects a DATABASE_URL that is not a PostgreSQL URL without echoing it (it may hold a password)", () => {
    expect(parseConfig({ DATABASE_URL: "mysql://root:hunter2@db/x" })).toEqual({
      ok: false,
      message:
        "DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/dealdesk",
    });
  });

  it.each(["0", "-3", "2.5", "thirty", "1e3"])(
    "rejects DEALDESK_RETENTION_DAYS=%s with one line naming the variable",
    (value) => {
      expect(parseConfig({ DEALDESK_RETENTION_DAYS: value })).toEqual({
        ok: false,
        message: `DEALDESK_RETENTION_DAYS must be a whole number of days, at least 1, such as 30 (got "${value}")`,
      });
    },
  );
});
