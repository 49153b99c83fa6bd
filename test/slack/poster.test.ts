import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBot } from "../../src/app/load-bot.js";
import { createLogger } from "../../src/log/logger.js";
import { talkCard } from "./cards.js";
import { violations } from "./check.js";
import { startHarness, type Harness } from "./harness.js";
import { postFailure } from "../support/post-failure.js";

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness(await loadBot({ corpusDir: "data/recaps", logger: createLogger("silent") }));
});

afterAll(async () => {
  await harness.close();
});

const target = (channelId: string) => ({ channelId, spaceId: "T0001" });
const CLAIM = "0123456789abcdef01234567";


describe("Slack daily poster", () => {
  it("posts the card publicly into the channel without unfurls and returns the message ts", async () => {
    const { messageId } = await harness.adapter.poster.post(target("C0DAILY"), talkCard, CLAIM);
    const post = harness.standin.calls("chat.postMessage").find((call) => call.body.channel === "C0DAILY")!;
    expect(messageId).toMatch(/^\d+\.\d+$/);
    expect(post.body).toMatchObject({ unfurl_links: "false", unfurl_media: "false", metadata: { event_type: "kubecon_daily", event_payload: { claim_id: CLAIM } } });
    expect(violations({ text: post.body.text as string, blocks: post.body.blocks as never })).toEqual([]);
  });

  it("finds a post by its claim id in the channel's history, and only that one", async () => {
    const since = new Date(Date.now() - 60_000);
    const poster = harness.adapter.poster;
    expect(await poster.findPosted!(target("C0FIND"), CLAIM, since)).toBeUndefined();
    await poster.post(target("C0FIND"), talkCard, "another-claim");
    const { messageId } = await poster.post(target("C0FIND"), talkCard, CLAIM);
    await poster.post(target("C0FIND"), talkCard, "a-third-claim");
    expect(await poster.findPosted!(target("C0FIND"), CLAIM, since)).toEqual({ messageId });
    expect(await poster.findPosted!(target("C0OTHER"), CLAIM, since)).toBeUndefined();
    const lookup = harness.standin.calls("conversations.history").at(-1)!;
    expect(lookup.body).toMatchObject({ channel: "C0OTHER", include_all_metadata: "true", oldest: String(Math.floor(since.getTime() / 1000) - 1) });
  });

  it("reports a history Slack will not show as a PostError", async () => {
    harness.standin.failApi("conversations.history", "missing_scope");
    const error = await postFailure(harness.adapter.poster.findPosted!(target("C0SCOPE"), CLAIM, new Date()));
    expect(error).toMatchObject({ kind: "transient", code: "missing_scope" });
  });

  it("reports a channel the bot is not in as permanent", async () => {
    harness.standin.failApi("chat.postMessage", "not_in_channel");
    const error = await postFailure(harness.adapter.poster.post(target("C0GONE"), talkCard, CLAIM));
    expect(error).toMatchObject({ kind: "permanent", code: "not_in_channel" });
  });

  it("reports a rate limit as transient with Slack's Retry-After, without waiting it out", async () => {
    harness.standin.rateLimit("chat.postMessage", 30);
    const error = await postFailure(harness.adapter.poster.post(target("C0BUSY"), talkCard, CLAIM));
    expect(error).toMatchObject({ kind: "transient", retryAfterMs: 30_000 });
  });

  it("reports any other refusal as transient", async () => {
    harness.standin.failApi("chat.postMessage", "internal_error");
    const error = await postFailure(harness.adapter.poster.post(target("C0FLAKY"), talkCard, CLAIM));
    expect(error).toMatchObject({ kind: "transient", code: "internal_error" });
  });
});
