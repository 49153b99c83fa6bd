/** The lines of a recap the segmenter reads: page leftovers, talk markers, link labels. */
import { parseMarkdown, type Block } from "./markdown.js";

export type Line = Block;

/** Web-page leftovers: dropped wherever they stand. */
const LEFTOVERS: readonly RegExp[] = [
  /^image description$/i,
  /^vote on hacker news$/i,
  /^discussion \(\d+\)$/i,
  /^cover image for\b/i,
  /^posted on$/i,
  /^(top )?comments?( \(\d+\))?$/i,
  /^(share|tweet|like)( this)?( post)?$/i,
  /^subscribe( now)?$/i, // a newsletter platform's button
  /^read (more|next)$/i,
  /^click (here )?to expand\.*$/i, // a wiki's collapsed block, its content kept
  /^(\||-|=|_){2,}.*$/, // table rules and separators
  /^[\p{P}\p{S}\s]{3,}$/u, // a rule drawn with dashes, stars or box characters ("———", "* * *", "━━━")
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

/** The author's sign-off ("That's all for this year", "Thanks for reading!", "Merci de nous avoir lus"): the article ends there. */
const SIGN_OFF =
  /^(that['’]s (all|it) for (now|today|this (week|year|time|post|recap|edition))\b|thanks?( you)?( so much)? for reading\b|merci (de nous avoir lus|de m['’]avoir lu|pour votre lecture)\b|if you (liked|enjoyed) (this|the post|the article)\b|(以上、[^。]*。\s*)?(最後まで)?(お)?読んでいただき、?ありがとうございました)/i;

/** Lines that point at slides or an abstract: not content, but a sign that the line above is a talk title. */
const TALK_MARKERS: readonly RegExp[] = [
  /^links? to (the )?(slides?|video|recording|talk|tutorial( code)?|session)\b.{0,20}$/i,
  /^(slides?|video|recording)\s*[.:]?$/i,
  /^(watch|view|see|download)( the)? (recording|video|talk|slides|replay|deck)\b.{0,20}$/i,
  /^talk abstract$/i,
  /^abstract$/i,
];

/** "Summary" under a talk title: its bullets are the talk's notes. */
const SUMMARY = /^(summary|résumé|notes)$/i;

/** "Slides: X", "Source: X", "See: X": references to keep as text, never headings. */
export const LINK_LABEL = /^(slides?|deck|source|see|video|vidéo|recording|replay|watch|link|repo(sitory)?|github|資料|動画|スライド|録画)\s*[:：]/i;

export function isLeftover(text: string): boolean {
  return LEFTOVERS.some((re) => re.test(text));
}

export function isTalkMarker(text: string): boolean {
  return TALK_MARKERS.some((re) => re.test(text));
}

export function isSummaryMarker(text: string): boolean {
  return SUMMARY.test(text);
}

/** The recap's blocks, without page leftovers and the page footer. */
export function readLines(body: string): Line[] {
  const { blocks } = parseMarkdown(body);
  const lineCount = body.split("\n").length;
  const lastHeading = blocks.findLastIndex((b) => b.markdownLevel !== undefined);
  const footerFrom = blocks.findIndex(
    (b, i) => b.line > lineCount * 0.6 && (FOOTERS.some((re) => re.test(b.text)) || (i > lastHeading && b.depth === 0 && SIGN_OFF.test(b.text))),
  );
  // Code and table rows are kept as written ("--max-pods" is no separator).
  const kept = (footerFrom < 0 ? blocks : blocks.slice(0, footerFrom)).filter((b) => b.markdownLevel !== undefined || b.verbatim || !isLeftover(b.text));
  return normalizeDepths(kept);
}

/** Bullet depths as 1, 2, 3 by rank, whatever the number of spaces a level uses. */
function normalizeDepths(lines: Line[]): Line[] {
  const indents = [...new Set(lines.filter((l) => l.depth > 0).map((l) => l.depth))].sort((a, b) => a - b);
  const rank = new Map(indents.map((indent, i) => [indent, i + 1]));
  return lines.map((l) => (l.depth > 0 ? { ...l, depth: rank.get(l.depth)! } : l));
}
