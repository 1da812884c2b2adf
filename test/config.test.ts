import { describe, expect, it } from "vitest";
import { parseConfig } from "../src/config.js";

describe("parseConfig", () => {
  it("defaults to GBP, the ./data folder, 30 days' retention and no PostgreSQL server", () => {
    expect(parseConfig({})).toEqual({
      ok: true,
      // 400 MiB = 400 × 1,048,576 = 419,430,400 bytes.
      config: {
        defaultCurrency: "GBP",
        dataDir: "./data",
        retentionDays: 30,
        maxFileBytes: 419_430_400,
      },
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
        maxFileBytes: 419_430_400,
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

  it("leaves the model answerer off without OPENAI_API_KEY, even when the other OPENAI_ variables are set", () => {
    const r = parseConfig({ OPENAI_BASE_URL: "http://localhost:11434/v1", OPENAI_MODEL: "llama3" });
    expect(r.ok && r.config.openai).toBeUndefined();
  });

  it("reads OPENAI_API_KEY with the default model gpt-4o-mini and a 20,000 ms timeout", () => {
    expect(parseConfig({ OPENAI_API_KEY: "sk-test-123" })).toEqual({
      ok: true,
      config: {
        defaultCurrency: "GBP",
        dataDir: "./data",
        retentionDays: 30,
        maxFileBytes: 419_430_400,
        openai: { apiKey: "sk-test-123", model: "gpt-4o-mini", timeoutMs: 20000 },
      },
    });
  });

  it("reads OPENAI_BASE_URL, OPENAI_MODEL and OPENAI_TIMEOUT_MS", () => {
    const r = parseConfig({
      OPENAI_API_KEY: " sk-test-123 ",
      OPENAI_BASE_URL: "http://127.0.0.1:8080/v1",
      OPENAI_MODEL: "llama3.1:8b",
      OPENAI_TIMEOUT_MS: "5000",
    });
    expect(r.ok && r.config.openai).toEqual({
      apiKey: "sk-test-123",
      baseUrl: "http://127.0.0.1:8080/v1",
      model: "llama3.1:8b",
      timeoutMs: 5000,
    });
  });

  it("treats empty OPENAI_ variables as unset", () => {
    const r = parseConfig({ OPENAI_API_KEY: "k", OPENAI_MODEL: "", OPENAI_TIMEOUT_MS: " " });
    expect(r.ok && r.config.openai).toEqual({
      apiKey: "k",
      model: "gpt-4o-mini",
      timeoutMs: 20000,
    });
    expect(parseConfig({ OPENAI_API_KEY: "" })).toEqual(parseConfig({}));
  });

  it("rejects a malformed OPENAI_API_KEY without echoing it (it is a secret)", () => {
    expect(parseConfig({ OPENAI_API_KEY: "sk-abc def" })).toEqual({
      ok: false,
      message: "OPENAI_API_KEY must be a single API key without spaces",
    });
  });

  it.each(["localhost:11434", "ftp://files.example.com", "not a url"])(
    "rejects OPENAI_BASE_URL=%s and says what a URL looks like",
    (value) => {
      expect(parseConfig({ OPENAI_BASE_URL: value })).toEqual({
        ok: false,
        message: `OPENAI_BASE_URL must be an http(s) URL such as http://localhost:11434/v1 (got "${value}")`,
      });
    },
  );

  it.each(["0", "-1", "2.5", "20s", "99999999"])("rejects OPENAI_TIMEOUT_MS=%s", (value) => {
    expect(parseConfig({ OPENAI_TIMEOUT_MS: value })).toEqual({
      ok: false,
      message: `OPENAI_TIMEOUT_MS must be a whole number of milliseconds, at least 1, such as 20000 (got "${value}")`,
    });
  });

  it("reads DEALDESK_MAX_FILE_MB in MiB, an empty value as the 400 MB default", () => {
    // 500 × 1,048,576 = 524,288,000 bytes; 1 × 1,048,576 = 1,048,576.
    expect(parseConfig({ DEALDESK_MAX_FILE_MB: "500" })).toMatchObject({
      config: { maxFileBytes: 524_288_000 },
    });
    expect(parseConfig({ DEALDESK_MAX_FILE_MB: " 1 " })).toMatchObject({
      config: { maxFileBytes: 1_048_576 },
    });
    expect(parseConfig({ DEALDESK_MAX_FILE_MB: "" })).toEqual(parseConfig({}));
  });

  it.each(["0", "-5", "2.5", "big", "501", "4096", "1e3"])(
    "rejects DEALDESK_MAX_FILE_MB=%s, saying what it takes and why 500 is the most",
    (value) => {
      expect(parseConfig({ DEALDESK_MAX_FILE_MB: value })).toEqual({
        ok: false,
        message: `DEALDESK_MAX_FILE_MB must be a whole number of megabytes from 1 to 500 (the most one file can be read as text), such as 400 (got "${value}")`,
      });
    },
  );
});
