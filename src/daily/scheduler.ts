import type { Logger } from "../log/logger.js";
import type { DailyStore, Subscription } from "../store/daily-store.js";
import { dailyCard } from "../cards/takeaway-card.js";
import type { Clock } from "./clock.js";
import { PostError, type Poster } from "./poster.js";
import { chooseTakeaway, matchingTakeaways } from "./rotation.js";
import { addDays, localDate, parsePostTime, zonedInstant, type LocalDate } from "./schedule.js";
import type { Takeaway } from "../takeaways/takeaways.js";
import { Throttle } from "./throttle.js";

const MINUTE = 60_000;

export interface SchedulerOptions {
  store: DailyStore;
  /** The current takeaways; read at every tick, so a re-indexed corpus is picked up. */
  takeaways: () => readonly Takeaway[];
  /** One poster per platform name ("slack", "discord"); subscriptions of other platforms are left to other processes. */
  posters: Readonly<Record<string, Poster>>;
  clock: Clock;
  logger: Logger;
  /** Least time between two posts to one channel. */
  channelIntervalMs?: number;
  /** Posts in flight at once during a fan-out. */
  concurrency?: number;
  /** A claim older than this whose owner never reported back is taken over (its process died mid-post). */
  staleClaimMs?: number;
  /** First wait after a transient failure; it doubles at each attempt up to `maxRetryDelayMs`. */
  firstRetryDelayMs?: number;
  maxRetryDelayMs?: number;
}

/** What one tick did, for logs, tests and the benchmark. */
export interface TickReport {
  /** Subscriptions whose post time had come today (claimed by us or not). */
  due: number;
  posted: number;
  retrying: number;
  failed: number;
  disabled: number;
}

/**
 * Posts each subscription's takeaway once per local day. Every tick looks at the subscriptions
 * whose post time has come today in their zone; whoever claims (subscription, local date) first in
 * the store posts, so any number of processes can tick against one database.
 */
export class DailyScheduler {
  private readonly throttle: Throttle;
  private readonly concurrency: number;
  private readonly staleClaimMs: number;
  private readonly firstRetryDelayMs: number;
  private readonly maxRetryDelayMs: number;

  constructor(private readonly options: SchedulerOptions) {
    this.throttle = new Throttle(options.clock, options.channelIntervalMs ?? 1000);
    this.concurrency = options.concurrency ?? 8;
    this.staleClaimMs = options.staleClaimMs ?? 15 * MINUTE;
    this.firstRetryDelayMs = options.firstRetryDelayMs ?? MINUTE;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 60 * MINUTE;
  }

  async tick(now: Date = this.options.clock.now()): Promise<TickReport> {
    const report: TickReport = { due: 0, posted: 0, retrying: 0, failed: 0, disabled: 0 };
    const candidatesByTopic = new Map<string, Takeaway[]>();
    const takeaways = this.options.takeaways();
    const due: Array<{ subscription: Subscription; date: LocalDate }> = [];
    for (const subscription of await this.options.store.enabledSubscriptions()) {
      if (!this.options.posters[subscription.platform]) continue;
      const date = dueDate(subscription, now);
      if (date) due.push({ subscription, date });
    }
    report.due = due.length;
    const candidatesFor = (topic: string | undefined): Takeaway[] => {
      const key = topic?.toLowerCase() ?? "";
      let candidates = candidatesByTopic.get(key);
      if (!candidates) candidatesByTopic.set(key, (candidates = matchingTakeaways(takeaways, topic)));
      return candidates;
    };
    await forEachLimited(due, this.concurrency, ({ subscription, date }) =>
      this.postOne(subscription, date, now, candidatesFor(subscription.topic), report).catch((error: unknown) => {
        // A store error for one subscription must not stop the others; the claim is retaken once stale.
        this.options.logger.error({ ...logContext(subscription, date), err: error }, "daily post crashed");
      }),
    );
    return report;
  }

  /** Ticks now (catching up on a post missed earlier today), then at the start of every minute. */
  start(): { stop(): Promise<void> } {
    const { clock, logger } = this.options;
    const stopping = new AbortController();
    const loop = (async () => {
      while (!stopping.signal.aborted) {
        try {
          const report = await this.tick();
          if (report.due > 0) logger.debug({ ...report }, "daily tick");
        } catch (error) {
          logger.error({ err: error }, "daily tick failed");
        }
        const wait = MINUTE - (clock.now().getTime() % MINUTE);
        try {
          await clock.sleep(wait, stopping.signal);
        } catch {
          return;
        }
      }
    })();
    return {
      stop: async () => {
        stopping.abort();
        await loop;
      },
    };
  }

