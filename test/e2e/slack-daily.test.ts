import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeText } from "../../adapters/slack/escape.js";
import { actionKind } from "../../adapters/slack/render.js";
import type { DailyScheduler } from "../../src/daily/scheduler.js";
import { postSigned, startHarness, type Harness } from "../slack/harness.js";
import { blockActionsBody, slashCommandBody } from "../slack/signing.js";
import { dailyWorld, type DailyWorld } from "./world.js";

type Json = Record<string, any>;

// Tuesday 10 June 2025, 07:00 in Paris (UTC+2): before the first post time.
const START = "2025-06-10T05:00:00Z";
const CHANNEL = "C0E2EDAILY";
const GONE_CHANNEL = "C0E2EGONE";

let world: DailyWorld;
let harness: Harness;
let scheduler: DailyScheduler;

beforeAll(async () => {
  world = await dailyWorld(START);
  harness = await startHarness(world.bot);
  scheduler = world.scheduler({ slack: harness.adapter.poster }, harness.logger);
});

afterAll(async () => {
  await harness?.close();
  await world?.close();
});

let responses = 0;
/** `/kubecon <text>` in a channel, signed; the answer is the acknowledgement's body. */
async function slash(text: string, channelId: string): Promise<Json> {
  const answer = await postSigned(harness.url, slashCommandBody({ text, channelId, responseUrl: harness.standin.responseUrl(`slash-${++responses}`) }));
  expect(answer.status).toBe(200);
  return answer.json();
}

/** Sets the virtual clock and runs one scheduler tick to the end. */
async function tickAt(instant: string, by: DailyScheduler = scheduler) {
  world.clock.set(instant);
  return by.tick();
}

const postsTo = (channel: string) => harness.standin.calls("chat.postMessage").filter((call) => call.body.channel === channel);
/** Every text of a message's blocks, one a line (not JSON, whose escapes would hide quotes in titles). */
const text = (message: Json): string => strings(message.blocks).join("\n");
const strings = (value: unknown): string[] =>
  typeof value === "string" ? [value] : value && typeof value === "object" ? Object.values(value).flatMap(strings) : [];
const buttons = (blocks: Json[]): Json[] => blocks.flatMap((block) => (block.type === "actions" ? block.elements : []));

/** The takeaway the store recorded for a local date, and the message Slack received for it. */
async function postedOn(localDate: string, channel = CHANNEL) {
  const record = await world.store.getPost(`slack:${channel}`, localDate);
  expect(record).toMatchObject({ status: "posted" });
  return { record: record!, takeaway: world.takeaway(record!.takeawayId) };
}

