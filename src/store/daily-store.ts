/**
 * What the daily posts need to remember. Small on purpose, and asynchronous, so the embedded
 * SQLite store and the PostgreSQL one (several replicas sharing the work) are interchangeable.
 */

/** One channel's subscription; its id is `<platform>:<channel id>`, one per channel. */
export interface Subscription {
  id: string;
  platform: string;
  channelId: string;
  /** Workspace or guild, where the platform has one. */
  spaceId?: string;
  /** Local post time, "HH:MM". */
  postTime: string;
  /** IANA time zone. */
  zone: string;
  /** Restricts takeaways to this topic tag. */
  topic?: string;
  /** Who last turned it on. */
  createdBy: string;
  /** When it was last turned on or changed: no post is due for a post time before this. */
  since: Date;
  enabled: boolean;
  disabledReason?: string;
  disabledAt?: Date;
  /** When its last post went out, under any settings: a change of time or zone keeps posts a day apart. */
  lastPostedAt?: Date;
  /** Since when it also gets a post for each new recap (`daily news on`); unset when it does not. */
  newsSince?: Date;
}

export type SubscriptionSettings = Omit<Subscription, "enabled" | "disabledReason" | "disabledAt" | "lastPostedAt" | "newsSince">;

/**
 * A date's post goes `claimed` (ours to post) -> `sending` (the takeaway is chosen and the platform
 * may have it) -> `posted`; or to `retry` (try again from `nextAttemptAt`) or `failed` (given up).
 */
export type PostStatus = "claimed" | "sending" | "retry" | "posted" | "failed";

/** The record of one subscription's post on one local date. */
export interface DailyPost {
  subscriptionId: string;
  localDate: string;
  status: PostStatus;
  /** Stays the same across re-sends of one post: the platforms' idempotency key. */
  claimId: string;
  attempts: number;
  claimedAt: Date;
  nextAttemptAt?: Date;
  takeawayId?: string;
  messageId?: string;
  error?: string;
}

/** A post whose delivery is unknown (a crash or a timeout after sending): what was being sent. */
export interface Unsettled {
  takeawayId: string;
  cycle: number;
  /** When that send started: the platform's copy, if any, is not older. */
  since: Date;
}

/** The right to post one subscription's date, won by `claim`. */
export interface Claim {
  subscriptionId: string;
  localDate: string;
  claimId: string;
  /** Fences the claim: a record made with an attempt that was taken over since is refused. */
  attempt: number;
  /** Set when an earlier attempt may have reached the platform: look there before re-sending. */
  unsettled?: Unsettled;
}

export interface ClaimRequest {
  subscriptionId: string;
  localDate: string;
  /** A fresh id, used if this claim starts a new post (a retry or a takeover keeps the old one). */
  claimId: string;
}

/** Which takeaways a subscription has had in its current pass over the corpus. */
export interface RotationState {
  cycle: number;
  postedIds: ReadonlySet<string>;
}

export interface PostedRecord {
  subscriptionId: string;
  localDate: string;
  attempt: number;
  takeawayId: string;
  messageId: string;
  /** The rotation cycle the takeaway was chosen in; a higher one than the subscription's starts it. */
  cycle: number;
  at: Date;
}

/**
 * The right to post one recap's "new recap" post in one subscription, won by `claimNews`. Its
 * `sendingSince` is set when an earlier attempt may have reached the platform: look there first.
 */
export interface NewsClaim {
  subscriptionId: string;
  /** The recap's key in the recap store. */
  recapKey: string;
  claimId: string;
  attempt: number;
  sendingSince?: Date;
}

/** How an attempt at a news post ended: posted; given up; or to be tried again once the claim is stale (`unsettled`: it may have arrived). */
export type NewsOutcome = { posted: string } | { failed: string } | { retry: string; unsettled: boolean };

/**
 * Where a space (a channel, or a direct conversation) stands in its deal of takeaways for the
 * `takeaway` command: the deal's seed and the position to show now.
 */
export interface DealPosition {
  seed: number;
  position: number;
}

/** Whether the store answers; `reason` says why not, for /readyz and the logs. */
export type StoreHealth = { ok: true } | { ok: false; reason: string };

