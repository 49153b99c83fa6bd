import { createBot, type LoadedBot } from "../commands/create-bot.js";
import { systemClock, type Clock } from "../daily/clock.js";
import { dailyCommands } from "../daily/commands.js";
import { eventDayPost } from "../daily/event-day.js";
import { feedbackCommands } from "../feedback/commands.js";
import type { RecapText } from "../corpus/stored-recaps.js";
import type { ProgrammeSession } from "../programme/session.js";
import type { Logger } from "../log/logger.js";
import { sourcesCommands, type SourcesCommandsOptions } from "../sources/commands.js";
import type { DailyStore } from "../store/daily-store.js";
import type { FeedbackStore } from "../store/feedback-store.js";
import { loadBotData } from "./load-bot.js";

export interface AppBotOptions {
  corpusDir?: string;
  /** Where the index snapshot is kept. */
  cacheDir?: string;
  /** The recap store's recaps, served after the folder's. */
  stored?: readonly RecapText[];
  /** The recap store's programme sessions, served after the recaps. */
  programme?: readonly ProgrammeSession[];
  /** Index in a worker thread (see LoadOptions). */
  inWorker?: boolean;
  logger: Logger;
  /** Where daily subscriptions are kept: a store, or how to open one when a command first needs it (registering the commands opens none). */
  store: StoreOption<DailyStore>;
  /** Where 👍/👎 votes on search answers are kept, the same way. */
  feedback: StoreOption<FeedbackStore>;
  clock?: Clock;
  /** The chat platforms' labels ("Slack", "Discord"): where daily posts can go, for the refusals. */
  platforms?: readonly string[];
  /** What the `sources` command reads and follows with; without it there is no such command. */
  sources?: SourcesCommandsOptions["refresh"];
}

type StoreOption<T extends object> = T | (() => T);
const opener = <T extends object>(option: StoreOption<T>): (() => T) => (typeof option === "function" ? option : () => option);

/** The bot every front end talks to: the core commands plus the daily subscriptions, the votes and the sources. */
export async function createAppBot({ corpusDir, cacheDir, stored, programme, inWorker, logger, store, feedback, clock = systemClock, platforms, sources }: AppBotOptions): Promise<LoadedBot> {
  const data = await loadBotData({ corpusDir, cacheDir, logger, stored, programme, inWorker });
  // A vote runs its answer's command again to learn what it showed: through the bot being built.
  const bot: LoadedBot = createBot(data, {
    logger,
    platforms,
    now: () => clock.now(),
    deals: opener(store),
    commands: [
      ...dailyCommands({ store: opener(store), takeaways: () => data.takeaways(), clock, topics: data.topics, eventDay: (topic, date) => eventDayPost(data, topic, date) }),
      ...feedbackCommands({ store: opener(feedback), answer: (command, ctx) => bot.run(command, ctx), clock }),
      ...(sources ? sourcesCommands({ refresh: sources }) : []),
    ],
  });
  return bot;
}
