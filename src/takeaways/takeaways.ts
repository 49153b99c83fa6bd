import { createHash } from "node:crypto";
import { setImmediate } from "node:timers/promises";
import { capitalizedShare, wordsOf } from "../corpus/words.js";
import { LINK_LABEL, isLeftover, isTalkMarker } from "../corpus/lines.js";
import type { TalkLinkKind } from "../corpus/links.js";
import { provenance, type Bullet, type Section } from "../corpus/section.js";
import { createTagger, type Topic } from "../corpus/topics.js";
import { attribute } from "./attribution.js";
import { ONE_PER_ENUMERATION, isLabelItem, isPostable, scoreCandidate, type Candidate, type Scored } from "./rules.js";
import { bestFirst } from "./best-first.js";
import { LOWERCASE_NAMES } from "./names.js";
import { sentencesOf } from "./sentences.js";
import { any } from "./words.js";

export { bestFirst };

/** One self-contained statement worth a daily post, with where it comes from. */
export interface Takeaway {
  /** `<section id>#<hash of the text>`: stable while the section and the sentence stay. */
  id: string;
  text: string;
  /** The product of the weights of its features (`FEATURES` in rules.ts); postable from `POSTABLE_THRESHOLD`. */
  score: number;
  /** Worth a daily post: the score is above the threshold. */
  postable: boolean;
  /** The names of the rules that lowered the score. */
  reasons: string[];
  sectionId: string;
  /** The talk it comes from: the one its paragraph names, else the section (see attribution.ts). */
  talk: string;
  /** The section's display title ("Notes on security › Seccomp"). */
  title: string;
  /** The talk's speakers: the section's, else those the text names. */
  speakers: string[];
  event: string;
  eventId: string;
  year: number;
  language: string;
  /** The topics its own text is about first, then the section's other tags. */
  tags: string[];
  /** The topic its own text is about, for "More on <topic>" (worked out for postable takeaways). */
  topic?: string;
  /** `list` when the recap itself called it a takeaway, lesson or conclusion. */
  origin: "list" | "bullet" | "sentence";
  url?: string;
  /** Only when `url` is the talk's own: what it points at (a video, slides, a session page). */
  urlKind?: TalkLinkKind;
}

export const MIN_TAKEAWAY_LENGTH = 40;
export const MAX_TAKEAWAY_LENGTH = 300;

/** A line that announces a list of takeaways: "take aways:", "Key Points:", "Lessons learned". */
const LIST_MARKER = new RegExp(`\\b(${any("listMarkers")})\\b`, "i");
/** A section that is itself such a list: "Conclusion – key take aways", "Best practices on ...". */
const LIST_SECTION = new RegExp(`^(${any("listSections")})\\b`, "i");

/** Openings that lean on the line before: pronouns, conjunctions, "here", first person. */
const DEPENDENT_OPENING = new RegExp(`^(\\(|(${any("dependentOpenings")})\\b)`, "i");
/** "However, …", "Thus …", "En effet, …": a connective that can be dropped (`withoutConnective`). */
const DETACHABLE_OPENING = new RegExp(`^(${any("detachableOpenings")})\\s+(?=\\S)`, "iu");
/** "It's strongly suggested to ...", "There is no ...": an opening that points at nothing before it. */
const IMPERSONAL_OPENING = new RegExp(`^(${any("impersonalOpenings")})`, "i");
/** The author talking about themselves rather than the talk. */
const FIRST_PERSON = new RegExp(`(^|[^\\p{L}])(${any("firstPerson")})(?=$|[^\\p{L}/])`, "u");
/** The writer's aside in brackets: "(I personally see a stronger setup …)", dropped from the statement. */
const WRITERS_ASIDE = new RegExp(`\\s*\\((${any("firstPerson")})\\s[^()]*\\)`, "gu");
/** Pointers at something the reader cannot see: the link above, the slides, this talk ("above two masters" compares). */
const DEICTIC = new RegExp(`\\b(${any("deictics")})\\b(?!\\s+(\\d|(${any("numbers")})\\b))`, "i");
/** Inline code that lost its line breaks: "kernel’sOOM_kill", "orGuaranteed". */
const GLUED_CODE = new RegExp(`(['’]s\\p{Lu}|\\b(${any("gluedWords")})\\p{Lu}\\p{Ll})`, "u");
const LABEL_OPENING = new RegExp(`^(${any("labels")})\\s*:`, "i");
const URL = /(https?:\/\/|www\.|\b[\w-]+\.(com|io|org|net|dev|nl|fr|sh|co)\b)/i;
/** Endings of a line cut in the middle of a sentence. */
const OPEN_ENDING = new RegExp(`([:;,(/&+=\\-–—]|\\b(${any("openEndings")}))$`, "i");

