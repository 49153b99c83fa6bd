import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeButton } from "../../adapters/discord/custom-id.js";
import { escapeMarkdown } from "../../adapters/discord/escape.js";
import type { DailyScheduler } from "../../src/daily/scheduler.js";
import { createLogger } from "../../src/log/logger.js";
import { MANAGER_PERMISSIONS, MEMBER_PERMISSIONS, stringOption, type Option } from "../discord/payloads.js";
import { DiscordStandIn, type RecordedRequest } from "../discord/stand-in.js";
import { LogCapture } from "../slack/harness.js";
import { BOT_TOKEN, commandIn, startDiscordEndpoint, type DiscordEndpoint } from "./discord-endpoint.js";
import { dailyWorld, type DailyWorld } from "./world.js";

// Tuesday 10 June 2025, 06:00 in New York (UTC-4): before the first post time.
const START = "2025-06-10T10:00:00Z";
const CHANNEL = "410000000000000101";
const GONE_CHANNEL = "410000000000000102";
const EPHEMERAL = 64;

let world: DailyWorld;
let standIn: DiscordStandIn;
let endpoint: DiscordEndpoint;
let scheduler: DailyScheduler;
const logs = new LogCapture();

beforeAll(async () => {
  world = await dailyWorld(START);
  standIn = await new DiscordStandIn().start();
  const logger = createLogger("info", logs.stream);
  endpoint = await startDiscordEndpoint(world.bot, standIn, logger);
  scheduler = world.scheduler({ discord: endpoint.adapter.poster }, logger);
});

afterAll(async () => {
  await endpoint?.close();
  await standIn?.stop();
  await world?.close();
});

/** `/kubecon daily action:<action> ...` from a channel; the answer is the HTTP response's interaction callback. */
async function daily(channelId: string, options: Option[], permissions = MANAGER_PERMISSIONS) {
  const answer = await endpoint.interact(commandIn(channelId, "daily", options, permissions));
  expect(answer.status).toBe(200);
  expect(answer.body.type).toBe(4);
  expect(answer.body.data.allowed_mentions).toEqual({ parse: [] });
  return answer.body.data as { flags?: number; embeds: any[]; components: any[] };
}

const action = (value: string) => stringOption("action", value);
const subscribeOptions = [action("on"), stringOption("time", "09:00"), stringOption("zone", "America/New_York")];

async function tickAt(instant: string, by: DailyScheduler = scheduler) {
  world.clock.set(instant);
  return by.tick();
}

const postsTo = (channel: string): RecordedRequest[] =>
  standIn.requests.filter((request) => request.method === "POST" && request.path === `/channels/${channel}/messages`);

async function postedOn(localDate: string, channel = CHANNEL) {
  const record = await world.store.getPost(`discord:${channel}`, localDate);
  expect(record).toMatchObject({ status: "posted" });
  return { record: record!, takeaway: world.takeaway(record!.takeawayId) };
}

