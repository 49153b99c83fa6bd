import { performance } from "node:perf_hooks";
import { loadBot } from "../../src/app/load-bot.js";
import { createLogger } from "../../src/log/logger.js";
import { defaultCorpusDir, synonymsFile, topicsFile } from "../../src/paths.js";
import { SearchEngine } from "../../src/search/engine.js";
import { loadSearchDataInWorker } from "../../src/search/load-in-worker.js";
import { buildSearchData, searchDataOf, snapshotParts, type SearchSources } from "../../src/search/snapshot.js";
import { loadSynonyms } from "../../src/search/synonyms-file.js";
import { recapTextsOf } from "../support/recap-texts.js";
import { syntheticSections } from "./synthetic.js";

/** Sections of the stored recaps reloaded from their text (read, segmented, indexed): a few thousand keep the benchmark short. */
const FROM_TEXT = 5_000;
/** Sections of the index handed over by the worker in the swap's measure. */
const SWAPPED = 100_000;

/** How long `work` took, and the longest this thread's event loop was blocked meanwhile (a /healthz answered that much later). */
async function blocking<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; blockedMs: number }> {
  let last = performance.now();
  let longest = 0;
  const ticks = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  // The first tick after the work notes a block at its end.
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(ticks);
  return { value, ms: Math.round(ms), blockedMs: Math.round(longest) };
}

/**
 * What a reload of the corpus costs the thread that serves. The shipped recaps plus synthetic
 * stored ones written as recap files, reloaded on this thread as a SIGHUP once did, then in the
 * worker as the service does: on this thread the whole build blocks the event loop; with the
 * worker only the decoding of the finished index runs here, in turns. That decoding, for an index
 * of 100,000 sections, is the swap's figure: its total time and its longest turn.
 */
export async function benchReload(): Promise<Record<string, number>> {
  const logger = createLogger("silent");
  const bot = await loadBot({ logger });
  const figures: Record<string, number> = {};
  const stored = recapTextsOf(syntheticSections(bot.data.corpus.sections, bot.data.topics, FROM_TEXT));
  const sources: SearchSources = { corpusDir: defaultCorpusDir(), topicsFile: topicsFile(), synonymsFile: synonymsFile(), stored };
  for (const [way, load] of [
    ["inline", () => buildSearchData(sources)],
    ["worker", () => loadSearchDataInWorker(sources, { logger })],
  ] as const) {
    const { value, ms, blockedMs } = await blocking(load);
    figures[`reload_${way}_ms_5k`] = ms;
    figures[`reload_${way}_loop_blocked_ms_5k`] = blockedMs;
    figures.reload_sections_5k = value.corpus.sections.length;
  }

  const sections = syntheticSections(bot.data.corpus.sections, bot.data.topics, SWAPPED);
  const synonyms = loadSynonyms(synonymsFile());
  const start = performance.now();
  const engine = new SearchEngine(sections, synonyms);
  figures.reload_index_build_ms_100k = Math.round(performance.now() - start);
  const parts = snapshotParts("", { corpus: { recaps: [], sections, problems: [] }, topics: [...bot.data.topics], synonyms, engine });
  const swap = await blocking(() => searchDataOf(parts));
  figures.reload_swap_ms_100k = swap.ms;
  figures.reload_swap_loop_blocked_ms_100k = swap.blockedMs;
  return figures;
}
