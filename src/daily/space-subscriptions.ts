import type { DailyStore } from "../store/daily-store.js";
import { localDate } from "../time/wall-time.js";
import { describeInstant, nextPostTime, parsePostTime } from "./schedule.js";

/** One channel of a workspace or guild that gets daily takeaways, and when it gets the next one. */
export interface ChannelSubscription {
  channelId: string;
  postTime: string;
  zone: string;
  topic?: string;
  /** "Tue 10 Jun 2025 at 09:00 (Europe/Paris)". */
  nextPost?: string;
}

/** The enabled subscriptions of one workspace or guild, in channel order. */
export async function spaceSubscriptions(store: DailyStore, platform: string, spaceId: string, now: Date): Promise<ChannelSubscription[]> {
  const subscriptions = (await store.enabledSubscriptions()).filter((s) => s.platform === platform && s.spaceId === spaceId);
  const summaries: ChannelSubscription[] = [];
  for (const subscription of subscriptions.sort((a, b) => a.channelId.localeCompare(b.channelId))) {
    const time = parsePostTime(subscription.postTime);
    const today = localDate(now, subscription.zone);
    const post = await store.getPost(subscription.id, today);
    const done = post !== undefined && post.status !== "retry";
    const next = time.ok ? nextPostTime(time.value, subscription.zone, now, subscription.since, (date) => date === today && done) : undefined;
    summaries.push({
      channelId: subscription.channelId,
      postTime: subscription.postTime,
      zone: subscription.zone,
      ...(subscription.topic && { topic: subscription.topic }),
      ...(next && { nextPost: describeInstant(next.at, subscription.zone) }),
    });
  }
  return summaries;
}

/** Turns off every subscription of a workspace or guild the bot was removed from; returns how many. */
export async function disableSpaceSubscriptions(store: DailyStore, platform: string, spaceId: string, reason: string, at: Date): Promise<number> {
  let disabled = 0;
  for (const subscription of await store.enabledSubscriptions()) {
    if (subscription.platform === platform && subscription.spaceId === spaceId && (await store.disableSubscription(subscription.id, reason, at))) disabled += 1;
  }
  return disabled;
}