/**
 * Every candidate takeaway of a corpus, scored, in corpus order: each section's explicit takeaway,
 * lesson and conclusion lists first, then its other bullets and sentences that stand on their own.
 * The same statement appears once.
 */
export function scoreTakeaways(sections: readonly Section[], topics: readonly Topic[]): Takeaway[] {
  const scoring = scoreSectionBySection(sections, topics);
  for (;;) {
    const step = scoring.next();
    if (step.done) return step.value;
  }
}

/** Sections scored between two turns of the event loop (about a millisecond each). */
const SECTIONS_PER_TURN = 50;

/**
 * The takeaways worth a daily post, best first. A large corpus takes a while (about a second per
 * thousand sections), so the work gives the event loop a turn every few sections: probes, commands
 * and posts are still answered meanwhile.
 */
export async function postableTakeaways(sections: readonly Section[], topics: readonly Topic[]): Promise<Takeaway[]> {
  const scoring = scoreSectionBySection(sections, topics);
  for (let done = 0; ; done++) {
    const step = scoring.next();
    if (step.done) return bestFirst(step.value.filter((t) => t.postable));
    if (done % SECTIONS_PER_TURN === SECTIONS_PER_TURN - 1) await setImmediate();
  }
}

/** `scoreTakeaways`, pausing after each section so a caller can let other work run. */
function* scoreSectionBySection(sections: readonly Section[], topics: readonly Topic[]): Generator<void, Takeaway[]> {
  const tag = createTagger(topics);
  const seen = new Set<string>();
  const scored: Array<{ takeaway: Takeaway; enumeration?: string }> = [];
  for (const section of sections) {
    for (const found of listsFirst(candidatesOf(section))) {
      const key = found.candidate.text.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const enumeration = isLabelItem(found.candidate) ? `${section.id}#${found.run}` : undefined;
      scored.push({ takeaway: toTakeaway(section, found, tag), ...(enumeration && { enumeration }) });
    }
    yield;
  }
  keepOnePerEnumeration(scored);
  return scored.map((s) => s.takeaway);
}


/** What `kubecon takeaways --json` prints: every candidate, one JSON object a line. */
export function takeawaysJsonLines(sections: readonly Section[], topics: readonly Topic[]): string {
  return scoreTakeaways(sections, topics)
    .map((takeaway) => JSON.stringify(takeaway))
    .join("\n");
}

/**
 * Of an enumeration's "Name: attributes" items (a run of sibling lines: project updates, tool
 * lists), only the best one keeps its score; the others are lowered by the enumeration weight.
 */
function keepOnePerEnumeration(scored: Array<{ takeaway: Takeaway; enumeration?: string }>): void {
  const best = new Map<string, Takeaway>();
  for (const { takeaway, enumeration } of scored) {
    if (!enumeration) continue;
    const known = best.get(enumeration);
    if (!known || takeaway.score > known.score) best.set(enumeration, takeaway);
  }
  for (const entry of scored) {
    if (!entry.enumeration || best.get(entry.enumeration) === entry.takeaway) continue;
    const { takeaway } = entry;
    takeaway.score = Math.round(takeaway.score * ONE_PER_ENUMERATION.weight * 1000) / 1000;
    takeaway.reasons = [...takeaway.reasons, ONE_PER_ENUMERATION.name];
    takeaway.postable = isPostable(takeaway.score);
  }
}

interface Found {
  candidate: Candidate;
  scored: Scored;
  /** Which run of sibling lines (same depth, one after the other) it sits in. */
  run: number;
}

