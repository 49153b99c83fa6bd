import { createBot, type BotOptions, type LoadedBot } from "../commands/create-bot.js";
import type { BotData } from "../commands/data.js";
import type { RecapText } from "../corpus/stored-recaps.js";
import type { ProgrammeSession } from "../programme/session.js";
import type { Logger } from "../log/logger.js";
import { defaultCorpusDir, synonymsFile, topicsFile } from "../paths.js";
import { loadSearchData, prebuiltDir } from "../search/snapshot.js";
import type { Takeaway } from "../takeaways/takeaways.js";

export interface LoadOptions {
  /** The recap folder (default `data/recaps`). */
  corpusDir?: string;
  /** Where the index snapshot is kept (see src/search/snapshot.ts); without it the index is built every time. */
  cacheDir?: string;
  logger: Logger;
  /** The recap store's recaps, served after the folder's. */
  stored?: readonly RecapText[];
  /** The recap store's programme sessions, served after the recaps. */
  programme?: readonly ProgrammeSession[];
  /** Read and index in a worker thread, leaving this thread's event loop free (a service reloading while it serves). */
  inWorker?: boolean;
}

/** Reads the topics, the recaps and the synonyms, and indexes the sections (or reads the snapshot): everything the commands answer from. */
export async function loadBotData({ corpusDir, cacheDir, logger, stored, programme, inWorker }: LoadOptions): Promise<BotData> {
  const sources = { corpusDir: corpusDir ?? defaultCorpusDir(), topicsFile: topicsFile(), synonymsFile: synonymsFile(), ...(stored?.length && { stored }), ...(programme?.length && { programme }) };
  const load = inWorker ? (await import("../search/load-in-worker.js")).loadSearchDataInWorker : loadSearchData;
  const { corpus, engine, topics } = await load(sources, { cacheDir, prebuiltDir: prebuiltDir(), logger });
  for (const problem of corpus.problems) logger.warn({ problem }, "recap skipped");
  logger.debug({ recaps: corpus.recaps.length, sections: corpus.sections.length }, "corpus indexed");
  // Takeaways are worked out on first use: a one-off `kubecon search` never needs them (nor their module).
  let takeaways: Promise<Takeaway[]> | undefined;
  return {
    corpus,
    engine,
    topics,
    takeaways: () => (takeaways ??= import("../takeaways/takeaways.js").then(({ postableTakeaways }) => postableTakeaways(corpus.sections, topics))),
  };
}

/** The data loaded and a bot over it, with the core commands only unless `commands` adds some. */
export async function loadBot(
  options: LoadOptions & Omit<BotOptions, "commands"> & { commands?: (data: BotData) => BotOptions["commands"] },
): Promise<LoadedBot> {
  const data = await loadBotData(options);
  return createBot(data, { ...options, commands: options.commands?.(data) });
}
