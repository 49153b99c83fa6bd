import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Bot } from "../../src/commands/bot.js";
import { createBot, type LoadedBot } from "../../src/commands/create-bot.js";
import { dailyCommands } from "../../src/daily/commands.js";
import { systemClock } from "../../src/daily/clock.js";
import { createLogger, type Logger } from "../../src/log/logger.js";
import { openSqliteDailyStore } from "../../src/store/sqlite-daily-store.js";

export interface CorpusBot {
  bot: LoadedBot;
  logger: Logger;
  close(): Promise<void>;
}

/** The real bot over the shipped recaps, with the daily commands on a SQLite file in a temp dir. */
export async function corpusBot(): Promise<CorpusBot> {
  const dataDir = mkdtempSync(join(tmpdir(), "kubecon-discord-"));
  const store = openSqliteDailyStore(dataDir);
  const logger = createLogger("silent");
  const bot = await createBot({
    corpusDir: "data/recaps",
    logger,
    commands: (data) => dailyCommands({ store, takeaways: () => data.takeaways, clock: systemClock, topics: data.topics }),
  });
  return {
    bot,
    logger,
    close: async () => {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The same bot, with every command held until `release()`: to see an answer deferred, without timing. */
export function heldBot(bot: Bot): { bot: Bot; release(): void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    bot: { commands: bot.commands, complete: (kind, partial) => bot.complete(kind, partial), run: async (...args) => gate.then(() => bot.run(...args)) },
    release,
  };
}
