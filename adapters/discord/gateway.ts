import { once } from "node:events";
import { Client, Events, GatewayDispatchEvents, GatewayIntentBits, type APIInteraction } from "discord.js";
import type { Logger } from "../../src/log/logger.js";
import type { InteractionHandler } from "./interactions.js";
import { NO_MENTIONS } from "./render.js";
import { restTransport } from "./rest.js";
import { DEFAULT_DISCORD_NETWORK, restOptions, type DiscordNetworkOptions } from "./rest-options.js";

export interface GatewayOptions {
  token: string;
  /** REST base path without version (`DISCORD_API_URL`); the gateway URL is fetched from it. */
  apiUrl?: string;
  handle: InteractionHandler;
  logger: Logger;
  network?: DiscordNetworkOptions;
}

export interface DiscordGateway {
  client: Client;
  stop(): Promise<void>;
}

/**
 * Gateway mode: a discord.js client with the Guilds intent only (no privileged intents). Interactions
 * are taken as Discord's raw payloads, so the gateway and HTTP modes share one handler; every
 * payload sends empty `allowed_mentions`, and the client default forbids mentions as well.
 */
export async function startGateway({ token, apiUrl, handle, logger, network = DEFAULT_DISCORD_NETWORK }: GatewayOptions): Promise<DiscordGateway> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { ...NO_MENTIONS },
    rest: restOptions(apiUrl, network),
  });
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (interaction: APIInteraction) => {
    handle(interaction, restTransport(client.rest, interaction)).catch((error: unknown) =>
      logger.error({ err: error, interactionId: interaction.id, platform: "discord" }, "discord interaction answer failed"),
    );
  });
  client.on(Events.Error, (error) => logger.error({ err: error, platform: "discord" }, "discord client error"));
  const ready = once(client, Events.ClientReady);
  await client.login(token);
  await ready;
  logger.debug({ platform: "discord", user: client.user?.tag, mode: "gateway" }, "discord connected");
  return {
    client,
    stop: () => client.destroy(),
  };
}
