import { createBot, type LoadedBot } from "../commands/create-bot.js";
import { systemClock, type Clock } from "../daily/clock.js";
import { dailyCommands } from "../daily/commands.js";
import { feedbackCommands } from "../feedback/commands.js";
import type { Logger } from "../log/logger.js";
import type { DailyStore } from "../store/daily-store.js";
import type { FeedbackStore } from "../store/feedback-store.js";
import { loadBotData } from "./load-bot.js";

export interface AppBotOptions {
  corpusDir?: string;
  /** Where the index snapshot is kept. */
  cacheDir?: string;
  logger: Logger;
  store: DailyStore;
  /** Where 👍/👎 votes on search answers are kept. */
  feedback: FeedbackStore;
  clock?: Clock;
  /** The chat platforms' labels ("Slack", "Discord"): where daily posts can go, for the refusals. */
  platforms?: readonly string[];
}

/** The bot every front end talks to: the core commands plus the daily subscriptions and the votes. */
export async function createAppBot({ corpusDir, cacheDir, logger, store, feedback, clock = systemClock, platforms }: AppBotOptions): Promise<LoadedBot> {
  const data = await loadBotData({ corpusDir, cacheDir, logger });
  // A vote runs its answer's command again to learn what it showed: through the bot being built.
  const bot: LoadedBot = createBot(data, {
    logger,
    platforms,
    commands: [
      ...dailyCommands({ store, takeaways: () => data.takeaways(), clock, topics: data.topics }),
      ...feedbackCommands({ store: feedback, answer: (command, ctx) => bot.run(command, ctx), clock }),
    ],
  });
  return bot;
}
