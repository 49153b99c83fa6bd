/**
 * What the daily posts need to remember. Small on purpose, and asynchronous, so a server database
 * can replace the embedded SQLite one when several replicas share the work.
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
}

export type SubscriptionSettings = Omit<Subscription, "enabled" | "disabledReason" | "disabledAt">;

export type PostStatus = "claimed" | "retry" | "posted" | "failed";

/** The record of one subscription's post on one local date. */
export interface DailyPost {
  subscriptionId: string;
  localDate: string;
  status: PostStatus;
  attempts: number;
  claimedAt: Date;
  nextAttemptAt?: Date;
  takeawayId?: string;
  messageId?: string;
  error?: string;
}

/** Which takeaways a subscription has had in its current pass over the corpus. */
export interface RotationState {
  cycle: number;
  postedIds: ReadonlySet<string>;
}

export interface PostedRecord {
  subscriptionId: string;
  localDate: string;
  takeawayId: string;
  messageId: string;
  /** The rotation cycle the takeaway was chosen in. */
  cycle: number;
  at: Date;
}

export interface DailyStore {
  /** Creates or replaces a subscription and (re-)enables it, keeping its rotation. */
  saveSubscription(settings: SubscriptionSettings): Promise<Subscription>;
  getSubscription(id: string): Promise<Subscription | undefined>;
  enabledSubscriptions(): Promise<Subscription[]>;
  /** Returns false when there was no such enabled subscription. */
  disableSubscription(id: string, reason: string, at: Date): Promise<boolean>;

  /**
   * Takes the right to post for a subscription's local date. Exactly one caller wins a new date;
   * a date waiting for a retry (its next attempt due) or a claim older than `staleBefore` (its
   * owner died mid-post) can be won again, once.
   */
  claim(subscriptionId: string, localDate: string, now: Date, staleBefore: Date): Promise<boolean>;
  getPost(subscriptionId: string, localDate: string): Promise<DailyPost | undefined>;
  /** Marks the date posted and adds the takeaway to the rotation's cycle, in one step. */
  recordPosted(post: PostedRecord): Promise<void>;
  /** Gives the date back for another attempt from `nextAttemptAt`. */
  scheduleRetry(subscriptionId: string, localDate: string, nextAttemptAt: Date, error: string): Promise<void>;
  /** Gives up on the date. */
  recordFailed(subscriptionId: string, localDate: string, error: string): Promise<void>;

  rotation(subscriptionId: string): Promise<RotationState>;
  /** Starts a new pass over the takeaways: the cycle number goes up, the set of posted ids empties. */
  startCycle(subscriptionId: string, cycle: number): Promise<void>;

  close(): Promise<void>;
}
