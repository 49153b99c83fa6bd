import type { AnyMiddlewareArgs, App } from "@slack/bolt";
import type { Clock } from "../../src/daily/clock.js";
import type { Logger } from "../../src/log/logger.js";
import type { RequestLog } from "../../src/store/daily-store.js";

/**
 * How long a request id is kept: a signature is good five minutes either side of its timestamp
 * (Bolt refuses older, receiver-routes.ts later), so a copy of it can come for ten.
 */
export const REPLAY_WINDOW_MS = 10 * 60_000;

/**
 * What makes a request the one it is: the trigger_id Slack gives every command, click and shortcut,
 * the event_id its retries of an event keep (with X-Slack-Retry-Num), else a click's action_ts.
 */
function requestId(body: AnyMiddlewareArgs["body"]): string | undefined {
  const fields = body as { trigger_id?: unknown; event_id?: unknown; actions?: Array<{ action_ts?: unknown }> };
  const id = fields.trigger_id ?? fields.event_id ?? fields.actions?.[0]?.action_ts;
  return typeof id === "string" && id !== "" ? id : undefined;
}

/**
 * Bolt middleware run before every listener: a request whose id the store has seen within the
 * window (a replay of the same signed bytes, Slack's own retry, a Socket Mode redelivery) is
 * acknowledged with the first one's answer and goes no further, so its side effects (a share, a
 * `daily on`, a vote, a post) happen once across replicas. A store that cannot answer lets the
 * request through: /readyz says the store is down.
 */
export function ignoreReplays(app: App, requests: RequestLog, clock: Clock, logger: Logger): (id: string, answer: unknown) => Promise<void> {
  app.use(async ({ body, next, context, ...args }) => {
    const id = requestId(body);
    if (!id) return next();
    const now = clock.now();
    const key = `slack:${id}`;
    let first = true;
    try {
      first = await requests.firstRequest(key, now, new Date(now.getTime() + REPLAY_WINDOW_MS));
    } catch (error) {
      logger.debug({ err: error, key }, "slack request id not checked: the store did not answer");
    }
    if (first) return next();
    const answer = await requests.answerOf(key).catch(() => undefined);
    logger.info({ key, retryNum: context.retryNum, retryReason: context.retryReason }, "slack request seen already (a replay or a retry): answered as the first, not run again");
    // Events are acknowledged by Bolt before any middleware; commands and clicks here.
    if ("ack" in args && typeof args.ack === "function") await (args.ack as (response?: unknown) => Promise<void>)(answer === undefined ? undefined : JSON.parse(answer));
  });
  /** Keeps a command's answer for the copies of it that may follow. */
  return async (id, answer) => {
    await requests.saveAnswer(`slack:${id}`, JSON.stringify(answer)).catch((error: unknown) => logger.debug({ err: error, id }, "slack answer not kept for replays"));
  };
}
