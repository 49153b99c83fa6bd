/**
 * The search engine's knobs, in one place and with their defaults, documented the way MiniSearch
 * documents its own `Options` and `SearchOptions` (several of them are MiniSearch's, used as
 * MiniSearch uses them). `new SearchEngine(sections, synonyms, { ...overrides })`.
 */
export interface SearchOptions {
  /**
   * Weight of a match in each field (MiniSearch's `boost`): a word in a title or a speaker's name says
   * more than one in the notes. Default `{ title: 3, speakers: 2, tags: 1.5, text: 1 }`.
   */
  fieldBoosts: Readonly<Record<"title" | "speakers" | "tags" | "text", number>>;
  /**
   * BM25+ parameters (MiniSearch's `bm25`): `k` term-frequency saturation, `b` length normalization,
   * `d` the lower bound a match adds. Default MiniSearch's `{ k: 1.2, b: 0.7, d: 0.5 }`.
   */
  bm25: Readonly<{ k: number; b: number; d: number }>;
  /** Score weight of a synonym's match against the typed word's. Default 0.6. */
  synonymWeight: number;
  /**
   * Edit distance allowed for a typed word of each length (MiniSearch's `fuzzy` as a function): none
   * for short words, where any edit makes another word. Default 1 from 4 letters, 2 from 6.
   */
  fuzziness: (word: string) => number;
  /** Prefix matching applies to the last query word only, and from this many characters. Default 3. */
  minPrefixLength: number;
  /** Weight of a term reached as a prefix, as MiniSearch weighs it. Default 0.375. */
  prefixWeight: number;
  /**
   * A word the corpus knows in this many sections or fewer is rare: a word it may be a slip for
   * (within `fuzziness`) that is in at least `rareWordRatio` times as many sections is searched too
   * (the corpus misspells words as users do: "kuberentes"). Default 2.
   */
  rareWordSections: number;
  /** How much more common the correct spelling of a rare word must be. Default 4. */
  rareWordRatio: number;
  /**
   * Score added, as a factor, to sections written in the language the query reads as (French words,
   * Japanese script): a French query prefers the French write-up of a talk. Default 0.5.
   */
  queryLanguageBonus: number;
  /**
   * Factor on the score of a recap's own notes (introduction, conclusion, travel: `kind: "notes"`), so
   * that they rank below the talks that match as well. Default 0.5.
   */
  notesWeight: number;
  /**
   * Factor on the score of an official programme's session (`kind: "programme"`): its abstract is
   * written to sell the talk and names its topic often, so that, unweighted, the programme of one event
   * buries every recap's notes; weighted, a recap's talk that matches as well comes first and the
   * programme's sessions follow. Default 0.35.
   */
  programmeWeight: number;
  /** Score added, as a factor, per pair of query words found side by side. Default 0.5. */
  phraseBonus: number;
  /**
   * Score added, as a factor, times the share of the query that one line of a section holds (two
   * concepts or more): a section whose one sentence holds several of a question's concepts ranks
   * above one that mentions them lines apart. Default 0.5.
   */
  lineBonus: number;
  /** How many of the best matches are checked for query words side by side. Default 100. */
  phraseRerank: number;
}

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = {
  fieldBoosts: { title: 3, speakers: 2, tags: 1.5, text: 1 },
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  synonymWeight: 0.6,
  fuzziness: (word) => (word.length >= 6 ? 2 : word.length >= 4 ? 1 : 0),
  minPrefixLength: 3,
  prefixWeight: 0.375,
  rareWordSections: 2,
  rareWordRatio: 4,
  queryLanguageBonus: 0.5,
  notesWeight: 0.5,
  programmeWeight: 0.35,
  phraseBonus: 0.5,
  lineBonus: 0.5,
  phraseRerank: 100,
};
