// The ES module build, as the analyzer imports it: the bundle then holds one copy of the lists.
import { eng, fra } from "stopword/dist/stopword.esm.mjs";

/** Small function words of English and French, used to judge how a line is written. */
const ENGLISH = new Set(eng);
const FRENCH = new Set(fra);

export function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}'’-]+/u).filter((w) => /\p{L}/u.test(w));
}

export function isFunctionWord(word: string): boolean {
  const w = word.toLowerCase();
  return ENGLISH.has(w) || FRENCH.has(w);
}

export function isEnglishFunctionWord(word: string): boolean {
  return ENGLISH.has(word.toLowerCase());
}

/** Which of the two languages a short line is written in, by its function words; undefined if neither shows. */
export function lineLanguage(text: string): "en" | "fr" | undefined {
  let en = 0;
  let fr = 0;
  for (const word of wordsOf(text.toLowerCase())) {
    for (const part of word.split(/['’]/)) {
      if (ENGLISH.has(part) && !FRENCH.has(part)) en++;
      else if (FRENCH.has(part) && !ENGLISH.has(part)) fr++;
    }
  }
  if (en === fr) return undefined;
  return en > fr ? "en" : "fr";
}

/**
 * Share of content words after the first that carry a capital: titles are written
 * "Moving Cloud Native beyond HTTP", sentences "Linkerd provides some help".
 */
export function capitalizedShare(text: string): { share: number; contentWords: number } {
  const content = wordsOf(text).slice(1).filter((w) => !isFunctionWord(w));
  if (content.length === 0) return { share: 0, contentWords: 0 };
  const capitalized = content.filter((w) => /\p{Lu}/u.test(w)).length;
  return { share: capitalized / content.length, contentWords: content.length };
}

/** True when the line ends with a word that needs a next one ("with", "the", "are"). */
export function endsMidSentence(text: string): boolean {
  if (/[,(\-–—&/]$/.test(text)) return true;
  if ((text.match(/\(/g)?.length ?? 0) > (text.match(/\)/g)?.length ?? 0)) return true;
  const last = wordsOf(text).at(-1);
  return last !== undefined && /[\p{L}]$/u.test(text) && isFunctionWord(last);
}

/** Languages written without spaces or capitals, where titles cannot be told by their case. */
export function isCjk(language: string): boolean {
  return language === "ja" || language === "zh" || language === "ko";
}
