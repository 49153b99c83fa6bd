import { afterEach, describe, expect, it } from "vitest";
import { DailyScheduler } from "../../src/daily/scheduler.js";
import type { Poster } from "../../src/daily/poster.js";
import type { Takeaway } from "../../src/takeaways/takeaways.js";
import type { DailyStore, SubscriptionSettings } from "../../src/store/daily-store.js";
import { earliestPost, nextPostTime, parsePostTime } from "../../src/daily/schedule.js";
import {
  FakeClock,
  RecordingPoster,
  faultyStore,
  memoryLogger,
  permanent,
  subscriptionSettings,
  takeaway,
  tempStore,
  transient,
} from "./helpers.js";

const MINUTE = 60_000;
const pool: Takeaway[] = [
  ...Array.from({ length: 10 }, (_, i) => takeaway(`na-2020--ebpf-${i}#0000000${i}`, ["eBPF"])),
  ...Array.from({ length: 3 }, (_, i) => takeaway(`eu-2018--security-${i}#1000000${i}`, ["Security"])),
];

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

function setup(start: string, settings: Partial<SubscriptionSettings>[] = [{}], store?: DailyStore) {
  const env = tempStore();
  cleanups.push(env.cleanup);
  const clock = new FakeClock(start);
  const poster = new RecordingPoster(clock);
  const log = memoryLogger();
  const make = (s: DailyStore, p: Poster = poster) =>
    new DailyScheduler({ store: s, takeaways: async () => pool, posters: { slack: p }, clock, logger: log.logger });
  const ready = Promise.all(settings.map((overrides) => (store ?? env.store).saveSubscription(subscriptionSettings(overrides))));
  return { env, clock, poster, log, scheduler: make(store ?? env.store), make, ready };
}

/** Ticks once a minute over [from, to). */
async function runTicks(clock: FakeClock, schedulers: DailyScheduler[], from: string, to: string): Promise<void> {
  for (let t = Date.parse(from); t < Date.parse(to); t += MINUTE) {
    clock.set(new Date(t));
    await Promise.all(schedulers.map((scheduler) => scheduler.tick()));
  }
}

const times = (poster: RecordingPoster) => poster.deliveries.map((d) => d.at.toISOString());

