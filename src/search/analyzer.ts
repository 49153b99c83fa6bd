import { stemmer as englishStemmer } from "@orama/stemmers/english";
import { stemmer as frenchStemmer } from "@orama/stemmers/french";
// The package's ES module build: its main (CommonJS) entry costs ~25 ms more to load at every start.
import { eng, fra } from "stopword/dist/stopword.esm.mjs";
import { LEXICONS, lexiconOf, type Lexicon } from "../lexicon/index.js";
import { fold } from "../text/fold.js";

/**
 * Text analysis shared by indexing, querying and highlighting, so that a word is compared the same
 * way everywhere: folded case and accents, stop words of English and French out, Snowball stems.
 */

/** Letters of scripts written without spaces: such text is cut into words by Intl.Segmenter. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}]/u;
/** The languages a query is stemmed in: a query does not say which it is written in. */
export const QUERY_LANGUAGES = ["en", "fr"] as const;

/**
 * Stop words are a language's own: "ai" is a French verb and an English topic. A section drops
 * those of its language; a query those of the language it reads as (English unless it reads as
 * French). Each list is the `stopword` package's and the lexicon's (`search.stopWords`).
 */
const PACKAGE_STOP_WORDS: Readonly<Record<string, readonly string[]>> = { en: eng, fr: fra };
const ownStopWords = (lexicon: Lexicon) => [...(PACKAGE_STOP_WORDS[lexicon.code] ?? []), ...lexicon.search.stopWords];
/** Stop words written without spaces (Japanese and Chinese function words): dropped in every language, see SearchWords. */
const EVERYWHERE = LEXICONS.flatMap((lexicon) => lexicon.search.stopWords.filter((word) => UNSPACED_SCRIPT.test(word)));
const stopSet = (...lists: (readonly string[])[]) => new Set(lists.flat().map(fold));
/** The languages with a stemmer (the queries' languages) have their own stop words. */
const STOP_WORDS: Readonly<Record<string, ReadonlySet<string>>> = Object.fromEntries(
  QUERY_LANGUAGES.map((code) => [code, stopSet(ownStopWords(lexiconOf(code)), EVERYWHERE)]),
);
/** Other languages (their sections are stemmed as English): the stop words of every language. */
const ANY_STOP_WORDS = stopSet(...LEXICONS.map(ownStopWords));
const stopWordsOf = (language: string) => STOP_WORDS[language] ?? ANY_STOP_WORDS;

/** A word of the text and where it stands, for highlighting. */
export interface Token {
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+)*/gu;
/** Made on first use: creating it costs ~10 ms, and most texts and queries never need it. */
let segmenter: Intl.Segmenter | undefined;

/** Words with their positions. Scripts written without spaces are cut into words by Intl.Segmenter. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const unspaced = UNSPACED_SCRIPT.test(text);
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    if (unspaced && UNSPACED_SCRIPT.test(match[0])) {
      segmenter ??= new Intl.Segmenter("und", { granularity: "word" });
      for (const seg of segmenter.segment(match[0])) {
        if (seg.isWordLike) tokens.push({ word: seg.segment, start: start + seg.index, end: start + seg.index + seg.segment.length });
      }
    } else {
      tokens.push({ word: match[0], start, end: start + match[0].length });
    }
  }
  return tokens;
}

/** Per UTF-16 code unit, learnt on first sight: 0 not yet known, then one of the kinds below. */
const unitKinds = new Uint8Array(0x10000);
const OTHER = 1;
const LETTER_OR_DIGIT = 2;
/** A letter of a script written without spaces: the text is cut by Intl.Segmenter instead. */
const UNSPACED_LETTER = 3;
/** The first half of a character outside the BMP: the pair tells. */
const HIGH_SURROGATE = 4;
const IS_LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

function kindOf(char: string): number {
  if (!IS_LETTER_OR_DIGIT.test(char)) return OTHER;
  return UNSPACED_SCRIPT.test(char) ? UNSPACED_LETTER : LETTER_OR_DIGIT;
}

function learn(unit: number): number {
  return (unitKinds[unit] = unit >= 0xd800 && unit <= 0xdbff ? HIGH_SURROGATE : kindOf(String.fromCharCode(unit)));
}

