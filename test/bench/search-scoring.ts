import { readFileSync } from "node:fs";
import type { Section } from "../../src/corpus/section.js";

/** How many results a query is scored on, as the eval tool (../shared/tools/eval-search.mjs) scores them. */
export const K = 5;

export interface Query {
  id: string;
  query: string;
  kind: string;
  expect: { text: string[]; title: string[] }[];
}

/** Query files in the eval tool's format (TSV: id, query, kind, expect as JSON). */
export function readQueries(file: string): Query[] {
  return readFileSync(file, "utf8").split("\n").slice(1).filter((l) => l.trim()).map((line) => {
    const [id, query, kind, expect] = line.split("\t");
    return { id: id!, query: query!, kind: kind!, expect: JSON.parse(expect!) as Query["expect"] };
  });
}

/** The eval tool's score of one answer: recall@K for "set" queries, reciprocal rank otherwise. */
export function scoreOf(query: Query, results: readonly Pick<Section, "title" | "text">[]): number {
  const low = (s: string) => s.toLowerCase();
  const matches = (s: Pick<Section, "title" | "text">, e: Query["expect"][number]) =>
    e.text.some((t) => low(`${s.title}\n${s.text}`).includes(low(t))) && e.title.some((t) => low(s.title).includes(low(t)));
  const top = results.slice(0, K);
  if (query.kind === "set") return query.expect.filter((e) => top.some((s) => matches(s, e))).length / query.expect.length;
  const rank = top.findIndex((s) => query.expect.some((e) => matches(s, e)));
  return rank < 0 ? 0 : 1 / (rank + 1);
}