describe("DailyScheduler", () => {
  it("posts once a day at the subscription's local time, for days on end", async () => {
    const { clock, poster, scheduler, env, ready } = setup("2025-06-01T00:00:00Z", [{ zone: "Europe/Paris" }]);
    await ready;
    await runTicks(clock, [scheduler], "2025-06-01T00:00:00Z", "2025-06-08T00:00:00Z");
    expect(times(poster)).toEqual([1, 2, 3, 4, 5, 6, 7].map((d) => `2025-06-0${d}T07:00:00.000Z`));
    const first = poster.deliveries[0]!;
    expect(first.card.title).toBe("KubeCon takeaway of the day");
    expect(await env.store.getPost("slack:C1", "2025-06-01")).toMatchObject({ status: "posted", messageId: first.messageId });
  });

  it("claims no further batch once it is stopping, and the channels left are posted by the next tick", async () => {
    const channels = ["C1", "C2", "C3"].map((channelId) => ({ id: `slack:${channelId}`, channelId }));
    const { env, clock, poster, log, ready } = setup("2025-06-01T09:00:00Z", channels);
    await ready;
    const stopping = new AbortController();
    const scheduler = new DailyScheduler({ store: env.store, takeaways: async () => pool, posters: { slack: poster }, clock, logger: log.logger, batchSize: 1 });
    poster.failWith = () => {
      stopping.abort(); // SIGTERM arrives while the first post is in flight
      return undefined;
    };
    await scheduler.tick(clock.now(), stopping.signal);
    expect(poster.deliveries).toHaveLength(1);
    const untouched = await Promise.all(channels.map(({ id }) => env.store.getPost(id, "2025-06-01")));
    expect(untouched.filter((post) => post === undefined)).toHaveLength(2);

    poster.failWith = undefined;
    await scheduler.tick(clock.now());
    expect(new Set(poster.deliveries.map((d) => d.channelId))).toEqual(new Set(["C1", "C2", "C3"]));
  });

  it("stops at once while the first tick still waits for the takeaways of a large corpus, claiming nothing", async () => {
    const { env, clock, poster, log, ready } = setup("2025-06-01T09:00:00Z");
    await ready;
    let asked!: () => void;
    const takeawaysAsked = new Promise<void>((resolve) => (asked = resolve));
    // Takeaways that are never ready: the shutdown must not wait for them.
    const scheduler = new DailyScheduler({ store: env.store, takeaways: () => (asked(), new Promise(() => {})), posters: { slack: poster }, clock, logger: log.logger });
    const loop = scheduler.start();
    await takeawaysAsked;
    await loop.stop();
    expect(poster.deliveries).toEqual([]);
    expect(await env.store.getPost("slack:C1", "2025-06-01")).toBeUndefined();
  });

  it("posts a 02:30 Paris subscription at 03:00 on spring-forward day, and once on fall-back day", async () => {
    const { clock, poster, scheduler, ready } = setup("2025-03-28T00:00:00Z", [{ zone: "Europe/Paris", postTime: "02:30" }]);
    await ready;
    await runTicks(clock, [scheduler], "2025-03-28T00:00:00Z", "2025-04-01T00:00:00Z");
    expect(times(poster)).toEqual([
      "2025-03-28T01:30:00.000Z", // 02:30 CET
      "2025-03-29T01:30:00.000Z",
      "2025-03-30T01:00:00.000Z", // 02:30 does not exist: 03:00 CEST
      "2025-03-31T00:30:00.000Z", // 02:30 CEST
    ]);
    poster.deliveries.length = 0;
    await runTicks(clock, [scheduler], "2025-10-25T00:00:00Z", "2025-10-28T00:00:00Z");
    expect(times(poster)).toEqual([
      "2025-10-25T00:30:00.000Z",
      "2025-10-26T00:30:00.000Z", // the first 02:30 (CEST); the second one (01:30Z) posts nothing
      "2025-10-27T01:30:00.000Z", // 02:30 CET
    ]);
  });

  it("handles New York's spring-forward gap and fall-back overlap the same way", async () => {
    const { clock, poster, scheduler, env, ready } = setup("2025-03-08T00:00:00Z", [{ zone: "America/New_York", postTime: "02:30" }]);
    await ready;
    await runTicks(clock, [scheduler], "2025-03-08T05:00:00Z", "2025-03-11T05:00:00Z"); // local midnights
    expect(times(poster)).toEqual(["2025-03-08T07:30:00.000Z", "2025-03-09T07:00:00.000Z", "2025-03-10T06:30:00.000Z"]);

    await env.store.saveSubscription(subscriptionSettings({ zone: "America/New_York", postTime: "01:30", since: new Date("2025-10-01T00:00:00Z") }));
    poster.deliveries.length = 0;
    await runTicks(clock, [scheduler], "2025-11-01T04:00:00Z", "2025-11-04T05:00:00Z");
    expect(times(poster)).toEqual(["2025-11-01T05:30:00.000Z", "2025-11-02T05:30:00.000Z", "2025-11-03T06:30:00.000Z"]);
  });

  it("does not post again after a restart later the same day", async () => {
    const { clock, poster, scheduler, env, make, ready } = setup("2025-06-01T00:00:00Z");
    await ready;
    await runTicks(clock, [scheduler], "2025-06-01T08:00:00Z", "2025-06-01T12:00:00Z");
    await env.store.close();
    const restarted = make(env.reopen());
    await runTicks(clock, [restarted], "2025-06-01T12:00:00Z", "2025-06-02T10:00:00Z");
    expect(times(poster)).toEqual(["2025-06-01T09:00:00.000Z", "2025-06-02T09:00:00.000Z"]);
  });

  it("posts on coming back later the same day when it was down at post time", async () => {
    const { clock, poster, scheduler, ready } = setup("2025-06-01T00:00:00Z");
    await ready;
    await runTicks(clock, [scheduler], "2025-06-01T11:30:00Z", "2025-06-01T12:00:00Z");
    expect(times(poster)).toEqual(["2025-06-01T11:30:00.000Z"]);
  });

  it("does not post a day that passed while it was down", async () => {
    const { clock, poster, scheduler, env, ready } = setup("2025-06-01T00:00:00Z");
    await ready;
    await runTicks(clock, [scheduler], "2025-06-01T00:00:00Z", "2025-06-02T08:00:00Z");
    // Down from 08:00 on the 2nd until 08:00 on the 3rd.
    await runTicks(clock, [scheduler], "2025-06-03T08:00:00Z", "2025-06-04T00:00:00Z");
    expect(times(poster)).toEqual(["2025-06-01T09:00:00.000Z", "2025-06-03T09:00:00.000Z"]);
    expect(await env.store.getPost("slack:C1", "2025-06-02")).toBeUndefined();
  });

  it("posts exactly once when two schedulers share one database file", async () => {
    const subscriptions = [1, 2, 3, 4, 5].map((n) => ({ id: `slack:C${n}`, channelId: `C${n}`, postTime: `0${n}:00` }));
    const { clock, poster, scheduler, env, make, ready } = setup("2025-06-01T00:00:00Z", subscriptions);
    await ready;
    const secondPoster = new RecordingPoster(clock);
    const second = make(env.reopen(), secondPoster);
    await runTicks(clock, [scheduler, second], "2025-06-01T00:00:00Z", "2025-06-02T00:00:00Z");
    const all = [...poster.deliveries, ...secondPoster.deliveries].map((d) => d.channelId).sort();
    expect(all).toEqual(subscriptions.map((s) => s.channelId));
  });

  it("goes through every takeaway of its topic before repeating one, then starts over", async () => {
    const { clock, poster, scheduler, env, ready } = setup("2025-06-01T00:00:00Z", [{ topic: "Security" }]);
    await ready;
    await runTicks(clock, [scheduler], "2025-06-01T08:59:00Z", "2025-06-01T09:01:00Z");
    for (let day = 2; day <= 7; day++) await runTicks(clock, [scheduler], `2025-06-0${day}T08:59:00Z`, `2025-06-0${day}T09:01:00Z`);
    const posted = poster.deliveries.map((d) => d.card.body![0]!.text[0]!.text.split(":")[0]);
    const security = pool.filter((t) => t.tags.includes("Security")).map((t) => `Takeaway ${t.id}`).sort();
    expect(posted).toHaveLength(7);
    expect([...posted.slice(0, 3)].sort()).toEqual(security);
    expect([...posted.slice(3, 6)].sort()).toEqual(security);
    expect(await env.store.rotation("slack:C1")).toMatchObject({ cycle: 2 });
    expect(poster.deliveries[0]!.card.actions!.map((a) => a.command)).toContain("search Security");
  });

  it("retries a transient failure with a growing backoff within the day, then posts", async () => {
    const { clock, poster, scheduler, env, log, ready } = setup("2025-06-01T00:00:00Z");
    await ready;
    poster.failWith = (attempt) => (attempt <= 2 ? transient() : undefined);
    await runTicks(clock, [scheduler], "2025-06-01T08:59:00Z", "2025-06-01T10:00:00Z");
    expect(poster.attempts.map((a) => a.toISOString())).toEqual([
      "2025-06-01T09:00:00.000Z",
      "2025-06-01T09:01:00.000Z",
      "2025-06-01T09:03:00.000Z",
    ]);
    expect(times(poster)).toEqual(["2025-06-01T09:03:00.000Z"]);
    expect(await env.store.getPost("slack:C1", "2025-06-01")).toMatchObject({ status: "posted", attempts: 3 });
    const warnings = log.lines().filter((l) => l.msg === "daily post will be retried: rate limited");
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatchObject({ subscriptionId: "slack:C1", platform: "slack", channelId: "C1", code: "ratelimited", attempts: 1 });
  });

  it("waits at least as long as the platform's Retry-After", async () => {
    const { clock, poster, scheduler, ready } = setup("2025-06-01T00:00:00Z");
    await ready;
    poster.failWith = (attempt) => (attempt === 1 ? transient(10 * MINUTE) : undefined);
    await runTicks(clock, [scheduler], "2025-06-01T09:00:00Z", "2025-06-01T10:00:00Z");
    expect(poster.attempts.map((a) => a.toISOString())).toEqual(["2025-06-01T09:00:00.000Z", "2025-06-01T09:10:00.000Z"]);
  });

  it("gives up on a day of transient failures at its end, and posts the next day", async () => {
    const { clock, poster, scheduler, env, ready } = setup("2025-06-01T00:00:00Z", [{ zone: "Europe/Paris" }]);
    await ready;
    poster.failWith = () => transient();
    await runTicks(clock, [scheduler], "2025-06-01T00:00:00Z", "2025-06-01T22:00:00Z");
    const attempts = poster.attempts.length;
    expect(attempts).toBeGreaterThan(5);
    expect(attempts).toBeLessThan(30);
    expect(poster.attempts.every((a) => a < new Date("2025-06-01T22:00:00Z"))).toBe(true); // midnight in Paris
    expect(await env.store.getPost("slack:C1", "2025-06-01")).toMatchObject({ status: "failed", error: expect.stringMatching(/^gave up after \d+ attempts: rate limited$/) });
    poster.failWith = undefined;
    await runTicks(clock, [scheduler], "2025-06-01T22:00:00Z", "2025-06-02T08:00:00Z");
    expect(times(poster)).toEqual(["2025-06-02T07:00:00.000Z"]);
  });

  it("treats an unexpected error as transient and logs it with its stack", async () => {
    const { clock, poster, scheduler, env, log, ready } = setup("2025-06-01T00:00:00Z");
    await ready;
    poster.failWith = (attempt) => (attempt === 1 ? (new TypeError("socket hang up") as never) : undefined);
    await runTicks(clock, [scheduler], "2025-06-01T09:00:00Z", "2025-06-01T09:05:00Z");
    expect(times(poster)).toEqual(["2025-06-01T09:01:00.000Z"]);
    expect(log.lines().find((l) => l.err)).toMatchObject({ err: { type: "TypeError", message: "socket hang up" } });
    expect((await env.store.getPost("slack:C1", "2025-06-01"))!.status).toBe("posted");
  });

  it("turns a subscription off on a permanent failure and logs why, with its context", async () => {
    const { clock, poster, scheduler, env, log, ready } = setup("2025-06-01T00:00:00Z");
    await ready;
    poster.failWith = () => permanent();
    await runTicks(clock, [scheduler], "2025-06-01T08:00:00Z", "2025-06-03T10:00:00Z");
    expect(poster.attempts).toHaveLength(1);
    expect(await env.store.getSubscription("slack:C1")).toMatchObject({ enabled: false, disabledReason: "channel not found" });
    const error = log.lines().find((l) => l.level === 50);
    expect(error).toMatchObject({
      subscriptionId: "slack:C1",
      platform: "slack",
      channelId: "C1",
      spaceId: "T1",
      localDate: "2025-06-01",
      code: "channel_not_found",
      msg: "daily post failed for good, subscription turned off: channel not found",
    });
  });

  it("starts a new subscription at its next post time, not at once", async () => {
    const { clock, poster, scheduler, ready } = setup("2025-06-01T00:00:00Z", [{ since: new Date("2025-06-01T10:00:00Z") }]);
    await ready;
    await runTicks(clock, [scheduler], "2025-06-01T10:00:00Z", "2025-06-02T10:00:00Z");
    expect(times(poster)).toEqual(["2025-06-02T09:00:00.000Z"]);
  });

  it("leaves subscriptions of platforms it has no poster for to other processes", async () => {
    const { clock, poster, scheduler, env, ready } = setup("2025-06-01T00:00:00Z", [{ id: "discord:42", platform: "discord", channelId: "42" }]);
    await ready;
    await runTicks(clock, [scheduler], "2025-06-01T09:00:00Z", "2025-06-01T09:02:00Z");
    expect(poster.attempts).toHaveLength(0);
    expect(await env.store.getPost("discord:42", "2025-06-01")).toBeUndefined();
  });

  it("records a day without a matching takeaway as failed, without posting", async () => {
    const { clock, poster, scheduler, env, log, ready } = setup("2025-06-01T00:00:00Z", [{ topic: "WebAssembly" }]);
    await ready;
    await runTicks(clock, [scheduler], "2025-06-01T09:00:00Z", "2025-06-01T09:05:00Z");
    expect(poster.attempts).toHaveLength(0);
    expect(await env.store.getPost("slack:C1", "2025-06-01")).toMatchObject({ status: "failed", error: "no takeaway is tagged 'WebAssembly'" });
    expect(log.lines().filter((l) => l.level === 40)).toHaveLength(1);
    expect((await env.store.getSubscription("slack:C1"))!.enabled).toBe(true);
  });

  it("ticks at the start of every minute from start() until stopped", async () => {
    const { clock, poster, scheduler, ready } = setup("2025-06-01T08:58:30Z", [{ zone: "America/New_York", postTime: "05:00" }]);
    await ready;
    const loop = scheduler.start();
    await clock.runUntil("2025-06-03T12:00:00Z");
    await loop.stop();
    expect(times(poster)).toEqual(["2025-06-01T09:00:00.000Z", "2025-06-02T09:00:00.000Z", "2025-06-03T09:00:00.000Z"]);
    await clock.runUntil("2025-06-04T12:00:00Z");
    expect(poster.deliveries).toHaveLength(3);
  });
});

