import { createBot, type LoadedBot } from "../commands/create-bot.js";
import { systemClock, type Clock } from "../daily/clock.js";
import { dailyCommands } from "../daily/commands.js";
import { feedbackCommands } from "../feedback/commands.js";
import type { Logger } from "../log/logger.js";
import type { DailyStore } from "../store/daily-store.js";
import type { FeedbackStore } from "../store/feedback-store.js";

export interface AppBotOptions {
  corpusDir?: string;
  /** Where the index snapshot is kept. */
  cacheDir?: string;
  logger: Logger;
  store: DailyStore;
  /** Where 👍/👎 votes on search answers are kept. */
  feedback: FeedbackStore;
  clock?: Clock;
}

/** The bot every front end talks to: the core commands plus the daily subscriptions and the votes. */
export async function createAppBot({ corpusDir, cacheDir, logger, store, feedback, clock = systemClock }: AppBotOptions): Promise<LoadedBot> {
  // A vote runs its answer's command again to learn what it showed: through the bot being built.
  const bot: LoadedBot = await createBot({
    corpusDir,
    cacheDir,
    logger,
    commands: (data) => [
      dailyCommands({ store, takeaways: () => data.takeaways, clock, topics: data.topics }),
      feedbackCommands({ store: feedback, answer: (command, ctx) => bot.run(command, ctx), clock }),
    ].flat(),
  });
  return bot;
}
