import { DiscordAPIError, RateLimitError, Routes, type APIMessage, type REST } from "discord.js";
import type { Card } from "../../src/cards/card.js";
import { PostError, type PostTarget, type Poster } from "../../src/daily/poster.js";
import { renderReply } from "./render.js";

// Unknown Channel, Unknown Guild, Missing Access, Missing Permissions, Cannot send messages in this channel.
const GONE_OR_FORBIDDEN = new Set([10003, 10004, 50001, 50013, 50008]);

/**
 * How long Discord recognises a re-sent nonce: it documents "the past few minutes". Five is taken,
 * past the scheduler's three-minute takeover of a dead process's post; a fetched message carries no
 * nonce, so a post cannot be looked for in the channel as on Slack.
 */
const NONCE_WINDOW_MS = 5 * 60_000;

/**
 * Posts daily cards into subscribed channels over REST, with mentions forbidden like every message.
 * The claim id is the message's nonce and `enforce_nonce` is set: a re-send of a post whose answer
 * was lost returns the first message (within Discord's window of a few minutes) instead of a second.
 */
export function discordPoster(rest: REST): Poster {
  return {
    resendWindowMs: NONCE_WINDOW_MS,
    async post(target: PostTarget, card: Card, claimId: string) {
      const { flags: _public, ...message } = renderReply({ card, visibility: "public" });
      try {
        const body = { ...message, nonce: claimId, enforce_nonce: true };
        const sent = (await rest.post(Routes.channelMessages(target.channelId), { body })) as APIMessage;
        return { messageId: sent.id };
      } catch (error) {
        throw postError(error);
      }
    },
  };
}

/**
 * A channel that is gone or that the bot may not post in will not recover: permanent. Anything
 * else (rate limit, 5xx after discord.js's own retries, network, a rejected token) may: transient.
 */
function postError(error: unknown): PostError {
  if (error instanceof DiscordAPIError) {
    const permanent = GONE_OR_FORBIDDEN.has(Number(error.code)) || error.status === 403 || error.status === 404;
    return new PostError(error.message, permanent ? "permanent" : "transient", String(error.code));
  }
  if (error instanceof RateLimitError) {
    return new PostError(error.message, "transient", "429", error.retryAfter);
  }
  return new PostError(error instanceof Error ? error.message : String(error), "transient");
}
