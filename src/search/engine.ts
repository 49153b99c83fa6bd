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
  /** Index term → the commonest word of the corpus that gives it, for "did you mean". */
  private readonly vocabulary = new Map<string, string>();

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
    return {
      i,
      title: analyze(section.title, lang),
      speakers: analyze(section.speakers.map(formatSpeaker).join(" "), lang),
      tags: analyze(section.tags.join(" "), lang),
      text: analyze(section.text, lang),
    };
  }

  search(query: string, filters: SearchFilters = {}, page: { offset: number; limit: number } = { offset: 0, limit: 5 }): SearchAnswer {
    const words = tokenize(query.replace(/['’]/g, " ")).map((t) => fold(t.word));
    const filter = this.filterOf(filters);
    const exact = this.plan(words, { fuzzy: false, combineWith: "AND" });
    if (!exact) return { total: 0, hits: [], empty: true };

    let results = this.run(exact, filter);
    let suggestion: string | undefined;
    if (results.length === 0) {
      suggestion = this.suggest(words);
      results = this.run(this.plan(words, { fuzzy: true, combineWith: "AND" })!, filter);
      if (results.length === 0) results = this.run(this.plan(words, { fuzzy: true, combineWith: "OR" })!, filter);
    }
    const hits = results.slice(page.offset, page.offset + page.limit).map((result) => {
      const section = this.sections[result.id as number]!;
      return { section, score: result.score, snippet: snippet(section, new Set(result.terms)) };
    });
    return { total: results.length, hits, suggestion, empty: false };
  }

  private run(query: Query, filter: ((r: SearchResult) => boolean) | undefined): SearchResult[] {
    return this.index.search(query, { boost: BOOST, ...(filter ? { filter } : {}) });
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

  /** The MiniSearch query for the words, or undefined when no word can be searched. */
  private plan(words: readonly string[], options: { fuzzy: boolean; combineWith: "AND" | "OR" }): Query | undefined {
    const concepts = expandSynonyms(words, this.synonyms);
    const queries: Query[] = [];
    concepts.forEach((concept, c) => {
      const isLast = c === concepts.length - 1;
      const alternatives: Query[] = [];
      for (const phrase of concept.alternatives) {
        const leaves = phrase
          .map((word, w) => this.leaf(word, { fuzzy: options.fuzzy, prefix: isLast && w === phrase.length - 1 }))
          .filter((q): q is Query => q !== undefined);
        if (leaves.length) alternatives.push(leaves.length === 1 ? leaves[0]! : { queries: leaves, combineWith: "AND" });
      }
      if (alternatives.length) queries.push(alternatives.length === 1 ? alternatives[0]! : { queries: alternatives, combineWith: "OR" });
    });
    if (queries.length === 0) return undefined;
    return { queries, combineWith: options.combineWith };
  }

  /** One typed word: its stems in each language, and its parts when it is hyphenated. */
  private leaf(word: string, options: { fuzzy: boolean; prefix: boolean }): Query | undefined {
    const variants = new Map<string, Query>();
    for (const language of QUERY_LANGUAGES) {
      const terms = termsOfWord(word, language);
      if (terms.length === 0) continue;
      if (terms.length === 1) {
        variants.set(terms[0]!, terms[0]!);
      } else {
        const joined = terms.at(-1)!;
        const parts = terms.slice(0, -1);
        variants.set(joined, joined);
        variants.set(parts.join(" "), { queries: parts, combineWith: "AND" });
      }
    }
    if (variants.size === 0) return undefined;
    const fuzzy = options.fuzzy ? fuzziness(word) : 0;
    const prefix = options.prefix && word.length >= MIN_PREFIX;
    return { queries: [...variants.values()], combineWith: "OR", fuzzy, prefix };
  }

  /** Whether some section contains the word (in any of its forms). */
  knows(word: string): boolean {
    return QUERY_LANGUAGES.some((lang) => termsOfWord(word, lang).some((t) => this.vocabulary.has(t)));
  }

  /** The query with each word the index does not know replaced by the closest word it does. */
  private suggest(words: readonly string[]): string | undefined {
    let changed = false;
    const corrected = words.map((word) => {
      const terms = QUERY_LANGUAGES.flatMap((lang) => termsOfWord(word, lang));
      if (terms.length === 0 || terms.some((t) => this.vocabulary.has(t))) return word;
      const max = Math.max(1, fuzziness(word));
      let best: { word: string; distance: number } | undefined;
      for (const known of this.vocabulary.values()) {
        if (Math.abs(known.length - word.length) > max) continue;
        const distance = editDistance(word, known, max);
        if (distance <= max && (!best || distance < best.distance)) best = { word: known, distance };
      }
      if (!best) return word;
      changed = true;
      return best.word;
    });
    return changed ? corrected.join(" ") : undefined;
  }
}
