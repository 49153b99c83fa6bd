import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Bot } from "../../src/commands/bot.js";
import { createAppBot } from "../../src/app/app-bot.js";
import type { LoadedBot } from "../../src/commands/create-bot.js";
import { createLogger, type Logger } from "../../src/log/logger.js";
import type { DailyStore } from "../../src/store/daily-store.js";
import type { FeedbackStore } from "../../src/store/feedback-store.js";
import { openSqliteDailyStore } from "../../src/store/sqlite-daily-store.js";
import { openSqliteFeedbackStore } from "../../src/store/sqlite-feedback-store.js";

export interface CorpusBot {
  bot: LoadedBot;
  logger: Logger;
  store: DailyStore;
  feedback: FeedbackStore;
  close(): Promise<void>;
}

/** The real bot over the shipped recaps, with the daily commands and the votes on SQLite files in a temp dir. */
export async function corpusBot(): Promise<CorpusBot> {
  const dataDir = mkdtempSync(join(tmpdir(), "kubecon-discord-"));
  const store = openSqliteDailyStore(dataDir);
  const feedback = openSqliteFeedbackStore(dataDir);
  const logger = createLogger("silent");
  const bot = await createAppBot({ corpusDir: "data/recaps", logger, store, feedback });
  return {
    bot,
    logger,
    store,
    feedback,
    close: async () => {
      await store.close();
      await feedback.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The same bot, with every command held until `release()`: to see an answer deferred, without timing. */
export function heldBot(bot: Bot): { bot: Bot; release(): void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    bot: {
      commands: bot.commands,
      complete: (kind, partial) => bot.complete(kind, partial),
      visibilityOf: (text) => bot.visibilityOf(text),
      run: async (...args) => gate.then(() => bot.run(...args)),
    },
    release,
  };
}
