import type { RichText } from "../text/rich-text.js";
import type { Section } from "../corpus/section.js";
import { isStopWord, QUERY_LANGUAGES, queryLanguages, termsOfWord, tokenize } from "./analyzer.js";
import { fold } from "../text/fold.js";
import { popcount } from "./bits.js";
import { buildIndex, type FieldName, type Vocabulary } from "./build-index.js";
import { Postings, type Expansion, type PostingsState } from "./postings.js";
import { DEFAULT_SEARCH_OPTIONS, type SearchOptions } from "./options.js";
import { SectionFacets } from "./section-facets.js";
import { TermSequences } from "./term-sequences.js";
import { Typos, type Correction } from "./typos.js";
import { findAnswer, isQuestion, mayAnswer, SECTIONS_READ, type Answer, type AnswerConcept } from "./answer.js";
import { highlight, snippet } from "./snippet.js";
import { expandSynonyms, type Concept, type SynonymGroups } from "./synonyms.js";

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
  /** For a question, on the first page: the sentence of the best results that answers it, when one does. */
  answer?: Answer & { snippet: RichText };
}

/** The fields of a section, in the order the index keeps them. */
const FIELD_NAMES: readonly FieldName[] = ["title", "speakers", "tags", "text"];
/** Concepts beyond this many are dropped (coverage is kept as a bit mask). */
const MAX_CONCEPTS = 30;
/** A rare word of the corpus is read as its correction, for synonyms, when the correction is this likely (its weight: see Correction). */
const LIKELY_CORRECTION = 0.8;

/** What an index snapshot keeps of an engine, to be rebuilt without analyzing the sections again. */
export interface EngineState {
  postings: PostingsState;
  vocabulary: Vocabulary;
  /** Each section's title and text as term ids, and where its text's lines begin (see TermSequences). */
  sequences: { start: Int32Array; ids: Int32Array; lineFrom: Int32Array; lines: Int32Array };
}

/** One word of a query: the index terms it matches, each with its weight. */
type Leaf = Expansion[];

/** A way of writing a concept: every one of its words must match. */
interface Alternative {
  leaves: Leaf[];
  weight: number;
}

interface Plan {
  /** Each concept (a word, or a phrase with its synonyms) and the ways it may be written. */
  concepts: Alternative[][];
  /** Each concept's weight in the share of the query a section covers: how rare it is (see conceptWeight). */
  weights: number[];
  /** Every index term the query can match, for highlighting. */
  matchedTerms: Set<string>;
  /** For each pair of neighbouring concepts, the pairs of term ids that show them side by side. */
  pairs: [number, number][][];
  /**
   * For each concept written in several words ("pod security policy", "multi-cluster" as two), those
   * ways of writing it, each as the term ids of each word: the words only name it side by side.
   */
  phrases: (readonly (readonly ReadonlySet<number>[])[] | undefined)[];
  /** The languages the query reads as written in: their sections rank higher. */
  languages: readonly string[];
  suggestion?: string;
}

/**
 * The search index over sections. Every concept of a query may match; a section's score is the
 * sum of its BM25+ scores (field-boosted), times the share of concepts it covers, squared, with a
 * bonus where query words stand side by side.
 */

