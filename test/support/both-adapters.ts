import { generateKeyPairSync, sign } from "node:crypto";
import { createSlackAdapter } from "../../adapters/slack/app.js";
import { startDiscord } from "../../adapters/discord/start.js";
import type { Bot } from "../../src/commands/bot.js";
import type { HttpHost } from "../../src/http/server.js";
import type { Logger } from "../../src/log/logger.js";
import { DiscordStandIn } from "../discord/stand-in.js";
import { tempDailyStore } from "../slack/harness.js";
import { SlackStandIn } from "../slack/standin.js";

export interface BothAdapterTokens {
  slackBotToken: string;
  slackSigningSecret: string;
  discordToken: string;
}

/** Slack and Discord (HTTP interactions) mounted on one host against their stand-ins, as `npm start` mounts them. */
export interface BothAdapters {
  slackStandIn: SlackStandIn;
  discordStandIn: DiscordStandIn;
  /** Signs a Discord interaction body with the key whose public half the adapter checks. */
  discordSignature(timestamp: string, body: string): string;
  stop(): Promise<void>;
}

export async function mountBothAdapters(bot: Bot, logger: Logger, host: HttpHost, tokens: BothAdapterTokens): Promise<BothAdapters> {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const slackStandIn = new SlackStandIn();
  await slackStandIn.start();
  const discordStandIn = await new DiscordStandIn().start();
  const daily = tempDailyStore();
  const slack = createSlackAdapter(
    bot,
    { botToken: tokens.slackBotToken, signingSecret: tokens.slackSigningSecret, apiUrl: slackStandIn.apiUrl },
    { logger, http: host, store: daily.store },
  );
  await slack.start();
  const publicKeyHex = publicKey.export({ format: "der", type: "spki" }).subarray(12).toString("hex");
  await startDiscord({ config: { token: tokens.discordToken, publicKey: publicKeyHex, apiUrl: discordStandIn.apiUrl }, bot, logger, host });
  return {
    slackStandIn,
    discordStandIn,
    discordSignature: (timestamp, body) => sign(null, Buffer.from(timestamp + body), privateKey).toString("hex"),
    async stop() {
      await slack.stop();
      await host.close();
      await slackStandIn.stop();
      await discordStandIn.stop();
      await daily.close();
    },
  };
}
