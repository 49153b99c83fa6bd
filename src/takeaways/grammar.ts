import { isFunctionWord } from "../corpus/words.js";
import { lexiconOf } from "../lexicon/index.js";

/**
 * Just enough grammar of English and French to judge a takeaway: whether a statement has a
 * conjugated verb, and whether it opens with one (a bullet whose subject is the heading above).
 * The rules are English's and French's; their words are the lexicons' (`takeaways`, Grammar).
 */

const en = lexiconOf("en").takeaways;
const fr = lexiconOf("fr").takeaways;
const set = (words: readonly string[] | undefined) => new Set(words ?? []);
const opening = (words: readonly string[] | undefined) => new RegExp(`^(${(words ?? []).join("|") || "(?!)"})$`, "i");

const VERB_LEMMAS = set(en.verbLemmas);
const ALWAYS_FINITE = set(en.finiteVerbs);
const ENGLISH_CONJUGATED = new Set<string>([...(en.pastForms ?? []), ...[...VERB_LEMMAS].flatMap(inflections)]);
const ENGLISH_NOT_SUBJECT = set(en.beforeNoVerb);
const PREPOSITIONS = set(en.participlePrepositions);
const ENGLISH_PRONOUNS = set(en.subjectPronouns);
const ENGLISH_PARTICIPLE_OPENINGS = opening(en.verbOpenings);
const SUBJECTLESS_AUXILIARIES = set(en.subjectlessAuxiliaries);
const FRENCH_CONJUGATED = set(fr.finiteVerbs);
const FRENCH_PRONOUNS = set(fr.subjectPronouns);
const FRENCH_DETERMINERS = set(fr.pluralDeterminers);
const FRENCH_VERB_OPENINGS = opening(fr.verbOpenings);

/** The -s and -ed forms of a regular English verb: scale → scales, scaled; try → tries, tried. */
function inflections(lemma: string): string[] {
  if (/[^aeiou]y$/.test(lemma)) return [`${lemma.slice(0, -1)}ies`, `${lemma.slice(0, -1)}ied`];
  if (/(s|x|z|ch|sh)$/.test(lemma)) return [`${lemma}es`, `${lemma}ed`];
  if (lemma.endsWith("e")) return [`${lemma}s`, `${lemma}d`];
  return [`${lemma}s`, `${lemma}ed`];
}

/** The words of a text as written (apostrophes made straight). */
function wordsAsWritten(text: string): string[] {
  return text
    .replace(/’/g, "'")
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter((token) => /\p{L}/u.test(token));
}

function tokens(text: string): string[] {
  return wordsAsWritten(text).map((word) => word.toLowerCase());
}

/**
 * Whether a statement has a conjugated verb. "Seccomp limits the system calls" and "Docker has"
 * do; "Thanos: new UI, multi tenancy" and "Cert-Manager pour la génération des certificats" don't.
 * A verb lemma right after a plural noun or a pronoun counts too ("processes bypass the checks").
 */
export function hasConjugatedVerb(text: string, language: string): boolean {
  const words = tokens(text);
  const written = wordsAsWritten(text);
  if (language === "fr") {
    return words.some((word, i) => {
      const previous = words[i - 1];
      if (FRENCH_CONJUGATED.has(word) || /^(s|n|qu)'\p{L}{3,}$/u.test(word)) return true;
      if (previous && FRENCH_PRONOUNS.has(previous)) return true;
      // A verb after a name: "Cilium remplace kube-proxy", "Kyverno gère les politiques".
      if (i > 0 && /^\p{Lu}/u.test(written[i - 1]!) && /\p{L}{3,}(e|ent|it)$/u.test(word) && !isFunctionWord(word)) return true;
      // A plural verb after a plural noun: "les commentaires confirment".
      return /\p{L}{3,}ent$/u.test(word) && previous !== undefined && /\p{L}{3,}[sx]$/u.test(previous) && !FRENCH_DETERMINERS.has(previous);
    });
  }
  return words.some((word, i) => {
    const previous = words[i - 1];
    if (ALWAYS_FINITE.has(word)) return true;
    if (previous && ENGLISH_NOT_SUBJECT.has(previous)) return false;
    // "focused on", "aimed at": a participle, not a verb.
    if (ENGLISH_CONJUGATED.has(word)) return i > 0 && !(word.endsWith("ed") && PREPOSITIONS.has(words[i + 1] ?? ""));
    // A lemma after a pronoun or a plural common noun: "they run", "the colors denote", "processes
    // bypass"; a name ending in s ("Kubernetes use case") is no plural.
    if (!VERB_LEMMAS.has(word) || previous === undefined) return false;
    // A plural acronym is a plural noun too: "VMs use NVIDIA GRID".
    return ENGLISH_PRONOUNS.has(previous) || (/[^s]s$/.test(previous) && written[i - 1] === previous) || /^\p{Lu}{2,}s$/u.test(written[i - 1]!);
  });
}


/**
 * Whether a statement opens with its verb, its subject left in the heading above: "Scales up the
 * number of replicas", "Meant exclusively for...", "Permet de ...". A gerund ("Managing signatures
 * involves ...") is a subject, not such an opening.
 */
export function opensWithVerb(text: string, language: string): boolean {
  const [first, second] = tokens(text);
  if (!first) return false;
  if (language === "fr") return FRENCH_VERB_OPENINGS.test(first);
  // "Has to support multiple teams", "Is a tool for ...": an auxiliary whose subject is the heading.
  if (SUBJECTLESS_AUXILIARIES.has(first) && second !== undefined) return true;
  // "Limits are enforced": a noun followed by its verb.
  if (first.endsWith("ing") || (second !== undefined && ALWAYS_FINITE.has(second))) return false;
  if (ENGLISH_PARTICIPLE_OPENINGS.test(first)) return true;
  const lemma = [first, first.replace(/ies$/, "y"), first.replace(/es$/, ""), first.replace(/s$/, "")].find((form) => VERB_LEMMAS.has(form));
  return lemma !== undefined;
}
