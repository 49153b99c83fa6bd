import { classifyHeading, type Heading } from "./headings.js";
import { isSummaryMarker, isTalkMarker, readLines, type Line } from "./lines.js";
import type { Bullet, Speaker } from "./section.js";
import { speakerLine } from "./speakers.js";
import { endsMidSentence } from "./words.js";

/** A section as the segmenter finds it, before ids and tags are given. */
export interface FoundSection {
  title: string;
  talk: string;
  parent?: string;
  speakers: Speaker[];
  day?: string;
  bullets: Bullet[];
}

export interface SegmentOptions {
  /** The recap's own title: dropped where the page repeats it. */
  recapTitle: string;
  language: string;
}

/**
 * Finds the talks, keynotes and topic notes in a recap of any shape (plain text or Markdown).
 * Text before the first clear heading (the blog's own introduction) is not a section.
 */
export function segment(body: string, options: SegmentOptions): FoundSection[] {
  const recapTitle = options.recapTitle.trim().toLowerCase();
  const all = readLines(body).filter((line) => line.text.toLowerCase() !== recapTitle);
  const { contents, tocLines } = findContents(all);
  const lines = all.filter((_, i) => !tocLines.has(i));

  const headings = lines.map(() => undefined as Heading | undefined);
  let previousIsHeading = false;
  lines.forEach((line, i) => {
    headings[i] = classifyHeading(line, {
      previous: lines[i - 1],
      previousIsHeading,
      next: lines[i + 1],
      contents,
      recapLanguage: options.language,
    });
    previousIsHeading = headings[i] !== undefined;
  });

  const hasClearHeadings = headings.some((h) => h && h.kind !== "sub");
  const hasTitleLikeHeadings = headings.some((h) => h?.titleLike);
  if (!hasClearHeadings && !hasTitleLikeHeadings) {
    const bullets = lines.map(({ text, depth }) => ({ text, depth }));
    return bullets.length ? [{ title: options.recapTitle, talk: options.recapTitle, speakers: [], bullets }] : [];
  }

  const sections: FoundSection[] = [];
  let current: FoundSection | undefined;
  let group: string | undefined;
  let day: string | undefined;
  const open = (section: FoundSection) => {
    current = section;
    sections.push(section);
  };

  lines.forEach((line, i) => {
    const heading = headings[i];
    if (heading?.day) day = heading.day;
    if (heading && heading.kind !== "sub") {
      group = heading.kind === "talk" ? undefined : heading.title;
      open({ title: heading.title, talk: heading.title, speakers: heading.speakers, day, bullets: [] });
      return;
    }
    if (heading && (current || !hasClearHeadings)) {
      if (group) {
        open({ title: `${group} › ${heading.title}`, talk: heading.title, parent: group, speakers: [], day, bullets: [] });
        return;
      }
      // A Title Case line inside a talk starts the next talk, unless the talk has no notes yet.
      if (heading.titleLike && (current ? current.bullets.length > 0 : !hasClearHeadings)) {
        open({ title: heading.title, talk: heading.title, speakers: [], day, bullets: [] });
        return;
      }
    }
    if (!current) return; // the blog's introduction
    if (isTalkMarker(line.text)) return;
    if (isSummaryMarker(line.text) && current.bullets.length === 0) return;
    const people = current.bullets.length === 0 && current.speakers.length === 0 ? speakerLine(line.text) : undefined;
    if (people) {
      current.speakers = people;
      return;
    }
    addLine(current.bullets, line);
  });

  return sections.filter((s) => s.bullets.length > 0).map((s) => ({ ...s, bullets: outdent(s.bullets) }));
}

/** Adds a line, joining it to the one before when the page broke a sentence across lines. */
function addLine(bullets: Bullet[], line: Line): void {
  const last = bullets.at(-1);
  const continues =
    last !== undefined &&
    line.depth === 0 &&
    !line.afterBlank &&
    (/^[,.;:)\]]/.test(line.text) ||
      (!/[.!?:)"”]$/.test(last.text) && (/^\p{Ll}/u.test(line.text) || endsMidSentence(last.text))));
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
 * A table of contents: a run of three or more bullets near the top whose items come back later
 * as headings of their own. Its lines are dropped and its items become group headings.
 */
function findContents(lines: Line[]): { contents: Set<string>; tocLines: Set<number> } {
  const limit = Math.floor(lines.length * 0.4);
  for (let start = 0; start < limit; start++) {
    if (lines[start]!.depth === 0) continue;
    let end = start;
    while (end < lines.length && lines[end]!.depth > 0) end++;
    const items = lines.slice(start, end).map((l) => l.text.toLowerCase());
    if (items.length >= 3) {
      const later = new Set(lines.slice(end).filter((l) => l.depth === 0).map((l) => l.text.toLowerCase()));
      const found = items.filter((item) => later.has(item));
      if (found.length >= Math.ceil(items.length * 0.75)) {
        return { contents: new Set(found), tocLines: new Set(Array.from({ length: end - start }, (_, k) => start + k)) };
      }
    }
    start = end;
  }
  return { contents: new Set(), tocLines: new Set() };
}
