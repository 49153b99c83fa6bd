import { classifyBlock, isDayHeading, type Heading, type OutlineEntry } from "./headings.js";
import { LINK_LABEL, isSummaryMarker, isTalkMarker, readLines, type Line } from "./lines.js";
import { talkLinkKind, type TalkLinkKind } from "./links.js";
import type { Bullet, Speaker } from "./section.js";
import { leadingPeople, listedPeople, speakerLine } from "./speakers.js";
import { endsMidSentence, wordsOf } from "./words.js";

/** A section as the segmenter finds it, before ids and tags are given. */
export interface FoundSection {
  title: string;
  talk: string;
  parent?: string;
  speakers: Speaker[];
  day?: string;
  bullets: Bullet[];
  /** The talk's own link (video, slides, schedule page) and what it points at. */
  url?: string;
  urlKind?: TalkLinkKind;
}

export interface SegmentOptions {
  /** The recap's own title: dropped where the page repeats it. */
  recapTitle: string;
  language: string;
}

/** More lines than this in one section: the segmenter probably missed the talks inside it. */
export const LONG_SECTION = 60;

/**
 * Finds the talks, keynotes and topic notes in a recap of any shape (plain text or Markdown).
 * Text before the first clear heading (the blog's own introduction) is not a section.
 */
export function segment(body: string, options: SegmentOptions): FoundSection[] {
  const recapTitle = options.recapTitle.trim().toLowerCase();
  const all = readLines(body).filter((line) => line.text.toLowerCase() !== recapTitle);
  const { contents, tocLines } = findContents(all);
  const lines = all.filter((_, i) => !tocLines.has(i));
  const outline = outlineOf(lines);

  const headings = lines.map(() => undefined as Heading | undefined);
  const skipped = new Set<number>();
  let previousIsHeading = false;
  let skipUntilLevel: number | undefined;
  lines.forEach((line, i) => {
    const verdict = classifyBlock(line, {
      previous: lines[i - 1],
      previousIsHeading,
      next: lines[i + 1],
      contents,
      recapLanguage: options.language,
      outline: outline.get(i),
    });
    const level = outline.get(i)?.level ?? Infinity;
    // Page furniture is dropped with everything under it, up to the next heading of its level (a line
    // that merely reads as a title, such as the author's name under "About the author", is no heading).
    const plainSub = verdict.heading?.kind === "sub" && !outline.has(i);
    if (skipUntilLevel !== undefined && (verdict.heading === undefined || plainSub || (level > skipUntilLevel && verdict.skip === undefined))) {
      skipped.add(i);
      previousIsHeading = false;
      return;
    }
    skipUntilLevel = undefined;
    if (verdict.skip) {
      skipped.add(i);
      if (!outline.get(i)?.pageTitle) skipUntilLevel = level;
    }
    headings[i] = verdict.heading;
    previousIsHeading = headings[i] !== undefined;
  });

  const kept = lines.filter((_, i) => !skipped.has(i));
  const keptHeadings = headings.filter((_, i) => !skipped.has(i));
  const hasClearHeadings = keptHeadings.some((h) => h && h.kind !== "sub");
  const hasTitleLikeHeadings = keptHeadings.some((h) => h?.titleLike);
  if (!hasClearHeadings && !hasTitleLikeHeadings) {
    const bullets = kept.map(({ text, depth }) => ({ text, depth }));
    return bullets.length ? [{ title: options.recapTitle, talk: options.recapTitle, speakers: [], bullets }] : [];
  }

  const sections: Building[] = [];
  let current: Building | undefined;
  let group: string | undefined;
  let day: string | undefined;
  const open = (heading: Heading, title: string, parent?: string) => {
    current = { title, talk: heading.title, ...(parent && { parent }), speakers: heading.speakers, day, bullets: [], splits: [] };
    if (heading.url) setLink(current, heading.url);
    if (heading.note) current.bullets.push({ text: heading.note, depth: 0 });
    sections.push(current);
  };

  let listedUntil = 0;
  kept.forEach((line, i) => {
    if (i < listedUntil) return; // a speaker of the list read below
    const heading = keptHeadings[i];
    if (heading?.day) day = heading.day;
    if (heading && heading.kind !== "sub") {
      // A day heading sets the day of the talks under it; a topic group titles its sub-sections.
      group = heading.kind === "group" ? heading.title : undefined;
      open(heading, heading.title);
      return;
    }
    if (heading && (current || !hasClearHeadings)) {
      if (group) {
        open(heading, `${group} › ${heading.title}`, group);
        return;
      }
      // A Title Case line inside a talk starts the next talk, unless the talk has no notes yet.
      if (heading.titleLike && (current ? current.bullets.length > 0 : !hasClearHeadings)) {
        open(heading, heading.title);
        return;
      }
    }
    if (!current) return; // the blog's introduction
    if (readLink(current, line)) return;
    if (isSummaryMarker(line.text) && current.bullets.length === 0) return;
    // "Speakers:" then one bullet a person: the talk's speakers, not its notes.
    const listed = current.speakers.length === 0 ? listedPeople(kept, i) : undefined;
    if (listed) {
      current.speakers = listed.speakers;
      listedUntil = i + listed.lines;
      return;
    }
    const firstLine = current.bullets.length === 0 && current.speakers.length === 0;
    const people = firstLine ? speakerLine(line.text) : undefined;
    if (people) {
      current.speakers = people;
      return;
    }
    // "Jim Bugwadia (Nirmata) walked through …": the talk's first note names its speakers.
    if (firstLine && line.depth === 0) current.speakers = leadingPeople(line.text) ?? [];
    // A heading the loop did not use is where a section too long may be cut (shape 9).
    if (heading && line.depth === 0) current.splits.push({ at: current.bullets.length, heading });
    addLine(current.bullets, line);
  });

  return sections
    .flatMap(splitLong)
    .filter((s) => s.bullets.length > 0 || s.url !== undefined)
    .map(({ splits: _splits, ...s }) => ({ ...s, bullets: outdent(s.bullets) }));
}