const HOUR = 60 * MINUTE;

describe("DailyScheduler across crashes", () => {
  /** Ticks once at 09:00 with a store that fails to record: the process dies right after the platform answered. */
  async function crashAfterSending(options: { findable?: boolean; dedupe?: boolean }) {
    const world = setup("2025-06-01T09:00:00Z");
    await world.ready;
    const poster = new RecordingPoster(world.clock, options);
    const dying = faultyStore(world.env.reopen(), ["recordPosted"]);
    expect(await world.make(dying.store, poster).tick()).toMatchObject({ claimed: 1, posted: 1 });
    expect(await world.env.store.getPost("slack:C1", "2025-06-01")).toMatchObject({ status: "sending" });
    return { ...world, poster };
  }

  it("finds the post a killed process made (Slack: by its claim id) and records it without sending again", async () => {
    const { env, make, log, poster } = await crashAfterSending({ findable: true });
    const restarted = make(env.reopen(), poster);
    const reports = [];
    for (let minute = 1; minute <= 10; minute++) reports.push(await restarted.tick(new Date(Date.parse("2025-06-01T09:00:00Z") + minute * MINUTE)));
    expect(poster.deliveries).toHaveLength(1);
    expect(poster.attempts).toHaveLength(1);
    expect(poster.lookups).toEqual([poster.deliveries[0]!.claimId]);
    expect(reports.find((report) => report.claimed > 0)).toMatchObject({ recovered: 1, posted: 0 });
    const record = await env.store.getPost("slack:C1", "2025-06-01");
    expect(record).toMatchObject({ status: "posted", messageId: "m1", claimId: poster.deliveries[0]!.claimId });
    expect(record!.takeawayId).toBeDefined();
    expect((await env.store.rotation("slack:C1")).postedIds).toEqual(new Set([record!.takeawayId]));
    expect(log.lines().some((line) => line.msg === "daily takeaway found already posted; recorded without sending again")).toBe(true);
  });

  it("re-sends under the same claim id where the platform deduplicates (Discord's nonce): still one message", async () => {
    const { env, make, clock, poster } = await crashAfterSending({ dedupe: true });
    const first = poster.deliveries[0]!;
    await runTicks(clock, [make(env.reopen(), poster)], "2025-06-01T09:01:00Z", "2025-06-01T09:10:00Z");
    expect(poster.attempts).toHaveLength(2);
    expect(poster.deliveries).toEqual([first]);
    expect(await env.store.getPost("slack:C1", "2025-06-01")).toMatchObject({ status: "posted", messageId: first.messageId, claimId: first.claimId });
    // The re-send carried the same takeaway: the card is the one chosen before the crash.
    expect((await env.store.rotation("slack:C1")).postedIds.size).toBe(1);
  });

  it("sends a post the killed process never got out, once", async () => {
    const world = setup("2025-06-01T09:00:00Z");
    await world.ready;
    const { clock } = world;
    const poster = new RecordingPoster(clock, { findable: true });
    // Killed after noting the send, before the platform had anything.
    const dying = faultyStore(world.env.reopen(), ["scheduleRetry", "recordFailed"]);
    poster.failWith = (attempt) => (attempt === 1 ? new TypeError("process killed") : undefined);
    await world.make(dying.store, poster).tick();
    expect(await world.env.store.getPost("slack:C1", "2025-06-01")).toMatchObject({ status: "sending" });
    await runTicks(clock, [world.make(world.env.reopen(), poster)], "2025-06-01T09:01:00Z", "2025-06-01T09:10:00Z");
    expect(poster.lookups).toHaveLength(1);
    expect(poster.deliveries).toHaveLength(1);
    expect(poster.deliveries[0]!.at.toISOString()).toBe("2025-06-01T09:03:00.000Z"); // once the claim went stale
  });

  it("looks for a post whose send timed out before trying again, and finds it", async () => {
    const { clock, env, make, ready } = setup("2025-06-01T00:00:00Z");
    await ready;
    const poster = new RecordingPoster(clock, { findable: true });
    poster.delivered = true;
    poster.failWith = (attempt) => (attempt === 1 ? new TypeError("socket hang up") : undefined);
    await runTicks(clock, [make(env.store, poster)], "2025-06-01T09:00:00Z", "2025-06-01T10:00:00Z");
    expect(poster.deliveries).toHaveLength(1);
    expect(poster.attempts).toHaveLength(1);
    expect(await env.store.getPost("slack:C1", "2025-06-01")).toMatchObject({ status: "posted", messageId: "m1" });
  });

  it("records later, without sending again, a post delivered while the database was away", async () => {
    const { clock, env, make, log, ready } = setup("2025-06-01T00:00:00Z");
    await ready;
    const poster = new RecordingPoster(clock, { findable: true });
    const flaky = faultyStore(env.store, ["recordPosted"]);
    const scheduler = make(flaky.store, poster);
    clock.set("2025-06-01T09:00:00Z");
    await scheduler.tick();
    expect(log.lines().slice(-2)).toMatchObject([
      { level: 50, msg: "daily post delivered but not recorded; recording it at the next tick" },
      { level: 30, msg: "daily takeaway posted" },
    ]);
    // Still away at the next tick: that tick fails as a whole and is logged by the loop.
    clock.set("2025-06-01T09:01:00Z");
    await expect(scheduler.tick()).rejects.toThrow(/injected fault/);
    flaky.down = false;
    await runTicks(clock, [scheduler], "2025-06-01T09:02:00Z", "2025-06-01T09:10:00Z");
    expect(poster.deliveries).toHaveLength(1);
    expect(poster.lookups).toHaveLength(0);
    expect(await env.store.getPost("slack:C1", "2025-06-01")).toMatchObject({ status: "posted", messageId: "m1" });
  });

  it("keeps its minute loop going while the store fails, and posts once it is back", async () => {
    const { clock, env, make, log, ready } = setup("2025-06-01T08:58:00Z");
    await ready;
    const poster = new RecordingPoster(clock);
    const flaky = faultyStore(env.store, ["enabledSubscriptions", "claim"]);
    const loop = make(flaky.store, poster).start();
    await clock.runUntil("2025-06-01T09:30:00Z");
    expect(poster.attempts).toHaveLength(0);
    const failures = log.lines().filter((line) => line.msg === "daily tick failed; trying again in a minute");
    expect(failures.length).toBeGreaterThanOrEqual(30);
    flaky.down = false;
    await clock.runUntil("2025-06-02T09:30:00Z");
    await loop.stop();
    expect(times(poster)).toEqual(["2025-06-01T09:31:00.000Z", "2025-06-02T09:00:00.000Z"]);
  });
});

