#!/usr/bin/env node
import { join } from "node:path";
import { config as loadDotenv } from "dotenv";
import { adapters } from "../adapters/index.js";
import { createAppBot } from "./app/app-bot.js";
import { requireSections } from "./app/empty-corpus.js";
import { readSettings } from "./app/settings.js";
import { runService } from "./app/service.js";
import { StoredRecaps } from "./app/stored-recaps.js";
import { StartError } from "./app/start-failure.js";
import { runConsole } from "./cli/console.js";
import { ConfigError } from "./config/config.js";
import { CorpusError } from "./corpus/corpus.js";
import type { RecapText } from "./corpus/stored-recaps.js";
import type { ProgrammeSession } from "./programme/session.js";
import { createLogger } from "./log/logger.js";
import { configuredRefresh, refreshContext } from "./sources/refresher.js";
import { openDailyStore, openFeedbackStore, openRecapStore } from "./store/open-store.js";
import { StoreError } from "./store/store-error.js";

/**
 * `npm start`: every adapter of `adapters/index.ts` whose variables are set, run as a service
 * (`runService`: one HTTP server, probes, metrics, the daily scheduler, signals); with none, the
 * interactive console over the same bot. The only file of `src/` that knows the adapter list.
 */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const { config, wanted, secrets } = readSettings(process.env, adapters);
  const logger = createLogger(config.logLevel, undefined, secrets, config.logFormat);
  const store = openDailyStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  const feedback = openFeedbackStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  const recapStore = openRecapStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  const platforms = adapters.map((adapter) => adapter.label);
  // One fetcher for the sources (its robots.txt rules and per-host pacing), shared by the command and the schedule.
  const sources = refreshContext({ store: recapStore, logger, ...configuredRefresh(config) });
  const load = (stored: readonly RecapText[], programme: readonly ProgrammeSession[], inWorker: boolean) =>
    createAppBot({ corpusDir: config.corpusDir, cacheDir: join(config.dataDir, "cache"), stored, programme, inWorker, logger, store, feedback, platforms, sources: () => sources });

  if (wanted.length === 0) {
    const stored = new StoredRecaps(recapStore, logger);
    await stored.ready();
    await runConsole(requireSections(await load(await stored.read(), stored.programme, false), config));
    await store.close();
    await feedback.close();
    await recapStore.close();
    return;
  }
  await runService({ config, wanted, logger, store, load: (stored, programme) => load(stored, programme, true), feedback, recapStore, sources });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof StartError || error instanceof CorpusError || error instanceof StoreError) {
    for (const line of error.message.split("\n")) console.error(`kubecon-bot: ${line}`);
    process.exit(78);
  }
  console.error(error);
  process.exit(1);
});