// One channel's life, in order: subscribe, first post, repeat ticks, next day, status, off.
describe("daily takeaways in Slack, end to end", () => {
  it("subscribes with /kubecon daily on 09:00 Europe/Paris, acknowledged in the channel", async () => {
    const ack = await slash("daily on 09:00 Europe/Paris", CHANNEL);
    expect(ack.response_type).toBe("in_channel");
    expect(ack.blocks[0]).toMatchObject({ type: "header", text: { text: "Daily takeaways are on" } });
    expect(text(ack)).toContain("every day at 09:00 (Europe/Paris)");
    expect(text(ack)).toContain("Tue 10 Jun 2025 at 09:00 (Europe/Paris)");
    expect(await world.store.getSubscription(`slack:${CHANNEL}`)).toMatchObject({
      platform: "slack",
      channelId: CHANNEL,
      spaceId: "T0001",
      postTime: "09:00",
      zone: "Europe/Paris",
      createdBy: "U0001",
      enabled: true,
    });
  });

  it("posts nothing before 09:00 Paris time, then exactly one daily card at 09:00", async () => {
    expect(await tickAt("2025-06-10T06:59:00Z")).toMatchObject({ due: 0, posted: 0 });
    expect(postsTo(CHANNEL)).toHaveLength(0);

    expect(await tickAt("2025-06-10T07:00:00Z")).toMatchObject({ due: 1, posted: 1, failed: 0 });
    const posts = postsTo(CHANNEL);
    expect(posts).toHaveLength(1);
    const { body } = posts[0]!;
    const { record, takeaway } = await postedOn("2025-06-10");
    expect(record.messageId).toMatch(/^\d+\.\d+$/);
    expect(body).toMatchObject({ unfurl_links: "false", unfurl_media: "false" });
    const blocks = body.blocks as Json[];
    expect(blocks[0]).toMatchObject({ type: "header", text: { text: "KubeCon takeaway of the day" } });
    expect(blocks.some((block) => block.type === "section" && block.text?.text.includes(escapeText(takeaway.text)))).toBe(true);
    // The start of the title: a long one is cut to fit the block.
    expect(text(body)).toContain(escapeText(takeaway.talk).slice(0, 60));
    const read = buttons(blocks).find((button) => button.text.text === "Read the talk");
    expect(read).toBeDefined();
    expect(read!.value).toBe(`talk ${takeaway.sectionId}`);
    expect(actionKind(read!.action_id)).toBe("command");
  });

  it("answers a press on the daily card's Read the talk to the clicker alone, with the talk", async () => {
    const [post] = postsTo(CHANNEL);
    const read = buttons(post!.body.blocks as Json[]).find((button) => button.text.text === "Read the talk")!;
    const { takeaway } = await postedOn("2025-06-10");
    const click = blockActionsBody({ actionId: read.action_id, value: read.value, responseUrl: harness.standin.responseUrl("read-talk"), ephemeral: false, channelId: CHANNEL });
    expect((await postSigned(harness.url, click)).status).toBe(200);
    const answer = await harness.standin.waitFor((received) => received.id === "read-talk");
    expect(answer.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(text(answer.body)).toContain(escapeText(takeaway.talk).slice(0, 60));
  });

  it("posts no second time that day: more ticks, and a second scheduler on the same database file", async () => {
    const replica = world.scheduler({ slack: harness.adapter.poster }, harness.logger, { separateConnection: true });
    expect(await tickAt("2025-06-10T07:01:00Z")).toMatchObject({ due: 1, posted: 0 });
    expect(await tickAt("2025-06-10T07:05:00Z", replica)).toMatchObject({ due: 1, posted: 0 });
    expect(await tickAt("2025-06-10T21:59:00Z", replica)).toMatchObject({ posted: 0 });
    expect(postsTo(CHANNEL)).toHaveLength(1);

    // The next day both processes tick at the same minute: still exactly one post.
    world.clock.set("2025-06-11T07:00:00Z");
    const reports = await Promise.all([scheduler.tick(), replica.tick()]);
    expect(reports.map((report) => report.posted).sort()).toEqual([0, 1]);
    expect(postsTo(CHANNEL)).toHaveLength(2);
    const first = await postedOn("2025-06-10");
    const second = await postedOn("2025-06-11");
    expect(second.takeaway.id).not.toBe(first.takeaway.id);
    expect(text(postsTo(CHANNEL)[1]!.body)).toContain(escapeText(second.takeaway.text));
  });

  it("shows the next post time with daily status", async () => {
    world.clock.set("2025-06-11T10:00:00Z");
    const status = await slash("daily status", CHANNEL);
    expect(status.response_type).toBe("ephemeral");
    expect(text(status)).toContain("Thu 12 Jun 2025 at 09:00 (Europe/Paris)");
    expect(text(status)).not.toContain("due now");
    const total = world.bot.data.takeaways.length;
    expect(text(status)).toContain(`${total - 2} of ${total}`);
  });

  it("stops posting after daily off, and daily status says so", async () => {
    world.clock.set("2025-06-11T12:00:00Z");
    const off = await slash("daily off", CHANNEL);
    expect(off.response_type).toBe("in_channel");
    expect(off.blocks[0]).toMatchObject({ type: "header", text: { text: "Daily takeaways are off" } });
    expect(await tickAt("2025-06-12T07:00:00Z")).toMatchObject({ due: 0, posted: 0 });
    expect(await tickAt("2025-06-13T07:00:00Z")).toMatchObject({ due: 0, posted: 0 });
    expect(postsTo(CHANNEL)).toHaveLength(2);
    expect(text(await slash("daily status", CHANNEL))).toContain("Daily takeaways are off in this channel");
  });
});

describe("a channel Slack no longer knows, end to end", () => {
  it("turns the subscription off on channel_not_found and daily status says why", async () => {
    // 10:00 in Paris: today's 09:00 has passed and is not posted late.
    world.clock.set("2025-06-13T08:00:00Z");
    const ack = await slash("daily on 09:00 Europe/Paris", GONE_CHANNEL);
    expect(text(ack)).toContain("Sat 14 Jun 2025 at 09:00 (Europe/Paris)");
    expect(await tickAt("2025-06-13T08:01:00Z")).toMatchObject({ due: 0 });

    harness.standin.failApi("chat.postMessage", "channel_not_found");
    expect(await tickAt("2025-06-14T07:00:00Z")).toMatchObject({ due: 1, posted: 0, disabled: 1 });
    expect(postsTo(GONE_CHANNEL)).toHaveLength(1);
    expect(await world.store.getSubscription(`slack:${GONE_CHANNEL}`)).toMatchObject({ enabled: false, disabledReason: expect.stringContaining("channel_not_found") });
    const logged = await harness.logs.waitFor((line) => line.channelId === GONE_CHANNEL && line.code === "channel_not_found");
    expect(logged).toMatchObject({ level: 50, subscriptionId: `slack:${GONE_CHANNEL}`, localDate: "2025-06-14" });

    expect(await tickAt("2025-06-15T07:00:00Z")).toMatchObject({ due: 0 });
    expect(postsTo(GONE_CHANNEL)).toHaveLength(1);
    const status = text(await slash("daily status", GONE_CHANNEL));
    expect(status).toContain("Daily takeaways are off in this channel since Sat 14 Jun 2025 at 09:00 (Europe/Paris)");
    expect(status).toContain("channel_not_found");
  });
});
