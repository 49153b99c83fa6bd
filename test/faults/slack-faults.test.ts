import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PostTarget } from "../../src/daily/poster.js";
import { loadBot } from "../../src/app/load-bot.js";
import { createLogger } from "../../src/log/logger.js";
import { postSigned, startHarness, type Harness } from "../slack/harness.js";
import { blockActionsBody, slashCommandBody } from "../slack/signing.js";
import { postFailure } from "../support/post-failure.js";

/**
 * Slack throttling, failing or hanging, against the real Bolt app: the Web API client and the
 * response_url posts retry within their bounds, then the user gets a short answer or, when no
 * answer can reach them, a log line says what was lost.
 */

type Json = Record<string, any>;

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness(await loadBot({ corpusDir: "data/recaps", logger: createLogger("silent") }), {
    // Small bounds so a hang costs a fraction of a second; the outcomes, not the times, are asserted.
    network: { timeoutMs: 300, retryDelayMs: 10, deadlineMs: 10_000 },
  });
});

afterEach(() => harness.standin.faults.clear());

afterAll(async () => {
  await harness.close();
});

async function slash(text: string) {
  const answer = await postSigned(harness.url, slashCommandBody({ text, responseUrl: harness.standin.responseUrl("slash") }));
  expect(answer.status).toBe(200);
  return answer.json();
}

/** Clicks the card's button labelled `label`; what the bot sends back goes to response URL `responseId`. */
async function click(card: Json, label: RegExp, responseId: string): Promise<void> {
  const button = card.blocks
    .flatMap((block: Json) => [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])])
    .find((element: Json) => label.test(element.text?.text ?? ""));
  const answer = await postSigned(
    harness.url,
    blockActionsBody({ actionId: button.action_id, value: button.value, responseUrl: harness.standin.responseUrl(responseId), ephemeral: true }),
  );
  // The click is acknowledged at once whatever happens next.
  expect(answer.status).toBe(200);
}

const posts = (id: string) => harness.standin.received.filter((received) => received.id === id);
/** Resolves once `n` posts reached response URL `id`. */
const postsReach = (id: string, n: number) => harness.standin.waitFor(() => posts(id).length >= n).then(() => posts(id));
/** Resolves with the next "response_url post failed" line logged after this call. */
function nextFailureLog() {
  const seen = harness.logs.lines.length;
  return harness.logs.waitFor((line) => line.msg === "slack response_url post failed" && harness.logs.lines.indexOf(line) >= seen);
}

describe("Slack down: answers that need no outgoing call still work", () => {
  it("answers slash commands in the acknowledgement while the Web API and every response URL hang", async () => {
    harness.standin.faults.add(/.*/, "hang", 1000);
    const card = await slash("ebpf");
    expect(card.blocks[0].text.text).toContain("ebpf");
    expect((await slash("help")).blocks.length).toBeGreaterThan(0);
  });
});

