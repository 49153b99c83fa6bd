import { webApi } from "@slack/bolt";
import type { Card } from "../../src/cards/card.js";
import { PostError, type Poster } from "../../src/daily/poster.js";
import type { Subscription } from "../../src/store/daily-store.js";
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

/** Posts a card publicly into a channel, without link previews: the daily post and "Share in channel". */
export async function postCard(client: webApi.WebClient, channel: string, card: Card): Promise<{ messageId: string }> {
  const { text, blocks } = renderCard(card);
  const sent = await client.chat.postMessage({ channel, text, blocks, unfurl_links: false, unfurl_media: false });
  return { messageId: sent.ts ?? "" };
}

/** The daily poster for Slack subscriptions. */
export function slackPoster(client: webApi.WebClient): Poster {
  return {
    async post(subscription: Subscription, card: Card) {
      try {
        return await postCard(client, subscription.channelId, card);
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
