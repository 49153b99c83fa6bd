import type { Corpus } from "./corpus.js";
import { sectionsOf } from "./corpus.js";
import { parseRecapFile, RecapFileError } from "./recap-file.js";
import type { Recap } from "./section.js";
import { STORED, storedRecapName } from "./stored-recap-name.js";
import type { Topic } from "./topics.js";

/** A recap file kept elsewhere than the corpus folder (the recap store): its name and its text. */
export interface RecapText {
  name: string;
  text: string;
}

/** Where a served recap comes from: the corpus folder shipped with the bot, or the recap store. */
export type RecapOrigin = "shipped" | "stored";

export { storedRecapName };

export const originOf = (recap: Recap): RecapOrigin => (recap.file.startsWith(STORED) ? "stored" : "shipped");

/**
 * The corpus with the stored recaps after the folder's, in the order given. A stored recap whose id
 * the corpus has already (another post of the same title) is served under the id with the first
 * free `-<n>` after it, so no recap hides another; one that cannot be read is a problem, skipped.
 */
export function withStoredRecaps(corpus: Corpus, texts: readonly RecapText[], topics: readonly Topic[]): Corpus {
  const ids = new Set(corpus.recaps.map((recap) => recap.id));
  const merged: Corpus = { recaps: [...corpus.recaps], sections: [...corpus.sections], problems: [...corpus.problems] };
  for (const { name, text } of texts) {
    let recap: Recap;
    try {
      recap = parseRecapFile(name, text);
    } catch (error) {
      if (!(error instanceof RecapFileError)) throw error;
      merged.problems.push(error.message);
      continue;
    }
    let id = recap.id;
    for (let n = 2; ids.has(id); n++) id = `${recap.id}-${n}`;
    ids.add(id);
    const served = { ...recap, id };
    merged.recaps.push(served);
    merged.sections.push(...sectionsOf(served, topics));
  }
  return merged;
}

/** How many recaps of a corpus come from each origin (both named, so a gauge shows a zero). */
export function recapsByOrigin(corpus: Pick<Corpus, "recaps">): Record<RecapOrigin, number> {
  const counts: Record<RecapOrigin, number> = { shipped: 0, stored: 0 };
  for (const recap of corpus.recaps) counts[originOf(recap)]++;
  return counts;
}
