import type { Section } from "../corpus/section.js";
import { LEXICONS } from "../lexicon/index.js";
import { fold } from "../text/fold.js";
import { forEachWord, termsOfWord } from "./analyzer.js";

/** The sentence of the notes that answers a question, and the section it is read in. */
export interface Answer {
  text: string;
  section: Section;
}

/** A concept of the query, as the index terms that stand for it and how much it tells (its IDF). */
export interface AnswerConcept {
  termIds: ReadonlySet<number>;
  weight: number;
}

/** The words that open a question in every language (the lexicon's `search.questionOpeners`), folded; a query ending with "?" is one too. */
const QUESTION_OPENERS = new Set(LEXICONS.flatMap((lexicon) => lexicon.search.questionOpeners).map(fold));

/** Only the first sections of the ranking are read: an answer from the tenth result is a guess. */
export const SECTIONS_READ = 3;
/** A sentence must hold at least this share of what the query's concepts tell (their IDF summed). */
const MIN_SHARE = 0.6;
/** Shorter than this it is a heading or a fragment; longer, a paragraph, not a sentence. */
const MIN_LENGTH = 25;
const MAX_LENGTH = 400;
/** Each rank down the results costs a sentence this much of its share, so a tie goes to the better section. */
const RANK_COST = 0.05;
/**
 * What holding its section's most telling word beyond the question ("finalizers" in a talk about
 * deleting resources) adds to a sentence's share: an answer tells something the question does not.
 */
const SALIENCE_WEIGHT = 0.1;

/** A section whose sentences may answer, with what the ranking knows of it. */
export interface AnswerCandidate {
  section: Section;
  /** The lines of its text that may hold an answer (see mayAnswer). */
  lines: readonly string[];
  /** The term ids of its title: a sentence that holds only what the title holds restates the card. */
  titleIds: ReadonlySet<number>;
  /** Term id → how telling the term is in the section (its count there times its IDF), 1 for the most telling, outside the question's terms. */
  salience: ReadonlyMap<number, number>;
}

export function isQuestion(query: string): boolean {
  if (query.trim().endsWith("?") || query.trim().endsWith("？")) return true;
  const first = fold(query.trim().split(/[\s'’]+/)[0] ?? "");
  return QUESTION_OPENERS.has(first);
}

/** A sentence ends at a closing mark followed by a space, or right after a full-width one. */
const SENTENCE_END = /(?<=[.!?])\s+|(?<=[。！？])/u;

/** The share of what the concepts tell that a run of term ids (`ids` from `from` to `to`) holds, and how many of them it holds. */
export function heldShare(ids: ArrayLike<number>, concepts: readonly AnswerConcept[], from = 0, to = ids.length): { share: number; count: number } {
  let held = 0;
  let total = 0;
  let count = 0;
  for (const concept of concepts) {
    total += concept.weight;
    // A line is a few dozen terms: looked up in the concept's set, with nothing made.
    for (let i = from; i < to; i++) {
      if (!concept.termIds.has(ids[i]!)) continue;
      held += concept.weight;
      count++;
      break;
    }
  }
  return { share: total ? held / total : 0, count };
}

/** Whether a line may hold an answer: at least two concepts and enough of their weight (a sentence holds no more than its line). */
export function mayAnswer(ids: ArrayLike<number>, concepts: readonly AnswerConcept[], from = 0, to = ids.length): boolean {
  const { share, count } = heldShare(ids, concepts, from, to);
  return count >= 2 && share >= MIN_SHARE;
}

/**
 * The sentence of the best sections' lines (those `mayAnswer` kept, best section first) that
 * holds most of what the question asks, weighed by how rare each concept is (a question's common
 * words tell little), then most of what its section tells beyond the question; undefined when none
 * holds enough: extractive only, and absent rather than wrong. A sentence that is itself a
 * question answers nothing, one that ends with a colon announces the answer without giving it, and
 * one whose question words are all in its section's title only says what the talk is about, which
 * the card already shows.
 */
export function findAnswer(
  candidates: readonly AnswerCandidate[],
  concepts: readonly AnswerConcept[],
  termId: (term: string) => number | undefined,
): Answer | undefined {
  if (concepts.length < 2) return undefined;
  let best: (Answer & { score: number }) | undefined;
  candidates.slice(0, SECTIONS_READ).forEach(({ section, lines, titleIds, salience }, rank) => {
    const inTitle = concepts.map((concept) => [...concept.termIds].some((id) => titleIds.has(id)));
    for (const sentence of lines.flatMap((line) => line.split(SENTENCE_END)).map((part) => part.trim())) {
      if (sentence.length < MIN_LENGTH || sentence.length > MAX_LENGTH || /[?？:：]$/.test(sentence)) continue;
      const ids: number[] = [];
      forEachWord(sentence, (start, end) => {
        for (const term of termsOfWord(sentence.slice(start, end), section.language)) {
          const id = termId(term);
          if (id !== undefined) ids.push(id);
        }
      });
      const { share, count } = heldShare(ids, concepts);
      if (count < 2 || share < MIN_SHARE) continue;
      if (concepts.every((concept, c) => inTitle[c] || !ids.some((id) => concept.termIds.has(id)))) continue;
      const telling = Math.max(0, ...ids.map((id) => salience.get(id) ?? 0));
      const score = share + SALIENCE_WEIGHT * telling - RANK_COST * rank;
      if (!best || score > best.score) best = { score, text: sentence, section };
    }
  });
  return best && { text: best.text, section: best.section };
}
