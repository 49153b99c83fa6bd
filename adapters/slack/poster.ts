import { webApi } from "@slack/bolt";
import type { Card } from "../../src/cards/card.js";
import { PostError, type PostTarget, type Poster } from "../../src/daily/poster.js";
import { renderCard } from "./render.js";

/** Slack's answers meaning the channel will not take our posts again until someone acts. */
const GONE_OR_FORBIDDEN = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "restricted_action",
  "restricted_action_read_only_channel",
  "restricted_action_non_threadable_channel",
  "restricted_action_thread_only_channel",
  "team_access_not_granted",
  "ekm_access_denied",
]);

/** The metadata event type of a daily post; its payload carries the claim id. */
export const DAILY_EVENT_TYPE = "kubecon_daily";
/** Pages of channel history read when looking for a post; a post is looked for minutes after it was sent. */
const HISTORY_PAGES = 5;

/** Posts a card publicly into a channel, without link previews: the daily post and "Share in channel". */
export async function postCard(
  client: webApi.WebClient,
  channel: string,
  card: Card,
  metadata?: webApi.ChatPostMessageArguments["metadata"],
): Promise<{ messageId: string }> {
  const { text, blocks } = renderCard(card);
  const sent = await client.chat.postMessage({ channel, text, blocks, unfurl_links: false, unfurl_media: false, ...(metadata && { metadata }) });
  return { messageId: sent.ts ?? "" };
}

/**
 * The daily poster for Slack subscriptions. Each post carries message metadata with its claim id,
 * so a post whose answer was lost is found in the channel's history instead of being sent twice.
 * Its client never retries by itself: a retried chat.postMessage whose first answer was lost would
 * post twice, so retries are the scheduler's, after a look in the history.
 */
export function slackPoster(token: string | undefined, options: webApi.WebClientOptions): Poster {
  const client = new webApi.WebClient(token, { ...options, retryConfig: { retries: 0 } });
  return {
    async post(target: PostTarget, card: Card, claimId: string) {
      try {
        return await postCard(client, target.channelId, card, { event_type: DAILY_EVENT_TYPE, event_payload: { claim_id: claimId } });
      } catch (error) {
        throw postError(error);
      }
    },
    async findPosted(target: PostTarget, claimId: string, since: Date) {
      try {
        let cursor: string | undefined;
        for (let page = 0; page < HISTORY_PAGES; page++) {
          const history = await client.conversations.history({
            channel: target.channelId,
            // A second early: Slack's timestamps and ours need not agree to the millisecond.
            oldest: String(Math.floor(since.getTime() / 1000) - 1),
            include_all_metadata: true,
            limit: 200,
            ...(cursor && { cursor }),
          });
          const found = history.messages?.find((message) => {
            const payload = message.metadata?.event_payload as Record<string, unknown> | undefined;
            return message.metadata?.event_type === DAILY_EVENT_TYPE && payload?.claim_id === claimId;
          });
          if (found?.ts) return { messageId: found.ts };
          cursor = history.response_metadata?.next_cursor;
          if (!cursor) return undefined;
        }
        return undefined;
      } catch (error) {
        throw postError(error);
      }
    },
  };
}

/** A channel gone or closed to us is permanent; rate limits, 5xx, network and anything else may recover. */
export function postError(error: unknown): PostError {
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = error.data.error;
    return new PostError(`slack refused the post: ${code}`, GONE_OR_FORBIDDEN.has(code) ? "permanent" : "transient", code);
  }
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return new PostError(error.message, "transient", "ratelimited", error.retryAfter * 1000);
  }
  return new PostError(error instanceof Error ? error.message : String(error), "transient");
}
