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
import { K, readQueries, scoreOf } from "./search-scoring.js";

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
 * With --verbose, every query the two score differently and every answer line. Exits 1 when
 * MiniSearch beats ours on a file.
 */
const { values } = parseArgs({
  options: { corpus: { type: "string" }, sections: { type: "string" }, queries: { type: "string", multiple: true }, verbose: { type: "boolean" } },
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

let beaten = false;
for (const file of values.queries) {
  const kinds = new Map<string, { ours: number; plain: number; count: number }>();
  const total = { ours: 0, plain: 0, count: 0 };
  const answers = { right: 0, wrong: 0, absent: 0 };
  for (const query of readQueries(file)) {
    const found = ours.search(query.query, {}, { offset: 0, limit: K });
    const ourScore = scoreOf(query, found.hits.map((h) => h.section));
    if (isQuestion(query.query)) {
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
    if (values.verbose && ourScore !== plainScore) console.log(`${query.id}\tours ${ourScore.toFixed(2)}\tminisearch ${plainScore.toFixed(2)}\t${query.query}`);
  }
  const mean = (sums: { ours: number; plain: number; count: number }) => `ours ${(sums.ours / sums.count).toFixed(3)}  minisearch ${(sums.plain / sums.count).toFixed(3)}`;
  console.log(`${file.split("/").pop()} over ${sections.length} sections: ${mean(total)} (${total.count} queries)`);
  for (const [kind, sums] of [...kinds].sort()) console.log(`  kind ${kind}: ${mean(sums)} over ${sums.count}`);
  console.log(`  answer lines over ${answers.right + answers.wrong + answers.absent} questions: ${answers.right} right, ${answers.wrong} wrong, ${answers.absent} absent`);
  if (total.plain >= total.ours) beaten = true;
}
process.exit(beaten ? 1 : 0);
