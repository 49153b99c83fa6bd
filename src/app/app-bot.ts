import { createBot, type LoadedBot } from "../commands/create-bot.js";
import { systemClock, type Clock } from "../daily/clock.js";
import { dailyCommands } from "../daily/commands.js";
import type { Logger } from "../log/logger.js";
import type { DailyStore } from "../store/daily-store.js";

export interface AppBotOptions {
  corpusDir?: string;
  logger: Logger;
  store: DailyStore;
  clock?: Clock;
}

/** The bot every front end talks to: the core commands plus the daily subscriptions. */
export function createAppBot({ corpusDir, logger, store, clock = systemClock }: AppBotOptions): Promise<LoadedBot> {
  return createBot({
    corpusDir,
    logger,
    commands: (data) => [dailyCommands({ store, takeaways: () => data.takeaways, clock, topics: data.topics })].flat(),
  });
}
