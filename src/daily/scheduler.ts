import { randomBytes } from "node:crypto";
import type { Logger } from "../log/logger.js";
import type { Claim, DailyStore, PostedRecord, Subscription } from "../store/daily-store.js";
import { StoreUnavailableError } from "../store/store-error.js";
import { dailyCard } from "../cards/takeaway-card.js";
import type { Card } from "../cards/card.js";
import type { Clock } from "./clock.js";
import type { EventDayPost } from "./event-day.js";
import { mayHaveArrived, PostError, type Poster, type PostTarget } from "./poster.js";
import { chooseTakeaway, matchingTakeaways } from "./rotation.js";
import { localDate } from "../time/wall-time.js";
import { addDays, earliestPost, parsePostTime, zonedInstant, type LocalDate } from "./schedule.js";
import type { Takeaway } from "../takeaways/takeaways.js";
import { Throttle } from "./throttle.js";

const MINUTE = 60_000;

/** One daily post: what it records (`id`, the rotation's `cycle`) and shows. */
interface DailyPost {
  id: string;
  cycle: number;
  card: Card;
  /** An event day's sessions rather than a takeaway. */
  sessions?: true;
}

const takeawayPost = (takeaway: Takeaway, cycle: number, topic: string | undefined): DailyPost => ({ id: takeaway.id, cycle, card: dailyCard(takeaway, topic) });

export interface SchedulerOptions {
  store: DailyStore;
  /** The current takeaways; read at every tick, so a re-indexed corpus is picked up. */
  takeaways: () => Promise<readonly Takeaway[]>;
  /** One poster per platform name ("slack", "discord"); subscriptions of other platforms are left to other processes. */
  posters: Readonly<Record<string, Poster>>;
  clock: Clock;
  logger: Logger;
  /** Least time between two posts to one channel. */
  channelIntervalMs?: number;
  /** Posts in flight at once during a fan-out. */
  concurrency?: number;
  /** Due subscriptions claimed in one store call; replicas take different batches. */
  batchSize?: number;
  /**
   * A claim older than this whose owner never reported back is taken over (its process died
   * mid-post). Short enough that a re-send still falls in Discord's nonce window of a few minutes,
   * long enough for a post call and its own retries to end.
   */
  staleClaimMs?: number;
  /**
   * An event day's post for a subscription's topic and local date, when that date is a day of an
   * event whose programme is imported (see event-day.ts); the takeaway is posted otherwise.
   */
  eventDay?: (topic: string | undefined, date: LocalDate) => EventDayPost | undefined;
  /** Told of every re-send later than its platform's duplicate window (it may show twice): a metric to alert on. */
  onLateResend?: (platform: string) => void;
  /** First wait after a transient failure; it doubles at each attempt up to `maxRetryDelayMs`. */
  firstRetryDelayMs?: number;
  maxRetryDelayMs?: number;
}

/** What one tick did, for logs, tests and the benchmark. */
export interface TickReport {
  /** Subscriptions whose post time had come today (claimed by us or not). */
  due: number;
  /** Dates this scheduler won, to post or retry. */
  claimed: number;
  posted: number;
  /** Posts found already delivered by an earlier attempt (after a crash or a timeout) and recorded, not re-sent. */
  recovered: number;
  retrying: number;
  failed: number;
  disabled: number;
}

interface Due {
  subscription: Subscription;
  date: LocalDate;
}

/**
 * Posts each subscription's takeaway once per local day. Every tick looks at the subscriptions
 * whose post time has come today in their zone and claims them in batches; whoever claims
 * (subscription, local date) first in the store posts, so any number of processes can tick against
 * one database. A claim goes `claimed` -> `sending` (the takeaway noted) -> `posted`; a send whose
 * outcome is unknown (a crash, a timeout) is looked for on the platform, or re-sent under the same
 * claim id that the platform deduplicates on, before anything new is sent.
 */