function candidatesOf(section: Section): Found[] {
  const found: Found[] = [];
  const wholeSectionIsList = LIST_SECTION.test(section.talk);
  const runs = runsOf(section.bullets);
  const siblingsOf = (position: number) => {
    const start = runs[position]!;
    let end = position;
    while (runs[end + 1] === start) end++;
    return section.bullets.slice(start, end + 1);
  };
  let listDepth: number | undefined;
  section.bullets.forEach((line, position) => {
    if (listDepth !== undefined && line.depth <= listDepth) listDepth = undefined;
    const inList = line.depth > 0 && (wholeSectionIsList || listDepth !== undefined);
    if (!inList && isListMarker(line.text)) {
      listDepth = line.depth;
      return;
    }
    const pieces = line.depth > 0 && line.text.length <= MAX_TAKEAWAY_LENGTH ? [line.text] : sentencesOf(line.text);
    const last = pieces.length - 1;
    const previous = section.bullets[position - 1];
    const next = section.bullets[position + 1];
    const parent = parentOf(section.bullets, position);
    for (const [index, piece] of pieces.entries()) {
      // A whole bullet may open in lower case, notes style: "experience shows DaemonSets are ...";
      // a sentence of a paragraph that does is the rest of a broken one.
      const whole = line.depth > 0 && pieces.length === 1 ? capitalize(normalize(piece)) : normalize(piece);
      const text = withoutAside(withoutConnective(whole));
      if (!isSelfContained(text)) continue;
      if (index === 0 && line.depth === 0 && continuesInto(previous)) continue;
      if (index === last && !endsASentence(text) && continuesOnto(line, next)) continue;
      const origin = inList ? "list" : line.depth > 0 ? "bullet" : "sentence";
      const candidate: Candidate = {
        text,
        language: section.language,
        origin,
        section,
        line,
        ...(previous && { previous }),
        ...(next && { next }),
        ...(parent && { parent }),
        siblings: siblingsOf(position),
        first: index === 0,
        last: index === last,
      };
      found.push({ candidate, scored: scoreCandidate(candidate), run: runs[position]! });
    }
  });
  return found;
}

/** A section's explicit list items, then its other statements, each group in its order: the score alone decides which are posted. */
function listsFirst(found: readonly Found[]): Found[] {
  return [...found.filter((f) => f.candidate.origin === "list"), ...found.filter((f) => f.candidate.origin !== "list")];
}

/** The nearest line above `position` with a smaller depth: the one it nests under. */
function parentOf(bullets: readonly Bullet[], position: number): Bullet | undefined {
  const depth = bullets[position]!.depth;
  for (let i = position - 1; i >= 0; i--) if (bullets[i]!.depth < depth) return bullets[i];
  return undefined;
}

/** For each line, the index of the first line of its run of same-depth siblings. */
function runsOf(bullets: readonly Bullet[]): number[] {
  const runs: number[] = [];
  bullets.forEach((line, i) => {
    const previous = bullets[i - 1];
    runs.push(previous && previous.depth === line.depth ? runs[i - 1]! : i);
  });
  return runs;
}

/**
 * "However, the overall outcome is …" → "The overall outcome is …": a connective that only ties the
 * sentence to the one before is dropped, and the rest must stand on its own like any other.
 */
function withoutConnective(text: string): string {
  const connective = DETACHABLE_OPENING.exec(text);
  return connective ? capitalize(text.slice(connective[0].length)) : text;
}

/** "… doing so (I personally see a stronger setup doing the decoupling)." → "… doing so.": the writer's aside goes. */
function withoutAside(text: string): string {
  return text.replace(WRITERS_ASIDE, "");
}

