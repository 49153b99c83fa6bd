import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discordPoster } from "../../adapters/discord/poster.js";
import { createRest } from "../../adapters/discord/rest.js";
import { startHarness, type Harness } from "../slack/harness.js";
import { DiscordStandIn } from "../discord/stand-in.js";
import { memoryLogger, subscriptionSettings } from "../daily/helpers.js";
import { dailyWorld, type DailyWorld } from "./world.js";

// Monday 2 June 2025, 09:00 UTC: the post time of both subscriptions.
const POST_TIME = "2025-06-02T09:00:00Z";
const MINUTE = 60_000;

let world: DailyWorld;
let slack: Harness;
let discord: DiscordStandIn;

beforeAll(async () => {
  world = await dailyWorld("2025-06-02T08:00:00Z");
  slack = await startHarness(world.bot);
  discord = await new DiscordStandIn().start();
});
afterAll(async () => {
  await slack?.close();
  await discord?.stop();
  await world?.close();
});

/** Ticks every minute from the post time for `minutes` minutes. */
async function tickFor(scheduler: ReturnType<DailyWorld["scheduler"]>, minutes: number) {
  for (let minute = 0; minute < minutes; minute++) {
    world.clock.set(new Date(Date.parse(POST_TIME) + minute * MINUTE));
    await scheduler.tick();
  }
}

describe("a post whose answer is lost between the platform and our record, end to end", () => {
  it("Slack: the post is found by its metadata in the channel's history and recorded; the channel gets it once", async () => {
    await world.store.saveSubscription(subscriptionSettings({ id: "slack:C0LOST", channelId: "C0LOST", spaceId: "T0001" }));
    const { logger } = memoryLogger();
    const scheduler = world.scheduler({ slack: slack.adapter.poster }, logger);
    // Slack takes the message, then the connection drops before its answer reaches us.
    slack.standin.dropAnswer("chat.postMessage");
    await tickFor(scheduler, 5);
    const posts = slack.standin.calls("chat.postMessage").filter((call) => call.body.channel === "C0LOST");
    expect(posts).toHaveLength(1);
    const record = await world.store.getPost("slack:C0LOST", "2025-06-02");
    expect(record).toMatchObject({ status: "posted", messageId: expect.stringMatching(/^\d+\.\d+$/) });
    expect(posts[0]!.body.metadata).toEqual({ event_type: "kubecon_daily", event_payload: { claim_id: record!.claimId } });
    expect(slack.standin.calls("conversations.history").some((call) => call.body.channel === "C0LOST")).toBe(true);
  });

  it("Discord: the re-send carries the same nonce and Discord answers with the first message", async () => {
    await world.store.saveSubscription(subscriptionSettings({ id: "discord:410000000000000009", platform: "discord", channelId: "410000000000000009", spaceId: "500000000000000001" }));
    const { logger } = memoryLogger();
    const scheduler = world.scheduler({ discord: discordPoster(createRest("p".repeat(60), discord.apiUrl)) }, logger);
    discord.dropAnswer("/channels/410000000000000009/messages");
    await tickFor(scheduler, 5);
    const sends = discord.requests.filter((request) => request.method === "POST" && request.path === "/channels/410000000000000009/messages");
    expect(sends.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sends.map((request) => (request.body as { nonce: string }).nonce)).size).toBe(1);
    expect(discord.channelMessages("410000000000000009")).toHaveLength(1);
    const record = await world.store.getPost("discord:410000000000000009", "2025-06-02");
    expect(record).toMatchObject({ status: "posted", messageId: discord.channelMessages("410000000000000009")[0]!.id });
  });
});
