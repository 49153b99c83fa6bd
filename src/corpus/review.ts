import type { Section } from "./section.js";
import { wordsOf } from "./words.js";

/** More lines than this in one talk: the segmenter probably missed the talks inside it. */
export const LONG_SECTION = 200;

/** Longer than this, a title is probably a sentence the segmenter took for one. */
export const LONG_TITLE = 120;

/** A title that reads as a sentence: it ends like one, or holds two. */
function readsAsSentence(title: string): boolean {
  return /[.!。]$/.test(title) || /[.!?]\s+\p{Lu}/u.test(title) || wordsOf(title).length > 20;
}

/**
 * What looks wrong in the sections of a recap, one line each, for the ingest report: a title too long
 * or that reads as a sentence, a section of one line or of more than LONG_SECTION, no speaker at all.
 */
export function sectionWarnings(sections: readonly Section[]): string[] {
  const warnings: string[] = [];
  for (const s of sections.filter((section) => section.kind === "talk")) {
    if (s.talk.length > LONG_TITLE) warnings.push(`“${s.talk.slice(0, 60)}…” is a title of ${s.talk.length} characters: is it a sentence?`);
    else if (readsAsSentence(s.talk)) warnings.push(`“${s.talk}” reads as a sentence, not a title.`);
    if (s.bullets.length === 1) warnings.push(`“${s.title}” has one line: is it a talk, or part of the one before?`);
    if (s.bullets.length > LONG_SECTION) warnings.push(`“${s.title}” has ${s.bullets.length} lines: it may hold talks the segmenter missed.`);
  }
  if (sections.length > 0 && sections.every((s) => s.speakers.length === 0)) warnings.push("No speaker was found in any section.");
  return warnings;
}
