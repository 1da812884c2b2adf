import { describe, expect, it } from "vitest";
import { createLogger, guardLogValue } from "../src/log.js";

describe("createLogger", () => {
  it("writes one JSON line per event with time, level and event first", () => {
    const lines: string[] = [];
    createLogger((l) => lines.push(l)).log("info", "llm.completion", { promptTokens: 12 });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith("\n")).toBe(true);
    const parsed = JSON.parse(lines[0] ?? "") as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(["time", "level", "event", "promptTokens"]);
    expect(parsed).toMatchObject({ level: "info", event: "llm.completion", promptTokens: 12 });
  });

  it("never lets a field overwrite the event name", () => {
    const lines: string[] = [];
    createLogger((l) => lines.push(l)).log("warn", "real", { event: "fake", level: "info" });
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ event: "real", level: "warn" });
  });
});

describe("guardLogValue", () => {
  it("hides secrets by key and scrubs e-mails and phones in strings, at any depth", () => {
    expect(
      guardLogValue({
        apiKey: "sk-live-123",
        nested: { Authorization: "Bearer x", DATABASE_URL: "postgres://a:b@h/db" },
        note: "from ann@acme.com on +44 20 7946 0958",
        figures: ["£350,000"],
      }),
    ).toEqual({
      apiKey: "[secret]",
      nested: { Authorization: "[secret]", DATABASE_URL: "[secret]" },
      note: "from [email] on [phone]",
      figures: ["£350,000"],
    });
  });

  it("counts tokens without mistaking them for secrets", () => {
    expect(
      guardLogValue({ promptTokens: 10, completionTokens: 5, totalTokens: 15, botToken: "xoxb" }),
    ).toEqual({
      promptTokens: 10,
      completionTokens: 5,
      totalTokens: 15,
      botToken: "[secret]",
    });
  });
});