describe("changing a subscription's time or zone", () => {
  /** Every gap between two deliveries, in hours. */
  const gaps = (poster: RecordingPoster) => poster.deliveries.slice(1).map((d, i) => (d.at.getTime() - poster.deliveries[i]!.at.getTime()) / HOUR);

  /** Subscribes, lets the first post go out, changes the settings at `changeAt`, then runs to `until`. */
  async function change(first: Partial<SubscriptionSettings>, firstPostAt: string, changeAt: string, next: Partial<SubscriptionSettings>, until: string) {
    const world = setup(firstPostAt, [first]);
    await world.ready;
    await runTicks(world.clock, [world.scheduler], firstPostAt, changeAt);
    expect(world.poster.deliveries).toHaveLength(1);
    const changed = await world.env.store.saveSubscription(subscriptionSettings({ ...first, ...next, since: new Date(changeAt) }));
    // What `daily on` answers: the next post time.
    const time = parsePostTime(changed.postTime);
    if (!time.ok) throw new Error(time.message);
    const announced = nextPostTime(time.value, changed.zone, new Date(changeAt), earliestPost(changed));
    await runTicks(world.clock, [world.scheduler], changeAt, until);
    return { ...world, announced: announced.at.toISOString() };
  }

  it("moved later on a day already posted: no second post that day", async () => {
    const { poster, announced } = await change({}, "2025-06-01T09:00:00Z", "2025-06-01T10:00:00Z", { postTime: "17:00" }, "2025-06-03T00:00:00Z");
    expect(times(poster)).toEqual(["2025-06-01T09:00:00.000Z", "2025-06-02T17:00:00.000Z"]);
    expect(announced).toBe("2025-06-02T17:00:00.000Z");
  });

  it("moved earlier: the next post waits a full day after the last one, and says when", async () => {
    const { poster, announced } = await change({}, "2025-06-01T09:00:00Z", "2025-06-01T10:00:00Z", { postTime: "07:00" }, "2025-06-04T00:00:00Z");
    expect(times(poster)).toEqual(["2025-06-01T09:00:00.000Z", "2025-06-03T07:00:00.000Z"]);
    expect(announced).toBe("2025-06-03T07:00:00.000Z");
  });

  it("Honolulu to Tokyo, where the new zone's day starts hours after the last post: a day apart", async () => {
    const { poster, announced } = await change(
      { zone: "Pacific/Honolulu" },
      "2025-06-10T19:00:00Z", // 09:00 in Honolulu
      "2025-06-10T20:00:00Z", // 05:00 on the 11th in Tokyo
      { zone: "Asia/Tokyo" },
      "2025-06-14T00:00:00Z",
    );
    expect(times(poster)).toEqual(["2025-06-10T19:00:00.000Z", "2025-06-12T00:00:00.000Z", "2025-06-13T00:00:00.000Z"]);
    expect(Math.min(...gaps(poster))).toBeGreaterThanOrEqual(24);
    expect(announced).toBe("2025-06-12T00:00:00.000Z");
  });

  it("Kiritimati to Honolulu, meeting a date already posted in the old zone: posts it, not a day later", async () => {
    const { poster, env, announced } = await change(
      { zone: "Pacific/Kiritimati" },
      "2025-06-09T19:00:00Z", // 09:00 on the 10th in Kiritimati (UTC+14)
      "2025-06-09T20:00:00Z", // 10:00 on the 9th in Honolulu (UTC-10)
      { zone: "Pacific/Honolulu", postTime: "21:00" },
      "2025-06-12T12:00:00Z",
    );
    // 21:00 on the 9th in Honolulu is only 12 hours after the last post; 21:00 on the 10th is the next.
    expect(times(poster)).toEqual(["2025-06-09T19:00:00.000Z", "2025-06-11T07:00:00.000Z", "2025-06-12T07:00:00.000Z"]);
    expect(announced).toBe("2025-06-11T07:00:00.000Z");
    expect(await env.store.getPost("slack:C1", "2025-06-10")).toMatchObject({ status: "posted", messageId: "m2" });
  });

  it("a new zone whose post time is a day or more after the last post posts on its first day", async () => {
    const { poster } = await change({ zone: "Europe/Paris" }, "2025-06-01T07:00:00Z", "2025-06-01T08:00:00Z", { zone: "America/New_York" }, "2025-06-03T00:00:00Z");
    // 09:00 in New York on the 1st is only 6 hours later; on the 2nd it is 30 hours later.
    expect(times(poster)).toEqual(["2025-06-01T07:00:00.000Z", "2025-06-02T13:00:00.000Z"]);
  });
});
