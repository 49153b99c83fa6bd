import { Routes } from "discord.js";
import type { Adapter } from "../../src/adapter/adapter.js";
import type { Bot } from "../../src/commands/bot.js";
import type { Poster } from "../../src/daily/poster.js";
import type { HttpHost } from "../../src/http/server.js";
import type { Logger } from "../../src/log/logger.js";
import type { RequestLog } from "../../src/store/daily-store.js";
import { discordConfig, type DiscordConfig } from "./config.js";
import { startGateway } from "./gateway.js";
import { INTERACTIONS_PATH, INTERACTIONS_ROUTE, interactionsEndpoint } from "./http.js";
import { createInteractionHandler } from "./interactions.js";
import { discordPoster } from "./poster.js";
import { createRest } from "./rest.js";
import { DEFAULT_DISCORD_NETWORK, type DiscordNetworkOptions } from "./rest-options.js";
import { ed25519Check } from "./signature.js";

export interface StartDiscordOptions {
  config: DiscordConfig;
  bot: Bot;
  logger: Logger;
  /** The process's HTTP server; HTTP interactions mode mounts `POST /discord/interactions` on it. */
  host: HttpHost;
  deferAfterMs?: number;
  /** Timeouts and retries of calls to Discord (defaults in rest-options.ts). */
  network?: Partial<DiscordNetworkOptions>;
  /** HTTP mode: where interaction ids are kept, so a replayed interaction acts once (the adapter module passes the store). */
  requests?: RequestLog;
}

export interface DiscordAdapter {
  mode: "gateway" | "http";
  /** How it runs, for the start line: "over HTTP interactions". */
  summary: string;
  /** Posts the daily takeaways into subscribed channels. */
  poster: Poster;
  /** Connected to the gateway, or the endpoint mounted. */
  ready(): boolean;
  stop(): Promise<void>;
}

/**
 * Starts the Discord adapter. With `DISCORD_PUBLIC_KEY` set, Discord posts interactions to our
 * endpoint (HTTP mode; Discord then sends none over the gateway, so no gateway connection is made,
 * and the token is checked once with `GET /applications/@me`); otherwise the bot connects to the
 * gateway with `DISCORD_TOKEN`. Rejects when Discord refuses the token or cannot be reached.
 */
export async function startDiscord({ config, bot, logger, host, deferAfterMs, network: overrides, requests }: StartDiscordOptions): Promise<DiscordAdapter> {
  const network = { ...DEFAULT_DISCORD_NETWORK, ...overrides };
  const handle = createInteractionHandler({ bot, logger, deferAfterMs });
  if (config.publicKey) {
    const rest = createRest(config.token, config.apiUrl, network);
    // Discord posts the interactions to us, but daily posts go out with the bot token: a wrong one
    // (or a Discord out of reach) fails here, at start, as it does in gateway mode.
    await rest.get(Routes.currentApplication());
    host.mount(
      INTERACTIONS_PATH,
      interactionsEndpoint({ checkSignature: ed25519Check(config.publicKey), handle, rest, logger, requests }),
      INTERACTIONS_ROUTE,
    );
    logger.debug({ platform: "discord", mode: "http", path: INTERACTIONS_PATH }, "discord interactions endpoint mounted");
    return { mode: "http", summary: "over HTTP interactions", poster: discordPoster(rest), ready: () => true, stop: async () => {} };
  }
  const gateway = await startGateway({ token: config.token, apiUrl: config.apiUrl, handle, logger, network });
  return { mode: "gateway", summary: "over the gateway", poster: discordPoster(gateway.client.rest), ready: () => gateway.client.isReady(), stop: gateway.stop };
}

/** Discord as an adapter module: HTTP interactions with a public key, the gateway otherwise. */
export const discordAdapter: Adapter<DiscordConfig> = {
  name: "discord",
  label: "Discord",
  fromEnv: discordConfig,
  startHints: { credentials: "DISCORD_TOKEN", address: "the network, and DISCORD_API_URL if set" },
  secrets: ["DISCORD_TOKEN"],
  start: ({ config, bot, logger, http, store }) => startDiscord({ config, bot, logger, host: http, requests: store }),
};
