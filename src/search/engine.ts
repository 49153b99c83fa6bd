import MiniSearch, { type Query, type SearchResult } from "minisearch";
import type { RichText } from "../cards/card.js";
import { formatSpeaker, type Section } from "../corpus/section.js";
import { QUERY_LANGUAGES, analyze, termsOfWord, tokenize } from "./analyzer.js";
import { fold } from "./fold.js";
import { editDistance } from "./levenshtein.js";
import { snippet } from "./snippet.js";
import { expandSynonyms, type SynonymGroups } from "./synonyms.js";

export interface SearchFilters {
  eventId?: string;
  year?: number;
  language?: string;
  speaker?: string;
}

export interface SearchHit {
  section: Section;
  score: number;
  snippet: RichText;
}

export interface SearchAnswer {
  /** How many sections matched in all (before paging). */
  total: number;
  hits: SearchHit[];
  /** The query as the index would have understood it best, when words were not found as typed. */
  suggestion?: string;
  /** The query has no word that can be searched (only stop words or punctuation). */
  empty: boolean;
}

/** Field weights: a word in a title or a speaker's name says more than one in the notes. */
const BOOST = { title: 3, speakers: 2, tags: 1.5, text: 1 } as const;
/** Prefix matching on the last word only, and from this many characters. */
const MIN_PREFIX = 3;
/** How many top matches are checked for query words standing side by side, and what that adds. */
const PHRASE_RERANK = 100;
const PHRASE_BONUS = 0.5;
/** Score weight of a synonym's match against the typed word's. */
const SYNONYM_WEIGHT = 0.6;
/** A word in more than this share of sections is common; on a corpus this large it is searched in titles, speakers and tags only. */
const COMMON_SHARE = 0.25;
const LARGE_CORPUS = 2_000;

interface Plan {
  query: Query;
  /** How many concepts the query has (a word, or a phrase with its synonyms). */
  concepts: number;
  /** Query term → its concept's index. */
  conceptOf: Map<string, number>;
  /** For each pair of neighbouring concepts, the analyzed texts " a b " that show them side by side. */
  pairs: string[][];
  suggestion?: string;
}

interface Doc {
  i: number;
  title: string;
  speakers: string;
  tags: string;
  text: string;
}

/** Edit distance allowed for a typed word: none for short words, where any edit makes another word. */
function fuzziness(word: string): number {
  if (word.length >= 6) return 2;
  if (word.length >= 4) return 1;
  return 0;
}

/**
 * The search index over sections. Queries run in passes, stopping at the first that finds
 * anything: all words exactly, then all words allowing typos, then any word allowing typos.
 */
export class SearchEngine {
  private readonly index: MiniSearch<Doc>;
  /** Index term → the first word of the corpus that gives it, for "did you mean". */
  private readonly vocabulary = new Map<string, string>();
  /** Index term → how many sections contain it. */
  private readonly documentFrequency = new Map<string, number>();
  /** Each section's analyzed title and text, padded with spaces, to find words side by side. */
  private readonly analyzed: string[] = [];

  constructor(
    readonly sections: readonly Section[],
    private readonly synonyms: SynonymGroups,
  ) {
    this.index = new MiniSearch<Doc>({
      idField: "i",
      fields: ["title", "speakers", "tags", "text"],
      // Documents arrive analyzed (each in its own language): split on spaces, nothing more.
      tokenize: (text) => text.split(" "),
      processTerm: (term) => term || null,
      searchOptions: { tokenize: (text) => text.split(" "), processTerm: (term) => term || null },
    });
    this.index.addAll(sections.map((section, i) => this.document(section, i)));
  }

