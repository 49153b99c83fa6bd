import { setTimeout as sleep } from "node:timers/promises";
import { webApi } from "@slack/bolt";
import { ResponseUrlError } from "./respond.js";
import type { SlackNetworkOptions } from "./web-api-options.js";

/** The wait before trying again after `error`, or undefined when trying again cannot help. */
export type WaitAfter = (error: unknown, attempt: number) => number | undefined;

/**
 * What the Web API client does not retry for us: response_url posts (Bolt's respond() tries once)
 * and a rate-limited call (rejected at once with its Retry-After). `task` runs again while a wait
 * is given, attempts remain and the wait ends before the deadline; otherwise the last error is thrown.
 */
export async function retryWithin<T>(task: () => Promise<T>, waitAfter: WaitAfter, network: SlackNetworkOptions, attempts = 3): Promise<T> {
  const deadline = Date.now() + network.deadlineMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      const wait = waitAfter(error, attempt);
      if (wait === undefined || attempt >= attempts || Date.now() + wait > deadline) throw error;
      await sleep(wait);
    }
  }
}

/**
 * response_url: a 429 waits what Slack's Retry-After says (given up at once when that ends past the
 * deadline); a 5xx, a timeout, a network error or a 429 without Retry-After is retried with growing
 * waits; a 404 (expired URL) and other 4xx are final.
 */
export function responseUrlWait(network: SlackNetworkOptions): WaitAfter {
  return (error, attempt) => {
    const backoff = network.retryDelayMs * 2 ** (attempt - 1);
    if (!(error instanceof ResponseUrlError)) return isNetworkError(error) ? backoff : undefined;
    if (error.status === 429) return error.retryAfterMs ?? backoff;
    return error.status >= 500 ? backoff : undefined;
  };
}

/** A Web API call rejected for a rate limit waits what Slack said; anything else was already retried by the client. */
export const rateLimitWait: WaitAfter = (error) =>
  error instanceof webApi.WebAPIRateLimitedError ? error.retryAfter * 1000 : undefined;

/** fetch's own failures: a timeout (our AbortSignal), a refused or reset connection. */
function isNetworkError(error: unknown): boolean {
  const name = (error as { name?: string }).name;
  return name === "TimeoutError" || name === "AbortError" || error instanceof TypeError;
}
