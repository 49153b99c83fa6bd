import {
  DiscordAPIError,
  HTTPError,
  RateLimitError,
  REST,
  Routes,
  type APIInteraction,
  type APIInteractionResponse,
} from "discord.js";
import type { InteractionTransport } from "./interactions.js";
import { renderNotice, type DiscordMessage } from "./render.js";
import { DEFAULT_DISCORD_NETWORK, INITIAL_RESPONSE_MS, LATE_ANSWER_DEADLINE_MS, restOptions, type DiscordNetworkOptions } from "./rest-options.js";

const UNDELIVERED = "The answer could not be delivered. Please try again in a moment.";

/** Discord's REST client, pointed at `DISCORD_API_URL` (base path without version) when it is set. */
export function createRest(token: string, apiUrl?: string, network: DiscordNetworkOptions = DEFAULT_DISCORD_NETWORK): REST {
  return new REST(restOptions(apiUrl, network)).setToken(token);
}

/**
 * An answer that reached nobody, for the caller's log line: which interaction and why, without
 * discord.js's error itself, whose URL carries the interaction's token.
 */
export class UndeliveredAnswer extends Error {
  override name = "UndeliveredAnswer";

  constructor(
    readonly interactionId: string,
    readonly step: "initial response" | "edit",
    reason: unknown,
    /** For an edit: whether the short notice took its place. */
    readonly noticeShown?: boolean,
  ) {
    super(`the ${step} of interaction ${interactionId} was not delivered: ${why(reason)}`);
  }
}

/**
 * Answers an interaction over REST: the callback endpoint for the initial response, the
 * interaction webhook for edits. Both are authorised by the interaction token, not the bot token.
 * The initial response is abandoned when Discord's 3 seconds are over (the token is dead then);
 * an edit that fails is replaced by a short notice if Discord takes that. Either failure is thrown
 * as an `UndeliveredAnswer`.
 */
export function restTransport(rest: REST, interaction: APIInteraction): InteractionTransport {
  const receivedAt = Date.now();
  const edit = (body: DiscordMessage) =>
    rest.patch(Routes.webhookMessage(interaction.application_id, interaction.token, "@original"), {
      body,
      auth: false,
      signal: AbortSignal.timeout(LATE_ANSWER_DEADLINE_MS),
    });
  return {
    respond: async (response: APIInteractionResponse) => {
      try {
        await rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
          body: response,
          auth: false,
          signal: AbortSignal.timeout(Math.max(0, receivedAt + INITIAL_RESPONSE_MS - Date.now())),
        });
      } catch (error) {
        throw new UndeliveredAnswer(interaction.id, "initial response", error);
      }
    },
    editOriginal: async (message: DiscordMessage) => {
      try {
        await edit(message);
      } catch (error) {
        // The deferral fixed the visibility; an edit cannot carry flags.
        const { flags: _fixed, ...notice } = renderNotice(UNDELIVERED);
        const noticeShown = await edit(notice).then(
          () => true,
          () => false,
        );
        throw new UndeliveredAnswer(interaction.id, "edit", error, noticeShown);
      }
    },
  };
}

function why(error: unknown): string {
  if (error instanceof RateLimitError) return `rate limited for ${Math.ceil(Math.max(error.retryAfter, error.timeToReset) / 1000)} s`;
  if (error instanceof DiscordAPIError) return `Discord refused it (${error.status}, code ${error.code}: ${error.message})`;
  if (error instanceof HTTPError) return `Discord answered ${error.status}`;
  const name = (error as { name?: string }).name;
  if (name === "AbortError" || name === "TimeoutError") return "Discord did not answer in time";
  return error instanceof Error ? error.message : String(error);
}
