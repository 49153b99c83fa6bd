/** Turning a recap's raw text into classified lines: bullets, page leftovers, link labels. */

export interface Line {
  /** The text without bullet marker, markdown heading marks or surrounding space. */
  text: string;
  /** 0 for a paragraph, 1 and more for bullets by indentation. */
  depth: number;
  /** Markdown heading level (`#` = 1), when the line is one. */
  markdownLevel?: number;
  /** A blank line came before it. */
  afterBlank: boolean;
}

const BULLET = /^([•◦▪▫‣⁃·*+\-–—]|\d{1,2}[.)])\s+/u;
const MARKDOWN_HEADING = /^(#{1,6})\s+(.+?)\s*#*$/;

/** Web-page leftovers: dropped wherever they stand. */
const LEFTOVERS: readonly RegExp[] = [
  /^image description$/i,
  /^vote on hacker news$/i,
  /^discussion \(\d+\)$/i,
  /^cover image for\b/i,
  /^posted on$/i,
  /^(top )?comments?( \(\d+\))?$/i,
  /^(share|tweet|like)( this)?( post)?$/i,
  /^read (more|next)$/i,
  /^(\||-|=|_){2,}.*$/, // table rules and separators
];

/** Lines after which the rest of a page is navigation and advertising. */
const FOOTERS: readonly RegExp[] = [
  /^you may also (be interested in|like)\b/i,
  /^related (posts|articles)\b/i,
  /^upcoming conferences\b/i,
  /^discussion \(\d+\)$/i,
  /^vote on hacker news$/i,
  /^(leave a (reply|comment)|subscribe to (our|my) newsletter)\b/i,
];

/** Lines that point at slides or an abstract: not content, but a sign that the line above is a talk title. */
const TALK_MARKERS: readonly RegExp[] = [
  /^links? to (the )?(slides?|video|recording|talk|tutorial( code)?|session)\b.{0,20}$/i,
  /^(slides?|video|recording)\s*[.:]?$/i,
  /^talk abstract$/i,
  /^abstract$/i,
];

/** "Summary" under a talk title: its bullets are the talk's notes. */
const SUMMARY = /^(summary|résumé|notes)$/i;

/** "Slides: X", "Source: X", "See: X": references to keep as text, never headings. */
export const LINK_LABEL = /^(slides?|source|see|video|recording|link|repo(sitory)?|github)\s*:/i;

export function isLeftover(text: string): boolean {
  return LEFTOVERS.some((re) => re.test(text));
}

export function isTalkMarker(text: string): boolean {
  return TALK_MARKERS.some((re) => re.test(text));
}

export function isSummaryMarker(text: string): boolean {
  return SUMMARY.test(text);
}

/** Splits text into lines, drops leftovers and the page footer, and reads bullets and markdown headings. */
export function readLines(body: string): Line[] {
  const raw = body.replace(/\r\n?/g, "\n").replace(/[\u00a0\u2007\u202f]/g, " ").split("\n");
  const footerFrom = findFooter(raw);
  const lines: Line[] = [];
  let afterBlank = true;
  for (const rawLine of raw.slice(0, footerFrom)) {
    const trimmed = rawLine.trim();
    if (!trimmed) {
      afterBlank = true;
      continue;
    }
    const markdown = MARKDOWN_HEADING.exec(trimmed);
    if (markdown) {
      lines.push({ text: markdown[2]!, depth: 0, markdownLevel: markdown[1]!.length, afterBlank });
    } else {
      const bullet = BULLET.exec(trimmed);
      const indent = rawLine.length - rawLine.trimStart().length;
      const text = (bullet ? trimmed.slice(bullet[0].length) : trimmed).replace(/^\*\*(.+)\*\*$/, "$1").trim();
      if (text && !isLeftover(text)) {
        lines.push({ text, depth: bullet ? 1 + Math.floor(indent / 2) : 0, afterBlank });
      }
    }
    afterBlank = false;
  }
  return normalizeDepths(lines);
}

function findFooter(raw: string[]): number {
  const start = Math.floor(raw.length * 0.6);
  for (let i = start; i < raw.length; i++) {
    const text = raw[i]!.trim();
    if (FOOTERS.some((re) => re.test(text))) return i;
  }
  return raw.length;
}

/** Bullet depths as 1, 2, 3 by rank of indentation, whatever the number of spaces a level uses. */
function normalizeDepths(lines: Line[]): Line[] {
  const indents = [...new Set(lines.filter((l) => l.depth > 0).map((l) => l.depth))].sort((a, b) => a - b);
  const rank = new Map(indents.map((indent, i) => [indent, i + 1]));
  return lines.map((l) => (l.depth > 0 ? { ...l, depth: rank.get(l.depth)! } : l));
}