/** Every term of every concept of a plan, with its concept's number (the bit it sets). */
function forEachConceptTerm(plan: Plan, visit: (termId: number, concept: number) => void): void {
  plan.concepts.forEach((alternatives, c) => {
    for (const { leaves } of alternatives) for (const leaf of leaves) for (const { termId } of leaf) visit(termId, c);
  });
}
export class SearchEngine {
  private readonly postings: Postings;
  /** Index term → the first word of the corpus that gives it, for "did you mean". */
  private readonly vocabulary: Vocabulary;
  /** Term id → whether the term is in a title or a text (it has a word in `vocabulary`). */
  private readonly named: Uint8Array;
  /** The corpus's words as written, for typos and "did you mean"; made on the first word the corpus does not know. */
  private typos?: Typos;
  /** Each section's title and text as term ids, to find words side by side. */
  private readonly sequences: TermSequences;
  private readonly facets: SectionFacets;
  /** Each section's `kindWeight`, read once a match in ranking. */
  private readonly kindWeights: Float32Array;
  private readonly options: SearchOptions;
  // Scratch space reused by every search, one slot a section (indexed by section number), so a
  // query allocates nothing per matching section. Slots are cleared after each use.
  /** The section's score so far: the sum over the concepts it covers. */
  private readonly sectionScore: Float64Array;
  /** How much of the query the section covers: the weights of the concepts it matches, each times how well it matches. */
  private readonly coverage: Float64Array;
  /** How well the section matches the current concept (1 as typed or a synonym, less by typo or prefix). */
  private readonly conceptQuality: Float64Array;
  /** The same for the current alternative: its best expansion's weight. */
  private readonly alternativeQuality: Float64Array;
  /** The best score of the current concept's alternatives in the section. */
  private readonly bestAlternativeScore: Float64Array;
  /** The current alternative's score in the section, summed over its words. */
  private readonly alternativeScore: Float64Array;
  /** How many of the current alternative's words the section has. */
  private readonly wordsMatched: Uint8Array;
  /** Bit c: the section has concept c in several words (somewhere, maybe apart), or as one word. See Plan.phrases. */
  private readonly inWords: Int32Array;
  private readonly asOneWord: Int32Array;
  /** The stamp of the last word that reached the section, so a word counts once however many terms it has. */
  private readonly lastWordStamp: Int32Array;
  /** Stacks of section numbers: every section matched by the query, by the current concept, by the current alternative. */
  private readonly matchedSections: Int32Array;
  private readonly conceptSections: Int32Array;
  private readonly alternativeSections: Int32Array;
  private stamp = 0;
  /** The corrections of the words of the last queries (see corrections). */
  private readonly recentCorrections = new Map<string, Correction[]>();
  /** Every word of the synonym groups, folded. */
  private readonly synonymWords: ReadonlySet<string>;
  /** Term id → its count in a section, scratch space of `salience`. Made on first use. */
  private termCounts?: Int32Array;
  /** Term id → concepts of the current query (or words of a phrase), as bits: see conceptBits and namedShares. Made on first use. */
  private termConcepts?: Int32Array;
  /** Made on the first search: see talkOf. */
  private talks?: Int32Array;

  constructor(
    readonly sections: readonly Section[],
    private readonly synonyms: SynonymGroups,
    options: Partial<SearchOptions> = {},
    /** A snapshot of an engine built over these very sections, synonyms and options, instead of building. */
    saved?: EngineState,
  ) {
    this.options = { ...DEFAULT_SEARCH_OPTIONS, ...options };
    if (saved) {
      if (saved.sequences.start.length !== sections.length + 1) throw new Error("engine state is for another corpus");
      this.postings = Postings.fromState(saved.postings);
      this.vocabulary = saved.vocabulary;
      const { start, ids, lineFrom, lines } = saved.sequences;
      this.sequences = new TermSequences(start, ids, this.postings.termCount, lineFrom, lines);
    } else {
      const fields = FIELD_NAMES.map((name) => ({ name, boost: this.options.fieldBoosts[name] }));
      ({ postings: this.postings, vocabulary: this.vocabulary, sequences: this.sequences } = buildIndex(sections, fields, this.options.bm25));
    }
    this.facets = new SectionFacets(sections);
    this.kindWeights = Float32Array.from(sections, (section) => this.kindWeight(section.kind));
    this.synonymWords = new Set(synonyms.flat(2));
    this.named = new Uint8Array(this.postings.termCount);
    for (const id of this.vocabulary.termIds) this.named[id] = 1;
    const n = sections.length;
    this.sectionScore = new Float64Array(n);
    this.coverage = new Float64Array(n);
    this.conceptQuality = new Float64Array(n);
    this.alternativeQuality = new Float64Array(n);
    this.bestAlternativeScore = new Float64Array(n);
    this.alternativeScore = new Float64Array(n);
    this.wordsMatched = new Uint8Array(n);
    this.inWords = new Int32Array(n);
    this.asOneWord = new Int32Array(n);
    this.lastWordStamp = new Int32Array(n);
    this.matchedSections = new Int32Array(n);
    this.conceptSections = new Int32Array(n);
    this.alternativeSections = new Int32Array(n);
  }

  state(): EngineState {
    const { start, ids, lineFrom, lines } = this.sequences;
    return { postings: this.postings.state(), vocabulary: this.vocabulary, sequences: { start, ids, lineFrom, lines } };
  }

  /** The factor a section's kind puts on its score: a recap's notes and a programme's sessions rank below talks that match as well. */
  kindWeight(kind: Section["kind"]): number {
    return kind === "notes" ? this.options.notesWeight : kind === "programme" ? this.options.programmeWeight : 1;
  }

