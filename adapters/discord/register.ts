import { pathToFileURL } from "node:url";
import { Routes, type APIApplication, type REST } from "discord.js";
import { config as loadDotenv } from "dotenv";
import type { CommandSpec } from "../../src/commands/spec.js";
import { createAppBot } from "../../src/app/app-bot.js";
import { ConfigError, loadConfig } from "../../src/config/config.js";
import { createLogger } from "../../src/log/logger.js";
import { openSqliteDailyStore } from "../../src/store/sqlite-daily-store.js";
import { openSqliteFeedbackStore } from "../../src/store/sqlite-feedback-store.js";
import { commandDefinitions } from "./commands.js";
import { createRest } from "./rest.js";

export interface RegisterOptions {
  rest: REST;
  commands: readonly CommandSpec[];
  /** Defaults to the application of the bot token. */
  applicationId?: string;
  /** Registers in this server only (instant); globally otherwise. */
  guildId?: string;
}

export interface Registration {
  applicationId: string;
  scope: "guild" | "global";
  commands: number;
}

/**
 * Registers `/kubecon` with a bulk overwrite (PUT): running it again replaces the same definition,
 * so it is idempotent, and a command removed from the registry disappears.
 */
export async function registerCommands({ rest, commands, applicationId, guildId }: RegisterOptions): Promise<Registration> {
  const appId = applicationId ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
  const route = guildId ? Routes.applicationGuildCommands(appId, guildId) : Routes.applicationCommands(appId);
  const registered = (await rest.put(route, { body: commandDefinitions(commands) })) as unknown[];
  return { applicationId: appId, scope: guildId ? "guild" : "global", commands: registered.length };
}

/** `npm run discord:register`: reads .env, builds the command registry and registers it. */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (!config.discord) throw new ConfigError("DISCORD_TOKEN is not set: set it to the bot token from the Discord application's Bot page");
  // The same commands as the running bot, daily subscriptions included.
  const store = openSqliteDailyStore(config.dataDir);
  const feedback = openSqliteFeedbackStore(config.dataDir);
  const bot = await createAppBot({ corpusDir: config.corpusDir, logger, store, feedback });
  await store.close();
  await feedback.close();
  const registration = await registerCommands({
    rest: createRest(config.discord.token, config.discord.apiUrl),
    commands: bot.commands,
    applicationId: config.discord.applicationId,
    guildId: config.discord.guildId,
  });
  logger.info({ platform: "discord", ...registration, guildId: config.discord.guildId }, "discord commands registered");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exitCode = 1;
  });
}
