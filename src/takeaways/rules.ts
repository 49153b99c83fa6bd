import type { Bullet, Section } from "../corpus/section.js";
import { isFunctionWord } from "../corpus/words.js";
import { LEXICONS } from "../lexicon/index.js";
import { hasConjugatedVerb, opensWithVerb } from "./grammar.js";
import { LOWERCASE_NAMES } from "./names.js";
import { sentencesOf } from "./sentences.js";
import { any, anywhere, capitalized, wordSet } from "./words.js";

/** A candidate statement with what the rules read around it. */
export interface Candidate {
  text: string;
  language: string;
  /** `list` when the recap itself called it a takeaway, lesson or conclusion. */
  origin: "list" | "bullet" | "sentence";
  section: Pick<Section, "kind" | "tags" | "text" | "talk">;
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
 * One named, documented feature of a candidate and its weight: the score is the product of the
 * weights of the features a candidate has. Above 1 a feature makes it a better post (a number, a
 * named project), below 1 a weaker one (a definition, a how-to step), 0 never posts it.
 */
export interface Feature {
  name: string;
  weight: number;
  test(candidate: Candidate): boolean;
}

/**
 * A takeaway is postable when its score reaches this: a plain statement scores 1 and does not
 * reach it; it needs something a reader learns from (a number, a comparison, a lesson, advice, a
 * named project or company) more than what it lacks.
 */
export const POSTABLE_THRESHOLD = 1.3;

export function isPostable(score: number): boolean {
  return score >= POSTABLE_THRESHOLD;
}

/** Statements shorter than this are too thin to stand alone ("Networking is hard."). */
const THIN_LENGTH = 60;
/**
 * From this length a definition goes on to say what the thing does and how ("AppArmor is a kernel
 * module that supplements … to confine programs to …"): a reader learns from it. Shorter, it only
 * names a category ("WASM is a polyglot compilation target for the web").
 */
const EXPLAINED_LENGTH = 100;

const NEVER = 0;

/** The languages grammar.ts knows well enough to tell a statement without a verb. */
const HAS_GRAMMAR = new Set(["en", "fr"]);

const feature = (name: string, weight: number, test: (c: Candidate) => boolean): Feature => ({ name, weight, test });

const matches = (pattern: RegExp) => (c: Candidate) => pattern.test(c.text);

/** "Name: attributes", the label a short noun phrase without a verb. */
function labelled(c: Pick<Candidate, "text" | "language">): { label: string; rest: string } | undefined {
  const match = /^([^:]{2,100}?)\s?:\s+(\S.*)$/u.exec(c.text);
  if (!match) return undefined;
  const label = match[1]!;
  // Words in brackets describe the name: "Falco (consume and enrich kernel events – incubating)".
  const name = withoutBrackets(label).trim();
  if (name.split(/\s+/).length > 5 || hasConjugatedVerb(name, c.language)) return undefined;
  return { label, rest: match[2]! };
}

/** The text without its words in brackets, nested ones too. */
function withoutBrackets(text: string): string {
  let rest = text;
  while (/\([^()]*\)/.test(rest)) rest = rest.replace(/\([^()]*\)/g, " ");
  return rest;
}

/** A run of at least three "Name: attributes" lines: a catalogue (project updates, tool lists). */
function inCatalogue(c: Candidate): boolean {
  return c.siblings.filter((line) => labelled({ text: line.text, language: c.language })).length >= 3;
}

/** Praise, thanks, venue and food, sponsors: about the conference, not about the technology. */
const CHIT_CHAT = anywhere("chitChat");

/** The write-up telling how the session went rather than what it taught. */
const NARRATION = anywhere("narration");

/** Endings that promise a word that never came: "called", "via", "ie.", "e.g.", a colon. */
const FRAGMENT_ENDING = new RegExp(`((?<![\\p{L}-])(${any("fragmentEndings")})\\.?|:|\\.\\.\\.|…)$`, "iu");

/** Text the page garbled: runs of colons or arrows ("R(un)::::", "router -> backends -> service"). */
const GARBLED = /:{3,}|(->|→|=>).*(->|→|=>)|\.\.\s*\p{Ll}|\s,(?=\p{L})/u;

/** Two bullets glued together by a lost line break: "... integrations - Uses runc rootless". */
const GLUED_BULLETS = /\s-\s+\p{Lu}|[.!?]\s+\(/u;

/** A line that is only a negation: the page broke "No Dockerfile support" after "No". */
const BARE_NEGATION = new RegExp(`^(${any("negations")})\\.?$`, "i");

/** Openings that lean on what came before: "Another part is...", "In the end", "The plugin". */
const LEANING_OPENING = new RegExp(
  `^(${any("leaningOpenings")})(?![\\p{L}-])|` +
    `^(${any("leaningSubjects")})s? (${any("copulas")}|:)|` +
    // A definite article and a noun that only names something from earlier lines: "The plugin reserves".
    `^(${any("definiteArticles")})\\s*(${any("leaningNouns")})s?(?![\\p{L}-])(?!\\s+(${any("ofWords")})\\b)`,
  "iu",
);
/**
 * A subject that is a common noun the talk has been about: "The checks pass", "The volume will
 * remain", "Le cluster", also after an opening condition ("Si la clé est utilisée, …"). A name
 * written in lower case ("the kubelet") is no such noun.
 */
function hasTheSubject(text: string): boolean {
  const noun = THE_SUBJECT.exec(text)?.[1];
  return noun !== undefined && !LOWERCASE_NAMES.has(noun.toLowerCase());
}
const THE_SUBJECT = new RegExp(
  `^(?:(?:${capitalized("conditions")})\\s+(?:${any("definiteArticles")})|(?:${capitalized("definiteArticles")}))\\s*(\\p{Ll}[\\p{Ll}-]*)\\s`,
  "u",
);
/**
 * Words anywhere that point back: "also", "as well", "anymore", "such APIs", "aussi"; a pronoun or
 * a noun that only names something earlier as the subject after a comma ("Since ENIs are limited,
 * the plugin adds secondary IPs").
 */
const LEANING_WORD = new RegExp(
  `${anywhere("leaningWords").source}|[,;)]\\s(${any("pronounSubjects")})(?![\\p{L}-])|` +
    `[,;]\\s(${any("definiteArticles")})\\s*(${any("leaningNouns")})s?(?![\\p{L}-])(?!\\s+(${any("ofWords")})\\b)`,
  "iu",
);
/** A label's attributes that go on from something else: "Someone else’s app: and its state...". */
const CONJUNCTION_OPENING = new RegExp(`^(${any("conjunctions")})(?![\\p{L}-])`, "iu");
/** A question and its answer: "What is (e)BPF: ...", "Why OpenTelemetry? because ...". */
const QUESTION = new RegExp(`\\?|^(${any("questions")})(?![\\p{L}-])`, "iu");

/** Sentences that only announce what follows: "the first thing to do is to...", "here are". */
const PROMISE = anywhere("promises");

/** Pointers at a page, a link or a publication, in either language. */
const REFERENCE = anywhere("references");

/** News of the day it was written: releases, "now", "recently", "a new runtime". History once it says its year. */
const NEWS = anywhere("news");
/** Plans and predictions: stale a year later, whatever year they name. */
const FUTURE = anywhere("future");

/** Notes in shorthand, symbols for words: "DBs = #1 workload", "w/ spec", "w/o sft eng", "b/c". */
const SHORTHAND = /\s=\s|(?<![\p{L}\p{N}])(w\/o?|b\/c)(?![\p{L}\p{N}])|(?<![\p{L}\p{N}])#\d/iu;

/** Filler of spoken or hurried writing: "more stuff that can break", "it's a bytecode basically". */
const INFORMAL = anywhere("informal");
/** The scene set before the talk's point: "Historically Linux had two categories…", "Au commencement…". */
const BACKGROUND = new RegExp(`^(${any("background")})(?![\\p{L}-])`, "iu");
/** Only that something matters: "Benchmarking is an essential part of ML research". */
const PLATITUDE = anywhere("platitudes");

/** What everyone knows already: "the best-known supply chain attack", "l'exemple le plus connu". */
const WELL_KNOWN = anywhere("wellKnown");

/** The speakers or the writer as characters: "he", "his company", "gave us", "il s’évade". */
const PERSONAL = anywhere("personal");

/** A figure a reader can hold on to: "1,800 services", "10x", "3 AZs", "two layers", "80%". */
const NUMBER = new RegExp(`(?<![\\p{L}\\p{N}.-])(\\d[\\d,.]*\\s?(%|x|k|m|s)?|${any("numbers")})(?![\\p{L}\\p{N}])`, "iu");
/** Numbers that are only names: versions ("Kubernetes 1.8", "v2"), CVE ids, "Kernel 2.2". */
const VERSION = /(?<![\p{L}\p{N}])(v?\d+\.\d+(\.\d+)?|CVE-\d{4}-\d+|v\d+)(?![\p{N}])/giu;

/** Two things weighed against each other: "than", "instead of", "not an X, but a Y", "plutôt que". */
const COMPARISON = new RegExp(`${anywhere("comparison").source}|,\\s*(${any("contrasts")})(?![\\p{L}-])`, "iu");

/** What the speakers found out by doing it: "we learned", "it turned out", "the hard way", "in production". */
const LESSON = anywhere("lesson");

/** Why or when something happens: "because", "which means", "if the kubelet is too slow, ...", "car". */
const CAUSE = anywhere("cause");
/** A rule of behaviour: "If the kubelet is too slow, ...", "Quand ..., ...": a mechanism, a weaker reason to post than a cause. */
const CONDITIONAL = new RegExp(`^(${any("conditions")}) [^,]{8,},\\s`, "iu");

/** A verdict on something: "Networking is hard", "Istio is becoming the default", "la configuration reste complexe". */
const VERDICT = new RegExp(
  `(?<![\\p{L}-])(${any("verdictVerbs")})(\\s+(${any("degrees")}))*\\s+(${any("verdicts")})(?![\\p{L}-])`,
  "iu",
);

/** A risk, a problem or a limit named as such: "operators have privileged access", "a bottleneck", "le piège". */
const RISK = new RegExp(`(?<!(${any("denials")}) )${anywhere("risk").source}`, "iu");

/** Advice: "should", "avoid", "don't", "think twice", "il faut", "bonne idée". */
const RECOMMENDATION = new RegExp(
  `(?<![\\p{L}-])(?<!(${any("embeddedQuestions")}) [^,.;:]{0,60})(${any("recommendation")})(?![\\p{L}-])|` +
    `(?<![\\p{L}-])(${any("frequencies")})(?! \\p{L}+ing(?![\\p{L}-]))(?![\\p{L}-])`,
  "iu",
);

/** Definitions a reader can look up: "AppArmor is a Linux kernel security module", "X stands for". */
const DEFINITION = new RegExp(
  `^((${any("definiteArticles")}|${any("indefiniteArticles")})\\s*)?[^\\s,;:]+(\\s[^\\s,;:]+){0,4}?\\s(\\([^)]*\\)\\s)?(${any("copulas")}) ` +
    `(${any("indefiniteArticles")}|${any("definiteArticles")}|${any("oneOf")})\\s[^;:.]{0,120}?(?<![\\p{L}-])(${any("definitionLinks")})(?![\\p{L}-])|` +
    `^(${any("oneOf")}) [^,;:]{3,60} (${any("copulas")}) (${any("definiteArticles")})|` +
    `${anywhere("definitionPhrases").source}|^[^:]{2,40}:\\s(${any("indefiniteArticles")})\\s`,
  "iu",
);

/** A step of a how-to: "To implement X, you can start with", "Import the package and build", "you can use". */
const HOW_TO_OPENING = new RegExp(`^(${any("purposes")}) \\p{L}+\\b|^(${any("steps")})(?![\\p{L}-])`, "iu");
/** A verdict whose subject is the heading: "Good for keeping weeks of data", "Useful when ...". */
const EVALUATION_OPENING = new RegExp(`^(${any("evaluationOpenings")})(?![\\p{L}-])`, "iu");
/** "Using X to do Y" and no more: a phrase without its clause (a comma would start one). */
const INSTRUMENT_PHRASE = new RegExp(`^(${any("instrumentVerbs")}) [^\\s,;:]+( [^\\s,;:]+){0,3} (${any("purposes")}) [^,;:]+$`, "iu");

/** What a tool can do, as its documentation says it: "Mesher can be easily integrated with", "OpenEBS enables". */
const DESCRIPTION = new RegExp(
  `^((${any("definiteArticles")}|${any("indefiniteArticles")})\\s)?[^\\s,;:]+(\\s[^\\s,;:]+)?(\\s\\([^)]*\\))?\\s(${any("capabilities")})(?![\\p{L}-])|^(${any("meansOpenings")})\\b`,
  "iu",
);

/** Instructions addressed to the reader anywhere in the text: "you can design a workflow", "vous pouvez". */
const INSTRUCTIONS = anywhere("instructions");

/** When, where and how to attend: rooms, schedules, registration, recordings, slides. */
const LOGISTICS = anywhere("logistics");

/** What follows from something is no plan either: "relabels pods so that the Service won't match them". */
const CONSEQUENCE = anywhere("consequences");
/** A condition makes "will" a rule, not a plan: "if the kubelet is too slow, the OOM killer will kill it". */
const CONDITION = new RegExp(`(?<![\\p{L}-])(${any("conditions")}|${any("durations")})(?![\\p{L}-])`, "iu");

/**
 * A plan or prediction, unless a condition comes first and makes it a rule ("if the kubelet is too
 * slow, the OOM killer will kill it"); a condition after it only dates the plan ("AWS will open-source
 * it once EKS is GA").
 */
function plans(text: string): boolean {
  const future = FUTURE.exec(text);
  if (!future) return false;
  const condition = CONDITION.exec(text) ?? CONSEQUENCE.exec(text);
  return !condition || condition.index > future.index;
}

/** A section that is a demo: "Demo", "Demo project: Stork", "Démonstration". */
const DEMO = anywhere("demos");
/** A demo's step as it happened, in any section: "The checks pass because …", "Le build échoue". */
const DEMO_STEP = anywhere("demoSteps");

/**
 * A year or a release written in the text: dated news that says when reads as history ("back in
 * 2016", "Kubernetes 1.8 introduced …", "Starting from Kernel 2.2").
 */
const YEAR = /(?<![\p{N}])(19|20)\d{2}(?![\p{N}])/u;
const RELEASE = new RegExp(VERSION.source, "u");
/** A year is a date, not a figure to hold on to ("took place in 2019"). */
const YEARS = new RegExp(YEAR.source, "gu");
const saysWhen = (text: string) => YEAR.test(text) || RELEASE.test(text);

/**
 * A name of a project, company or product: a capital inside a word (eBPF, GitHub), an acronym, a
 * capitalized word past the first, or a first word its section names (`namesOf`: "Seccomp limits
 * ..." where the notes say "... with Seccomp" or have "Seccomp" as a heading).
 */
function namesSomething(c: Candidate): boolean {
  const words = wordsOf(c.text);
  return words.some((word, i) => {
    // "child AND parent", "JUST": a function word in capitals is emphasis, no name.
    if (COMMON_CAPITALS.has(word) || isFunctionWord(word)) return false;
    if (/\p{Ll}\p{Lu}|^\p{Lu}{2,}s?$|^\p{Lu}[\p{Ll}\p{N}]*\p{Lu}/u.test(word)) return true;
    return /^\p{Lu}\p{Ll}/u.test(word) && (i > 0 || namesOf(c.section).has(word));
  });
}

function wordsOf(text: string): string[] {
  return text.replace(/[’]/g, "'").split(/[^\p{L}\p{N}'/-]+/u).filter(Boolean);
}

const NAMES = new WeakMap<object, Set<string>>();
/** At most this many words, a heading names what its notes are about. */
const HEADING_NAME_WORDS = 3;

/** The words a section writes capitalized in the middle of a sentence, or in a short heading: its names. */
function namesOf(section: Candidate["section"]): Set<string> {
  let names = NAMES.get(section);
  if (!names) {
    names = new Set();
    for (const sentence of section.text.split(/[.!?:;\n]\s+|\n/u)) {
      for (const word of wordsOf(sentence).slice(1)) if (/^\p{Lu}\p{Ll}/u.test(word)) names.add(word);
    }
    // A short heading names what its notes are about: the section's own talk heading ("AppArmor" under
    // "Notes on security"), or a line of its own inside it (no end punctuation).
    const headings = [section.talk, ...section.text.split("\n").filter((line) => !/[.!?:;,]\s*$/.test(line))];
    for (const heading of headings) {
      const words = wordsOf(heading);
      if (words.length <= HEADING_NAME_WORDS) for (const word of words) if (/^\p{Lu}\p{Ll}/u.test(word)) names.add(word);
    }
    NAMES.set(section, names);
  }
  return names;
}

/**
 * Notes in telegraph style: past the first sentence, one of a few words without a verb ("Features
 * are hard. Lots and lots of discussion.", "Don't give up! … Worth the effort."). A first one of that
 * kind is a label ("Image Stampede. Pods in CrashLoopBackoff …").
 */
function telegraphic(c: Candidate): boolean {
  const later = sentencesOf(c.text).slice(1);
  return later.some((sentence) => wordsOf(sentence).length <= TELEGRAM_WORDS && !hasConjugatedVerb(sentence, c.language));
}

/** At most this many words, a sentence without a verb is shorthand. */
const TELEGRAM_WORDS = 5;

/**
 * A checklist: three steps or more in a row ("turn off the insecure port, control access to etcd,
 * restrict privileged containers"), each a verb after a comma. Hardening guides say it all; a talk's
 * lesson is one of them and why. Words in brackets are the steps' details, not steps.
 */
function checklist(c: Candidate): boolean {
  // The steps after the first follow one another, each after a comma: "…, maintain loose coupling,
  // no code is often better, so write the minimum" is advice and its reasons, not a checklist.
  let run = 0;
  for (const part of withoutBrackets(c.text).split(STEP_SEPARATOR).slice(1)) {
    run = opensWithVerb(part, c.language) ? run + 1 : 0;
    if (run >= CHECKLIST_STEPS - 1) return true;
  }
  return false;
}
const CHECKLIST_STEPS = 3;
/** A comma, and the conjunction that may open the last step ("…, and protect system pods"). */
const STEP_SEPARATOR = new RegExp(`,\\s*(?:(?:${any("conjunctions")})\\s+)?`, "iu");

/** "Kubernetes is a control loop: you express the desired state, it runs a diff": a claim, then why. */
function explainedAfterColon(c: Candidate): boolean {
  const colon = c.text.indexOf(": ");
  if (colon < 0) return false;
  return hasConjugatedVerb(c.text.slice(0, colon), c.language) && hasConjugatedVerb(c.text.slice(colon + 2), c.language);
}

/** Capitalized words that name nothing worth a mention: "I", days and months, the platform itself. */
const COMMON_CAPITALS = new Set([
  ...wordSet("commonCapitals"),
  // Days and months of every language (past their short forms): dates, not names.
  ...LEXICONS.flatMap((lexicon) => [...lexicon.weekdays, ...lexicon.months]).filter((word) => word.length > 3).map(capitalize),
  "Kubernetes", "K8s", "K8S",
  "API", "APIs", "UI", "CLI", "IT", "IP", "OS", "YAML", "JSON", "HTTP", "HTTPS", "TCP", "DNS", "CPU", "CPUs", "GPU",
]);

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Whether the text gives a number that counts something, not a version, an id or a year. */
function givesNumber(c: Candidate): boolean {
  return NUMBER.test(c.text.replace(VERSION, " ").replace(YEARS, " "));
}

/** The features, in the order their names are listed. Their weights are here and nowhere else. */
export const FEATURES: readonly Feature[] = [
  // What a reader learns from.
  feature("number", 1.4, givesNumber),
  feature("comparison", 1.4, matches(COMPARISON)),
  feature("lesson", 1.5, matches(LESSON)),
  feature("recommendation", 1.5, matches(RECOMMENDATION)),
  // A judgement with room for what it is based on; a short one is a truism ("Networking is hard").
  feature("verdict", 1.3, (c) => c.text.length >= THIN_LENGTH && VERDICT.test(c.text)),
  feature("risk", 1.3, matches(RISK)),
  feature("cause", 1.3, (c) => CAUSE.test(c.text) || explainedAfterColon(c)),
  feature("conditional", 1.15, (c) => !CAUSE.test(c.text) && CONDITIONAL.test(c.text)),
  feature("named", 1.3, namesSomething),
  // Not about the technology: a section with no topic tag is about the conference itself.
  // A recap's own notes, or a programme's abstract (what a talk promises, not what it said).
  feature("notes", NEVER, (c) => c.section.kind !== "talk"),
  feature("no-topic", NEVER, (c) => c.section.tags.length === 0),
  feature("chit-chat", NEVER, matches(CHIT_CHAT)),
  feature("narration", NEVER, matches(NARRATION)),
  feature("logistics", NEVER, matches(LOGISTICS)),
  // Lines broken around inline code or abbreviations.
  feature("fragment-ending", NEVER, matches(FRAGMENT_ENDING)),
  feature("glued-bullets", NEVER, matches(GLUED_BULLETS)),
  feature("garbled", NEVER, matches(GARBLED)),
  feature("lost-negation", NEVER, (c) => c.first && c.previous !== undefined && BARE_NEGATION.test(c.previous.text.trim())),
  // The subject left in the heading: "Scales up the number of replicas".
  feature("subject-less", 0.3, (c) => (opensWithVerb(labelled(c)?.rest ?? c.text, c.language) && !HOW_TO_OPENING.test(c.text)) || INSTRUMENT_PHRASE.test(c.text) || EVALUATION_OPENING.test(c.text)),
  // A language grammar.ts does not read: whether it is a statement at all is not known.
  feature("unjudged", 0.6, (c) => !HAS_GRAMMAR.has(c.language)),
  feature("verbless", 0.35, (c) => c.origin !== "list" && !labelled(c) && HAS_GRAMMAR.has(c.language) && !hasConjugatedVerb(c.text, c.language)),
  feature("telegraphic", 0.5, (c) => HAS_GRAMMAR.has(c.language) && telegraphic(c)),
  feature("checklist", 0.5, (c) => HAS_GRAMMAR.has(c.language) && checklist(c)),
  // A sentence that needs its neighbour.
  feature("the-subject", 0.8, (c) => hasTheSubject(c.text)),
  feature("leaning-opening", 0.2, (c) => LEANING_OPENING.test(c.text) || CONJUNCTION_OPENING.test(labelled(c)?.rest ?? "")),
  feature("leaning-word", 0.5, matches(LEANING_WORD)),
  // An item that completes the line it nests under: "They solved that by:", "Requirements:".
  feature("completes-lead-in", 0.75, (c) => c.origin !== "list" && c.parent !== undefined && /:\s*$/.test(c.parent.text)),
  // A lead-in whose payload was dropped: it promises, or the list it introduces follows.
  feature("lead-in", 0.3, (c) => PROMISE.test(c.text) || (c.last && (introducesList(c.line, c.next) || asksNext(c.line, c.next)))),
  // A bare "Name: attributes" item of an enumeration.
  feature("bare-label", 0.2, (c) => {
    const item = labelled(c);
    return item !== undefined && !hasConjugatedVerb(item.rest, c.language);
  }),
  feature("catalogue", 0.6, (c) => labelled(c) !== undefined && inCatalogue(c)),
  feature("reference", NEVER, matches(REFERENCE)),
  // A demo told step by step: what the screen showed, not what the talk taught.
  feature("demo", 0.5, (c) => DEMO.test(c.section.talk) || DEMO_STEP.test(c.text)),
  // Textbook lines and instructions: true, but nothing a channel learns from.
  feature("definition", 0.5, (c) => c.text.length < EXPLAINED_LENGTH && DEFINITION.test(c.text)),
  feature("description", 0.75, matches(DESCRIPTION)),
  feature("how-to", 0.3, matches(HOW_TO_OPENING)),
  feature("instructions", 0.6, matches(INSTRUCTIONS)),
  // News gone stale, unless the text says its year; a story about people; thin or unfinished text.
  feature("dated", 0.5, (c) => plans(c.text) || (NEWS.test(c.text) && !saysWhen(c.text))),
  feature("personal", 0.5, matches(PERSONAL)),
  feature("question", 0.3, matches(QUESTION)),
  feature("exclamation", 0.7, (c) => c.text.includes("!")),
  feature("informal", 0.5, matches(INFORMAL)),
  feature("well-known", 0.5, matches(WELL_KNOWN)),
  feature("background", 0.6, matches(BACKGROUND)),
  feature("platitude", 0.5, matches(PLATITUDE)),
  feature("shorthand", 0.5, matches(SHORTHAND)),
  feature("thin", 0.6, (c) => c.text.length < THIN_LENGTH),
  // Bullets and the author's own list items often skip the final period; a paragraph without one is a note.
  feature("unfinished", 0.75, (c) => c.origin === "sentence" && !/[.!?…。]["”»)]*$/u.test(c.text)),
];

/** Across candidates: of an enumeration's "Name: attributes" items, only the best stays whole. */
export const ONE_PER_ENUMERATION = { name: "enumeration", weight: 0.4 } as const;

/** A premise set up for the question the next paragraph asks ("Developers are familiar with ..."). */
function asksNext(line: Bullet, next: Bullet | undefined): boolean {
  return next !== undefined && next.depth === line.depth && /\?\s*$/.test(next.text);
}

/**
 * The list under a line: the next line nests under it and says something (not a bare link or name).
 * A line that ends its sentence with a full stop or an exclamation is a claim its list details
 * ("Your platform is a product: treat it like one!"), not a lead-in.
 */
function introducesList(line: Bullet, next: Bullet | undefined): boolean {
  return !/[.!]["”»)]?\s*$/.test(line.text) && next !== undefined && next.depth > line.depth && next.text.split(/\s+/).length >= 4 && !/https?:|www\.|\.(com|io|org)\b/.test(next.text);
}

export interface Scored {
  score: number;
  /** The names of the features it has, for and against. */
  reasons: string[];
}

/** The product of the weights of the features a candidate has, and their names. */
export function scoreCandidate(candidate: Candidate): Scored {
  let score = 1;
  const reasons: string[] = [];
  for (const f of FEATURES) {
    if (!f.test(candidate)) continue;
    score *= f.weight;
    reasons.push(f.name);
  }
  return { score: Math.round(score * 1000) / 1000, reasons };
}


/** Whether a candidate reads as a "Name: attributes" item (the enumeration weight groups those). */
export function isLabelItem(candidate: Candidate): boolean {
  return labelled(candidate) !== undefined;
}
