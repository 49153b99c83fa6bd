import type { Card } from "../cards/card.js";

/** Where a daily card goes: what a platform needs, nothing of the store's records. */
export interface PostTarget {
  channelId: string;
  /** Workspace or guild, where the platform has one. */
  spaceId?: string;
}

/**
 * Delivers a daily card to a channel; one per platform, written by its adapter. `claimId` is the
 * same for every attempt at one post: the platform uses it to recognise a re-send (Discord's
 * nonce) or to find a post already made (Slack's message metadata). Failures are thrown as a
 * `PostError` saying whether trying again later can help.
 */
export interface Poster {
  post(target: PostTarget, card: Card, claimId: string): Promise<{ messageId: string }>;
  /**
   * Looks for a post already delivered under `claimId` since `since`: asked before re-sending a post
   * whose earlier attempt may have arrived. A platform where re-sending with the same claim id is
   * itself idempotent leaves it out.
   */
  findPosted?(target: PostTarget, claimId: string, since: Date): Promise<{ messageId: string } | undefined>;
  /**
   * Without `findPosted`: how long after a first send the platform still recognises a re-send under
   * the same claim id (Discord's nonce). A re-send later than that may show twice.
   */
  readonly resendWindowMs?: number;
}

/**
 * `transient`: rate limit, 5xx, timeout, network; retried with backoff within the day.
 * `permanent`: channel gone, bot removed, missing permission; the subscription is turned off.
 */
export class PostError extends Error {
  override name = "PostError";

  constructor(
    message: string,
    readonly kind: "transient" | "permanent",
    /** What the platform said (`channel_not_found`, `50013`), for logs. */
    readonly code?: string,
    /** The platform's own wait, when it gave one (Retry-After). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/**
 * Whether a failed send may still have reached the platform: only an answer from it (a `PostError`
 * with its code) says it did not; a timeout, a dropped connection or anything unexpected may hide
 * a post that went through.
 */
export function mayHaveArrived(error: unknown): boolean {
  return !(error instanceof PostError && error.code !== undefined);
}
