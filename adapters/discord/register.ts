import { pathToFileURL } from "node:url";
import { Routes, type APIApplication, type REST } from "discord.js";
import { config as loadDotenv } from "dotenv";
import type { CommandSpec } from "../../src/commands/spec.js";
import { createAppBot } from "../../src/app/app-bot.js";
import { readSettings } from "../../src/app/settings.js";
import { StartError, startExplained } from "../../src/app/start-failure.js";
import { plural } from "../../src/text/plural.js";
import { CorpusError } from "../../src/corpus/corpus.js";
import { ConfigError } from "../../src/config/config.js";
import { unset } from "../../src/config/env.js";
import { createLogger } from "../../src/log/logger.js";
import type { DailyStore } from "../../src/store/daily-store.js";
import type { FeedbackStore } from "../../src/store/feedback-store.js";
import { openSqliteDailyStore } from "../../src/store/sqlite-daily-store.js";
import { openSqliteFeedbackStore } from "../../src/store/sqlite-feedback-store.js";
import { commandDefinitions } from "./commands.js";
import { DISCORD_TOKEN_HINT, type DiscordConfig } from "./config.js";
import { createRest } from "./rest.js";
import { discordAdapter } from "./start.js";

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

/** `npm run discord:register`: reads .env, builds the command registry, registers it and says so in one line. */
async function main(): Promise<string> {
  loadDotenv({ quiet: true });
  const { config, wanted, secrets } = readSettings(process.env, [discordAdapter]);
  const discord = wanted[0]?.config as DiscordConfig | undefined;
  if (!discord) throw new ConfigError([unset("DISCORD_TOKEN", DISCORD_TOKEN_HINT)]);
  // Warnings only: the one line below is the answer.
  const logger = createLogger(config.logLevel === "info" ? "warn" : config.logLevel, undefined, secrets);
  // The same commands as the running bot, daily subscriptions included; their stores are opened
  // only by a command that runs, and none does here, so registering writes nothing into DATA_DIR.
  let store: DailyStore | undefined;
  let feedback: FeedbackStore | undefined;
  const bot = await createAppBot({
    corpusDir: config.corpusDir,
    logger,
    store: () => (store ??= openSqliteDailyStore(config.dataDir)),
    feedback: () => (feedback ??= openSqliteFeedbackStore(config.dataDir)),
  });
  await store?.close();
  await feedback?.close();
  const registration = await startExplained(discordAdapter, () =>
    registerCommands({
      rest: createRest(discord.token, discord.apiUrl),
      commands: bot.commands,
      applicationId: discord.applicationId,
      guildId: discord.guildId,
    }),
  );
  const where = discord.guildId ? `in server ${discord.guildId} (there now)` : "globally (Discord may take up to an hour to show it everywhere)";
  return `Registered ${plural(registration.commands, "command")} (/kubecon with ${plural(bot.commands.length, "subcommand")}) for application ${registration.applicationId}, ${where}.`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (line) => console.log(line),
    (error: unknown) => {
      const known = error instanceof ConfigError || error instanceof StartError || error instanceof CorpusError;
      for (const line of (known ? (error as Error).message : `unexpected error: ${String(error)}`).split("\n")) console.error(`discord:register: ${line}`);
      process.exitCode = 1;
    },
  );
}