describe("response_url faults", () => {
  it("retries a 503 and then a 429 until the click's answer lands", async () => {
    const card = await slash("kubernetes");
    harness.standin.faults.add("response_url", { status: 503 });
    harness.standin.faults.add("response_url", { status: 429, retryAfterSec: 1 });
    await click(card, /Next/, "flaky");
    const [first, second, third] = await postsReach("flaky", 3);
    expect(third!.body).toEqual(first!.body);
    expect(second!.body).toEqual(first!.body);
    expect(first!.body.replace_original).toBe(true);
    expect(JSON.stringify(first!.body.blocks)).toMatch(/page 2 of/);
  });

  it("waits out a 429 for as long as Slack's Retry-After says, not a guess", async () => {
    const card = await slash("kubernetes");
    harness.standin.faults.add("response_url", { status: 429, retryAfterSec: 1 });
    await click(card, /Next/, "throttled");
    const [refused, landed] = await postsReach("throttled", 2);
    expect(landed!.body).toEqual(refused!.body);
    // A lower bound only: the configured backoff (10 ms here) would have tried again at once.
    expect(landed!.at - refused!.at).toBeGreaterThanOrEqual(990);
  });

  it("gives up at once on a Retry-After that ends past the deadline, with a log line naming the wait", async () => {
    const card = await slash("kubernetes");
    harness.standin.faults.add("response_url", { status: 429, retryAfterSec: 600 });
    const logged = nextFailureLog();
    await click(card, /Next/, "throttled-long");
    const line = await logged;
    expect(line).toMatchObject({ level: 40, err: { message: "response_url answered 429 (Retry-After 600 s)", status: 429, retryAfterMs: 600_000 } });
    expect(posts("throttled-long")).toHaveLength(1);
  });

  it("retries a response URL that hangs past the timeout", async () => {
    const card = await slash("kubernetes");
    harness.standin.faults.add("response_url", "hang");
    await click(card, /Next/, "hung-once");
    const [first, second] = await postsReach("hung-once", 2);
    expect(second!.body).toEqual(first!.body);
  });

  it("gives up after three attempts on a response URL that keeps failing, with a log line naming the click", async () => {
    const card = await slash("kubernetes");
    harness.standin.faults.add("response_url", { status: 500 }, 3);
    const logged = nextFailureLog();
    await click(card, /Next/, "down");
    const line = await logged;
    expect(line).toMatchObject({ level: 40, component: "slack", user: "U0001", channel: "C0001" });
    expect(String(line.action)).toMatch(/^kubecon\./);
    expect(posts("down")).toHaveLength(3);
  });

  it("does not retry an expired response URL (404)", async () => {
    const card = await slash("kubernetes");
    harness.standin.failResponseUrl("expired-once", 404);
    const logged = nextFailureLog();
    await click(card, /Next/, "expired-once");
    await logged;
    expect(posts("expired-once")).toHaveLength(1);
  });
});

describe("Web API faults on Share in channel", () => {
  const sharePosts = () => harness.standin.calls("chat.postMessage").length;

  it("waits out a short Retry-After and posts the card", async () => {
    const card = await slash("ebpf");
    const before = sharePosts();
    harness.standin.faults.add("chat.postMessage", { status: 429, retryAfterSec: 1 });
    await click(card, /Share in channel/, "share-throttled");
    const [deleted] = await postsReach("share-throttled", 1);
    expect(deleted!.body).toEqual({ delete_original: true });
    expect(sharePosts() - before).toBe(2);
  });

  it("answers the sharer at once when Slack's Retry-After is past the deadline", async () => {
    const card = await slash("ebpf");
    const before = sharePosts();
    harness.standin.faults.add("chat.postMessage", { status: 429, retryAfterSec: 600 });
    await click(card, /Share in channel/, "share-slow-down");
    const [told] = await postsReach("share-slow-down", 1);
    expect(told!.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(told!.body.text).toMatch(/try again/);
    expect(sharePosts() - before).toBe(1);
  });

  it("posts after a 500, retried by the Web API client", async () => {
    const card = await slash("ebpf");
    const before = sharePosts();
    harness.standin.faults.add("chat.postMessage", { status: 500 });
    await click(card, /Share in channel/, "share-500");
    const [deleted] = await postsReach("share-500", 1);
    expect(deleted!.body).toEqual({ delete_original: true });
    expect(sharePosts() - before).toBe(2);
  });

  it("tells the sharer when the Web API hangs through every attempt", async () => {
    const card = await slash("ebpf");
    const before = sharePosts();
    harness.standin.faults.add("chat.postMessage", "hang", 3);
    await click(card, /Share in channel/, "share-hung");
    const [told] = await postsReach("share-hung", 1);
    expect(told!.body.text).toMatch(/try again/);
    expect(sharePosts() - before).toBe(3);
    await harness.logs.waitFor((line) => line.msg === "slack share post failed" && line.action !== undefined);
  });
});

describe("daily posts against a failing Web API", () => {
  const target: PostTarget = { channelId: "C0FAULT" };
  const card = { title: "A takeaway" };
  let claims = 0;


  it("gives the scheduler a transient failure, not a hung tick, when Slack hangs", async () => {
    harness.standin.faults.add("chat.postMessage", "hang", 3);
    const error = await postFailure(harness.adapter.poster.post(target, card, `claim-${++claims}`));
    expect(error.kind).toBe("transient");
  });

  it("passes a long Retry-After to the scheduler instead of waiting it out", async () => {
    harness.standin.faults.add("chat.postMessage", { status: 429, retryAfterSec: 900 });
    const error = await postFailure(harness.adapter.poster.post(target, card, `claim-${++claims}`));
    expect(error).toMatchObject({ kind: "transient", retryAfterMs: 900_000 });
  });
});
