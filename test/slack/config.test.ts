import { describe, expect, it } from "vitest";
import { parseSlackConfig, slackRequested } from "../../src/slack/config.js";

const OK = {
  SLACK_BOT_TOKEN: "xoxb-1-2-abc",
  SLACK_SIGNING_SECRET: "0123456789abcdef0123456789abcdef",
};

describe("parseSlackConfig", () => {
  it("reads the HTTP setup with defaults", () => {
    expect(parseSlackConfig(OK)).toEqual({
      ok: true,
      config: {
        botToken: "xoxb-1-2-abc",
        signingSecret: "0123456789abcdef0123456789abcdef",
        extraFileHosts: [],
        port: 3000,
      },
    });
  });

  it("reads Socket Mode, the API URL (with a trailing slash added), file hosts and port", () => {
    const r = parseSlackConfig({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_APP_TOKEN: "xapp-1",
      SLACK_API_URL: "http://127.0.0.1:9000/api",
      SLACK_FILE_HOSTS: " files.example.com , 127.0.0.1:9000,",
      PORT: "0",
    });
    expect(r).toEqual({
      ok: true,
      config: {
        botToken: "xoxb-1",
        appToken: "xapp-1",
        apiUrl: "http://127.0.0.1:9000/api/",
        extraFileHosts: ["files.example.com", "127.0.0.1:9000"],
        port: 0,
      },
    });
  });

  it("gives one line per bad value and never echoes a secret", () => {
    const r = parseSlackConfig({
      SLACK_BOT_TOKEN: "xoxp-user-token",
      SLACK_SIGNING_SECRET: "not hex!",
      SLACK_APP_TOKEN: "secret-app",
      SLACK_API_URL: "slack.com/api",
      SLACK_FILE_HOSTS: "files.slack.com,https://evil.example/",
      PORT: "70000",
    });
    expect(r).toEqual({
      ok: false,
      messages: [
        "SLACK_BOT_TOKEN must be a Slack token starting xoxb- (the bot token from OAuth & Permissions)",
        "SLACK_SIGNING_SECRET must be the signing secret from Basic Information (hexadecimal)",
        "SLACK_APP_TOKEN must be a Slack token starting xapp- (an app-level token with connections:write)",
        'SLACK_API_URL must be a URL such as https://slack.com/api/ (got "slack.com/api")',
        'SLACK_FILE_HOSTS must be comma-separated host names, e.g. files.example.com,127.0.0.1:8443 (got "files.slack.com,https://evil.example/")',
        'PORT must be a TCP port number from 0 to 65535, such as 3000 (got "70000")',
      ],
    });
  });

  it("needs a signing secret unless Socket Mode is used", () => {
    expect(parseSlackConfig({ SLACK_BOT_TOKEN: "xoxb-1" })).toEqual({
      ok: false,
      messages: [
        "SLACK_SIGNING_SECRET must be set for the HTTP receiver (or set SLACK_APP_TOKEN for Socket Mode)",
      ],
    });
  });

  it("starts Slack only when a bot token is set", () => {
    expect(slackRequested({})).toBe(false);
    expect(slackRequested({ SLACK_BOT_TOKEN: " " })).toBe(false);
    expect(slackRequested(OK)).toBe(true);
  });
});
