import { describe, expect, it } from "vitest";
import { slackConfig } from "../../adapters/slack/config.js";

const KEY = Buffer.alloc(32, 7).toString("base64");
const OAUTH = { SLACK_CLIENT_ID: "1111.2222", SLACK_CLIENT_SECRET: "a".repeat(32), SLACK_STATE_SECRET: "s".repeat(32), SLACK_INSTALLATION_KEY: KEY, SLACK_SIGNING_SECRET: "b".repeat(32) };
const problems = (env: Record<string, string>) => {
  const read = slackConfig(env);
  return read.ok ? [] : read.problems;
};

describe("Slack configuration", () => {
  it("keeps the single-workspace setup as it was", () => {
    expect(slackConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "b".repeat(32) })).toEqual({
      ok: true,
      value: { botToken: "xoxb-1", signingSecret: "b".repeat(32), appToken: undefined, apiUrl: undefined },
    });
  });

  it("switches to installs in many workspaces with the client id, secret, state secret and key, and no bot token", () => {
    const read = slackConfig({ ...OAUTH, DATA_DIR: "/data", SLACK_API_URL: "http://127.0.0.1:9/api/" });
    expect(read.ok && read.value?.botToken).toBeUndefined();
    expect(read.ok && read.value?.oauth).toEqual({
      clientId: "1111.2222",
      clientSecret: "a".repeat(32),
      stateSecret: "s".repeat(32),
      installationKey: Buffer.alloc(32, 7),
      dataDir: "/data",
    });
    expect(read.ok && read.value?.apiUrl).toBe("http://127.0.0.1:9/api/");
  });

  it("names every missing or wrong variable of the OAuth setup", () => {
    expect(problems({ SLACK_CLIENT_ID: "1111.2222", SLACK_SIGNING_SECRET: "b".repeat(32) })).toEqual([
      expect.stringMatching(/^SLACK_CLIENT_SECRET is not set: /),
      expect.stringMatching(/^SLACK_STATE_SECRET is not set: /),
      expect.stringMatching(/^SLACK_INSTALLATION_KEY is not set: .*openssl rand -base64 32/),
    ]);
    expect(problems({ ...OAUTH, SLACK_INSTALLATION_KEY: "too-short" })).toEqual(["SLACK_INSTALLATION_KEY must be a 32-byte key in base64 or hex (e.g. openssl rand -base64 32)"]);
    expect(problems({ ...OAUTH, SLACK_INSTALLATION_KEY: "ab".repeat(32) })).toEqual([]);
    expect(problems({ ...OAUTH, SLACK_BOT_TOKEN: "xoxb-1" })).toEqual([expect.stringMatching(/^SLACK_CLIENT_ID is set together with SLACK_BOT_TOKEN/)]);
    expect(problems({ ...OAUTH, SLACK_APP_TOKEN: "xapp-1" })).toEqual([expect.stringMatching(/^SLACK_APP_TOKEN is set: installs in many workspaces work in HTTP mode only/)]);
  });
});
