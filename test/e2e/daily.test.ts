import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DailyScheduler } from "../../src/daily/scheduler.js";
import { createLogger } from "../../src/log/logger.js";
import type { DailyDriver, StartDriver } from "./daily-driver.js";
import { startDiscordDriver } from "./discord-driver.js";
import { startSlackDriver } from "./slack-driver.js";
import { startToyDriver } from "./toy-driver.js";
import { dailyWorld, type DailyWorld } from "./world.js";

/**
 * Daily takeaways end to end, one suite for every platform: the app bot and schedulers over a
 * SQLite file and a virtual clock, the platform's real adapter on loopback against its stand-in.
 * A new adapter lists its driver here (see daily-driver.ts) and inherits every case, as the toy
 * third platform of test/architecture does.
 */
const DRIVERS: Record<string, StartDriver> = { Slack: startSlackDriver, Discord: startDiscordDriver, "the toy third platform": startToyDriver };

// Tuesday 10 June 2025, 07:00 in Paris (UTC+2): before the first post time.
const START = "2025-06-10T05:00:00Z";
const SUBSCRIBE = { action: "on", time: "09:00", zone: "Europe/Paris" } as const;

describe.each(Object.entries(DRIVERS))("daily takeaways in %s, end to end", (_label, startDriver) => {
  let world: DailyWorld;
  let driver: DailyDriver;
  let scheduler: DailyScheduler;
  let kept: string;
  let lost: string;

  beforeAll(async () => {
    world = await dailyWorld(START);
    driver = await startDriver(world);
    ({ kept, lost } = driver.channels);
    scheduler = world.scheduler({ [driver.platform]: driver.poster }, driver.logger);
  });

  afterAll(async () => {
    await driver?.close();
    await world?.close();
  });

  /** Sets the virtual clock and runs one scheduler tick to the end. */
  async function tickAt(instant: string, by: DailyScheduler = scheduler) {
    world.clock.set(instant);
    return by.tick();
  }

  /** The takeaway the store recorded as posted in a channel on a local date. */
  async function postedOn(localDate: string, channel = kept) {
    const record = await world.store.getPost(`${driver.platform}:${channel}`, localDate);
    expect(record).toMatchObject({ status: "posted" });
    return { record: record!, takeaway: world.takeaway(record!.takeawayId) };
  }

  // One channel's life, in order: refusal, subscribe, first post, a press, repeat ticks, next day, status, off.
  it("refuses daily on to someone who may not manage the channel, to them alone, and subscribes nothing", async () => {
    const answer = await driver.daily(kept, SUBSCRIBE, "member");
    expect(answer.public).toBe(false);
    expect(answer.text).toContain("You need permission to manage this channel to do that.");
    expect(await world.store.getSubscription(`${driver.platform}:${kept}`)).toBeUndefined();
  });

  it("subscribes with daily on 09:00 Europe/Paris, acknowledged in the channel", async () => {
    const answer = await driver.daily(kept, SUBSCRIBE);
    expect(answer.public).toBe(true);
    expect(answer.text).toContain("Daily takeaways are on");
    expect(answer.text).toContain("every day at 09:00 (Europe/Paris)");
    expect(answer.text).toContain("Tue 10 Jun 2025 at 09:00 (Europe/Paris)");
    expect(await world.store.getSubscription(`${driver.platform}:${kept}`)).toMatchObject({
      platform: driver.platform,
      channelId: kept,
      spaceId: driver.spaceId,
      postTime: "09:00",
      zone: "Europe/Paris",
      createdBy: driver.askerId,
      enabled: true,
    });
  });

  it("posts nothing before 09:00 Paris time, then exactly one daily card at 09:00", async () => {
    expect(await tickAt("2025-06-10T06:59:00Z")).toMatchObject({ due: 0, posted: 0 });
    expect(driver.posts(kept)).toHaveLength(0);

    expect(await tickAt("2025-06-10T07:00:00Z")).toMatchObject({ due: 1, posted: 1, failed: 0 });
    const posts = driver.posts(kept);
    expect(posts).toHaveLength(1);
    const { record, takeaway } = await postedOn("2025-06-10");
    driver.checkDelivered(kept, 0, record.messageId!);
    expect(posts[0]!.public).toBe(true);
    expect(posts[0]!.text).toContain("KubeCon takeaway of the day");
    expect(posts[0]!.text).toContain(driver.shown(takeaway.text));
    // The start of the title: a long one is cut to fit.
    expect(posts[0]!.text).toContain(driver.shown(takeaway.talk).slice(0, 60));
    expect(posts[0]!.readTalk).toBe(`talk ${takeaway.sectionId}`);
  });

  it("answers a press on the daily card's Read the talk to the presser alone, with the talk", async () => {
    const { takeaway } = await postedOn("2025-06-10");
    const answer = await driver.pressReadTalk(kept, 0);
    expect(answer.public).toBe(false);
    expect(answer.text).toContain(driver.shown(takeaway.talk).slice(0, 60));
  });

  it("posts no second time that day: more ticks, and a second scheduler on the same database file", async () => {
    const replica = world.scheduler({ [driver.platform]: driver.poster }, createLogger("silent"), { separateConnection: true });
    expect(await tickAt("2025-06-10T07:01:00Z")).toMatchObject({ due: 1, posted: 0 });
    expect(await tickAt("2025-06-10T07:05:00Z", replica)).toMatchObject({ due: 1, posted: 0 });
    // 23:59 in Paris.
    expect(await tickAt("2025-06-10T21:59:00Z", replica)).toMatchObject({ posted: 0 });
    expect(driver.posts(kept)).toHaveLength(1);

    // The next day both processes tick at the same minute: still exactly one post.
    world.clock.set("2025-06-11T07:00:00Z");
    const reports = await Promise.all([scheduler.tick(), replica.tick()]);
    expect(reports.map((report) => report.posted).sort()).toEqual([0, 1]);
    expect(driver.posts(kept)).toHaveLength(2);
    const first = await postedOn("2025-06-10");
    const second = await postedOn("2025-06-11");
    expect(second.takeaway.id).not.toBe(first.takeaway.id);
    expect(driver.posts(kept)[1]!.text).toContain(driver.shown(second.takeaway.text));
  });

  it("shows the next post time and what is left of the rotation with daily status, to the asker alone", async () => {
    world.clock.set("2025-06-11T10:00:00Z");
    const status = await driver.daily(kept, { action: "status" });
    expect(status.public).toBe(false);
    expect(status.text).toContain("Thu 12 Jun 2025 at 09:00 (Europe/Paris)");
    expect(status.text).not.toContain("due now");
    const total = (await world.bot.data.takeaways()).length;
    expect(status.text).toContain(`${total - 2} of ${total}`);
  });

  it("stops posting after daily off, and daily status says so", async () => {
    world.clock.set("2025-06-11T12:00:00Z");
    const off = await driver.daily(kept, { action: "off" });
    expect(off.public).toBe(true);
    expect(off.text).toContain("Daily takeaways are off");
    expect(await tickAt("2025-06-12T07:00:00Z")).toMatchObject({ due: 0, posted: 0 });
    expect(await tickAt("2025-06-13T07:00:00Z")).toMatchObject({ due: 0, posted: 0 });
    expect(driver.posts(kept)).toHaveLength(2);
    expect((await driver.daily(kept, { action: "status" })).text).toContain("Daily takeaways are off in this channel");
  });

  it("turns a subscription off when the platform no longer knows the channel, and daily status says why", async () => {
    // 10:00 in Paris: today's 09:00 has passed and is not posted late.
    world.clock.set("2025-06-13T08:00:00Z");
    expect((await driver.daily(lost, SUBSCRIBE)).text).toContain("Sat 14 Jun 2025 at 09:00 (Europe/Paris)");
    expect(await tickAt("2025-06-13T08:01:00Z")).toMatchObject({ due: 0 });

    const { reason, code } = driver.loseChannel(lost);
    expect(await tickAt("2025-06-14T07:00:00Z")).toMatchObject({ due: 1, posted: 0, disabled: 1 });
    expect(driver.posts(lost)).toHaveLength(1);
    expect(await world.store.getSubscription(`${driver.platform}:${lost}`)).toMatchObject({ enabled: false, disabledReason: expect.stringContaining(reason) });
    const logged = await driver.logs.waitFor((line) => line.channelId === lost && line.code === code);
    expect(logged).toMatchObject({ level: 50, subscriptionId: `${driver.platform}:${lost}`, localDate: "2025-06-14" });

    expect(await tickAt("2025-06-15T07:00:00Z")).toMatchObject({ due: 0 });
    expect(driver.posts(lost)).toHaveLength(1);
    const status = (await driver.daily(lost, { action: "status" })).text;
    expect(status).toContain("Daily takeaways are off in this channel since Sat 14 Jun 2025 at 09:00 (Europe/Paris)");
    expect(status).toContain(reason);
  });
});
