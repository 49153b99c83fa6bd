import { existsSync } from "node:fs";
import { join } from "node:path";
import MiniSearch from "minisearch";
import { loadCorpus } from "../../src/corpus/corpus.js";
import { loadTopics } from "../../src/corpus/topics.js";
import { defaultCorpusDir, projectRoot, synonymsFile, topicsFile } from "../../src/paths.js";
import { SearchEngine } from "../../src/search/engine.js";
import { loadSynonyms } from "../../src/search/synonyms-file.js";
import { K, readQueries, scoreOf } from "./search-scoring.js";

/**
 * Our engine against MiniSearch with its default options (title and text indexed, `search(query)`
 * as is), on the shipped corpus, with the public queries (../shared/eval, when present) and the ones
 * in search-queries.tsv: the mean score per query kind of each, as the eval tool scores them.
 */
export async function benchMinisearch(): Promise<Record<string, number>> {
  const sections = loadCorpus(defaultCorpusDir(), loadTopics(topicsFile())).sections;
  const ours = new SearchEngine(sections, loadSynonyms(synonymsFile()));
  const baseline = new MiniSearch<{ id: number; title: string; text: string }>({ fields: ["title", "text"] });
  baseline.addAll(sections.map((s, id) => ({ id, title: s.title, text: s.text })));

  const publicFile = join(projectRoot(), "..", "shared", "eval", "public-queries.tsv");
  const queries = [...(existsSync(publicFile) ? readQueries(publicFile) : []), ...readQueries(join(projectRoot(), "test", "bench", "search-queries.tsv"))];
  const byKind = new Map<string, { ours: number; minisearch: number; count: number }>();
  for (const query of queries) {
    const kind = byKind.get(query.kind) ?? { ours: 0, minisearch: 0, count: 0 };
    kind.ours += scoreOf(query, ours.search(query.query, {}, { offset: 0, limit: K }).hits.map((h) => h.section));
    kind.minisearch += scoreOf(query, baseline.search(query.query).slice(0, K).map((r) => sections[r.id as number]!));
    kind.count++;
    byKind.set(query.kind, kind);
  }
  const figures: Record<string, number> = { compare_queries: queries.length };
  for (const [name, kind] of [...byKind].sort()) {
    figures[`compare_${name}_ours`] = Number((kind.ours / kind.count).toFixed(3));
    figures[`compare_${name}_minisearch_defaults`] = Number((kind.minisearch / kind.count).toFixed(3));
  }
  return figures;
}
