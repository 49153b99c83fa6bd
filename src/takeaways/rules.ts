import type { Bullet, Section } from "../corpus/section.js";
import { hasConjugatedVerb, opensWithVerb } from "./grammar.js";

/** A candidate statement with what the rules read around it. */
export interface Candidate {
  text: string;
  language: string;
  /** `list` when the recap itself called it a takeaway, lesson or conclusion. */
  origin: "list" | "bullet" | "sentence";
  section: Pick<Section, "tags">;
  /** The bullet or paragraph it was cut from, and the lines around that one. */
  line: Bullet;
  previous?: Bullet;
  next?: Bullet;
  /** The nearest line above that its line nests under. */
  parent?: Bullet;
  /** The run of sibling lines (same depth, one after the other) its line sits in. */
  siblings: readonly Bullet[];
  /** Whether it is the first, the last sentence of its line. */
  first: boolean;
  last: boolean;
}

/**
 * One named reason a takeaway is not worth a daily post. `factor` is 1 when the rule has nothing
 * to say, 0 when the candidate must never be posted, and in between when it makes it weaker.
 */
export interface Rule {
  name: string;
  factor(candidate: Candidate): number;
}

/** A takeaway is postable when its score is above this. */
export const POSTABLE_THRESHOLD = 0.5;

export function isPostable(score: number): boolean {
  return score > POSTABLE_THRESHOLD;
}

/** Statements shorter than this are too thin to stand alone ("Networking is hard."). */
const THIN_LENGTH = 60;

const NEVER = 0;

const rule = (name: string, factor: number, applies: (c: Candidate) => boolean): Rule => ({
  name,
  factor: (c) => (applies(c) ? factor : 1),
});

const test = (pattern: RegExp) => (c: Candidate) => pattern.test(c.text);

/** "Name: attributes", the label a short noun phrase without a verb. */
function labelled(c: Pick<Candidate, "text" | "language">): { label: string; rest: string } | undefined {
  const match = /^([^:]{2,100}?)\s?:\s+(\S.*)$/u.exec(c.text);
  if (!match) return undefined;
  const label = match[1]!;
  // Words in brackets describe the name: "Falco (consume and enrich kernel events – incubating)".
  let name = label;
  while (/\([^()]*\)/.test(name)) name = name.replace(/\([^()]*\)/g, " ");
  name = name.trim();
  if (name.split(/\s+/).length > 5 || hasConjugatedVerb(name, c.language)) return undefined;
  return { label, rest: match[2]! };
}

/** A run of at least three "Name: attributes" lines: a catalogue (project updates, tool lists). */
function inCatalogue(c: Candidate): boolean {
  return c.siblings.filter((line) => labelled({ text: line.text, language: c.language })).length >= 3;
}

/** Praise, thanks, venue and food, sponsors: about the conference, not about the technology. */
const CHIT_CHAT =
  /(?<![\p{L}-])(cool|awesome|amazing|great (talk|demo|session|keynote|job|story|presentation)|interesting|nice|fun|funny|impressive|impressed|excellent|fantastic|enjoy(ed|able)?|worth (it|the time|watching|a watch|seeing)|must[- ]see|shout[- ]?out|thanks?|thank you|kudos|congrat\p{L}*|well done|venue|catering|food|lunch|dinner|breakfast|coffee|part(y|ies)|swag|booths?|hotel|weather|beautiful|sponsor(ed|s|ing)?|platinum|tribute|génial|sympa|chouette|intéressante?s?|impressionnante?s?|passionnante?s?|bravo|merci|remerci\p{L}*|félicit\p{L}*|repas|traiteur|soirée|buffet|sponsoris\p{L}*)(?![\p{L}-])/iu;