export class DailyScheduler {
  private readonly throttle: Throttle;
  private readonly concurrency: number;
  private readonly batchSize: number;
  private readonly staleClaimMs: number;
  private readonly firstRetryDelayMs: number;
  private readonly maxRetryDelayMs: number;
  /** Posts delivered whose record failed (the database was away): recorded first at the next tick. */
  private readonly unrecorded: PostedRecord[] = [];

  constructor(private readonly options: SchedulerOptions) {
    this.throttle = new Throttle(options.clock, options.channelIntervalMs ?? 1000);
    this.concurrency = options.concurrency ?? 8;
    this.batchSize = options.batchSize ?? 100;
    this.staleClaimMs = options.staleClaimMs ?? 3 * MINUTE;
    this.firstRetryDelayMs = options.firstRetryDelayMs ?? MINUTE;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 60 * MINUTE;
  }

  /** One pass over the due subscriptions; once `stopping` is aborted no further batch is claimed. */
  async tick(now: Date = this.options.clock.now(), stopping?: AbortSignal): Promise<TickReport> {
    const report: TickReport = { due: 0, claimed: 0, posted: 0, recovered: 0, retrying: 0, failed: 0, disabled: 0 };
    await this.recordUnrecorded();
    // Worked out on the first tick, which can take a while on a large corpus: a shutdown does not wait for it.
    const takeaways = await unlessAborted(this.options.takeaways(), stopping);
    if (!takeaways) return report;
    const byId = new Map(takeaways.map((takeaway) => [takeaway.id, takeaway]));
    const candidatesByTopic = new Map<string, Takeaway[]>();
    const candidatesFor = (topic: string | undefined): Takeaway[] => {
      const key = topic?.toLowerCase() ?? "";
      let candidates = candidatesByTopic.get(key);
      if (!candidates) candidatesByTopic.set(key, (candidates = matchingTakeaways(takeaways, topic)));
      return candidates;
    };

    const due: Due[] = [];
    for (const subscription of await this.options.store.enabledSubscriptions()) {
      if (!this.options.posters[subscription.platform]) continue;
      const date = dueDate(subscription, now);
      if (date) due.push({ subscription, date });
    }
    report.due = due.length;
    // Each replica walks the due list in its own order, so replicas start on different batches.
    shuffle(due);
    const staleBefore = new Date(now.getTime() - this.staleClaimMs);
    const byKey = new Map(due.map((item) => [`${item.subscription.id}\u0000${item.date}`, item]));
    for (let start = 0; start < due.length && !stopping?.aborted; start += this.batchSize) {
      const batch = due.slice(start, start + this.batchSize).map(({ subscription, date }) => ({
        subscriptionId: subscription.id,
        localDate: date,
        claimId: newClaimId(),
      }));
      const claims = await this.options.store.claim(batch, now, staleBefore);
      report.claimed += claims.length;
      await forEachLimited(claims, this.concurrency, (claim) => {
        const { subscription } = byKey.get(`${claim.subscriptionId}\u0000${claim.localDate}`)!;
        return this.postOne(claim, subscription, candidatesFor(subscription.topic), byId, report).catch((error: unknown) => {
          // A store error for one subscription must not stop the others; the claim is retaken once stale.
          this.options.logger.error({ ...logContext(subscription, claim.localDate), err: error }, "daily post crashed");
        });
      });
    }
    return report;
  }

