import { fold } from "../text/fold.js";
import { de } from "./de.js";
import { en } from "./en.js";
import { es } from "./es.js";
import { fr } from "./fr.js";
import { ja } from "./ja.js";
import type { Lexicon } from "./lexicon.js";
import { pt } from "./pt.js";
import { zh } from "./zh.js";

export type { Lexicon } from "./lexicon.js";

/** Every language the segmenter reads. Recaps mix them ("Keynotes" in a French post), so a line is read with all. */
export const LEXICONS: readonly Lexicon[] = [en, fr, ja, zh, de, es, pt];

type PhraseList = { [K in keyof Lexicon]: Lexicon[K] extends readonly string[] ? K : never }[keyof Lexicon];

/** A line as phrases are compared: folded, its closing colon or punctuation and its spacing aside. */
export function phraseKey(text: string): string {
  return fold(text)
    .replace(/[’`]/g, "'")
    .replace(/[\s\u3000]+/g, " ")
    .replace(/[\s:：.!?！？…,;-]+$/u, "")
    .trim();
}

function matcher(kind: PhraseList): (text: string) => boolean {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const lexicon of LEXICONS) {
    for (const phrase of lexicon[kind]) {
      const key = phraseKey(phrase.replace(/\*$/, ""));
      if (phrase.endsWith("*")) prefixes.push(key);
      else exact.add(key);
    }
  }
  // A prefix must end at a word's end ("party*" takes "party time", not "partyline").
  const wordEnd = (key: string, at: number) => at >= key.length || !/[\p{L}\p{N}]/u.test(key[at]!) || !/[\p{L}\p{N}]/u.test(key[at - 1]!) || /[^\p{Script=Latin}\p{N}]/u.test(key[at - 1]!);
  return (text) => {
    const key = phraseKey(text);
    if (!key) return false;
    return exact.has(key) || prefixes.some((p) => key.startsWith(p) && wordEnd(key, p.length));
  };
}

/** The words of every language, as one union: what each list is for is said in `Lexicon`. */
function union(kind: PhraseList): readonly string[] {
  return [...new Set(LEXICONS.flatMap((l) => l[kind].map((w) => w.replace(/\*$/, ""))))];
}

const isListOfTalks = matcher("containers");
export const isTopicGroupPhrase = matcher("topicGroups");
/** A heading over talks or topics: "Keynotes", "Sessions I attended", "Notes on security". */
export const isContainerPhrase = (text: string) => isListOfTalks(text) || isTopicGroupPhrase(text);
export const isPartPhrase = matcher("parts");
export const isNotesTopicPhrase = matcher("notesTopics");
export const isFurniturePhrase = matcher("furniture");
export const isTalkWord = matcher("talkWords");

/** Regular-expression alternatives of a list, longest first, escaped. */
export function alternatives(kind: PhraseList): string {
  return [...union(kind)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
}

export const WEEKDAYS = alternatives("weekdays");
export const MONTHS = alternatives("months");
export const DAY_WORDS = alternatives("dayWords");
export const NUMBER_WORDS = alternatives("numberWords");
export const PARTS_OF_DAY = alternatives("partsOfDay");
export const TALK_WORDS = alternatives("talkWords");
export const KEYNOTE_WORDS = alternatives("keynoteWords");
export const UNIT_LABELS = alternatives("unitLabels");
export const SPEAKER_LABELS = alternatives("speakerLabels");
export const BY_WORDS = alternatives("byWords");
export const AND_WORDS = alternatives("andWords");
export const MEDIA_WORDS = alternatives("mediaWords");
export const REPORTING_VERBS = alternatives("reportingVerbs");
export const HONORIFICS = alternatives("honorifics");
export const JOB_TITLES = alternatives("jobTitles");
export const TITLE_LABELS = alternatives("titleLabels");

/** What a lexicon is for a recap's language, English when the language is not one we know. */
export function lexiconOf(code: string): Lexicon {
  return LEXICONS.find((l) => l.code === code) ?? en;
}
