import type { webApi } from "@slack/bolt";

/** How long a call to Slack may take and how long a late answer may be retried; small in tests. */
export interface SlackNetworkOptions {
  /** One HTTP attempt: a Web API call or a response_url post. */
  timeoutMs: number;
  /** First wait before a retry; it doubles at each attempt. */
  retryDelayMs: number;
  /** A late answer (response_url, a shared card) is retried within this time, then given up. */
  deadlineMs: number;
}

export const DEFAULT_SLACK_NETWORK: SlackNetworkOptions = { timeoutMs: 5_000, retryDelayMs: 250, deadlineMs: 15_000 };

/**
 * The Web API client's options. It retries 5xx, network errors and timeouts itself (twice, within
 * the deadline); a 429 comes back at once as `WebAPIRateLimitedError` with its Retry-After, instead
 * of the client's default of pausing every call for as long as Slack says: the caller decides
 * whether that wait fits (the scheduler reschedules the post, a share waits if it is short).
 */
export function webClientOptions(apiUrl: string | undefined, network: SlackNetworkOptions): webApi.WebClientOptions & { fetch: webApi.FetchFunction } {
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: {
      retries: 2,
      factor: 2,
      minTimeout: network.retryDelayMs,
      maxTimeout: network.retryDelayMs * 4,
      maxRetryTime: network.deadlineMs,
    },
    rejectRateLimitedCalls: true,
    timeout: network.timeoutMs,
    // Our response_url posts (respond.ts) go through this fetch too.
    fetch: timedFetch(network.timeoutMs),
  };
}

/** fetch with a timeout on every request, added to any signal the caller passed. */
function timedFetch(timeoutMs: number): webApi.FetchFunction {
  return (url, init = {}) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    return fetch(url, { ...init, signal: init.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  };
}
