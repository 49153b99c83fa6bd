import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostError } from "../../src/daily/poster.js";
import type { Subscription } from "../../src/store/daily-store.js";
import { createBot } from "../../src/commands/create-bot.js";
import { createLogger } from "../../src/log/logger.js";
import { talkCard } from "./cards.js";
import { violations } from "./check.js";
import { startHarness, type Harness } from "./harness.js";

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness(await createBot({ corpusDir: "data/recaps", logger: createLogger("silent") }));
});

afterAll(async () => {
  await harness.close();
});

const subscription = (channelId: string): Subscription => ({
  id: `slack:${channelId}`,
  platform: "slack",
  channelId,
  postTime: "09:00",
  zone: "Europe/Paris",
  createdBy: "U0001",
  since: new Date(0),
  enabled: true,
});

async function failure(post: Promise<unknown>): Promise<PostError> {
  const error = await post.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PostError);
  return error as PostError;
}

describe("Slack daily poster", () => {
  it("posts the card publicly into the channel without unfurls and returns the message ts", async () => {
    const { messageId } = await harness.adapter.poster.post(subscription("C0DAILY"), talkCard);
    const post = harness.standin.calls("chat.postMessage").find((call) => call.body.channel === "C0DAILY")!;
    expect(messageId).toMatch(/^\d+\.\d+$/);
    expect(post.body).toMatchObject({ unfurl_links: "false", unfurl_media: "false" });
    expect(violations({ text: post.body.text as string, blocks: post.body.blocks as never })).toEqual([]);
  });

  it("reports a channel the bot is not in as permanent", async () => {
    harness.standin.failApi("chat.postMessage", "not_in_channel");
    const error = await failure(harness.adapter.poster.post(subscription("C0GONE"), talkCard));
    expect(error).toMatchObject({ kind: "permanent", code: "not_in_channel" });
  });

  it("reports a rate limit as transient with Slack's Retry-After, without waiting it out", async () => {
    harness.standin.rateLimit("chat.postMessage", 30);
    const error = await failure(harness.adapter.poster.post(subscription("C0BUSY"), talkCard));
    expect(error).toMatchObject({ kind: "transient", retryAfterMs: 30_000 });
  });

  it("reports any other refusal as transient", async () => {
    harness.standin.failApi("chat.postMessage", "internal_error");
    const error = await failure(harness.adapter.poster.post(subscription("C0FLAKY"), talkCard));
    expect(error).toMatchObject({ kind: "transient", code: "internal_error" });
  });
});
