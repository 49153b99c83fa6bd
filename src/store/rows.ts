import type { Claim, DailyPost, NewsClaim, NewsOutcome, PostStatus, Subscription } from "./daily-store.js";

/**
 * The tables' rows as both stores read them, and their translation to the store's types. `T` is
 * how an instant is stored: milliseconds in SQLite, timestamptz (a Date) in PostgreSQL.
 */
export interface SubscriptionRow<T> {
  id: string;
  platform: string;
  channel_id: string;
  space_id: string | null;
  post_time: string;
  zone: string;
  topic: string | null;
  created_by: string;
  since: T;
  enabled: number | boolean;
  disabled_reason: string | null;
  disabled_at: T | null;
  last_posted_at: T | null;
  news_since: T | null;
}

export interface PostRow<T> {
  subscription_id: string;
  local_date: string;
  status: PostStatus;
  claim_id: string;
  attempts: number;
  claimed_at: T;
  next_attempt_at: T | null;
  takeaway_id: string | null;
  cycle: number | null;
  sending_at: T | null;
  message_id: string | null;
  error: string | null;
}

export const instant = (value: number | Date): Date => new Date(value);

export function toSubscription<T extends number | Date>(row: SubscriptionRow<T>): Subscription {
  return {
    id: row.id,
    platform: row.platform,
    channelId: row.channel_id,
    ...(row.space_id !== null && { spaceId: row.space_id }),
    postTime: row.post_time,
    zone: row.zone,
    ...(row.topic !== null && { topic: row.topic }),
    createdBy: row.created_by,
    since: instant(row.since),
    enabled: Boolean(row.enabled),
    ...(row.disabled_reason !== null && { disabledReason: row.disabled_reason }),
    ...(row.disabled_at !== null && { disabledAt: instant(row.disabled_at) }),
    ...(row.last_posted_at !== null && { lastPostedAt: instant(row.last_posted_at) }),
    ...(row.news_since !== null && { newsSince: instant(row.news_since) }),
  };
}

export interface NewsRow<T> {
  subscription_id: string;
  recap_key: string;
  status: "claimed" | "sending" | "posted" | "failed";
  claim_id: string;
  attempts: number;
  claimed_at: T;
  sending_at: T | null;
}

export function toNewsClaim<T extends number | Date>(row: NewsRow<T>): NewsClaim {
  return {
    subscriptionId: row.subscription_id,
    recapKey: row.recap_key,
    claimId: row.claim_id,
    attempt: row.attempts,
    ...(row.status === "sending" && row.sending_at !== null && { sendingSince: instant(row.sending_at) }),
  };
}

/** The status and columns an outcome writes (both stores apply it): a retry that may have arrived stays `sending`. */
export function newsOutcomeColumns(outcome: NewsOutcome): { status: NewsRow<never>["status"]; messageId: string | null; error: string | null } {
  if ("posted" in outcome) return { status: "posted", messageId: outcome.posted, error: null };
  if ("failed" in outcome) return { status: "failed", messageId: null, error: outcome.failed };
  return { status: outcome.unsettled ? "sending" : "claimed", messageId: null, error: outcome.retry };
}

export function toClaim<T extends number | Date>(row: PostRow<T>): Claim {
  return {
    subscriptionId: row.subscription_id,
    localDate: row.local_date,
    claimId: row.claim_id,
    attempt: row.attempts,
    ...(row.sending_at !== null &&
      row.takeaway_id !== null && { unsettled: { takeawayId: row.takeaway_id, cycle: row.cycle ?? 0, since: instant(row.sending_at) } }),
  };
}

export function toPost<T extends number | Date>(row: PostRow<T>): DailyPost {
  return {
    subscriptionId: row.subscription_id,
    localDate: row.local_date,
    status: row.status,
    claimId: row.claim_id,
    attempts: row.attempts,
    claimedAt: instant(row.claimed_at),
    ...(row.next_attempt_at !== null && { nextAttemptAt: instant(row.next_attempt_at) }),
    ...(row.takeaway_id !== null && { takeawayId: row.takeaway_id }),
    ...(row.message_id !== null && { messageId: row.message_id }),
    ...(row.error !== null && { error: row.error }),
  };
}