  private document(section: Section, i: number): Doc {
    const lang = section.language;
    for (const token of tokenize(`${section.title}\n${section.text}`.replace(/['’]/g, " "))) {
      const word = fold(token.word);
      for (const term of termsOfWord(token.word, lang)) if (!this.vocabulary.has(term)) this.vocabulary.set(term, word);
    }
    const doc = {
      i,
      title: analyze(section.title, lang),
      speakers: analyze(section.speakers.map(formatSpeaker).join(" "), lang),
      tags: analyze(section.tags.join(" "), lang),
      text: analyze(section.text, lang),
    };
    for (const term of new Set(`${doc.title} ${doc.speakers} ${doc.tags} ${doc.text}`.split(" "))) {
      if (term) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
    this.analyzed[i] = ` ${doc.title} ${doc.text} `;
    return doc;
  }

  search(query: string, filters: SearchFilters = {}, page: { offset: number; limit: number } = { offset: 0, limit: 5 }): SearchAnswer {
    // Lowercased but not folded: the French stemmer needs the accents.
    const words = tokenize(query.replace(/['’]/g, " ")).map((t) => t.word.toLowerCase());
    const plan = this.plan(words);
    if (!plan) return { total: 0, hits: [], empty: true };

    const filter = this.filterOf(filters);
    const results = this.index.search(plan.query, { boost: BOOST, ...(filter ? { filter } : {}) });
    const ranked = this.rank(results, plan);
    const hits = ranked.slice(page.offset, page.offset + page.limit).map(({ result, score }) => {
      const section = this.sections[result.id as number]!;
      return { section, score, snippet: snippet(section, new Set(result.terms)) };
    });
    return { total: ranked.length, hits, suggestion: plan.suggestion, empty: false };
  }

  /**
   * Orders matches by BM25 score times the share of query concepts they cover (squared, so a
   * section with every word beats one with most), with a bonus where query words stand side by side.
   */
  private rank(results: SearchResult[], plan: Plan): { result: SearchResult; score: number }[] {
    const scored = results.map((result) => {
      const covered = new Set<number>();
      for (const term of result.queryTerms) {
        const concept = plan.conceptOf.get(term);
        if (concept !== undefined) covered.add(concept);
      }
      const coverage = plan.concepts > 0 ? Math.max(covered.size, 1) / plan.concepts : 1;
      return { result, score: result.score * coverage * coverage };
    });
    scored.sort((a, b) => b.score - a.score);
    if (plan.pairs.length === 0) return scored;
    for (const entry of scored.slice(0, PHRASE_RERANK)) {
      const analyzed = this.analyzed[entry.result.id as number]!;
      const adjacent = plan.pairs.filter((patterns) => patterns.some((p) => analyzed.includes(p))).length;
      entry.score *= 1 + PHRASE_BONUS * adjacent;
    }
    return scored.sort((a, b) => b.score - a.score);
  }

  private filterOf(filters: SearchFilters): ((r: SearchResult) => boolean) | undefined {
    const speaker = filters.speaker ? fold(filters.speaker) : undefined;
    const checks: ((s: Section) => boolean)[] = [];
    if (filters.eventId) checks.push((s) => s.eventId === filters.eventId);
    if (filters.year) checks.push((s) => s.year === filters.year);
    if (filters.language) checks.push((s) => s.language === filters.language);
    if (speaker) checks.push((s) => s.speakers.some((p) => fold(formatSpeaker(p)).includes(speaker)));
    if (checks.length === 0) return undefined;
    return (r) => {
      const section = this.sections[r.id as number]!;
      return checks.every((check) => check(section));
    };
  }

  /**
   * The MiniSearch query: any concept may match (ranking rewards covering them all). Words the
   * corpus does not know are matched with typos allowed, the last one also as a prefix; words
   * every other section has are looked for in titles, speakers and tags only on a large corpus.
   */
  private plan(words: readonly string[]): Plan | undefined {
    const concepts = expandSynonyms(words, this.synonyms);
    const queries: Query[] = [];
    const conceptOf = new Map<string, number>();
    const corrections = new Map<string, string>();
    const pairs: string[][] = [];
    let previousTerms: string[] = [];
    concepts.forEach((concept, c) => {
      const isLast = c === concepts.length - 1;
      const alternatives: Query[] = [];
      let common = true;
      concept.alternatives.forEach((phrase, a) => {
        const typed = a === 0;
        const leaves: Query[] = [];
        let complete = true;
        phrase.forEach((word, w) => {
          const variants = this.variants(word);
          if (variants.terms.length === 0) return;
          const known = variants.terms.some((t) => this.documentFrequency.has(t));
          // A synonym the corpus lacks adds nothing; only what the user typed gets typo tolerance.
          if (!known && !typed) {
            complete = false;
            return;
          }
          if (!known) {
            const fix = this.closestWord(word);
            if (fix) corrections.set(word, fix);
          }
          if (!variants.terms.some((t) => (this.documentFrequency.get(t) ?? 0) > this.sections.length * COMMON_SHARE)) common = false;
          for (const t of variants.terms) conceptOf.set(t, queries.length);
          const last = isLast && w === phrase.length - 1;
          leaves.push({
            queries: variants.queries,
            combineWith: "OR",
            fuzzy: known ? 0 : fuzziness(word),
            prefix: !known && last && word.length >= MIN_PREFIX,
          });
        });
        if (complete && leaves.length) {
          // A synonym finds more, but a section with the very words typed ranks first.
          const weight = typed ? {} : { boostTerm: () => SYNONYM_WEIGHT };
          alternatives.push({ queries: leaves, combineWith: "AND", ...weight });
        }
      });
      if (alternatives.length === 0) return;
      const terms = concept.alternatives[0]!.flatMap((word) => this.variants(word).terms);
      if (previousTerms.length && terms.length) pairs.push(previousTerms.flatMap((b) => terms.map((a) => ` ${b} ${a} `)));
      previousTerms = terms;
      const restrict = common && this.sections.length >= LARGE_CORPUS ? { fields: ["title", "speakers", "tags"] } : {};
      queries.push({ queries: alternatives, combineWith: "OR", ...restrict });
    });
    if (queries.length === 0) return undefined;
    const suggestion = corrections.size ? words.map((w) => corrections.get(w) ?? fold(w)).join(" ") : undefined;
    return { query: { queries, combineWith: "OR" }, concepts: queries.length, conceptOf, pairs, suggestion };
  }

  /** One typed word's index terms in each language; a hyphenated word also as its parts. */
  private variants(word: string): { terms: string[]; queries: Query[] } {
    const queries = new Map<string, Query>();
    const terms = new Set<string>();
    for (const language of QUERY_LANGUAGES) {
      const found = termsOfWord(word, language);
      if (found.length === 0) continue;
      const joined = found.at(-1)!;
      queries.set(joined, joined);
      terms.add(joined);
      if (found.length > 1) {
        const parts = found.slice(0, -1);
        queries.set(parts.join(" "), { queries: parts, combineWith: "AND" });
      }
    }
    return { terms: [...terms], queries: [...queries.values()] };
  }

  /** Whether some section contains the word (in any of its forms). */
  knows(word: string): boolean {
    return QUERY_LANGUAGES.some((lang) => termsOfWord(word, lang).some((t) => this.vocabulary.has(t)));
  }

  /** The corpus word closest to a word it does not contain, for "did you mean". */
  private closestWord(word: string): string | undefined {
    const max = Math.max(1, fuzziness(word));
    let best: { word: string; distance: number } | undefined;
    for (const known of this.vocabulary.values()) {
      if (Math.abs(known.length - word.length) > max) continue;
      const distance = editDistance(fold(word), known, max);
      if (distance <= max && (!best || distance < best.distance)) best = { word: known, distance };
    }
    return best?.word;
  }
}

