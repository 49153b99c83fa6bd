import type { RespondArguments, webApi } from "@slack/bolt";

/** A response_url post that Slack refused: its status and, on a 429, how long Slack asked us to wait. */
export class ResponseUrlError extends Error {
  override name = "ResponseUrlError";

  constructor(
    readonly status: number,
    readonly retryAfterMs?: number,
  ) {
    super(`response_url answered ${status}${retryAfterMs === undefined ? "" : ` (Retry-After ${retryAfterMs / 1000} s)`}`);
  }
}

/** Posts one message to a response_url. */
export type Responder = (message: RespondArguments) => Promise<void>;

/**
 * What Bolt's respond() does (a JSON POST to the payload's response_url, through the app's fetch),
 * but a refusal keeps Slack's Retry-After: Bolt's RespondError has the status only, and a 429 must
 * be waited out for as long as Slack says, not for a guess.
 */
export function responder(fetch: webApi.FetchFunction, url: string): Responder {
  return async (message) => {
    const answer = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(message) });
    // Read to the end, so the connection goes back to the pool.
    await answer.text().catch(() => undefined);
    if (answer.ok) return;
    // Slack gives Retry-After in whole seconds, as its Web API client reads it.
    const seconds = answer.status === 429 ? Number.parseInt(answer.headers.get("retry-after") ?? "", 10) : Number.NaN;
    throw new ResponseUrlError(answer.status, Number.isNaN(seconds) ? undefined : seconds * 1000);
  };
}