  search(query: string, filters: SearchFilters = {}, page: { offset: number; limit: number } = { offset: 0, limit: 5 }): SearchAnswer {
    // Lowercased but not folded: the French stemmer needs the accents.
    const words = tokenize(query.replace(/['’]/g, " ")).map((t) => t.word.toLowerCase());
    const plan = this.plan(words, queryLanguages(query));
    if (!plan) return { total: 0, hits: [], empty: true };

    const matched = this.score(plan);
    const filter = this.filterOf(filters);
    const ranked = this.rank(filter ? matched.filter(filter) : matched, plan, page.offset + page.limit);
    this.clear(matched);
    const shown = ranked.top.slice(page.offset, page.offset + page.limit);
    const matchedIds = new Set(shown.length ? [...plan.matchedTerms].map((term) => this.postings.termId(term)!) : []);
    const hits = shown.map(({ index, score }) => {
      const section = this.sections[index]!;
      // The snippet's line is the one of the text with most of the matched terms, as the index saw them.
      const line = lineOf(section.text, this.sequences.bestLine(index, lineCountOf(section.text), matchedIds));
      return { section, score, snippet: snippet(line, section.language, plan.matchedTerms) };
    });
    const answer = page.offset === 0 && isQuestion(query) ? this.answer(ranked.top.slice(0, SECTIONS_READ), plan) : undefined;
    return {
      total: ranked.total,
      hits,
      suggestion: plan.suggestion,
      empty: false,
      ...(answer && { answer: { ...answer, snippet: highlight(answer.text, answer.section.language, plan.matchedTerms) } }),
    };
  }

  /** The answer line of a question, read in the lines of the best sections that hold enough of it (found by their term ids, not analyzed again). */
  private answer(top: readonly { index: number }[], plan: Plan): Answer | undefined {
    const concepts = this.answerConcepts(plan);
    const asked = new Set(concepts.flatMap((concept) => [...concept.termIds]));
    const candidates = top.map(({ index }) => {
      const section = this.sections[index]!;
      const { ids } = this.sequences;
      const kept: number[] = [];
      for (let line = 0; line < this.sequences.lineCount(index); line++) {
        if (mayAnswer(ids, concepts, this.sequences.lineStart(index, line), this.sequences.lineEnd(index, line))) kept.push(line);
      }
      if (kept.length === 0) return { section, lines: [], titleIds: new Set<number>(), salience: new Map<number, number>() };
      const texts = section.text.split("\n");
      const lines = kept.map((line) => texts[line] ?? "");
      return { section, lines, titleIds: new Set(this.sequences.titleIds(index)), salience: this.salience(index, asked, kept) };
    });
    return findAnswer(candidates, concepts, (term) => this.postings.termId(term));
  }

  /**
   * Term id → its count in the section times its IDF, over the most telling's (of the section's
   * terms but those asked), for the terms of `lines` (the candidate lines' term ids).
   */
  private salience(index: number, asked: ReadonlySet<number>, lines: readonly number[]): Map<number, number> {
    this.termCounts ??= new Int32Array(this.postings.termCount);
    const counts = this.termCounts;
    const ids = this.sequences.sectionIds(index);
    for (const id of ids) counts[id]!++;
    const sections = this.sections.length;
    const value = (id: number) => counts[id]! * Math.log(1 + sections / this.postings.sectionCount(id));
    let most = 0;
    for (const id of ids) if (!asked.has(id)) most = Math.max(most, value(id));
    const salience = new Map<number, number>();
    for (const line of lines) {
      for (let i = this.sequences.lineStart(index, line); i < this.sequences.lineEnd(index, line); i++) {
        const id = this.sequences.ids[i]!;
        if (!asked.has(id)) salience.set(id, value(id) / (most || 1));
      }
    }
    for (const id of ids) counts[id] = 0;
    return salience;
  }

  /** Each concept of the query as the terms that stand for it, with its weight. */
  private answerConcepts(plan: Plan): AnswerConcept[] {
    return plan.concepts.map((alternatives, c) => ({
      termIds: new Set(alternatives.flatMap(({ leaves }) => leaves.flat().map(({ termId }) => termId))),
      weight: plan.weights[c]!,
    }));
  }

  /**
   * How much a concept tells: the inverse document frequency of its best term (times the weight
   * of the expansion reaching it), so a question's common words ("run", "work") weigh less in the
   * share of the query a section covers than the rare words that name its topic.
   */
  private conceptWeight(alternatives: readonly Alternative[]): number {
    const sections = this.sections.length;
    let weight = 0;
    for (const { leaves } of alternatives) {
      for (const { termId, weight: w } of leaves.flat()) weight = Math.max(weight, w * Math.log(1 + sections / this.postings.sectionCount(termId)));
    }
    return weight;
  }

  /**
   * Adds each concept's score into `sectionScore` and its weight times the quality of its match into `coverage`; returns the sections matched.
   * A concept scores as its best way of being written: synonyms of one idea do not add up. The
   * section lists are preallocated stacks, so a query allocates nothing per matching section.
   */
  private score(plan: Plan): Int32Array {
    const { sectionScore, coverage, conceptQuality, alternativeQuality, bestAlternativeScore, alternativeScore, wordsMatched, lastWordStamp } = this;
    const { matchedSections, conceptSections, alternativeSections, inWords, asOneWord } = this;
    const { start, doc, score } = this.postings;
    let matchedCount = 0;
    plan.concepts.forEach((alternatives, c) => {
      let conceptCount = 0;
      const phraseBit = plan.phrases[c] ? 1 << c : 0;
      for (const { leaves, weight } of alternatives) {
        // Sum each section's score over the words (a word's variants and expansions add up, as
        // MiniSearch adds the terms of an OR), counting how many of the words it has.
        let count = 0;
        // One word (most alternatives): a section has it once it has a score, since every posting
        // scores above zero (BM25+), so the word counts are not kept, a fraction of the memory traffic.
        const oneWord = leaves.length === 1;
        const phraseBits = oneWord ? asOneWord : inWords;
        for (const leaf of leaves) {
          const stamp = ++this.stamp;
          for (const { termId, weight: w } of leaf) {
            const to = start[termId + 1]!;
            for (let p = start[termId]!; p < to; p++) {
              const d = doc[p]!;
              if (oneWord) {
                if (alternativeScore[d] === 0) alternativeSections[count++] = d;
              } else if (lastWordStamp[d] !== stamp) {
                lastWordStamp[d] = stamp;
                if (wordsMatched[d] === 0) alternativeSections[count++] = d;
                wordsMatched[d]!++;
              }
              alternativeScore[d]! += w * score[p]!;
              if (w > alternativeQuality[d]!) alternativeQuality[d] = w;
            }
          }
        }
        // Several words: a section counts only if it has every one of them.
        for (let i = 0; i < count; i++) {
          const d = alternativeSections[i]!;
          if (oneWord || wordsMatched[d] === leaves.length) {
            const value = weight * alternativeScore[d]!;
            if (bestAlternativeScore[d] === 0) conceptSections[conceptCount++] = d;
            if (value > bestAlternativeScore[d]!) bestAlternativeScore[d] = value;
            if (alternativeQuality[d]! > conceptQuality[d]!) conceptQuality[d] = alternativeQuality[d]!;
            if (phraseBit) phraseBits[d]! |= phraseBit;
          }
          wordsMatched[d] = 0;
          alternativeScore[d] = 0;
          alternativeQuality[d] = 0;
        }
      }
      // A concept found in more sections than its rarest term (a rare misspelling of a common word,
      // synonyms, a prefix) tells as little as its sections say.
      const conceptWeight = (plan.weights[c] = Math.min(plan.weights[c]!, Math.log(1 + this.sections.length / Math.max(1, conceptCount))));
      for (let i = 0; i < conceptCount; i++) {
        const d = conceptSections[i]!;
        if (coverage[d] === 0) matchedSections[matchedCount++] = d;
        sectionScore[d]! += bestAlternativeScore[d]!;
        coverage[d]! += conceptWeight * conceptQuality[d]!;
        bestAlternativeScore[d] = 0;
        conceptQuality[d] = 0;
      }
    });
    return matchedSections.subarray(0, matchedCount);
  }

  /**
   * The best `wanted` sections (at least the `phraseRerank` first, which get the side-by-side bonus)
   * in order, and how many matched.
   */
  private rank(matched: ArrayLike<number>, plan: Plan, wanted: number): { total: number; top: { index: number; score: number }[] } {
    const totalWeight = plan.weights.reduce((sum, weight) => sum + weight, 0);
    const { phraseRerank, phraseBonus, lineBonus } = this.options;
    const keep = Math.max(wanted, phraseRerank);
    // The best `keep` kept in a min-heap: no sort of every match.
    const heap = new TopK(keep);
    const languageBonus = 1 + this.options.queryLanguageBonus;
    const bonusLanguages = plan.languages.map((language) => this.facets.languageCode(language));
    for (let i = 0; i < matched.length; i++) {
      const d = matched[i]!;
      const share = this.coverage[d]! / totalWeight;
      const language = bonusLanguages.length && bonusLanguages.includes(this.facets.language[d]!) ? languageBonus : 1;
      heap.offer(d, this.sectionScore[d]! * share * share * language * this.kindWeights[d]!);
    }
    const top = heap.sorted();
    if (plan.concepts.length > 1 || plan.phrases.some(Boolean)) {
      const reranked = top.slice(0, phraseRerank);
      const adjacent = plan.pairs.length ? this.sequences.countAdjacent(reranked.map((entry) => entry.index), plan.pairs) : [];
      const named = this.namedShares(reranked.map((entry) => entry.index), plan, totalWeight);
      const conceptBits = plan.concepts.length > 1 ? this.conceptBits(plan) : undefined;
      reranked.forEach((entry, i) => {
        const inOneLine = conceptBits ? this.sequences.bestLineWeight(entry.index, conceptBits, plan.weights, totalWeight) / totalWeight : 0;
        entry.score *= (1 + phraseBonus * (adjacent[i] ?? 0)) * (1 + lineBonus * inOneLine) * named[i]! ** 2;
      });
      if (conceptBits) forEachConceptTerm(plan, (termId) => (conceptBits[termId] = 0));
      top.sort((a, b) => b.score - a.score || a.index - b.index);
    }
    // One entry a talk: its other parts below the best one are left out of the page, and a talk
    // both a recap and the programme matched is shown by the recap's section, at the better score.
    const talks = this.talkOf();
    const shown = new Map<number, { index: number; score: number }>();
    for (const entry of top) {
      const talk = talks[entry.index]!;
      const first = shown.get(talk);
      if (!first) shown.set(talk, { ...entry });
      else if (this.sections[first.index]!.kind === "programme" && this.sections[entry.index]!.kind !== "programme") first.index = entry.index;
    }
    const distinct = [...shown.values()];
    return { total: matched.length - (top.length - distinct.length), top: distinct };
  }

  /** Term id → the concepts of the plan it stands for, as bits, in the engine's scratch array (the caller clears it). */
  private conceptBits(plan: Plan): Int32Array {
    this.termConcepts ??= new Int32Array(this.postings.termCount);
    const bits = this.termConcepts;
    forEachConceptTerm(plan, (termId, c) => (bits[termId]! |= 1 << c));
    return bits;
  }

  /**
   * The share of its coverage each section keeps once the concepts it has in several words are
   * counted by how many of those words stand side by side: "pod", "security" and "policy" scattered
   * over a section do not name a pod security policy; "bill of material" half names a software bill
   * of materials (one pair of two, counted squared: a quarter). All pairs side by side count as the phrase.
   */
  private namedShares(sections: readonly number[], plan: Plan, totalWeight: number): number[] {
    const lost = sections.map(() => 0);
    plan.phrases.forEach((phrases, c) => {
      const apart = sections.map((d) => ((this.inWords[d]! & ~this.asOneWord[d]!) >>> c) & 1);
      if (!phrases || !apart.includes(1)) return;
      const named = sections.map(() => 0);
      // Term id → the words of the phrase it may be, as bits, in the scratch array, cleared after each phrase.
      const bits = (this.termConcepts ??= new Int32Array(this.postings.termCount));
      for (const words of phrases) {
        words.forEach((word, k) => word.forEach((id) => (bits[id]! |= 1 << k)));
        sections.forEach((d, i) => {
          if (apart[i]) named[i] = Math.max(named[i]!, popcount(this.sequences.pairsSideBySide(d, bits, words.length - 1)) / (words.length - 1));
        });
        for (const word of words) for (const id of word) bits[id] = 0;
      }
      sections.forEach((_, i) => {
        if (apart[i]) lost[i]! += (plan.weights[c]! / totalWeight) * (1 - named[i]! ** 2);
      });
    });
    return sections.map((d, i) => {
      const share = this.coverage[d]! / totalWeight;
      return lost[i] ? Math.max(0, share - lost[i]!) / share : 1;
    });
  }

  /**
   * Section number → the number of its talk: the sections of one recap with the same display title
   * (a talk a recap reports twice, or cut in parts under one heading), and a programme session with
   * the recap sections linked to it (`recapSectionIds`). Sections sharing only a parent stay apart: a
   * parent is as often a topic heading over several talks ("Notes on security").
   */
  private talkOf(): Int32Array {
    if (!this.talks) {
      const numbers = new Map<string, number>();
      const talks = new Int32Array(this.sections.length);
      this.sections.forEach((section, d) => {
        const key = `${section.recapId}\u0000${section.title.toLowerCase()}`;
        let found = numbers.get(key);
        if (found === undefined) numbers.set(key, (found = numbers.size));
        talks[d] = found;
      });
      this.talks = joinLinkedTalks(this.sections, talks, numbers.size);
    }
    return this.talks;
  }

  /** Clears the scratch space of the sections a search touched. */
  private clear(matched: ArrayLike<number>): void {
    for (let i = 0; i < matched.length; i++) {
      const d = matched[i]!;
      this.sectionScore[d] = 0;
      this.coverage[d] = 0;
      this.inWords[d] = 0;
      this.asOneWord[d] = 0;
    }
  }

  /** Whether section number d passes the filters, in one test; undefined when there are none. */
  private filterOf(filters: SearchFilters): ((d: number) => boolean) | undefined {
    const { facets } = this;
    const event = filters.eventId ? facets.eventCode(filters.eventId) : undefined;
    const year = filters.year || undefined;
    const language = filters.language ? facets.languageCode(filters.language) : undefined;
    const folded = filters.speaker ? fold(filters.speaker) : "";
    const speaker = folded ? facets.speakerTest(folded) : undefined;
    if (event === undefined && year === undefined && language === undefined && !speaker) return undefined;
    return (d) =>
      (event === undefined || facets.event[d] === event) &&
      (year === undefined || facets.year[d] === year) &&
      (language === undefined || facets.language[d] === language) &&
      (!speaker || speaker(d));
  }

  /**
   * What to look for: every concept may match (ranking rewards covering them all). Words the corpus
   * does not know are matched with typos allowed, the last one also as a prefix, and give the
   * "did you mean"; a synonym the corpus does not know is left out.
   */
  private plan(words: readonly string[], languages: readonly string[]): Plan | undefined {
    // Synonyms are looked up on the words as corrected ("webasembly" → wasm too); each concept keeps the words as typed.
    const stopLanguage = languages.includes("fr") ? "fr" : "en";
    const corrected = words.map((word) => (isStopWord(word, stopLanguage) ? word : this.correctionOf(word) ?? word));
    const concepts = expandSynonyms(corrected, this.synonyms);
    /** The concepts whose synonyms were found through a correction: their typed words were mistyped, not understood. */
    const viaCorrection = new Set<Concept>();
    let at = 0;
    for (const concept of concepts) {
      const typed = words.slice(at, (at += concept.length));
      if (typed.some((word, i) => word !== concept.alternatives[0]![i])) viaCorrection.add(concept);
      concept.alternatives[0] = typed;
    }
    const planned: Alternative[][] = [];
    const matchedTerms = new Set<string>();
    const corrections = new Map<string, string>();
    const pairs: [number, number][][] = [];
    let previousTerms: number[] = [];
    concepts.forEach((concept, c) => {
      if (planned.length === MAX_CONCEPTS) return;
      const isLast = c === concepts.length - 1;
      const alternatives: Alternative[] = [];
      /** The terms of the words as typed (and of the words they are slips for): what stands side by side with the next concept's. */
      const terms: number[] = [];
      let searchable = false;
      const understood = !viaCorrection.has(concept) && concept.alternatives.slice(1).some((phrase) => phrase.every((word) => isStopWord(word) || this.isKnown(word)));
      concept.alternatives.forEach((phrase, a) => {
        const typed = a === 0;
        const whole: Leaf[] = [];
        const split: Leaf[] = [];
        let complete = true;
        phrase.forEach((word, w) => {
          // The words typed lose the stop words of the language the query reads as (English unless
          // French); a synonym phrase, those of any language (a one-word synonym is a name: "ai").
          if (typed ? isStopWord(word, stopLanguage) : phrase.length > 1 && isStopWord(word)) return;
          const { joined, parts } = this.variants(word);
          if (joined.length === 0) return;
          const known = joined.some((t) => this.postings.termId(t) !== undefined);
          if (!known && !typed) {
            complete = false;
            return;
          }
          const { fuzziness, minPrefixLength } = this.options;
          const folded = fold(word);
          let typos: Correction[] = [];
          if (!known && understood) {
            // A synonym of it is in the corpus ("coûts" for "costs"): it was understood, not mistyped.
          } else if (!known) {
            // "Did you mean" looks one edit away even for a short word; the search only as far as `fuzziness`.
            typos = this.corrections(folded, Math.max(1, fuzziness(folded)), 1, 0, joined);
            // A word only a synonym has, in another form ("conteneurs" for "conteneur"), is understood, not mistyped.
            if (typos[0] && !this.variants(typos[0].word).joined.some((term) => joined.includes(term))) corrections.set(word, typos[0].word);
            if (fuzziness(folded) === 0) typos = [];
          } else {
            const rare = this.rareSpelling(folded, joined);
            if (rare) typos = this.corrections(folded, fuzziness(folded), rare.minSections, rare.sections);
          }
          const last = isLast && w === phrase.length - 1;
          const leaf = this.leaf(joined, !known && last && word.length >= minPrefixLength, matchedTerms, typos);
          if (typed) {
            for (const term of joined) terms.push(this.postings.termId(term) ?? -1);
            for (const typo of typos) terms.push(...typo.termIds);
          }
          whole.push(leaf);
          if (parts.length) split.push(...parts.map((terms) => this.leaf(terms, false, matchedTerms, [])));
          else split.push(leaf);
        });
        if (!complete || whole.length === 0) return;
        searchable = true;
        // A synonym finds more, but a section with the very words typed ranks first.
        const weight = typed ? 1 : this.options.synonymWeight;
        for (const leaves of split.length > whole.length ? [whole, split] : [whole]) {
          if (leaves.every((leaf) => leaf.length > 0)) alternatives.push({ leaves, weight });
        }
      });
      if (!searchable) return;
      planned.push(alternatives);
      // Only terms of the index can stand side by side in a section.
      const known = terms.filter((id) => id >= 0);
      if (previousTerms.length && known.length) pairs.push(previousTerms.flatMap((b) => known.map((t): [number, number] => [b, t])));
      previousTerms = known;
    });
    if (planned.length === 0) return undefined;
    const suggestion = corrections.size ? words.map((w) => corrections.get(w) ?? w).join(" ") : undefined;
    const weights = planned.map((alternatives) => this.conceptWeight(alternatives));
    const phrases = planned.map((alternatives) => {
      const inWords = alternatives.filter(({ leaves }) => leaves.length > 1);
      return inWords.length ? inWords.map(({ leaves }) => leaves.map((leaf) => new Set(leaf.map(({ termId }) => termId)))) : undefined;
    });
    return { concepts: planned, weights, matchedTerms, pairs, phrases, languages, suggestion };
  }

  /**
   * The index terms that count for one word: its variants, the terms they begin with `prefix`, and
   * the terms of the words it may be a slip for, weighed by their probability.
   */
  private leaf(terms: readonly string[], prefix: boolean, matchedTerms: Set<string>, typos: readonly Correction[]): Leaf {
    const best = new Map<number, Expansion>();
    const { prefixWeight } = this.options;
    const keep = (key: string, expansion: Expansion) => {
      matchedTerms.add(key);
      if ((best.get(expansion.termId)?.weight ?? 0) < expansion.weight) best.set(expansion.termId, expansion);
    };
    for (const term of terms) for (const [key, expansion] of this.postings.expand(term, { prefix, prefixWeight })) keep(key, expansion);
    for (const { termIds, weight } of typos) for (const termId of termIds) keep(this.postings.term(termId), { termId, weight });
    return [...best.values()];
  }

  /** Whether the index has a term of the word, in some language. */
  private isKnown(word: string): boolean {
    return this.variants(word).joined.some((t) => this.postings.termId(t) !== undefined);
  }

  /**
   * The likeliest word a typed word is a slip for: one the corpus does not know, or knows only as a
   * rare misspelling of a common word ("kuberentes"); undefined for a short word or a word meant as typed.
   */
  private correctionOf(word: string): string | undefined {
    const folded = fold(word);
    const edits = this.options.fuzziness(folded);
    // A word of a synonym is understood as typed, even where the corpus does not have it.
    if (!edits || this.synonymWords.has(folded)) return undefined;
    const { joined } = this.variants(word);
    if (!joined.some((t) => this.postings.termId(t) !== undefined)) return this.corrections(folded, edits, 1, 0, joined)[0]?.word;
    const rare = this.rareSpelling(folded, joined);
    const best = rare && this.corrections(folded, edits, rare.minSections, rare.sections)[0];
    return best && best.weight >= LIKELY_CORRECTION ? best.word : undefined;
  }

  /**
   * The typo model's corrections, the last query's kept: a query looks its words up twice (for
   * synonyms, then to search). A word the corpus does not know (`stems`: its index terms) that no
   * word of the corpus is near is looked for among the index terms: the corpus may have it in another form.
   */
  private corrections(folded: string, maxEdits: number, minSections = 1, ownSections = 0, stems?: readonly string[]): Correction[] {
    const key = `${folded}\u0000${maxEdits}\u0000${minSections}\u0000${ownSections}`;
    let found = this.recentCorrections.get(key);
    if (!found) {
      this.typos ??= new Typos(this.vocabulary, (termId) => this.postings.sectionCount(termId), (termId) => this.postings.term(termId), this.synonymWords);
      found = this.typos.corrections(folded, maxEdits, minSections, ownSections);
      const { fuzziness } = this.options;
      // Only a stem shorter than the word can find what the word itself did not.
      const shorter = stems?.filter((stem) => stem.length < folded.length) ?? [];
      if (found.length === 0 && shorter.length) found = this.typos.stemCorrections(shorter, (stem) => Math.min(maxEdits, fuzziness(stem)));
      if (this.recentCorrections.size >= MAX_CONCEPTS) this.recentCorrections.clear();
      this.recentCorrections.set(key, found);
    }
    return found;
  }

  /**
   * For a word the corpus knows but rarely ("kuberentes", a misspelling the corpus shares with the
   * user), how common its correct spelling must be; undefined for a common or a short word.
   */
  private rareSpelling(word: string, terms: readonly string[]): { minSections: number; sections: number } | undefined {
    const { fuzziness, rareWordSections, rareWordRatio } = this.options;
    if (fuzziness(word) === 0) return undefined;
    const sections = Math.max(...terms.map((t) => {
      const id = this.postings.termId(t);
      return id === undefined ? 0 : this.postings.sectionCount(id);
    }));
    return sections <= rareWordSections ? { minSections: Math.max(1, sections) * rareWordRatio, sections } : undefined;
  }

  /**
   * One typed word's index terms: written as one word, in each language, and, for a hyphenated
   * word, each part's terms in turn.
   */
  private variants(word: string): { joined: string[]; parts: string[][] } {
    const joined = new Set<string>();
    const parts: Set<string>[] = [];
    for (const language of QUERY_LANGUAGES) {
      const found = termsOfWord(word, language);
      if (found.length === 0) continue;
      joined.add(found.at(-1)!);
      found.slice(0, -1).forEach((term, i) => (parts[i] ??= new Set()).add(term));
    }
    return { joined: [...joined], parts: parts.map((set) => [...set]) };
  }

  /** Whether some section contains the word (in any of its forms). */
  knows(word: string): boolean {
    const named = (term: string) => {
      const id = this.postings.termId(term);
      return id !== undefined && this.named[id] === 1;
    };
    return QUERY_LANGUAGES.some((lang) => termsOfWord(word, lang).some(named));
  }
}

/** How many lines a text has, counted without splitting it (a section's text may be long; a query shows five). */
function lineCountOf(text: string): number {
  let count = 1;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) count++;
  return count;
}

/** Line `n` of a text, found without splitting it. */
function lineOf(text: string, n: number): string {
  let start = 0;
  for (let k = 0; k < n; k++) {
    const at = text.indexOf("\n", start);
    if (at === -1) return "";
    start = at + 1;
  }
  const end = text.indexOf("\n", start);
  return text.slice(start, end === -1 ? undefined : end);
}

/** The `size` highest scores offered, kept in a binary min-heap. */
class TopK {
  private readonly index: Int32Array;
  private readonly score: Float64Array;
  private length = 0;

  constructor(private readonly size: number) {
    this.index = new Int32Array(size);
    this.score = new Float64Array(size);
  }

  offer(index: number, score: number): void {
    if (this.length < this.size) {
      let i = this.length++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.score[parent]! <= score) break;
        this.index[i] = this.index[parent]!;
        this.score[i] = this.score[parent]!;
        i = parent;
      }
      this.index[i] = index;
      this.score[i] = score;
      return;
    }
    if (score <= this.score[0]!) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.length) break;
      const right = left + 1;
      const child = right < this.length && this.score[right]! < this.score[left]! ? right : left;
      if (this.score[child]! >= score) break;
      this.index[i] = this.index[child]!;
      this.score[i] = this.score[child]!;
      i = child;
    }
    this.index[i] = index;
    this.score[i] = score;
  }

  /** Best first; equal scores in section order, so answers are stable. */
  sorted(): { index: number; score: number }[] {
    const entries = Array.from({ length: this.length }, (_, i) => ({ index: this.index[i]!, score: this.score[i]! }));
    return entries.sort((a, b) => b.score - a.score || a.index - b.index);
  }
}

/** The talk numbers with each programme session's and its linked recap sections' made one (a union of their numbers). */
function joinLinkedTalks(sections: readonly Section[], talks: Int32Array, count: number): Int32Array {
  const parent = Int32Array.from({ length: count }, (_, i) => i);
  const root = (n: number): number => (parent[n] === n ? n : (parent[n] = root(parent[n]!)));
  const indexOf = new Map<string, number>();
  sections.forEach((section, d) => section.recapSectionIds && indexOf.set(section.id, d));
  sections.forEach((section, d) => {
    const session = section.programmeId === undefined ? undefined : indexOf.get(section.programmeId);
    if (session !== undefined) parent[root(talks[session]!)] = root(talks[d]!);
  });
  return indexOf.size ? talks.map((talk) => root(talk)) : talks;
}
