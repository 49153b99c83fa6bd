import { generateKeyPairSync, sign } from "node:crypto";
import { startDiscord, type DiscordAdapter, type StartDiscordOptions } from "../../adapters/discord/start.js";
import type { Bot } from "../../src/commands/bot.js";
import { HttpHost } from "../../src/http/server.js";
import type { Logger } from "../../src/log/logger.js";
import { commandInteraction, type Option } from "../discord/payloads.js";
import type { DiscordStandIn } from "../discord/stand-in.js";

export const BOT_TOKEN = "e2e-".padEnd(60, "t");

/** An interaction response as Discord reads it from our HTTP answer. */
export interface InteractionAnswer {
  status: number;
  body: { type: number; data?: any };
}

export interface DiscordEndpoint {
  adapter: DiscordAdapter;
  /** Posts an interaction signed with the application's Ed25519 key, as Discord does. */
  interact(interaction: unknown): Promise<InteractionAnswer>;
  close(): Promise<void>;
}

/**
 * The Discord adapter in HTTP interactions mode on its own HttpHost on loopback, its REST pointed at
 * the stand-in; answers are deferred only past `deferAfterMs` (a minute unless given).
 */
export async function startDiscordEndpoint(
  bot: Bot,
  standIn: DiscordStandIn,
  logger: Logger,
  options: Pick<StartDiscordOptions, "deferAfterMs" | "network"> = {},
): Promise<DiscordEndpoint> {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  // The raw key is the SPKI DER without its 12-byte prefix, as the Developer Portal shows it.
  const publicKeyHex = publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("hex");
  const host = new HttpHost(logger);
  // Answers come long before the deferral deadline; no test depends on it.
  const adapter = await startDiscord({
    config: { token: BOT_TOKEN, publicKey: publicKeyHex, apiUrl: standIn.apiUrl },
    bot,
    logger,
    host,
    deferAfterMs: options.deferAfterMs ?? 60_000,
    network: options.network,
  });
  const port = await host.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}/discord/interactions`;
  return {
    adapter,
    async interact(interaction) {
      const body = JSON.stringify(interaction);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString("hex");
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-signature-ed25519": signature, "x-signature-timestamp": timestamp },
        body,
      });
      return { status: response.status, body: (await response.json()) as InteractionAnswer["body"] };
    },
    close: () => host.close(),
  };
}

/** `/kubecon <subcommand>` sent from `channelId` by a member with `permissions`. */
export function commandIn(channelId: string, subcommand: string, options: Option[], permissions: string) {
  return { ...commandInteraction(subcommand, options, permissions), channel_id: channelId, channel: { id: channelId, type: 0, name: "kubecon" } };
}
