import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import MiniSearch from "minisearch";
import { loadCorpus } from "../../src/corpus/corpus.js";
import type { Section } from "../../src/corpus/section.js";
import { loadTopics } from "../../src/corpus/topics.js";
import { defaultCorpusDir, synonymsFile, topicsFile } from "../../src/paths.js";
import { isQuestion } from "../../src/search/answer.js";
import { SearchEngine } from "../../src/search/engine.js";
import { loadSynonyms } from "../../src/search/synonyms-file.js";
import { K, readQueries, scoreOf, type Query } from "./search-scoring.js";

/**
 * Our engine against plain MiniSearch (title, speakers and text indexed; `fuzzy: 0.2, prefix: true`)
 * over the same sections, scored as the eval tool scores them, per query file and kind. Plain
 * MiniSearch is the floor: ours must beat it on every set. The sections are a corpus folder's, or
 * those of a file of JSON lines as `kubecon sections --json` prints them (to score ranking alone
 * over sections cut another way).
 *
 *   node dist/test/bench/compare-search.js [--corpus DIR | --sections FILE] --queries FILE [--queries FILE ...] [--verbose]
 *
 * Also counts, over the questions among the queries, our answer lines that hold an expected text
 * (right), that do not (wrong), and the questions left without one (absent).
 * With --typos, each query (but typo and language ones) is also asked with one typo in its longest
 * word (two letters swapped, one dropped, one doubled, one replaced by its keyboard neighbour), scored
 * as kinds "made-…". With --verbose, every query we miss or the two score differently, and every answer line.
 * Exits 1 when MiniSearch beats ours on a file.
 */
const { values } = parseArgs({
  options: { corpus: { type: "string" }, sections: { type: "string" }, queries: { type: "string", multiple: true }, verbose: { type: "boolean" }, typos: { type: "boolean" } },
});
if (!values.queries?.length) {
  console.error("usage: node dist/test/bench/compare-search.js [--corpus DIR | --sections FILE] --queries FILE [--queries FILE ...] [--verbose]");
  process.exit(2);
}
/** A section from its JSON line (`sectionJson`): the fields search reads; each speaker as one name. */
function sectionOf(json: Record<string, unknown>): Section {
  const text = String(json.text ?? "");
  return {
    ...(json as unknown as Section),
    speakers: ((json.speakers as string[] | undefined) ?? []).map((name) => ({ name })),
    tags: (json.tags as string[] | undefined) ?? [],
    bullets: text.split("\n").map((line) => ({ text: line, depth: 0 })),
    text,
  };
}
const sections: readonly Section[] = values.sections
  ? readFileSync(values.sections, "utf8").split("\n").filter((l) => l.trim()).map((l) => sectionOf(JSON.parse(l) as Record<string, unknown>))
  : loadCorpus(values.corpus ?? defaultCorpusDir(), loadTopics(topicsFile())).sections;
const ours = new SearchEngine(sections, loadSynonyms(synonymsFile()));
const plain = new MiniSearch<{ id: number; title: string; speakers: string; text: string }>({
  fields: ["title", "speakers", "text"],
  searchOptions: { fuzzy: 0.2, prefix: true },
});
plain.addAll(sections.map((s, id) => ({ id, title: s.title, speakers: s.speakers.map((p) => p.name).join(", "), text: s.text })));

/** The key to the right of each letter on a QWERTY keyboard (the last of a row: the one to its left). */
const NEIGHBOUR = Object.fromEntries(
  ["qwertyuiop", "asdfghjkl", "zxcvbnm"].flatMap((row) => [...row].map((key, i) => [key, row[i + 1] ?? row[i - 1]!])),
) as Record<string, string>;

/** The query with one typo of each sort in its longest word of six letters or more; none for typo and language queries. */
function madeTypos(query: Query): Query[] {
  if (query.kind === "typo" || query.kind === "lang") return [];
  const word = query.query.split(" ").filter((w) => /^[a-z]{6,}$/.test(w)).sort((a, b) => b.length - a.length)[0];
  if (!word) return [];
  const i = word.length >> 1;
  const typos = {
    swap: word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2),
    drop: word.slice(0, i) + word.slice(i + 1),
    double: word.slice(0, i) + word[i] + word.slice(i),
    key: word.slice(0, i) + NEIGHBOUR[word[i]!]! + word.slice(i + 1),
  };
  return Object.entries(typos).map(([sort, typo]) => ({ ...query, id: `${query.id}-${sort}`, kind: `made-${sort}`, query: query.query.replace(word, typo) }));
}

let beaten = false;
for (const file of values.queries) {
  const kinds = new Map<string, { ours: number; plain: number; count: number }>();
  const total = { ours: 0, plain: 0, count: 0 };
  const answers = { right: 0, wrong: 0, absent: 0 };
  const queries = readQueries(file);
  for (const query of values.typos ? [...queries, ...queries.flatMap(madeTypos)] : queries) {
    const found = ours.search(query.query, {}, { offset: 0, limit: K });
    const ourScore = scoreOf(query, found.hits.map((h) => h.section));
    if (isQuestion(query.query) && !query.kind.startsWith("made-")) {
      const text = found.answer?.text.toLowerCase();
      const right = text !== undefined && query.expect.some((e) => e.text.some((t) => text.includes(t.toLowerCase())));
      answers[text === undefined ? "absent" : right ? "right" : "wrong"]++;
      if (values.verbose) console.log(`${query.id}\tanswer ${text === undefined ? "absent" : right ? "right" : "wrong"}\t${query.query}\t${found.answer?.text.slice(0, 120) ?? ""}`);
    }
    const plainScore = scoreOf(query, plain.search(query.query).slice(0, K).map((r) => sections[r.id as number]!));
    for (const sums of [kinds.get(query.kind) ?? { ours: 0, plain: 0, count: 0 }, total]) {
      sums.ours += ourScore;
      sums.plain += plainScore;
      sums.count++;
      if (sums !== total) kinds.set(query.kind, sums);
    }
    if (values.verbose && (ourScore < 1 || ourScore !== plainScore)) console.log(`${query.id}\tours ${ourScore.toFixed(2)}\tminisearch ${plainScore.toFixed(2)}\t${query.query}`);
  }
  const mean = (sums: { ours: number; plain: number; count: number }) => `ours ${(sums.ours / sums.count).toFixed(3)}  minisearch ${(sums.plain / sums.count).toFixed(3)}`;
  console.log(`${file.split("/").pop()} over ${sections.length} sections: ${mean(total)} (${total.count} queries)`);
  for (const [kind, sums] of [...kinds].sort()) console.log(`  kind ${kind}: ${mean(sums)} over ${sums.count}`);
  console.log(`  answer lines over ${answers.right + answers.wrong + answers.absent} questions: ${answers.right} right, ${answers.wrong} wrong, ${answers.absent} absent`);
  if (total.plain >= total.ours) beaten = true;
}
process.exit(beaten ? 1 : 0);
