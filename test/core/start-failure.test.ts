import { describe, expect, it } from "vitest";
import { explainStartFailure } from "../../src/app/start-failure.js";
import { ConfigError } from "../../src/config/config.js";

describe("a platform refusing to start", () => {
  it("becomes one configuration line naming the platform's answer and what to check", async () => {
    const slackRefusal = Object.assign(new Error("An API error occurred: invalid_auth"), { data: { ok: false, error: "invalid_auth" } });
    const failure = explainStartFailure("Slack", "SLACK_BOT_TOKEN", () => Promise.reject(slackRefusal));
    await expect(failure).rejects.toBeInstanceOf(ConfigError);
    await expect(failure).rejects.toThrow("Slack refused to start (invalid_auth): check SLACK_BOT_TOKEN.");
  });

  it("names a network failure by its code, and passes a successful start through", async () => {
    const unreachable = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    await expect(explainStartFailure("Discord", "DISCORD_TOKEN", () => Promise.reject(unreachable))).rejects.toThrow(
      "Discord refused to start (ECONNREFUSED): check DISCORD_TOKEN.",
    );
    await expect(explainStartFailure("Discord", "DISCORD_TOKEN", async () => "started")).resolves.toBe("started");
  });
});