interface Building extends FoundSection {
  /** Lines of the section that read as headings, where it may be cut if it grows too long. */
  splits: { at: number; heading: Heading }[];
}

function setLink(section: FoundSection, url: string, kind = talkLinkKind(url)): void {
  section.url = url;
  section.urlKind = kind ?? "page";
}

/**
 * "Link to slides", "Slides: https://...", a bare video address: a talk's link, not a note. The first
 * such link that points at a video, slides or a session page becomes the section's link.
 */
function readLink(section: FoundSection, line: Line): boolean {
  const marker = isTalkMarker(line.text);
  const labelled = LINK_LABEL.test(line.text) && line.links.length > 0;
  const bare = line.links.length === 1 && line.links[0]!.label === line.text && /^(https?:\/\/|www\.)/i.test(line.text);
  if (!marker && !labelled && !bare) return false;
  if (section.url === undefined) {
    for (const link of line.links) {
      const kind = talkLinkKind(link.url, `${line.text} ${link.label}`);
      if (kind) {
        setLink(section, link.url, kind);
        break;
      }
    }
  }
  // "Slides: see the repo" without a link stays a note.
  return marker || bare || section.url !== undefined;
}

/**
 * Shape 9: a section of more than LONG_SECTION lines swallowed the talks after it; it is cut at the
 * lines inside it that read as headings.
 */
function splitLong(section: Building): Building[] {
  if (section.bullets.length <= LONG_SECTION || section.splits.length === 0) return [section];
  const parts: Building[] = [];
  let from = 0;
  let head: Building = section;
  for (const { at, heading } of section.splits) {
    if (at - from < 2) continue;
    parts.push({ ...head, bullets: section.bullets.slice(from, at), splits: [] });
    from = at + 1;
    const title = section.parent ? `${section.parent} › ${heading.title}` : heading.title;
    head = { title, talk: heading.title, ...(section.parent && { parent: section.parent }), speakers: heading.speakers, day: section.day, bullets: [], splits: [] };
  }
  parts.push({ ...head, bullets: section.bullets.slice(from), splits: [] });
  return parts;
}

/** Adds a line, joining it to the one before when the page broke a sentence across lines. */
function addLine(bullets: Bullet[], line: Line): void {
  const last = bullets.at(-1);
  const continues =
    last !== undefined &&
    line.depth === 0 &&
    !line.afterBlank &&
    !line.verbatim &&
    (/^[,.;:)\]]/.test(line.text) ||
      (!/[.!?:)"”。！？]$/.test(last.text) && (/^\p{Ll}/u.test(line.text) || endsMidSentence(last.text))));
  if (continues) {
    last.text += /^[,.;:)\]]/.test(line.text) ? line.text : ` ${line.text}`;
  } else {
    bullets.push({ text: line.text, depth: line.depth });
  }
}

/** Bullets start at depth 1 within a section, whatever their depth on the page. */
function outdent(bullets: Bullet[]): Bullet[] {
  const depths = bullets.filter((b) => b.depth > 0).map((b) => b.depth);
  const shift = depths.length ? Math.min(...depths) - 1 : 0;
  return bullets.map((b) => (b.depth > 0 ? { ...b, depth: b.depth - shift } : b));
}