/**
 * The platform requests seen within their signature window (a Slack trigger_id or event_id, a
 * Discord interaction id), so that a replay of the same signed bytes, or a platform's retry, acts
 * once across every replica sharing the store, and gets the first one's answer.
 */
export interface RequestLog {
  /** True for the first request carrying `key`; false for every other until `until`. Ids past their time are forgotten. */
  firstRequest(key: string, now: Date, until: Date): Promise<boolean>;
  /** Keeps the first request's answer (as the platform got it) for its replays. */
  saveAnswer(key: string, answer: string): Promise<void>;
  /** The first request's answer, once it is saved. */
  answerOf(key: string): Promise<string | undefined>;
}

export interface DailyStore extends RequestLog {
  /** Creates or replaces a subscription and (re-)enables it, keeping its rotation and last post. */
  saveSubscription(settings: SubscriptionSettings): Promise<Subscription>;
  getSubscription(id: string): Promise<Subscription | undefined>;
  enabledSubscriptions(): Promise<Subscription[]>;
  /** Returns false when there was no such enabled subscription. */
  disableSubscription(id: string, reason: string, at: Date): Promise<boolean>;

  /**
   * Takes the right to post for some subscriptions' local dates, in one step, and returns the
   * claims won. Exactly one caller wins a new date; a date waiting for a retry (its next attempt
   * due), a claim older than `staleBefore` (its owner died mid-post) or a date done under settings
   * older than the subscription's (a changed zone can meet a date again) can be won again, once.
   * Requests another caller holds at that moment are skipped, not waited for.
   */
  claim(requests: readonly ClaimRequest[], now: Date, staleBefore: Date): Promise<Claim[]>;
  getPost(subscriptionId: string, localDate: string): Promise<DailyPost | undefined>;
  /**
   * Notes what is about to be sent; false when the claim was taken over meanwhile. The first send's
   * time is kept across re-sends of an unsettled post, so a look for it on the platform starts early enough.
   */
  markSending(claim: Claim, takeawayId: string, cycle: number, at: Date): Promise<boolean>;
  /** Marks the date posted, adds the takeaway to its rotation cycle and notes the post time, in one step. */
  recordPosted(post: PostedRecord): Promise<boolean>;
  /**
   * Gives the date back for another attempt from `nextAttemptAt`. With `unsettled`, the platform may
   * have the post: the next attempt looks for it first.
   */
  scheduleRetry(claim: Claim, nextAttemptAt: Date, error: string, unsettled: boolean): Promise<boolean>;
  /** Gives up on the date. */
  recordFailed(claim: Claim, error: string): Promise<boolean>;

  rotation(subscriptionId: string): Promise<RotationState>;

  /**
   * The next position of a space's deal of `size` takeaways, in one step across replicas: every
   * caller gets another position until all `size` were given; then, or when the pool's size
   * changed, a new deal starts at 0 with `freshSeed`.
   */
  nextInDeal(space: string, size: number, freshSeed: number, at: Date): Promise<DealPosition>;

  /** Turns the "new recap" posts of an enabled subscription on (from `since`) or off (`undefined`); false when it has none enabled. */
  setNews(id: string, since: Date | undefined): Promise<boolean>;
  /**
   * Takes the right to post a recap's news in a subscription (enabled, with news on). Exactly one
   * caller wins it; a claim taken at or before `staleBefore` whose outcome is not recorded (its
   * owner died, or asked for a retry) can be won again while it has had fewer than `maxAttempts`.
   */
  claimNews(request: { subscriptionId: string; recapKey: string; claimId: string }, now: Date, staleBefore: Date, maxAttempts: number): Promise<NewsClaim | undefined>;
  /** Notes that the post is being sent (its first send's time is kept); false when the claim was taken over. */
  markNewsSending(claim: NewsClaim, at: Date): Promise<boolean>;
  /** Records how the attempt ended; false when the claim was taken over meanwhile. */
  recordNews(claim: NewsClaim, outcome: NewsOutcome): Promise<boolean>;

  /** Resolves once the store can serve (a server database reached and migrated; it retries until then). */
  ready(): Promise<void>;
  /** Whether the store answers now, and why not: for /readyz. */
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}
