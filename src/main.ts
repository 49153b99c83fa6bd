#!/usr/bin/env node
import { config as loadDotenv } from "dotenv";
import { createSlackAdapter } from "../adapters/slack/app.js";
import { startDiscord } from "../adapters/discord/start.js";
import { createAppBot } from "./app/app-bot.js";
import { explainStartFailure } from "./app/start-failure.js";
import { runConsole } from "./cli/console.js";
import { ConfigError, loadConfig } from "./config/config.js";
import { CorpusError } from "./corpus/corpus.js";
import { systemClock } from "./daily/clock.js";
import { DailyScheduler } from "./daily/scheduler.js";
import type { Poster } from "./daily/poster.js";
import { HttpHost } from "./http/server.js";
import { createLogger } from "./log/logger.js";
import { openSqliteDailyStore } from "./store/sqlite-daily-store.js";
import { openSqliteFeedbackStore } from "./store/sqlite-feedback-store.js";

/**
 * `npm start`: with Slack or Discord tokens configured, the adapters, the shared HTTP server and
 * the daily scheduler; with none, the interactive console over the same core.
 */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const store = openSqliteDailyStore(config.dataDir);
  const feedback = openSqliteFeedbackStore(config.dataDir);
  const bot = await createAppBot({ corpusDir: config.corpusDir, logger, store, feedback });

  if (!config.slack && !config.discord) {
    await runConsole(bot);
    await store.close();
    await feedback.close();
    return;
  }

  const host = new HttpHost(logger);
  const posters: Record<string, Poster> = {};
  const stops: (() => Promise<void>)[] = [];
  if (config.slack) {
    const slack = createSlackAdapter(bot, config.slack, { logger, http: host });
    await explainStartFailure("Slack", "SLACK_BOT_TOKEN (and SLACK_APP_TOKEN or SLACK_API_URL if set)", () => slack.start());
    posters.slack = slack.poster;
    stops.push(() => slack.stop());
    logger.info({ mode: slack.mode }, "slack adapter started");
  }
  if (config.discord) {
    const discordConfig = config.discord;
    const discord = await explainStartFailure("Discord", "DISCORD_TOKEN (and DISCORD_API_URL if set)", () =>
      startDiscord({ config: discordConfig, bot, logger, host }),
    );
    posters.discord = discord.poster;
    stops.push(() => discord.stop());
    logger.info({ mode: discord.mode }, "discord adapter started");
  }
  await host.listen(config.port);
  const scheduler = new DailyScheduler({ store, takeaways: () => bot.data.takeaways, posters, clock: systemClock, logger }).start();

  const shutdown = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    await scheduler.stop();
    for (const stop of stops) await stop();
    await host.close();
    await store.close();
    await feedback.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof CorpusError) {
    console.error(`kubecon-bot: ${error.message}`);
    process.exit(78);
  }
  console.error(error);
  process.exit(1);
});
