import { LEXICONS } from "../lexicon/index.js";
import type { TakeawayWords } from "../lexicon/lexicon.js";

export type TakeawayKind = keyof TakeawayWords;

/** The entries of one kind in every language, as written. */
function entriesOf(kind: TakeawayKind): string[] {
  return LEXICONS.flatMap((lexicon) => lexicon.takeaways[kind] ?? []);
}

/**
 * The entries of one kind in every language, as regular-expression alternatives ("than|…|plutôt que"):
 * recaps mix languages, so a statement is read with all. A kind no language lists matches nothing.
 */
export function any(kind: TakeawayKind): string {
  const entries = entriesOf(kind);
  return entries.length ? entries.join("|") : "(?!)";
}

/** The words of one kind anywhere in a text, whole (not inside a longer word), in any case. */
export function anywhere(kind: TakeawayKind): RegExp {
  return new RegExp(`(?<![\\p{L}-])(${any(kind)})(?![\\p{L}-])`, "iu");
}

/** The entries of one kind that are plain words (abbreviations, capitals), as written. */
export function wordSet(kind: TakeawayKind): Set<string> {
  return new Set(entriesOf(kind));
}

/** A language's word as it opens a sentence: "the" → "The", "l['’]" → "L['’]". */
export function capitalized(kind: TakeawayKind): string {
  return entriesOf(kind)
    .map((entry) => entry.charAt(0).toUpperCase() + entry.slice(1))
    .join("|");
}
