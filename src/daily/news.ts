import { randomBytes } from "node:crypto";
import { newsCard } from "../cards/news-card.js";
import { sectionsOf } from "../corpus/corpus.js";
import { parseRecapFile, RecapFileError } from "../corpus/recap-file.js";
import type { Recap } from "../corpus/section.js";
import type { Topic } from "../corpus/topics.js";
import type { Logger } from "../log/logger.js";
import type { DailyStore, NewsClaim, Subscription } from "../store/daily-store.js";
import type { RecapStore, StoredRecap } from "../store/recap-store.js";
import type { Clock } from "./clock.js";
import { mayHaveArrived, PostError, type Poster } from "./poster.js";

const MINUTE = 60_000;
/** A claim not settled for this long is taken again (its owner died, or asked for a retry): the retry's delay. */
const STALE_MS = 10 * MINUTE;
/** A news post is tried this many times, then given up. */
const MAX_ATTEMPTS = 5;
/** Recaps stored longer ago than this are not news any more, whatever a subscription's opt-in. */
const NEWS_FOR_MS = 7 * 24 * 60 * MINUTE;
/** How long a pair found unclaimable is not asked for again. */
const SETTLED_FOR_MS = 60 * MINUTE;

export interface NewsOptions {
  store: DailyStore;
  recaps: RecapStore;
  /** One poster per platform name; subscriptions of other platforms are left alone. */
  posters: Readonly<Record<string, Poster>>;
  topics: readonly Topic[];
  clock: Clock;
  logger: Logger;
}

/**
 * Posts a "new recap" card, once per recap, in each channel that asked for them (`daily news on`):
 * every recap stored (added or changed) since the channel opted in, within a week. Exactly once
 * across replicas and crashes the way the daily posts are: a claim in the store wins the right to
 * post, the platform's claim id recognises a re-send, and a send that may have arrived is looked
 * for before it is made again.
 */
export class NewsPoster {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private listed: { revision: number; recaps: StoredRecap[] } | undefined;
  /**
   * Pairs of subscription and recap this process found it could not claim (posted, given up, or
   * another's), not asked again until the time noted: a claim left by a replica that died is
   * looked at again within the hour. Pairs this process is retrying are never noted.
   */
  private readonly settled = new Map<string, number>();
  private readonly retrying = new Set<string>();

  constructor(private readonly options: NewsOptions) {}

  start(): this {
    const tick = () => {
      if (this.stopped) return;
      this.running = this.tick().then(
        () => undefined,
        (error: unknown) => this.options.logger.error({ err: error }, "news posts did not run"),
      );
      this.timer = setTimeout(() => void this.running.then(tick), MINUTE);
      this.timer.unref();
    };
    tick();
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One look for news to post; returns how many posts went out. */
  async tick(): Promise<number> {
    const { store, posters, clock } = this.options;
    const subscriptions = (await store.enabledSubscriptions()).filter((s) => s.newsSince && posters[s.platform]);
    if (!subscriptions.length) return 0;
    const now = clock.now();
    const recaps = (await this.storedRecaps()).filter((recap) => now.getTime() - recap.updatedAt.getTime() <= NEWS_FOR_MS);
    let posted = 0;
    for (const subscription of subscriptions) {
      for (const recap of recaps) {
        const pair = `${subscription.id} ${recap.id}`;
        if (recap.updatedAt < subscription.newsSince! || (this.settled.get(pair) ?? 0) > now.getTime()) continue;
        const claim = await store.claimNews(
          { subscriptionId: subscription.id, recapKey: String(recap.id), claimId: randomBytes(12).toString("hex") },
          now,
          new Date(now.getTime() - STALE_MS),
          MAX_ATTEMPTS,
        );
        if (!claim) {
          if (!this.retrying.has(pair)) this.settled.set(pair, now.getTime() + SETTLED_FOR_MS);
          continue;
        }
        const outcome = await this.post(subscription, recap, claim);
        if (outcome === "retry") this.retrying.add(pair);
        else this.retrying.delete(pair);
        if (outcome === "posted") posted++;
      }
    }
    return posted;
  }

  /** The stored recaps, read again only when the store's revision moved. */
  private async storedRecaps(): Promise<StoredRecap[]> {
    const revision = await this.options.recaps.revision();
    if (this.listed?.revision !== revision) this.listed = { revision, recaps: await this.options.recaps.listRecaps() };
    return this.listed.recaps;
  }

  /** One attempt at a claimed post: whether it went out, is to be retried, or is settled otherwise (found, given up, taken over). */
  private async post(subscription: Subscription, stored: StoredRecap, claim: NewsClaim): Promise<"posted" | "retry" | "settled"> {
    const { store, posters, topics, clock, logger } = this.options;
    const poster = posters[subscription.platform]!;
    const target = { channelId: subscription.channelId, ...(subscription.spaceId && { spaceId: subscription.spaceId }) };
    const log = { subscription: subscription.id, recap: stored.id, attempt: claim.attempt };
    const found = claim.sendingSince && (await poster.findPosted?.(target, claim.claimId, claim.sendingSince));
    if (found) {
      await store.recordNews(claim, { posted: found.messageId });
      logger.info({ ...log, messageId: found.messageId }, "news post found already posted");
      return "settled";
    }
    let recap: Recap;
    try {
      recap = parseRecapFile(`stored:${stored.id}`, stored.document);
    } catch (error) {
      if (!(error instanceof RecapFileError)) throw error;
      await store.recordNews(claim, { failed: error.message });
      return "settled";
    }
    if (!(await store.markNewsSending(claim, clock.now()))) return "settled";
    try {
      const { messageId } = await poster.post(target, newsCard(recap, sectionsOf(recap, topics)), claim.claimId);
      await store.recordNews(claim, { posted: messageId });
      logger.info({ ...log, messageId }, "news posted");
      return "posted";
    } catch (error) {
      const permanent = (error instanceof PostError && error.kind === "permanent") || claim.attempt >= MAX_ATTEMPTS;
      const reason = (error as Error).message;
      await store.recordNews(claim, permanent ? { failed: reason } : { retry: reason, unsettled: mayHaveArrived(error) });
      logger.warn({ ...log, err: error, permanent }, "news post failed");
      return permanent ? "settled" : "retry";
    }
  }
}
