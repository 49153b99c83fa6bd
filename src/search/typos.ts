import type { Vocabulary } from "./build-index.js";
import { NearWords } from "./near-words.js";
import { typingCost } from "./typing-cost.js";

/** A word of the corpus a typed word may be a slip for, with its index terms and how likely it is meant. */
export interface Correction {
  word: string;
  termIds: readonly number[];
  /**
   * How much a match on it counts: the square root of its probability among the corrections, so
   * the one plausible correction counts as the word typed right, and two equally likely ones each
   * count 0.71.
   */
  weight: number;
}

/** How much one full edit lowers the odds, as a factor of e: an edit is worth a word 20 times as common. */
const EDIT_COST = 3;
/**
 * A typed word the corpus does not have may be meant as typed: its odds are those of a word in
 * 3^(6 − its length) sections (9 for four letters, 1 for six, 1/9 for eight), since a short word one
 * edit from a corpus word is as often another word, a long one more often a slip.
 */
const AS_TYPED_BASE = 3;
const AS_TYPED_LENGTH = 6;
interface Candidate {
  word: string;
  termIds: readonly number[];
  /** Log odds: sections, less the cost of the slip. */
  odds: number;
}

/** The log odds of a word of `length` letters being meant as typed, or of a word the corpus has in `ownSections` sections. */
function asTypedOdds(length: number, ownSections: number): number {
  return Math.max(Math.log(AS_TYPED_BASE) * (AS_TYPED_LENGTH - length), Math.log(Math.max(ownSections, 1e-9)));
}

/** Corrections less likely than this against the best are dropped. */
const MIN_LIKELIHOOD = 0.05;

/**
 * The corpus's words as written, for correcting typed words: a noisy channel where the odds of a
 * word are its number of sections (a common word is more often meant) times e^(-3 × the typing
 * cost of the slip; see typing-cost.ts). Matching words rather than stems keeps a slip in a suffix
 * ("operatr") from changing the stem beyond reach.
 */
export class Typos {
  private readonly words: string[] = [];
  private readonly terms: number[][] = [];
  private readonly near: NearWords;
  /** The index terms, for stemCorrections: made on first use. */
  private stems?: { near: NearWords; terms: number[]; words: string[] };

  constructor(
    vocabulary: Vocabulary,
    /** How many sections hold the term. */
    private readonly sectionCount: (termId: number) => number,
    /** The index term of an id. */
    private readonly termOf: (termId: number) => string,
    /**
     * Words the corpus may not have but the synonyms do ("passante" of "bande passante", a synonym
     * of "bandwidth"): a slip for one is corrected to it, to reach its synonyms. They weigh as a
     * word of one section.
     */
    synonymWords: Iterable<string> = [],
  ) {
    const index = new Map<string, number>();
    vocabulary.words.forEach((word, i) => {
      let at = index.get(word);
      if (at === undefined) {
        index.set(word, (at = this.words.length));
        this.words.push(word);
        this.terms.push([]);
      }
      this.terms[at]!.push(vocabulary.termIds[i]!);
    });
    for (const word of synonymWords) {
      if (index.has(word)) continue;
      index.set(word, this.words.length);
      this.words.push(word);
      this.terms.push([]);
    }
    this.near = new NearWords(this.words);
  }

  /**
   * The words within `maxEdits` of `typed` (folded; swaps count as one edit), itself left out,
   * in at least `minSections` sections, likeliest first. `ownSections`: how many sections hold the
   * word as typed (a rare word the corpus has), for its odds of being meant as typed.
   */
  corrections(typed: string, maxEdits: number, minSections = 1, ownSections = 0): Correction[] {
    const found: Candidate[] = [];
    this.near.scan(typed, maxEdits, (i) => {
      const word = this.words[i]!;
      const termIds = this.terms[i]!;
      const sections = termIds.length ? Math.max(...termIds.map(this.sectionCount)) : 1;
      if (word === typed || sections < minSections) return;
      found.push({ word, termIds, odds: Math.log(sections) - EDIT_COST * typingCost(typed, word) });
    });
    return this.likeliest(found, asTypedOdds(typed.length, ownSections));
  }

  /**
   * For a typed word no word of the corpus is near, because the corpus has it in another form
   * ("declarstively" when the corpus says "declarative"): the index terms near its own terms
   * (`stems`, its stems in each language), within what `maxEdits` allows a stem of its length.
   */
  stemCorrections(stems: readonly string[], maxEdits: (stem: string) => number): Correction[] {
    this.stems ??= this.termWords();
    const { near, terms, words } = this.stems;
    const found = new Map<number, Candidate>();
    for (const stem of stems) {
      near.scan(stem, maxEdits(stem), (i) => {
        const odds = Math.log(this.sectionCount(terms[i]!)) - EDIT_COST * typingCost(stem, near.word(i));
        if (odds > (found.get(i)?.odds ?? -Infinity)) found.set(i, { word: words[i]!, termIds: [terms[i]!], odds });
      });
    }
    // What is weighed is a stem: its odds of being meant as typed are a word's of its length.
    return this.likeliest([...found.values()], asTypedOdds(Math.min(...stems.map((stem) => stem.length)), 0));
  }

  /** The distinct index terms of the words, each with its first word (what "did you mean" shows). */
  private termWords(): { near: NearWords; terms: number[]; words: string[] } {
    const first = new Map<number, string>();
    this.terms.forEach((termIds, i) => {
      for (const id of termIds) if (!first.has(id)) first.set(id, this.words[i]!);
    });
    return { near: new NearWords([...first.keys()].map(this.termOf)), terms: [...first.keys()], words: [...first.values()] };
  }

  /** The candidates likely enough against the best, and against the word meant as typed. */
  private likeliest(found: readonly Candidate[], asTyped: number): Correction[] {
    // The word as typed shares the probability too.
    const best = Math.max(asTyped, ...found.map((c) => c.odds));
    const likely = found.map((c) => ({ ...c, likelihood: Math.exp(c.odds - best) })).filter((c) => c.likelihood >= MIN_LIKELIHOOD);
    const total = likely.reduce((sum, c) => sum + c.likelihood, Math.exp(asTyped - best));
    return likely
      .sort((a, b) => b.likelihood - a.likelihood || (a.word < b.word ? -1 : 1))
      .map(({ word, termIds, likelihood }) => ({ word, termIds, weight: Math.sqrt(likelihood / total) }));
  }
}
