import { REST, Routes, type APIInteraction, type APIInteractionResponse } from "discord.js";
import type { InteractionTransport } from "./interactions.js";
import type { DiscordMessage } from "./render.js";

/** Discord's REST client, pointed at `DISCORD_API_URL` (base path without version) when it is set. */
export function createRest(token: string, apiUrl?: string): REST {
  return new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
}

/**
 * Answers an interaction over REST: the callback endpoint for the initial response, the
 * interaction webhook for edits. Both are authorised by the interaction token, not the bot token.
 */
export function restTransport(rest: REST, interaction: APIInteraction): InteractionTransport {
  return {
    respond: async (response: APIInteractionResponse) => {
      await rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body: response, auth: false });
    },
    editOriginal: async (message: DiscordMessage) => {
      await rest.patch(Routes.webhookMessage(interaction.application_id, interaction.token, "@original"), {
        body: message,
        auth: false,
      });
    },
  };
}
