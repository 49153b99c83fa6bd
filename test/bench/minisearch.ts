import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import MiniSearch from "minisearch";
import { loadCorpus } from "../../src/corpus/corpus.js";
import type { Section } from "../../src/corpus/section.js";
import { loadTopics } from "../../src/corpus/topics.js";
import { defaultCorpusDir, projectRoot, synonymsFile, topicsFile } from "../../src/paths.js";
import { SearchEngine } from "../../src/search/engine.js";
import { loadSynonyms } from "../../src/search/synonyms-file.js";

const K = 5;

interface Query {
  query: string;
  kind: string;
  expect: { text: string[]; title: string[] }[];
}

/** Query files in the eval tool's format (TSV: id, query, kind, expect as JSON). */
function readQueries(file: string): Query[] {
  return readFileSync(file, "utf8").split("\n").slice(1).filter((l) => l.trim()).map((line) => {
    const [, query, kind, expect] = line.split("\t");
    return { query: query!, kind: kind!, expect: JSON.parse(expect!) as Query["expect"] };
  });
}

/** The eval tool's score of one answer: recall@K for "set" queries, reciprocal rank otherwise. */
function scoreOf(query: Query, results: readonly Section[]): number {
  const low = (s: string) => s.toLowerCase();
  const matches = (s: Section, e: Query["expect"][number]) =>
    e.text.some((t) => low(`${s.title}\n${s.text}`).includes(low(t))) && e.title.some((t) => low(s.title).includes(low(t)));
  if (query.kind === "set") return query.expect.filter((e) => results.some((s) => matches(s, e))).length / query.expect.length;
  const rank = results.findIndex((s) => query.expect.some((e) => matches(s, e)));
  return rank < 0 ? 0 : 1 / (rank + 1);
}

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
