import type { Speaker } from "../corpus/section.js";
import { isEnglishFunctionWord } from "../corpus/words.js";
import { fold } from "../text/fold.js";

/** A `SUMMARY` read: "📚 Tutorial: Title - Speaker, Company; Speaker, Company". */
export interface SummaryParts {
  title: string;
  format?: string;
  speakers: Speaker[];
}

/** "Keynote: …", "📚 Tutorial: …": a short head before the first colon. */
const HEAD = /^([^:]{2,40}?):\s+(\S.*)$/u;
/** Emoji and symbols before a label ("📚 Tutorial", "⚡ Lightning Talk"). */
const LEADING_SYMBOLS = /^[\p{Extended_Pictographic}\p{Emoji_Component}\p{S}\uFE0F\u200D\s]+/u;
const HAS_SYMBOL = /^[\p{Extended_Pictographic}\p{S}]/u;
/** Where the speakers may begin: " - ", or a dash glued to the title's last word or the first name ("Awareness- Jane", "Ready? -Chad"). */
const DASH = /\s[-–—]\s?|(?<=\S)[-–—]\s/gu;
/** A word of a name: capitalized, maybe quoted or in parentheses ("Mauricio \"Salaboy\" Salatino", "Vaclav (Oisin) Haken"). */
const NAME_WORD = /^["“(]?[\p{Lu}][\p{L}'’.-]*["”)]?$/u;
/** Small words inside family names ("Raymond de Jong", "Jan van der Berg"). */
const NAME_PARTICLE = /^(?:de|del|della|der|den|van|von|da|di|du|le|la|dos|das|bin|al|ter|ten)$/u;
const CJK_NAME = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}・\s]{2,12}$/u;
/** How many sessions of one programme must open with a head for it to be a format, not a title's own. */
const COMMON_LABEL = 3;

const labelKey = (head: string) => fold(head.replace(LEADING_SYMBOLS, "")).replace(/s$/, "");

/** The heads that open at least COMMON_LABEL summaries of a programme: formats ("Keynote", "Sponsored Demo"). */
export function commonLabels(summaries: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const summary of summaries) {
    const head = HEAD.exec(summary)?.[1];
    if (head) counts.set(labelKey(head), (counts.get(labelKey(head)) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= COMMON_LABEL).map(([key]) => key));
}

/**
 * The format label before a title, if the head before its first colon is one: it opens with an
 * emoji ("📚 Tutorial:"), the session's track begins with it ("Keynote:" in "KEYNOTE SESSIONS"), or
 * it opens many sessions of the programme (`commonLabels`). Anything else is the title's own
 * ("Volcano: Scheduling AI Workloads").
 */
function labelOf(summary: string, track: string | undefined, common: ReadonlySet<string>): { format: string; rest: string } | undefined {
  const match = HEAD.exec(summary);
  if (!match) return undefined;
  const [, head, rest] = match as unknown as [string, string, string];
  const key = labelKey(head);
  const inTrack = track !== undefined && key.length > 0 && labelKey(track).startsWith(key);
  if (!HAS_SYMBOL.test(head) && !inTrack && !common.has(key)) return undefined;
  return { format: head.replace(LEADING_SYMBOLS, "").trim(), rest };
}

function isName(text: string, alone: boolean): boolean {
  if (CJK_NAME.test(text)) return true;
  const words = text.split(/\s+/);
  // One word is a name only alone with its company ("Flynn, Buoyant"); "The Hard Way" is no name.
  if (words.length > 5 || (words.length < 2 && alone)) return false;
  return words.every((w, i) => (i > 0 && NAME_PARTICLE.test(w)) || (NAME_WORD.test(w) && !isEnglishFunctionWord(w.replace(/^["“(]|["”)]$/g, ""))));
}

/**
 * The people of a schedule site's summary, as it writes them: "Name, Company" joined by "; ", or
 * by " & " or " and " ("Name, Title, Company & Name, Company"); a name without a company shares
 * the next one's ("Jane Doe & John Roe, Acme"). Undefined when the text is not such a list.
 */
function programmePeople(text: string): Speaker[] | undefined {
  const people: { name: string; company?: string }[] = [];
  const parts = text.split(/\s*;\s*|\s+(?:&|and)\s+/u);
  for (const part of parts) {
    const [name = "", ...rest] = part.split(",").map((p) => p.trim());
    const company = rest.filter(Boolean).join(", ");
    const last = people.at(-1);
    if (isName(name, parts.length > 1 || !company)) people.push({ name, ...(company && { company }) });
    // "Jane Doe, Maintainer & Fellow, Acme": the rest of a job title.
    else if (last?.company) last.company = `${last.company} & ${part.trim()}`;
    else return undefined;
  }
  for (let i = people.length - 2; i >= 0; i--) people[i]!.company ??= people[i + 1]!.company;
  return people.length ? people.map(({ name, company }) => (company ? { name, company } : { name })) : undefined;
}

/**
 * The title and speakers of a summary: the first dash after which the text reads as a list of
 * people (`programmePeople`) ends the title.
 * Trying from the first dash keeps dashes inside a title ("FluxCD - GitOps For All Sizes - Jane
 * Doe, Acme") and inside a job title ("Jane Doe, Staff Engineer - Kubernetes, Acme").
 */
function titleAndPeople(text: string): { title: string; speakers: Speaker[] } {
  for (const dash of text.matchAll(DASH)) {
    const title = text.slice(0, dash.index).trim();
    const speakers = programmePeople(text.slice(dash.index + dash[0].length));
    if (title && speakers?.length) return { title, speakers };
  }
  return { title: text.trim(), speakers: [] };
}

export function readSummary(summary: string, track: string | undefined, common: ReadonlySet<string>): SummaryParts {
  const label = labelOf(summary, track, common);
  const { title, speakers } = titleAndPeople(label?.rest ?? summary);
  return { title, ...(label && { format: label.format }), speakers };
}
