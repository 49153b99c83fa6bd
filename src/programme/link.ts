import type { Section, Speaker } from "../corpus/section.js";
import { isEnglishFunctionWord } from "../corpus/words.js";
import { fold } from "../text/fold.js";

/*
 * One talk, two views: a recap's section and the programme's session of the same talk. The one place
 * that decides it, from the titles and the people:
 * - the titles are close after folding (case, accents, punctuation, function words, a label such as
 *   "Tutorial:" before the recap's): word overlap of TITLE_CLOSE or more, with TITLE_WORDS content words
 *   at least on each side; or
 * - a speaker in common (same folded name) and titles close enough: overlap of WITH_SPEAKER or more.
 * The overlap is Dice's coefficient with each word weighed by how rare it is among the event's
 * session titles (inverse document frequency): "Intro, Deep Dive and Q&A" is in many titles, the
 * project's name in few, so two projects' deep dives stay apart. A recap section links to its best
 * session of the same event, when no other session is as good; a recap's notes link to nothing.
 */

/** Word overlap that makes two titles one talk's on their own. */
const TITLE_CLOSE = 0.8;
/** Content words a title needs for its words alone to name a talk ("AI Conformance" is a topic). */
const TITLE_WORDS = 4;
/** Word overlap enough when the two share a speaker. */
const WITH_SPEAKER = 0.5;

/** A head before a colon that may be a format label ("Tutorial", "Keynote", "Lightning Talk"). */
const LABEL_HEAD = /^[^:]{1,30}:\s+(?=\S)/u;

/** The content words of a title, folded. */
function titleWords(title: string): string[] {
  return fold(title)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !isEnglishFunctionWord(w));
}

/** A recap title's readings: as written, and without a label head (a session's title has its label off already). */
const readings = (title: string): string[][] => [titleWords(title), ...(LABEL_HEAD.test(title) ? [titleWords(title.replace(LABEL_HEAD, ""))] : [])];

/** How much a word says of a title: rarer among the event's titles, more. */
export type WordWeight = (word: string) => number;

/** Words weighed by their inverse document frequency among some titles (a word none has weighs most). */
export function titleWeights(titles: readonly string[]): WordWeight {
  const documents = new Map<string, number>();
  for (const title of titles) for (const word of new Set(titleWords(title))) documents.set(word, (documents.get(word) ?? 0) + 1);
  return (word) => Math.log((titles.length + 1) / ((documents.get(word) ?? 0) + 1)) + 1;
}

/** Dice's coefficient of two word lists, as sets, each word counted at its weight. */
function overlap(a: readonly string[], b: readonly string[], weight: WordWeight): number {
  const left = new Set(a);
  const right = new Set(b);
  const total = (words: Set<string>) => [...words].reduce((sum, w) => sum + weight(w), 0);
  const whole = total(left) + total(right);
  if (!whole) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += weight(word);
  return (2 * shared) / whole;
}

const nameKey = (speaker: Speaker) => fold(speaker.name).replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/** Why two views are one talk, and how close their titles are; undefined when they are not. */
export function sameTalk(
  recap: Pick<Section, "title" | "talk" | "speakers">,
  session: Pick<Section, "title" | "speakers">,
  weight: WordWeight,
): { reason: "title" | "speaker and title"; closeness: number } | undefined {
  const pairs = [...readings(recap.talk), ...readings(recap.title)].flatMap((mine) =>
    [titleWords(session.title)].map((theirs) => ({ score: overlap(mine, theirs, weight), long: new Set(mine).size >= TITLE_WORDS && new Set(theirs).size >= TITLE_WORDS })),
  );
  const best = Math.max(0, ...pairs.map((p) => p.score));
  const longEnough = pairs.some((p) => p.score >= TITLE_CLOSE && p.long);
  if (best >= TITLE_CLOSE && longEnough) return { reason: "title", closeness: best };
  const theirs = new Set(session.speakers.map(nameKey));
  if (best >= WITH_SPEAKER && recap.speakers.some((s) => theirs.has(nameKey(s)))) return { reason: "speaker and title", closeness: best };
  return undefined;
}

export interface TalkLink {
  recapSectionId: string;
  programmeId: string;
  reason: "title" | "speaker and title";
  closeness: number;
}

/** The links between the recaps' talk sections and the programme's sections of the same event (see the top of this file). */
export function linkTalks(sections: readonly Section[]): TalkLink[] {
  const sessionsByEvent = new Map<string, Section[]>();
  for (const s of sections) if (s.kind === "programme") sessionsByEvent.set(s.eventId, [...(sessionsByEvent.get(s.eventId) ?? []), s]);
  const links: TalkLink[] = [];
  const weights = new Map([...sessionsByEvent].map(([event, sessions]) => [event, titleWeights(sessions.map((s) => s.title))]));
  for (const recap of sections) {
    const weight = weights.get(recap.eventId);
    if (recap.kind !== "talk" || !weight) continue;
    const found = sessionsByEvent
      .get(recap.eventId)!
      .map((session) => ({ session, match: sameTalk(recap, session, weight) }))
      .filter((c): c is { session: Section; match: NonNullable<ReturnType<typeof sameTalk>> } => c.match !== undefined)
      .sort((a, b) => b.match.closeness - a.match.closeness);
    const [first, second] = found;
    if (!first || (second && second.match.closeness === first.match.closeness)) continue;
    links.push({ recapSectionId: recap.id, programmeId: first.session.id, reason: first.match.reason, closeness: first.match.closeness });
  }
  return links;
}