/**
 * Where the letter or digit at `i` of `units` (of `length`) ends: `i` when there is none there,
 * -1 when it is a letter of a script written without spaces.
 */
function letterEnd(units: Uint16Array, i: number, length: number): number {
  const unit = units[i]!;
  let kind = unitKinds[unit]!;
  if (kind === 0) kind = learn(unit);
  if (kind === LETTER_OR_DIGIT) return i + 1;
  if (kind === OTHER) return i;
  if (kind === UNSPACED_LETTER) return -1;
  const low = i + 1 < length ? units[i + 1]! : 0;
  if (low < 0xdc00 || low > 0xdfff) return i;
  kind = kindOf(String.fromCharCode(unit, low));
  return kind === LETTER_OR_DIGIT ? i + 2 : kind === OTHER ? i : -1;
}

/** The code units of the text `forEachWord` is scanning, and the words found, reused from one call to the next. */
let units = new Uint16Array(1 << 12);
let ranges = new Int32Array(1 << 10);
/** Buffer.write gives little-endian code units; the Uint16Array reads them in the platform's order. */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * Calls `visit(start, end, units)` for each word `tokenize` finds, in order, where `units` holds the
 * text's UTF-16 code units (valid during the call; not reentrant), without making a string or an
 * object per word: the hot loop of indexing. Copied natively into a typed array, the text is
 * scanned with a table of letters and digits at a fraction of the WORD expression's cost; a text
 * with a letter of a script written without spaces goes through `tokenize`.
 */
export function forEachWord(text: string, visit: (start: number, end: number, units: Uint16Array) => void): void {
  const n = text.length;
  if (units.length < n) units = new Uint16Array(Math.max(n, units.length * 2));
  if (LITTLE_ENDIAN) Buffer.from(units.buffer).write(text, 0, "utf16le");
  else for (let i = 0; i < n; i++) units[i] = text.charCodeAt(i);
  const codes = units;
  let found = 0;
  let i = 0;
  while (i < n) {
    let end = letterEnd(codes, i, n);
    if (end === i) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      while (end > i) {
        i = end;
        end = i < n ? letterEnd(codes, i, n) : i;
      }
      // A hyphen or underscore joins two runs of letters: "cert-manager", "max_pods".
      const unit = codes[i];
      if (end >= 0 && (unit === 45 || unit === 95) && i + 1 < n) {
        end = letterEnd(codes, i + 1, n);
        if (end > i + 1) {
          i++;
          continue;
        }
      }
      break;
    }
    if (end < 0) {
      for (const token of tokenize(text)) visit(token.start, token.end, codes);
      return;
    }
    if (found + 2 > ranges.length) ranges = Int32Array.from({ length: ranges.length * 2 }, (_, r) => ranges[r] ?? 0);
    ranges[found++] = start;
    ranges[found++] = i;
  }
  for (let r = 0; r < found; r += 2) visit(ranges[r]!, ranges[r + 1]!, codes);
}

/** Whether a word is a stop word in `language`, or in any language we know without one. */
export function isStopWord(word: string, language?: string): boolean {
  return (language ? stopWordsOf(language) : ANY_STOP_WORDS).has(fold(word));
}

/** Memo tables per language: a corpus repeats its words, so each distinct word is analyzed once. */
const CACHE_SIZE = 200_000;
const stemCache = new Map<string, Map<string, string | undefined>>();
const termsCache = new Map<string, Map<string, readonly string[]>>();

function memo<T>(caches: Map<string, Map<string, T>>, language: string, word: string, compute: () => T): T {
  let cache = caches.get(language);
  if (!cache) caches.set(language, (cache = new Map()));
  if (cache.has(word)) return cache.get(word)!;
  if (cache.size >= CACHE_SIZE) cache.clear();
  const value = compute();
  cache.set(word, value);
  return value;
}

/** The index term of one word (no hyphen) in a language: its folded stem, or undefined for a stop word. */
export function stem(word: string, language: string): string | undefined {
  return memo(stemCache, language, word, () => stemUncached(word, language));
}

