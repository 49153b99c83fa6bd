import type { LineFacts } from "./line-facts.js";

/**
 * The one soft question of segmentation: does a line read as a talk's title? A score from the line's
 * facts, each feature with its weight here and nowhere else. Positive reads as a title, negative as
 * notes. The weights were chosen on the real recaps of the team's evaluation set, not on examples
 * written for them.
 */
export const TITLE_WEIGHTS = {
  /** "Title - Jane Doe, Acme": a title names its people. */
  speakers: 3,
  /** "Lightning talk: Title", "Keynote - Title". */
  talkLabel: 2.5,
  /** The line after it is about the talk (its slides, its people, its schedule page). */
  markedBelow: 2,
  /** Title Case: most content words capitalized. */
  capitalized: 1.5,
  /** An English line inside a recap in another language. */
  foreign: 1,
  /** In a recap without capitals, a short line without a sentence's punctuation. */
  cjkShort: 1.5,
  /** Between three and sixteen words. */
  titleLength: 1,
  /** One word ("Demo", "Kubervisor"): a label as often as a title. */
  short: -0.5,
  /** More than twenty words. */
  long: -2.5,
  /** Written as a sentence. */
  sentence: -3,
  /** Names a part of a talk ("Summary", "Q&A"), of a recap ("Conclusion", "Travel"), or a day. */
  named: -3,
  /** Only a link or an address. */
  linkOnly: -4,
} as const;

/** From this score on, a line reads as a title. */
export const TITLE_THRESHOLD = 1.5;

export function titleScore(facts: LineFacts, below?: LineFacts): number {
  const w = TITLE_WEIGHTS;
  let score = 0;
  if (facts.speakers.length > 0) score += w.speakers;
  if (facts.talkLabel) score += w.talkLabel;
  if (below?.marker) score += w.markedBelow;
  if (facts.capitalized >= 0.6 && facts.words >= 2) score += w.capitalized;
  if (facts.foreign) score += w.foreign;
  if (facts.cjkShort) score += w.cjkShort;
  if (facts.words >= 3 && facts.words <= 16) score += w.titleLength;
  if (facts.words <= 1) score += w.short;
  if (facts.words > 20) score += w.long;
  if (facts.sentence) score += w.sentence;
  if (facts.role !== undefined) score += w.named;
  if (facts.linkOnly) score += w.linkOnly;
  return score;
}

export function readsAsTitle(facts: LineFacts, below?: LineFacts): boolean {
  return titleScore(facts, below) >= TITLE_THRESHOLD;
}
