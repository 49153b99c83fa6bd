import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DiscordStandIn } from "../discord/stand-in.js";
import { SlackStandIn } from "../slack/standin.js";

/** A wait for a request that never comes fails the test with what it waited for, instead of hanging. */
describe("the platform stand-ins' waits", () => {
  const slack = new SlackStandIn();
  let discord: DiscordStandIn;
  beforeAll(async () => {
    await slack.start();
    discord = await new DiscordStandIn().start();
  });
  afterAll(async () => {
    await slack.stop();
    await discord.stop();
  });

  it("Slack: rejects after its timeout, naming the match and what did arrive", async () => {
    await fetch(`${slack.apiUrl}auth.test`, { method: "POST", headers: { authorization: "Bearer xoxb-test-token" } });
    await expect(slack.waitFor((r) => r.kind === "chat.postMessage", 50)).rejects.toThrow(
      /^Slack stand-in: none matched \(r\) => r\.kind === "chat\.postMessage" within 0\.05 s; arrived \(1\): auth\.test$/,
    );
    // What arrives is still found, before and after a wait timed out.
    await expect(slack.waitFor((r) => r.kind === "auth.test", 50)).resolves.toMatchObject({ kind: "auth.test" });
  });

  it("Discord: rejects after its timeout, naming the match and what did arrive", async () => {
    await fetch(`${discord.apiUrl}/v10/applications/@me`);
    await expect(discord.nextRequest((r) => r.method === "POST", 50)).rejects.toThrow(
      /^Discord stand-in requests: none matched \(r\) => r\.method === "POST" within 0\.05 s; arrived \(1\): GET \/applications\/@me$/,
    );
    await expect(discord.nextFrame((f) => f.op === 2, 50)).rejects.toThrow(/^Discord stand-in gateway frames: .* arrived \(0\): nothing$/);
  });
});
