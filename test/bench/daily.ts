import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadCorpus } from "../../src/corpus/corpus.js";
import { loadTopics } from "../../src/corpus/topics.js";
import type { Clock } from "../../src/daily/clock.js";
import type { Poster } from "../../src/daily/poster.js";
import { DailyScheduler } from "../../src/daily/scheduler.js";
import { postableTakeaways } from "../../src/takeaways/takeaways.js";
import { createLogger } from "../../src/log/logger.js";
import { defaultCorpusDir, topicsFile } from "../../src/paths.js";
import type { DailyStore } from "../../src/store/daily-store.js";
import { PostgresDailyStore } from "../../src/store/postgres-daily-store.js";
import { openSqliteDailyStore } from "../../src/store/sqlite-daily-store.js";
import { startPostgres } from "../support/postgres.js";

const SUBSCRIPTIONS = 10_000;
const DAYS = 3;

/**
 * One scheduler tick with 10,000 subscriptions due at the same minute (claim, choose, render,
 * post, record) against an in-process poster and a SQLite file, on three days in a row; the
 * throttle never waits (one subscription a channel, and a clock whose sleep returns at once).
 * Also the cost of the ticks that follow in the same day, when everything is already posted.
 */
export async function benchDaily(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), "kubecon-bench-daily-"));
  const store = openSqliteDailyStore(dir);
  try {
    const takeaways = await shippedTakeaways();
    let now = new Date("2025-06-02T09:00:00Z");
    const clock: Clock = { now: () => now, sleep: async () => undefined };
    let sent = 0;
    const poster: Poster = { post: async () => ({ messageId: `m${++sent}` }) };
    await seedSubscriptions(store);
    // Half the subscriptions are in Paris (09:00 there is 07:00 UTC): tick when both are due.
    const scheduler = new DailyScheduler({ store, takeaways: async () => takeaways, posters: { slack: poster }, clock, logger: createLogger("silent") });
    const tickMs: number[] = [];
    const idleMs: number[] = [];
    for (let day = 0; day < DAYS; day++) {
      now = new Date(Date.parse("2025-06-02T09:00:00Z") + day * 86_400_000);
      const start = performance.now();
      const report = await scheduler.tick();
      tickMs.push(performance.now() - start);
      if (report.posted !== SUBSCRIPTIONS) throw new Error(`expected ${SUBSCRIPTIONS} posts, got ${report.posted}`);
      now = new Date(now.getTime() + 60_000);
      const idleStart = performance.now();
      await scheduler.tick();
      idleMs.push(performance.now() - idleStart);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const round = (value: number) => Math.round(value * 10) / 10;
    return {
      daily_tick_ms_10k: round(median(tickMs)),
      daily_tick_ms_10k_max: round(Math.max(...tickMs)),
      daily_posts_per_s: Math.round(SUBSCRIPTIONS / (median(tickMs) / 1000)),
      daily_idle_tick_ms_10k: round(median(idleMs)),
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const REPLICAS = 3;

/**
 * The same tick on PostgreSQL, shared by three replicas (three schedulers, each with its own
 * connection pool, ticking at once against one server started for the benchmark, with fsync on):
 * the wall time until all three are done, each replica's own tick time and share of the posts,
 * and the duplicates (posts beyond one per subscription: must be 0).
 */
export async function benchDailyReplicas(): Promise<Record<string, number>> {
  const server = await startPostgres({ durable: true });
  const url = await server.createDatabase("kubecon_bench");
  const logger = createLogger("silent");
  const stores = Array.from({ length: REPLICAS }, () => new PostgresDailyStore({ url, logger }));
  try {
    await Promise.all(stores.map((store) => store.ready()));
    await seedSubscriptions(stores[0]!);
    const takeaways = await shippedTakeaways();
    const now = new Date("2025-06-02T09:00:00Z");
    const clock: Clock = { now: () => now, sleep: async () => undefined };
    const posted = new Map<string, number>();
    const schedulers = stores.map((store) => {
      const poster: Poster = {
        post: async (target) => {
          posted.set(target.channelId, (posted.get(target.channelId) ?? 0) + 1);
          return { messageId: `m${posted.size}` };
        },
      };
      return new DailyScheduler({ store, takeaways: async () => takeaways, posters: { slack: poster }, clock, logger });
    });
    const start = performance.now();
    const replicas = await Promise.all(
      schedulers.map(async (scheduler) => {
        const report = await scheduler.tick();
        return { ms: performance.now() - start, posted: report.posted };
      }),
    );
    const totalMs = performance.now() - start;
    const duplicates = [...posted.values()].reduce((sum, count) => sum + count - 1, 0);
    if (posted.size !== SUBSCRIPTIONS) throw new Error(`expected ${SUBSCRIPTIONS} channels posted, got ${posted.size}`);
    const round = (value: number) => Math.round(value * 10) / 10;
    const figures: Record<string, number> = { daily_tick_ms_10k_3_replicas: round(totalMs), daily_3_replicas_duplicates: duplicates };
    replicas.forEach((replica, i) => {
      figures[`daily_3_replicas_r${i + 1}_ms`] = round(replica.ms);
      figures[`daily_3_replicas_r${i + 1}_share_pct`] = round((100 * replica.posted) / SUBSCRIPTIONS);
    });
    return figures;
  } finally {
    for (const store of stores) await store.close();
    await server.stop();
  }
}

/** The takeaways the shipped corpus posts. */
function shippedTakeaways() {
  const topics = loadTopics(topicsFile());
  return postableTakeaways(loadCorpus(defaultCorpusDir(), topics).sections, topics);
}

/** 10,000 subscriptions at 09:00, half in UTC and half in Paris, a quarter each on no topic, eBPF, Security, Observability. */
async function seedSubscriptions(store: DailyStore): Promise<void> {
  const topics = [undefined, "eBPF", "Security", "Observability"];
  for (let i = 0; i < SUBSCRIPTIONS; i++) {
    const topic = topics[i % topics.length];
    await store.saveSubscription({
      id: `slack:C${i}`,
      platform: "slack",
      channelId: `C${i}`,
      spaceId: "T1",
      postTime: "09:00",
      zone: i % 2 ? "Europe/Paris" : "UTC",
      ...(topic && { topic }),
      createdBy: "U1",
      since: new Date("2025-01-01T00:00:00Z"),
    });
  }
}