  /** Ticks now (catching up on a post missed earlier today), then at the start of every minute. */
  start(): { stop(): Promise<void> } {
    const { clock, logger } = this.options;
    const stopping = new AbortController();
    const loop = (async () => {
      while (!stopping.signal.aborted) {
        try {
          const report = await this.tick(clock.now(), stopping.signal);
          if (report.due > 0) logger.debug({ ...report }, "daily tick");
        } catch (error) {
          // The store is away (a database down, a full disk): log, and try again at the next minute.
          // A write the store refused it has logged itself, once.
          if (!(error instanceof StoreUnavailableError)) logger.error({ err: error }, "daily tick failed; trying again in a minute");
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
    claim: Claim,
    subscription: Subscription,
    candidates: readonly Takeaway[],
    byId: ReadonlyMap<string, Takeaway>,
    report: TickReport,
  ): Promise<void> {
    const { store, clock, logger } = this.options;
    const poster = this.options.posters[subscription.platform]!;
    const target: PostTarget = { channelId: subscription.channelId, ...(subscription.spaceId && { spaceId: subscription.spaceId }) };
    const context = logContext(subscription, claim.localDate);
    let sent = false;
    try {
      let post: DailyPost | undefined;
      if (claim.unsettled) {
        // An earlier attempt may have arrived: look for it before sending anything.
        const found = await poster.findPosted?.(target, claim.claimId, claim.unsettled.since);
        if (found) {
          report.recovered++;
          await this.record({ ...postedRecord(claim, claim.unsettled.takeawayId, found.messageId, claim.unsettled.cycle), at: clock.now() });
          logger.info({ ...context, messageId: found.messageId }, "daily takeaway found already posted; recorded without sending again");
          return;
        }
        const takeaway = byId.get(claim.unsettled.takeawayId);
        if (takeaway) post = takeawayPost(takeaway, claim.unsettled.cycle, subscription.topic);
        this.noteLateResend(poster, claim.unsettled.since, subscription, context);
      }
      post ??= await this.nextPost(subscription, claim.localDate, candidates);
      if (!post) {
        report.failed++;
        const reason = `no takeaway is tagged '${subscription.topic}'`;
        await store.recordFailed(claim, reason);
        logger.warn(context, `daily post skipped: ${reason}`);
        return;
      }
      const { id: postId, cycle, card } = post;
      if (!(await store.markSending(claim, postId, cycle, clock.now()))) {
        logger.warn(context, "daily claim taken over by another process; leaving the post to it");
        return;
      }
      await this.throttle.wait(`${subscription.platform}:${subscription.channelId}`);
      sent = true;
      const { messageId } = await poster.post(target, card, claim.claimId);
      report.posted++;
      await this.record({ ...postedRecord(claim, postId, messageId, cycle), at: clock.now() });
      // After the record, as for a post found already sent: a reader of the log finds the store up to date.
      logger.info({ ...context, takeawayId: postId, messageId }, post.sessions ? "daily event-day sessions posted" : "daily takeaway posted");
    } catch (error) {
      // Unsettled stays unsettled; a send that ended without the platform's answer becomes so.
      await this.failed(claim, subscription, error, Boolean(claim.unsettled) || (sent && mayHaveArrived(error)), report);
    }
  }

  /**
   * What a subscription posts today: on a day of an event whose programme is imported, the day's
   * sessions take the takeaway's place; else the next takeaway of its rotation. None when no
   * takeaway is on its topic.
   */
  private async nextPost(subscription: Subscription, date: LocalDate, candidates: readonly Takeaway[]): Promise<DailyPost | undefined> {
    const rotation = await this.options.store.rotation(subscription.id);
    const day = this.options.eventDay?.(subscription.topic, date);
    if (day) return { id: day.id, cycle: rotation.cycle, card: day.card, sessions: true };
    const chosen = chooseTakeaway(subscription.id, rotation, candidates);
    return chosen && takeawayPost(chosen.takeaway, chosen.cycle, subscription.topic);
  }

  /**
   * A post that cannot be looked for, re-sent later than its platform recognises a re-send: it may
   * show twice. The bound of that window (a process dead longer than it) is said and counted.
   */
  private noteLateResend(poster: Poster, since: Date, subscription: Subscription, context: Record<string, unknown>): void {
    if (poster.findPosted || poster.resendWindowMs === undefined) return;
    const ago = this.options.clock.now().getTime() - since.getTime();
    if (ago <= poster.resendWindowMs) return;
    this.options.logger.warn({ ...context, sentAgo: `${Math.round(ago / MINUTE)} min`, windowMin: poster.resendWindowMs / MINUTE }, "daily post re-sent after the platform's duplicate window: it may show twice");
    this.options.onLateResend?.(subscription.platform);
  }

  /** Records a delivered post; if the store is away, keeps it for the next tick instead of losing it. */
  private async record(post: PostedRecord): Promise<void> {
    const { store, logger } = this.options;
    const context = { subscriptionId: post.subscriptionId, localDate: post.localDate, messageId: post.messageId };
    try {
      if (!(await store.recordPosted(post))) logger.warn(context, "daily post delivered after its claim was taken over; the new owner finds it");
    } catch (error) {
      this.unrecorded.push(post);
      logger.error({ ...context, err: error }, "daily post delivered but not recorded; recording it at the next tick");
    }
  }

  private async recordUnrecorded(): Promise<void> {
    while (this.unrecorded.length > 0) {
      const post = this.unrecorded[0]!;
      // Throws while the store is still away: the tick fails and the next one tries again.
      await this.options.store.recordPosted(post);
      this.unrecorded.shift();
    }
  }

  private async failed(claim: Claim, subscription: Subscription, error: unknown, unsettled: boolean, report: TickReport): Promise<void> {
    const { store, clock, logger } = this.options;
    const now = clock.now();
    const message = error instanceof Error ? error.message : String(error);
    const context = { ...logContext(subscription, claim.localDate), ...(error instanceof PostError && { code: error.code }) };

    if (error instanceof PostError && error.kind === "permanent") {
      report.failed++;
      report.disabled++;
      await store.recordFailed(claim, message);
      await store.disableSubscription(subscription.id, message, now);
      logger.error(context, `daily post failed for good, subscription turned off: ${message}`);
      return;
    }

    // Anything else may pass: a rate limit, a 5xx, a timeout, a network error.
    const attempts = claim.attempt;
    const backoff = Math.min(this.firstRetryDelayMs * 2 ** (attempts - 1), this.maxRetryDelayMs);
    const delay = Math.max(backoff, error instanceof PostError ? (error.retryAfterMs ?? 0) : 0);
    const nextAttemptAt = new Date(now.getTime() + delay);
    const endOfDay = zonedInstant(addDays(claim.localDate, 1), { hour: 0, minute: 0 }, subscription.zone);
    const logged = error instanceof PostError ? context : { ...context, err: error };
    if (nextAttemptAt >= endOfDay) {
      report.failed++;
      await store.recordFailed(claim, `gave up after ${attempts} attempts: ${message}`);
      logger.warn({ ...logged, attempts }, `daily post given up for the day: ${message}`);
      return;
    }
    report.retrying++;
    await store.scheduleRetry(claim, nextAttemptAt, message, unsettled);
    logger.warn({ ...logged, attempts, nextAttemptAt: nextAttemptAt.toISOString() }, `daily post will be retried: ${message}`);
  }
}

/**
 * The local date whose post is due at `now`, if any: today's post time in the subscription's zone
 * has come, and it is not before the subscription's earliest post (set up or changed after it:
 * a day that has passed is never posted late, and a change keeps posts a day apart).
 */
export function dueDate(subscription: Subscription, now: Date): LocalDate | undefined {
  const time = parsePostTime(subscription.postTime);
  if (!time.ok) return undefined;
  const date = localDate(now, subscription.zone);
  const at = zonedInstant(date, time.value, subscription.zone);
  return at <= now && at >= earliestPost(subscription) ? date : undefined;
}

/** 24 hex characters: unique per post, and within Discord's 25-character nonce. */
function newClaimId(): string {
  return randomBytes(12).toString("hex");
}

function postedRecord(claim: Claim, takeawayId: string, messageId: string, cycle: number): Omit<PostedRecord, "at"> {
  return { subscriptionId: claim.subscriptionId, localDate: claim.localDate, attempt: claim.attempt, takeawayId, messageId, cycle };
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

function shuffle<T>(items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

async function forEachLimited<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** What `work` resolves to, or nothing as soon as `signal` aborts (the work itself goes on). */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T | undefined> {
  if (!signal) return work;
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(undefined);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