/** The write-up telling how the session went rather than what it taught. */
const NARRATION =
  /(?<![\p{L}-])((started|starts|began|begins|continued|continues|kicked off|wrapped up|concluded|ended|finished) (with|by|on|off|describing|talking|explaining|presenting|the)|talked|spoke|presented|demo['’]?ed|demoed|showed us|walked us|took us|told us|gave (us|an overview|a presentation|a talk)|went through|introduced (us|by)|(was|were) (introduced|presented|shown|demoed)|during (the|a) (demo|talk|keynote|session|presentation|panel)|we (could|can) see|the (speaker|presenter|speakers|presenters|session|keynotes?|panel|demo|audience)\b|speaker \(|s['’]encha[iî]n\p{L}*|nous (a|ont|sont) (présenté|montré|expliqué)\p{L}*|(a|ont) présenté|démonstrations?|on a pu voir|revient sur|commence par|termine par|on fini\p{L}*|l['’]orateur|la présentation|le public)(?![\p{L}-])/iu;

/** Endings that promise a word that never came: "called", "via", "ie.", "e.g.", a colon. */
const FRAGMENT_ENDING =
  /((?<![\p{L}-])(called|named|via|using|with|like|such as|including|namely|ie|i\.e|e\.g|eg|cf|appelée?s?|nommée?s?|comme|avec|notamment|par exemple)\.?|:)$/iu;

/** Two bullets glued together by a lost line break: "... integrations - Uses runc rootless". */
const GLUED_BULLETS = /\s-\s+\p{Lu}|[.!?]\s+\(/u;

/** A line that is only a negation: the page broke "No Dockerfile support" after "No". */
const BARE_NEGATION = /^(no|not|non|pas|sans|never|jamais|without|aucune?)\.?$/i;

/** Openings that lean on what came before: "Another part is...", "In the end", "The plugin". */
const LEANING_OPENING = new RegExp(
  "^(another|other|others|the other|the (same|latter|former|rest|remaining|following|next|last|first|second|third|final)|" +
    "in the end|at the end|finally|lastly|then|next|also|as well|similarly|likewise|both|either|neither|meanwhile|" +
    "in addition|additionally|besides|moreover|furthermore|on top of that|on the other hand|as a result|still|again|" +
    "an alternative|one of them|some of them|most of them|all of them|none of them|" +
    "un autre|une autre|d['’]autres|l['’]autre|les autres|enfin|finalement|au final|à la fin|ensuite|puis|aussi|" +
    "également|de même|de plus|en outre|par ailleurs|l['’]ensemble|le reste|ce dernier|cette dernière|celui-ci|" +
    "celle-ci|le premier|la première|le dernier|la dernière)(?![\\p{L}-])|" +
    // A definite article and a noun that only names something from earlier lines: "The plugin reserves".
    "^(the|le|la|les|l['’])\\s*(plugin|design|project|tool|idea|goal|solution|approach|feature|model|colou?rs?|query|" +
    "demo|result|results|team|company|problem|answer|reason|point|part|process|method|mod[eè]le|projet|outil|idée|but|" +
    "solution|approche|fonctionnalité|chiffres?|résultats?|équipe|problème)s?(?![\\p{L}-])(?!\\s+(of|de|d['’]|du|des|for|pour)\\b)",
  "iu",
);
/** Words anywhere that point back: "also", "as well", "anymore", "such APIs", "aussi". */
const LEANING_WORD =
  /(?<![\p{L}-])(also|as well(?! as)|anymore|(?<!even )though|such (?!as\b)\p{L}+|aussi|également|non plus|de même)(?![\p{L}-])/iu;
/** A label's attributes that go on from something else: "Someone else’s app: and its state...". */
const CONJUNCTION_OPENING = /^(and|but|or|so|et|mais|ou|donc)(?![\p{L}-])/iu;
/** A question and its answer: "What is (e)BPF: ...", "Why OpenTelemetry? because ...". */
const QUESTION = /\?|^(what|why|how|who|which) (is|are|do|does|can|should)(?![\p{L}-])|^(pourquoi|comment|qu['’]est-ce)(?![\p{L}-])/iu;

/** Sentences that only announce what follows: "the first thing to do is to...", "here are". */
const PROMISE =
  /(?<![\p{L}-])(the first thing to do|first step is|here (is|are)|the following|as follows|there (are|were) (two|three|four|five|several|many|\d+) (main )?\p{L}+|let['’]s (see|look)|voici|voilà|ci-dessous|suivante?s?|deux techniques|plusieurs (points|techniques|approches))(?![\p{L}-])/iu;

/** Pointers at a page, a link or a publication, in either language. */
const REFERENCE =
  /(?<![\p{L}-])(you can find|can be found|check (it )?out|see (the )?(link|slides|video|blog|post|article|docs?|documentation|repo)|available (here|online|on github)|more (info|information|details) (here|at|on|in)|read more|dont vous pouvez|vous pouvez (retrouver|trouver|consulter|lire)|retrouvez|à retrouver|disponibles? (ici|sur|en ligne)|voir (le|la|les) (lien|slides|article|vidéo|publication)|la publication|l['’]article|le lien)(?![\p{L}-])/iu;

/** News of the day it was written: plans, releases, "now", "recently", "will". Stale a year later. */
const DATED =
  /(?<![\p{L}-])(released|announced|launched|unveiled|went ga|graduated|annoncée?s?|will|won['’]t|might|soon|recent(ly)?|nowadays|now|currently|today|as of|yet|upcoming|coming|this year|last year|plans? to|planned|wants? to|going to|roadmap|in the (near )?future|sera|seront|serait|vont|prochaine(ment)?|bientôt|récemment|actuellement|aujourd['’]hui|désormais|maintenant|cette année|pas encore|en cours)(?![\p{L}-])/iu;

/** Filler of spoken or hurried writing: "more stuff that can break", "it's a bytecode basically". */
const INFORMAL = /(?<![\p{L}-])(stuff|basically|kinda|sort of|gonna|wanna|pretty much|trucs?|bref)(?![\p{L}-])/iu;

/** The speakers or the writer as characters: "he", "his company", "gave us", "il s’évade". */
const PERSONAL =
  /(?<![\p{L}-])(he|she|his|her|him|himself|herself|us|our|ours|let['’]s|we (can|could|are|were|need|have|had|saw|see|got|learned|heard)|elle|ils|elles|nous|notre|nos|il(?! (faut|y a|est possible|s['’]agit|existe)))(?![\p{L}-])|^we(?![\p{L}-])/iu;

/** The rules, in the order their reasons are listed. */
export const RULES: readonly Rule[] = [
  // 1. Chit-chat and narration; a section with no topic tag is about the conference itself.
  rule("no-topic", NEVER, (c) => c.section.tags.length === 0),
  rule("chit-chat", NEVER, test(CHIT_CHAT)),
  rule("narration", NEVER, test(NARRATION)),
  // 2. Lines broken around inline code or abbreviations.
  rule("fragment-ending", NEVER, test(FRAGMENT_ENDING)),
  rule("glued-bullets", NEVER, test(GLUED_BULLETS)),
  rule("lost-negation", NEVER, (c) => c.first && c.previous !== undefined && BARE_NEGATION.test(c.previous.text.trim())),
  // 3. The subject left in the heading: "Scales up the number of replicas".
  rule("subject-less", 0.3, (c) => opensWithVerb(labelled(c)?.rest ?? c.text, c.language)),
  rule("verbless", 0.35, (c) => c.origin !== "list" && !labelled(c) && !hasConjugatedVerb(c.text, c.language)),
  // 4. Dependence on an earlier line.
  rule("leaning-opening", 0.2, (c) => LEANING_OPENING.test(c.text) || CONJUNCTION_OPENING.test(labelled(c)?.rest ?? "")),
  rule("leaning-word", 0.5, test(LEANING_WORD)),
  // An item that completes the line it nests under: "They solved that by:", "Requirements:".
  rule("completes-lead-in", 0.6, (c) => c.origin !== "list" && c.parent !== undefined && /:\s*$/.test(c.parent.text)),
  // 5. A lead-in whose payload was dropped: it promises, or the list it introduces follows.
  rule("lead-in", 0.3, (c) => PROMISE.test(c.text) || (c.last && (introducesList(c.line, c.next) || asksNext(c.line, c.next)))),
  // 6. A bare "Name: attributes" item of an enumeration.
  rule("bare-label", 0.2, (c) => {
    const item = labelled(c);
    return item !== undefined && !hasConjugatedVerb(item.rest, c.language);
  }),
  rule("catalogue", 0.6, (c) => labelled(c) !== undefined && inCatalogue(c)),
  // 7. Link labels and references.
  rule("reference", NEVER, test(REFERENCE)),
  // What else makes a weak post: news gone stale, a story about people, thin or unfinished text.
  rule("dated", 0.5, test(DATED)),
  rule("personal", 0.5, test(PERSONAL)),
  rule("question", 0.3, test(QUESTION)),
  rule("exclamation", 0.7, (c) => c.text.includes("!")),
  rule("informal", 0.5, test(INFORMAL)),
  rule("thin", 0.5, (c) => c.text.length < THIN_LENGTH),
  // 8. The author's own list items often skip the final period; others without one are notes.
  rule("unfinished", 0.75, (c) => c.origin !== "list" && !/[.!?…]["”»)]*$/u.test(c.text)),
];

/** A premise set up for the question the next paragraph asks ("Developers are familiar with ..."). */
function asksNext(line: Bullet, next: Bullet | undefined): boolean {
  return next !== undefined && next.depth === line.depth && /\?\s*$/.test(next.text);
}

/** The list under a line: the next line nests under it and says something (not a bare link or name). */
function introducesList(line: Bullet, next: Bullet | undefined): boolean {
  return next !== undefined && next.depth > line.depth && next.text.split(/\s+/).length >= 4 && !/https?:|www\.|\.(com|io|org)\b/.test(next.text);
}

export interface Scored {
  score: number;
  /** The names of the rules that lowered the score. */
  reasons: string[];
}

/** The product of every rule's factor, and the names of the rules that lowered it. */
export function scoreCandidate(candidate: Candidate): Scored {
  let score = 1;
  const reasons: string[] = [];
  for (const r of RULES) {
    const factor = r.factor(candidate);
    if (factor < 1) {
      score *= factor;
      reasons.push(r.name);
    }
  }
  return { score: Math.round(score * 1000) / 1000, reasons };
}

/** Rule 6, across candidates: of an enumeration's "Name: attributes" items, only the best stays whole. */
export const ONE_PER_ENUMERATION = { name: "enumeration", factor: 0.4 } as const;

/** Whether a candidate reads as a "Name: attributes" item (the enumeration rule groups those). */
export function isLabelItem(candidate: Candidate): boolean {
  return labelled(candidate) !== undefined;
}
