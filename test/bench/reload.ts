import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { loadBot } from "../../src/app/load-bot.js";
import { createLogger } from "../../src/log/logger.js";
import { defaultCorpusDir, synonymsFile, topicsFile } from "../../src/paths.js";
import { loadSearchDataInWorker } from "../../src/search/load-in-worker.js";
import { buildSearchData, type SearchSources } from "../../src/search/snapshot.js";
import { recapTextsOf } from "../support/recap-texts.js";
import { syntheticSections } from "./synthetic.js";

/**
 * What a reload of the corpus costs the thread that serves: the shipped recaps plus synthetic
 * stored ones (10,000 and 100,000 sections written as recap files), built on this thread as a
 * SIGHUP once did, then in the worker as the service does. The figure that matters is the longest
 * the event loop was blocked (a /healthz answered that much later): the whole build on this
 * thread; the decoding of the finished index alone with the worker.
 */
export async function benchReload(): Promise<Record<string, number>> {
  const logger = createLogger("silent");
  const bot = await loadBot({ logger });
  const figures: Record<string, number> = {};
  for (const [label, size] of [["10k", 10_000], ["100k", 100_000]] as const) {
    const stored = recapTextsOf(syntheticSections(bot.data.corpus.sections, bot.data.topics, size));
    const sources: SearchSources = { corpusDir: defaultCorpusDir(), topicsFile: topicsFile(), synonymsFile: synonymsFile(), stored };
    for (const [way, load] of [
      ["inline", () => buildSearchData(sources)],
      ["worker", () => loadSearchDataInWorker(sources, { logger })],
    ] as const) {
      const lag = monitorEventLoopDelay({ resolution: 10 });
      lag.enable();
      const start = performance.now();
      const data = await load();
      figures[`reload_${way}_ms_${label}`] = Math.round(performance.now() - start);
      lag.disable();
      figures[`reload_${way}_loop_blocked_ms_${label}`] = Math.round(lag.max / 1e6);
      figures[`reload_sections_${label}`] = data.corpus.sections.length;
    }
  }
  return figures;
}
