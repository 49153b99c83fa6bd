import type { RateLimitData, RESTOptions } from "discord.js";

/** How long a call to Discord may take and how long a rate limit may be waited out; small in tests. */
export interface DiscordNetworkOptions {
  /** One HTTP attempt. */
  timeoutMs: number;
  /** Attempts after the first for a 5xx, a timeout or a reset connection (discord.js retries them at once). */
  retries: number;
  /** A rate limit longer than this is thrown as `RateLimitError` instead of being waited out. */
  maxRateLimitWaitMs: number;
}

export const DEFAULT_DISCORD_NETWORK: DiscordNetworkOptions = {
  timeoutMs: 5_000,
  retries: 2,
  maxRateLimitWaitMs: 5_000,
};

/** Discord wants the first response to an interaction within 3 seconds of sending it. */
export const INITIAL_RESPONSE_MS = 3_000;

/**
 * An edit after a deferral is given up after this, whatever it waits for: a 429 is re-sent by
 * discord.js without counting as a retry, so only a deadline bounds a platform that keeps answering 429.
 */
export const LATE_ANSWER_DEADLINE_MS = 20_000;

/**
 * discord.js REST options. Its queues already honour Retry-After and the bucket headers; these bound
 * the rest: each attempt's timeout (default 15 s), the retries of a failing attempt, and how long a
 * rate limit may hold a call before the caller hears of it (the daily scheduler then reschedules the
 * post with the platform's wait; an interactive answer gives up).
 */
export function restOptions(apiUrl: string | undefined, network: DiscordNetworkOptions): Partial<RESTOptions> {
  return {
    ...(apiUrl ? { api: apiUrl } : {}),
    timeout: network.timeoutMs,
    retries: network.retries,
    rejectOnRateLimit: (limit: RateLimitData) =>
      Math.max(limit.timeToReset, limit.retryAfter, limit.sublimitTimeout) > network.maxRateLimitWaitMs,
  };
}
