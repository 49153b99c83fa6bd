import { formatSpeaker, type Section, type Speaker } from "../corpus/section.js";
import { parsePeople } from "../corpus/speakers.js";

/** A talk a paragraph names, with its speakers when the paragraph gives them. */
export interface NamedTalk {
  title: string;
  speakers: Speaker[];
}

/** "Title - Name, Role, Company & Name, Company (10:00-10:15) Notes...": a programme line opening a paragraph. */
const PROGRAMME_LINE = /^(.{6,}?)\s+[-–—]\s+(.+?)\s*\(\d{1,2}[:h.]\d{2}\s*[-–]\s*\d{1,2}[:h.]\d{2}\)/u;
/** "The talk “The route to rootless containers” illustrates...", "la présentation « ... »". */
const QUOTED_TALK = /\b(?:talk|keynote|session|presentation|présentation|conférence)\s+[“"«]\s*([^”"»]{6,120}?)\s*[”"»]/iu;

/**
 * The talk a paragraph itself names: under a "Day 1 Keynotes" heading, the paragraph
 * "Cloud Native & WebAssembly: Better Together - Liam Randall, ... (10:00-10:15) ..." is that talk.
 */
export function namedTalk(paragraph: string): NamedTalk | undefined {
  const programme = PROGRAMME_LINE.exec(paragraph);
  if (programme) {
    const speakers = peopleOf(programme[2]!);
    if (speakers.length) return { title: programme[1]!.trim(), speakers };
  }
  const quoted = QUOTED_TALK.exec(paragraph);
  return quoted ? { title: quoted[1]!, speakers: [] } : undefined;
}

/**
 * "Liam Randall, Founder, Cosmonic & Co-Founder, Wasmcloud & Ralph Squillace, Microsoft": a part
 * that is not a person is more of the previous person's roles and companies.
 */
function peopleOf(text: string): Speaker[] {
  const speakers: Speaker[] = [];
  for (const part of text.split(/\s+&\s+|;\s*/)) {
    const person = parsePeople(part);
    if (person?.length === 1) speakers.push(person[0]!);
    else if (speakers.length) {
      const last = speakers[speakers.length - 1]!;
      last.company = last.company ? `${last.company} & ${part.trim()}` : part.trim();
    } else return [];
  }
  return speakers;
}

const NAME = "(\\p{Lu}[\\p{Ll}'’-]+(?:\\s\\p{Lu}[\\p{L}'’-]+){0,2})";
/** Ways a write-up names who gave a talk: "Speaker (David Sudia)", "presented by", "Liz demoed". */
const SPEAKER_MENTIONS: readonly RegExp[] = [
  new RegExp(`\\b(?:[Ss]peakers?|[Pp]resenters?|[Ii]ntervenants?)\\s*\\(${NAME}\\)`, "gu"),
  new RegExp(`\\b(?:[Pp]resented|[Gg]iven|[Hh]osted|[Ll]ed|[Pp]résentée?s?|[Aa]nimée?s?) (?:by|par) ${NAME}`, "gu"),
  new RegExp(
    `${NAME}(?: from \\p{Lu}[\\p{L}-]+)? (?:demo['’]?ed|demoes|demos|presented|presents|showed|shows|explained|explains|talked|talks|described|describes|told|gave|started|starts|continued|walked|revient|présente|explique|montre)\\b`,
    "gu",
  ),
];

/** The people a text names as giving the talk, in the order it names them. */
export function namedSpeakers(text: string): string[] {
  const found: Array<{ at: number; name: string }> = [];
  for (const pattern of SPEAKER_MENTIONS) {
    for (const match of text.matchAll(pattern)) found.push({ at: match.index!, name: match[1]! });
  }
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.name))];
}

/** A heading that gathers several talks: a day, the keynotes, the sessions. */
const TALKS_HEADING = /\b(keynotes?|day|jour|sessions|talks)\b/i;
/** A heading that gathers several talks or topic notes: its text may name many people. */
const GATHERING_HEADING = /\b(keynotes?|day|jour|sessions|talks|notes)\b/i;

export interface Attribution {
  talk: string;
  speakers: string[];
}

/**
 * Who and what a takeaway cut from `paragraph` comes from: the talk the paragraph names, else the
 * section (its own heading when it sits under a day's keynotes: "Using OpenTelemetry to empower end
 * users", not "Day 2 keynotes › ..."); the section's speakers, else those the paragraph names, else
 * (for a section that is one talk) those its text names.
 */
export function attribute(section: Section, paragraph: string): Attribution {
  const named = namedTalk(paragraph);
  if (named?.speakers.length) return { talk: named.title, speakers: named.speakers.map(formatSpeaker) };
  const talk = named?.title ?? (section.parent && TALKS_HEADING.test(section.parent) ? section.talk : section.title);
  if (section.speakers.length) return { talk, speakers: section.speakers.map(formatSpeaker) };
  const inParagraph = namedSpeakers(paragraph);
  if (inParagraph.length || GATHERING_HEADING.test(section.talk)) return { talk, speakers: inParagraph };
  return { talk, speakers: namedSpeakers(section.text) };
}
