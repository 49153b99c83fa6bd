import { fold } from "../text/fold.js";

/** Groups of words and phrases that mean the same, as lists of folded words. */
export type SynonymGroups = string[][][];

/** A run of query words and the phrases that may stand for it (itself first). */
export interface Concept {
  /** How many query words it covers. */
  length: number;
  alternatives: string[][];
}

/** Each group's phrases by their first word, so that a query word looks only at the phrases it may begin. */
const byFirstWord = new WeakMap<SynonymGroups, Map<string, { group: string[][]; phrase: string[] }[]>>();

function phrasesByFirstWord(groups: SynonymGroups): Map<string, { group: string[][]; phrase: string[] }[]> {
  let index = byFirstWord.get(groups);
  if (!index) {
    index = new Map();
    for (const group of groups) {
      for (const phrase of group) {
        if (phrase.length === 0) continue;
        const list = index.get(phrase[0]!) ?? [];
        list.push({ group, phrase });
        index.set(phrase[0]!, list);
      }
    }
    byFirstWord.set(groups, index);
  }
  return index;
}

/**
 * Reads query words left to right (compared folded), taking at each place the longest phrase that belongs
 * to a synonym group; other words stand for themselves.
 */
export function expandSynonyms(words: readonly string[], groups: SynonymGroups): Concept[] {
  const index = phrasesByFirstWord(groups);
  const folded = words.map(fold);
  const concepts: Concept[] = [];
  for (let i = 0; i < words.length; ) {
    let best: { group: string[][]; length: number } | undefined;
    for (const { group, phrase } of index.get(folded[i]!) ?? []) {
      const fits = phrase.length <= words.length - i && phrase.every((w, k) => w === folded[i + k]);
      if (fits && phrase.length > (best?.length ?? 0)) best = { group, length: phrase.length };
    }
    if (best) {
      const own = words.slice(i, i + best.length);
      const others = best.group.filter((p) => p.join(" ") !== own.join(" "));
      concepts.push({ length: best.length, alternatives: [own, ...others] });
      i += best.length;
    } else {
      concepts.push({ length: 1, alternatives: [[words[i]!]] });
      i += 1;
    }
  }
  return concepts;
}