  private async postOne(
    subscription: Subscription,
    date: LocalDate,
    now: Date,
    candidates: readonly Takeaway[],
    report: TickReport,
  ): Promise<void> {
    const { store, clock, logger } = this.options;
    if (!(await store.claim(subscription.id, date, now, new Date(now.getTime() - this.staleClaimMs)))) return;
    const context = logContext(subscription, date);

    const rotation = await store.rotation(subscription.id);
    const choice = chooseTakeaway(subscription.id, rotation, candidates);
    if (!choice) {
      report.failed++;
      const reason = `no takeaway is tagged '${subscription.topic}'`;
      await store.recordFailed(subscription.id, date, reason);
      logger.warn(context, `daily post skipped: ${reason}`);
      return;
    }

    try {
      const card = dailyCard(choice.takeaway, subscription.topic);
      await this.throttle.wait(`${subscription.platform}:${subscription.channelId}`);
      const { messageId } = await this.options.posters[subscription.platform]!.post(subscription, card);
      if (choice.cycle !== rotation.cycle) await store.startCycle(subscription.id, choice.cycle);
      await store.recordPosted({
        subscriptionId: subscription.id,
        localDate: date,
        takeawayId: choice.takeaway.id,
        messageId,
        cycle: choice.cycle,
        at: clock.now(),
      });
      report.posted++;
      logger.info({ ...context, takeawayId: choice.takeaway.id, messageId }, "daily takeaway posted");
    } catch (error) {
      await this.failed(subscription, date, error, report);
    }
  }

  private async failed(subscription: Subscription, date: LocalDate, error: unknown, report: TickReport): Promise<void> {
    const { store, clock, logger } = this.options;
    const now = clock.now();
    const message = error instanceof Error ? error.message : String(error);
    const context = { ...logContext(subscription, date), ...(error instanceof PostError && { code: error.code }) };

    if (error instanceof PostError && error.kind === "permanent") {
      report.failed++;
      report.disabled++;
      await store.recordFailed(subscription.id, date, message);
      await store.disableSubscription(subscription.id, message, now);
      logger.error(context, `daily post failed for good, subscription turned off: ${message}`);
      return;
    }

    // Anything else may pass: a rate limit, a 5xx, a timeout, a network error.
    const attempts = (await store.getPost(subscription.id, date))?.attempts ?? 1;
    const backoff = Math.min(this.firstRetryDelayMs * 2 ** (attempts - 1), this.maxRetryDelayMs);
    const delay = Math.max(backoff, error instanceof PostError ? (error.retryAfterMs ?? 0) : 0);
    const nextAttemptAt = new Date(now.getTime() + delay);
    const endOfDay = zonedInstant(addDays(date, 1), { hour: 0, minute: 0 }, subscription.zone);
    const logged = error instanceof PostError ? context : { ...context, err: error };
    if (nextAttemptAt >= endOfDay) {
      report.failed++;
      await store.recordFailed(subscription.id, date, `gave up after ${attempts} attempts: ${message}`);
      logger.warn({ ...logged, attempts }, `daily post given up for the day: ${message}`);
      return;
    }
    report.retrying++;
    await store.scheduleRetry(subscription.id, date, nextAttemptAt, message);
    logger.warn({ ...logged, attempts, nextAttemptAt: nextAttemptAt.toISOString() }, `daily post will be retried: ${message}`);
  }
}

/**
 * The local date whose post is due at `now`, if any: today's post time in the subscription's zone
 * has come and it was not set before the subscription was (a day that has passed is never posted
 * late, and a new subscription starts with the next post time).
 */
export function dueDate(subscription: Subscription, now: Date): LocalDate | undefined {
  const time = parsePostTime(subscription.postTime);
  if (!time.ok) return undefined;
  const date = localDate(now, subscription.zone);
  const at = zonedInstant(date, time.value, subscription.zone);
  return at <= now && at >= subscription.since ? date : undefined;
}

function logContext(subscription: Subscription, date: LocalDate) {
  return {
    subscriptionId: subscription.id,
    platform: subscription.platform,
    channelId: subscription.channelId,
    ...(subscription.spaceId && { spaceId: subscription.spaceId }),
    localDate: date,
  };
}

async function forEachLimited<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