/** "using eBPF ..." → "Using eBPF ...", but never a name written in lower case ("kubectl", "eBPF"). */
function capitalize(text: string): string {
  const first = /^\p{Ll}+(?=[\s,;:]|$)/u.exec(text)?.[0];
  if (!first || LOWERCASE_NAMES.has(first)) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Whether an open line (no end punctuation) goes on in the next one: a paragraph followed by a
 * paragraph, or a bullet followed by what is left of a sentence the page broke around inline code
 * (a paragraph of a few words, or one in lowercase).
 */
function continuesOnto(line: Bullet, next: Bullet | undefined): boolean {
  if (!next || next.depth > 0) return false;
  return line.depth === 0 || (wordsOf(next.text).length <= 3 && !endsASentence(next.text)) || !opensASentence(next.text);
}

/**
 * A paragraph line left open (no end punctuation): the page broke its sentence around inline code.
 * A line of a few words is a heading ("Seccomp", "A quick recap on container resources"), not a
 * sentence the next line goes on with.
 */
function continuesInto(previous: Bullet | undefined): boolean {
  return previous !== undefined && previous.depth === 0 && !endsASentence(previous.text) && wordsOf(previous.text).length > HEADING_WORDS;
}

/** At most this many words, a line without end punctuation reads as a heading. */
const HEADING_WORDS = 6;

function endsASentence(text: string): boolean {
  return /[.!?:;…]["”»)]?$/.test(text);
}

/** "take aways:", "For this edition, the key topics were:", "Lessons learned" (a short heading). */
function isListMarker(text: string): boolean {
  if (!LIST_MARKER.test(text)) return false;
  return /:\s*$/.test(text) ? text.length < 120 : text.length < 50 && !/[.!?]$/.test(text);
}

/**
 * Whether a statement stands on its own: the right length, no link label or page leftover, no
 * opening or ending that needs the line before or after, balanced brackets and quotes.
 */
export function isSelfContained(text: string): boolean {
  if (text.length < MIN_TAKEAWAY_LENGTH || text.length > MAX_TAKEAWAY_LENGTH) return false;
  if (isLeftover(text) || isTalkMarker(text) || LINK_LABEL.test(text) || LABEL_OPENING.test(text)) return false;
  if (URL.test(text) || DEICTIC.test(text) || FIRST_PERSON.test(text) || GLUED_CODE.test(text)) return false;
  if ((DEPENDENT_OPENING.test(text) && !IMPERSONAL_OPENING.test(text)) || !opensASentence(text)) return false;
  if (OPEN_ENDING.test(text) || text.endsWith("?")) return false;
  if (!balanced(text)) return false;
  const words = wordsOf(text);
  if (words.length < 6) return false;
  // Title Case lines are headings (talk titles, topic names), not statements.
  const { share, contentWords } = capitalizedShare(text);
  return !(contentWords >= 3 && share > 0.6);
}

function opensASentence(text: string): boolean {
  const first = /^[«"“'‘(`]?\s*([^\s,;:.!?)»”]+)/u.exec(text)?.[1] ?? "";
  if (/^[\p{Lu}\p{N}]/u.test(first)) return true;
  // A lowercase opening is a continuation unless it is a name: eBPF, cdk8s, gRPC, kubectl.
  return /[\p{Lu}\p{N}]/u.test(first) || LOWERCASE_NAMES.has(first.toLowerCase());
}

const PAIRS: ReadonlyArray<[string, string]> = [["(", ")"], ["[", "]"], ["{", "}"], ["«", "»"], ["“", "”"]];

function balanced(text: string): boolean {
  for (const [open, close] of PAIRS) {
    let depth = 0;
    for (const char of text) {
      if (char === open) depth++;
      else if (char === close && --depth < 0) return false;
    }
    if (depth !== 0) return false;
  }
  return count(text, '"') % 2 === 0 && count(text, "`") % 2 === 0;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function normalize(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function toTakeaway(section: Section, found: Found, tag: (text: string) => string[]): Takeaway {
  const { candidate } = found;
  const { score, reasons } = found.scored;
  // Only a postable takeaway shows its topic; finding it costs a few taggings of the text.
  const own = isPostable(score) ? topicsInOrder(candidate.text, section.tags, tag) : [];
  const { talk, speakers } = attribute(section);
  return {
    id: `${section.id}#${createHash("sha256").update(candidate.text).digest("hex").slice(0, 8)}`,
    text: candidate.text,
    score,
    postable: isPostable(score),
    reasons,
    sectionId: section.id,
    talk,
    title: section.title,
    ...provenance(section),
    speakers,
    tags: [...own, ...section.tags.filter((label) => !own.includes(label))],
    ...(own[0] && { topic: own[0] }),
    origin: candidate.origin,
  };
}

/**
 * The topics of `among` a text names, the first named first: "EKS manages the masters and etcd" is
 * about the cloud provider before storage. The shortest prefix (in words) that a topic's terms match
 * tells where it is first named; a text naming one topic needs no search.
 */
function topicsInOrder(text: string, among: readonly string[], tag: (text: string) => string[]): string[] {
  const named = tag(text).filter((label) => among.includes(label));
  if (named.length < 2) return named;
  const words = text.split(/\s+/);
  const firstAt = (label: string) => {
    let low = 1;
    let high = words.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (tag(words.slice(0, middle).join(" ")).includes(label)) high = middle;
      else low = middle + 1;
    }
    return low;
  };
  return named
    .map((label) => ({ label, at: firstAt(label) }))
    .sort((a, b) => a.at - b.at)
    .map((found) => found.label);
}
