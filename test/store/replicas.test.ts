import { describe, expect, it } from "vitest";
import type { Card } from "../../src/cards/card.js";
import type { PostTarget } from "../../src/daily/poster.js";
import { DailyScheduler, type TickReport } from "../../src/daily/scheduler.js";
import type { DailyStore } from "../../src/store/daily-store.js";
import { FakeClock, RecordingPoster, memoryLogger, subscriptionSettings, takeaway } from "../daily/helpers.js";
import { postgresServer } from "./postgres-env.js";

const postgres = postgresServer();
const takeaways = Array.from({ length: 20 }, (_, i) => takeaway(`na-2020--ebpf-${i}#0000000${i}`));
const SUBSCRIPTIONS = 300;

/** Three replicas: each its own connection pool to one database, its own scheduler, one platform stand-in for all. */
async function replicas(clock: FakeClock, platform: RecordingPoster) {
  const opened = await postgres.freshStore();
  const stores: DailyStore[] = [opened.store, await opened.connect(), await opened.connect()];
  for (let i = 0; i < SUBSCRIPTIONS; i++) {
    await opened.store.saveSubscription(subscriptionSettings({ id: `slack:C${i}`, channelId: `C${i}`, zone: i % 2 ? "Europe/Paris" : "UTC", postTime: "09:00" }));
  }
  const logs = stores.map(() => memoryLogger());
  // Each replica's posts go to the shared stand-in; which replica sent what is counted apart.
  const sentBy = stores.map(() => 0);
  const schedulers = stores.map(
    (store, n) =>
      new DailyScheduler({
        store,
        takeaways: async () => takeaways,
        posters: {
          slack: {
            post: async (target: PostTarget, card: Card, claimId: string) => {
              sentBy[n]!++;
              return platform.post(target, card, claimId);
            },
            findPosted: platform.findPosted!,
          },
        },
        clock,
        logger: logs[n]!.logger,
        batchSize: 20,
      }),
  );
  const tickAll = (iso: string): Promise<TickReport[]> => {
    clock.set(iso);
    return Promise.all(schedulers.map((scheduler) => scheduler.tick()));
  };
  return { store: opened.store, schedulers, tickAll, sentBy, logs, cleanup: opened.cleanup };
}

const channelsPosted = (platform: RecordingPoster) => platform.deliveries.map((d) => d.channelId).sort();
const everyChannel = Array.from({ length: SUBSCRIPTIONS }, (_, i) => `C${i}`).sort();

describe("three replicas on one PostgreSQL database", () => {
  it("post every subscription exactly once a day, sharing the work", async () => {
    const clock = new FakeClock("2025-06-02T06:00:00Z");
    const platform = new RecordingPoster(clock, { findable: true });
    const world = await replicas(clock, platform);
    // 07:00 UTC is 09:00 in Paris: half are due; at 09:00 UTC the other half.
    for (const iso of ["2025-06-02T07:00:00Z", "2025-06-02T07:01:00Z", "2025-06-02T09:00:00Z", "2025-06-02T09:01:00Z", "2025-06-02T12:00:00Z"]) {
      await world.tickAll(iso);
    }
    expect(channelsPosted(platform)).toEqual(everyChannel);
    expect(world.sentBy.reduce((a, b) => a + b)).toBe(SUBSCRIPTIONS);
    expect(world.sentBy.every((sent) => sent > 0)).toBe(true);

    // The next day, all three at the same minutes again: one more post each, no more.
    for (const iso of ["2025-06-03T07:00:00Z", "2025-06-03T09:00:00Z", "2025-06-03T09:01:00Z"]) await world.tickAll(iso);
    expect(platform.deliveries).toHaveLength(2 * SUBSCRIPTIONS);
    expect(new Set(platform.deliveries.map((d) => d.claimId)).size).toBe(2 * SUBSCRIPTIONS);
    await world.cleanup();
  });

  it("lose no post and double none when the server goes away mid-run, even between a post and its record", async () => {
    const clock = new FakeClock("2025-06-02T06:00:00Z");
    const platform = new RecordingPoster(clock, { findable: true });
    const world = await replicas(clock, platform);
    const server = postgres.server();
    // The server dies just after the platform took the 40th post: its record, and the rest of the tick, fail.
    let halted: Promise<void> | undefined;
    const post = platform.post.bind(platform);
    platform.post = async (target, card, claimId) => {
      const sent = await post(target, card, claimId);
      if (platform.deliveries.length === 40) halted = server.halt();
      await halted;
      return sent;
    };
    await world.tickAll("2025-06-02T07:00:00Z").catch(() => undefined);
    await halted;
    // Ticks while it is down fail as a whole; the replicas keep the posts they could not record.
    const down = await Promise.allSettled(world.schedulers.map((scheduler) => scheduler.tick(new Date("2025-06-02T07:01:00Z"))));
    expect(down.every((result) => result.status === "rejected")).toBe(true);
    const delivered = platform.deliveries.length;
    expect(delivered).toBeGreaterThanOrEqual(40);
    expect(delivered).toBeLessThan(SUBSCRIPTIONS / 2);

    await server.resume();
    for (const iso of ["2025-06-02T07:05:00Z", "2025-06-02T07:10:00Z", "2025-06-02T09:00:00Z", "2025-06-02T09:05:00Z", "2025-06-02T12:00:00Z"]) {
      await world.tickAll(iso);
    }
    expect(channelsPosted(platform)).toEqual(everyChannel);
    for (let i = 0; i < SUBSCRIPTIONS; i++) {
      expect((await world.store.getPost(`slack:C${i}`, "2025-06-02"))?.status).toBe("posted");
    }
    const logged = world.logs.flatMap((log) => log.lines());
    expect(logged.some((line) => line.msg === "daily post delivered but not recorded; recording it at the next tick")).toBe(true);
    await world.cleanup();
  });
});
