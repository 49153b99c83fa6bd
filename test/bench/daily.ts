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
import { openSqliteDailyStore } from "../../src/store/sqlite-daily-store.js";

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
    const topicList = loadTopics(topicsFile());
    const takeaways = postableTakeaways(loadCorpus(defaultCorpusDir(), topicList).sections, topicList);
    let now = new Date("2025-06-02T09:00:00Z");
    const clock: Clock = { now: () => now, sleep: async () => undefined };
    let sent = 0;
    const poster: Poster = { post: async () => ({ messageId: `m${++sent}` }) };
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
    // Half the subscriptions are in Paris (09:00 there is 07:00 UTC): tick when both are due.
    const scheduler = new DailyScheduler({ store, takeaways: () => takeaways, posters: { slack: poster }, clock, logger: createLogger("silent") });
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