function stemUncached(word: string, language: string): string | undefined {
  const folded = fold(word);
  if (stopWordsOf(language).has(folded)) return undefined;
  // One character is no word, but in Han or katakana it may be ("性", "化"); one kana of hiragana is a particle.
  if (folded.length < 2 && !/[\d\p{Script=Han}\p{Script=Katakana}]/u.test(folded)) return undefined;
  if (UNSPACED_SCRIPT.test(folded)) return folded;
  // The French stemmer needs the accents; the English one works on folded text.
  return language === "fr" ? fold(frenchStemmer(word.toLowerCase())) : englishStem(folded);
}

/** A stem's measure in Porter's sense: how many vowel-consonant sequences it has ("delet" 2, "ment" 1). */
function measure(stem: string): number {
  return stem.replace(/[^aeiouy]+/g, "C").replace(/[aeiouy]+/g, "V").replace(/^C/, "").split("VC").length - 1;
}

/** "-tion" or "-sion", not "-ation" (which the stemmer handles), after a stem of measure 2 or more. */
const ION = /^(.*[st])ion$/;
const ionStem = (word: string) => {
  const match = ION.exec(word);
  return match && !word.endsWith("ation") && measure(match[1]!) > 1 ? match[1]! : undefined;
};

/**
 * The English stem, with Porter's rule for "-ion" done as Porter states it: the package's stemmer
 * cuts "connection" to "connec" and leaves "deletion" whole, so neither met its verb ("connect",
 * "delet"). "-ion" goes after s or t when what is left measures more than 1 ("mention" stays).
 */
function englishStem(word: string): string {
  // Porter's last steps leave what comes before "-ion" as it is.
  const before = ionStem(word.endsWith("ions") ? word.slice(0, -1) : word);
  if (before) return before;
  const stem = englishStemmer(word);
  return ionStem(stem) ?? stem;
}

/** Index terms of one token: each part of a hyphenated word and the parts written together. */
export function termsOfWord(word: string, language: string): readonly string[] {
  return memo(termsCache, language, word, () => {
    const parts = word.split(/[-_]/).filter(Boolean);
    const terms = parts.map((p) => stem(p, language)).filter((t): t is string => t !== undefined);
    // "est-ce", "peut-être": parts that are all stop words make no word together either.
    if (parts.length > 1 && terms.length > 0) {
      const joined = stem(parts.join(""), language);
      if (joined) terms.push(joined);
    }
    return terms;
  });
}

/** Every index term of a text, in order, space separated (what MiniSearch indexes). */
export function analyze(text: string, language: string): string {
  const terms: string[] = [];
  for (const token of tokenize(text.replace(/['’]/g, " "))) terms.push(...termsOfWord(token.word, language));
  return terms.join(" ");
}

const ENGLISH_ONLY = new Set(eng.filter((w) => !fra.includes(w)));
const FRENCH_ONLY = new Set(fra.filter((w) => !eng.includes(w)));
/** The letters that tell French (lowercase; the query is lowercased). */
const FRENCH_LETTERS = new Set(lexiconOf("fr").search.letters);
const hasFrenchLetter = (word: string) => [...word].some((letter) => FRENCH_LETTERS.has(letter));

/**
 * The languages a query reads as written in, when it shows: French by its function words or its
 * accented letters, Japanese by its kana, Chinese or Japanese by Han characters, Korean by Hangul.
 * Empty when nothing tells (most English and one-word queries).
 */
export function queryLanguages(query: string): string[] {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(query)) return ["ja"];
  if (/\p{Script=Han}/u.test(query)) return ["zh", "ja"];
  if (/\p{Script=Hangul}/u.test(query)) return ["ko"];
  let english = 0;
  let french = 0;
  let accented = false;
  for (const word of query.toLowerCase().split(/[^\p{L}]+/u)) {
    const lettered = hasFrenchLetter(word);
    if (ENGLISH_ONLY.has(word)) english++;
    else if (FRENCH_ONLY.has(word) || lettered) french++;
    accented ||= lettered;
  }
  // One French function word alone ("ai") does not make a query French.
  return french > english && (french >= 2 || accented) ? ["fr"] : [];
}