/**
 * A line written as a heading in disguise: bold or italic alone on its line, or after a heading mark
 * ("■ Title"), short, not a sentence, and not the talk's speakers or links set in italics
 * ("*Speakers: Jane Doe, Acme*").
 */
function isEmphasizedHeading(line: Line): boolean {
  return (
    line.depth === 0 &&
    line.markdownLevel === undefined &&
    (line.emphasis > 0 || line.headingMark === true) &&
    !line.verbatim &&
    wordsOf(line.text).length <= 16 &&
    line.text.length <= 150 &&
    !/[.,;:!…。]$/.test(line.text) &&
    speakerLine(line.text) === undefined &&
    !isTalkMarker(line.text) &&
    !LINK_LABEL.test(line.text)
  );
}

/**
 * The recap's outline: its Markdown headings and its bold or marked lines used as headings, each
 * with its level. These rank below the deepest Markdown heading the recap uses, "■ marked" above
 * `***both***` above `**bold**` above `*italic*`.
 */
function outlineOf(lines: Line[]): Map<number, OutlineEntry> {
  const deepest = Math.max(0, ...lines.map((l) => l.markdownLevel ?? 0));
  const style = (line: Line) => (line.headingMark ? 4 : line.emphasis);
  // Each line judged once: the test reads the line's speakers and links.
  const emphasized = lines.map(isEmphasizedHeading);
  const styles = [...new Set(lines.filter((_, index) => emphasized[index]).map(style))].sort((a, b) => b - a);
  const raw: { index: number; level: number; label: boolean }[] = [];
  lines.forEach((line, index) => {
    const level = line.markdownLevel ?? (emphasized[index] ? deepest + 1 + styles.indexOf(style(line)) : undefined);
    if (level !== undefined) raw.push({ index, level, label: /[:：]$/.test(line.text) });
  });
  const top = Math.min(...raw.map((r) => r.level));
  const entries = new Map<number, OutlineEntry>();
  raw.forEach((entry, k) => {
    let hasSubheadings = false;
    for (let j = k + 1; j < raw.length && raw[j]!.level > entry.level; j++) if (!raw[j]!.label) hasSubheadings = true;
    let parent: (typeof raw)[number] | undefined;
    for (let j = k - 1; j >= 0; j--) {
      if (raw[j]!.level < entry.level) {
        parent = raw[j];
        break;
      }
    }
    const alone = raw.filter((r) => r.level === entry.level).length === 1;
    // A lone day heading over everything ("## Day 1") is a day, not the page's title.
    const pageTitle = k === 0 && entry.level === top && alone && hasSubheadings && !isDayHeading(lines[entry.index]!.text);
    entries.set(entry.index, { level: entry.level - top + 1, hasSubheadings, underGroup: false, pageTitle });
    // Under the page's title or a day, a heading is a talk; under a topic, a sub-section.
    if (parent) entries.get(entry.index)!.underGroup = !entries.get(parent.index)!.pageTitle && !isDayHeading(lines[parent.index]!.text);
  });
  return entries;
}

/**
 * A table of contents: a run of three or more bullets near the top whose items come back later
 * as headings of their own. Its lines are dropped and its items become group headings. A list of
 * in-page links (`[Title](#anchor)`) is one too, wherever it stands.
 */
function findContents(lines: Line[]): { contents: Set<string>; tocLines: Set<number> } {
  const limit = Math.floor(lines.length * 0.4);
  // Where each paragraph text is last seen, to tell in one look whether an item comes back later.
  const lastSeen = new Map<string, number>();
  lines.forEach((l, i) => l.depth === 0 && lastSeen.set(l.text.toLowerCase(), i));
  const tocLines = new Set<number>();
  let contents = new Set<string>();
  for (let start = 0; start < lines.length; start++) {
    if (lines[start]!.depth === 0) continue;
    let end = start;
    while (end < lines.length && lines[end]!.depth > 0) end++;
    const run = lines.slice(start, end);
    const anchors = run.every((l) => l.links.length > 0 && l.links.every((link) => link.url.startsWith("#")));
    const items = run.map((l) => l.text.toLowerCase());
    if (items.length >= 2 && anchors) {
      for (let k = start; k < end; k++) tocLines.add(k);
    } else if (items.length >= 3 && start < limit && contents.size === 0) {
      const found = items.filter((item) => (lastSeen.get(item) ?? -1) >= end);
      if (found.length >= Math.ceil(items.length * 0.75)) {
        contents = new Set(found);
        for (let k = start; k < end; k++) tocLines.add(k);
      }
    }
    start = end;
  }
  return { contents, tocLines };
}
