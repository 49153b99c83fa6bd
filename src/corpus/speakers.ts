import { BY_WORDS, HONORIFICS, JOB_TITLES, REPORTING_VERBS, SPEAKER_LABELS, TALK_WORDS } from "../lexicon/index.js";
import type { Speaker } from "./section.js";
import { isEnglishFunctionWord } from "./words.js";

const NAME_WORD = /^[\p{Lu}][\p{L}'’.-]*$/u;
/** Small words inside family names. */
const NAME_PARTICLE = /^(?:de|del|della|der|den|van|von|da|di|du|le|la|dos|das|bin|al)$/u;
/** A name in Japanese or Chinese: two to eight characters, maybe split in family and given name. */
const CJK_NAME = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{1,6}(?:[\s・][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{1,6})?$/u;
/** "@janedoe", "(@janedoe)": a social handle, never part of a name. */
const HANDLE = /\(?@[\w.-]+\)?/g;

/** "SEAMLESS MULTI-CLUSTER" → "Seamless Multi-Cluster"; text with any lowercase is left alone. */
export function unshout(text: string): string {
  // Only whole shouted phrases: a lone "CNI" or "EKS" is an acronym.
  if (/\p{Ll}/u.test(text) || (text.match(/\p{Lu}{2,}/gu)?.length ?? 0) < 3) return text;
  const small = new Set(["a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with"]);
  return text
    .toLowerCase()
    .replace(/[\p{L}\p{N}]+/gu, (word, offset: number) =>
      offset > 0 && small.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1),
    );
}

function isPersonName(text: string): boolean {
  const trimmed = text.trim();
  if (CJK_NAME.test(trimmed) && [...trimmed.replace(/[\s・]/g, "")].length >= 2) return true;
  const words = trimmed.split(/\s+/);
  // "The Hard Way" is capitalized too: a name has no English function word ("Ce Gao", "Bowei Du" and
  // "Anne Le" are names); "de", "van", "von" may stand inside one ("Raymond de Jong").
  const inside = (w: string, i: number) => i > 0 && i < words.length - 1 && NAME_PARTICLE.test(w);
  return words.length >= 2 && words.length <= 4 && words.every((w, i) => inside(w, i) || (NAME_WORD.test(w) && !isEnglishFunctionWord(w)));
}

/** "Jane Doe (Acme)", "山田 太郎 (Isovalent)": a name, then its company in parentheses. */
const PARENTHESIZED =
  /([\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){1,3}|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{1,6}(?:[\s・][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{1,6})?)\s*\(([^)]+)\)/gu;
/** A name of two to four capitalized words, then the job title that follows it. */
const JOB_TITLE_AFTER_NAME = new RegExp(`^((?:[\\p{Lu}][\\p{L}'’.-]*\\s+){2,4}?)(?:${JOB_TITLES})(?![\\p{L}])`, "iu");
const JOB_TITLE_START = new RegExp(`^(?:${JOB_TITLES})(?![\\p{L}])`, "iu");
const JOB_TITLE_RUN = new RegExp(`^(?:\\s*(?:${JOB_TITLES})(?![\\p{L}]))+`, "iu");
/** A title that ends with a name of two or three capitalized words. */
const NAME_AT_END = /^(.{6,}?)\s+((?:[\p{Lu}][\p{Ll}'’.-]+\s){1,2}[\p{Lu}][\p{Ll}'’.-]+)$/u;
/** Two capitalized words in a row: a name may start there. */
const NAME_START = /^[\p{Lu}][\p{Ll}'’.-]+\s+[\p{Lu}][\p{Ll}]/u;

/** Full-width punctuation of Japanese and Chinese programmes, as the ASCII the patterns read. */
const FULL_WIDTH: Record<string, string> = { "（": "(", "）": ")", "、": ",", "，": ",", "：": ":", "＆": "&" };

/**
 * Reads a list of people as programmes print it: "Name, Company & Name, Company",
 * "Name & Name, Company" (both work there), or "Name (Company), Name (Company)". Returns undefined
 * when the text is not such a list.
 */
export function parsePeople(text: string): Speaker[] | undefined {
  const people = unshout(text.replace(/[（）、，：＆]/g, (c) => FULL_WIDTH[c]!).replace(HANDLE, " ").replace(/\s+/g, " ").replace(/\s+([,)])/g, "$1").replace(/[,\s]+$/, "").trim());
  if (!/\p{L}/u.test(people)) return undefined;
  if (people.includes("(")) {
    const found = [...people.matchAll(PARENTHESIZED)].map((m) => ({ name: m[1]!, company: m[2]!.trim() }));
    const rest = people.replace(PARENTHESIZED, "").replace(/[\s,;&]|\band\b|\bet\b/g, "");
    if (found.length && rest === "") return found;
    // "Helen Greul and Pia Nilsson (Spotify)": one company for the people before it.
    const shared = /^([^()]+?)\s*\(([^()]+)\)$/.exec(people);
    return shared && /\s(&|and|et)\s/.test(shared[1]!) ? parsePeople(`${shared[1]}, ${shared[2]}`) : undefined;
  }
  if (!people.includes(",") && !/\s(&|and|et)\s/.test(people) && !isPersonName(people)) return undefined;
  const speakers: Speaker[] = [];
  for (const part of people.split(/\s+(?:&|and|et)\s+|;\s*/)) {
    const names = part.split(",").map((p) => p.trim()).filter(Boolean);
    // "Phillip Wittrock, Maciej Szulik, Sean Sullivan": a list of names, no company.
    if (names.length >= 3 && names.every(isPersonName)) {
      speakers.push(...names.map((name) => ({ name, company: undefined })));
      continue;
    }
    const [written, ...company] = names;
    // "Michael Rubin Senior Staff Engineer, Google": the name ends where a job title begins.
    const name = written && !isPersonName(written) ? JOB_TITLE_AFTER_NAME.exec(written)?.[1]?.trim() : written;
    if (name && isPersonName(name)) {
      speakers.push({ name, company: company.length ? company.join(", ") : undefined });
      continue;
    }
    // "… & TLM, Google", "… and Co-Founder of Kubeflow, Google": the rest of a job title, once someone is named.
    if (speakers.length === 0 || NAME_START.test(written ?? "") && !JOB_TITLE_START.test(written ?? "")) return undefined;
  }
  // "Michael Medellin & Gordon Tillman, Department of Defense": both work there.
  for (let i = speakers.length - 2; i >= 0; i--) {
    speakers[i]!.company ??= speakers[i + 1]!.company;
  }
  return speakers.map(({ name, company }) => (company ? { name, company } : { name }));
}

/** "Speakers: Jane Doe (Acme)", "Par Jane Doe, Acme": the people of the talk titled on the line before. */
const SPEAKER_LINE = new RegExp(`^(?:${SPEAKER_LABELS})(?![\\p{L}])\\s*[:：\\-–]?\\s*(.+)$`, "iu");
/** "Speakers:" alone on its line, the people in the bullets under it. */
const PEOPLE_LIST_LABEL = new RegExp(`^(?:${SPEAKER_LABELS})\\s*[:：]$`, "iu");

/**
 * The people listed one to a bullet under a "Speakers:" line at `lines[at]` (or a "Speakers" heading,
 * `heading`), and how many lines they take.
 */
export function listedPeople(lines: readonly { text: string; depth: number }[], at: number, heading = false): { speakers: Speaker[]; lines: number } | undefined {
  const label = lines[at]?.text ?? "";
  if (!PEOPLE_LIST_LABEL.test(label) && !(heading && PEOPLE_LIST_LABEL.test(`${label}:`))) return undefined;
  const speakers: Speaker[] = [];
  let next = at + 1;
  for (; lines[next] && lines[next]!.depth > 0; next++) {
    const people = parsePeople(lines[next]!.text);
    if (!people) break;
    speakers.push(...people);
  }
  return speakers.length ? { speakers, lines: next - at } : undefined;
}

/** " · Track: Platform · Level: Intermediate" after a talk's people. */
const PROGRAMME_FIELDS = /(?:\s+[·|•]\s+\p{L}[\p{L} ]{1,20}[:：]\s*[^·|•]+)+$/u;

/** "Speakers: Jane Doe (Acme)", "Panel: Dawn Chen (Google), Mrunal Patel (Red Hat)": people after a label that says so. */
export function labelledPeople(text: string): Speaker[] | undefined {
  const match = SPEAKER_LINE.exec(text);
  return match ? parsePeople(match[1]!) : undefined;
}

/**
 * The people of the talk titled on the line before: "Speakers: Jane Doe (Acme)", "Par Jane Doe,
 * Acme", or a line of people alone as programmes print them under a title ("Jane Doe — Acme",
 * "Jane Doe, Acme & John Roe, Initech"), the company marking them as people.
 */
export function speakerLine(line: string): Speaker[] | undefined {
  // "Jane Doe, Acme · Track: Platform · Level: Intermediate": the programme's other fields are no people.
  const text = line.replace(PROGRAMME_FIELDS, "");
  if (SPEAKER_LINE.test(text)) return labelledPeople(text);
  if (/[.!?:;。]$/.test(text) || text.split(/\s+/).length > 12) return undefined;
  const bare = text.replace(/\s+[—–]\s+/g, ", ");
  return /,|\(/.test(bare) ? parsePeople(bare) : undefined;
}

/** "Rob Scott (Google) and Nick Young (Isovalent) presented …": a sentence that opens with the people who gave the talk. */
const PEOPLE_THEN_VERB = new RegExp(`^(.{4,160}?)\\s+(?:${REPORTING_VERBS})(?![\\p{L}])`, "u");

/**
 * The people a note opens with, when it says what they did ("Jim Bugwadia (Nirmata) walked through
 * …"). They must be marked as people (a company, a second name): "Kueue now admits" is no one.
 */
export function leadingPeople(text: string): Speaker[] | undefined {
  const who = PEOPLE_THEN_VERB.exec(text)?.[1];
  return who && markedAsPeople(who) ? parsePeople(who) : undefined;
}

/**
 * Reads "Title - Name, Company & Name, Company" (the way programmes print talks). Returns
 * undefined when the part after the last dash is not a list of people.
 */
function splitAtDash(line: string): { title: string; speakers: Speaker[] } | undefined {
  // The last spaced dash: names and companies may hold hyphens ("Snell-feikema", "Co-Founder").
  const match = /^(.{6,}?)\s+[-–—|]\s+((?:(?!\s[-–—|]\s).)+)$/u.exec(line);
  if (!match) return undefined;
  const people = match[2]!.trim();
  // "Title Tom Wilkie – Director of Engineering, Acme": the name before the dash, the job title after it.
  const named = JOB_TITLE_START.test(people) && people.includes(",") ? NAME_AT_END.exec(match[1]!) : null;
  if (named) return { title: unshout(named[1]!.trim()), speakers: [{ name: named[2]!, company: people.split(",").at(-1)!.trim() }] };
  // A lone name after a dash is too weak a sign: "Title - Conclusion" reads the same.
  if (!people.includes(",") && !people.includes("(") && !people.includes("@") && !/\s(&|and|et)\s/.test(people)) return undefined;
  const speakers = parsePeople(people);
  return speakers ? { title: unshout(match[1]!.trim()), speakers } : undefined;
}

/**
 * Whether a list of people says it is one: a company after a comma or in parentheses, a handle, or
 * several people joined. "Acme Corp", "Open Source" or "Deep Dive" alone read like a name and are not.
 */
function markedAsPeople(text: string): boolean {
  return /[,(@]/.test(text) || /\s(&|and|et)\s/.test(text);
}

/** The parenthesis ending "Title (Acme Corp)", when it holds no marked list of people: part of the title. */
export const UNMARKED_PARENTHESIS = /^(.{6,}?)\s*\(([^(),@&]+)\)$/u;

/** "Title (Jane Doe, Acme @jane)"; "Title (Acme Corp)" keeps its parenthesis (see UNMARKED_PARENTHESIS). */
function splitAtParentheses(line: string): { title: string; speakers: Speaker[] } | undefined {
  const match = /^(.{6,}?)\s*\(([^()]+(?:\([^()]*\)[^()]*)*)\)$/u.exec(line);
  // "Title (par Jane Doe & John Roe, Acme)", "Title (by Jane Doe, Acme)".
  const who = match?.[2]!.replace(BY_PREFIX, "");
  const speakers = who && markedAsPeople(who) ? parsePeople(who) : undefined;
  return speakers ? { title: unshout(match![1]!.trim().replace(/[-–—:,]$/, "").trim()), speakers } : undefined;
}

const BY_PREFIX = new RegExp(`^(?:${BY_WORDS})\\s+`, "iu");
const TALK_WORD_AND_PEOPLE = new RegExp(`^(${TALK_WORDS})\\s*[-–—:|]\\s*(.+)$`, "iu");

/** "Keynote - Brendan Burns", "Keynote: Jane Doe": a talk word, then only its people. */
function labelAndPerson(line: string): { title: string; speakers: Speaker[] } | undefined {
  const match = TALK_WORD_AND_PEOPLE.exec(line);
  const speakers = match && isPersonName(match[2]!.trim()) ? parsePeople(match[2]!.trim()) : undefined;
  return speakers ? { title: match![1]!, speakers } : undefined;
}

/** "Jane Doe (Acme) Title", "Jane Doe & John Roe ( Acme ) :::: Title": the people, their company in parentheses, then the title. */
function peopleFirst(line: string): { title: string; speakers: Speaker[] } | undefined {
  const match = /^([^()]{4,80}\([^()]{2,60}\))\s*(?:[:|/\-–—]+\s*)?([\p{Lu}\d].{5,})$/u.exec(line);
  const speakers = match ? parsePeople(match[1]!) : undefined;
  return speakers ? { title: unshout(match![2]!.trim()), speakers } : undefined;
}

/** "Jane Doe Senior Staff Acme Title": a name, a job title, then the talk, as hurried notes write a keynote. */
function nameAndRoleFirst(line: string): { title: string; speakers: Speaker[] } | undefined {
  const match = JOB_TITLE_AFTER_NAME.exec(line);
  if (!match) return undefined;
  const name = match[1]!.trim();
  // The job title's own words, then what is left is the title (its company first, when it has one).
  const rest = line.slice(name.length).replace(JOB_TITLE_RUN, "").trim();
  return isPersonName(name) && rest.split(/\s+/).length >= 2 ? { title: unshout(rest), speakers: [{ name }] } : undefined;
}

/** "Title by Jane Doe, Acme": a title of two words or more ("kops by Pusher" names a tool's maker). */
function splitAtBy(line: string): { title: string; speakers: Speaker[] } | undefined {
  const match = /^(.{6,}?)\s+(?:by|par)\s+(.+)$/iu.exec(line);
  if (!match || match[1]!.trim().split(/\s+/).length < 2) return undefined;
  const speakers = parsePeople(match[2]!);
  return speakers ? { title: unshout(match[1]!.trim().replace(/[-–—:,]$/, "").trim()), speakers } : undefined;
}

/**
 * "Jane Doe (Acme): Title", "Jane Doe, Acme: Title". The people must be marked as such (a company,
 * a handle, several names): "Open Source: Building Communities" and "Kubernetes Hardware Hacks:
 * Exploring ..." are titles, and a bare "Jane Doe: Title" cannot be told from them.
 */
function splitAtColon(line: string): { title: string; speakers: Speaker[] } | undefined {
  const match = /^([^:]{4,60}?)\s*:\s+(.+)$/u.exec(line);
  if (!match || match[2]!.trim().split(/\s+/).length < 3 || !markedAsPeople(match[1]!)) return undefined;
  const who = match[1]!;
  const speakers = parsePeople(who);
  return speakers ? { title: unshout(match[2]!.trim()), speakers } : undefined;
}

/**
 * A talk line that names its speakers, in the ways recaps print them: "Title - Speaker, Company",
 * "Title (Speaker, Company @handle)", "Title by Speaker", "Speaker: Title". Undefined otherwise.
 */
export function titleAndSpeakers(line: string): { title: string; speakers: Speaker[] } | undefined {
  return labelAndPerson(line) ?? splitAtDash(line) ?? splitAtParentheses(line) ?? splitAtBy(line) ?? splitAtColon(line) ?? peopleFirst(line) ?? nameAndRoleFirst(line);
}

/** "Aoi Takahashiさん、Junya Okabeさんによる…": the people a note names with an honorific, in its first words. */
const HONORIFIC_NAME = new RegExp(`((?:[\\p{Lu}][\\p{L}'’.-]+\\s)?[\\p{Lu}][\\p{L}'’.-]+|[\\p{Script=Han}\\p{Script=Katakana}]{2,6})(?:${HONORIFICS || "(?!)"})`, "gu");

export function honorificPeople(text: string): Speaker[] | undefined {
  const names = [...text.slice(0, 120).matchAll(HONORIFIC_NAME)].map((m) => m[1]!);
  return names.length ? [...new Set(names)].map((name) => ({ name })) : undefined;
}
