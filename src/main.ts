#!/usr/bin/env node
import { join } from "node:path";
import { config as loadDotenv } from "dotenv";
import { adapters } from "../adapters/index.js";
import { createAppBot } from "./app/app-bot.js";
import { readSettings } from "./app/settings.js";
import { startAdapters } from "./app/start-adapters.js";
import { StartError } from "./app/start-failure.js";
import { runConsole } from "./cli/console.js";
import { ConfigError } from "./config/config.js";
import { CorpusError } from "./corpus/corpus.js";
import { systemClock } from "./daily/clock.js";
import { DailyScheduler } from "./daily/scheduler.js";
import { HttpHost } from "./http/server.js";
import { createLogger } from "./log/logger.js";
import { openDailyStore } from "./store/open-store.js";
import { StoreError } from "./store/store-error.js";
import { openSqliteFeedbackStore } from "./store/sqlite-feedback-store.js";

/**
 * `npm start`: every adapter of `adapters/index.ts` whose variables are set, on one HTTP server,
 * and the daily scheduler; with none, the interactive console over the same bot. The only file of
 * `src/` that knows the adapter list.
 */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const { config, wanted } = readSettings(process.env, adapters);
  const logger = createLogger(config.logLevel);
  const store = openDailyStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  const feedback = openSqliteFeedbackStore(config.dataDir);
  const bot = await createAppBot({ corpusDir: config.corpusDir, cacheDir: join(config.dataDir, "cache"), logger, store, feedback });

  if (wanted.length === 0) {
    await runConsole(bot);
    await store.close();
    await feedback.close();
    return;
  }

  const http = new HttpHost(logger);
  const started = await startAdapters(wanted, { bot, logger, http, store });
  await http.listen(config.port);
  const scheduler = new DailyScheduler({ store, takeaways: () => bot.data.takeaways, posters: started.posters, clock: systemClock, logger }).start();

  const shutdown = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    await scheduler.stop();
    await started.stop();
    await http.close();
    await store.close();
    await feedback.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartError || error instanceof CorpusError || error instanceof StoreError) {
    for (const line of error.message.split("\n")) console.error(`kubecon-bot: ${line}`);
    process.exit(78);
  }
  console.error(error);
  process.exit(1);
});
