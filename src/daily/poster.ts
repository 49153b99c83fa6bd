import type { Card } from "../cards/card.js";
import type { Subscription } from "../store/daily-store.js";

/**
 * Delivers a daily card to a subscription's channel; one per platform, written by its adapter.
 * Failures are thrown as a `PostError` saying whether trying again later can help.
 */
export interface Poster {
  post(subscription: Subscription, card: Card): Promise<{ messageId: string }>;
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
