import { describe, expect, it } from "vitest";
import { adapters } from "../../adapters/index.js";
import { readSettings } from "../../src/app/settings.js";
import { ConfigError, loadConfig } from "../../src/config/config.js";

const SECRET = "8f742231b10e8888abcd99aaabbb85a5";
const DISCORD_TOKEN = "x".repeat(60);

function problems(env: Record<string, string>): readonly string[] {
  try {
    readSettings(env, adapters);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration from the environment", () => {
  it("with nothing set: the defaults, and no adapter (the console)", () => {
    const { config, wanted } = readSettings({}, adapters);
    expect(config).toEqual({ logLevel: "info", logFormat: "json", corpusDir: "data/recaps", dataDir: "var", port: 3000, allowEmptyCorpus: false, refreshIntervalMs: 6 * 3_600_000, recapCheckMs: 30_000 });
    expect(wanted).toEqual([]);
  });

  it("DATABASE_URL picks PostgreSQL for the daily store, and must be a postgres:// URL", () => {
    expect(readSettings({ DATABASE_URL: "postgres://kubecon:pw@db:5432/kubecon" }, adapters).config.databaseUrl).toBe("postgres://kubecon:pw@db:5432/kubecon");
    expect(readSettings({ DATABASE_URL: " " }, adapters).config.databaseUrl).toBeUndefined();
    expect(problems({ DATABASE_URL: "mysql://db/kubecon" })).toEqual([
      "DATABASE_URL must be a PostgreSQL URL like postgres://user:password@host:5432/database (or unset, for SQLite in DATA_DIR)",
    ]);
  });

  it("REFRESH_INTERVAL is a duration (0 turns the refresh off); SOURCE_KEYWORDS a comma-separated list", () => {
    expect(readSettings({ REFRESH_INTERVAL: "90m", SOURCE_KEYWORDS: "KubeCon, OSS Summit ," }, adapters).config).toMatchObject({ refreshIntervalMs: 90 * 60_000, sourceKeywords: ["KubeCon", "OSS Summit"] });
    expect(readSettings({ REFRESH_INTERVAL: "0" }, adapters).config.refreshIntervalMs).toBe(0);
    expect(readSettings({ REFRESH_INTERVAL: "1d" }, adapters).config.refreshIntervalMs).toBe(86_400_000);
    expect(problems({ REFRESH_INTERVAL: "6 hours", SOURCE_KEYWORDS: " , " })).toEqual([
      "REFRESH_INTERVAL must be a duration like 6h, 90m or 1d (0 turns the refresh of sources off)",
      "SOURCE_KEYWORDS must be words that name the event, comma-separated (kubecon, cloudnativecon)",
    ]);
  });

  it("SOURCE_PRIVATE_HOSTS is a list of hosts; SOURCE_CONTACT a URL or an e-mail address", () => {
    expect(readSettings({ SOURCE_PRIVATE_HOSTS: "wiki.internal, 10.0.0.12,[fd00::1]", SOURCE_CONTACT: "ops@example.org" }, adapters).config).toMatchObject({ sourcePrivateHosts: ["wiki.internal", "10.0.0.12", "[fd00::1]"], sourceContact: "ops@example.org" });
    expect(readSettings({ SOURCE_CONTACT: "https://example.org/bot" }, adapters).config.sourceContact).toBe("https://example.org/bot");
    expect(readSettings({}, adapters).config).not.toHaveProperty("sourceContact");
    expect(problems({ SOURCE_PRIVATE_HOSTS: "http://wiki.internal/", SOURCE_CONTACT: "call me\r\nX-Evil: 1" })).toEqual([
      "SOURCE_PRIVATE_HOSTS must be host names or IP addresses, comma-separated (wiki.internal, 10.0.0.12), without scheme or port",
      "SOURCE_CONTACT must be an http(s) URL or an e-mail address where a site's owner can reach you (https://example.org/bot, ops@example.org)",
    ]);
  });

  it("RECAP_CHECK_INTERVAL is a duration (0: no periodic check of the stored recaps)", () => {
    expect(readSettings({ RECAP_CHECK_INTERVAL: "5m" }, adapters).config.recapCheckMs).toBe(5 * 60_000);
    expect(readSettings({ RECAP_CHECK_INTERVAL: "0" }, adapters).config.recapCheckMs).toBe(0);
    expect(problems({ RECAP_CHECK_INTERVAL: "soon" })).toEqual(["RECAP_CHECK_INTERVAL must be a duration like 30s or 5m (0 leaves a replica to the store's announcements alone)"]);
  });

  it("LOG_FORMAT is json or pretty; pretty needs pino-pretty, a development dependency, and says so when it is missing", () => {
    expect(readSettings({ LOG_FORMAT: "pretty" }, adapters).config.logFormat).toBe("pretty");
    expect(problems({ LOG_FORMAT: "xml" })).toEqual(["LOG_FORMAT must be json (lines for a log collector) or pretty (for a terminal)"]);
    expect(loadConfig({ LOG_FORMAT: "pretty" }, () => false)).toEqual({
      ok: false,
      problems: ["LOG_FORMAT=pretty needs pino-pretty, a development dependency: run npm install (without --omit=dev), or unset LOG_FORMAT for JSON lines"],
    });
  });

  it("an empty or blank variable counts as unset", () => {
    expect(readSettings({ PORT: "", SLACK_BOT_TOKEN: "  ", DISCORD_TOKEN: "" }, adapters)).toMatchObject({ config: { port: 3000 }, wanted: [] });
  });

  it("lists every problem at once, in our words, saying where to fix them", () => {
    const found = problems({ PORT: "eighty", LOG_LEVEL: "loud", SLACK_SIGNING_SECRET: SECRET, DISCORD_PUBLIC_KEY: "ab" });
    expect(found).toEqual([
      "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent",
      "PORT must be a number from 1 to 65535",
      "SLACK_BOT_TOKEN is not set: set it to the Bot User OAuth Token (xoxb-...) from the Slack app's OAuth & Permissions page, or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET to install in many workspaces",
      "DISCORD_PUBLIC_KEY must be the 64-character hex Public Key",
      "DISCORD_TOKEN is not set: set it to the bot token from the Discord application's Bot page",
    ]);
    const error = (() => {
      try {
        readSettings({ PORT: "0" }, adapters);
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error?.message).toBe("PORT must be a number from 1 to 65535 (in the environment or .env; see .env.example)");
  });

  it("never echoes a value, which may be a secret", () => {
    const found = problems({ SLACK_BOT_TOKEN: "xoxp-user-token-secret", SLACK_SIGNING_SECRET: SECRET });
    expect(found).toEqual(["SLACK_BOT_TOKEN must start with xoxb- (the Bot User OAuth Token)"]);
    expect(found.join("\n")).not.toContain("secret");
  });

  it("Slack in HTTP mode needs the signing secret; Socket Mode does not", () => {
    expect(problems({ SLACK_BOT_TOKEN: "xoxb-1" })).toEqual([
      "SLACK_SIGNING_SECRET is not set: set it to the Signing Secret from the Slack app's Basic Information page, or set SLACK_APP_TOKEN for Socket Mode",
    ]);
    const { wanted } = readSettings({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1", DISCORD_TOKEN }, adapters);
    expect(wanted.map((w) => [w.adapter.name, w.config])).toEqual([
      ["slack", { botToken: "xoxb-1", appToken: "xapp-1" }],
      ["discord", { token: DISCORD_TOKEN }],
    ]);
  });
});
