import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discordPoster } from "../../adapters/discord/poster.js";
import { createRest } from "../../adapters/discord/rest.js";
import { dailyCard } from "../../src/cards/takeaway-card.js";
import { PostError } from "../../src/daily/poster.js";
import { LIVE_MENTION } from "./arbitraries.js";
import { corpusBot, type CorpusBot } from "./fixture.js";
import { DiscordStandIn } from "./stand-in.js";

let standIn: DiscordStandIn;
let corpus: CorpusBot;

beforeAll(async () => {
  standIn = await new DiscordStandIn().start();
  corpus = await corpusBot();
});
afterAll(async () => {
  await standIn?.stop();
  await corpus?.close();
});

const target = (channelId: string) => ({ channelId, spaceId: "500000000000000001" });
const CLAIM = "0123456789abcdef01234567";

describe("daily poster", () => {
  const card = async () => dailyCard((await corpus.bot.data.takeaways())[0]!);

  it("posts the card publicly in the channel, mentions forbidden", async () => {
    const poster = discordPoster(createRest("p".repeat(60), standIn.apiUrl));
    const { messageId } = await poster.post(target("410000000000000001"), await card(), CLAIM);
    expect(messageId).toMatch(/^\d+$/);
    const request = standIn.requests.find((r) => r.path === "/channels/410000000000000001/messages")!;
    const body = request.body as any;
    expect(request.authorization).toBe(`Bot ${"p".repeat(60)}`);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.flags).toBeUndefined();
    expect(body).toMatchObject({ nonce: CLAIM, enforce_nonce: true });
    expect(body.embeds[0].title.length).toBeGreaterThan(0);
    expect(JSON.stringify(body.embeds)).not.toMatch(LIVE_MENTION);
  });

  it("sends a re-sent post under the same nonce, so Discord answers with the first message", async () => {
    const poster = discordPoster(createRest("p".repeat(60), standIn.apiUrl));
    const first = await poster.post(target("410000000000000005"), await card(), CLAIM);
    const again = await poster.post(target("410000000000000005"), await card(), CLAIM);
    const other = await poster.post(target("410000000000000005"), await card(), "another-claim");
    expect(again).toEqual(first);
    expect(other.messageId).not.toBe(first.messageId);
    expect(poster.findPosted).toBeUndefined();
  });

  it("reports a deleted channel or a missing permission as permanent", async () => {
    standIn.failingChannels.set("410000000000000002", { status: 404, code: 10003, message: "Unknown Channel" });
    standIn.failingChannels.set("410000000000000003", { status: 403, code: 50013, message: "Missing Permissions" });
    const poster = discordPoster(createRest("p".repeat(60), standIn.apiUrl));
    for (const [channel, code] of [["410000000000000002", "10003"], ["410000000000000003", "50013"]] as const) {
      const error = await poster.post(target(channel), await card(), CLAIM).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PostError);
      expect(error).toMatchObject({ kind: "permanent", code });
    }
  });

  it("reports a server error as transient", async () => {
    standIn.failingChannels.set("410000000000000004", { status: 500, code: 0, message: "Internal Server Error" });
    const poster = discordPoster(createRest("p".repeat(60), standIn.apiUrl));
    const error = await poster.post(target("410000000000000004"), await card(), CLAIM).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PostError);
    expect(error).toMatchObject({ kind: "transient" });
  });
});
