import { isFunctionWord } from "../corpus/words.js";

/**
 * Just enough grammar of English and French to judge a takeaway: whether a statement has a
 * conjugated verb, and whether it opens with one (a bullet whose subject is the heading above).
 * Small closed lists of the languages' own words, never words of the corpus.
 */

/** English verbs common in technical notes, as lemmas; their -s and -ed forms are derived. */
const ENGLISH_VERBS = [
  "abstract", "add", "adjust", "aim", "allow", "apply", "assign", "attach", "automate", "avoid", "block", "build",
  "bypass", "call", "cause", "change", "check", "collect", "combine", "compile", "configure", "connect", "consume",
  "contain", "control", "convert", "correlate", "create", "debug", "decide", "decouple", "define", "delete", "deliver",
  "denote", "depend", "deploy", "describe", "design", "detect", "determine", "drain", "drop", "eliminate", "enable", "encrypt",
  "enforce", "ensure", "evict", "expose", "extend", "fail", "fetch", "focus", "follow", "gather", "generate", "grab",
  "grow", "handle", "help", "hold", "host", "ignore", "implement", "improve", "include", "increase", "inject",
  "install", "integrate", "introduce", "involve", "isolate", "keep", "lack", "launch", "lead", "leverage", "limit",
  "listen", "load", "lock", "log", "look", "maintain", "manage", "match", "maximize", "mean", "measure", "merge", "migrate", "minimize",
  "monitor", "mount", "move", "need", "offer", "operate", "optimize", "order", "own", "pack", "package", "parse", "pass",
  "perform", "pick", "plan", "prefer", "prevent", "prioritize", "process", "produce", "protect", "provide", "publish", "pull",
  "push", "query", "reach", "read", "receive", "reconcile", "record", "reduce", "release", "rely", "remove", "replace",
  "report", "require", "reserve", "reside", "resolve", "restart", "restrict", "return", "reuse", "rotate", "route",
  "run", "save", "scale", "scan", "schedule", "secure", "select", "send", "serve", "set", "share", "ship", "sign",
  "simplify", "snapshot", "solve", "sort", "split", "standardize", "start", "stop", "store", "stream", "submit", "supplement",
  "support", "swap", "switch", "sync", "take", "target", "test", "throttle", "track", "transform", "translate",
  "trigger", "trust", "try", "turn", "unify", "update", "upgrade", "use", "validate", "verify", "wait", "watch",
  "work", "wrap", "write",
];
/** Auxiliaries, modals and irregular forms that are always conjugated. */
const ENGLISH_FINITE = [
  "is", "are", "was", "were", "am", "has", "have", "had", "can", "could", "will", "would", "shall", "should", "may",
  "might", "must", "does", "do", "did", "cannot", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't",
  "doesn't", "don't", "didn't", "can't", "won't", "wouldn't", "shouldn't", "couldn't", "it's", "that's", "there's",
  "became", "becomes", "began", "came", "comes", "gave", "gives", "got", "gets", "goes", "went", "knew", "knows",
  "lets", "makes", "ran", "runs", "said", "says", "saw", "sees", "shows", "took", "takes", "told", "tells", "thinks",
  "thought", "wrote",
];
/** Irregular past forms that are participles as often: conjugated only after a subject. */
const ENGLISH_PAST = ["built", "made", "meant", "kept", "led", "left", "sent", "brought", "set", "become", "found", "held"];
/** Words a conjugated verb never follows directly: "the limits", "to scale", "of processes". */
const ENGLISH_NOT_SUBJECT = new Set([
  "a", "an", "the", "to", "of", "for", "in", "on", "at", "by", "with", "from", "into", "about", "and", "or", "its",
  "their", "your", "our", "my", "his", "her", "some", "all", "many", "more", "most", "few", "several", "these",
  "those", "each", "every", "no", "any", "other", "such", "both", "new", "without", "per", "via", "than", "as",
]);

/** French conjugated forms common in notes: être, avoir, modal and frequent verbs. */
const FRENCH_FINITE = [
  "est", "sont", "était", "étaient", "sera", "seront", "serait", "fut", "a", "ont", "avait", "avaient", "aura",
  "auront", "peut", "peuvent", "pourra", "pourrait", "doit", "doivent", "devra", "faut", "fait", "font", "va", "vont",
  "permet", "permettent", "propose", "proposent", "reste", "restent", "existe", "existent", "offre", "offrent",
  "devient", "deviennent", "consiste", "consistent", "utilise", "utilisent", "gère", "gèrent", "fournit",
  "fournissent", "supporte", "supportent", "contient", "contiennent", "nécessite", "nécessitent", "apporte",
  "apportent", "dépend", "dépendent", "suffit", "prend", "prennent", "donne", "donnent", "montre", "montrent",
  "reste", "vient", "viennent", "sert", "servent", "évite", "évitent", "limite", "limitent", "tourne", "tournent",
  "expose", "exposent", "garantit", "assure", "assurent", "ajoute", "ajoutent", "améliore", "améliorent", "c'est",
  "n'est", "s'agit",
];
/** French verbs that open a bullet without a subject: "Permet de ...", "Gère les ...", "Utiliser ...". */
const FRENCH_VERB_OPENINGS =
  /^(permet|permettre|gère|gérer|utilise|utiliser|supporte|supporter|ajoute|ajouter|fournit|fournir|propose|proposer|offre|offrir|déploie|déployer|installer|installe|configurer|configure|éviter|évite|automatise|automatiser|collecte|collecter|surveille|surveiller|basée?s?|conçue?s?|utilisée?s?|déployée?s?|prévue?s?|destinée?s?)$/i;
/** English participles that open a bullet without a subject: "Meant for ...", "Controlled by ...". */
const ENGLISH_PARTICIPLE_OPENINGS =
  /^(meant|built|based|designed|used|controlled|deployed|introduced|focused|aimed|written|made|known|called|driven|intended|supported|managed|provided|available)$/i;

/** Auxiliaries that open a statement only when its subject is missing (questions aside). */
const SUBJECTLESS_AUXILIARIES = new Set(["has", "have", "is", "are", "was", "were", "needs", "makes", "gives", "takes", "runs", "lets", "gets"]);

const VERB_LEMMAS = new Set(ENGLISH_VERBS);
const ALWAYS_FINITE = new Set(ENGLISH_FINITE);
const ENGLISH_CONJUGATED = new Set<string>([...ENGLISH_PAST, ...ENGLISH_VERBS.flatMap(inflections)]);
const FRENCH_CONJUGATED = new Set(FRENCH_FINITE);

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
      if (previous && /^(il|elle|on|ils|elles|qui|nous|vous)$/.test(previous)) return true;
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
    return /^(we|they|you|i)$/.test(previous) || (/[^s]s$/.test(previous) && written[i - 1] === previous);
  });
}

const PREPOSITIONS = new Set(["on", "at", "in", "by", "for", "with", "from", "to", "into", "as", "under", "over", "via"]);
const FRENCH_DETERMINERS = new Set(["les", "des", "ces", "mes", "tes", "ses", "nos", "vos", "aux", "leurs"]);

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
