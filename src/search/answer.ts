import type { Section } from "../corpus/section.js";
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

/** The words that open a question, folded; a query ending with "?" is one too. */
const QUESTION_OPENERS = new Set(
  [
    "how", "why", "what", "which", "when", "where", "who", "should", "can", "could", "is", "are", "do", "does", "will", "would",
    "comment", "pourquoi", "quel", "quelle", "quels", "quelles", "quand", "où", "qui", "que", "qu", "est-ce", "peut-on", "faut-il", "dois-je",
  ].map(fold),
);

/** Only the first sections of the ranking are read: an answer from the tenth result is a guess. */
const SECTIONS_READ = 3;
/** A sentence must hold at least this share of what the query's concepts tell (their IDF summed). */
const MIN_SHARE = 0.6;
/** Shorter than this it is a heading or a fragment; longer, a paragraph, not a sentence. */
const MIN_LENGTH = 25;
const MAX_LENGTH = 400;
/** Each rank down the results costs a sentence this much of its share, so a tie goes to the better section. */
const RANK_COST = 0.05;

export function isQuestion(query: string): boolean {
  if (query.trim().endsWith("?") || query.trim().endsWith("？")) return true;
  const first = fold(query.trim().split(/[\s'’]+/)[0] ?? "");
  return QUESTION_OPENERS.has(first);
}

const sentenceSegmenters = new Map<string, Intl.Segmenter>();

function sentences(text: string, language: string): string[] {
  let segmenter = sentenceSegmenters.get(language);
  if (!segmenter) sentenceSegmenters.set(language, (segmenter = new Intl.Segmenter(language, { granularity: "sentence" })));
  const found: string[] = [];
  for (const line of text.split("\n")) for (const { segment } of segmenter.segment(line)) found.push(segment.trim());
  return found;
}

/**
 * The sentence of the best sections that holds most of what the question asks, weighed by how
 * rare each concept is (a question's common words tell little), or undefined when none holds
 * enough: extractive only, and absent rather than wrong. A sentence that is itself a question
 * answers nothing.
 */
export function findAnswer(
  sections: readonly Section[],
  concepts: readonly AnswerConcept[],
  termId: (term: string) => number | undefined,
): Answer | undefined {
  const total = concepts.reduce((sum, concept) => sum + concept.weight, 0);
  if (concepts.length < 2 || total === 0) return undefined;
  let best: (Answer & { score: number }) | undefined;
  sections.slice(0, SECTIONS_READ).forEach((section, rank) => {
    for (const sentence of sentences(section.text, section.language)) {
      if (sentence.length < MIN_LENGTH || sentence.length > MAX_LENGTH || /[?？]$/.test(sentence)) continue;
      const ids = new Set<number>();
      forEachWord(sentence, (start, end) => {
        for (const term of termsOfWord(sentence.slice(start, end), section.language)) {
          const id = termId(term);
          if (id !== undefined) ids.add(id);
        }
      });
      let held = 0;
      let count = 0;
      for (const concept of concepts) {
        if (![...concept.termIds].some((id) => ids.has(id))) continue;
        held += concept.weight;
        count++;
      }
      const share = held / total;
      if (count < 2 || share < MIN_SHARE) continue;
      const score = share - RANK_COST * rank;
      if (!best || score > best.score) best = { score, text: sentence, section };
    }
  });
  return best && { text: best.text, section: best.section };
}