// One channel's life, in order: refusal, subscribe, first post, repeat ticks, next day, status, off.
describe("daily takeaways in Discord over HTTP interactions, end to end", () => {
  it("refuses daily on to a member without Manage Channels, and subscribes nothing", async () => {
    const answer = await daily(CHANNEL, subscribeOptions, MEMBER_PERMISSIONS);
    expect(answer.flags).toBe(EPHEMERAL);
    expect(answer.embeds[0].description).toContain("You need permission to manage this channel to do that.");
    expect(await world.store.getSubscription(`discord:${CHANNEL}`)).toBeUndefined();
  });

  it("subscribes with /kubecon daily action:on time:09:00 zone:America/New_York from a channel manager", async () => {
    const answer = await daily(CHANNEL, subscribeOptions);
    expect(answer.flags).toBeUndefined();
    const [embed] = answer.embeds;
    expect(embed.title).toBe("Daily takeaways are on");
    expect(embed.description).toContain("every day at 09:00 (America/New\\_York)");
    expect(embed.fields).toContainEqual(expect.objectContaining({ name: "First post", value: "Tue 10 Jun 2025 at 09:00 (America/New\\_York)" }));
    expect(await world.store.getSubscription(`discord:${CHANNEL}`)).toMatchObject({
      platform: "discord",
      channelId: CHANNEL,
      spaceId: "500000000000000001",
      postTime: "09:00",
      zone: "America/New_York",
      enabled: true,
    });
  });

  it("posts nothing before 09:00 New York time, then exactly one daily embed at 09:00, mentions forbidden", async () => {
    expect(await tickAt("2025-06-10T12:59:00Z")).toMatchObject({ due: 0, posted: 0 });
    expect(postsTo(CHANNEL)).toHaveLength(0);

    expect(await tickAt("2025-06-10T13:00:00Z")).toMatchObject({ due: 1, posted: 1, failed: 0 });
    const posts = postsTo(CHANNEL);
    expect(posts).toHaveLength(1);
    const { authorization, body } = posts[0]! as { authorization?: string; body: any };
    const { record, takeaway } = await postedOn("2025-06-10");
    expect(record.messageId).toMatch(/^\d+$/);
    expect(authorization).toBe(`Bot ${BOT_TOKEN}`);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.flags).toBeUndefined();
    const [embed] = body.embeds;
    expect(embed.title).toBe("KubeCon takeaway of the day");
    expect(embed.description).toContain(escapeMarkdown(takeaway.text));
    // The start of the title: a long one is cut to the field name's limit.
    expect(embed.fields[0].name).toContain(escapeMarkdown(takeaway.talk).slice(0, 60));
    const ids: string[] = body.components.flatMap((row: any) => row.components.map((button: any) => button.custom_id));
    const read = body.components.flatMap((row: any) => row.components).find((button: any) => button.label === "Read the talk");
    expect(read).toBeDefined();
    expect(decodeButton(read.custom_id, ids)?.command).toBe(`talk ${takeaway.sectionId}`);
  });

  it("posts no second time that day: more ticks, and a second scheduler on the same database file", async () => {
    const replica = world.scheduler({ discord: endpoint.adapter.poster }, createLogger("silent"), { separateConnection: true });
    expect(await tickAt("2025-06-10T13:01:00Z")).toMatchObject({ due: 1, posted: 0 });
    expect(await tickAt("2025-06-10T13:30:00Z", replica)).toMatchObject({ due: 1, posted: 0 });
    // 23:59 in New York, already the 11th in UTC.
    expect(await tickAt("2025-06-11T03:59:00Z", replica)).toMatchObject({ posted: 0 });
    expect(postsTo(CHANNEL)).toHaveLength(1);

    world.clock.set("2025-06-11T13:00:00Z");
    const reports = await Promise.all([scheduler.tick(), replica.tick()]);
    expect(reports.map((report) => report.posted).sort()).toEqual([0, 1]);
    expect(postsTo(CHANNEL)).toHaveLength(2);
    const first = await postedOn("2025-06-10");
    const second = await postedOn("2025-06-11");
    expect(second.takeaway.id).not.toBe(first.takeaway.id);
    expect((postsTo(CHANNEL)[1]!.body as any).embeds[0].description).toContain(escapeMarkdown(second.takeaway.text));
  });

  it("shows the next post time with daily status", async () => {
    world.clock.set("2025-06-11T15:00:00Z");
    const answer = await daily(CHANNEL, [action("status")]);
    expect(answer.flags).toBe(EPHEMERAL);
    expect(answer.embeds[0].fields).toContainEqual(
      expect.objectContaining({ name: "Next post", value: "Thu 12 Jun 2025 at 09:00 (America/New\\_York)" }),
    );
  });

  it("stops posting after daily off", async () => {
    const off = await daily(CHANNEL, [action("off")]);
    expect(off.embeds[0].title).toBe("Daily takeaways are off");
    expect(await tickAt("2025-06-12T13:00:00Z")).toMatchObject({ due: 0, posted: 0 });
    expect(postsTo(CHANNEL)).toHaveLength(2);
  });
});

describe("a channel Discord no longer knows, end to end", () => {
  it("turns the subscription off on 404 Unknown Channel and daily status says why", async () => {
    world.clock.set("2025-06-12T14:00:00Z");
    await daily(GONE_CHANNEL, subscribeOptions);
    standIn.failingChannels.set(GONE_CHANNEL, { status: 404, code: 10003, message: "Unknown Channel" });

    expect(await tickAt("2025-06-13T13:00:00Z")).toMatchObject({ due: 1, posted: 0, disabled: 1 });
    expect(postsTo(GONE_CHANNEL)).toHaveLength(1);
    expect(await world.store.getSubscription(`discord:${GONE_CHANNEL}`)).toMatchObject({ enabled: false, disabledReason: "Unknown Channel" });
    const logged = await logs.waitFor((line) => line.channelId === GONE_CHANNEL && line.code === "10003");
    expect(logged).toMatchObject({ level: 50, subscriptionId: `discord:${GONE_CHANNEL}`, localDate: "2025-06-13" });

    expect(await tickAt("2025-06-14T13:00:00Z")).toMatchObject({ due: 0 });
    expect(postsTo(GONE_CHANNEL)).toHaveLength(1);
    const status = await daily(GONE_CHANNEL, [action("status")]);
    expect(status.embeds[0].description).toContain("Daily takeaways are off in this channel since Fri 13 Jun 2025 at 09:00 (America/New\\_York)");
    expect(status.embeds[0].description).toContain("Unknown Channel");
  });
});
